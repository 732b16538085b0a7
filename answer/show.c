/* show.c — one meeting document, as the index knows it. */
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "answer_util.h"

/* The path as the indexer stored it: absolute, links resolved. */
static char *stored_form(const char *path)
{
    char *real = realpath(path, NULL);
    char *out = real ? g_strdup(real) : g_canonicalize_filename(path, NULL);
    free(real);
    return out;
}

/* The id of the indexed file at `path`; NOT_FOUND with a message when the
 * index does not have it, or has it only as a failure. */
static arkiv_status_t id_of_path(arkiv_db_t *db, const char *path, char **id_out, char **error)
{
    arkiv_files_t *files = NULL;
    arkiv_status_t st = arkiv_db_list_files(db, &files);
    if (st != ARKIV_STATUS_OK)
        return ans_fail(db, st, error);
    char *want = stored_form(path);
    *id_out = NULL;
    for (size_t i = 0; i < arkiv_files_count(files) && !*id_out; i++) {
        arkiv_file_info_t info;
        if (arkiv_files_get(files, i, &info) != ARKIV_STATUS_OK ||
            (strcmp(info.path, path) != 0 && strcmp(info.path, want) != 0))
            continue;
        if (info.failure) {
            if (error)
                *error = g_strdup_printf("%s was not indexed: %s", info.path, info.failure);
            break;
        }
        *id_out = g_strdup(info.id);
    }
    if (!*id_out && error && !*error)
        *error = g_strdup_printf("%s is not in the index", path);
    g_free(want);
    arkiv_files_free(files);
    return *id_out ? ARKIV_STATUS_OK : ARKIV_STATUS_NOT_FOUND;
}

/* The meeting of an id: an agenda item's id is its meeting's, a colon
 * and the item's number ("dd7c…:5"); any other id is its own. Caller
 * g_frees. */
static char *meeting_id(const char *id)
{
    const char *colon = strrchr(id, ':');
    if (!colon || colon == id || !colon[1])
        return g_strdup(id);
    for (const char *c = id; c < colon; c++)
        if (!g_ascii_isxdigit(*c))
            return g_strdup(id);
    for (const char *c = colon + 1; *c; c++)
        if (!g_ascii_isdigit(*c))
            return g_strdup(id);
    return g_strndup(id, (gsize)(colon - id));
}

/* The stored data of a meeting; an agenda item's id gives its meeting. */
static arkiv_status_t meeting_data(arkiv_db_t *db, const char *id, JsonNode **out, char **error)
{
    char *data = NULL, *meeting = meeting_id(id);
    *out = NULL;
    arkiv_status_t st = arkiv_db_get_data(db, meeting, &data);
    g_free(meeting);
    JsonNode *n = st == ARKIV_STATUS_OK ? ans_parse_data(data) : NULL;
    free(data);
    if (st != ARKIV_STATUS_OK)
        return ans_fail(db, st, error);
    *out = n;
    return ARKIV_STATUS_OK;
}

static JsonObject *person_object(arkiv_db_t *db, JsonObject *p)
{
    JsonObject *o = json_object_new();
    const char *key = arkiv_json_str(p, "key");
    char *canonical = ans_canonical_name(db, key);
    arkiv_json_set_str(o, "name", canonical ? canonical : arkiv_json_str(p, "name"));
    arkiv_json_set_str(o, "key", key);
    static const char *const copied[] = {"as_written", "status", "roles", "org"};
    for (gsize i = 0; i < G_N_ELEMENTS(copied); i++)
        arkiv_json_copy(o, p, copied[i]);
    g_free(canonical);
    return o;
}

static JsonObject *show_object(arkiv_db_t *db, JsonObject *d)
{
    JsonObject *o = ans_new();
    static const char *const copied[] = {"id",          "path",     "title", "kind", "date",
                                         "date_source", "councils", "place", "pages"};
    for (gsize i = 0; i < G_N_ELEMENTS(copied); i++)
        arkiv_json_copy(o, d, copied[i]);
    JsonArray *people = arkiv_json_array(d, "people"), *out = json_array_new();
    for (guint i = 0; i < arkiv_json_array_len(people); i++) {
        JsonObject *p = arkiv_json_array_object(people, i);
        if (p)
            json_array_add_object_element(out, person_object(db, p));
    }
    json_object_set_array_member(o, "people", out);
    static const char *const lists[] = {"items", "projects", "references"};
    for (gsize i = 0; i < G_N_ELEMENTS(lists); i++) {
        JsonArray *a = arkiv_json_array(d, lists[i]);
        json_object_set_array_member(o, lists[i], a ? json_array_ref(a) : json_array_new());
    }
    return o;
}

static arkiv_status_t build(arkiv_db_t *db, const void *args, JsonNode **out, char **error)
{
    const char *what = args;
    char *id = NULL;
    arkiv_status_t st = strchr(what, '/') ? id_of_path(db, what, &id, error) : ARKIV_STATUS_OK;
    if (st != ARKIV_STATUS_OK)
        return st;
    JsonNode *data = NULL;
    st = meeting_data(db, id ? id : what, &data, error);
    g_free(id);
    if (st != ARKIV_STATUS_OK)
        return st;
    JsonObject *o = show_object(db, arkiv_json_root(data));
    if (data)
        json_node_unref(data);
    *out = ans_node(o);
    return ARKIV_STATUS_OK;
}

arkiv_status_t arkiv_answer_show(arkiv_db_t *db, const char *id_or_path, JsonNode **out,
                                 char **error)
{
    return ans_run(db, build, id_or_path ? id_or_path : "", out, error);
}
