/* attendance.c — the meetings one person attended or missed. */
#include <string.h>

#include "answer.h"
#include "answer_util.h"
#include "person_lookup.h"

typedef struct {
    const arkiv_knowledge_t *k;
    const char *name;
} attendance_args_t;

/* The person's entry in a meeting's data, or NULL. */
static JsonObject *find_person(JsonObject *d, const char *key)
{
    JsonArray *people = arkiv_json_array(d, "people");
    for (guint i = 0; i < arkiv_json_array_len(people); i++) {
        JsonObject *p = arkiv_json_array_object(people, i);
        const char *k = arkiv_json_str(p, "key");
        if (k && strcmp(k, key) == 0)
            return p;
    }
    return NULL;
}

static void count_council(JsonObject *by_council, const char *council, const char *status)
{
    JsonObject *c = arkiv_json_object(by_council, council);
    if (!c) {
        c = json_object_new();
        json_object_set_int_member(c, "present", 0);
        json_object_set_int_member(c, "absent", 0);
        json_object_set_object_member(by_council, council, c);
    }
    json_object_set_int_member(c, status, arkiv_json_int(c, status, 0) + 1);
}

typedef struct {
    JsonArray *meetings, *mentioned;
    JsonObject *by_council;
    gint64 present, absent;
} tally_t;

/* One meeting that names the person: attended, missed or only mentioned. */
static void add_meeting(tally_t *t, const arkiv_hit_t *h, const char *key)
{
    JsonNode *dn = ans_parse_data(h->data);
    JsonObject *d = arkiv_json_root(dn), *p = find_person(d, key);
    const char *status = arkiv_json_str(p, "status");
    gboolean attended = status && (strcmp(status, "present") == 0 || strcmp(status, "absent") == 0);
    JsonObject *m = json_object_new();
    json_object_set_string_member(m, "id", h->id);
    arkiv_json_copy(m, d, "path");
    arkiv_json_copy(m, d, "date");
    arkiv_json_copy(m, d, "councils");
    if (attended)
        json_object_set_string_member(m, "status", status);
    arkiv_json_copy(m, p, "roles");
    json_array_add_object_element(attended ? t->meetings : t->mentioned, m);
    if (attended) {
        gboolean present = strcmp(status, "present") == 0;
        t->present += present;
        t->absent += !present;
        JsonArray *councils = arkiv_json_array(d, "councils");
        for (guint i = 0; i < arkiv_json_array_len(councils); i++)
            if (arkiv_json_array_str(councils, i))
                count_council(t->by_council, arkiv_json_array_str(councils, i), status);
    }
    if (dn)
        json_node_unref(dn);
}

static JsonObject *summary(const tally_t *t)
{
    JsonObject *s = json_object_new();
    json_object_set_int_member(s, "present", t->present);
    json_object_set_int_member(s, "absent", t->absent);
    json_object_set_int_member(s, "mentioned", json_array_get_length(t->mentioned));
    json_object_set_object_member(s, "by_council", json_object_ref(t->by_council));
    return s;
}

static JsonArray *strv_array(char **v)
{
    JsonArray *a = json_array_new();
    for (char **p = v; p && *p; p++)
        json_array_add_string_element(a, *p);
    return a;
}

/* The answer for a known key. */
static arkiv_status_t person_answer(arkiv_db_t *db, const char *name, const char *key,
                                    JsonNode **out, char **error)
{
    arkiv_search_options_t o;
    arkiv_results_t *r = NULL;
    char *qkey = ans_quote(key);
    char *query = g_strdup_printf("person:%s level:meeting", qkey);
    arkiv_status_t st = ans_all_options(db, &o, error);
    o.sort = ARKIV_SORT_DATE_ASC;
    if (st == ARKIV_STATUS_OK)
        st = ans_search(db, query, &o, &r, error);
    g_free(query);
    g_free(qkey);
    if (st != ARKIV_STATUS_OK)
        return st;
    tally_t t = {json_array_new(), json_array_new(), json_object_new(), 0, 0};
    for (size_t i = 0; i < arkiv_results_count(r); i++) {
        arkiv_hit_t h;
        if (arkiv_results_get(r, i, &h) == ARKIV_STATUS_OK)
            add_meeting(&t, &h, key);
    }
    arkiv_results_free(r);
    char *canonical = NULL, **variants = NULL;
    arkiv_db_person_names(db, key, &canonical, &variants);
    JsonObject *a = ans_new();
    json_object_set_string_member(a, "query", name);
    json_object_set_string_member(a, "person", canonical ? canonical : name);
    json_object_set_string_member(a, "key", key);
    json_object_set_array_member(a, "variants", strv_array(variants));
    json_object_set_array_member(a, "meetings", t.meetings);
    json_object_set_array_member(a, "mentioned", t.mentioned);
    json_object_set_object_member(a, "summary", summary(&t));
    json_object_unref(t.by_council);
    free(canonical);
    arkiv_strv_free(variants);
    *out = ans_node(a);
    return ARKIV_STATUS_OK;
}

static arkiv_status_t build(arkiv_db_t *db, const void *args, JsonNode **out, char **error)
{
    const attendance_args_t *a = args;
    char *key = NULL;
    arkiv_status_t st = ans_person_key(db, a->k, a->name, &key, error);
    if (st == ARKIV_STATUS_OK) {
        st = person_answer(db, a->name, key, out, error);
        g_free(key);
        return st;
    }
    if (st != ARKIV_STATUS_NOT_FOUND)
        return st;
    JsonArray *cands = NULL;
    st = ans_person_candidates(db, a->name, &cands, error);
    if (st != ARKIV_STATUS_OK)
        return st;
    /* One person fits: that is who was meant, not a guess. */
    if (json_array_get_length(cands) == 1) {
        key = g_strdup(arkiv_json_str(json_array_get_object_element(cands, 0), "key"));
        json_array_unref(cands);
        st = person_answer(db, a->name, key, out, error);
        g_free(key);
        return st;
    }
    JsonObject *o = ans_new();
    json_object_set_string_member(o, "query", a->name);
    json_object_set_array_member(o, "candidates", cands);
    *out = ans_node(o);
    return ARKIV_STATUS_OK;
}

arkiv_status_t arkiv_answer_attendance(arkiv_db_t *db, const arkiv_knowledge_t *k, const char *name,
                                       JsonNode **out, char **error)
{
    attendance_args_t a = {k, name ? name : ""};
    return ans_run(db, build, &a, out, error);
}
