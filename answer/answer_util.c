/* answer_util.c — pieces every answer uses. */
#include "answer_util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Xapian lets a reader finish while the indexer makes one more commit,
 * not two. A reader slower than that (a long page while `arkiv index
 * --batch 5` commits several times a second) fails about every other
 * try, so five tries were not enough (tests/test_crash.sh); each retry
 * starts at the newest commit, the best moment to try again. */
static const int max_attempts = 50;

arkiv_status_t ans_run(arkiv_db_t *db, ans_build_fn fn, const void *args, JsonNode **out,
                       char **error)
{
    char *msg = NULL;
    arkiv_status_t st = ARKIV_STATUS_MODIFIED;
    *out = NULL;
    for (int attempt = 0; attempt < max_attempts && st == ARKIV_STATUS_MODIFIED; attempt++) {
        g_free(msg);
        msg = NULL;
        if (attempt > 0 && (st = arkiv_db_reopen(db)) != ARKIV_STATUS_OK) {
            ans_fail(db, st, &msg);
            break;
        }
        st = fn(db, args, out, &msg);
    }
    if (error)
        *error = msg;
    else
        g_free(msg);
    return st;
}

arkiv_status_t ans_fail(arkiv_db_t *db, arkiv_status_t st, char **error)
{
    if (!error)
        return st;
    const char *detail = db ? arkiv_db_last_error(db) : "";
    if (st == ARKIV_STATUS_BAD_QUERY)
        *error = g_strdup_printf("cannot understand the query: %s", detail);
    else if (*detail)
        *error = g_strdup(detail);
    else
        *error = g_strdup(arkiv_status_string(st));
    return st;
}

arkiv_status_t ans_search(arkiv_db_t *db, const char *query, const arkiv_search_options_t *o,
                          arkiv_results_t **r, char **error)
{
    arkiv_query_t *q = NULL;
    *r = NULL;
    arkiv_status_t st = arkiv_query_parse(db, query, &q);
    if (st == ARKIV_STATUS_OK)
        st = arkiv_db_search(db, q, o, r);
    arkiv_query_free(q);
    return st == ARKIV_STATUS_OK ? st : ans_fail(db, st, error);
}

arkiv_status_t ans_all_options(arkiv_db_t *db, arkiv_search_options_t *o, char **error)
{
    (void)db;
    (void)error;
    arkiv_search_options_init(o);
    /* Not the document count: without collapse a meeting is a hit, and
     * so is each of its matching agenda items. */
    o->limit = UINT_MAX;
    o->facets = 0;
    o->collapse = 0;
    return ARKIV_STATUS_OK;
}

JsonNode *ans_parse_data(const char *data)
{
    JsonNode *n = data && *data ? json_from_string(data, NULL) : NULL;
    if (n && !JSON_NODE_HOLDS_OBJECT(n)) {
        json_node_unref(n);
        n = NULL;
    }
    return n;
}

JsonObject *ans_hit_item(JsonObject *data, const arkiv_hit_t *hit)
{
    /* The meeting's items are in text order, numbered from 1. */
    return hit->item ? arkiv_json_array_object(arkiv_json_array(data, "items"), hit->item - 1)
                     : NULL;
}

JsonObject *ans_new(void)
{
    JsonObject *o = json_object_new();
    json_object_set_int_member(o, "format_version", 1);
    return o;
}

JsonNode *ans_node(JsonObject *o)
{
    JsonNode *n = json_node_init_object(json_node_alloc(), o);
    json_object_unref(o);
    return n;
}

char *ans_quote(const char *v)
{
    GString *s = g_string_new("\"");
    for (const char *p = v; *p; p++)
        if (*p != '"')
            g_string_append_c(s, *p);
    g_string_append_c(s, '"');
    return g_string_free(s, FALSE);
}

static gboolean blank(const char *s)
{
    for (; s && *s; s++)
        if (!g_ascii_isspace(*s))
            return FALSE;
    return TRUE;
}

char *ans_and(const char *query, const char *filters)
{
    if (blank(query))
        return g_strdup(filters);
    if (blank(filters))
        return g_strdup(query);
    return g_strdup_printf("(%s) %s", query, filters);
}

const char *ans_sort_name(arkiv_sort_t s)
{
    return s == ARKIV_SORT_DATE_ASC ? "date" : s == ARKIV_SORT_DATE_DESC ? "-date" : "relevance";
}

char *ans_canonical_name(arkiv_db_t *db, const char *key)
{
    char *c = NULL;
    if (!key || arkiv_db_person_names(db, key, &c, NULL) != ARKIV_STATUS_OK)
        return NULL;
    char *out = g_strdup(c);
    free(c);
    return out;
}

void ans_facet_object(JsonObject *o, const char *member, const arkiv_results_t *r, const char *name)
{
    JsonObject *f = json_object_new();
    const arkiv_facets_t *facets = NULL;
    if (arkiv_results_facets(r, name, &facets) != ARKIV_STATUS_OK)
        facets = NULL;
    for (size_t i = 0; facets && i < arkiv_facets_count(facets); i++) {
        const char *value, *label = NULL;
        unsigned count;
        if (arkiv_facets_get(facets, i, &value, &count) != ARKIV_STATUS_OK)
            continue;
        if (arkiv_facets_get_label(facets, i, &label) != ARKIV_STATUS_OK || !label || !*label)
            label = value;
        /* Two people may share a canonical name; the key tells them apart. */
        if (json_object_has_member(f, label))
            label = value;
        json_object_set_int_member(f, label, count);
    }
    json_object_set_object_member(o, member, f);
}
