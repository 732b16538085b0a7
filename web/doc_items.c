/* doc_items.c — the agenda of a meeting (see doc_items.h). */
#include "doc_items.h"

#include <string.h>

#include "fmt.h"
#include "html.h"
#include "ids.h"
#include "answer_json.h"
#include "layout.h"

static void presenters(web_ctx_t *ctx, JsonArray *names)
{
    guint n = names ? json_array_get_length(names) : 0;
    if (!n)
        return;
    GString *o = ctx->resp->body;
    g_string_append(o, "<p class=\"presenters\">");
    web_html_text(o, web_label(ctx, T_PRESENTERS));
    g_string_append(o, ": ");
    for (guint i = 0; i < n; i++) {
        if (i)
            g_string_append(o, ", ");
        web_fmt_person_link(o, ctx, arkiv_json_array_str(names, i), NULL);
    }
    g_string_append(o, "</p>\n");
}

static void decision(web_ctx_t *ctx, const char *text)
{
    if (!text)
        return;
    GString *o = ctx->resp->body;
    g_string_append(o, "<div class=\"decision\">\n<h4>");
    web_html_text(o, web_label(ctx, T_DECISION));
    g_string_append(o, "</h4>\n<p>");
    web_html_text(o, text);
    g_string_append(o, "</p>\n</div>\n");
}

static void item_li(web_ctx_t *ctx, JsonArray *items, guint i, const char *council)
{
    GString *o = ctx->resp->body;
    JsonObject *it = arkiv_json_array_object(items, i);
    char *anchor = web_item_anchor(i + 1);
    char *case_anchor = web_case_anchor(arkiv_json_str(it, "number"));
    g_string_append_printf(o, "<li id=\"%s\">\n<h3%s%s%s><a class=\"anchor\" href=\"#%s\">", anchor,
                           case_anchor ? " id=\"" : "", case_anchor ? case_anchor : "",
                           case_anchor ? "\"" : "", anchor);
    web_fmt_item(o, ctx, json_array_get_element(items, i));
    g_string_append(o, "</a></h3>\n");
    presenters(ctx, arkiv_json_array(it, "presenters"));
    gint64 page = arkiv_json_int(it, "page", 0);
    if (page > 0) {
        g_string_append(o, "<p class=\"page\">");
        web_html_text(o, web_label(ctx, T_PAGE));
        g_string_append_printf(o, " %" G_GINT64_FORMAT "</p>\n", page);
    }
    decision(ctx, arkiv_json_str(it, "decision"));
    const char *number = arkiv_json_str(it, "number");
    if (number && strchr(number, '/')) {
        g_string_append(o, "<p class=\"case-link\">");
        web_html_link(o, web_case_href(ctx, council, number), web_label(ctx, T_CASE_TRACE));
        g_string_append(o, "</p>\n");
    }
    g_string_append(o, "</li>\n");
    g_free(case_anchor);
    g_free(anchor);
}

void web_doc_items(web_ctx_t *ctx, JsonObject *d)
{
    JsonArray *items = arkiv_json_array(d, "items");
    guint n = items ? json_array_get_length(items) : 0;
    if (!n)
        return;
    GString *o = ctx->resp->body;
    const char *council = arkiv_json_array_str(arkiv_json_array(d, "councils"), 0);
    g_string_append(o, "<section class=\"agenda\" id=\"agenda\">\n<h2>");
    web_html_text(o, web_label(ctx, T_AGENDA));
    g_string_append(o, "</h2>\n<ol class=\"items\">\n");
    for (guint i = 0; i < n; i++)
        item_li(ctx, items, i, council);
    g_string_append(o, "</ol>\n</section>\n");
}
