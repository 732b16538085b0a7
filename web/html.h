/* html.h — escaping text for the context it lands in.
 *
 * Every byte that comes from a document, a name, the index or the request
 * goes through one of these before it reaches a page. Each function
 * appends to `out` (owned by the caller); the input is only read. Input
 * that is not valid UTF-8 is repaired (U+FFFD) and C0 control characters
 * other than tab, newline and carriage return are dropped, because PDFs
 * carry form feeds and the like, and XML 1.0 forbids them even escaped. */
#ifndef ARKIV_WEB_HTML_H
#define ARKIV_WEB_HTML_H

#include <glib.h>

/* HTML text content and XML character data: & < > " ' escaped. */
void web_html_text(GString *out, const char *s);

/* An attribute value in double quotes: same escapes as text (the quote is
 * what matters); the caller writes the quotes. */
void web_html_attr(GString *out, const char *s);

/* One component of a URL (a path segment or a query value): everything
 * but unreserved characters percent-encoded, so '/', '&', '#', '?' and
 * '=' in values can never change the URL's structure. The result still
 * needs web_html_attr when it goes into an attribute. */
void web_url_part(GString *out, const char *s);

/* Text with printf-style formatting, escaped as HTML text. */
void web_html_textf(GString *out, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

#endif
