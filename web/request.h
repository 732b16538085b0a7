/* request.h — one request, from the CGI environment or from a shell.
 *
 * Under CGI and FastCGI the request is the environment (REQUEST_METHOD,
 * QUERY_STRING, PATH_INFO, SCRIPT_NAME, HTTP_ACCEPT_LANGUAGE, HTTP_HOST)
 * that FCGI_Accept has just set up. From a shell (no REQUEST_METHOD), like
 * Omega, the arguments are NAME=VALUE pairs, and an argument starting
 * with '/' is the page path: `arkiv.cgi /doc/4f1c0a9e2b7d3c11 format=json`. */
#ifndef ARKIV_WEB_REQUEST_H
#define ARKIV_WEB_REQUEST_H

#include <glib.h>

#include "i18n.h"
#include "params.h"

typedef struct {
    web_params_t *params; /* owned */
    char *path;           /* owned; PATH_INFO, "/" when empty */
    char *base;           /* owned; SCRIPT_NAME without a trailing '/', "" at the root */
    char *static_base;    /* owned; URL folder of arkiv.css (main.c's configuration) */
    char *origin;         /* owned; "http://host:port" for absolute links, "" unknown */
    gboolean head;        /* HEAD: headers only */
    web_lang_t lang;      /* from ?lang=, else Accept-Language, else bokmål */
    gboolean lang_given;  /* ?lang= was given, so links carry it on */
} web_request_t;

/* Fill *r from the environment. FALSE with *status (400, 405) and *why
 * (static text) for a request that cannot be served; *r is then still
 * valid enough to render an error page and must be cleared. */
gboolean web_request_from_env(web_request_t *r, const char *static_base, int *status,
                              const char **why);

/* Fill *r from shell arguments (argv[1..argc-1]); same contract. */
gboolean web_request_from_args(web_request_t *r, const char *static_base, int argc, char **argv,
                               int *status, const char **why);

void web_request_clear(web_request_t *r);

/* The parameter, or NULL when missing or empty. Owned by r. */
const char *web_request_param(const web_request_t *r, const char *name);

#endif
