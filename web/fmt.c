/* fmt.c — dates, items and people as every page shows them (fmt.h). */
#include "fmt.h"

#include <stdio.h>
#include <string.h>

#include "html.h"
#include "answer_json.h"
#include "layout.h"
#include "url.h"

void web_fmt_date(GString *out, const web_ctx_t *ctx, const char *iso)
{
    int y, m, d;
    if (!iso)
        return;
    if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3) {
        web_html_text(out, iso);
        return;
    }
    g_string_append_printf(out, "<time datetime=\"%04d-%02d-%02d\">", y, m, d);
    if (ctx->req->lang == WEB_LANG_EN)
        g_string_append_printf(out, "%04d-%02d-%02d", y, m, d);
    else
        g_string_append_printf(out, "%02d.%02d.%04d", d, m, y);
    g_string_append(out, "</time>");
}

void web_fmt_item(GString *out, const web_ctx_t *ctx, JsonNode *item)
{
    if (!item || JSON_NODE_HOLDS_NULL(item))
        return;
    if (JSON_NODE_HOLDS_VALUE(item) && json_node_get_value_type(item) == G_TYPE_STRING) {
        web_html_text(out, json_node_get_string(item));
        return;
    }
    JsonObject *o = arkiv_json_root(item);
    const char *number = arkiv_json_str(o, "number"), *title = arkiv_json_str(o, "title");
    if (number) {
        gboolean is_case = strchr(number, '/') != NULL;
        web_html_text(out, web_label(ctx, is_case ? T_ITEM : T_POINT));
        g_string_append_c(out, ' ');
        web_html_text(out, number);
        g_string_append(out, is_case ? " " : ". ");
    }
    web_html_text(out, title);
}

void web_fmt_decision(GString *out, const web_ctx_t *ctx, const char *text)
{
    if (!text)
        return;
    g_string_append(out, "<div class=\"decision\"><h3>");
    web_html_text(out, web_label(ctx, T_DECISION));
    g_string_append(out, "</h3>\n<p>");
    web_html_text(out, text);
    g_string_append(out, "</p></div>\n");
}

void web_fmt_list(GString *out, JsonArray *names)
{
    guint n = names ? json_array_get_length(names) : 0;
    for (guint i = 0; i < n; i++) {
        if (i)
            g_string_append(out, ", ");
        web_html_text(out, arkiv_json_array_str(names, i));
    }
}

void web_fmt_person_link(GString *out, const web_ctx_t *ctx, const char *name, const char *shown)
{
    web_url_t u;
    web_url_begin(&u, ctx->req, "person", NULL);
    web_url_add(&u, "name", name);
    web_html_link(out, web_url_end(&u, ctx->req, NULL), shown ? shown : name);
}

char *web_fmt_hit_href(const web_ctx_t *ctx, JsonObject *hit, const char *q)
{
    const char *id = arkiv_json_str(hit, "id"), *parent = arkiv_json_str(hit, "parent");
    const char *colon = id ? strrchr(id, ':') : NULL;
    char *anchor = colon && parent ? g_strdup_printf("item-%s", colon + 1) : NULL;
    web_url_t u;
    web_url_begin(&u, ctx->req, "doc", parent ? parent : id);
    web_url_add(&u, "q", q);
    char *href = web_url_end(&u, ctx->req, anchor);
    g_free(anchor);
    return href;
}

char *web_item_anchor(unsigned n)
{
    return g_strdup_printf("item-%u", n);
}

/* Digits and the slash only: anything else gives no anchor, so the id
 * needs no escaping. */
char *web_case_anchor(const char *number)
{
    if (!number || !strchr(number, '/') || strspn(number, "0123456789/") != strlen(number))
        return NULL;
    char *a = g_strdup_printf("sak-%s", number);
    g_strdelimit(a, "/", '-');
    return a;
}
