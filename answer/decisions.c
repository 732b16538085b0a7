/* decisions.c — what was decided: agenda items with a decision. */
#include "answer.h"
#include "answer_util.h"

typedef struct {
    const char *query;
    arkiv_sort_t sort;
    unsigned limit;
} decisions_args_t;

/* An item hit as a decision row, or NULL when the item has no decision. */
static JsonObject *decision_object(const arkiv_hit_t *h)
{
    JsonNode *dn = ans_parse_data(h->data);
    JsonObject *d = arkiv_json_root(dn), *item = ans_hit_item(d, h);
    const char *decision = arkiv_json_str(item, "decision");
    JsonObject *row = NULL;
    if (decision && *decision) {
        row = json_object_new();
        json_object_set_string_member(row, "id", h->id);
        arkiv_json_set_str(row, "meeting", h->parent && *h->parent ? h->parent : NULL);
        static const char *const meeting[] = {"path", "council", "councils", "date"};
        for (gsize i = 0; i < G_N_ELEMENTS(meeting); i++)
            arkiv_json_copy(row, d, meeting[i]);
        arkiv_json_copy(row, item, "number");
        arkiv_json_copy(row, item, "title");
        json_object_set_string_member(row, "decision", decision);
        arkiv_json_copy(row, item, "page");
    }
    if (dn)
        json_node_unref(dn);
    return row;
}

static arkiv_status_t build(arkiv_db_t *db, const void *args, JsonNode **out, char **error)
{
    const decisions_args_t *a = args;
    arkiv_search_options_t o;
    arkiv_results_t *r = NULL;
    char *query = ans_and(a->query, "level:item");
    arkiv_status_t st = ans_all_options(db, &o, error);
    o.sort = a->sort;
    if (st == ARKIV_STATUS_OK)
        st = ans_search(db, query, &o, &r, error);
    g_free(query);
    if (st != ARKIV_STATUS_OK)
        return st;
    JsonArray *rows = json_array_new();
    gint64 total = 0;
    for (size_t i = 0; i < arkiv_results_count(r); i++) {
        arkiv_hit_t h;
        JsonObject *row =
            arkiv_results_get(r, i, &h) == ARKIV_STATUS_OK ? decision_object(&h) : NULL;
        if (!row)
            continue;
        /* Every decision is counted; only the first `limit` are listed. */
        if (a->limit == 0 || (guint64)total < a->limit)
            json_array_add_object_element(rows, row);
        else
            json_object_unref(row);
        total++;
    }
    arkiv_results_free(r);
    JsonObject *ans = ans_new();
    json_object_set_string_member(ans, "query", a->query);
    json_object_set_int_member(ans, "total", total);
    json_object_set_string_member(ans, "sort", ans_sort_name(a->sort));
    json_object_set_array_member(ans, "decisions", rows);
    *out = ans_node(ans);
    return ARKIV_STATUS_OK;
}

arkiv_status_t arkiv_answer_decisions(arkiv_db_t *db, const char *query, arkiv_sort_t sort,
                                      unsigned limit, JsonNode **out, char **error)
{
    decisions_args_t a = {query ? query : "", sort, limit};
    return ans_run(db, build, &a, out, error);
}
