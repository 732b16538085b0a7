/* doc_text.c — the whole text with hit words marked (see doc_text.h). */
#include "doc_text.h"

#include <glib.h>

#include "dbcall.h"

/* Far beyond any minutes; Xapian returns the whole text when it is
 * shorter than the length asked for. */
enum { whole_text = 64 * 1024 * 1024 };

typedef struct {
    const char *query;
    char *html; /* g_malloc'd; NULL until found */
} text_call_t;

static arkiv_status_t text_fn(arkiv_db_t *db, void *data)
{
    text_call_t *c = data;
    g_free(c->html);
    c->html = NULL;
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.limit = 1;
    o.facets = 0;
    o.collapse = 0;
    o.snippet_mode = ARKIV_SNIPPET_HTML;
    o.hi_start = "<mark>";
    o.hi_end = "</mark>";
    o.snippet_length = whole_text;
    arkiv_query_t *q = NULL;
    arkiv_results_t *r = NULL;
    arkiv_status_t st = arkiv_query_parse(db, c->query, &q);
    if (st == ARKIV_STATUS_OK)
        st = arkiv_db_search(db, q, &o, &r);
    arkiv_hit_t h;
    if (st == ARKIV_STATUS_OK && arkiv_results_get(r, 0, &h) == ARKIV_STATUS_OK)
        c->html = g_strdup(h.snippet);
    arkiv_results_free(r);
    arkiv_query_free(q);
    return st;
}

static arkiv_status_t text_for(arkiv_db_t *db, const char *query, char **html)
{
    text_call_t c = {.query = query, .html = NULL};
    arkiv_status_t st = web_db_call(db, text_fn, &c);
    *html = c.html;
    return st;
}

arkiv_status_t web_doc_text(arkiv_db_t *db, const char *id, const char *q, char **html_out)
{
    *html_out = NULL;
    char *plain = g_strdup_printf("id:%s", id);
    arkiv_status_t st = ARKIV_STATUS_NOT_FOUND;
    if (q && *q) {
        char *marked = g_strdup_printf("%s (%s)", plain, q);
        st = text_for(db, marked, html_out);
        g_free(marked);
    }
    if (st != ARKIV_STATUS_OK || !*html_out) {
        g_free(*html_out);
        st = text_for(db, plain, html_out);
    }
    g_free(plain);
    if (st == ARKIV_STATUS_OK && !*html_out)
        st = ARKIV_STATUS_NOT_FOUND;
    return st;
}
