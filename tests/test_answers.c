/* test_answers.c — end-to-end tests of the answering commands (search,
 * show, attendance, trace, decisions, people, cases, stats): the real
 * arkiv binary on a real index of samples/ (and of the real minutes in
 * SEEDS_DIR when that folder exists), answers checked against what the
 * sample minutes say (samples/README.md).
 * Usage: test_answers ARKIV_BINARY SAMPLES_DIR [SEEDS_DIR] */
#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "testfs.h"

static const char *arkiv_bin, *samples_dir, *seeds_dir;
/* One index per fixture, built once: the tests only read it. */
static char *tmpdir, *corpus, *dbpath;

static const char *const asu = "Administrativt samarbeidsutvalg";

/* ---- running arkiv ---- */

typedef struct {
    int status;
    char *out, *err;
} run_result;

static void run_free(run_result *r)
{
    g_free(r->out);
    g_free(r->err);
}

static run_result run_argv(GPtrArray *args)
{
    g_ptr_array_insert(args, 0, (char *)arkiv_bin);
    g_ptr_array_add(args, NULL);
    run_result r = {0};
    GError *err = NULL;
    int wait_status = 0;
    char *envp[] = {"LC_ALL=C.UTF-8", NULL};
    gboolean ok = g_spawn_sync(NULL, (char **)args->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &err);
    ck_assert_msg(ok, "spawn: %s", err ? err->message : "");
    r.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
    g_ptr_array_free(args, TRUE);
    return r;
}

/* arkiv COMMAND --db DBPATH ARGS... (NULL-terminated). */
static run_result run_cmd(const char *cmd, ...)
{
    GPtrArray *args = g_ptr_array_new();
    g_ptr_array_add(args, (char *)cmd);
    g_ptr_array_add(args, "--db");
    g_ptr_array_add(args, dbpath);
    va_list ap;
    va_start(ap, cmd);
    for (const char *a = va_arg(ap, const char *); a; a = va_arg(ap, const char *))
        g_ptr_array_add(args, (char *)a);
    va_end(ap);
    return run_argv(args);
}

/* The --json answer of a command that must succeed; caller unrefs. */
static JsonNode *answer(const char *cmd, const char *arg1, const char *arg2, const char *arg3)
{
    run_result r = run_cmd(cmd, "--json", arg1, arg2, arg3, NULL);
    ck_assert_msg(r.status == 0, "%s %s: exit %d: %s", cmd, arg1 ? arg1 : "", r.status, r.err);
    GError *err = NULL;
    JsonNode *n = json_from_string(r.out, &err);
    ck_assert_msg(n && JSON_NODE_HOLDS_OBJECT(n), "bad JSON (%s): %s", err ? err->message : "",
                  r.out);
    ck_assert_int_eq(json_object_get_int_member(json_node_get_object(n), "format_version"), 1);
    run_free(&r);
    return n;
}

/* ---- reading answers ---- */

static JsonObject *root(JsonNode *n)
{
    return json_node_get_object(n);
}

static JsonArray *arr(JsonObject *o, const char *name)
{
    ck_assert_msg(json_object_has_member(o, name), "no member %s", name);
    return json_object_get_array_member(o, name);
}

static JsonObject *obj(JsonObject *o, const char *name)
{
    ck_assert_msg(json_object_has_member(o, name), "no member %s", name);
    return json_object_get_object_member(o, name);
}

static const char *str(JsonObject *o, const char *name)
{
    ck_assert_msg(json_object_has_member(o, name), "no member %s", name);
    return json_object_get_null_member(o, name) ? NULL : json_object_get_string_member(o, name);
}

static gint64 num(JsonObject *o, const char *name)
{
    ck_assert_msg(json_object_has_member(o, name), "no member %s", name);
    return json_object_get_int_member(o, name);
}

static JsonObject *elem(JsonArray *a, guint i)
{
    return json_array_get_object_element(a, i);
}

static gboolean has_string(JsonArray *a, const char *want)
{
    for (guint i = 0; i < json_array_get_length(a); i++)
        if (g_strcmp0(json_array_get_string_element(a, i), want) == 0)
            return TRUE;
    return FALSE;
}

static gint64 sum_of(JsonObject *counts)
{
    gint64 sum = 0;
    GList *names = json_object_get_members(counts);
    for (GList *n = names; n; n = n->next)
        sum += json_object_get_int_member(counts, n->data);
    g_list_free(names);
    return sum;
}

/* Member `name` of every element, joined with "|", for exact comparison. */
static char *column(JsonArray *a, const char *name)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < json_array_get_length(a); i++) {
        const char *v = str(elem(a, i), name);
        g_string_append_printf(s, "%s%s", i ? "|" : "", v ? v : "null");
    }
    return g_string_free(s, FALSE);
}

static void assert_column(JsonArray *a, const char *name, const char *want)
{
    char *got = column(a, name);
    ck_assert_msg(strcmp(got, want) == 0, "%s: got %s, want %s", name, got, want);
    g_free(got);
}

static gint by_string(gconstpointer a, gconstpointer b)
{
    return g_strcmp0(*(char *const *)a, *(char *const *)b);
}

/* As assert_column, for members whose order among equals is relevance. */
static void assert_sorted_column(JsonArray *a, const char *name, const char *want)
{
    char *got = column(a, name);
    char **parts = g_strsplit(got, "|", -1);
    qsort(parts, g_strv_length(parts), sizeof *parts, by_string);
    char *sorted = g_strjoinv("|", parts);
    ck_assert_msg(strcmp(sorted, want) == 0, "%s: got %s, want %s", name, sorted, want);
    g_free(sorted);
    g_strfreev(parts);
    g_free(got);
}

static void assert_dates_ascending(JsonArray *a)
{
    for (guint i = 1; i < json_array_get_length(a); i++)
        ck_assert_msg(g_strcmp0(str(elem(a, i - 1), "date"), str(elem(a, i), "date")) <= 0,
                      "not oldest first at %u", i);
}

/* The file name of member "path". */
static char *base(JsonObject *o)
{
    return g_path_get_basename(str(o, "path"));
}

/* Search hits' ids (sorted, "|"-joined) and total for a query. */
static char *hit_ids(const char *query, gint64 *total)
{
    JsonNode *n = answer("search", "--limit", "100", query);
    JsonArray *res = arr(root(n), "results");
    GPtrArray *ids = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < json_array_get_length(res); i++)
        g_ptr_array_add(ids, g_strdup(str(elem(res, i), "id")));
    g_ptr_array_sort(ids, by_string);
    g_ptr_array_add(ids, NULL);
    char *joined = g_strjoinv("|", (char **)ids->pdata);
    if (total)
        *total = num(root(n), "total");
    g_ptr_array_unref(ids);
    json_node_unref(n);
    return joined;
}

/* ---- fixtures ---- */

/* A temporary copy of the given folders (under corpus/) and an index of it. */
static void index_copy(const char *const *from, const char *const *to)
{
    tmpdir = g_dir_make_tmp("arkiv-answers-XXXXXX", NULL);
    ck_assert_ptr_nonnull(tmpdir);
    corpus = g_build_filename(tmpdir, "minutes", NULL);
    dbpath = g_build_filename(tmpdir, "index.db", NULL);
    for (guint i = 0; from[i]; i++) {
        char *dst = g_build_filename(corpus, to[i], NULL);
        testfs_copy_dir(from[i], dst);
        g_free(dst);
    }
    run_result r = run_cmd("index", "-q", corpus, NULL);
    ck_assert_msg(r.status == 0, "index: exit %d: %s", r.status, r.err);
    run_free(&r);
}

static void samples_setup(void)
{
    char *text = g_build_filename(samples_dir, "text", NULL);
    char *pdf = g_build_filename(samples_dir, "pdf", NULL);
    const char *from[] = {text, pdf, NULL}, *to[] = {"text", "pdf", NULL};
    index_copy(from, to);
    g_free(text);
    g_free(pdf);
}

static void seeds_setup(void)
{
    const char *from[] = {seeds_dir, NULL}, *to[] = {"seeds", NULL};
    index_copy(from, to);
}

static void teardown(void)
{
    testfs_rm_rf(tmpdir);
    g_free(tmpdir);
    g_free(corpus);
    g_free(dbpath);
}

/* ---- attendance ---- */

/* Torstein Ålmo: ASU twice in 2024 (text, PDF), SSU, ASU 2025 written
 * "Torstein Kvål Ålmo", absent from FLS. */
static void assert_torstein(JsonNode *n)
{
    JsonObject *a = root(n);
    ck_assert_str_eq(str(a, "person"), "Torstein Kvål Ålmo");
    ck_assert_str_eq(str(a, "key"), "torstein almo");
    JsonArray *variants = arr(a, "variants");
    ck_assert_uint_eq(json_array_get_length(variants), 2);
    ck_assert(has_string(variants, "Torstein Ålmo"));
    ck_assert(has_string(variants, "Torstein Kvål Ålmo"));
    JsonArray *m = arr(a, "meetings");
    assert_column(m, "date", "2024-04-17|2024-06-11|2024-11-27|2025-01-30|2025-04-24");
    assert_column(m, "status", "present|present|present|present|absent");
    static const char *const councils[] = {
        "Administrativt samarbeidsutvalg", "Administrativt samarbeidsutvalg",
        "Strategisk samarbeidsutvalg", "Administrativt samarbeidsutvalg",
        "Fagråd for legesamarbeid"};
    for (guint i = 0; i < 5; i++)
        ck_assert(has_string(arr(elem(m, i), "councils"), councils[i]));
    ck_assert(has_string(arr(elem(m, 0), "roles"), "presenter"));
    JsonObject *s = obj(a, "summary");
    ck_assert_int_eq(num(s, "present"), 4);
    ck_assert_int_eq(num(s, "absent"), 1);
    JsonObject *by = obj(s, "by_council");
    ck_assert_int_eq(num(obj(by, asu), "present"), 3);
    ck_assert_int_eq(num(obj(by, "Fagråd for legesamarbeid"), "absent"), 1);
    ck_assert_int_eq(num(obj(by, "Strategisk samarbeidsutvalg"), "present"), 1);
}

START_TEST(test_attendance_variants_and_councils)
{
    static const char *const names[] = {"Torstein Ålmo", "Torstein Kvål Ålmo", "torstein almo",
                                        "TORSTEIN ÅLMO", "Torstein K. Ålmo"};
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        JsonNode *n = answer("attendance", names[i], NULL, NULL);
        assert_torstein(n);
        json_node_unref(n);
    }
    /* Present, absent and only mentioned are told apart. */
    JsonNode *n = answer("attendance", "Roar Liavåg", NULL, NULL);
    assert_column(arr(root(n), "meetings"), "status", "present|absent");
    ck_assert_uint_eq(json_array_get_length(arr(root(n), "mentioned")), 1);
    ck_assert_int_eq(num(obj(root(n), "summary"), "mentioned"), 1);
    json_node_unref(n);
}
END_TEST

START_TEST(test_attendance_ambiguous_and_unknown)
{
    JsonNode *n = answer("attendance", "Sjøvæg", NULL, NULL);
    JsonObject *a = root(n);
    ck_assert(!json_object_has_member(a, "person"));
    JsonArray *c = arr(a, "candidates");
    ck_assert_uint_ge(json_array_get_length(c), 2);
    char *keys = column(c, "key");
    ck_assert_msg(strstr(keys, "randi sjovaeg") && strstr(keys, "reidar sjovaeg"), "%s", keys);
    g_free(keys);
    ck_assert_str_eq(str(elem(c, 0), "person"), "Randi Sjøvæg"); /* most meetings first */
    json_node_unref(n);

    /* A surname only one person has is not ambiguous. */
    n = answer("attendance", "Liavåg", NULL, NULL);
    ck_assert_str_eq(str(root(n), "person"), "Roar Liavåg");
    json_node_unref(n);

    n = answer("attendance", "Ingrid Ikkefinnes", NULL, NULL);
    ck_assert_uint_eq(json_array_get_length(arr(root(n), "candidates")), 0);
    json_node_unref(n);
    run_result r = run_cmd("attendance", "Ingrid Ikkefinnes", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "No such person"), "%s", r.out);
    run_free(&r);
}
END_TEST

/* ---- trace ---- */

/* HARMONI (samples/README.md): ASU 13/24 → FPS 10/24 → ASU 17/24 (PDF)
 * → FPS 17/24 (PDF) → FSU 25/24 → SSU 09/24 → ASU 05/25 → FLS point 5;
 * the joint meeting of 29.01.2025 mentions it too. */
START_TEST(test_trace_project_across_councils)
{
    JsonNode *n = answer("trace", "HARMONI", NULL, NULL);
    JsonArray *ev = arr(root(n), "events");
    assert_column(ev, "date",
                  "2024-04-17|2024-06-11|2024-06-11|2024-09-05|2024-10-03|2024-11-27|"
                  "2025-01-29|2025-01-30|2025-04-24");
    assert_column(ev, "item", "13/24|17/24|10/24|17/24|25/24|09/24|4|05/25|5");
    assert_dates_ascending(ev);
    GHashTable *councils = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < json_array_get_length(ev); i++) {
        JsonArray *cs = arr(elem(ev, i), "councils");
        for (guint c = 0; c < json_array_get_length(cs); c++)
            g_hash_table_add(councils, (gpointer)json_array_get_string_element(cs, c));
    }
    ck_assert_uint_ge(g_hash_table_size(councils), 5); /* ASU FPS FSU SSU FLS */
    g_hash_table_unref(councils);
    JsonObject *first = elem(ev, 0);
    ck_assert(has_string(arr(first, "councils"), asu));
    ck_assert_ptr_nonnull(strstr(str(first, "title"), "HARMONI"));
    ck_assert_ptr_nonnull(strstr(str(first, "decision"), "oppstart av prosjekt HARMONI"));
    ck_assert_ptr_null(strchr(str(first, "id"), ':')); /* the meeting, not the item */
    json_node_unref(n);
}
END_TEST

/* ASU sak 08/25: the joint meeting and FLS refer to it ("jfr. ASU-sak
 * 08/25"); FSU's own sak 08/25 is another case. */
START_TEST(test_trace_case_follows_references)
{
    JsonNode *n = answer("trace", "case:\"ASU 08/25\"", NULL, NULL);
    JsonArray *ev = arr(root(n), "events");
    assert_column(ev, "date", "2025-01-29|2025-01-30|2025-04-24");
    assert_column(ev, "item", "null|08/25|null");
    ck_assert_ptr_nonnull(strstr(str(elem(ev, 1), "decision"), "forhandlingsutvalget"));
    json_node_unref(n);
    n = answer("trace", "case:08/25", NULL, NULL);
    assert_column(arr(root(n), "events"), "date", "2025-01-29|2025-01-30|2025-03-12|2025-04-24");
    json_node_unref(n);
}
END_TEST

/* A trace follows the best-matching documents up to --limit (default
 * 2000) and says when there were more; the events it keeps are the
 * meetings of those documents, still oldest first. */
START_TEST(test_trace_bound)
{
    JsonNode *n = answer("trace", "HARMONI", NULL, NULL);
    ck_assert(json_object_get_boolean_member(root(n), "complete"));
    json_node_unref(n);
    n = answer("trace", "--limit", "3", "HARMONI");
    JsonArray *ev = arr(root(n), "events");
    ck_assert(!json_object_get_boolean_member(root(n), "complete"));
    ck_assert_uint_ge(json_array_get_length(ev), 1);
    ck_assert_uint_le(json_array_get_length(ev), 3);
    assert_dates_ascending(ev);
    json_node_unref(n);
    run_result r = run_cmd("trace", "--limit", "3", "HARMONI", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_ptr_nonnull(strstr(r.out, "narrow the query"));
    run_free(&r);
}
END_TEST

/* ---- decisions ---- */

START_TEST(test_decisions)
{
    JsonNode *n = answer("decisions", "decision:arbeidsgruppe", NULL, NULL);
    JsonArray *d = arr(root(n), "decisions");
    ck_assert_int_eq(num(root(n), "total"), 3);
    assert_sorted_column(d, "number", "07/25|11/24|18/24");
    assert_dates_ascending(d);
    for (guint i = 0; i < json_array_get_length(d); i++)
        ck_assert_ptr_nonnull(strstr(str(elem(d, i), "decision"), "rbeidsgrupp"));
    json_node_unref(n);
    n = answer("decisions", "HARMONI council:ASU", NULL, NULL);
    d = arr(root(n), "decisions");
    /* Sak 16/24 (the PDF) mentions HARMONI too. */
    assert_sorted_column(d, "number", "05/25|13/24|16/24|17/24");
    assert_dates_ascending(d);
    for (guint i = 0; i < json_array_get_length(d); i++)
        ck_assert_str_eq(str(elem(d, i), "council"), asu);
    json_node_unref(n);
    /* --limit lists fewer, counts all. */
    n = answer("decisions", "--limit", "1", "HARMONI council:ASU");
    ck_assert_int_eq(num(root(n), "total"), 4);
    ck_assert_uint_eq(json_array_get_length(arr(root(n), "decisions")), 1);
    json_node_unref(n);
}
END_TEST

/* ---- search ---- */

START_TEST(test_search_facets_add_up)
{
    static const char *const queries[] = {"", "HARMONI", "\"palliativ plan\"", "council:ASU",
                                          "year:2024"};
    for (gsize i = 0; i < G_N_ELEMENTS(queries); i++) {
        JsonNode *n = answer("search", queries[i], NULL, NULL);
        JsonObject *a = root(n), *f = obj(a, "facets");
        gint64 total = num(a, "total");
        ck_assert_msg(total > 0, "no hits for %s", queries[i]);
        ck_assert_msg(sum_of(obj(f, "year")) == total,
                      "%s: years %" G_GINT64_FORMAT " != %" G_GINT64_FORMAT, queries[i],
                      sum_of(obj(f, "year")), total);
        ck_assert_int_le(sum_of(obj(f, "kind")), total);
        JsonObject *people = obj(f, "person");
        ck_assert_uint_le(json_object_get_size(people), 20);
        json_node_unref(n);
    }
    JsonNode *n = answer("search", "", NULL, NULL);
    ck_assert_int_eq(num(root(n), "total"), 15); /* meetings, not items */
    ck_assert_int_eq(num(obj(obj(root(n), "facets"), "council"), asu), 3);
    /* Person facets are canonical names. */
    ck_assert_int_eq(num(obj(obj(root(n), "facets"), "person"), "Torstein Kvål Ålmo"), 5);
    json_node_unref(n);
}
END_TEST

START_TEST(test_search_collapse)
{
    JsonNode *n = answer("search", "--limit", "100", "HARMONI");
    JsonArray *res = arr(root(n), "results");
    gint64 total = num(root(n), "total");
    ck_assert_int_eq(total, json_array_get_length(res));
    GHashTable *meetings = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    gint64 collapsed = 0;
    gboolean item_hit = FALSE;
    for (guint i = 0; i < json_array_get_length(res); i++) {
        JsonObject *h = elem(res, i);
        const char *parent = str(h, "parent");
        char *meeting = g_strdup(parent ? parent : str(h, "id"));
        ck_assert_msg(!g_hash_table_contains(meetings, meeting), "two hits for %s", meeting);
        g_hash_table_add(meetings, meeting);
        collapsed += num(h, "collapsed");
        if (parent) {
            JsonObject *item = obj(h, "item");
            ck_assert_ptr_nonnull(str(item, "number"));
            ck_assert(json_object_has_member(item, "decision"));
            ck_assert(g_str_has_prefix(str(h, "id"), parent));
            item_hit = TRUE;
        } else {
            ck_assert(json_object_get_null_member(h, "item"));
        }
    }
    ck_assert(item_hit);
    ck_assert_int_gt(collapsed, 0);
    g_hash_table_unref(meetings);
    json_node_unref(n);
    /* Without collapsing, every matching document is a hit. */
    n = answer("search", "--no-collapse", "--limit=100", "HARMONI");
    ck_assert_int_eq(num(root(n), "total"), total + collapsed);
    json_node_unref(n);
}
END_TEST

START_TEST(test_query_forms_agree)
{
    gint64 t1, t2;
    char *a = hit_ids("date:2024-01-01..2024-06-30", &t1);
    char *b = hit_ids("date:01.01.2024..30.06.2024", &t2);
    ck_assert_str_eq(a, b);
    ck_assert_int_eq(t1, 3); /* ASU 17.04 and 11.06 (PDF), FPS 11.06 */
    g_free(a);
    g_free(b);
    a = hit_ids("case:9/24", &t1);
    b = hit_ids("case:09/24", &t2);
    ck_assert_str_eq(a, b);
    ck_assert_int_ge(t1, 2);
    g_free(a);
    g_free(b);
    a = hit_ids("council:ASU", &t1);
    b = hit_ids("council:\"Administrativt samarbeidsutvalg\"", &t2);
    ck_assert_str_eq(a, b);
    ck_assert_int_eq(t1, 3);
    g_free(a);
    g_free(b);
}
END_TEST

START_TEST(test_search_text_csv_suggestion)
{
    run_result r = run_cmd("search", "HARMONI date:2024-04-17", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "ASU 17.04.2024 · Sak 13/24 Prosjekt HARMONI – oppstart · side 1"),
                  "%s", r.out);
    ck_assert_msg(strstr(r.out, "Vedtak: 1. ASU godkjenner oppstart"), "%s", r.out);
    run_free(&r);
    r = run_cmd("search", "HARMONI", NULL);
    ck_assert_msg(strstr(r.out, "more in this meeting)"), "%s", r.out);
    run_free(&r);
    r = run_cmd("search", "harmoniii", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "No matches.") && strstr(r.out, "Mente du: harmoni"), "%s", r.out);
    run_free(&r);
    JsonNode *n = answer("search", "harmoniii", NULL, NULL);
    ck_assert_int_eq(num(root(n), "total"), 0);
    ck_assert_str_eq(str(root(n), "suggestion"), "harmoni");
    json_node_unref(n);
    n = answer("search", "HARMONI", NULL, NULL);
    ck_assert_ptr_null(str(root(n), "suggestion"));
    json_node_unref(n);
    r = run_cmd("search", "--csv", "--limit", "3", "HARMONI", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert(g_str_has_prefix(r.out, "rank,id,date,council,kind,item,"));
    ck_assert_msg(strstr(r.out, "\n1,") && strstr(r.out, "\n3,") && !strstr(r.out, "\n4,"), "%s",
                  r.out);
    run_free(&r);
}
END_TEST

/* ---- show, people, cases, stats ---- */

static void assert_asu_april(JsonNode *n)
{
    JsonObject *a = root(n);
    ck_assert_str_eq(str(a, "date"), "2024-04-17");
    ck_assert_str_eq(str(a, "date_source"), "text");
    ck_assert_str_eq(str(a, "kind"), "referat");
    ck_assert(has_string(arr(a, "councils"), asu));
    ck_assert_ptr_nonnull(strstr(str(a, "place"), "Levanger"));
    ck_assert_int_eq(num(a, "pages"), 1);
    assert_column(arr(a, "items"), "number", "09/24|10/24|11/24|12/24|13/24|14/24");
    ck_assert(has_string(arr(a, "projects"), "harmoni"));
    JsonArray *people = arr(a, "people");
    gboolean chair = FALSE, torstein = FALSE, absent = FALSE;
    for (guint i = 0; i < json_array_get_length(people); i++) {
        JsonObject *p = elem(people, i);
        const char *name = str(p, "name");
        if (strcmp(name, "Gunnhild Øyås") == 0)
            chair = has_string(arr(p, "roles"), "chair") && !strcmp(str(p, "status"), "present");
        /* This file writes "Torstein Ålmo": shown by his canonical name. */
        if (strcmp(name, "Torstein Kvål Ålmo") == 0)
            torstein = !strcmp(str(p, "as_written"), "Torstein Ålmo (HNT)");
        if (strcmp(name, "Tone Grønnesby") == 0)
            absent = !strcmp(str(p, "status"), "absent");
    }
    ck_assert(chair && torstein && absent);
}

START_TEST(test_show)
{
    char *path = g_build_filename(corpus, "text", "asu-2024-04-17-referat.txt", NULL);
    JsonNode *n = answer("show", path, NULL, NULL);
    assert_asu_april(n);
    char *id = g_strdup(str(root(n), "id"));
    ck_assert_str_eq(str(root(n), "path"), path);
    json_node_unref(n);
    n = answer("show", id, NULL, NULL);
    assert_asu_april(n);
    json_node_unref(n);
    char *item = g_strdup_printf("%s:5", id); /* an item shows its meeting */
    n = answer("show", item, NULL, NULL);
    ck_assert_str_eq(str(root(n), "id"), id);
    json_node_unref(n);
    run_result r = run_cmd("show", "0123456789abcdef", NULL);
    ck_assert_int_eq(r.status, 1);
    run_free(&r);
    r = run_cmd("show", path, NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "Present (") && strstr(r.out, "13/24"), "%s", r.out);
    run_free(&r);
    g_free(item);
    g_free(id);
    g_free(path);
}
END_TEST

START_TEST(test_people_and_cases_by_council)
{
    JsonNode *n = answer("people", "--council", "ASU", NULL);
    JsonObject *a = root(n);
    ck_assert_str_eq(str(a, "council"), asu);
    ck_assert_int_eq(num(a, "meetings"), 3);
    JsonArray *p = arr(a, "people");
    gboolean torstein = FALSE, reidar = FALSE;
    for (guint i = 0; i < json_array_get_length(p); i++) {
        JsonObject *row = elem(p, i);
        ck_assert_int_le(num(row, "meetings"), 3);
        torstein |= !strcmp(str(row, "person"), "Torstein Kvål Ålmo") && num(row, "meetings") == 3;
        reidar |= !strcmp(str(row, "person"), "Reidar Sjøvæg"); /* Eldrerådet only */
    }
    ck_assert(torstein && !reidar);
    json_node_unref(n);

    n = answer("cases", "--council", "ASU", "--year=2025");
    JsonArray *c = arr(root(n), "cases");
    assert_column(c, "number", "01/25|02/25|03/25|04/25|05/25|06/25|07/25|08/25");
    ck_assert_str_eq(str(elem(c, 3), "title"),
                     "Prosjektet «Hjem til hjem» – endring av forbedringsområder");
    json_node_unref(n);
    n = answer("cases", "--council", "ASU", NULL);
    c = arr(root(n), "cases");
    ck_assert_int_eq(num(root(n), "total"), json_array_get_length(c));
    assert_dates_ascending(c);
    for (guint i = 0; i < json_array_get_length(c); i++)
        ck_assert_str_eq(str(elem(c, i), "council"), asu);
    ck_assert_str_eq(str(elem(c, 0), "number"), "09/24");
    json_node_unref(n);
}
END_TEST

START_TEST(test_stats)
{
    JsonNode *n = answer("stats", NULL, NULL, NULL);
    JsonObject *a = root(n);
    ck_assert_int_eq(num(a, "meetings"), 15);
    ck_assert_int_eq(num(a, "files"), 15);
    ck_assert_int_eq(num(a, "failed"), 0);
    ck_assert_int_gt(num(a, "items"), 40);
    /* One document per file: items live inside their meeting's. */
    ck_assert_int_eq(num(a, "documents"), num(a, "meetings"));
    ck_assert_int_eq(sum_of(obj(a, "years")), 15);
    ck_assert_int_eq(num(obj(a, "councils"), asu), 3);
    ck_assert_int_eq(num(obj(a, "kinds"), "notext"), 1);
    gint64 people = num(a, "people");
    json_node_unref(n);
    n = answer("people", NULL, NULL, NULL);
    ck_assert_int_eq(json_array_get_length(arr(root(n), "people")), people);
    json_node_unref(n);
}
END_TEST

START_TEST(test_csv_help_and_usage)
{
    run_result r = run_cmd("attendance", "--csv", "Torstein Ålmo", NULL);
    ck_assert_int_eq(r.status, 0);
    char **lines = g_strsplit(g_strchomp(r.out), "\n", -1);
    ck_assert_uint_eq(g_strv_length(lines), 6);
    ck_assert_str_eq(lines[0], "date,councils,status,roles,id,path");
    ck_assert(g_str_has_prefix(lines[5], "2025-04-24,Fagråd for legesamarbeid,absent,"));
    g_strfreev(lines);
    run_free(&r);
    r = run_cmd("trace", "--csv", "HARMONI", NULL);
    ck_assert(g_str_has_prefix(r.out, "date,councils,item,title,decision,id,path,snippet\n"));
    run_free(&r);
    static const char *const cmds[] = {"show",   "attendance", "trace", "decisions",
                                       "people", "cases",      "stats"};
    for (gsize i = 0; i < G_N_ELEMENTS(cmds); i++) {
        GPtrArray *args = g_ptr_array_new();
        g_ptr_array_add(args, (char *)cmds[i]);
        g_ptr_array_add(args, "--help");
        r = run_argv(args);
        ck_assert_int_eq(r.status, 0);
        ck_assert_msg(strstr(r.out, "Usage:") && strstr(r.out, "--json"), "%s", r.out);
        run_free(&r);
    }
    r = run_cmd("search", "--json", "--csv", "x", NULL);
    ck_assert_int_eq(r.status, 2);
    run_free(&r);
    r = run_cmd("trace", NULL);
    ck_assert_int_eq(r.status, 2);
    run_free(&r);
    r = run_cmd("decisions", "date:soon", NULL);
    ck_assert_int_eq(r.status, 2);
    run_free(&r);
}
END_TEST

/* ---- the real minutes ---- */

START_TEST(test_seeds_attendance)
{
    JsonNode *n = answer("attendance", "Jonas Sjømæling", NULL, NULL);
    JsonArray *m = arr(root(n), "meetings");
    assert_column(m, "date", "2024-06-11|2025-01-30|2025-04-24");
    assert_column(m, "status", "present|present|present");
    static const char *const files[] = {"001_48ac63dbd7e365eb.txt", "000_19f87b6973015955.txt",
                                        "003_f51b810c2c91ab65.txt"};
    for (guint i = 0; i < 3; i++) {
        char *b = base(elem(m, i));
        ck_assert_str_eq(b, files[i]);
        g_free(b);
    }
    json_node_unref(n);
}
END_TEST

START_TEST(test_seeds_trace)
{
    JsonNode *n = answer("trace", "hjem til hjem", NULL, NULL);
    JsonArray *ev = arr(root(n), "events");
    ck_assert_uint_eq(json_array_get_length(ev), 4);
    assert_dates_ascending(ev);
    static const char *const files[] = {"002_80ed23a40425c44e.txt", "001_48ac63dbd7e365eb.txt",
                                        "000_19f87b6973015955.txt", "003_f51b810c2c91ab65.txt"};
    for (guint i = 0; i < 4; i++) {
        char *b = base(elem(ev, i));
        ck_assert_str_eq(b, files[i]);
        g_free(b);
    }
    json_node_unref(n);
}
END_TEST

static Suite *answers_suite(gboolean with_seeds)
{
    Suite *s = suite_create("arkiv-answers");
    TCase *tc = tcase_create("samples");
    tcase_add_unchecked_fixture(tc, samples_setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_attendance_variants_and_councils);
    tcase_add_test(tc, test_attendance_ambiguous_and_unknown);
    tcase_add_test(tc, test_trace_project_across_councils);
    tcase_add_test(tc, test_trace_case_follows_references);
    tcase_add_test(tc, test_trace_bound);
    tcase_add_test(tc, test_decisions);
    tcase_add_test(tc, test_search_facets_add_up);
    tcase_add_test(tc, test_search_collapse);
    tcase_add_test(tc, test_query_forms_agree);
    tcase_add_test(tc, test_search_text_csv_suggestion);
    tcase_add_test(tc, test_show);
    tcase_add_test(tc, test_people_and_cases_by_council);
    tcase_add_test(tc, test_stats);
    tcase_add_test(tc, test_csv_help_and_usage);
    suite_add_tcase(s, tc);
    if (with_seeds) {
        TCase *seeds = tcase_create("seeds");
        tcase_add_unchecked_fixture(seeds, seeds_setup, teardown);
        tcase_set_timeout(seeds, 120);
        tcase_add_test(seeds, test_seeds_attendance);
        tcase_add_test(seeds, test_seeds_trace);
        suite_add_tcase(s, seeds);
    }
    return s;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: %s ARKIV_BINARY SAMPLES_DIR [SEEDS_DIR]\n", argv[0]);
        return 2;
    }
    arkiv_bin = argv[1];
    samples_dir = argv[2];
    seeds_dir = argc == 4 ? argv[3] : NULL;
    gboolean with_seeds = seeds_dir && g_file_test(seeds_dir, G_FILE_TEST_IS_DIR);
    if (!with_seeds)
        printf("test_answers: no seed minutes at %s; their tests are skipped\n",
               seeds_dir ? seeds_dir : "(none given)");
    SRunner *sr = srunner_create(answers_suite(with_seeds));
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
