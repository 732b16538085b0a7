/* page_trace.c — timelines: a project, phrase or case across councils,
 * oldest first, each event with its decision; and the case page, which
 * is the trace of one case number in one council. */
#include <string.h>

#include "answer.h"
#include "fmt.h"
#include "form.h"
#include "html.h"
#include "answer_json.h"
#include "layout.h"
#include "search_state.h"
#include "url.h"

static const web_form_t trace_form = {.page = "trace",
                                      .attrs = "class=\"search\"",
                                      .type = "search",
                                      .id = "tq",
                                      .name = "q",
                                      .maxlength = WEB_MAX_QUERY,
                                      .label = T_TRACE_LABEL,
                                      .has_help = TRUE,
                                      .help = T_TRACE_HELP};

/* "Sak 13/24 Title" when the event is an agenda item with a case
 * number, else the title (the item's or the meeting's). */
static void event_label(GString *o, const web_ctx_t *ctx, JsonObject *e)
{
    const char *number = arkiv_json_str(e, "item"), *title = arkiv_json_str(e, "title");
    if (number) {
        web_html_text(o, web_label(ctx, strchr(number, '/') ? T_ITEM : T_POINT));
        g_string_append_c(o, ' ');
        web_html_text(o, number);
        g_string_append_c(o, ' ');
    }
    web_html_text(o, title);
}

static void event_li(web_ctx_t *ctx, JsonObject *e)
{
    GString *o = ctx->resp->body;
    const char *id = arkiv_json_str(e, "id"), *decision = arkiv_json_str(e, "decision");
    const char *snippet = arkiv_json_str(e, "snippet");
    g_string_append(o, "<li class=\"event\">\n<h2>");
    web_fmt_date(o, ctx, arkiv_json_str(e, "date"));
    g_string_append(o, " <span class=\"council\">");
    web_fmt_list(o, arkiv_json_array(e, "councils"));
    g_string_append(o, "</span></h2>\n<p class=\"what\">");
    /* The event's id is its meeting's. */
    if (id) {
        web_url_t u;
        web_url_begin(&u, ctx->req, "doc", id);
        char *anchor = web_case_anchor(arkiv_json_str(e, "item"));
        char *href = web_url_end(&u, ctx->req, anchor);
        g_free(anchor);
        g_string_append(o, "<a href=\"");
        web_html_attr(o, href);
        g_string_append(o, "\">");
        g_free(href);
    }
    event_label(o, ctx, e);
    g_string_append(o, id ? "</a></p>\n" : "</p>\n");
    if (decision) {
        web_fmt_decision(o, ctx, decision);
    } else if (snippet && *snippet) {
        g_string_append(o, "<p class=\"snippet\">");
        web_html_text(o, snippet);
        g_string_append(o, "</p>\n");
    }
    g_string_append(o, "</li>\n");
}

static void timeline(web_ctx_t *ctx, JsonArray *events)
{
    GString *o = ctx->resp->body;
    guint n = events ? json_array_get_length(events) : 0;
    if (!n) {
        g_string_append(o, "<p class=\"none\">");
        web_html_text(o, web_label(ctx, T_NO_EVENTS));
        g_string_append(o, "</p>\n");
        return;
    }
    g_string_append(o, "<ol class=\"timeline\">\n");
    for (guint i = 0; i < n; i++)
        event_li(ctx, arkiv_json_array_object(events, i));
    g_string_append(o, "</ol>\n");
}

/* The trace for `query`, under `heading`, with the form showing `shown`. */
static void trace_page(web_ctx_t *ctx, const char *query, const char *heading, const char *shown)
{
    if (!ctx->db) {
        web_page_error(ctx, 503, NULL);
        return;
    }
    JsonNode *ans = NULL;
    char *error = NULL;
    arkiv_status_t st = arkiv_answer_trace(ctx->db, query, 0, &ans, &error);
    if (st != ARKIV_STATUS_OK) {
        web_page_answer_error(ctx, st, error);
    } else if (web_wants_json(ctx)) {
        web_send_json(ctx, json_node_ref(ans));
    } else {
        GString *o = ctx->resp->body;
        web_layout_titled(ctx, heading);
        web_form_one(ctx, &trace_form, shown, T_TRACE);
        JsonObject *a = arkiv_json_root(ans);
        if (json_object_has_member(a, "complete") &&
            !json_object_get_boolean_member(a, "complete")) {
            g_string_append(o, "<p class=\"notice\" role=\"status\">");
            web_html_text(o, web_label(ctx, T_TRACE_PARTIAL));
            g_string_append(o, "</p>\n");
        }
        timeline(ctx, arkiv_json_array(a, "events"));
        web_layout_end(ctx);
    }
    if (ans)
        json_node_unref(ans);
    g_free(error);
}

void web_page_trace(web_ctx_t *ctx)
{
    const char *q = web_request_param(ctx->req, "q");
    if (q && strlen(q) > WEB_MAX_QUERY) {
        web_page_error(ctx, 400, "the query is too long (at most 500 bytes)");
    } else if (!q) {
        web_layout_titled(ctx, web_label(ctx, T_TRACE));
        web_form_one(ctx, &trace_form, "", T_TRACE);
        web_layout_end(ctx);
    } else {
        char *heading = g_strdup_printf("%s: %s", web_label(ctx, T_TRACE), q);
        trace_page(ctx, q, heading, q);
        g_free(heading);
    }
}

/* "08/25", "8/2025", "12": digits, at most one slash. */
static gboolean case_number_ok(const char *n)
{
    size_t len = strlen(n), digits = strspn(n, "0123456789");
    if (digits == 0 || digits > 4)
        return FALSE;
    if (digits == len)
        return TRUE;
    const char *rest = n + digits + 1;
    size_t rd = strspn(rest, "0123456789");
    return n[digits] == '/' && rd >= 2 && rd <= 4 && rest[rd] == '\0';
}

void web_page_case(web_ctx_t *ctx)
{
    const char *council = web_request_param(ctx->req, "council");
    const char *number = web_request_param(ctx->req, "number");
    if (!number || !case_number_ok(number) ||
        (council && (strchr(council, '"') || strlen(council) > 200))) {
        web_page_error(ctx, 400, "a case is number=NN/YY, with council=NAME if known");
        return;
    }
    char *value = g_strdup_printf("%s%s%s", council ? council : "", council ? " " : "", number);
    /* The trace answer adds the references to the case (ref:) itself. */
    char *query = g_strdup_printf("case:\"%s\"", value);
    char *heading = g_strdup_printf("%s %s", web_label(ctx, T_CASE), value);
    trace_page(ctx, query, heading, query);
    g_free(heading);
    g_free(query);
    g_free(value);
}
