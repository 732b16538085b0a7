/* trace.c — a case or project through the councils, one event per
 * meeting, oldest first. */
#include <string.h>

#include "answer.h"
#include "answer_util.h"
#include "trace_query.h"

/* The hits of one meeting: its best agenda item and the meeting itself
 * (indexes into the results, -1 when none matched). */
typedef struct {
    char *meeting;
    int item, whole;
} group_t;

static void group_free(gpointer p)
{
    group_t *g = p;
    g_free(g->meeting);
    g_free(g);
}

/* Hits arrive best first, so the first of each kind is the best. */
static GPtrArray *group_hits(const arkiv_results_t *r)
{
    GPtrArray *groups = g_ptr_array_new_with_free_func(group_free);
    GHashTable *by_id = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; i < arkiv_results_count(r); i++) {
        arkiv_hit_t h;
        if (arkiv_results_get(r, i, &h) != ARKIV_STATUS_OK)
            continue;
        gboolean is_item = h.parent && *h.parent;
        const char *meeting = is_item ? h.parent : h.id;
        group_t *g = g_hash_table_lookup(by_id, meeting);
        if (!g) {
            g = g_new(group_t, 1);
            *g = (group_t){g_strdup(meeting), -1, -1};
            g_ptr_array_add(groups, g);
            g_hash_table_insert(by_id, g->meeting, g);
        }
        int *slot = is_item ? &g->item : &g->whole;
        if (*slot < 0)
            *slot = (int)i;
    }
    g_hash_table_unref(by_id);
    return groups;
}

static JsonObject *event_object(const group_t *g, const arkiv_hit_t *h)
{
    JsonNode *dn = ans_parse_data(h->data);
    JsonObject *d = arkiv_json_root(dn), *item = ans_hit_item(d, h);
    JsonObject *e = json_object_new();
    arkiv_json_copy(e, d, "date");
    arkiv_json_copy(e, d, "councils");
    json_object_set_string_member(e, "id", g->meeting);
    arkiv_json_copy(e, d, "path");
    arkiv_json_set_str(e, "item", arkiv_json_str(item, "number"));
    const char *item_title = arkiv_json_str(item, "title");
    arkiv_json_set_str(e, "title", item_title ? item_title : arkiv_json_str(d, "title"));
    arkiv_json_set_str(e, "decision", arkiv_json_str(item, "decision"));
    if (h->page)
        json_object_set_int_member(e, "page", h->page);
    else
        json_object_set_null_member(e, "page");
    json_object_set_string_member(e, "snippet", h->snippet ? h->snippet : "");
    if (dn)
        json_node_unref(dn);
    return e;
}

/* Oldest first; undated last; the same day in path order, so the order
 * never depends on scores. */
static gint by_date(gconstpointer a, gconstpointer b)
{
    JsonObject *x = *(JsonObject *const *)a, *y = *(JsonObject *const *)b;
    const char *dx = arkiv_json_str(x, "date"), *dy = arkiv_json_str(y, "date");
    if (!dx || !dy)
        return dx ? -1 : dy ? 1 : 0;
    int c = strcmp(dx, dy);
    return c ? c : g_strcmp0(arkiv_json_str(x, "path"), arkiv_json_str(y, "path"));
}

static JsonArray *events(const arkiv_results_t *r)
{
    GPtrArray *groups = group_hits(r);
    GPtrArray *evs = g_ptr_array_new_with_free_func((GDestroyNotify)json_object_unref);
    for (guint i = 0; i < groups->len; i++) {
        const group_t *g = groups->pdata[i];
        arkiv_hit_t h;
        if (arkiv_results_get(r, (size_t)(g->item >= 0 ? g->item : g->whole), &h) ==
            ARKIV_STATUS_OK)
            g_ptr_array_add(evs, event_object(g, &h));
    }
    g_ptr_array_sort(evs, by_date);
    JsonArray *a = json_array_new();
    for (guint i = 0; i < evs->len; i++)
        json_array_add_object_element(a, json_object_ref(evs->pdata[i]));
    g_ptr_array_unref(evs);
    g_ptr_array_unref(groups);
    return a;
}

typedef struct {
    const char *query;
    unsigned max_docs;
} trace_args_t;

/* A trace reads and snippets every document it follows, so a broad
 * query ("k*" over years of minutes) would cost time without bound and
 * pass the web's CPU limit: it follows the best-matching documents up to
 * max_docs, and says when it stopped there. */
static arkiv_status_t build(arkiv_db_t *db, const void *args, JsonNode **out, char **error)
{
    const trace_args_t *t = args;
    const char *query = t->query;
    arkiv_search_options_t o;
    arkiv_results_t *r = NULL;
    char *wide = ans_trace_query(query);
    arkiv_status_t st = ans_all_options(db, &o, error);
    /* One hit per meeting, its best matching item when one matches: the
     * library ranks a meeting's items, its hits without collapse come in
     * text order with the meeting's score. */
    o.collapse = 1;
    if (st == ARKIV_STATUS_OK && o.limit > t->max_docs)
        o.limit = t->max_docs;
    if (st == ARKIV_STATUS_OK)
        st = ans_search(db, wide, &o, &r, error);
    g_free(wide);
    if (st != ARKIV_STATUS_OK)
        return st;
    JsonObject *a = ans_new();
    json_object_set_string_member(a, "query", query);
    json_object_set_array_member(a, "events", events(r));
    /* Fewer hits than asked for: every matching document was followed. */
    json_object_set_boolean_member(
        a, "complete", arkiv_results_count(r) < o.limit || arkiv_results_total(r) <= o.limit);
    arkiv_results_free(r);
    *out = ans_node(a);
    return ARKIV_STATUS_OK;
}

arkiv_status_t arkiv_answer_trace(arkiv_db_t *db, const char *query, unsigned max_docs,
                                  JsonNode **out, char **error)
{
    trace_args_t t = {query ? query : "", max_docs ? max_docs : ARKIV_TRACE_MAX_DOCS};
    return ans_run(db, build, &t, out, error);
}
