/* cases.c — the numbered cases (saker) of the archive, oldest first. */
#include <string.h>

#include "answer.h"
#include "answer_util.h"
#include "filter.h"

/* An item hit as a case row, or NULL for a point without a case number
 * ("3. Eventuelt"). */
static JsonObject *case_object(const arkiv_hit_t *h)
{
    JsonNode *dn = ans_parse_data(h->data);
    JsonObject *d = arkiv_json_root(dn), *item = ans_hit_item(d, h);
    const char *number = arkiv_json_str(item, "number");
    JsonObject *row = NULL;
    if (number && strchr(number, '/')) {
        row = json_object_new();
        json_object_set_string_member(row, "number", number);
        arkiv_json_copy(row, item, "title");
        static const char *const meeting[] = {"council", "councils", "date"};
        for (gsize i = 0; i < G_N_ELEMENTS(meeting); i++)
            arkiv_json_copy(row, d, meeting[i]);
        arkiv_json_copy(row, item, "decision");
        json_object_set_string_member(row, "id", h->id);
        arkiv_json_set_str(row, "meeting", h->parent && *h->parent ? h->parent : NULL);
        arkiv_json_copy(row, d, "path");
    }
    if (dn)
        json_node_unref(dn);
    return row;
}

/* Date order, then the case number's year and number ("09/24" before
 * "10/24"), so a meeting's cases read as its agenda. */
static gint case_order(gconstpointer a, gconstpointer b)
{
    JsonObject *x = *(JsonObject *const *)a, *y = *(JsonObject *const *)b;
    int c = g_strcmp0(arkiv_json_str(x, "date"), arkiv_json_str(y, "date"));
    if (c)
        return c;
    c = g_strcmp0(arkiv_json_str(x, "path"), arkiv_json_str(y, "path"));
    if (c)
        return c;
    const char *nx = arkiv_json_str(x, "number"), *ny = arkiv_json_str(y, "number");
    c = g_strcmp0(strchr(nx, '/'), strchr(ny, '/'));
    return c ? c : g_strcmp0(nx, ny);
}

static arkiv_status_t build(arkiv_db_t *db, const void *args, JsonNode **out, char **error)
{
    const arkiv_answer_filter_t *f = args;
    arkiv_search_options_t o;
    arkiv_results_t *r = NULL;
    char *query = ans_filter_query(f, "item");
    arkiv_status_t st = ans_all_options(db, &o, error);
    o.sort = ARKIV_SORT_DATE_ASC;
    if (st == ARKIV_STATUS_OK)
        st = ans_search(db, query, &o, &r, error);
    g_free(query);
    if (st != ARKIV_STATUS_OK)
        return st;
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)json_object_unref);
    for (size_t i = 0; i < arkiv_results_count(r); i++) {
        arkiv_hit_t h;
        JsonObject *row = arkiv_results_get(r, i, &h) == ARKIV_STATUS_OK ? case_object(&h) : NULL;
        if (row)
            g_ptr_array_add(rows, row);
    }
    arkiv_results_free(r);
    g_ptr_array_sort(rows, case_order);
    JsonArray *cases = json_array_new();
    for (guint i = 0; i < rows->len; i++)
        json_array_add_object_element(cases, json_object_ref(rows->pdata[i]));
    JsonObject *a = ans_new();
    ans_filter_members(db, a, f);
    json_object_set_int_member(a, "total", rows->len);
    json_object_set_array_member(a, "cases", cases);
    g_ptr_array_unref(rows);
    *out = ans_node(a);
    return ARKIV_STATUS_OK;
}

arkiv_status_t arkiv_answer_cases(arkiv_db_t *db, const arkiv_answer_filter_t *f, JsonNode **out,
                                  char **error)
{
    return ans_run(db, build, f, out, error);
}
