/* page_feed.c — an Atom feed (RFC 4287) of a search, newest first, so a
 * reader can follow a project or a council. Same parameters as the search
 * page; every text goes through the XML escaper (html.h). */
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "fmt.h"
#include "html.h"
#include "answer_json.h"
#include "layout.h"
#include "search_state.h"
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
    const char *id = arkiv_json_str(hit, "id"), *parent = arkiv_json_str(hit, "parent");
    const char *colon = id ? strrchr(id, ':') : NULL;
    char *anchor = colon && parent ? g_strdup_printf("item-%s", colon + 1) : NULL;
    web_url_t u;
    web_url_begin(&u, ctx->req, "doc", parent ? parent : id);
    g_string_append(o, "<entry>\n<title>");
    entry_title(o, ctx, hit);
    g_string_append(o, "</title>\n<id>urn:arkiv:doc:");
    web_html_text(o, id);
    g_string_append(o, "</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"");
    abs_url(o, ctx, web_url_end(&u, ctx->req, anchor));
    g_string_append(o, "\"/>\n<updated>");
    timestamp(o, arkiv_json_str(hit, "date"));
    g_string_append(o, "</updated>\n<summary>");
    const char *decision = arkiv_json_str(arkiv_json_object(hit, "item"), "decision");
    web_html_text(o, decision ? decision : arkiv_json_str(hit, "snippet"));
    g_string_append(o, "</summary>\n</entry>\n");
    g_free(anchor);
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

void web_page_feed(web_ctx_t *ctx)
{
    web_search_t s;
    const char *why = NULL;
    if (!web_search_from_request(&s, ctx->req, &why)) {
        web_page_error(ctx, 400, why);
    } else if (!ctx->db) {
        web_page_error(ctx, 503, NULL);
    } else {
        arkiv_search_options_t o;
        arkiv_search_options_init(&o);
        o.limit = web_request_param(ctx->req, "limit") ? s.limit : 20;
        o.sort = ARKIV_SORT_DATE_DESC;
        o.facets = 0;
        char *query = web_search_query(&s);
        JsonNode *ans = NULL;
        char *error = NULL;
        arkiv_status_t st = arkiv_answer_search(ctx->db, query, &o, &ans, &error);
        if (st != ARKIV_STATUS_OK)
            web_page_answer_error(ctx, st, error);
        else
            feed_xml(ctx, &s, arkiv_json_root(ans));
        if (ans)
            json_node_unref(ans);
        g_free(error);
        g_free(query);
    }
    web_search_clear(&s);
}
