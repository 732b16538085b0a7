/* facets.c — the facet sidebar (see facets.h). */
#include "facets.h"

#include "html.h"
#include "answer_json.h"
#include "layout.h"

static const web_text_t facet_titles[WEB_FACET_N] = {T_FACET_COUNCIL, T_FACET_YEAR, T_FACET_KIND,
                                                     T_FACET_PERSON};

/* count < 0: an active filter the counts do not list. */
static void facet_row(web_ctx_t *ctx, const web_search_t *s, web_facet_t f, const char *value,
                      gint64 count, gboolean exact)
{
    GString *o = ctx->resp->body;
    gboolean active = web_search_has_filter(s, f, value);
    web_search_change_t c = web_search_same(s);
    c.toggle_facet = f;
    c.toggle_value = value;
    c.start = 0;
    char *href = web_search_url(s, ctx->req, "search", &c);
    g_string_append(o, active ? "<li class=\"active\"><a aria-current=\"true\" href=\""
                              : "<li><a href=\"");
    web_html_attr(o, href);
    g_string_append(o, "\">");
    web_html_text(o, value);
    if (active) {
        g_string_append(o, " <span class=\"remove\">(");
        web_html_text(o, web_label(ctx, T_REMOVE_FILTER));
        g_string_append(o, ")</span>");
    }
    g_string_append(o, "</a>");
    if (count >= 0)
        g_string_append_printf(o, " <span class=\"count\">%" G_GINT64_FORMAT "%s</span>", count,
                               exact ? "" : "+");
    g_string_append(o, "</li>\n");
    g_free(href);
}

/* Active filters the counts no longer list (a filter elsewhere excluded
 * them) still get a row, so they can be removed. */
static void facet_section(web_ctx_t *ctx, const web_search_t *s, web_facet_t f, JsonObject *rows,
                          gboolean exact)
{
    GString *o = ctx->resp->body;
    GList *names = rows ? json_object_get_members(rows) : NULL;
    if (!names && s->filters[f]->len == 0)
        return;
    g_string_append_printf(o, "<section class=\"facet\" id=\"facet-%s\">\n<h3>", web_facet_name(f));
    web_html_text(o, web_label(ctx, facet_titles[f]));
    g_string_append(o, "</h3>\n<ul>\n");
    for (GList *l = names; l; l = l->next)
        facet_row(ctx, s, f, l->data, arkiv_json_int(rows, l->data, 0), exact);
    for (guint i = 0; i < s->filters[f]->len; i++) {
        const char *v = s->filters[f]->pdata[i];
        if (!rows || !json_object_has_member(rows, v))
            facet_row(ctx, s, f, v, -1, exact);
    }
    g_string_append(o, "</ul>\n</section>\n");
    g_list_free(names);
}

void web_facets_html(web_ctx_t *ctx, const web_search_t *s, JsonObject *facets, gboolean exact)
{
    GString *o = ctx->resp->body;
    g_string_append(o, "<aside class=\"facets\" aria-labelledby=\"facets-title\">\n"
                       "<h2 id=\"facets-title\" class=\"facets-title\">");
    web_html_text(o, web_label(ctx, T_FILTERS));
    g_string_append(o, "</h2>\n");
    if (!exact) {
        g_string_append(o, "<p class=\"facets-note\">");
        web_html_text(o, web_label(ctx, T_FACETS_SAMPLE));
        g_string_append(o, "</p>\n");
    }
    for (int f = 0; f < WEB_FACET_N; f++)
        facet_section(ctx, s, (web_facet_t)f, arkiv_json_object(facets, web_facet_name(f)), exact);
    g_string_append(o, "</aside>\n");
}
