/* params.h — request parameters (NAME=VALUE pairs, in order, repeatable).
 *
 * They come from a CGI QUERY_STRING (application/x-www-form-urlencoded)
 * or, from a shell, from NAME=VALUE arguments. Values are always valid
 * UTF-8: a request that is not is refused (400), never repaired. */
#ifndef ARKIV_WEB_PARAMS_H
#define ARKIV_WEB_PARAMS_H

#include <glib.h>

/* Bounds on what a request may carry; beyond them it gets a 400. */
enum {
    WEB_MAX_QUERY_STRING = 8192, /* bytes of QUERY_STRING */
    WEB_MAX_PARAMS = 64          /* pairs */
};

typedef struct web_params web_params_t;

/* A new, empty list; caller frees with web_params_free (accepts NULL). */
web_params_t *web_params_new(void);
void web_params_free(web_params_t *p);

/* Add one pair (copied). FALSE when value or name is not UTF-8 or the
 * list is full. */
gboolean web_params_add(web_params_t *p, const char *name, const char *value);

/* Parse a query string ("q=palliativ+plan&council=ASU"; ';' also splits)
 * and add its pairs. FALSE with *why (static text) when it is too long,
 * has too many pairs, a bad %-escape or bytes that are not UTF-8. */
gboolean web_params_parse(web_params_t *p, const char *query_string, const char **why);

/* Parse one "NAME=VALUE" command-line argument, taken literally (no
 * %-decoding, as Omega does from a shell). FALSE when there is no '='. */
gboolean web_params_parse_arg(web_params_t *p, const char *arg);

/* First value of `name`, or NULL. Owned by p. */
const char *web_params_get(const web_params_t *p, const char *name);

/* Every value of `name` in order; the array is the caller's to free with
 * g_ptr_array_unref, its strings belong to p. */
GPtrArray *web_params_all(const web_params_t *p, const char *name);

/* Number of pairs, and pair i (strings owned by p). */
guint web_params_count(const web_params_t *p);
void web_params_nth(const web_params_t *p, guint i, const char **name, const char **value);

#endif
