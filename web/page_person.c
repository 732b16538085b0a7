/* page_person.c — a person: canonical name, the ways it is written,
 * every meeting with attendance and role, counts per council and year.
 * An ambiguous name lists the candidates. */
#include <string.h>

#include "answer.h"
#include "fmt.h"
#include "form.h"
#include "html.h"
#include "answer_json.h"
#include "layout.h"
#include "person_tables.h"

enum { max_name = 200 };

static const web_form_t person_form = {.page = "person",
                                       .attrs = "class=\"person\"",
                                       .type = "text",
                                       .id = "name",
                                       .name = "name",
                                       .maxlength = max_name,
                                       .label = T_PERSON_LABEL,
                                       .has_help = FALSE};

/* Several people fit the name: {"person", "key", "meetings"} each. */
static void candidates(web_ctx_t *ctx, JsonArray *cands)
{
    GString *o = ctx->resp->body;
    g_string_append(o, "<p>");
    web_html_text(o, web_label(ctx, T_CANDIDATES));
    g_string_append(o, "</p>\n<ul class=\"candidates\">\n");
    for (guint i = 0; i < json_array_get_length(cands); i++) {
        JsonObject *c = arkiv_json_array_object(cands, i);
        const char *name = arkiv_json_str(c, "person"), *key = arkiv_json_str(c, "key");
        if (!name)
            continue;
        g_string_append(o, "<li>");
        web_fmt_person_link(o, ctx, key ? key : name, name);
        g_string_append_printf(o, " <span class=\"count\">%" G_GINT64_FORMAT "</span></li>\n",
                               arkiv_json_int(c, "meetings", 0));
    }
    g_string_append(o, "</ul>\n");
}

static void variants(web_ctx_t *ctx, JsonArray *v)
{
    guint n = v ? json_array_get_length(v) : 0;
    if (!n)
        return;
    GString *o = ctx->resp->body;
    g_string_append(o, "<p class=\"variants\">");
    web_html_text(o, web_label(ctx, T_VARIANTS));
    g_string_append(o, ": ");
    web_fmt_list(o, v);
    g_string_append(o, "</p>\n");
}

static void person_html(web_ctx_t *ctx, const char *name, JsonObject *a)
{
    const char *person = arkiv_json_str(a, "person");
    web_layout_titled(ctx, person ? person : name);
    JsonArray *cands = arkiv_json_array(a, "candidates");
    if (cands) {
        candidates(ctx, cands);
    } else {
        variants(ctx, arkiv_json_array(a, "variants"));
        JsonArray *meetings = arkiv_json_array(a, "meetings");
        web_person_counts(ctx, meetings);
        web_person_meetings(ctx, meetings, T_MEETINGS, "meetings");
        web_person_meetings(ctx, arkiv_json_array(a, "mentioned"), T_MENTIONED_IN, "mentioned");
    }
    web_layout_end(ctx);
}

static void ask_for_name(web_ctx_t *ctx)
{
    web_layout_titled(ctx, web_label(ctx, T_PERSON));
    web_form_one(ctx, &person_form, "", T_SHOW);
    web_layout_end(ctx);
}

void web_page_person(web_ctx_t *ctx, const char *name)
{
    if (!name || !*name) {
        if (web_wants_json(ctx))
            web_page_error(ctx, 400, "name is missing");
        else
            ask_for_name(ctx);
        return;
    }
    if (strlen(name) > max_name) {
        web_page_error(ctx, 400, "the name is too long");
        return;
    }
    if (!ctx->db) {
        web_page_error(ctx, 503, NULL);
        return;
    }
    JsonNode *ans = NULL;
    char *error = NULL;
    arkiv_status_t st = arkiv_answer_attendance(ctx->db, ctx->knowledge, name, &ans, &error);
    if (st != ARKIV_STATUS_OK)
        web_page_answer_error(ctx, st, error);
    else if (web_wants_json(ctx))
        web_send_json(ctx, json_node_ref(ans));
    else
        person_html(ctx, name, arkiv_json_root(ans));
    if (ans)
        json_node_unref(ans);
    g_free(error);
}
