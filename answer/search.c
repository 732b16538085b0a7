/* search.c — the answer to a search: hits, facets, a suggestion. */
#include "answer.h"
#include "answer_util.h"

/* A search answer is a page for people, so its cost stays bounded
 * however large the match (arkiv_search_options_t): Xapian may stop
 * after this many matches, and a match that can hold at most
 * search_exact_up_to documents is still counted whole. Measured in
 * bench/RESULTS.md ("web latency"). */
enum { search_check_at_least = 200, search_exact_up_to = 2000 };

typedef struct {
    const char *query;
    const arkiv_search_options_t *o;
} search_args_t;

/* An agenda item hit names its item; a meeting hit has none. */
static void hit_item(JsonObject *h, JsonObject *data, const arkiv_hit_t *hit)
{
    JsonObject *it = ans_hit_item(data, hit);
    if (!it) {
        json_object_set_null_member(h, "item");
        return;
    }
    JsonObject *item = json_object_new();
    arkiv_json_copy(item, it, "number");
    arkiv_json_copy(item, it, "title");
    arkiv_json_copy(item, it, "decision");
    json_object_set_object_member(h, "item", item);
}

static JsonObject *hit_object(const arkiv_hit_t *hit)
{
    JsonNode *dn = ans_parse_data(hit->data);
    JsonObject *d = arkiv_json_root(dn), *h = json_object_new();
    json_object_set_string_member(h, "id", hit->id);
    static const char *const copied[] = {"path", "title", "kind", "council", "date"};
    for (gsize i = 0; i < G_N_ELEMENTS(copied); i++)
        arkiv_json_copy(h, d, copied[i]);
    hit_item(h, d, hit);
    if (hit->page)
        json_object_set_int_member(h, "page", hit->page);
    else
        json_object_set_null_member(h, "page");
    arkiv_json_set_str(h, "parent", hit->parent && *hit->parent ? hit->parent : NULL);
    json_object_set_int_member(h, "collapsed", hit->collapsed);
    json_object_set_double_member(h, "score", hit->score);
    json_object_set_string_member(h, "snippet", hit->snippet ? hit->snippet : "");
    if (dn)
        json_node_unref(dn);
    return h;
}

static JsonObject *facets_object(const arkiv_results_t *r)
{
    JsonObject *f = json_object_new();
    for (const char *const *name = arkiv_facet_names(); *name; name++)
        ans_facet_object(f, *name, r, *name);
    return f;
}

static arkiv_status_t build(arkiv_db_t *db, const void *args, JsonNode **out, char **error)
{
    const search_args_t *a = args;
    arkiv_results_t *r = NULL;
    arkiv_status_t st = ans_search(db, a->query, a->o, &r, error);
    if (st != ARKIV_STATUS_OK)
        return st;
    JsonObject *o = ans_new();
    json_object_set_string_member(o, "query", a->query);
    json_object_set_int_member(o, "total", arkiv_results_total(r));
    json_object_set_boolean_member(o, "total_exact", arkiv_results_total_exact(r) != 0);
    json_object_set_int_member(o, "offset", a->o->offset);
    json_object_set_int_member(o, "limit", a->o->limit);
    json_object_set_string_member(o, "sort", ans_sort_name(a->o->sort));
    JsonArray *results = json_array_new();
    for (size_t i = 0; i < arkiv_results_count(r); i++) {
        arkiv_hit_t h;
        if (arkiv_results_get(r, i, &h) == ARKIV_STATUS_OK)
            json_array_add_object_element(results, hit_object(&h));
    }
    json_object_set_array_member(o, "results", results);
    json_object_set_object_member(o, "facets", a->o->facets ? facets_object(r) : json_object_new());
    json_object_set_boolean_member(o, "facets_exact", arkiv_results_facets_exact(r) != 0);
    const char *sugg = arkiv_results_suggestion(r);
    arkiv_json_set_str(o, "suggestion", sugg && *sugg ? sugg : NULL);
    arkiv_results_free(r);
    *out = ans_node(o);
    return ARKIV_STATUS_OK;
}

arkiv_status_t arkiv_answer_search(arkiv_db_t *db, const char *query,
                                   const arkiv_search_options_t *o, JsonNode **out, char **error)
{
    arkiv_search_options_t bounded = *o;
    if (!bounded.check_at_least) {
        bounded.check_at_least = search_check_at_least;
        bounded.exact_up_to = search_exact_up_to;
    }
    search_args_t a = {query ? query : "", &bounded};
    return ans_run(db, build, &a, out, error);
}
