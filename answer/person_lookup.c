/* person_lookup.c — resolving a typed name to a person, or to the people
 * it could mean. */
#include "person_lookup.h"

#include <stdlib.h>
#include <string.h>

#include "answer_util.h"
#include "fold.h"
#include "person.h"

static gboolean known_key(arkiv_db_t *db, const char *key)
{
    return key && *key && arkiv_db_person_names(db, key, NULL, NULL) == ARKIV_STATUS_OK;
}

arkiv_status_t ans_person_key(arkiv_db_t *db, const arkiv_knowledge_t *k, const char *name,
                              char **key_out, char **error)
{
    char *key = NULL;
    *key_out = NULL;
    arkiv_status_t st = arkiv_db_resolve_person(db, name, &key);
    if (st == ARKIV_STATUS_OK) {
        *key_out = g_strdup(key);
        free(key);
        return st;
    }
    if (st != ARKIV_STATUS_NOT_FOUND)
        return ans_fail(db, st, error);
    /* A form no document wrote ("Torstein K. Ålmo", or the key itself)
     * may still have the key of someone the index knows. */
    char *rule_key = arkiv_person_key(k, name);
    if (known_key(db, rule_key)) {
        *key_out = rule_key;
        return ARKIV_STATUS_OK;
    }
    g_free(rule_key);
    return ARKIV_STATUS_NOT_FOUND;
}

/* Folded words of s, punctuation dropped: "Kvam-Tronstad, E." gives
 * "kvam-tronstad", "e". Caller g_strfreev's. */
static char **folded_words(const char *s)
{
    char *f = arkiv_fold(s);
    GPtrArray *words = g_ptr_array_new();
    char **raw = g_strsplit_set(f ? f : "", " \t\n,.;:()\"", -1);
    for (char **w = raw; *w; w++)
        if (**w)
            g_ptr_array_add(words, g_strdup(*w));
    g_ptr_array_add(words, NULL);
    g_strfreev(raw);
    g_free(f);
    return (char **)g_ptr_array_free(words, FALSE);
}

static gboolean has_word(char **words, const char *w)
{
    for (char **p = words; *p; p++)
        if (strcmp(*p, w) == 0)
            return TRUE;
    return FALSE;
}

/* Every word of want is a word of the key or of one written form. */
static gboolean fits(char **want, const char *key, char **variants)
{
    GPtrArray *all = g_ptr_array_new_with_free_func(g_free);
    char **kw = folded_words(key);
    for (char **w = kw; *w; w++)
        g_ptr_array_add(all, g_strdup(*w));
    g_strfreev(kw);
    for (char **v = variants; v && *v; v++) {
        char **vw = folded_words(*v);
        for (char **w = vw; *w; w++)
            g_ptr_array_add(all, g_strdup(*w));
        g_strfreev(vw);
    }
    g_ptr_array_add(all, NULL);
    gboolean ok = want[0] != NULL;
    for (char **w = want; ok && *w; w++)
        ok = has_word((char **)all->pdata, *w);
    g_ptr_array_unref(all);
    return ok;
}

static JsonObject *candidate(const char *canonical, const char *key, unsigned meetings)
{
    JsonObject *c = json_object_new();
    json_object_set_string_member(c, "person", canonical ? canonical : key);
    json_object_set_string_member(c, "key", key);
    json_object_set_int_member(c, "meetings", meetings);
    return c;
}

static gint by_meetings(gconstpointer a, gconstpointer b)
{
    JsonObject *x = *(JsonObject *const *)a, *y = *(JsonObject *const *)b;
    gint64 mx = arkiv_json_int(x, "meetings", 0), my = arkiv_json_int(y, "meetings", 0);
    if (mx != my)
        return mx > my ? -1 : 1;
    return g_utf8_collate(arkiv_json_str(x, "person"), arkiv_json_str(y, "person"));
}

arkiv_status_t ans_person_candidates(arkiv_db_t *db, const char *name, JsonArray **out,
                                     char **error)
{
    arkiv_values_t *keys = NULL;
    *out = NULL;
    arkiv_status_t st = arkiv_db_field_values(db, ARKIV_FIELD_PERSON, NULL, &keys);
    if (st != ARKIV_STATUS_OK)
        return ans_fail(db, st, error);
    char **want = folded_words(name);
    GPtrArray *found = g_ptr_array_new_with_free_func((GDestroyNotify)json_object_unref);
    for (size_t i = 0; i < arkiv_values_count(keys); i++) {
        const char *key;
        unsigned count;
        char *canonical = NULL, **variants = NULL;
        if (arkiv_values_get(keys, i, &key, &count) != ARKIV_STATUS_OK)
            continue;
        arkiv_db_person_names(db, key, &canonical, &variants);
        if (fits(want, key, variants))
            g_ptr_array_add(found, candidate(canonical, key, count));
        free(canonical);
        arkiv_strv_free(variants);
    }
    g_ptr_array_sort(found, by_meetings);
    *out = json_array_new();
    for (guint i = 0; i < found->len; i++)
        json_array_add_object_element(*out, json_object_ref(found->pdata[i]));
    g_ptr_array_unref(found);
    g_strfreev(want);
    arkiv_values_free(keys);
    return ARKIV_STATUS_OK;
}
