/* url.h — links to our own pages, every part escaped as a URL component.
 *
 *   web_url_t u;
 *   web_url_begin(&u, req, "doc", id);      // BASE/doc/ID
 *   web_url_add(&u, "q", query);            // ?q=...
 *   char *href = web_url_end(&u, req, NULL); // caller g_free()s
 *
 * The result is a URL, not yet HTML: it still goes through web_html_attr. */
#ifndef ARKIV_WEB_URL_H
#define ARKIV_WEB_URL_H

#include <glib.h>

#include "request.h"

typedef struct {
    GString *s; /* owned until web_url_end */
    gboolean has_query;
} web_url_t;

/* BASE/PAGE, or BASE/PAGE/ARG with ARG escaped; page "" is the search page. */
void web_url_begin(web_url_t *u, const web_request_t *r, const char *page, const char *arg);
/* Add NAME=VALUE; NULL or empty values are left out. */
void web_url_add(web_url_t *u, const char *name, const char *value);
void web_url_add_uint(web_url_t *u, const char *name, unsigned value);
/* Finish: carries ?lang= on when the request chose it, then #fragment
 * (escaped) when not NULL. Returns the string; caller frees with g_free. */
char *web_url_end(web_url_t *u, const web_request_t *r, const char *fragment);

/* The page being served again, with lang set to `lang` (the language
 * switch). Caller frees with g_free. */
char *web_url_self_in(const web_request_t *r, web_lang_t lang);

#endif
