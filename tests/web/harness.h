/* harness.h — what the web tests run against: a temporary corpus (the
 * samples plus a hostile file), a real index made by the arkiv binary,
 * lighttpd serving arkiv.cgi with the configuration `arkiv serve` writes
 * (search/serveconf.c), an HTTP client on GIO sockets, and headless
 * Chromium. No mocks. */
#ifndef ARKIV_TEST_WEB_HARNESS_H
#define ARKIV_TEST_WEB_HARNESS_H

#include <glib.h>

typedef struct {
    char *tmp;    /* temporary folder, removed by harness_teardown */
    char *corpus; /* tmp/corpus (realpath'd: ids are hashes of real paths) */
    char *db;     /* tmp/db */
    char *state;  /* tmp/server: lighttpd configuration, socket, logs */
    char *arkiv, *cgi, *webdir, *samples; /* absolute */
    int port;
    GPid server; /* lighttpd, 0 when not running */
} web_env_t;

/* Build the corpus and the index, start the server and wait until it
 * answers. FALSE with a message on stderr. */
gboolean harness_setup(web_env_t *e, const char *arkiv, const char *cgi, const char *webdir,
                       const char *samples);
/* Stop the server and remove the temporary folder. */
void harness_teardown(web_env_t *e);

/* Run argv (NULL-terminated) with extra environment `env` (NAME=VALUE,
 * NULL-terminated, may be NULL); stdout into *out (g_free) when out is
 * not NULL. Returns the exit status, or -1 when it could not run. */
int harness_run(char **argv, char **env, char **out);

typedef struct {
    int status;     /* HTTP status, 0 when the request failed */
    char *head;     /* header block, raw */
    char *body;     /* NUL-terminated copy of the body */
    gsize body_len; /* real length (a PDF may hold NULs) */
} http_t;

/* One HTTP/1.0 request to the server; accept_language may be NULL. */
void http_request(const web_env_t *e, const char *method, const char *path,
                  const char *accept_language, http_t *out);
void http_get(const web_env_t *e, const char *path, http_t *out);
/* The value of a header (case-insensitive), g_malloc'd, or NULL. */
char *http_header(const http_t *r, const char *name);
void http_clear(http_t *r);

/* The DOM after loading path in headless Chromium (--dump-dom), with
 * Accept-Language `lang`; NULL when Chromium failed. Caller g_frees. */
char *chromium_dom(const web_env_t *e, const char *path, const char *lang);

/* The stable id of a corpus file (path relative to the corpus). */
char *harness_doc_id(const web_env_t *e, const char *relpath);

/* Number of non-overlapping occurrences of needle in hay. */
guint count_of(const char *hay, const char *needle);

#endif
