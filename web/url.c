/* url.c — links to our own pages (see url.h). */
#include "url.h"

#include <string.h>

#include "html.h"

void web_url_begin(web_url_t *u, const web_request_t *r, const char *page, const char *arg)
{
    u->s = g_string_new(r->base);
    g_string_append_c(u->s, '/');
    g_string_append(u->s, page);
    if (arg) {
        g_string_append_c(u->s, '/');
        web_url_part(u->s, arg);
    }
    u->has_query = FALSE;
}

void web_url_add(web_url_t *u, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    g_string_append_c(u->s, u->has_query ? '&' : '?');
    web_url_part(u->s, name);
    g_string_append_c(u->s, '=');
    web_url_part(u->s, value);
    u->has_query = TRUE;
}

void web_url_add_uint(web_url_t *u, const char *name, unsigned value)
{
    char buf[16];
    g_snprintf(buf, sizeof buf, "%u", value);
    web_url_add(u, name, buf);
}

char *web_url_end(web_url_t *u, const web_request_t *r, const char *fragment)
{
    if (r->lang_given)
        web_url_add(u, "lang", r->lang == WEB_LANG_EN ? "en" : "nb");
    if (fragment) {
        g_string_append_c(u->s, '#');
        web_url_part(u->s, fragment);
    }
    return g_string_free(u->s, FALSE);
}

char *web_url_self_in(const web_request_t *r, web_lang_t lang)
{
    GString *s = g_string_new(r->base);
    /* The path is ours to repeat but arrived decoded: encode each segment. */
    char **segs = g_strsplit(r->path, "/", -1);
    for (char **p = segs; *p; p++) {
        if (p != segs)
            g_string_append_c(s, '/');
        web_url_part(s, *p);
    }
    g_strfreev(segs);
    web_url_t u = {.s = s, .has_query = FALSE};
    for (guint i = 0; i < web_params_count(r->params); i++) {
        const char *name, *value;
        web_params_nth(r->params, i, &name, &value);
        if (strcmp(name, "lang") != 0)
            web_url_add(&u, name, value);
    }
    web_url_add(&u, "lang", lang == WEB_LANG_EN ? "en" : "nb");
    return g_string_free(u.s, FALSE);
}
