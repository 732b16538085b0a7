/* people.c — who appears in the minutes, and in how many meetings. */
#include <limits.h>

#include "answer.h"
#include "answer_util.h"
#include "filter.h"

/* The person facet, every row of it: {person, key, meetings}. */
static JsonArray *people_rows(const arkiv_results_t *r)
{
    JsonArray *rows = json_array_new();
    const arkiv_facets_t *f = NULL;
    if (arkiv_results_facets(r, "person", &f) != ARKIV_STATUS_OK)
        return rows;
    for (size_t i = 0; i < arkiv_facets_count(f); i++) {
        const char *key, *label = NULL;
        unsigned count;
        if (arkiv_facets_get(f, i, &key, &count) != ARKIV_STATUS_OK)
            continue;
        if (arkiv_facets_get_label(f, i, &label) != ARKIV_STATUS_OK || !label || !*label)
            label = key;
        JsonObject *row = json_object_new();
        json_object_set_string_member(row, "person", label);
        json_object_set_string_member(row, "key", key);
        json_object_set_int_member(row, "meetings", count);
        json_array_add_object_element(rows, row);
    }
    return rows;
}

static arkiv_status_t build(arkiv_db_t *db, const void *args, JsonNode **out, char **error)
{
    const arkiv_answer_filter_t *f = args;
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.limit = 0;
    o.facets = 1;
    o.facet_limit = UINT_MAX;
    arkiv_results_t *r = NULL;
    char *query = ans_filter_query(f, "meeting");
    arkiv_status_t st = ans_search(db, query, &o, &r, error);
    g_free(query);
    if (st != ARKIV_STATUS_OK)
        return st;
    JsonObject *a = ans_new();
    ans_filter_members(db, a, f);
    json_object_set_int_member(a, "meetings", arkiv_results_total(r));
    json_object_set_array_member(a, "people", people_rows(r));
    arkiv_results_free(r);
    *out = ans_node(a);
    return ARKIV_STATUS_OK;
}

arkiv_status_t arkiv_answer_people(arkiv_db_t *db, const arkiv_answer_filter_t *f, JsonNode **out,
                                   char **error)
{
    return ans_run(db, build, f, out, error);
}
