/* doc_people.c — attendance by status and role (see doc_people.h). */
#include "doc_people.h"

#include <string.h>

#include "fmt.h"
#include "html.h"
#include "answer_json.h"
#include "layout.h"

static const struct {
    const char *status;
    web_text_t label;
} statuses[] = {{"present", T_PRESENT}, {"absent", T_ABSENT}, {"mentioned", T_MENTIONED}};

/* A person is listed once, under the first of these roles they hold, so
 * the chair is not repeated among the members. */
static const char *const role_order[] = {"chair",    "secretary", "member", "substitute",
                                         "observer", "presenter", NULL};

static gboolean has_role(JsonObject *p, const char *role)
{
    JsonArray *roles = arkiv_json_array(p, "roles");
    for (guint i = 0; roles && i < json_array_get_length(roles); i++) {
        const char *r = arkiv_json_array_str(roles, i);
        if (r && strcmp(r, role) == 0)
            return TRUE;
    }
    return FALSE;
}

/* The role a person is listed under; NULL for none of ours. */
static const char *main_role(JsonObject *p)
{
    for (const char *const *r = role_order; *r; r++)
        if (has_role(p, *r))
            return *r;
    return NULL;
}

static gboolean same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static void person_li(web_ctx_t *ctx, JsonObject *p)
{
    GString *o = ctx->resp->body;
    const char *name = arkiv_json_str(p, "name"), *org = arkiv_json_str(p, "org");
    const char *written = arkiv_json_str(p, "as_written"), *key = arkiv_json_str(p, "key");
    g_string_append(o, "<li>");
    /* The identity key names exactly this person; a name could be shared. */
    web_fmt_person_link(o, ctx, key ? key : name, name);
    /* The entry as written only when it names the person differently
     * (a nickname, a middle name), not when it merely adds the org. */
    if (written && name && !strstr(written, name)) {
        g_string_append(o, " <span class=\"as-written\">(");
        web_html_text(o, written);
        g_string_append(o, ")</span>");
    }
    if (org) {
        g_string_append(o, " <span class=\"org\">");
        web_html_text(o, org);
        g_string_append(o, "</span>");
    }
    g_string_append(o, "</li>\n");
}

/* One role group of one status; nothing when nobody is in it. */
static void role_group(web_ctx_t *ctx, JsonArray *people, const char *status, const char *role)
{
    GString *o = ctx->resp->body;
    gboolean open = FALSE;
    for (guint i = 0; i < json_array_get_length(people); i++) {
        JsonObject *p = arkiv_json_array_object(people, i);
        if (!p || !same(arkiv_json_str(p, "status"), status) || !same(main_role(p), role) ||
            !arkiv_json_str(p, "name"))
            continue;
        if (!open) {
            g_string_append(o, "<h4>");
            web_html_text(o, role ? web_role(ctx->req->lang, role) : web_label(ctx, T_NO_ROLE));
            g_string_append(o, "</h4>\n<ul class=\"people\">\n");
            open = TRUE;
        }
        person_li(ctx, p);
    }
    if (open)
        g_string_append(o, "</ul>\n");
}

static gboolean any_with_status(JsonArray *people, const char *status)
{
    for (guint i = 0; i < json_array_get_length(people); i++)
        if (same(arkiv_json_str(arkiv_json_array_object(people, i), "status"), status))
            return TRUE;
    return FALSE;
}

void web_doc_people(web_ctx_t *ctx, JsonArray *people)
{
    if (!people || json_array_get_length(people) == 0)
        return;
    GString *o = ctx->resp->body;
    g_string_append(o, "<section class=\"attendance\" id=\"attendance\">\n<h2>");
    web_html_text(o, web_label(ctx, T_ATTENDANCE));
    g_string_append(o, "</h2>\n");
    for (size_t s = 0; s < G_N_ELEMENTS(statuses); s++) {
        if (!any_with_status(people, statuses[s].status))
            continue;
        g_string_append_printf(o, "<section class=\"status-%s\">\n<h3>", statuses[s].status);
        web_html_text(o, web_label(ctx, statuses[s].label));
        g_string_append(o, "</h3>\n");
        for (const char *const *r = role_order; *r; r++)
            role_group(ctx, people, statuses[s].status, *r);
        role_group(ctx, people, statuses[s].status, NULL);
        g_string_append(o, "</section>\n");
    }
    g_string_append(o, "</section>\n");
}
