/* pager.c — page and order links for a search (see pager.h). */
#include "pager.h"

#include "html.h"
#include "layout.h"

static void page_link(web_ctx_t *ctx, const web_search_t *s, unsigned start, const char *text,
                      const char *rel, gboolean current)
{
    GString *o = ctx->resp->body;
    if (current) {
        g_string_append(o, "<li><span aria-current=\"page\">");
        web_html_text(o, text);
        g_string_append(o, "</span></li>\n");
        return;
    }
    web_search_change_t c = web_search_same(s);
    c.start = start;
    char *href = web_search_url(s, ctx->req, "search", &c);
    g_string_append(o, "<li><a href=\"");
    web_html_attr(o, href);
    g_string_append_printf(o, "\"%s%s%s>", rel ? " rel=\"" : "", rel ? rel : "", rel ? "\"" : "");
    web_html_text(o, text);
    g_string_append(o, "</a></li>\n");
    g_free(href);
}

/* A window of pages around the current one; the list never runs past
 * WEB_MAX_START, which the page refuses. */
void web_search_pager(web_ctx_t *ctx, const web_search_t *s, unsigned total)
{
    unsigned last = MIN(total, WEB_MAX_START + s->limit);
    if (last <= s->limit && s->start == 0)
        return;
    GString *o = ctx->resp->body;
    unsigned cur = s->start / s->limit, pages = (last + s->limit - 1) / s->limit;
    unsigned from = cur > 4 ? cur - 4 : 0, to = MIN(pages, from + 9);
    g_string_append(o, "<nav class=\"pager\" aria-label=\"");
    web_html_attr(o, web_label(ctx, T_PAGE));
    g_string_append(o, "\">\n<ul>\n");
    if (s->start > 0)
        page_link(ctx, s, s->start > s->limit ? s->start - s->limit : 0, web_label(ctx, T_PREV),
                  "prev", FALSE);
    for (unsigned p = from; p < to; p++) {
        char num[16];
        g_snprintf(num, sizeof num, "%u", p + 1);
        page_link(ctx, s, p * s->limit, num, NULL, p == cur);
    }
    if (s->start + s->limit < last && s->start + s->limit <= WEB_MAX_START)
        page_link(ctx, s, s->start + s->limit, web_label(ctx, T_NEXT), "next", FALSE);
    g_string_append(o, "</ul>\n</nav>\n");
}

static void order_link(web_ctx_t *ctx, const web_search_t *s, const web_sort_choice_t *choice)
{
    GString *o = ctx->resp->body;
    if (s->sort == choice->sort) {
        g_string_append(o, "<li><span aria-current=\"true\">");
        web_html_text(o, web_label(ctx, choice->label));
        g_string_append(o, "</span></li>\n");
        return;
    }
    web_search_change_t c = web_search_same(s);
    c.sort = choice->sort;
    c.start = 0;
    g_string_append(o, "<li>");
    web_html_link(o, web_search_url(s, ctx->req, "search", &c), web_label(ctx, choice->label));
    g_string_append(o, "</li>\n");
}

void web_search_orders(web_ctx_t *ctx, const web_search_t *s)
{
    GString *o = ctx->resp->body;
    g_string_append(o, "<nav class=\"orders\" aria-label=\"");
    web_html_attr(o, web_label(ctx, T_SORT_LABEL));
    g_string_append(o, "\">\n<ul>\n");
    for (int i = 0; i < WEB_SORT_N; i++)
        order_link(ctx, s, &web_sort_choices[i]);
    g_string_append(o, "</ul>\n</nav>\n");
}
