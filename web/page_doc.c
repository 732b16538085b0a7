/* page_doc.c — one meeting: metadata, attendance, agenda items with
 * anchors and decisions, the clean text with the query's words marked,
 * and a link to the original file. */
#include <string.h>

#include "answer.h"
#include "doc_items.h"
#include "doc_people.h"
#include "doc_text.h"
#include "fmt.h"
#include "html.h"
#include "ids.h"
#include "answer_json.h"
#include "layout.h"
#include "url.h"

static void dt(web_ctx_t *ctx, web_text_t label)
{
    g_string_append(ctx->resp->body, "<dt>");
    web_html_text(ctx->resp->body, web_label(ctx, label));
    g_string_append(ctx->resp->body, "</dt>\n<dd>");
}

/* Council names link to a search filtered on that council. */
static void councils_dd(web_ctx_t *ctx, JsonArray *councils)
{
    GString *o = ctx->resp->body;
    dt(ctx, T_COUNCIL);
    for (guint i = 0; councils && i < json_array_get_length(councils); i++) {
        const char *c = arkiv_json_array_str(councils, i);
        if (!c)
            continue;
        web_url_t u;
        web_url_begin(&u, ctx->req, "search", NULL);
        web_url_add(&u, "council", c);
        if (i)
            g_string_append(o, ", ");
        web_html_link(o, web_url_end(&u, ctx->req, NULL), c);
    }
    g_string_append(o, "</dd>\n");
}

static void text_dd(web_ctx_t *ctx, web_text_t label, const char *value)
{
    if (!value)
        return;
    dt(ctx, label);
    web_html_text(ctx->resp->body, value);
    g_string_append(ctx->resp->body, "</dd>\n");
}

static void file_dd(web_ctx_t *ctx, const char *id, const char *path)
{
    web_url_t u;
    web_url_begin(&u, ctx->req, "file", id);
    char *name = path ? g_path_get_basename(path) : g_strdup(id);
    dt(ctx, T_ORIGINAL);
    web_html_link(ctx->resp->body, g_string_free(u.s, FALSE), name);
    g_string_append(ctx->resp->body, "</dd>\n");
    g_free(name);
}

/* Projects open their trace; references open the case they name. */
static void projects_dd(web_ctx_t *ctx, JsonArray *projects)
{
    guint n = projects ? json_array_get_length(projects) : 0;
    if (!n)
        return;
    dt(ctx, T_PROJECTS);
    for (guint i = 0; i < n; i++) {
        const char *p = arkiv_json_array_str(projects, i);
        char *q = g_strdup_printf("project:\"%s\"", p ? p : "");
        web_url_t u;
        web_url_begin(&u, ctx->req, "trace", NULL);
        web_url_add(&u, "q", q);
        if (i)
            g_string_append(ctx->resp->body, ", ");
        web_html_link(ctx->resp->body, web_url_end(&u, ctx->req, NULL), p ? p : "");
        g_free(q);
    }
    g_string_append(ctx->resp->body, "</dd>\n");
}

static void refs_dd(web_ctx_t *ctx, JsonArray *refs)
{
    guint n = refs ? json_array_get_length(refs) : 0;
    if (!n)
        return;
    dt(ctx, T_REFERENCES);
    for (guint i = 0; i < n; i++) {
        JsonObject *r = arkiv_json_array_object(refs, i);
        const char *council = arkiv_json_str(r, "council"), *number = arkiv_json_str(r, "number");
        char *label = g_strdup_printf("%s%s%s", council ? council : "", council ? " " : "",
                                      number ? number : "");
        if (i)
            g_string_append(ctx->resp->body, ", ");
        web_html_link(ctx->resp->body, web_case_href(ctx, council, number), label);
        g_free(label);
    }
    g_string_append(ctx->resp->body, "</dd>\n");
}

static void metadata(web_ctx_t *ctx, JsonObject *d)
{
    GString *o = ctx->resp->body;
    g_string_append(o, "<dl class=\"metadata\">\n");
    councils_dd(ctx, arkiv_json_array(d, "councils"));
    dt(ctx, T_DATE);
    web_fmt_date(o, ctx, arkiv_json_str(d, "date"));
    const char *source = arkiv_json_str(d, "date_source");
    if (source && strcmp(source, "text") != 0) {
        g_string_append(o, " <span class=\"date-source\">(");
        web_html_text(o, source);
        g_string_append(o, ")</span>");
    }
    g_string_append(o, "</dd>\n");
    text_dd(ctx, T_PLACE, arkiv_json_str(d, "place"));
    text_dd(ctx, T_KIND, arkiv_json_str(d, "kind"));
    dt(ctx, T_PAGES);
    g_string_append_printf(o, "%" G_GINT64_FORMAT "</dd>\n", arkiv_json_int(d, "pages", 0));
    file_dd(ctx, arkiv_json_str(d, "id"), arkiv_json_str(d, "path"));
    projects_dd(ctx, arkiv_json_array(d, "projects"));
    refs_dd(ctx, arkiv_json_array(d, "references"));
    g_string_append(o, "</dl>\n");
}

/* Xapian's HTML snippet of the whole text: escaped by the library, our
 * <mark> markers; it goes in as it is, in text context only. */
static void text_section(web_ctx_t *ctx, const char *id)
{
    GString *o = ctx->resp->body;
    char *html = NULL;
    web_doc_text(ctx->db, id, web_request_param(ctx->req, "q"), &html);
    g_string_append(o, "<section class=\"text\" id=\"text\">\n<h2>");
    web_html_text(o, web_label(ctx, T_TEXT));
    g_string_append(o, "</h2>\n");
    if (html && *html)
        g_string_append_printf(o, "<div class=\"fulltext\">%s</div>\n", html);
    else {
        g_string_append(o, "<p class=\"none\">");
        web_html_text(o, web_label(ctx, T_NO_TEXT));
        g_string_append(o, "</p>\n");
    }
    g_string_append(o, "</section>\n");
    g_free(html);
}

static void doc_html(web_ctx_t *ctx, const char *id, JsonObject *d)
{
    GString *o = ctx->resp->body;
    const char *title = arkiv_json_str(d, "title");
    web_layout_begin(ctx, title ? title : id, NULL);
    g_string_append(o, "<article class=\"doc\">\n<h1>");
    web_html_text(o, title ? title : id);
    g_string_append(o, "</h1>\n");
    metadata(ctx, d);
    web_doc_people(ctx, arkiv_json_array(d, "people"));
    web_doc_items(ctx, d);
    text_section(ctx, id);
    g_string_append(o, "</article>\n");
    web_layout_end(ctx);
}

/* An item's id is "MEETING:N": its page is the meeting's, at item N. */
static void redirect_item(web_ctx_t *ctx, const char *id)
{
    const char *colon = strrchr(id, ':');
    char *parent = g_strndup(id, (gsize)(colon - id));
    char *anchor = g_strdup_printf("item-%s", colon + 1);
    web_url_t u;
    web_url_begin(&u, ctx->req, "doc", parent);
    web_url_add(&u, "q", web_request_param(ctx->req, "q"));
    web_url_add(&u, "format", web_request_param(ctx->req, "format"));
    char *href = web_url_end(&u, ctx->req, anchor);
    ctx->resp->status = 303;
    web_response_add_header(ctx->resp, "Location", href);
    g_free(href);
    g_free(anchor);
    g_free(parent);
}

void web_page_doc(web_ctx_t *ctx, const char *id)
{
    /* Not an id at all is the client's error; a well-formed id the index
     * lacks is 404 below. */
    if (!web_id_valid(id)) {
        web_page_error(ctx, 400, NULL);
        return;
    }
    if (!ctx->db) {
        web_page_error(ctx, 503, NULL);
        return;
    }
    if (strchr(id, ':')) {
        redirect_item(ctx, id);
        return;
    }
    JsonNode *ans = NULL;
    char *error = NULL;
    arkiv_status_t st = arkiv_answer_show(ctx->db, id, &ans, &error);
    if (st != ARKIV_STATUS_OK)
        web_page_answer_error(ctx, st, error);
    else if (web_wants_json(ctx))
        web_send_json(ctx, json_node_ref(ans));
    else
        doc_html(ctx, id, arkiv_json_root(ans));
    if (ans)
        json_node_unref(ans);
    g_free(error);
}
