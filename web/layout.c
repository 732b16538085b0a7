/* layout.c — the frame of every page (see layout.h). */
#include "layout.h"

#include "html.h"
#include "url.h"

const char *web_label(const web_ctx_t *ctx, web_text_t id)
{
    return web_t(ctx->req->lang, id);
}

void web_html_link(GString *out, char *href, const char *text)
{
    g_string_append(out, "<a href=\"");
    web_html_attr(out, href);
    g_string_append(out, "\">");
    web_html_text(out, text);
    g_string_append(out, "</a>");
    g_free(href);
}

static void head(web_ctx_t *ctx, const char *title, const char *feed_href)
{
    GString *o = ctx->resp->body;
    g_string_append(o, "<!DOCTYPE html>\n<html lang=\"");
    web_html_attr(o, web_label(ctx, T_HTML_LANG));
    g_string_append(o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>");
    web_html_text(o, title);
    g_string_append(o, " – ");
    web_html_text(o, web_label(ctx, T_SITE));
    g_string_append(o, "</title>\n<link rel=\"stylesheet\" href=\"");
    web_html_attr(o, ctx->req->static_base);
    g_string_append(o, "/arkiv.css\">\n");
    if (feed_href) {
        g_string_append(o, "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"");
        web_html_attr(o, feed_href);
        g_string_append(o, "\">\n");
    }
    g_string_append(o, "</head>\n");
}

static void site_header(web_ctx_t *ctx)
{
    GString *o = ctx->resp->body;
    const web_request_t *r = ctx->req;
    web_url_t u;
    g_string_append(o, "<body>\n<header class=\"site\">\n<a class=\"home\" href=\"");
    web_url_begin(&u, r, "", NULL);
    char *home = web_url_end(&u, r, NULL);
    web_html_attr(o, home);
    g_free(home);
    g_string_append(o, "\">");
    web_html_text(o, web_label(ctx, T_SITE));
    g_string_append(o, "</a>\n<nav>\n");
    web_url_begin(&u, r, "", NULL);
    web_html_link(o, web_url_end(&u, r, NULL), web_label(ctx, T_SEARCH));
    g_string_append(o, "\n");
    web_url_begin(&u, r, "trace", NULL);
    web_html_link(o, web_url_end(&u, r, NULL), web_label(ctx, T_TRACE));
    web_lang_t other = r->lang == WEB_LANG_EN ? WEB_LANG_NB : WEB_LANG_EN;
    g_string_append_printf(o, "\n<a class=\"lang\" lang=\"%s\" hreflang=\"%s\" href=\"",
                           web_t(other, T_HTML_LANG), web_t(other, T_HTML_LANG));
    char *self = web_url_self_in(r, other);
    web_html_attr(o, self);
    g_free(self);
    g_string_append(o, "\">");
    web_html_text(o, web_label(ctx, T_LANGUAGE_SWITCH));
    g_string_append(o, "</a>\n</nav>\n</header>\n<main>\n");
}

/* With ARKIV_ALLOW_PARTIAL an index whose shards do not all answer is
 * still served, and every page says so. The shards are named in the
 * server's log, not to visitors: their addresses are internal. */
static void partial_notice(web_ctx_t *ctx)
{
    size_t n = ctx->db ? arkiv_db_missing_count(ctx->db) : 0;
    if (n == 0)
        return;
    for (size_t i = 0; i < n; i++) {
        const char *why = NULL;
        const char *name = arkiv_db_missing_shard(ctx->db, i, &why);
        g_printerr("arkiv.cgi: shard %s does not answer (%s)\n", name, why ? why : "");
    }
    GString *o = ctx->resp->body;
    g_string_append(o, "<p class=\"notice\" role=\"status\">");
    web_html_text(o, web_label(ctx, T_PARTIAL));
    g_string_append_printf(o, " %zu</p>\n", n);
}

void web_layout_begin(web_ctx_t *ctx, const char *title, const char *feed_href)
{
    head(ctx, title, feed_href);
    site_header(ctx);
    partial_notice(ctx);
}

void web_layout_titled(web_ctx_t *ctx, const char *title)
{
    web_layout_begin(ctx, title, NULL);
    g_string_append(ctx->resp->body, "<h1>");
    web_html_text(ctx->resp->body, title);
    g_string_append(ctx->resp->body, "</h1>\n");
}

void web_layout_end(web_ctx_t *ctx)
{
    g_string_append(ctx->resp->body, "</main>\n</body>\n</html>\n");
}
