/* search_state.h — what a search page was asked for, and links to the
 * same search with one thing changed (a filter, the order, the page). */
#ifndef ARKIV_WEB_SEARCH_STATE_H
#define ARKIV_WEB_SEARCH_STATE_H

#include "arkiv.h"
#include "request.h"

/* Bounds; beyond them the request gets a 400 or is capped. */
enum {
    WEB_MAX_QUERY = 500, /* bytes of q */
    WEB_MAX_LIMIT = 50,  /* hits per page (capped) */
    WEB_DEFAULT_LIMIT = 10,
    WEB_MAX_START = 10000 /* first hit shown (400 beyond) */
};

/* The facets a page can filter on, in sidebar order. */
typedef enum {
    WEB_FACET_COUNCIL,
    WEB_FACET_YEAR,
    WEB_FACET_KIND,
    WEB_FACET_PERSON,
    WEB_FACET_N
} web_facet_t;

/* The facet's name: the library's facet, the query field and the URL
 * parameter all use it ("council"). */
const char *web_facet_name(web_facet_t f);

typedef struct {
    char *q;                         /* owned; "" when none */
    GPtrArray *filters[WEB_FACET_N]; /* owned strings */
    arkiv_sort_t sort;
    unsigned start, limit;
} web_search_t;

/* Read q, council, year, kind, person, sort, start and limit. FALSE with
 * *why (static text) for a value that cannot be served; *s must be
 * cleared either way. */
gboolean web_search_from_request(web_search_t *s, const web_request_t *r, const char **why);
void web_search_clear(web_search_t *s);

/* The query the library gets: q and one FIELD:"value" per filter (the
 * parser ORs filters on one field and ANDs the fields). Caller g_frees. */
char *web_search_query(const web_search_t *s);

gboolean web_search_has_filter(const web_search_t *s, web_facet_t f, const char *value);

/* What a link changes: toggle one filter (facet -1 for none), set the
 * order and the first hit. */
typedef struct {
    int toggle_facet;
    const char *toggle_value;
    arkiv_sort_t sort;
    unsigned start;
} web_search_change_t;

/* The change that keeps everything as it is. */
web_search_change_t web_search_same(const web_search_t *s);

/* URL of `page` ("" for the search page, "feed") for this search with
 * the change applied. Caller g_frees. */
char *web_search_url(const web_search_t *s, const web_request_t *r, const char *page,
                     const web_search_change_t *c);

/* "relevance", "newest", "oldest". */
const char *web_sort_name(arkiv_sort_t sort);

/* The orders a search page offers (the form's choice and the links over
 * the hits), in the order it lists them, with their labels. */
typedef struct {
    arkiv_sort_t sort;
    web_text_t label;
} web_sort_choice_t;
enum { WEB_SORT_N = 3 };
extern const web_sort_choice_t web_sort_choices[WEB_SORT_N];

#endif
