/* params.c — request parameters (see params.h). */
#include "params.h"

#include <string.h>

struct web_params {
    GPtrArray *names, *values; /* parallel; strings owned here */
};

web_params_t *web_params_new(void)
{
    web_params_t *p = g_new0(web_params_t, 1);
    p->names = g_ptr_array_new_with_free_func(g_free);
    p->values = g_ptr_array_new_with_free_func(g_free);
    return p;
}

void web_params_free(web_params_t *p)
{
    if (!p)
        return;
    g_ptr_array_unref(p->names);
    g_ptr_array_unref(p->values);
    g_free(p);
}

gboolean web_params_add(web_params_t *p, const char *name, const char *value)
{
    if (p->names->len >= WEB_MAX_PARAMS || !g_utf8_validate(name, -1, NULL) ||
        !g_utf8_validate(value, -1, NULL))
        return FALSE;
    g_ptr_array_add(p->names, g_strdup(name));
    g_ptr_array_add(p->values, g_strdup(value));
    return TRUE;
}

/* Form encoding writes spaces as '+'; g_uri_unescape_string does the
 * rest and refuses a broken escape or an encoded NUL. */
static char *form_decode(const char *s, gsize len)
{
    char *raw = g_strndup(s, len);
    g_strdelimit(raw, "+", ' ');
    char *out = g_uri_unescape_string(raw, NULL);
    g_free(raw);
    return out;
}

static gboolean add_pair(web_params_t *p, const char *pair, gsize len, const char **why)
{
    const char *eq = memchr(pair, '=', len);
    gsize nlen = eq ? (gsize)(eq - pair) : len;
    char *name = form_decode(pair, nlen);
    char *value = eq ? form_decode(eq + 1, len - nlen - 1) : g_strdup("");
    gboolean ok = name && value;
    if (!ok)
        *why = "bad %-escape in the address";
    else if (!(ok = web_params_add(p, name, value)))
        *why = p->names->len >= WEB_MAX_PARAMS ? "too many parameters" : "the address is not UTF-8";
    g_free(name);
    g_free(value);
    return ok;
}

gboolean web_params_parse(web_params_t *p, const char *qs, const char **why)
{
    if (!qs)
        return TRUE;
    if (strlen(qs) > WEB_MAX_QUERY_STRING) {
        *why = "the address is too long";
        return FALSE;
    }
    while (*qs) {
        gsize len = strcspn(qs, "&;");
        if (len > 0 && !add_pair(p, qs, len, why))
            return FALSE;
        qs += len;
        if (*qs)
            qs++;
    }
    return TRUE;
}

gboolean web_params_parse_arg(web_params_t *p, const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq || eq == arg)
        return FALSE;
    char *name = g_strndup(arg, (gsize)(eq - arg));
    gboolean ok = web_params_add(p, name, eq + 1);
    g_free(name);
    return ok;
}

const char *web_params_get(const web_params_t *p, const char *name)
{
    for (guint i = 0; i < p->names->len; i++)
        if (strcmp(p->names->pdata[i], name) == 0)
            return p->values->pdata[i];
    return NULL;
}

GPtrArray *web_params_all(const web_params_t *p, const char *name)
{
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; i < p->names->len; i++)
        if (strcmp(p->names->pdata[i], name) == 0)
            g_ptr_array_add(out, p->values->pdata[i]);
    return out;
}

guint web_params_count(const web_params_t *p)
{
    return p->names->len;
}

void web_params_nth(const web_params_t *p, guint i, const char **name, const char **value)
{
    *name = p->names->pdata[i];
    *value = p->values->pdata[i];
}
