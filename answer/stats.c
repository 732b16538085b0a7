/* stats.c — what the index holds, in numbers. */
#include <limits.h>

#include "answer.h"
#include "answer_util.h"

/* Meetings and their facets over the whole archive. */
static arkiv_status_t count_meetings(arkiv_db_t *db, JsonObject *a, char **error)
{
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.limit = 0;
    o.facet_limit = UINT_MAX;
    arkiv_results_t *r = NULL;
    arkiv_status_t st = ans_search(db, "level:meeting", &o, &r, error);
    if (st != ARKIV_STATUS_OK)
        return st;
    json_object_set_int_member(a, "meetings", arkiv_results_total(r));
    ans_facet_object(a, "councils", r, "council");
    ans_facet_object(a, "years", r, "year");
    ans_facet_object(a, "kinds", r, "kind");
    arkiv_results_free(r);
    return ARKIV_STATUS_OK;
}

static arkiv_status_t count_items(arkiv_db_t *db, JsonObject *a, char **error)
{
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.limit = 0;
    o.collapse = 0;
    arkiv_results_t *r = NULL;
    arkiv_status_t st = ans_search(db, "level:item", &o, &r, error);
    if (st == ARKIV_STATUS_OK)
        json_object_set_int_member(a, "items", arkiv_results_total(r));
    arkiv_results_free(r);
    return st;
}

/* Indexed files, and those remembered as failed or skipped. */
static arkiv_status_t count_files(arkiv_db_t *db, JsonObject *a, char **error)
{
    arkiv_files_t *files = NULL;
    arkiv_status_t st = arkiv_db_list_files(db, &files);
    if (st != ARKIV_STATUS_OK)
        return ans_fail(db, st, error);
    JsonArray *failures = json_array_new();
    gint64 ok = 0;
    for (size_t i = 0; i < arkiv_files_count(files); i++) {
        arkiv_file_info_t info;
        if (arkiv_files_get(files, i, &info) != ARKIV_STATUS_OK)
            continue;
        if (!info.failure) {
            ok++;
            continue;
        }
        JsonObject *f = json_object_new();
        char *path = g_filename_display_name(info.path); /* JSON is UTF-8; names need not be */
        json_object_set_string_member(f, "path", path);
        g_free(path);
        json_object_set_string_member(f, "reason", info.failure);
        json_array_add_object_element(failures, f);
    }
    arkiv_files_free(files);
    json_object_set_int_member(a, "files", ok);
    json_object_set_int_member(a, "failed", json_array_get_length(failures));
    json_object_set_array_member(a, "failures", failures);
    return ARKIV_STATUS_OK;
}

static arkiv_status_t count_people(arkiv_db_t *db, JsonObject *a, char **error)
{
    arkiv_values_t *v = NULL;
    arkiv_status_t st = arkiv_db_field_values(db, ARKIV_FIELD_PERSON, NULL, &v);
    if (st != ARKIV_STATUS_OK)
        return ans_fail(db, st, error);
    json_object_set_int_member(a, "people", arkiv_values_count(v));
    arkiv_values_free(v);
    return ARKIV_STATUS_OK;
}

static arkiv_status_t build(arkiv_db_t *db, const void *args, JsonNode **out, char **error)
{
    (void)args;
    unsigned docs = 0;
    arkiv_status_t st = arkiv_db_doc_count(db, &docs);
    if (st != ARKIV_STATUS_OK)
        return ans_fail(db, st, error);
    JsonObject *a = ans_new();
    json_object_set_int_member(a, "documents", docs);
    st = count_meetings(db, a, error);
    if (st == ARKIV_STATUS_OK)
        st = count_items(db, a, error);
    if (st == ARKIV_STATUS_OK)
        st = count_files(db, a, error);
    if (st == ARKIV_STATUS_OK)
        st = count_people(db, a, error);
    if (st != ARKIV_STATUS_OK) {
        json_object_unref(a);
        return st;
    }
    *out = ans_node(a);
    return ARKIV_STATUS_OK;
}

arkiv_status_t arkiv_answer_stats(arkiv_db_t *db, JsonNode **out, char **error)
{
    return ans_run(db, build, NULL, out, error);
}
