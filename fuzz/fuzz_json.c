/* fuzz_json.c — libFuzzer target: the JSON arkiv writes and reads.
 *
 * 1. Entities (entities.h) made from the input's strings — any valid
 *    UTF-8, quotes, backslashes, control characters, U+2028 — and the
 *    tagger's entities for the input as text, go through
 *    arkiv_entities_to_json, json_to_string and back through json-glib's
 *    parser: the JSON must parse and every string must come back equal.
 * 2. The input parsed as JSON goes through the answer_json.h readers
 *    and writers, which must cope with any shape (null, missing members,
 *    wrong types). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer_json.h"
#include "decode.h"
#include "fuzz_common.h"
#include "entities_json.h"
#include "normalise.h"
#include "tagger.h"

#define FUZZ_MAX_INPUT (32 * 1024)

static arkiv_knowledge_t *knowledge;
static arkiv_tagger_t *tagger;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_tagger(&knowledge, &tagger);
    return 0;
}

/* Entities whose every string is a piece of the input (split on NUL),
 * made valid UTF-8 as the tagger's output always is. */
static arkiv_entities_t *entities_from(const char *data, size_t size)
{
    GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
    for (size_t at = 0; at <= size;) {
        const char *end = memchr(data + at, '\0', size - at);
        size_t len = end ? (size_t)(end - (data + at)) : size - at;
        g_ptr_array_add(parts, g_utf8_make_valid(data + at, (gssize)len));
        at += len + 1;
    }
    const char *s[8];
    for (guint i = 0; i < 8; i++)
        s[i] = parts->pdata[i % parts->len];
    arkiv_entities_t *e = arkiv_entities_new();
    g_free(e->kind);
    e->kind = g_strdup(s[0]);
    g_ptr_array_add(e->councils, g_strdup(s[1]));
    e->place = g_strdup(s[2]);
    arkiv_person_t *p = arkiv_person_new(s[3], s[4]);
    g_free(p->as_written);
    p->as_written = g_strdup(s[5]);
    p->org = g_strdup(s[6]);
    p->roles = (guint)size;
    p->status = (arkiv_attendance_t)(size % 3);
    g_ptr_array_add(e->people, p);
    arkiv_item_t *it = arkiv_item_new(s[7]);
    it->title = g_strdup(s[0]);
    it->decision = g_strdup(s[1]);
    g_ptr_array_add(it->presenters, g_strdup(s[2]));
    g_ptr_array_add(e->items, it);
    arkiv_ref_t *r = g_new0(arkiv_ref_t, 1);
    r->council = g_strdup(s[3]);
    r->number = g_strdup(s[4]);
    g_ptr_array_add(e->refs, r);
    g_ptr_array_add(e->projects, g_strdup(s[5]));
    g_ptr_array_unref(parts);
    return e;
}

static void same_str(JsonObject *o, const char *name, const char *want)
{
    const char *got = arkiv_json_str(o, name);
    fuzz_must(g_strcmp0(got, want) == 0, name);
}

static void same_strings(JsonArray *a, const GPtrArray *want, const char *what)
{
    fuzz_must(arkiv_json_array_len(a) == want->len, what);
    for (guint i = 0; i < want->len; i++)
        fuzz_must(g_strcmp0(arkiv_json_array_str(a, i), want->pdata[i]) == 0, what);
}

/* Write, print, parse back, compare. */
static void round_trip(const arkiv_entities_t *e)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    arkiv_entities_to_json(e, b);
    json_builder_end_object(b);
    JsonNode *root = json_builder_get_root(b);
    char *text = json_to_string(root, FALSE);
    GError *err = NULL;
    JsonNode *back = json_from_string(text, &err);
    if (!back)
        fprintf(stderr, "fuzz_json: %s\n%s\n", err ? err->message : "", text);
    fuzz_must(back != NULL, "the JSON written does not parse");
    JsonObject *o = arkiv_json_root(back);
    fuzz_must(o != NULL, "not an object");
    same_str(o, "kind", e->kind);
    same_str(o, "place", e->place);
    same_str(o, "date", e->date);
    same_strings(arkiv_json_array(o, "councils"), e->councils, "councils");
    same_strings(arkiv_json_array(o, "projects"), e->projects, "projects");
    JsonArray *people = arkiv_json_array(o, "people");
    fuzz_must(arkiv_json_array_len(people) == e->people->len, "people");
    for (guint i = 0; i < e->people->len; i++) {
        const arkiv_person_t *p = e->people->pdata[i];
        JsonObject *po = arkiv_json_array_object(people, i);
        same_str(po, "name", p->name);
        same_str(po, "key", p->key);
        same_str(po, "as_written", p->as_written);
        same_str(po, "org", p->org);
    }
    JsonArray *items = arkiv_json_array(o, "items");
    fuzz_must(arkiv_json_array_len(items) == e->items->len, "items");
    for (guint i = 0; i < e->items->len; i++) {
        const arkiv_item_t *it = e->items->pdata[i];
        JsonObject *io = arkiv_json_array_object(items, i);
        same_str(io, "number", it->number);
        same_str(io, "title", it->title);
        same_str(io, "decision", it->decision);
        same_strings(arkiv_json_array(io, "presenters"), it->presenters, "presenters");
    }
    json_node_unref(back);
    g_free(text);
    json_node_unref(root);
    g_object_unref(b);
}

static arkiv_entities_t *tagged(const char *data, size_t size)
{
    char *text = NULL;
    const char *enc = NULL;
    if (arkiv_decode_text(data, size, &text, &enc) == ARKIV_DECODE_ERROR)
        return NULL;
    char **pages = g_strsplit(text, "\f", 32), **clean = NULL, *headers = NULL;
    guint n = g_strv_length(pages);
    arkiv_entities_t *e = NULL;
    if (arkiv_normalise_pages((const char *const *)pages, n, &clean, &headers) == ARKIV_NORM_OK)
        e = arkiv_tagger_run(tagger, (const char *const *)clean, n, headers);
    g_strfreev(clean);
    g_free(headers);
    g_strfreev(pages);
    g_free(text);
    return e;
}

/* Every reader on every member of any JSON, and the writers on a copy. */
static void read_any(JsonObject *o)
{
    JsonObject *copy = json_object_new();
    GList *names = json_object_get_members(o);
    for (GList *l = names; l; l = l->next) {
        const char *name = l->data;
        (void)arkiv_json_str(o, name);
        (void)arkiv_json_int(o, name, -1);
        (void)arkiv_json_object(o, name);
        JsonArray *a = arkiv_json_array(o, name);
        for (guint i = 0; i < arkiv_json_array_len(a); i++) {
            (void)arkiv_json_array_str(a, i);
            (void)arkiv_json_array_object(a, i);
        }
        g_free(arkiv_json_join(a, ", "));
        arkiv_json_copy(copy, o, name);
        arkiv_json_set_str(copy, "copied", arkiv_json_str(o, name));
    }
    arkiv_json_copy(copy, o, "no such member");
    g_list_free(names);
    json_object_unref(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    arkiv_entities_t *e = entities_from((const char *)data, size);
    round_trip(e);
    arkiv_entities_free(e);
    if ((e = tagged((const char *)data, size))) {
        round_trip(e);
        arkiv_entities_free(e);
    }
    char *json = g_strndup((const char *)data, size);
    JsonNode *n = json_from_string(json, NULL);
    if (n && JSON_NODE_HOLDS_OBJECT(n))
        read_any(json_node_get_object(n));
    if (n)
        json_node_unref(n);
    g_free(json);
    return 0;
}
