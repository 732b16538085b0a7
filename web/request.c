/* request.c — a request from the CGI environment or shell arguments. */
#include "request.h"

#include <stdlib.h>
#include <string.h>

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v ? v : fallback;
}

/* Defaults shared by both sources, so a failed parse still leaves a
 * request an error page can be rendered from. */
static void request_init(web_request_t *r, const char *static_base)
{
    memset(r, 0, sizeof *r);
    r->params = web_params_new();
    r->path = g_strdup("/");
    r->static_base = g_strdup(static_base);
    r->base = g_strdup("");
    r->origin = g_strdup("");
    r->lang = WEB_LANG_NB;
}

/* ?lang= wins over Accept-Language, and is carried on in links. */
static void pick_lang(web_request_t *r, const char *accept_language)
{
    const char *l = web_params_get(r->params, "lang");
    if (l && web_lang_parse(l, &r->lang))
        r->lang_given = TRUE;
    else
        r->lang = web_lang_negotiate(accept_language);
}

/* The path must be UTF-8 and is kept as given; pages split it. */
static gboolean set_path(web_request_t *r, const char *path, int *status, const char **why)
{
    if (!path || !*path)
        return TRUE;
    if (!g_utf8_validate(path, -1, NULL) || strlen(path) > 1024) {
        *status = 400;
        *why = "bad page address";
        return FALSE;
    }
    g_free(r->path);
    r->path = g_strdup(path);
    return TRUE;
}

/* Absolute links (the Atom feed) need scheme and host; both come from the
 * server, and the host from the client, so it is checked strictly. */
static void set_origin(web_request_t *r)
{
    const char *host = getenv("HTTP_HOST");
    if (!host || !*host ||
        strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                     "0123456789.-:[]") != strlen(host))
        return;
    const char *https = getenv("HTTPS");
    g_free(r->origin);
    r->origin = g_strdup_printf(
        "%s://%s", https && *https && strcmp(https, "off") != 0 ? "https" : "http", host);
}

gboolean web_request_from_env(web_request_t *r, const char *static_base, int *status,
                              const char **why)
{
    request_init(r, static_base);
    const char *method = env_or("REQUEST_METHOD", "GET");
    const char *script = env_or("SCRIPT_NAME", "");
    g_free(r->base);
    r->base = g_strndup(script, strlen(script) - (g_str_has_suffix(script, "/") ? 1 : 0));
    set_origin(r);
    r->head = strcmp(method, "HEAD") == 0;
    gboolean ok = TRUE;
    if (strcmp(method, "GET") != 0 && !r->head) {
        *status = 405;
        *why = "only GET and HEAD are served";
        ok = FALSE;
    } else if (!web_params_parse(r->params, getenv("QUERY_STRING"), why)) {
        *status = 400;
        ok = FALSE;
    } else {
        ok = set_path(r, getenv("PATH_INFO"), status, why);
    }
    pick_lang(r, getenv("HTTP_ACCEPT_LANGUAGE"));
    return ok;
}

gboolean web_request_from_args(web_request_t *r, const char *static_base, int argc, char **argv,
                               int *status, const char **why)
{
    request_init(r, static_base);
    gboolean ok = TRUE;
    for (int i = 1; ok && i < argc; i++) {
        if (argv[i][0] == '/')
            ok = set_path(r, argv[i], status, why);
        else if (!(ok = web_params_parse_arg(r->params, argv[i]))) {
            *status = 400;
            *why = "arguments are NAME=VALUE (UTF-8) or a page path starting with /";
        }
    }
    pick_lang(r, getenv("HTTP_ACCEPT_LANGUAGE"));
    return ok;
}

void web_request_clear(web_request_t *r)
{
    web_params_free(r->params);
    g_free(r->path);
    g_free(r->base);
    g_free(r->static_base);
    g_free(r->origin);
    memset(r, 0, sizeof *r);
}

const char *web_request_param(const web_request_t *r, const char *name)
{
    const char *v = web_params_get(r->params, name);
    return v && *v ? v : NULL;
}
