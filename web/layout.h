/* layout.h — the frame of every HTML page and small HTML pieces. */
#ifndef ARKIV_WEB_LAYOUT_H
#define ARKIV_WEB_LAYOUT_H

#include "page.h"

/* Doctype, head (title, viewport, CSS, an Atom link when feed_href is not
 * NULL), the site header with navigation and the language switch, and
 * <main>. Writes to ctx->resp->body. */
void web_layout_begin(web_ctx_t *ctx, const char *title, const char *feed_href);
/* web_layout_begin without a feed, then the title again as the page's
 * <h1>. */
void web_layout_titled(web_ctx_t *ctx, const char *title);
/* Close <main> and the document. */
void web_layout_end(web_ctx_t *ctx);

/* <a href="HREF">TEXT</a>, both escaped; takes ownership of href (g_free). */
void web_html_link(GString *out, char *href, const char *text);

/* The label in the request's language. */
const char *web_label(const web_ctx_t *ctx, web_text_t id);

#endif
