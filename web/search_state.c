/* search_state.c — the search page's parameters (see search_state.h). */
#include "search_state.h"

#include <stdlib.h>
#include <string.h>

#include "url.h"

static const char *const facet_names[WEB_FACET_N] = {"council", "year", "kind", "person"};

const char *web_facet_name(web_facet_t f)
{
    return f < WEB_FACET_N ? facet_names[f] : "";
}

const char *web_sort_name(arkiv_sort_t sort)
{
    return sort == ARKIV_SORT_DATE_DESC  ? "newest"
           : sort == ARKIV_SORT_DATE_ASC ? "oldest"
                                         : "relevance";
}

const web_sort_choice_t web_sort_choices[WEB_SORT_N] = {{ARKIV_SORT_RELEVANCE, T_SORT_RELEVANCE},
                                                        {ARKIV_SORT_DATE_DESC, T_SORT_NEWEST},
                                                        {ARKIV_SORT_DATE_ASC, T_SORT_OLDEST}};

static gboolean parse_sort(const char *v, arkiv_sort_t *out)
{
    if (!v || strcmp(v, "relevance") == 0)
        *out = ARKIV_SORT_RELEVANCE;
    else if (strcmp(v, "newest") == 0 || strcmp(v, "-date") == 0)
        *out = ARKIV_SORT_DATE_DESC;
    else if (strcmp(v, "oldest") == 0 || strcmp(v, "date") == 0)
        *out = ARKIV_SORT_DATE_ASC;
    else
        return FALSE;
    return TRUE;
}

/* Digits only, no sign, no overflow. */
static gboolean parse_uint(const char *v, unsigned fallback, unsigned *out)
{
    if (!v) {
        *out = fallback;
        return TRUE;
    }
    if (!*v || strspn(v, "0123456789") != strlen(v) || strlen(v) > 9)
        return FALSE;
    *out = (unsigned)strtoul(v, NULL, 10);
    return TRUE;
}

/* A filter value goes inside "…" in the query: a value with a quote
 * cannot, and facet links never make one. */
static void read_filters(web_search_t *s, const web_request_t *r)
{
    for (int f = 0; f < WEB_FACET_N; f++) {
        s->filters[f] = g_ptr_array_new_with_free_func(g_free);
        GPtrArray *all = web_params_all(r->params, facet_names[f]);
        for (guint i = 0; i < all->len; i++) {
            const char *v = all->pdata[i];
            if (*v && !strchr(v, '"') && strlen(v) <= WEB_MAX_QUERY)
                g_ptr_array_add(s->filters[f], g_strdup(v));
        }
        g_ptr_array_unref(all);
    }
}

gboolean web_search_from_request(web_search_t *s, const web_request_t *r, const char **why)
{
    memset(s, 0, sizeof *s);
    const char *q = web_request_param(r, "q");
    s->q = g_strdup(q ? q : "");
    read_filters(s, r);
    s->sort = ARKIV_SORT_RELEVANCE;
    s->limit = WEB_DEFAULT_LIMIT;
    if (strlen(s->q) > WEB_MAX_QUERY) {
        *why = "the query is too long (at most 500 bytes)";
        return FALSE;
    }
    if (!parse_sort(web_request_param(r, "sort"), &s->sort)) {
        *why = "sort is relevance, newest or oldest";
        return FALSE;
    }
    if (!parse_uint(web_request_param(r, "start"), 0, &s->start) ||
        !parse_uint(web_request_param(r, "limit"), WEB_DEFAULT_LIMIT, &s->limit)) {
        *why = "start and limit are whole numbers";
        return FALSE;
    }
    if (s->start > WEB_MAX_START) {
        *why = "the result list goes no further than 10000";
        return FALSE;
    }
    s->limit = CLAMP(s->limit, 1, WEB_MAX_LIMIT);
    return TRUE;
}

void web_search_clear(web_search_t *s)
{
    g_free(s->q);
    for (int f = 0; f < WEB_FACET_N; f++)
        if (s->filters[f])
            g_ptr_array_unref(s->filters[f]);
    memset(s, 0, sizeof *s);
}

char *web_search_query(const web_search_t *s)
{
    GString *q = g_string_new(s->q);
    for (int f = 0; f < WEB_FACET_N; f++)
        for (guint i = 0; i < s->filters[f]->len; i++)
            g_string_append_printf(q, "%s%s:\"%s\"", q->len ? " " : "", facet_names[f],
                                   (const char *)s->filters[f]->pdata[i]);
    return g_string_free(q, FALSE);
}

gboolean web_search_has_filter(const web_search_t *s, web_facet_t f, const char *value)
{
    for (guint i = 0; i < s->filters[f]->len; i++)
        if (strcmp(s->filters[f]->pdata[i], value) == 0)
            return TRUE;
    return FALSE;
}

web_search_change_t web_search_same(const web_search_t *s)
{
    web_search_change_t c = {
        .toggle_facet = -1, .toggle_value = NULL, .sort = s->sort, .start = s->start};
    return c;
}

/* Filters stay in their order; the toggled one is dropped if present,
 * else appended. */
static void add_filters(web_url_t *u, const web_search_t *s, const web_search_change_t *c)
{
    for (int f = 0; f < WEB_FACET_N; f++) {
        gboolean toggled = c->toggle_facet == f;
        gboolean present = toggled && web_search_has_filter(s, f, c->toggle_value);
        for (guint i = 0; i < s->filters[f]->len; i++) {
            const char *v = s->filters[f]->pdata[i];
            if (!(present && strcmp(v, c->toggle_value) == 0))
                web_url_add(u, facet_names[f], v);
        }
        if (toggled && !present)
            web_url_add(u, facet_names[f], c->toggle_value);
    }
}

char *web_search_url(const web_search_t *s, const web_request_t *r, const char *page,
                     const web_search_change_t *c)
{
    web_url_t u;
    web_url_begin(&u, r, page, NULL);
    web_url_add(&u, "q", s->q);
    add_filters(&u, s, c);
    if (c->sort != ARKIV_SORT_RELEVANCE)
        web_url_add(&u, "sort", web_sort_name(c->sort));
    if (c->start)
        web_url_add_uint(&u, "start", c->start);
    if (s->limit != WEB_DEFAULT_LIMIT)
        web_url_add_uint(&u, "limit", s->limit);
    return web_url_end(&u, r, NULL);
}
