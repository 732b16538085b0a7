/* html.c — context escaping (see html.h for the rules). */
#include "html.h"

#include <string.h>

/* The one loop behind text and attributes: both escape the same five
 * characters, so an attribute value can never end early. */
static void escape_markup(GString *out, const char *s)
{
    if (!s)
        return;
    char *valid = g_utf8_make_valid(s, -1);
    for (const unsigned char *p = (const unsigned char *)valid; *p; p++) {
        switch (*p) {
        case '&':
            g_string_append(out, "&amp;");
            break;
        case '<':
            g_string_append(out, "&lt;");
            break;
        case '>':
            g_string_append(out, "&gt;");
            break;
        case '"':
            g_string_append(out, "&quot;");
            break;
        case '\'':
            g_string_append(out, "&#39;");
            break;
        case '\t':
        case '\n':
        case '\r':
            g_string_append_c(out, (char)*p);
            break;
        default:
            if (*p >= 0x20 && *p != 0x7f)
                g_string_append_c(out, (char)*p);
        }
    }
    g_free(valid);
}

void web_html_text(GString *out, const char *s)
{
    escape_markup(out, s);
}

void web_html_attr(GString *out, const char *s)
{
    escape_markup(out, s);
}

void web_url_part(GString *out, const char *s)
{
    if (!s)
        return;
    char *valid = g_utf8_make_valid(s, -1);
    char *esc = g_uri_escape_string(valid, NULL, FALSE);
    g_string_append(out, esc);
    g_free(esc);
    g_free(valid);
}

void web_html_textf(GString *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    escape_markup(out, s);
    g_free(s);
}
