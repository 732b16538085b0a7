/* page_feed.c — an Atom feed (RFC 4287) of a search, newest first, so a
 * reader can follow a project or a council. Same parameters as the search
 * page; every text goes through the XML escaper (html.h). */
#include <stdio.h>

#include "fmt.h"
#include "html.h"
#include "answer_json.h"
#include "layout.h"
#include "search_serve.h"
#include "url.h"

/* Relative links resolve against the feed's address, but Atom ids and
 * readers do better with absolute ones when the host is known. */
static void abs_url(GString *o, const web_ctx_t *ctx, char *href)
{
    GString *full = g_string_new(ctx->req->origin);
    g_string_append(full, href);
    web_html_attr(o, full->str);
    g_string_free(full, TRUE);
    g_free(href);
}

static void timestamp(GString *o, const char *date)
{
    int y, m, d;
    if (date && sscanf(date, "%4d-%2d-%2d", &y, &m, &d) == 3)
        g_string_append_printf(o, "%04d-%02d-%02dT00:00:00Z", y, m, d);
    else
        g_string_append(o, "1970-01-01T00:00:00Z");
}

static void entry_title(GString *o, const web_ctx_t *ctx, JsonObject *hit)
{
    JsonNode *item =
        json_object_has_member(hit, "item") ? json_object_get_member(hit, "item") : NULL;
    if (item && !JSON_NODE_HOLDS_NULL(item)) {
        web_fmt_item(o, ctx, item);
        g_string_append(o, " – ");
    }
    web_html_text(o, arkiv_json_str(hit, "council") ? arkiv_json_str(hit, "council")
                                                    : arkiv_json_str(hit, "title"));
    if (arkiv_json_str(hit, "date")) {
        g_string_append_c(o, ' ');
        web_html_text(o, arkiv_json_str(hit, "date"));
    }
}

static void entry(GString *o, const web_ctx_t *ctx, JsonObject *hit)
{
    const char *id = arkiv_json_str(hit, "id");
    g_string_append(o, "<entry>\n<title>");
    entry_title(o, ctx, hit);
    g_string_append(o, "</title>\n<id>urn:arkiv:doc:");
    web_html_text(o, id);
    g_string_append(o, "</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
    abs_url(o, ctx, web_fmt_hit_href(ctx, hit, NULL));
    g_string_append(o, "\"/>\n<updated>");
    timestamp(o, arkiv_json_str(hit, "date"));
    g_string_append(o, "</updated>\n<summary>");
    const char *decision = arkiv_json_str(arkiv_json_object(hit, "item"), "decision");
    web_html_text(o, decision ? decision : arkiv_json_str(hit, "snippet"));
    g_string_append(o, "</summary>\n</entry>\n");
}

static void feed_head(GString *o, web_ctx_t *ctx, const web_search_t *s, JsonObject *ans)
{
    web_search_change_t same = web_search_same(s);
    same.start = 0;
    g_string_append_printf(o,
                           "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                           "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n<title>",
                           web_label(ctx, T_HTML_LANG));
    web_html_text(o, web_label(ctx, T_SITE));
    g_string_append(o, ": ");
    char *query = web_search_query(s);
    web_html_text(o, query);
    g_string_append(o, "</title>\n<id>urn:arkiv:search:");
    GString *esc = g_string_new(NULL);
    web_url_part(esc, query);
    web_html_text(o, esc->str);
    g_string_append(o, "</id>\n<link rel=\"self\" href=\"");
    abs_url(o, ctx, web_search_url(s, ctx->req, "feed", &same));
    g_string_append(o, "\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
    abs_url(o, ctx, web_search_url(s, ctx->req, "search", &same));
    g_string_append(o, "\"/>\n<author><name>arkiv</name></author>\n<updated>");
    JsonObject *first = arkiv_json_array_object(arkiv_json_array(ans, "results"), 0);
    timestamp(o, first ? arkiv_json_str(first, "date") : NULL);
    g_string_append(o, "</updated>\n");
    g_string_free(esc, TRUE);
    g_free(query);
}

static void feed_xml(web_ctx_t *ctx, const web_search_t *s, JsonObject *ans)
{
    GString *o = ctx->resp->body;
    feed_head(o, ctx, s, ans);
    JsonArray *hits = arkiv_json_array(ans, "results");
    for (guint i = 0; hits && i < json_array_get_length(hits); i++)
        entry(o, ctx, arkiv_json_array_object(hits, i));
    g_string_append(o, "</feed>\n");
    web_response_set_type(ctx->resp, "application/atom+xml; charset=utf-8");
}

/* Newest first; 20 entries unless the request says how many. */
static void feed_options(const web_ctx_t *ctx, const web_search_t *s, arkiv_search_options_t *o)
{
    o->limit = web_request_param(ctx->req, "limit") ? s->limit : 20;
    o->sort = ARKIV_SORT_DATE_DESC;
    o->facets = 0;
}

static void feed_show(web_ctx_t *ctx, const web_search_t *s, JsonNode *ans)
{
    feed_xml(ctx, s, arkiv_json_root(ans));
}

void web_page_feed(web_ctx_t *ctx)
{
    web_search_serve(ctx, feed_options, feed_show);
}
