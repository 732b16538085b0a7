/* page_search.c — the search page: form, hits, facets, order, pages. */
#include "facets.h"
#include "fmt.h"
#include "form.h"
#include "html.h"
#include "answer_json.h"
#include "layout.h"
#include "pager.h"
#include "search_serve.h"
#include "url.h"

static const web_form_t query_form = {.page = "search",
                                      .attrs = "class=\"search\" role=\"search\"",
                                      .type = "search",
                                      .id = "q",
                                      .name = "q",
                                      .maxlength = WEB_MAX_QUERY,
                                      .label = T_QUERY_LABEL,
                                      .has_help = TRUE,
                                      .help = T_SYNTAX_HELP};

/* Hidden inputs keep the filters (and a chosen language) when a new
 * query is typed. */
static void form_hidden(web_ctx_t *ctx, const web_search_t *s)
{
    GString *o = ctx->resp->body;
    for (int f = 0; f < WEB_FACET_N; f++)
        for (guint i = 0; i < s->filters[f]->len; i++) {
            g_string_append_printf(o, "<input type=\"hidden\" name=\"%s\" value=\"",
                                   web_facet_name(f));
            web_html_attr(o, s->filters[f]->pdata[i]);
            g_string_append(o, "\">\n");
        }
    web_form_lang(ctx);
}

static void sort_option(web_ctx_t *ctx, const web_search_t *s, const web_sort_choice_t *choice)
{
    g_string_append_printf(ctx->resp->body, "<option value=\"%s\"%s>", web_sort_name(choice->sort),
                           s->sort == choice->sort ? " selected" : "");
    web_html_text(ctx->resp->body, web_label(ctx, choice->label));
    g_string_append(ctx->resp->body, "</option>\n");
}

static void search_form(web_ctx_t *ctx, const web_search_t *s)
{
    GString *o = ctx->resp->body;
    web_form_begin(ctx, &query_form);
    g_string_append(o, "<div class=\"row\">\n");
    web_form_field(ctx, &query_form, s->q);
    g_string_append(o, "<label for=\"sort\" class=\"sort-label\">");
    web_html_text(o, web_label(ctx, T_SORT_LABEL));
    g_string_append(o, "</label>\n<select id=\"sort\" name=\"sort\">\n");
    for (int i = 0; i < WEB_SORT_N; i++)
        sort_option(ctx, s, &web_sort_choices[i]);
    g_string_append(o, "</select>\n");
    form_hidden(ctx, s);
    web_form_button(ctx, T_SEARCH);
    g_string_append(o, "\n</div>\n");
    web_form_end(ctx, &query_form);
}

static void hit_meta(web_ctx_t *ctx, JsonObject *hit)
{
    GString *o = ctx->resp->body;
    g_string_append(o, "<p class=\"meta\">");
    const char *council = arkiv_json_str(hit, "council"), *kind = arkiv_json_str(hit, "kind");
    if (council) {
        g_string_append(o, "<span class=\"council\">");
        web_html_text(o, council);
        g_string_append(o, "</span> ");
    }
    web_fmt_date(o, ctx, arkiv_json_str(hit, "date"));
    if (kind) {
        g_string_append(o, " <span class=\"kind\">");
        web_html_text(o, kind);
        g_string_append(o, "</span>");
    }
    gint64 page = arkiv_json_int(hit, "page", 0);
    if (page > 0) {
        g_string_append(o, " <span class=\"page\">");
        web_html_text(o, web_label(ctx, T_PAGE));
        g_string_append_printf(o, " %" G_GINT64_FORMAT "</span>", page);
    }
    g_string_append(o, "</p>\n");
}

static void hit_item(web_ctx_t *ctx, JsonObject *hit)
{
    GString *o = ctx->resp->body;
    JsonNode *item =
        json_object_has_member(hit, "item") ? json_object_get_member(hit, "item") : NULL;
    if (!item || JSON_NODE_HOLDS_NULL(item))
        return;
    g_string_append(o, "<p class=\"item\">");
    web_fmt_item(o, ctx, item);
    g_string_append(o, "</p>\n");
    web_fmt_decision(o, ctx, arkiv_json_str(arkiv_json_root(item), "decision"));
}

/* The snippet is the library's HTML mode: Xapian escaped the text and we
 * chose the <mark> markers, so it goes in as it is, and only here. */
static void hit_html(web_ctx_t *ctx, const web_search_t *s, JsonObject *hit)
{
    GString *o = ctx->resp->body;
    const char *title = arkiv_json_str(hit, "title"), *snippet = arkiv_json_str(hit, "snippet");
    g_string_append(o, "<li class=\"hit\">\n<h2>");
    web_html_link(o, web_fmt_hit_href(ctx, hit, s->q), title ? title : arkiv_json_str(hit, "id"));
    g_string_append(o, "</h2>\n");
    hit_meta(ctx, hit);
    hit_item(ctx, hit);
    if (snippet && *snippet)
        g_string_append_printf(o, "<p class=\"snippet\">%s</p>\n", snippet);
    gint64 more = arkiv_json_int(hit, "collapsed", 0);
    if (more > 0) {
        g_string_append(o, "<p class=\"collapsed\">");
        web_html_textf(o, web_label(ctx, T_MORE_IN_MEETING), (unsigned)more);
        g_string_append(o, "</p>\n");
    }
    g_string_append(o, "</li>\n");
}

static void suggestion(web_ctx_t *ctx, const char *sugg)
{
    GString *o = ctx->resp->body;
    web_url_t u;
    web_url_begin(&u, ctx->req, "search", NULL);
    web_url_add(&u, "q", sugg);
    g_string_append(o, "<p class=\"suggestion\">");
    web_html_text(o, web_label(ctx, T_DID_YOU_MEAN));
    g_string_append(o, " <a rel=\"nofollow\" href=\"");
    char *href = web_url_end(&u, ctx->req, NULL);
    web_html_attr(o, href);
    g_free(href);
    g_string_append(o, "\"><em>");
    web_html_text(o, sugg);
    g_string_append(o, "</em></a>?</p>\n");
}

/* A boolean member of the answer; FALSE when missing. */
static gboolean answer_flag(JsonObject *ans, const char *name)
{
    JsonNode *n =
        ans && json_object_has_member(ans, name) ? json_object_get_member(ans, name) : NULL;
    return n && JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_BOOLEAN &&
           json_node_get_boolean(n);
}

static void results_html(web_ctx_t *ctx, const web_search_t *s, JsonObject *ans)
{
    GString *o = ctx->resp->body;
    JsonArray *hits = arkiv_json_array(ans, "results");
    guint n = hits ? json_array_get_length(hits) : 0;
    unsigned total = (unsigned)arkiv_json_int(ans, "total", 0);
    g_string_append(o, "<section class=\"results\" aria-labelledby=\"count\">\n<p id=\"count\" "
                       "class=\"count\">");
    /* An estimate (the search stopped early) reads "about N". */
    web_html_textf(
        o, web_label(ctx, answer_flag(ans, "total_exact") ? T_RESULTS_COUNT : T_RESULTS_ABOUT),
        total);
    if (n) {
        g_string_append(o, ", ");
        web_html_textf(o, web_label(ctx, T_SHOWING), s->start + 1, s->start + n);
    }
    g_string_append(o, "</p>\n");
    const char *sugg = arkiv_json_str(ans, "suggestion");
    if (total == 0 && sugg && *sugg)
        suggestion(ctx, sugg);
    if (n == 0) {
        g_string_append(o, "<p class=\"none\">");
        web_html_text(o, web_label(ctx, T_NO_HITS));
        g_string_append(o, "</p>\n");
    } else {
        web_search_orders(ctx, s);
        g_string_append_printf(o, "<ol class=\"hits\" start=\"%u\">\n", s->start + 1);
        for (guint i = 0; i < n; i++)
            hit_html(ctx, s, arkiv_json_array_object(hits, i));
        g_string_append(o, "</ol>\n");
        web_search_pager(ctx, s, total);
    }
    g_string_append(o, "</section>\n");
}

static void search_html(web_ctx_t *ctx, const web_search_t *s, JsonObject *ans)
{
    web_search_change_t same = web_search_same(s);
    same.start = 0;
    char *feed = web_search_url(s, ctx->req, "feed", &same);
    web_layout_begin(ctx, *s->q ? s->q : web_label(ctx, T_SEARCH), feed);
    g_free(feed);
    search_form(ctx, s);
    g_string_append(ctx->resp->body, "<div class=\"columns\">\n");
    results_html(ctx, s, ans);
    web_facets_html(ctx, s, arkiv_json_object(ans, "facets"), answer_flag(ans, "facets_exact"));
    g_string_append(ctx->resp->body, "</div>\n");
    web_layout_end(ctx);
}

/* JSON as the CLI's --json: plain snippets without markers. */
static void search_options(const web_ctx_t *ctx, const web_search_t *s, arkiv_search_options_t *o)
{
    o->offset = s->start;
    o->limit = s->limit;
    o->sort = s->sort;
    if (!web_wants_json(ctx)) {
        o->snippet_mode = ARKIV_SNIPPET_HTML;
        o->hi_start = "<mark>";
        o->hi_end = "</mark>";
        o->snippet_length = 300;
    }
}

static void search_show(web_ctx_t *ctx, const web_search_t *s, JsonNode *ans)
{
    if (web_wants_json(ctx))
        web_send_json(ctx, json_node_ref(ans));
    else
        search_html(ctx, s, arkiv_json_root(ans));
}

void web_page_search(web_ctx_t *ctx)
{
    web_search_serve(ctx, search_options, search_show);
}
