/* test_lib.c — libarkiv against a real Xapian database in a temp dir. */
#include "arkiv.h"

#include <arpa/inet.h>
#include <check.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testfs.h"

static char *tmpdir;
static char *dbpath;
/* Shards of the index the tests write: 0 a plain database; the "sharded"
 * test case runs every test again over 3 shards (docs/scaling.md). */
static unsigned shards;

static void setup(void)
{
    GError *err = NULL;
    tmpdir = g_dir_make_tmp("arkiv-test-XXXXXX", &err);
    ck_assert_ptr_nonnull(tmpdir);
    dbpath = g_build_filename(tmpdir, "db", NULL);
}

static void setup_sharded(void)
{
    shards = 3;
    setup();
}

static void teardown(void)
{
    testfs_rm_rf(tmpdir);
    g_free(dbpath);
    g_free(tmpdir);
}

static arkiv_db_t *open_w(void)
{
    arkiv_db_t *db = NULL;
    char *err = NULL;
    arkiv_db_options_t o;
    arkiv_db_options_init(&o);
    o.shards = shards;
    arkiv_status_t st = arkiv_db_open_with(dbpath, ARKIV_DB_WRITABLE, &o, &db, &err);
    ck_assert_msg(st == ARKIV_STATUS_OK, "open: %s", err ? err : "");
    free(err);
    return db;
}

static arkiv_db_t *open_r(void)
{
    arkiv_db_t *db = NULL;
    ck_assert_int_eq(arkiv_db_open(dbpath, ARKIV_DB_READ_ONLY, &db, NULL), ARKIV_STATUS_OK);
    return db;
}

typedef struct {
    const char *id, *title, *body, *council, *kind;
    int y, m, d;
} fixture_doc;

static const fixture_doc docs[] = {
    {"m1", "Referat ASU 17.04.2024",
     "Palliativ plan ble drøftet. Forhandlingsutvalget la fram avtalen.", "ASU", "referat", 2024, 4,
     17},
    {"m2", "Referat FPS 05.09.2024", "Fagrådet ønsker en palliativ plan for hele regionen.",
     "Fagråd for pasientsamarbeid", "referat", 2024, 9, 5},
    {"m3", "Innkalling ASU 30.01.2025", "Saksliste: legevaktsamarbeid og økonomi. Planen vedtas.",
     "ASU", "innkalling", 2025, 1, 30},
    {"m4", "Referat eldrerådet 2023", "Eldrerådet behandlet budsjett og plan for helsehus.",
     "Eldrerådet", "referat", 2023, 11, 20},
};

static void add_doc(arkiv_db_t *db, const fixture_doc *f)
{
    arkiv_doc_t *doc = NULL;
    ck_assert_int_eq(arkiv_doc_new(db, f->id, &doc), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_TITLE, f->title), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, f->body), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_COUNCIL, f->council), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_KIND, f->kind), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_set_date(doc, f->y, f->m, f->d), ARKIV_STATUS_OK);
    char *data = g_strdup_printf("{\"title\":\"%s\"}", f->title);
    ck_assert_int_eq(arkiv_doc_set_data(doc, data), ARKIV_STATUS_OK);
    g_free(data);
    char *path = g_strdup_printf("/archive/%s/%s.txt", f->council, f->id);
    arkiv_file_info_t info = {f->id, path, 100, 1700000000, "abc", NULL};
    ck_assert_int_eq(arkiv_doc_set_file(doc, &info), ARKIV_STATUS_OK);
    g_free(path);
    ck_assert_int_eq(arkiv_db_replace(db, doc), ARKIV_STATUS_OK);
    arkiv_doc_free(doc);
}

static void build_fixture(void)
{
    arkiv_db_t *db = open_w();
    for (size_t i = 0; i < G_N_ELEMENTS(docs); i++)
        add_doc(db, &docs[i]);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    arkiv_db_free(db);
}

/* Run `q` and return the ids of the hits joined by ",", in order. */
static char *ids_for(arkiv_db_t *db, const char *q, arkiv_sort_t sort)
{
    arkiv_query_t *query = NULL;
    arkiv_status_t st = arkiv_query_parse(db, q, &query);
    ck_assert_msg(st == ARKIV_STATUS_OK, "parse %s: %s", q, arkiv_db_last_error(db));
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.sort = sort;
    arkiv_results_t *r = NULL;
    ck_assert_int_eq(arkiv_db_search(db, query, &o, &r), ARKIV_STATUS_OK);
    GString *s = g_string_new("");
    for (size_t i = 0; i < arkiv_results_count(r); i++) {
        arkiv_hit_t h;
        ck_assert_int_eq(arkiv_results_get(r, i, &h), ARKIV_STATUS_OK);
        g_string_append_printf(s, "%s%s", i ? "," : "", h.id);
    }
    arkiv_results_free(r);
    arkiv_query_free(query);
    return g_string_free(s, FALSE);
}

static void expect_ids(arkiv_db_t *db, const char *q, arkiv_sort_t sort, const char *want)
{
    char *got = ids_for(db, q, sort);
    ck_assert_msg(strcmp(got, want) == 0, "query [%s]: got [%s], want [%s]", q, got, want);
    g_free(got);
}

/* expect_ids for the meetings of the hits, wherever in them they land:
 * for tests of filters, not of agenda items. */
static void expect_meetings(arkiv_db_t *db, const char *q, arkiv_sort_t sort, const char *want)
{
    char *got = ids_for(db, q, sort);
    char **ids = g_strsplit(got, ",", -1);
    for (char **id = ids; *id; id++) {
        char *colon = strchr(*id, ':');
        if (colon)
            *colon = '\0';
    }
    char *meetings = g_strjoinv(",", ids);
    ck_assert_msg(strcmp(meetings, want) == 0, "query [%s]: got [%s], want meetings [%s]", q, got,
                  want);
    g_free(meetings);
    g_strfreev(ids);
    g_free(got);
}

START_TEST(test_create_reopen_count)
{
    build_fixture();
    arkiv_db_t *db = open_r();
    unsigned n = 0;
    ck_assert_int_eq(arkiv_db_doc_count(db, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, G_N_ELEMENTS(docs));
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_replace_and_delete)
{
    build_fixture();
    arkiv_db_t *db = open_w();
    fixture_doc changed = docs[0];
    changed.body = "Helt ny tekst om kvalitetsportal.";
    add_doc(db, &changed);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    unsigned n = 0;
    ck_assert_int_eq(arkiv_db_doc_count(db, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, G_N_ELEMENTS(docs));
    expect_ids(db, "kvalitetsportal", ARKIV_SORT_RELEVANCE, "m1");
    expect_ids(db, "forhandlingsutvalget", ARKIV_SORT_RELEVANCE, "");
    ck_assert_int_eq(arkiv_db_delete(db, "m2"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_delete(db, "m2"), ARKIV_STATUS_NOT_FOUND);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_doc_count(db, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, G_N_ELEMENTS(docs) - 1);
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_uncommitted_changes_are_discarded)
{
    build_fixture();
    arkiv_db_t *db = open_w();
    ck_assert_int_eq(arkiv_db_delete(db, "m1"), ARKIV_STATUS_OK);
    arkiv_db_free(db); /* no commit */
    db = open_r();
    unsigned n = 0;
    ck_assert_int_eq(arkiv_db_doc_count(db, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, G_N_ELEMENTS(docs));
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_query_operators)
{
    build_fixture();
    arkiv_db_t *db = open_r();
    expect_ids(db, "\"palliativ plan\"", ARKIV_SORT_DATE_ASC, "m1,m2");
    expect_ids(db, "palliativ AND regionen", ARKIV_SORT_DATE_ASC, "m2");
    expect_ids(db, "palliativ regionen", ARKIV_SORT_DATE_ASC, "m2"); /* default AND */
    expect_ids(db, "legevakt*", ARKIV_SORT_DATE_ASC, "m3");
    expect_ids(db, "palliativ OR budsjett", ARKIV_SORT_DATE_ASC, "m4,m1,m2");
    /* "Planen" in m3 stems to plan. */
    expect_ids(db, "plan NOT palliativ", ARKIV_SORT_DATE_ASC, "m4,m3");
    expect_ids(db, "\"plan for helsehus\"", ARKIV_SORT_DATE_ASC, "m4");
    expect_ids(db, "(budsjett OR økonomi) plan", ARKIV_SORT_DATE_ASC, "m4,m3");
    expect_ids(db, "palliativ NEAR regionen", ARKIV_SORT_DATE_ASC, "m2");
    expect_ids(db, "title:innkalling", ARKIV_SORT_DATE_ASC, "m3");
    expect_ids(db, "eldrerådet", ARKIV_SORT_DATE_ASC, "m4");
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_boolean_fields_and_dates)
{
    build_fixture();
    arkiv_db_t *db = open_r();
    expect_ids(db, "council:ASU", ARKIV_SORT_DATE_ASC, "m1,m3");
    expect_ids(db, "council:asu", ARKIV_SORT_DATE_ASC, "m1,m3");
    expect_ids(db, "council:\"Fagråd for pasientsamarbeid\"", ARKIV_SORT_DATE_ASC, "m2");
    expect_ids(db, "kind:innkalling", ARKIV_SORT_DATE_ASC, "m3");
    expect_ids(db, "year:2024", ARKIV_SORT_DATE_ASC, "m1,m2");
    expect_ids(db, "date:2024-01-01..2024-06-30", ARKIV_SORT_DATE_ASC, "m1");
    expect_ids(db, "date:01.09.2024..31.01.2025", ARKIV_SORT_DATE_ASC, "m2,m3");
    expect_ids(db, "date:2024..2024", ARKIV_SORT_DATE_ASC, "m1,m2");
    expect_ids(db, "date:2025-01-30", ARKIV_SORT_DATE_ASC, "m3");
    expect_ids(db, "path:/archive/ASU", ARKIV_SORT_DATE_ASC, "m1,m3");
    expect_ids(db, "id:m4", ARKIV_SORT_DATE_ASC, "m4");
    expect_ids(db, "plan council:ASU", ARKIV_SORT_DATE_ASC, "m1,m3");
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_sort_by_date)
{
    build_fixture();
    arkiv_db_t *db = open_r();
    expect_ids(db, "", ARKIV_SORT_DATE_ASC, "m4,m1,m2,m3");
    expect_ids(db, "", ARKIV_SORT_DATE_DESC, "m3,m2,m1,m4");
    arkiv_db_free(db);
}
END_TEST

static unsigned facet_count(const arkiv_results_t *r, const char *facet, const char *value)
{
    const arkiv_facets_t *f = NULL;
    ck_assert_int_eq(arkiv_results_facets(r, facet, &f), ARKIV_STATUS_OK);
    for (size_t i = 0; i < arkiv_facets_count(f); i++) {
        const char *v;
        unsigned c;
        ck_assert_int_eq(arkiv_facets_get(f, i, &v, &c), ARKIV_STATUS_OK);
        if (strcmp(v, value) == 0)
            return c;
    }
    return 0;
}

START_TEST(test_facets_over_whole_match)
{
    build_fixture();
    arkiv_db_t *db = open_r();
    arkiv_query_t *q = NULL;
    ck_assert_int_eq(arkiv_query_parse(db, "", &q), ARKIV_STATUS_OK);
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.limit = 1; /* facets must still count all four */
    arkiv_results_t *r = NULL;
    ck_assert_int_eq(arkiv_db_search(db, q, &o, &r), ARKIV_STATUS_OK);
    ck_assert_uint_eq(arkiv_results_count(r), 1);
    ck_assert_uint_eq(arkiv_results_total(r), 4);
    ck_assert_uint_eq(facet_count(r, "council", "ASU"), 2);
    ck_assert_uint_eq(facet_count(r, "year", "2024"), 2);
    ck_assert_uint_eq(facet_count(r, "kind", "referat"), 3);
    const arkiv_facets_t *f = NULL;
    ck_assert_int_eq(arkiv_results_facets(r, "nosuch", &f), ARKIV_STATUS_NOT_FOUND);
    arkiv_results_free(r);
    arkiv_query_free(q);
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_snippet_marks_hits)
{
    build_fixture();
    arkiv_db_t *db = open_r();
    arkiv_query_t *q = NULL;
    ck_assert_int_eq(arkiv_query_parse(db, "regionen", &q), ARKIV_STATUS_OK);
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.hi_start = "[";
    o.hi_end = "]";
    arkiv_results_t *r = NULL;
    ck_assert_int_eq(arkiv_db_search(db, q, &o, &r), ARKIV_STATUS_OK);
    ck_assert_uint_eq(arkiv_results_count(r), 1);
    arkiv_hit_t h;
    ck_assert_int_eq(arkiv_results_get(r, 0, &h), ARKIV_STATUS_OK);
    ck_assert_msg(strstr(h.snippet, "[regionen]"), "snippet: %s", h.snippet);
    ck_assert_str_eq(h.data, "{\"title\":\"Referat FPS 05.09.2024\"}");
    ck_assert(h.score > 0);
    arkiv_results_free(r);
    o.snippet_mode = ARKIV_SNIPPET_HTML;
    o.hi_start = "<mark>";
    o.hi_end = "</mark>";
    ck_assert_int_eq(arkiv_db_search(db, q, &o, &r), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_results_get(r, 0, &h), ARKIV_STATUS_OK);
    ck_assert_msg(strstr(h.snippet, "<mark>regionen</mark>"), "snippet: %s", h.snippet);
    arkiv_results_free(r);
    arkiv_query_free(q);
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_second_writer_is_locked)
{
    arkiv_db_t *w1 = open_w();
    arkiv_db_t *w2 = NULL;
    char *err = NULL;
    ck_assert_int_eq(arkiv_db_open(dbpath, ARKIV_DB_WRITABLE, &w2, &err), ARKIV_STATUS_LOCKED);
    ck_assert_ptr_null(w2);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, "another indexer"), "message: %s", err);
    free(err);
    arkiv_db_free(w1);
}
END_TEST

/* Written forms of a person and the settings survive a commit and a
 * reopen; the fullest form is the canonical name. */
START_TEST(test_person_names_and_settings)
{
    arkiv_db_t *w = open_w();
    const char *key = "elisabeth tronstad";
    ck_assert_int_eq(arkiv_db_add_person_name(w, key, "Elisabeth Tronstad"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_person_name(w, key, "Elisabeth K. Tronstad"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_person_name(w, key, "Elisabeth Kvam Tronstad"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_person_name(w, key, "Elisabeth Tronstad"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_person_name(w, key, "bad\nname"), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_db_set_setting(w, "data-digest", "abc"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_commit(w), ARKIV_STATUS_OK);
    arkiv_db_free(w);

    arkiv_db_t *r = open_r();
    char *canon = NULL, **vars = NULL, *v = NULL;
    ck_assert_int_eq(arkiv_db_person_names(r, key, &canon, &vars), ARKIV_STATUS_OK);
    ck_assert_str_eq(canon, "Elisabeth Kvam Tronstad");
    ck_assert_str_eq(vars[0], "Elisabeth Kvam Tronstad");
    ck_assert_str_eq(vars[1], "Elisabeth K. Tronstad");
    ck_assert_str_eq(vars[2], "Elisabeth Tronstad");
    ck_assert_ptr_null(vars[3]);
    free(canon);
    arkiv_strv_free(vars);
    ck_assert_int_eq(arkiv_db_person_names(r, "nobody here", &canon, NULL), ARKIV_STATUS_NOT_FOUND);
    ck_assert_ptr_null(canon);
    ck_assert_int_eq(arkiv_db_get_setting(r, "data-digest", &v), ARKIV_STATUS_OK);
    ck_assert_str_eq(v, "abc");
    free(v);
    ck_assert_int_eq(arkiv_db_get_setting(r, "unset", &v), ARKIV_STATUS_OK);
    ck_assert_ptr_null(v);
    ck_assert_int_eq(arkiv_db_set_setting(r, "x", "y"), ARKIV_STATUS_INVALID_ARGUMENT);
    arkiv_db_free(r);
}
END_TEST

START_TEST(test_bad_query)
{
    build_fixture();
    arkiv_db_t *db = open_r();
    arkiv_query_t *q = NULL;
    ck_assert_int_eq(arkiv_query_parse(db, "date:soon..later", &q), ARKIV_STATUS_BAD_QUERY);
    ck_assert_ptr_null(q);
    ck_assert_msg(strstr(arkiv_db_last_error(db), "date:"), "%s", arkiv_db_last_error(db));
    ck_assert_int_eq(arkiv_query_parse(db, "date:31.02.x", &q), ARKIV_STATUS_BAD_QUERY);
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_missing_db_and_bad_arguments)
{
    arkiv_db_t *db = NULL;
    char *err = NULL;
    ck_assert_int_eq(arkiv_db_open(dbpath, ARKIV_DB_READ_ONLY, &db, &err), ARKIV_STATUS_NOT_FOUND);
    ck_assert_ptr_nonnull(err);
    free(err);
    ck_assert_int_eq(arkiv_db_open(NULL, ARKIV_DB_READ_ONLY, &db, NULL),
                     ARKIV_STATUS_INVALID_ARGUMENT);
    build_fixture();
    db = open_r();
    arkiv_doc_t *doc = NULL;
    ck_assert_int_eq(arkiv_doc_new(db, "x", &doc), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_INVALID_ARGUMENT);
    arkiv_db_free(db);
    arkiv_db_free(NULL);
    arkiv_doc_free(NULL);
    arkiv_query_free(NULL);
    arkiv_results_free(NULL);
    arkiv_files_free(NULL);
    ck_assert_str_eq(arkiv_status_string(ARKIV_STATUS_LOCKED),
                     "database is locked by another writer");
}
END_TEST

static int collect_word(const char *word, void *user)
{
    GString *out = user;
    g_string_append_printf(out, "%s%s", out->len ? "," : "", word);
    return strcmp(word, "stop") == 0;
}

/* The words of a document as indexed (no stems, no prefixed terms), in
 * byte order, once each; fn's non-zero return ends the walk. */
START_TEST(test_doc_foreach_word)
{
    arkiv_db_t *db = open_w();
    arkiv_doc_t *doc = NULL;
    ck_assert_int_eq(arkiv_doc_new(db, "words", &doc), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_TITLE, "Møte i Trøndelag"),
                     ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, "Møtene tok møte, Ålen."),
                     ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_COUNCIL, "Eldrerådet"), ARKIV_STATUS_OK);
    GString *words = g_string_new(NULL);
    ck_assert_int_eq(arkiv_doc_foreach_word(doc, collect_word, words), ARKIV_STATUS_OK);
    ck_assert_str_eq(words->str, "i,møte,møtene,tok,trøndelag,ålen");
    g_string_truncate(words, 0);
    ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, "stop"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_foreach_word(doc, collect_word, words), ARKIV_STATUS_OK);
    ck_assert_str_eq(words->str, "i,møte,møtene,stop");
    ck_assert_int_eq(arkiv_doc_foreach_word(NULL, collect_word, words),
                     ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_foreach_word(doc, NULL, words), ARKIV_STATUS_INVALID_ARGUMENT);
    g_string_free(words, TRUE);
    arkiv_doc_free(doc);
    arkiv_db_free(db);
}
END_TEST

/* A synonym added again in a later batch, or twice in one, is one
 * synonym; each batch's additions survive its commit. */
START_TEST(test_synonyms_across_commits)
{
    arkiv_db_t *db = open_w();
    arkiv_doc_t *doc = NULL;
    ck_assert_int_eq(arkiv_doc_new(db, "syn1", &doc), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, "Sjøvæg kom"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_replace(db, doc), ARKIV_STATUS_OK);
    arkiv_doc_free(doc);
    ck_assert_int_eq(arkiv_db_add_synonym(db, "sjovaeg", "sjøvæg"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_synonym(db, "sjovaeg", "sjøvæg"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_synonym(db, "sjovaeg", "sjøvæg"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_synonym(db, "sjoveg", "sjøvæg"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    arkiv_db_free(db);
    db = open_r();
    expect_ids(db, "sjovaeg", ARKIV_SORT_RELEVANCE, "syn1");
    expect_ids(db, "sjoveg", ARKIV_SORT_RELEVANCE, "syn1");
    expect_ids(db, "sjøvæg", ARKIV_SORT_RELEVANCE, "syn1");
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_long_terms_and_files)
{
    arkiv_db_t *db = open_w();
    arkiv_doc_t *doc = NULL;
    ck_assert_int_eq(arkiv_doc_new(db, "long", &doc), ARKIV_STATUS_OK);
    char *longval = g_strnfill(600, 'x');
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_COUNCIL, longval), ARKIV_STATUS_OK);
    char *longpath = g_strdup_printf("/a/%s/b.txt", longval);
    arkiv_file_info_t info = {"long", longpath, 7, 42, "beef", NULL};
    ck_assert_int_eq(arkiv_doc_set_file(doc, &info), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_replace(db, doc), ARKIV_STATUS_OK);
    arkiv_doc_free(doc);
    arkiv_file_info_t bad = {"bad", "/a/bad.pdf", 9, 43, "", "damaged: broken xref"};
    ck_assert_int_eq(arkiv_db_record_failure(db, &bad), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);

    char *q = g_strdup_printf("council:%s", longval);
    expect_ids(db, q, ARKIV_SORT_RELEVANCE, "long");
    g_free(q);
    arkiv_files_t *files = NULL;
    ck_assert_int_eq(arkiv_db_list_files(db, &files), ARKIV_STATUS_OK);
    ck_assert_uint_eq(arkiv_files_count(files), 2);
    arkiv_files_free(files);
    ck_assert_int_eq(arkiv_db_find_file(db, "bad", &files), ARKIV_STATUS_OK);
    arkiv_file_info_t got;
    ck_assert_int_eq(arkiv_files_get(files, 0, &got), ARKIV_STATUS_OK);
    ck_assert_str_eq(got.path, "/a/bad.pdf");
    ck_assert_uint_eq(got.size, 9);
    ck_assert_int_eq(got.mtime, 43);
    ck_assert_str_eq(got.failure, "damaged: broken xref");
    arkiv_files_free(files);
    ck_assert_int_eq(arkiv_db_find_file(db, "long", &files), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_files_get(files, 0, &got), ARKIV_STATUS_OK);
    ck_assert_ptr_null(got.failure);
    ck_assert_str_eq(got.hash, "beef");
    arkiv_files_free(files);
    ck_assert_int_eq(arkiv_db_find_file(db, "nosuch", &files), ARKIV_STATUS_NOT_FOUND);
    g_free(longpath);
    g_free(longval);
    arkiv_db_free(db);
}
END_TEST

/* ---------------------------------------------------------------- */
/* Meetings, their agenda items, names: a more general document maker. */

/* An agenda item inside its meeting's document: its case number (NULL:
 * none), its decision, and its body. bodies[0] goes on with the page
 * before when `mid_page` (arkiv_doc_add_body_more), else starts a page;
 * each later one is a page of its own. */
typedef struct {
    const char *number, *decision;
    const char *bodies[3];
    int mid_page;
} gen_item;

/* A boolean term of the meeting beyond those gen_doc names; v NULL ends. */
typedef struct {
    arkiv_field_t f;
    const char *v;
} gen_term;

typedef struct {
    const char *id, *title;
    const char *bodies[3]; /* the meeting's own pages, before its items */
    const char *councils[3];
    const char *kind;
    const char *people[3];
    const char *cases[3]; /* besides the items' numbers, which are added */
    gen_term terms[4];
    int y, m, d;
    gen_item items[3];
    const char *after; /* a page after the items, not in any of them */
} gen_doc;

static void add_terms(arkiv_doc_t *doc, arkiv_field_t f, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n && v[i]; i++)
        ck_assert_int_eq(arkiv_doc_add_term(doc, f, v[i]), ARKIV_STATUS_OK);
}

static size_t item_count(const gen_doc *g)
{
    size_t n = 0;
    while (n < G_N_ELEMENTS(g->items) && (g->items[n].bodies[0] || g->items[n].decision))
        n++;
    return n;
}

static void put_item_body(arkiv_doc_t *doc, unsigned n, const gen_item *it)
{
    if (!it->bodies[0])
        return;
    /* Reopened: the number given with the decision is kept. */
    ck_assert_int_eq(arkiv_doc_item_begin(doc, n, it->number), ARKIV_STATUS_OK);
    for (size_t i = 0; i < G_N_ELEMENTS(it->bodies) && it->bodies[i]; i++) {
        arkiv_status_t st = i == 0 && it->mid_page
                                ? arkiv_doc_add_body_more(doc, it->bodies[i])
                                : arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, it->bodies[i]);
        ck_assert_int_eq(st, ARKIV_STATUS_OK);
    }
    ck_assert_int_eq(arkiv_doc_item_end(doc), ARKIV_STATUS_OK);
}

/* In the indexer's order (indexer/docbuild.c): the title, every item's
 * decision, then the pages with the items' spans marked; the meeting
 * holds each item's case number as a term. */
static void put_text(arkiv_doc_t *doc, const gen_doc *g)
{
    size_t n_items = item_count(g);
    if (g->title)
        ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_TITLE, g->title), ARKIV_STATUS_OK);
    for (size_t i = 0; i < n_items; i++) {
        const gen_item *it = &g->items[i];
        if (!it->decision)
            continue;
        ck_assert_int_eq(arkiv_doc_item_begin(doc, (unsigned)i + 1, it->number), ARKIV_STATUS_OK);
        ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_DECISION, it->decision),
                         ARKIV_STATUS_OK);
        ck_assert_int_eq(arkiv_doc_item_end(doc), ARKIV_STATUS_OK);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(g->bodies) && g->bodies[i]; i++)
        ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, g->bodies[i]), ARKIV_STATUS_OK);
    for (size_t i = 0; i < n_items; i++) {
        put_item_body(doc, (unsigned)i + 1, &g->items[i]);
        if (g->items[i].number)
            ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_CASE, g->items[i].number),
                             ARKIV_STATUS_OK);
    }
    if (g->after)
        ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, g->after), ARKIV_STATUS_OK);
}

static void put_doc(arkiv_db_t *db, const gen_doc *g)
{
    arkiv_doc_t *doc = NULL;
    ck_assert_int_eq(arkiv_doc_new(db, g->id, &doc), ARKIV_STATUS_OK);
    put_text(doc, g);
    add_terms(doc, ARKIV_FIELD_COUNCIL, g->councils, G_N_ELEMENTS(g->councils));
    add_terms(doc, ARKIV_FIELD_PERSON, g->people, G_N_ELEMENTS(g->people));
    add_terms(doc, ARKIV_FIELD_CASE, g->cases, G_N_ELEMENTS(g->cases));
    for (size_t i = 0; i < G_N_ELEMENTS(g->terms) && g->terms[i].v; i++)
        ck_assert_int_eq(arkiv_doc_add_term(doc, g->terms[i].f, g->terms[i].v), ARKIV_STATUS_OK);
    if (g->kind)
        ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_KIND, g->kind), ARKIV_STATUS_OK);
    if (g->y)
        ck_assert_int_eq(arkiv_doc_set_date(doc, g->y, g->m, g->d), ARKIV_STATUS_OK);
    char *data = g_strdup_printf("{\"id\":\"%s\"}", g->id);
    ck_assert_int_eq(arkiv_doc_set_data(doc, data), ARKIV_STATUS_OK);
    g_free(data);
    ck_assert_int_eq(arkiv_db_replace(db, doc), ARKIV_STATUS_OK);
    arkiv_doc_free(doc);
}

static void put_docs(const gen_doc *g, size_t n)
{
    arkiv_db_t *db = open_w();
    for (size_t i = 0; i < n; i++)
        put_doc(db, &g[i]);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    arkiv_db_free(db);
}

static arkiv_results_t *search_with(arkiv_db_t *db, const char *q, const arkiv_search_options_t *o)
{
    arkiv_query_t *query = NULL;
    arkiv_status_t st = arkiv_query_parse(db, q, &query);
    ck_assert_msg(st == ARKIV_STATUS_OK, "parse %s: %s", q, arkiv_db_last_error(db));
    arkiv_results_t *r = NULL;
    ck_assert_int_eq(arkiv_db_search(db, query, o, &r), ARKIV_STATUS_OK);
    arkiv_query_free(query);
    return r;
}

/* Meeting "a" says "budsjett" on its own page and in each of its three
 * items, item 2 most often; meeting "b" only in its one item. */
static const gen_doc meetings[] = {
    {.id = "a",
     .title = "Referat ASU",
     .bodies = {"Budsjett for 2025 ble lagt fram."},
     .councils = {"ASU"},
     .kind = "referat",
     .y = 2024,
     .m = 4,
     .d = 17,
     .items = {{.number = "01/24",
                .decision = "Budsjettet vedtas.",
                .bodies = {"Sak 01/24 Budsjett. Budsjett del en."}},
               {.number = "02/24", .bodies = {"Sak 02/24 Budsjett. Budsjett del to, budsjett."}},
               {.number = "03/24", .bodies = {"Sak 03/24 Budsjett. Budsjett del tre."}}}},
    {.id = "b",
     .title = "Referat FSU",
     .bodies = {"Orienteringssaker og eventuelt."},
     .councils = {"FSU"},
     .kind = "referat",
     .y = 2023,
     .m = 5,
     .d = 2,
     .items = {{.number = "07/23", .bodies = {"Sak 07/23 Orientering. Kort om budsjett."}}}},
};

/* The hits of a search as "id/item/parent/collapsed/rank", joined by ",". */
static char *hits_of(const arkiv_results_t *r)
{
    GString *s = g_string_new("");
    for (size_t i = 0; i < arkiv_results_count(r); i++) {
        arkiv_hit_t h;
        ck_assert_int_eq(arkiv_results_get(r, i, &h), ARKIV_STATUS_OK);
        g_string_append_printf(s, "%s%s/%u/%s/%u/%u", i ? "," : "", h.id, h.item, h.parent,
                               h.collapsed, h.rank);
    }
    return g_string_free(s, FALSE);
}

static void expect_hits(arkiv_db_t *db, const char *q, const arkiv_search_options_t *o,
                        const char *want)
{
    arkiv_results_t *r = search_with(db, q, o);
    char *got = hits_of(r);
    ck_assert_msg(strcmp(got, want) == 0,
                  "query [%s] collapse %d offset %u limit %u:\n got [%s]\nwant [%s]", q,
                  o->collapse, o->offset, o->limit, got, want);
    g_free(got);
    arkiv_results_free(r);
}

START_TEST(test_collapse_one_hit_per_meeting)
{
    put_docs(meetings, G_N_ELEMENTS(meetings));
    arkiv_db_t *db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    ck_assert_int_ne(o.collapse, 0);
    o.sort = ARKIV_SORT_DATE_ASC;
    /* Each meeting lands on its best item: a:2 says it most; the others
     * that match (the meeting itself and its other items) are counted. */
    arkiv_results_t *r = search_with(db, "budsjett", &o);
    ck_assert_uint_eq(arkiv_results_total(r), 2);
    char *got = hits_of(r);
    ck_assert_str_eq(got, "b:1/1/b/1/0,a:2/2/a/3/1");
    g_free(got);
    arkiv_hit_t h;
    ck_assert_int_eq(arkiv_results_get(r, 0, &h), ARKIV_STATUS_OK);
    ck_assert_str_eq(h.data, "{\"id\":\"b\"}"); /* the meeting's */
    arkiv_results_free(r);

    /* Only items: still one hit per meeting; the meeting itself is no
     * longer among the matches counted. */
    expect_hits(db, "budsjett level:item", &o, "b:1/1/b/0/0,a:2/2/a/2/1");
    expect_hits(db, "level:meeting", &o, "b/0//0/0,a/0//0/1");
    expect_hits(db, "budsjett level:meeting", &o, "b/0//0/0,a/0//0/1");

    /* Every match, meeting by meeting: the meeting, then its items in
     * text order. */
    o.collapse = 0;
    r = search_with(db, "budsjett", &o);
    ck_assert_uint_eq(arkiv_results_total(r), 6);
    ck_assert(arkiv_results_total_exact(r));
    got = hits_of(r);
    ck_assert_str_eq(got, "b/0//0/0,b:1/1/b/0/1,a/0//0/2,a:1/1/a/0/3,a:2/2/a/0/4,a:3/3/a/0/5");
    g_free(got);
    arkiv_results_free(r);
    arkiv_db_free(db);
}
END_TEST

/* A meeting's items are part of its document: writing the meeting again
 * replaces them, deleting it takes them along. */
START_TEST(test_replacing_meeting_replaces_its_items)
{
    put_docs(meetings, G_N_ELEMENTS(meetings));
    arkiv_db_t *db = open_w();
    unsigned n = 0;
    ck_assert_int_eq(arkiv_db_doc_count(db, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, 2);
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.sort = ARKIV_SORT_DATE_ASC;
    gen_doc again = meetings[0];
    again.bodies[0] = "Ny tekst uten saker.";
    memset(again.items, 0, sizeof again.items);
    put_doc(db, &again);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_doc_count(db, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, 2);
    expect_ids(db, "\"del to\"", ARKIV_SORT_RELEVANCE, "");
    expect_ids(db, "case:02/24", ARKIV_SORT_RELEVANCE, "");
    expect_hits(db, "level:item", &o, "b:1/1/b/0/0");
    expect_hits(db, "tekst", &o, "a/0//0/0");
    /* Other items this time: one, with what was item 2. */
    again.items[0] = meetings[0].items[1];
    put_doc(db, &again);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_doc_count(db, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, 2);
    expect_hits(db, "\"del to\"", &o, "a:1/1/a/1/0");
    expect_hits(db, "case:02/24", &o, "a:1/1/a/1/0");
    expect_hits(db, "level:item", &o, "b:1/1/b/0/0,a:1/1/a/0/1");
    ck_assert_int_eq(arkiv_db_delete(db, "b"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_doc_count(db, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, 1);
    expect_ids(db, "orientering", ARKIV_SORT_RELEVANCE, "");
    expect_ids(db, "case:07/23", ARKIV_SORT_RELEVANCE, "");
    arkiv_db_free(db);
}
END_TEST

static const char *facet_label(const arkiv_results_t *r, const char *facet, const char *value)
{
    const arkiv_facets_t *f = NULL;
    ck_assert_int_eq(arkiv_results_facets(r, facet, &f), ARKIV_STATUS_OK);
    for (size_t i = 0; i < arkiv_facets_count(f); i++) {
        const char *v, *label;
        unsigned c;
        ck_assert_int_eq(arkiv_facets_get(f, i, &v, &c), ARKIV_STATUS_OK);
        ck_assert_int_eq(arkiv_facets_get_label(f, i, &label), ARKIV_STATUS_OK);
        if (strcmp(v, value) == 0)
            return label;
    }
    return NULL;
}

static unsigned facet_sum(const arkiv_results_t *r, const char *facet)
{
    const arkiv_facets_t *f = NULL;
    ck_assert_int_eq(arkiv_results_facets(r, facet, &f), ARKIV_STATUS_OK);
    unsigned sum = 0;
    for (size_t i = 0; i < arkiv_facets_count(f); i++) {
        const char *v;
        unsigned c;
        ck_assert_int_eq(arkiv_facets_get(f, i, &v, &c), ARKIV_STATUS_OK);
        sum += c;
    }
    return sum;
}

/* A joint meeting of two councils with two items; two single meetings. */
static const gen_doc joint[] = {
    {.id = "j",
     .title = "Felles møte",
     .bodies = {"Felles møte om helsehus."},
     .councils = {"ASU", "FSU"},
     .kind = "referat",
     .people = {"elisabeth tronstad", "anne berg"},
     .y = 2024,
     .m = 3,
     .d = 1,
     .items = {{.number = "01/24", .bodies = {"Sak 01/24 Helsehus og tomt."}},
               {.number = "02/24", .bodies = {"Sak 02/24 Helsehus og økonomi."}}}},
    {.id = "k",
     .title = "ASU-møte",
     .bodies = {"Helsehus igjen."},
     .councils = {"ASU"},
     .kind = "protokoll",
     .people = {"elisabeth tronstad"},
     .y = 2023,
     .m = 6,
     .d = 1},
    {.id = "l",
     .title = "Eldrerådet",
     .bodies = {"Ingenting om det."},
     .councils = {"Eldrerådet"},
     .kind = "referat",
     .y = 2024,
     .m = 9,
     .d = 9},
};

START_TEST(test_facets_count_meetings)
{
    put_docs(joint, G_N_ELEMENTS(joint));
    arkiv_db_t *w = open_w();
    ck_assert_int_eq(arkiv_db_add_person_name(w, "elisabeth tronstad", "Elisabeth Tronstad"),
                     ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_person_name(w, "elisabeth tronstad", "Elisabeth Kvam Tronstad"),
                     ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_commit(w), ARKIV_STATUS_OK);
    arkiv_db_free(w);

    arkiv_db_t *db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.limit = 1;
    arkiv_results_t *r = search_with(db, "", &o);
    ck_assert_uint_eq(arkiv_results_total(r), 3);
    ck_assert_uint_eq(facet_count(r, "council", "ASU"), 2);
    ck_assert_uint_eq(facet_count(r, "council", "FSU"), 1);
    ck_assert_uint_eq(facet_count(r, "council", "Eldrerådet"), 1);
    ck_assert_uint_eq(facet_count(r, "year", "2024"), 2);
    ck_assert_uint_eq(facet_count(r, "year", "2023"), 1);
    ck_assert_uint_eq(facet_sum(r, "year"), arkiv_results_total(r));
    ck_assert_uint_eq(facet_count(r, "kind", "referat"), 2);
    ck_assert_uint_eq(facet_count(r, "person", "elisabeth tronstad"), 2);
    ck_assert_uint_eq(facet_count(r, "person", "anne berg"), 1);
    ck_assert_str_eq(facet_label(r, "person", "elisabeth tronstad"), "Elisabeth Kvam Tronstad");
    ck_assert_str_eq(facet_label(r, "person", "anne berg"), "anne berg");
    ck_assert_str_eq(facet_label(r, "council", "FSU"), "FSU");
    /* Most frequent first. */
    const arkiv_facets_t *f = NULL;
    const char *v;
    unsigned c;
    ck_assert_int_eq(arkiv_results_facets(r, "council", &f), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_facets_get(f, 0, &v, &c), ARKIV_STATUS_OK);
    ck_assert_str_eq(v, "ASU");
    ck_assert_int_eq(arkiv_results_facets(r, "year", &f), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_facets_get(f, 0, &v, &c), ARKIV_STATUS_OK);
    ck_assert_str_eq(v, "2024");
    ck_assert_uint_eq(c, 2);
    arkiv_results_free(r);

    /* Only items of "j" match: the meeting counts once for each council,
     * and its people are counted with it (facets are the meeting's). */
    r = search_with(db, "tomt OR økonomi", &o);
    ck_assert_uint_eq(arkiv_results_total(r), 1);
    ck_assert_uint_eq(facet_count(r, "council", "ASU"), 1);
    ck_assert_uint_eq(facet_count(r, "council", "FSU"), 1);
    ck_assert_uint_eq(facet_sum(r, "year"), 1);
    ck_assert_uint_eq(facet_count(r, "person", "elisabeth tronstad"), 1);
    ck_assert_uint_eq(facet_count(r, "person", "anne berg"), 1);
    arkiv_results_free(r);

    /* The meeting and both its items match; still one meeting. */
    r = search_with(db, "helsehus", &o);
    ck_assert_uint_eq(arkiv_results_total(r), 2);
    ck_assert_uint_eq(facet_count(r, "council", "ASU"), 2);
    ck_assert_uint_eq(facet_count(r, "council", "FSU"), 1);
    ck_assert_uint_eq(facet_sum(r, "year"), 2);
    arkiv_results_free(r);

    o.facet_limit = 1;
    r = search_with(db, "", &o);
    ck_assert_int_eq(arkiv_results_facets(r, "council", &f), ARKIV_STATUS_OK);
    ck_assert_uint_eq(arkiv_facets_count(f), 1);
    arkiv_results_free(r);

    o.facets = 0;
    r = search_with(db, "", &o);
    ck_assert_int_eq(arkiv_results_facets(r, "council", &f), ARKIV_STATUS_NOT_FOUND);
    arkiv_results_free(r);
    arkiv_db_free(db);

    const char *const *names = arkiv_facet_names();
    ck_assert_str_eq(names[3], "person");
    ck_assert_ptr_null(names[4]);
}
END_TEST

/* 25 people on one meeting: "person" shows 20 rows unless told. */
START_TEST(test_facet_default_limits)
{
    arkiv_db_t *w = open_w();
    arkiv_doc_t *doc = NULL;
    ck_assert_int_eq(arkiv_doc_new(w, "big", &doc), ARKIV_STATUS_OK);
    for (int i = 0; i < 25; i++) {
        char key[32];
        snprintf(key, sizeof key, "person %02d", i);
        ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_PERSON, key), ARKIV_STATUS_OK);
    }
    ck_assert_int_eq(arkiv_db_replace(w, doc), ARKIV_STATUS_OK);
    arkiv_doc_free(doc);
    ck_assert_int_eq(arkiv_db_commit(w), ARKIV_STATUS_OK);
    arkiv_db_free(w);

    arkiv_db_t *db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    ck_assert_uint_eq(o.facet_limit, 0);
    const arkiv_facets_t *f = NULL;
    arkiv_results_t *r = search_with(db, "", &o);
    ck_assert_int_eq(arkiv_results_facets(r, "person", &f), ARKIV_STATUS_OK);
    ck_assert_uint_eq(arkiv_facets_count(f), 20);
    arkiv_results_free(r);
    o.facet_limit = 30;
    r = search_with(db, "", &o);
    ck_assert_int_eq(arkiv_results_facets(r, "person", &f), ARKIV_STATUS_OK);
    ck_assert_uint_eq(arkiv_facets_count(f), 25);
    arkiv_results_free(r);
    arkiv_db_free(db);
}
END_TEST

static void add_asu_names(arkiv_db_t *w)
{
    const char *canon = "Administrativt samarbeidsutvalg";
    ck_assert_int_eq(arkiv_db_add_council_name(w, canon, canon), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_council_name(w, canon, "ASU"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_council_name(w, canon, "Arbeidsgiverutvalget"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_council_name(w, "Eldrerådet", "Eldrerådet"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_council_name(w, "Eldrerådet", "ER"), ARKIV_STATUS_OK);
    /* A name given to the wrong council first moves on the second call. */
    ck_assert_int_eq(arkiv_db_add_council_name(w, "Eldrerådet", "Seniorrådet"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_council_name(w, canon, "Seniorrådet"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_council_name(w, "Eldrerådet", "Seniorrådet"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_council_name(w, canon, ""), ARKIV_STATUS_INVALID_ARGUMENT);
}

/* c1 holds its two items' numbers, and the council's form of one of
 * them, as the indexer writes them; its reference to another council's
 * case belongs to the meeting. */
static const gen_doc council_docs[] = {
    {.id = "c1",
     .title = "Referat",
     .bodies = {"Møte i Administrativt samarbeidsutvalg om lønn."},
     .councils = {"Administrativt samarbeidsutvalg"},
     .kind = "referat",
     .cases = {"Administrativt samarbeidsutvalg 12/24"},
     .terms = {{ARKIV_FIELD_REF, "Eldrerådet 03/23"}},
     .y = 2024,
     .m = 5,
     .d = 5,
     .items = {{.number = "12/24", .bodies = {"Sak 12/24 Lønnsoppgjør."}},
               {.number = "09/24", .bodies = {"Sak 09/24 Ferieavvikling."}}}},
    {.id = "c2",
     .title = "Notat",
     .bodies = {"ASU behandlet turnus."},
     .kind = "annet",
     .y = 2024,
     .m = 6,
     .d = 6},
    {.id = "c3",
     .title = "Notat",
     .bodies = {"Et annet samarbeidsutvalg er enig om turnus."},
     .kind = "annet",
     .y = 2024,
     .m = 7,
     .d = 7},
    {.id = "c4",
     .title = "Referat",
     .bodies = {"ELDRERÅDET møttes."},
     .councils = {"Eldrerådet"},
     .kind = "referat",
     .cases = {"12/24"},
     .y = 2024,
     .m = 8,
     .d = 8},
};

static void build_council_index(void)
{
    arkiv_db_t *w = open_w();
    add_asu_names(w);
    char *canon = NULL;
    /* A writable handle knows names before they are committed. */
    ck_assert_int_eq(arkiv_db_council_canonical(w, "asu", &canon), ARKIV_STATUS_OK);
    ck_assert_str_eq(canon, "Administrativt samarbeidsutvalg");
    free(canon);
    for (size_t i = 0; i < G_N_ELEMENTS(council_docs); i++)
        put_doc(w, &council_docs[i]);
    ck_assert_int_eq(arkiv_db_commit(w), ARKIV_STATUS_OK);
    arkiv_db_free(w);
}

START_TEST(test_council_names_in_queries)
{
    build_council_index();
    arkiv_db_t *db = open_r();
    char *canon = NULL;
    ck_assert_int_eq(arkiv_db_council_canonical(db, "Asu", &canon), ARKIV_STATUS_OK);
    ck_assert_str_eq(canon, "Administrativt samarbeidsutvalg");
    free(canon);
    ck_assert_int_eq(arkiv_db_council_canonical(db, "  ELDRERÅDET ", &canon), ARKIV_STATUS_OK);
    ck_assert_str_eq(canon, "Eldrerådet");
    free(canon);
    ck_assert_int_eq(arkiv_db_council_canonical(db, "er", &canon), ARKIV_STATUS_OK);
    ck_assert_str_eq(canon, "Eldrerådet");
    free(canon);
    ck_assert_int_eq(arkiv_db_council_canonical(db, "FSU", &canon), ARKIV_STATUS_NOT_FOUND);
    ck_assert_ptr_null(canon);
    ck_assert_int_eq(arkiv_db_add_council_name(db, "FSU", "FSU"), ARKIV_STATUS_INVALID_ARGUMENT);

    expect_meetings(db, "council:ASU", ARKIV_SORT_DATE_ASC, "c1");
    expect_meetings(db, "council:asu", ARKIV_SORT_DATE_ASC, "c1");
    expect_meetings(db, "council:arbeidsgiverutvalget", ARKIV_SORT_DATE_ASC, "c1");
    expect_meetings(db, "council:\"ADMINISTRATIVT samarbeidsutvalg\"", ARKIV_SORT_DATE_ASC, "c1");
    expect_ids(db, "council:ER", ARKIV_SORT_DATE_ASC, "c4");
    expect_ids(db, "council:ELDRERÅDET", ARKIV_SORT_DATE_ASC, "c4");
    expect_ids(db, "council:seniorrådet", ARKIV_SORT_DATE_ASC, "c4");
    expect_ids(db, "council:FSU", ARKIV_SORT_DATE_ASC, "");

    /* A case number lands on the item with that number. */
    expect_ids(db, "case:\"ASU 12/24\"", ARKIV_SORT_DATE_ASC, "c1:1");
    expect_ids(db, "case:\"asu 12/2024\"", ARKIV_SORT_DATE_ASC, "c1:1");
    expect_ids(db, "case:\"Administrativt samarbeidsutvalg 12/24\"", ARKIV_SORT_DATE_ASC, "c1:1");
    expect_ids(db, "case:12/24", ARKIV_SORT_DATE_ASC, "c1:1,c4");
    expect_ids(db, "case:12/2024", ARKIV_SORT_DATE_ASC, "c1:1,c4");
    expect_ids(db, "case:9/24", ARKIV_SORT_DATE_ASC, "c1:2");
    expect_ids(db, "case:09/24", ARKIV_SORT_DATE_ASC, "c1:2");
    /* The number with another council's name: no item, no meeting. */
    expect_ids(db, "case:\"ASU 09/24\"", ARKIV_SORT_DATE_ASC, "");
    expect_ids(db, "case:\"ER 12/24\"", ARKIV_SORT_DATE_ASC, "");
    /* A reference is the meeting's, even with words of one of its items. */
    expect_ids(db, "ref:\"ER 3/2023\"", ARKIV_SORT_DATE_ASC, "c1");
    expect_ids(db, "ref:\"ER 3/2023\" lønnsoppgjør", ARKIV_SORT_DATE_ASC, "c1");
    expect_ids(db, "lønnsoppgjør", ARKIV_SORT_DATE_ASC, "c1:1");
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_council_free_text_expansion)
{
    build_council_index();
    arkiv_db_t *db = open_r();
    /* c2 writes only "ASU", c1 only the full name; c3 has one word of it. */
    expect_ids(db, "ASU", ARKIV_SORT_DATE_ASC, "c1,c2");
    expect_ids(db, "asu", ARKIV_SORT_DATE_ASC, "c1,c2");
    expect_ids(db, "administrativt samarbeidsutvalg", ARKIV_SORT_DATE_ASC, "c1,c2");
    expect_ids(db, "arbeidsgiverutvalget", ARKIV_SORT_DATE_ASC, "c1,c2");
    expect_ids(db, "samarbeidsutvalg", ARKIV_SORT_DATE_ASC, "c1,c2,c3");
    /* Added words carry no positions: no phrase is made of them. */
    expect_ids(db, "\"administrativt samarbeidsutvalg\"", ARKIV_SORT_DATE_ASC, "c1");
    /* c3 says "er", the acronym of Eldrerådet, but also a stopword: a
     * name of stopwords alone names no council. */
    expect_ids(db, "eldrerådet", ARKIV_SORT_DATE_ASC, "c4");
    expect_ids(db, "seniorrådet", ARKIV_SORT_DATE_ASC, "c4");
    arkiv_db_free(db);

    /* A later writer loads the names from the index. */
    arkiv_db_t *w = open_w();
    gen_doc later = {.id = "c5",
                     .title = "Notat",
                     .bodies = {"Saken går til ASU."},
                     .kind = "annet",
                     .y = 2024,
                     .m = 9,
                     .d = 9};
    put_doc(w, &later);
    ck_assert_int_eq(arkiv_db_commit(w), ARKIV_STATUS_OK);
    expect_ids(w, "administrativt", ARKIV_SORT_DATE_ASC, "c1,c2,c5");
    arkiv_db_free(w);
}
END_TEST

START_TEST(test_person_forms_in_queries)
{
    arkiv_db_t *w = open_w();
    const char *key = "elisabeth tronstad";
    ck_assert_int_eq(arkiv_db_add_person_name(w, key, "Elisabeth Tronstad"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_person_name(w, key, "Elisabeth Kvam Tronstad"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_person_name(w, "øyvind bull", "Øyvind Bull"), ARKIV_STATUS_OK);
    arkiv_doc_t *doc = NULL;
    ck_assert_int_eq(arkiv_doc_new(w, "p1", &doc), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_PERSON, key), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_PRESENT, key), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_ROLE, "chair"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_ROLE, "chair:elisabeth tronstad"),
                     ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_PERSON, "øyvind bull"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_ABSENT, "øyvind bull"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_replace(w, doc), ARKIV_STATUS_OK);
    arkiv_doc_free(doc);
    ck_assert_int_eq(arkiv_db_commit(w), ARKIV_STATUS_OK);
    arkiv_db_free(w);

    arkiv_db_t *db = open_r();
    char *got = NULL;
    ck_assert_int_eq(arkiv_db_resolve_person(db, "ELISABETH   kvam Tronstad", &got),
                     ARKIV_STATUS_OK);
    ck_assert_str_eq(got, key);
    free(got);
    ck_assert_int_eq(arkiv_db_resolve_person(db, "ØYVIND BULL", &got), ARKIV_STATUS_OK);
    ck_assert_str_eq(got, "øyvind bull");
    free(got);
    ck_assert_int_eq(arkiv_db_resolve_person(db, "Kari Nordmann", &got), ARKIV_STATUS_NOT_FOUND);
    ck_assert_ptr_null(got);

    expect_ids(db, "person:\"Elisabeth Kvam Tronstad\"", ARKIV_SORT_RELEVANCE, "p1");
    expect_ids(db, "person:\"elisabeth tronstad\"", ARKIV_SORT_RELEVANCE, "p1");
    expect_ids(db, "present:\"ELISABETH KVAM TRONSTAD\"", ARKIV_SORT_RELEVANCE, "p1");
    expect_ids(db, "absent:\"Elisabeth Kvam Tronstad\"", ARKIV_SORT_RELEVANCE, "");
    expect_ids(db, "absent:\"Øyvind Bull\"", ARKIV_SORT_RELEVANCE, "p1");
    expect_ids(db, "role:chair", ARKIV_SORT_RELEVANCE, "p1");
    expect_ids(db, "role:\"chair:Elisabeth Kvam Tronstad\"", ARKIV_SORT_RELEVANCE, "p1");
    expect_ids(db, "role:\"chair:Øyvind Bull\"", ARKIV_SORT_RELEVANCE, "");
    expect_ids(db, "person:\"Kari Nordmann\"", ARKIV_SORT_RELEVANCE, "");
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_date_ranges_both_styles)
{
    put_docs(meetings, G_N_ELEMENTS(meetings));
    arkiv_db_t *db = open_r();
    expect_meetings(db, "date:2024-01-01..2024-06-30", ARKIV_SORT_DATE_ASC, "a");
    expect_meetings(db, "date:01.01.2024..30.06.2024", ARKIV_SORT_DATE_ASC, "a");
    expect_meetings(db, "date:01.01.2023..31.12.2023", ARKIV_SORT_DATE_ASC, "b");
    expect_meetings(db, "date:2023-05-02..2024-04-17", ARKIV_SORT_DATE_ASC, "b,a");
    expect_meetings(db, "date:01.01.2025..31.12.2025", ARKIV_SORT_DATE_ASC, "");
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_spelling_suggestion)
{
    build_fixture();
    arkiv_db_t *db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    arkiv_results_t *r = search_with(db, "palliatv", &o);
    ck_assert_uint_eq(arkiv_results_count(r), 0);
    ck_assert_str_eq(arkiv_results_suggestion(r), "palliativ");
    arkiv_results_free(r);
    r = search_with(db, "regionen palliatv", &o);
    ck_assert_str_eq(arkiv_results_suggestion(r), "regionen palliativ");
    arkiv_results_free(r);
    /* A correction exists, but the query found something. */
    r = search_with(db, "palliativ OR palliatv", &o);
    ck_assert_uint_eq(arkiv_results_count(r), 2);
    ck_assert_str_eq(arkiv_results_suggestion(r), "");
    arkiv_results_free(r);
    ck_assert_str_eq(arkiv_results_suggestion(NULL), "");
    arkiv_db_free(db);
}
END_TEST

/* Items are spans of one document: they do not nest, close only when
 * open, and a document is stored only with none open. An item's words are
 * its meeting's, and spelling data like them. */
START_TEST(test_item_arguments)
{
    arkiv_db_t *db = open_w();
    arkiv_doc_t *doc = NULL;
    ck_assert_int_eq(arkiv_doc_new(db, "m1", &doc), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_item_begin(NULL, 1, NULL), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_item_end(NULL), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_add_body_more(NULL, "x"), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_add_body_more(doc, NULL), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_item_begin(doc, 0, NULL), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_item_end(doc), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, "palliativ plan"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_item_begin(doc, 1, "01/24"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_item_begin(doc, 2, NULL), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_item_begin(doc, 1, NULL), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, "samhandlingsavvik"),
                     ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_replace(db, doc), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_item_end(doc), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_item_end(doc), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_CASE, "01/24"), ARKIV_STATUS_OK);
    /* The refused calls left the document as it was. */
    ck_assert_int_eq(arkiv_db_replace(db, doc), ARKIV_STATUS_OK);
    arkiv_doc_free(doc);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    arkiv_db_free(db);

    db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    expect_hits(db, "samhandlingsavvik", &o, "m1:1/1/m1/1/0");
    expect_hits(db, "case:01/24", &o, "m1:1/1/m1/1/0");
    expect_hits(db, "palliativ", &o, "m1/0//0/0");
    arkiv_results_t *r = search_with(db, "palliatv", &o);
    ck_assert_str_eq(arkiv_results_suggestion(r), "palliativ");
    arkiv_results_free(r);
    r = search_with(db, "samhandlingsavik", &o);
    ck_assert_uint_eq(arkiv_results_count(r), 0);
    ck_assert_str_eq(arkiv_results_suggestion(r), "samhandlingsavvik");
    arkiv_results_free(r);
    arkiv_db_free(db);
}
END_TEST

/* An index written before items lived in their meeting holds item
 * documents with a parent term ("XP"); the C API cannot write one any
 * more, so only an index without them is seen here. */
START_TEST(test_old_items)
{
    put_docs(meetings, G_N_ELEMENTS(meetings));
    arkiv_db_t *db = open_r();
    unsigned n = 99;
    ck_assert_int_eq(arkiv_db_old_items(db, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(arkiv_db_old_items(NULL, &n), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_db_old_items(db, NULL), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_db_delete_old_items(db), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_db_delete_old_items(NULL), ARKIV_STATUS_INVALID_ARGUMENT);
    arkiv_db_free(db);

    db = open_w();
    ck_assert_int_eq(arkiv_db_delete_old_items(db), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_old_items(db, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, 0);
    /* The meetings and their items are not old items. */
    ck_assert_int_eq(arkiv_db_doc_count(db, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, 2);
    /* level:item has no words: each meeting lands on its first item. */
    expect_ids(db, "level:item", ARKIV_SORT_DATE_ASC, "b:1,a:1");
    arkiv_db_free(db);
}
END_TEST

START_TEST(test_get_data)
{
    build_fixture();
    arkiv_db_t *db = open_r();
    char *data = NULL;
    ck_assert_int_eq(arkiv_db_get_data(db, "m2", &data), ARKIV_STATUS_OK);
    ck_assert_str_eq(data, "{\"title\":\"Referat FPS 05.09.2024\"}");
    free(data);
    ck_assert_int_eq(arkiv_db_get_data(db, "nosuch", &data), ARKIV_STATUS_NOT_FOUND);
    ck_assert_ptr_null(data);
    arkiv_db_free(db);
}
END_TEST

static char *values_of(arkiv_db_t *db, arkiv_field_t field, const char *starts_with)
{
    arkiv_values_t *v = NULL;
    ck_assert_int_eq(arkiv_db_field_values(db, field, starts_with, &v), ARKIV_STATUS_OK);
    GString *s = g_string_new("");
    for (size_t i = 0; i < arkiv_values_count(v); i++) {
        const char *value;
        unsigned count;
        ck_assert_int_eq(arkiv_values_get(v, i, &value, &count), ARKIV_STATUS_OK);
        g_string_append_printf(s, "%s%s=%u", i ? "," : "", value, count);
    }
    arkiv_values_free(v);
    return g_string_free(s, FALSE);
}

static void expect_values(arkiv_db_t *db, arkiv_field_t field, const char *starts_with,
                          const char *want)
{
    char *got = values_of(db, field, starts_with);
    ck_assert_msg(strcmp(got, want) == 0, "values [%s]: got [%s], want [%s]",
                  starts_with ? starts_with : "(null)", got, want);
    g_free(got);
}

START_TEST(test_field_values)
{
    put_docs(joint, G_N_ELEMENTS(joint));
    arkiv_db_t *w = open_w();
    arkiv_doc_t *doc = NULL;
    ck_assert_int_eq(arkiv_doc_new(w, "p", &doc), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_PERSON, "per paulsen"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_PRESENT, "per paulsen"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_ABSENT, "anne berg"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_replace(w, doc), ARKIV_STATUS_OK);
    arkiv_doc_free(doc);
    ck_assert_int_eq(arkiv_db_commit(w), ARKIV_STATUS_OK);
    arkiv_db_free(w);

    arkiv_db_t *db = open_r();
    expect_values(db, ARKIV_FIELD_PERSON, NULL, "anne berg=1,elisabeth tronstad=2,per paulsen=1");
    expect_values(db, ARKIV_FIELD_PERSON, "", "anne berg=1,elisabeth tronstad=2,per paulsen=1");
    expect_values(db, ARKIV_FIELD_PERSON, "ELI", "elisabeth tronstad=2");
    expect_values(db, ARKIV_FIELD_PERSON, "x", "");
    expect_values(db, ARKIV_FIELD_PRESENT, NULL, "per paulsen=1");
    expect_values(db, ARKIV_FIELD_ABSENT, NULL, "anne berg=1");
    /* Documents are counted: a meeting's items are inside it. */
    expect_values(db, ARKIV_FIELD_COUNCIL, NULL, "asu=2,eldrerådet=1,fsu=1");
    expect_values(db, ARKIV_FIELD_COUNCIL, "f", "fsu=1");
    /* Every document is a meeting, and those with items also "item". */
    expect_values(db, ARKIV_FIELD_LEVEL, NULL, "item=1,meeting=4");
    expect_values(db, ARKIV_FIELD_CASE, NULL, "01/24=1,02/24=1");
    arkiv_values_t *v = NULL;
    ck_assert_int_eq(arkiv_db_field_values(db, ARKIV_FIELD_BODY, NULL, &v),
                     ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_ptr_null(v);
    ck_assert_uint_eq(arkiv_values_count(NULL), 0);
    arkiv_values_free(NULL);
    arkiv_db_free(db);
}
END_TEST

/* One search's first hit, checked: its id, item, page, and words its
 * snippet must hold and must not (NULL: not checked). */
typedef struct {
    const char *q, *id;
    unsigned item, page;
    const char *has, *lacks;
} want_hit;

static void expect_first_hit(arkiv_db_t *db, const arkiv_search_options_t *o, const want_hit *w)
{
    arkiv_results_t *r = search_with(db, w->q, o);
    ck_assert_msg(arkiv_results_count(r) == 1, "%s: %zu hits", w->q, arkiv_results_count(r));
    arkiv_hit_t h;
    ck_assert_int_eq(arkiv_results_get(r, 0, &h), ARKIV_STATUS_OK);
    ck_assert_msg(strcmp(h.id, w->id) == 0, "%s: id %s, want %s", w->q, h.id, w->id);
    ck_assert_msg(h.item == w->item, "%s: item %u, want %u", w->q, h.item, w->item);
    ck_assert_msg(!w->page || h.page == w->page, "%s: page %u, want %u", w->q, h.page, w->page);
    ck_assert_msg(!w->has || strstr(h.snippet, w->has), "%s: snippet [%s] lacks %s", w->q,
                  h.snippet, w->has);
    ck_assert_msg(!w->lacks || !strstr(h.snippet, w->lacks), "%s: snippet [%s] has %s", w->q,
                  h.snippet, w->lacks);
    arkiv_results_free(r);
}

/* Pages: the meeting's page 1; item 1 on pages 2 and 3; item 2 starting
 * in the middle of page 3 and going on to page 4; page 5 after them. */
static const gen_doc paged = {
    .id = "m",
    .title = "Møte",
    .bodies = {"alfa side en"},
    .items = {{.bodies = {"Sak 1 beta side to med planene", "gamma side tre om kvalitet."}},
              {.mid_page = 1, .bodies = {" Delta sak om omsorgsplan", "epsilon side fire"}}},
    .after = "zeta side fem"};

START_TEST(test_item_pages)
{
    put_docs(&paged, 1);
    arkiv_db_t *db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    const want_hit want[] = {
        {"alfa", "m", 0, 1, "alfa", NULL},
        {"beta", "m:1", 1, 2, "beta", "alfa"},
        {"kvalitet", "m:1", 1, 3, "kvalitet", "delta"},
        {"delta", "m:2", 2, 3, "Delta", "kvalitet"},
        {"omsorgsplan", "m:2", 2, 3, "omsorgsplan", "gamma"},
        {"epsilon", "m:2", 2, 4, "epsilon", "zeta"},
        {"zeta", "m", 0, 5, "zeta", NULL},
        /* The page of the first query word inside the item. */
        {"epsilon omsorgsplan", "m:2", 2, 3, NULL, NULL},
        /* A stem has no positions of its own: its page is that of a
         * word stemming to it ("planene"), found under the prefix "plan". */
        {"planen", "m:1", 1, 2, NULL, NULL},
        {"Planene", "m:1", 1, 2, NULL, NULL},
        /* Across items: the meeting, on the page where the phrase starts. */
        {"\"kvalitet delta\"", "m", 0, 3, NULL, NULL},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        expect_first_hit(db, &o, &want[i]);
    arkiv_db_free(db);
}
END_TEST

/* Text indexed in a detached document (a worker's) and stored by the
 * writer from its bytes: pages, items (decision first, body later),
 * phrases across pages, prefixed fields and spelling as if indexed in
 * place; bytes that are no text part refused. */
static arkiv_doc_t *from_part(arkiv_db_t *db, arkiv_textgen_t *gen, const char *id)
{
    static const char *const pages[] = {"alfa side en palliativ", "beta side to helsehuset",
                                        "gamma side tre"};
    static const char *const item[] = {"første del om kvalitet", "andre del om omsorgsplan"};
    arkiv_doc_t *d = NULL, *doc = NULL;
    char *bytes = NULL;
    size_t len = 0;
    ck_assert_int_eq(arkiv_doc_new_detached(gen, &d), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_term(d, ARKIV_FIELD_KIND, "referat"),
                     ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_add_text(d, ARKIV_FIELD_TITLE, "Møte"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_item_begin(d, 1, "05/24"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_add_text(d, ARKIV_FIELD_DECISION, "Rådet vedtar handlingsplanen."),
                     ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_item_end(d), ARKIV_STATUS_OK);
    for (size_t i = 0; i < G_N_ELEMENTS(pages); i++)
        ck_assert_int_eq(arkiv_doc_add_text(d, ARKIV_FIELD_BODY, pages[i]), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_item_begin(d, 1, NULL), ARKIV_STATUS_OK);
    for (size_t i = 0; i < G_N_ELEMENTS(item); i++)
        ck_assert_int_eq(arkiv_doc_add_text(d, ARKIV_FIELD_BODY, item[i]), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_item_end(d), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_doc_serialise_text(d, &bytes, &len), ARKIV_STATUS_OK);
    arkiv_doc_free(d);
    ck_assert_int_eq(arkiv_doc_new_from_text(db, id, bytes, len / 2, &doc),
                     ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_new_from_text(db, id, bytes, len, &doc), ARKIV_STATUS_OK);
    free(bytes);
    ck_assert_int_eq(arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, "mer"),
                     ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_add_body_more(doc, "mer"), ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_int_eq(arkiv_doc_item_begin(doc, 2, NULL), ARKIV_STATUS_INVALID_ARGUMENT);
    return doc;
}

START_TEST(test_text_parts)
{
    arkiv_db_t *db = open_w();
    arkiv_textgen_t *gen = NULL;
    ck_assert_int_eq(arkiv_textgen_new(&gen), ARKIV_STATUS_OK);
    arkiv_doc_t *doc = from_part(db, gen, "m");
    ck_assert_int_eq(arkiv_doc_add_term(doc, ARKIV_FIELD_CASE, "05/24"), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_replace(db, doc), ARKIV_STATUS_OK);
    arkiv_doc_free(doc);
    arkiv_textgen_free(gen);
    doc = NULL;
    ck_assert_int_eq(arkiv_doc_new_from_text(db, "x", "not a document", 14, &doc),
                     ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(arkiv_db_commit(db), ARKIV_STATUS_OK);
    arkiv_db_free(db);

    db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    const want_hit want[] = {
        {"omsorgsplan", "m:1", 1, 5, "omsorgsplan", "gamma"},
        {"kvalitet", "m:1", 1, 4, "kvalitet", NULL},
        {"gamma", "m", 0, 3, "gamma", NULL},
        {"\"to helsehuset gamma\"", "m", 0, 2, NULL, NULL},
        {"\"tre første\"", "m", 0, 3, NULL, NULL},
        {"title:møte", "m", 0, 0, NULL, NULL},
        {"helsehus", "m", 0, 2, NULL, NULL},
        {"decision:handlingsplanen", "m:1", 1, 0, NULL, NULL},
        /* The number given with the decision, kept when reopened. */
        {"case:05/24", "m:1", 1, 0, NULL, NULL},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(want); i++)
        expect_first_hit(db, &o, &want[i]);
    /* The meeting's words are spelling data, its item's too. */
    arkiv_results_t *r = search_with(db, "palliatv", &o);
    ck_assert_str_eq(arkiv_results_suggestion(r), "palliativ");
    arkiv_results_free(r);
    r = search_with(db, "kvalitat", &o);
    ck_assert_str_eq(arkiv_results_suggestion(r), "kvalitet");
    arkiv_results_free(r);
    arkiv_db_free(db);
}
END_TEST

/* ---------------------------------------------------------------- */
/* Which agenda items a query matches (lib/items.cc). */

/* Meeting "mt" of ASU: its own page, three items (the first two with a
 * case number and a decision, the third starting mid-page), and people,
 * a reference, a project, a place and a type of its own. Meeting "mu" of
 * FSU with one item. */
static const gen_doc agenda[] = {
    {.id = "mt",
     .title = "Referat ASU 17.04.2024",
     .bodies = {"Referat fra møtet. Til stede Randi Sjøvæg og rådmannen."},
     .councils = {"Administrativt samarbeidsutvalg"},
     .kind = "referat",
     .people = {"randi sjovaeg"},
     .cases = {"Administrativt samarbeidsutvalg 12/24", "Administrativt samarbeidsutvalg 13/24"},
     .terms = {{ARKIV_FIELD_REF, "08/25"},
               {ARKIV_FIELD_PROJECT, "harmoni"},
               {ARKIV_FIELD_PLACE, "teams"},
               {ARKIV_FIELD_MIME, "text/plain"}},
     .y = 2024,
     .m = 4,
     .d = 17,
     .items = {{.number = "12/24",
                .decision = "Arbeidsgruppe nedsettes.",
                .bodies = {"Sak 12/24 Budsjett 2025 for helsehus. Økonomisjefen la fram tallene "
                           "om legevakt"}},
               {.number = "13/24",
                .decision = "ASU godkjenner oppstart av HARMONI.",
                .bodies = {"Samhandling i prosjekt HARMONI. Kvalitetsportal og oppstart drøftet. "
                           "Legevakt nevnt."}},
               {.mid_page = 1, .bodies = {" Eventuelt: ingen innspill."}}}},
    {.id = "mu",
     .title = "Referat FSU 02.05.2024",
     .bodies = {"Legevakt og kvalitetsportal i FSU."},
     .councils = {"FSU"},
     .kind = "protokoll",
     .y = 2024,
     .m = 5,
     .d = 2,
     .items = {{.number = "05/24", .bodies = {"Sak 05/24 Legevakt i FSU."}}}},
};

static void build_agenda(void)
{
    arkiv_db_t *w = open_w();
    const char *canon = "Administrativt samarbeidsutvalg";
    ck_assert_int_eq(arkiv_db_add_council_name(w, canon, canon), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_add_council_name(w, canon, "ASU"), ARKIV_STATUS_OK);
    for (size_t i = 0; i < G_N_ELEMENTS(agenda); i++)
        put_doc(w, &agenda[i]);
    ck_assert_int_eq(arkiv_db_commit(w), ARKIV_STATUS_OK);
    arkiv_db_free(w);
}

/* The hits of a query (hits_of), and words the first hit's snippet must
 * hold and must not (NULL: not checked). */
typedef struct {
    const char *q, *hits, *has, *lacks;
} want_hits;

static void expect_table(arkiv_db_t *db, const arkiv_search_options_t *o, const want_hits *w,
                         size_t n)
{
    for (size_t i = 0; i < n; i++) {
        expect_hits(db, w[i].q, o, w[i].hits);
        if (!w[i].has && !w[i].lacks)
            continue;
        arkiv_results_t *r = search_with(db, w[i].q, o);
        arkiv_hit_t h;
        ck_assert_int_eq(arkiv_results_get(r, 0, &h), ARKIV_STATUS_OK);
        ck_assert_msg(!w[i].has || strstr(h.snippet, w[i].has), "%s: snippet [%s] lacks %s", w[i].q,
                      h.snippet, w[i].has);
        ck_assert_msg(!w[i].lacks || !strstr(h.snippet, w[i].lacks), "%s: snippet [%s] has %s",
                      w[i].q, h.snippet, w[i].lacks);
        arkiv_results_free(r);
    }
}

/* One hit per meeting, on the item the query is true of. */
START_TEST(test_items_matching)
{
    build_agenda();
    arkiv_db_t *db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.sort = ARKIV_SORT_DATE_ASC;
    const want_hits want[] = {
        /* A word of item 2 only: item 2's snippet, none of item 1's text. */
        {"kvalitetsportal", "mt:2/2/mt/1/0,mu/0//0/1", "Kvalitetsportal", "Økonomisjefen"},
        {"økonomisjefen", "mt:1/1/mt/1/0", "Økonomisjefen", "rådmannen"},
        {"rådmannen", "mt/0//0/0", "rådmannen", NULL},
        /* A phrase across two items is the meeting's alone. */
        {"\"legevakt samhandling\"", "mt/0//0/0", NULL, NULL},
        /* A stem: "budsjettet" finds item 1's "Budsjett". */
        {"budsjettet", "mt:1/1/mt/1/0", "Budsjett", NULL},
        /* Case numbers: the item with that number, in any council's form. */
        {"case:12/24", "mt:1/1/mt/1/0", NULL, NULL},
        {"case:\"ASU 12/24\"", "mt:1/1/mt/1/0", NULL, NULL},
        {"case:13/24", "mt:2/2/mt/1/0", NULL, NULL},
        {"case:\"ASU 13/24\" kvalitetsportal", "mt:2/2/mt/1/0", NULL, NULL},
        {"case:12/24 kvalitetsportal", "mt/0//0/0", NULL, NULL},
        {"case:05/24", "mu:1/1/mu/1/0", NULL, NULL},
        /* Decisions: words of the item's decision, not of its body. */
        {"decision:arbeidsgruppe", "mt:1/1/mt/1/0", NULL, NULL},
        {"decision:godkjenner", "mt:2/2/mt/1/0", NULL, NULL},
        {"decision:kvalitetsportal", "", NULL, NULL},
        /* The meeting's own filters are false for its items. */
        {"person:\"randi sjovaeg\" økonomisjefen", "mt/0//0/0", NULL, NULL},
        {"ref:08/25 økonomisjefen", "mt/0//0/0", NULL, NULL},
        {"project:harmoni kvalitetsportal", "mt/0//0/0", NULL, NULL},
        {"id:mt økonomisjefen", "mt/0//0/0", NULL, NULL},
        /* Its council, type, place, date and file are its items' too. */
        {"council:ASU økonomisjefen", "mt:1/1/mt/1/0", NULL, NULL},
        {"council:FSU legevakt", "mu:1/1/mu/1/0", NULL, NULL},
        {"kind:referat økonomisjefen", "mt:1/1/mt/1/0", NULL, NULL},
        {"place:teams økonomisjefen", "mt:1/1/mt/1/0", NULL, NULL},
        {"year:2024 økonomisjefen", "mt:1/1/mt/1/0", NULL, NULL},
        {"date:2024-04-17 økonomisjefen", "mt:1/1/mt/1/0", NULL, NULL},
        {"mime:text/plain økonomisjefen", "mt:1/1/mt/1/0", NULL, NULL},
        /* NOT inside an item: item 2 says kvalitetsportal, item 1 does not;
         * the meeting says both, and matches by "rådmannen". */
        {"legevakt OR rådmannen", "mt:1/1/mt/2/0,mu:1/1/mu/1/1", NULL, NULL},
        {"(legevakt NOT kvalitetsportal) OR rådmannen", "mt:1/1/mt/1/0", NULL, NULL},
        {"økonomisjefen NOT kvalitetsportal", "", NULL, NULL},
        {"økonomisjefen NOT helsehus", "", NULL, NULL},
        /* Levels: an item is level:item, the meeting level:meeting. */
        {"økonomisjefen level:item", "mt:1/1/mt/0/0", NULL, NULL},
        {"økonomisjefen level:meeting", "mt/0//0/0", NULL, NULL},
        {"innspill", "mt:3/3/mt/1/0", "innspill", "Legevakt"},
        /* Only what the items share with their meeting: the meeting. */
        {"council:ASU", "mt/0//3/0", NULL, NULL},
        {"", "mt/0//3/0,mu/0//1/1", NULL, NULL},
    };
    expect_table(db, &o, want, G_N_ELEMENTS(want));
    arkiv_db_free(db);
}
END_TEST

/* A meeting Xapian finds where the query is true neither of the meeting
 * nor of any of its items (level:item with words outside every item) is
 * no hit, with collapse or without. */
START_TEST(test_items_no_match_no_hit)
{
    build_agenda();
    arkiv_db_t *db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.sort = ARKIV_SORT_DATE_ASC;
    static const char *const queries[] = {"rådmannen level:item",
                                          "\"legevakt samhandling\" level:item",
                                          "case:12/24 kvalitetsportal level:item"};
    for (int collapse = 0; collapse < 2; collapse++)
        for (size_t i = 0; i < G_N_ELEMENTS(queries); i++) {
            o.collapse = collapse;
            expect_hits(db, queries[i], &o, "");
            if (collapse)
                continue;
            /* Without collapse every match is looked at: the total is exact. */
            arkiv_results_t *r = search_with(db, queries[i], &o);
            ck_assert_msg(arkiv_results_total(r) == 0, "%s: total %u", queries[i],
                          arkiv_results_total(r));
            arkiv_results_free(r);
        }
    arkiv_db_free(db);
}
END_TEST

/* An item's title is its first words: title: finds the words among the
 * first 20 of its span, as it finds the meeting's title. */
START_TEST(test_items_titles)
{
    const gen_doc titled = {
        .id = "tt",
        .title = "Referat ASU",
        .bodies = {"Referat fra møtet."},
        .items = {{.number = "01/24",
                   .bodies = {"Sak 01/24 Prosjekt HARMONI oppstart\nEn to tre fire fem seks sju "
                              "åtte ni ti elleve tolv tretten fjorten femten seksten sytten atten "
                              "nitten tjue kvalitetsportal."}},
                  {.number = "02/24", .bodies = {"Sak 02/24 Kvalitetsportal for helsehus."}}}};
    put_docs(&titled, 1);
    arkiv_db_t *db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    const want_hits want[] = {
        {"title:referat", "tt/0//0/0", NULL, NULL},
        /* An item's title is its heading (first line): the item lands,
         * and the meeting, whose document holds its items' titles, also
         * matches by itself. */
        {"title:harmoni", "tt:1/1/tt/1/0", NULL, NULL},
        {"title:\"prosjekt harmoni\"", "tt:1/1/tt/1/0", NULL, NULL},
        {"title:\"harmoni prosjekt\"", "", NULL, NULL},
        /* Item 1 says it too, but below its heading. */
        {"title:kvalitetsportal", "tt:2/2/tt/1/0", NULL, NULL},
    };
    expect_table(db, &o, want, G_N_ELEMENTS(want));
    arkiv_db_free(db);
}
END_TEST

/* Without collapse: per meeting, the meeting when it matches by itself,
 * then each item that matches, in text order. */
START_TEST(test_items_levels)
{
    build_agenda();
    arkiv_db_t *db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.sort = ARKIV_SORT_DATE_ASC;
    o.collapse = 0;
    const want_hits want[] = {
        {"legevakt", "mt/0//0/0,mt:1/1/mt/0/1,mt:2/2/mt/0/2,mu/0//0/3,mu:1/1/mu/0/4", NULL, NULL},
        {"legevakt level:item", "mt:1/1/mt/0/0,mt:2/2/mt/0/1,mu:1/1/mu/0/2", NULL, NULL},
        {"legevakt level:meeting", "mt/0//0/0,mu/0//0/1", NULL, NULL},
        {"level:item", "mt:1/1/mt/0/0,mt:2/2/mt/0/1,mt:3/3/mt/0/2,mu:1/1/mu/0/3", NULL, NULL},
        {"level:meeting", "mt/0//0/0,mu/0//0/1", NULL, NULL},
        {"NOT level:meeting", "", NULL, NULL},
        {"legevakt NOT level:item", "", NULL, NULL},
        {"(legevakt NOT kvalitetsportal) OR rådmannen", "mt/0//0/0,mt:1/1/mt/0/1", NULL, NULL},
        {"person:\"randi sjovaeg\" legevakt", "mt/0//0/0", NULL, NULL},
        {"case:\"ASU 12/24\" OR case:05/24", "mt/0//0/0,mt:1/1/mt/0/1,mu/0//0/2,mu:1/1/mu/0/3",
         NULL, NULL},
        {"kvalitetsportal", "mt/0//0/0,mt:2/2/mt/0/1,mu/0//0/2", "Kvalitetsportal", NULL},
    };
    expect_table(db, &o, want, G_N_ELEMENTS(want));
    /* The total counts hits, the facets meetings. */
    arkiv_results_t *r = search_with(db, "legevakt level:item", &o);
    ck_assert_uint_eq(arkiv_results_total(r), 3);
    ck_assert(arkiv_results_total_exact(r));
    ck_assert_uint_eq(facet_count(r, "year", "2024"), 2);
    ck_assert_uint_eq(facet_count(r, "council", "FSU"), 1);
    arkiv_results_free(r);
    arkiv_db_free(db);
}
END_TEST

/* Without collapse, offset and limit page through the hits (meetings and
 * items), whose total is exact with facets and without. */
START_TEST(test_items_pagination)
{
    build_agenda();
    arkiv_db_t *db = open_r();
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.sort = ARKIV_SORT_DATE_ASC;
    o.collapse = 0;
    o.limit = 100;
    arkiv_results_t *r = search_with(db, "legevakt", &o);
    ck_assert_uint_eq(arkiv_results_count(r), 5);
    char *all_hits = hits_of(r);
    arkiv_results_free(r);
    char **all = g_strsplit(all_hits, ",", -1);
    for (int facets = 0; facets < 2; facets++)
        for (unsigned offset = 0; offset <= 6; offset++)
            for (unsigned limit = 1; limit <= 3; limit++) {
                o.facets = facets;
                o.offset = offset;
                o.limit = limit;
                GString *want = g_string_new("");
                for (unsigned i = offset; i < offset + limit && i < 5; i++)
                    g_string_append_printf(want, "%s%s", i > offset ? "," : "", all[i]);
                r = search_with(db, "legevakt", &o);
                char *got = hits_of(r);
                ck_assert_msg(strcmp(got, want->str) == 0,
                              "facets %d offset %u limit %u: got [%s], want [%s]", facets, offset,
                              limit, got, want->str);
                ck_assert_msg(arkiv_results_total(r) == 5, "facets %d offset %u limit %u: total %u",
                              facets, offset, limit, arkiv_results_total(r));
                ck_assert(arkiv_results_total_exact(r));
                g_free(got);
                g_string_free(want, TRUE);
                arkiv_results_free(r);
            }
    g_strfreev(all);
    g_free(all_hits);
    arkiv_db_free(db);
}
END_TEST

/* ---------------------------------------------------------------- */
/* Sharded indexes (docs/scaling.md): these run in the "sharded" case,
 * where open_w() makes three shards. */

/* Everything a search answers, as one string. */
static void describe_results(GString *out, const arkiv_results_t *r)
{
    g_string_append_printf(out, "total %u partial %d suggestion [%s]\n", arkiv_results_total(r),
                           arkiv_results_partial(r), arkiv_results_suggestion(r));
    for (size_t i = 0; i < arkiv_results_count(r); i++) {
        arkiv_hit_t h;
        ck_assert_int_eq(arkiv_results_get(r, i, &h), ARKIV_STATUS_OK);
        g_string_append_printf(out,
                               "  %s rank %u score %.0f page %u parent [%s] item %u collapsed %u "
                               "[%s]\n",
                               h.id, h.rank, h.score, h.page, h.parent, h.item, h.collapsed,
                               h.snippet);
    }
    for (const char *const *name = arkiv_facet_names(); *name; name++) {
        const arkiv_facets_t *f = NULL;
        if (arkiv_results_facets(r, *name, &f) != ARKIV_STATUS_OK)
            continue;
        for (size_t i = 0; i < arkiv_facets_count(f); i++) {
            const char *v, *label;
            unsigned c;
            ck_assert_int_eq(arkiv_facets_get(f, i, &v, &c), ARKIV_STATUS_OK);
            ck_assert_int_eq(arkiv_facets_get_label(f, i, &label), ARKIV_STATUS_OK);
            g_string_append_printf(out, "  facet %s %s (%s) %u\n", *name, v, label, c);
        }
    }
}

/* Each count of facet `name` in r is at most its count in `whole`. */
static void facets_at_most(const arkiv_results_t *r, const arkiv_results_t *whole, const char *name)
{
    const arkiv_facets_t *f = NULL;
    ck_assert_int_eq(arkiv_results_facets(r, name, &f), ARKIV_STATUS_OK);
    for (size_t i = 0; i < arkiv_facets_count(f); i++) {
        const char *v;
        unsigned c;
        ck_assert_int_eq(arkiv_facets_get(f, i, &v, &c), ARKIV_STATUS_OK);
        ck_assert_uint_le(c, facet_count(whole, name, v));
    }
}

/* check_at_least (what the search answers use): the same hits and
 * collapse counts as looking at the whole match; a total and facets that
 * say when they are not exact, with counts that are lower bounds. */
START_TEST(test_search_bounded)
{
    put_docs(joint, G_N_ELEMENTS(joint));
    arkiv_db_t *db = open_r();
    static const arkiv_sort_t sorts[] = {ARKIV_SORT_RELEVANCE, ARKIV_SORT_DATE_ASC,
                                         ARKIV_SORT_DATE_DESC};
    static const char *const queries[] = {"", "helsehus", "helsehus OR ingenting"};
    int approximate = 0;
    for (size_t s = 0; s < G_N_ELEMENTS(sorts); s++)
        for (size_t q = 0; q < G_N_ELEMENTS(queries); q++) {
            arkiv_search_options_t o;
            arkiv_search_options_init(&o);
            o.sort = sorts[s];
            o.limit = 1;
            arkiv_results_t *whole = search_with(db, queries[q], &o);
            ck_assert(arkiv_results_total_exact(whole) && arkiv_results_facets_exact(whole));
            GString *want = g_string_new(""), *got = g_string_new("");
            describe_results(want, whole);
            /* Room for the whole match, or a match small enough: exact. */
            o.check_at_least = 100;
            arkiv_results_t *r = search_with(db, queries[q], &o);
            describe_results(got, r);
            ck_assert_str_eq(got->str, want->str);
            ck_assert(arkiv_results_facets_exact(r));
            arkiv_results_free(r);
            o.check_at_least = 1;
            o.exact_up_to = 100;
            r = search_with(db, queries[q], &o);
            g_string_truncate(got, 0);
            describe_results(got, r);
            ck_assert_str_eq(got->str, want->str);
            arkiv_results_free(r);
            /* Xapian may stop after one match. */
            o.exact_up_to = 0;
            r = search_with(db, queries[q], &o);
            arkiv_hit_t a, b;
            ck_assert_uint_eq(arkiv_results_count(r), 1);
            ck_assert_int_eq(arkiv_results_get(r, 0, &a), ARKIV_STATUS_OK);
            ck_assert_int_eq(arkiv_results_get(whole, 0, &b), ARKIV_STATUS_OK);
            ck_assert_str_eq(a.id, b.id);
            ck_assert_uint_eq(a.collapsed, b.collapsed);
            for (const char *const *name = arkiv_facet_names(); *name; name++)
                facets_at_most(r, whole, *name);
            if (arkiv_results_facets_exact(r)) {
                ck_assert_uint_eq(arkiv_results_total(r), arkiv_results_total(whole));
            } else {
                approximate++;
                /* A meeting has one year: the sum is the meetings seen. */
                ck_assert_uint_le(facet_sum(r, "year"), arkiv_results_total(r));
            }
            arkiv_results_free(r);
            arkiv_results_free(whole);
            g_string_free(want, TRUE);
            g_string_free(got, TRUE);
        }
    ck_assert_int_gt(approximate, 0);
    arkiv_db_free(db);
}
END_TEST

static const char *const compare_queries[] = {"",
                                              "budsjett",
                                              "palliativ plan",
                                              "helsehus",
                                              "council:ASU",
                                              "person:\"Elisabeth Kvam Tronstad\"",
                                              "level:item",
                                              "plan OR budsjett OR helsehus",
                                              "palliatv",
                                              "year:2024",
                                              "NOT level:item",
                                              "kind:referat",
                                              "date:2023..2024",
                                              "pla* OR helse*",
                                              "title:ref*",
                                              "case:01/24",
                                              "budsjett level:item",
                                              "decision:budsjettet",
                                              "\"del to\" OR tomt",
                                              NULL};

/* Every search answer, list of files and field value of the index at
 * path, as one string. */
static char *describe_index(const char *path, int allow_partial)
{
    arkiv_db_t *db = NULL;
    arkiv_db_options_t oo;
    arkiv_db_options_init(&oo);
    oo.allow_partial = allow_partial;
    char *err = NULL;
    arkiv_status_t st = arkiv_db_open_with(path, ARKIV_DB_READ_ONLY, &oo, &db, &err);
    ck_assert_msg(st == ARKIV_STATUS_OK, "open %s: %s", path, err ? err : "");
    GString *out = g_string_new("");
    unsigned n = 0;
    ck_assert_int_eq(arkiv_db_doc_count(db, &n), ARKIV_STATUS_OK);
    g_string_append_printf(out, "documents %u\n", n);
    static const arkiv_sort_t sorts[] = {ARKIV_SORT_RELEVANCE, ARKIV_SORT_DATE_ASC,
                                         ARKIV_SORT_DATE_DESC};
    for (const char *const *q = compare_queries; *q; q++)
        for (size_t s = 0; s < G_N_ELEMENTS(sorts); s++)
            for (int variant = 0; variant < 4; variant++) {
                arkiv_search_options_t o;
                arkiv_search_options_init(&o);
                o.sort = sorts[s];
                o.collapse = variant & 1;
                o.facets = (variant & 2) != 0;
                o.snippet_length = 60;
                o.offset = variant == 3 ? 1 : 0;
                o.limit = variant == 3 ? 3 : 20;
                g_string_append_printf(out, "query [%s] sort %d variant %d\n", *q, (int)sorts[s],
                                       variant);
                arkiv_results_t *r = search_with(db, *q, &o);
                describe_results(out, r);
                arkiv_results_free(r);
            }
    arkiv_files_t *files = NULL;
    ck_assert_int_eq(arkiv_db_list_files(db, &files), ARKIV_STATUS_OK);
    for (size_t i = 0; i < arkiv_files_count(files); i++) {
        arkiv_file_info_t f;
        ck_assert_int_eq(arkiv_files_get(files, i, &f), ARKIV_STATUS_OK);
        g_string_append_printf(out, "file %s %s %s\n", f.id, f.path, f.failure ? f.failure : "ok");
    }
    arkiv_files_free(files);
    arkiv_values_t *values = NULL;
    ck_assert_int_eq(arkiv_db_field_values(db, ARKIV_FIELD_COUNCIL, "", &values), ARKIV_STATUS_OK);
    for (size_t i = 0; i < arkiv_values_count(values); i++) {
        const char *v;
        unsigned c;
        ck_assert_int_eq(arkiv_values_get(values, i, &v, &c), ARKIV_STATUS_OK);
        g_string_append_printf(out, "council %s %u\n", v, c);
    }
    arkiv_values_free(values);
    arkiv_db_free(db);
    return g_string_free(out, FALSE);
}

/* The test documents, a failed file and a person's forms, into the index
 * at `path` with `n` shards (0: plain). */
static void build_mixed(const char *path, unsigned n)
{
    char *saved_path = dbpath;
    unsigned saved_shards = shards;
    dbpath = (char *)path;
    shards = n;
    build_fixture();
    put_docs(meetings, G_N_ELEMENTS(meetings));
    put_docs(joint, G_N_ELEMENTS(joint));
    arkiv_db_t *w = open_w();
    ck_assert_int_eq(arkiv_db_add_person_name(w, "elisabeth tronstad", "Elisabeth Kvam Tronstad"),
                     ARKIV_STATUS_OK);
    arkiv_file_info_t bad = {"zz-bad", "/archive/bad.pdf", 9, 43, NULL, "damaged: broken xref"};
    ck_assert_int_eq(arkiv_db_record_failure(w, &bad), ARKIV_STATUS_OK);
    arkiv_file_info_t bad2 = {"aa-bad", "/archive/bad2.pdf", 9, 43, NULL, "encrypted"};
    ck_assert_int_eq(arkiv_db_record_failure(w, &bad2), ARKIV_STATUS_OK);
    ck_assert_int_eq(arkiv_db_commit(w), ARKIV_STATUS_OK);
    arkiv_db_free(w);
    dbpath = saved_path;
    shards = saved_shards;
}

static void assert_same_text(const char *a, const char *b, const char *what)
{
    if (strcmp(a, b) == 0)
        return;
    size_t i = 0;
    while (a[i] && a[i] == b[i])
        i++;
    size_t from = i > 200 ? i - 200 : 0;
    ck_abort_msg("%s differ at byte %zu:\n--- one database:\n%.400s\n--- shards:\n%.400s", what, i,
                 a + from, b + from);
}

START_TEST(test_shards_give_the_same_answers)
{
    char *plain = g_build_filename(tmpdir, "plain", NULL);
    build_mixed(plain, 0);
    build_mixed(dbpath, shards);
    char *want = describe_index(plain, 0);
    char *got = describe_index(dbpath, 0);
    assert_same_text(want, got, "answers");
    /* The stub file itself, as a reader would be given it. */
    char *stub = g_build_filename(dbpath, "XAPIANDB", NULL);
    char *via_stub = describe_index(stub, 0);
    assert_same_text(want, via_stub, "answers through the stub");
    g_free(via_stub);
    g_free(stub);
    g_free(want);
    g_free(got);
    g_free(plain);
}
END_TEST

/* Each shard is a Xapian database of its own; a meeting's items are in
 * its document, so in its shard, and the documents are spread over the
 * shards. */
START_TEST(test_shard_placement)
{
    build_mixed(dbpath, shards);
    unsigned total = 0, used = 0, items = 0;
    for (unsigned k = 0; k < shards; k++) {
        char *name = g_strdup_printf("shard%u", k);
        char *path = g_build_filename(dbpath, name, NULL);
        arkiv_db_t *db = NULL;
        ck_assert_int_eq(arkiv_db_open(path, ARKIV_DB_READ_ONLY, &db, NULL), ARKIV_STATUS_OK);
        unsigned n = 0;
        ck_assert_int_eq(arkiv_db_doc_count(db, &n), ARKIV_STATUS_OK);
        total += n;
        used += n > 0;
        arkiv_search_options_t o;
        arkiv_search_options_init(&o);
        o.collapse = 0;
        o.limit = 100;
        arkiv_results_t *r = search_with(db, "level:item", &o);
        for (size_t i = 0; i < arkiv_results_count(r); i++) {
            arkiv_hit_t h;
            ck_assert_int_eq(arkiv_results_get(r, i, &h), ARKIV_STATUS_OK);
            ck_assert_uint_ne(h.item, 0);
            char *data = NULL;
            ck_assert_msg(arkiv_db_get_data(db, h.parent, &data) == ARKIV_STATUS_OK,
                          "item %s is not in the shard of its meeting %s", h.id, h.parent);
            free(data);
            items++;
        }
        arkiv_results_free(r);
        arkiv_db_free(db);
        g_free(path);
        g_free(name);
    }
    /* build_fixture's 4, meetings' 2, joint's 3; items: a 3, b 1, j 2. */
    ck_assert_uint_eq(total, 9);
    ck_assert_uint_eq(items, 6);
    ck_assert_uint_ge(used, 2);
}
END_TEST

START_TEST(test_shard_layout_is_kept)
{
    build_fixture();
    char *stub = g_build_filename(dbpath, "XAPIANDB", NULL);
    ck_assert(g_file_test(stub, G_FILE_TEST_IS_REGULAR));
    arkiv_db_options_t o;
    arkiv_db_options_init(&o);
    arkiv_db_t *w = NULL;
    char *err = NULL;
    /* Re-runs keep the layout, and may say so again. */
    ck_assert_int_eq(arkiv_db_open_with(dbpath, ARKIV_DB_WRITABLE, &o, &w, &err), ARKIV_STATUS_OK);
    unsigned n = 0;
    ck_assert_int_eq(arkiv_db_doc_count(w, &n), ARKIV_STATUS_OK);
    ck_assert_uint_eq(n, 4);
    arkiv_db_free(w);
    o.shards = 3;
    ck_assert_int_eq(arkiv_db_open_with(dbpath, ARKIV_DB_WRITABLE, &o, &w, &err), ARKIV_STATUS_OK);
    arkiv_db_free(w);
    o.shards = 2;
    ck_assert_int_eq(arkiv_db_open_with(dbpath, ARKIV_DB_WRITABLE, &o, &w, &err),
                     ARKIV_STATUS_INVALID_ARGUMENT);
    ck_assert_ptr_null(w);
    ck_assert_msg(err && strstr(err, "3 shards"), "message: %s", err ? err : "");
    free(err);
    /* A plain index stays plain. */
    char *plain = g_build_filename(tmpdir, "plain", NULL);
    o.shards = 0;
    ck_assert_int_eq(arkiv_db_open_with(plain, ARKIV_DB_WRITABLE, &o, &w, NULL), ARKIV_STATUS_OK);
    arkiv_db_free(w);
    o.shards = 2;
    ck_assert_int_eq(arkiv_db_open_with(plain, ARKIV_DB_WRITABLE, &o, &w, &err),
                     ARKIV_STATUS_INVALID_ARGUMENT);
    free(err);
    /* A stub lists databases for reading; nothing is written through it. */
    ck_assert_int_eq(arkiv_db_open_with(stub, ARKIV_DB_WRITABLE, NULL, &w, &err),
                     ARKIV_STATUS_INVALID_ARGUMENT);
    free(err);
    ck_assert_uint_eq(arkiv_db_missing_count(NULL), 0);
    ck_assert_ptr_null(arkiv_db_missing_shard(NULL, 0, NULL));
    g_free(plain);
    g_free(stub);
}
END_TEST

static char *write_stub(const char *name, const char *text)
{
    char *path = g_build_filename(tmpdir, name, NULL);
    ck_assert(g_file_set_contents(path, text, -1, NULL));
    return path;
}

/* A stub naming a database that is not there: an error naming it, or,
 * with allow_partial, the answers of the rest, marked partial. */
START_TEST(test_missing_shard)
{
    build_mixed(dbpath, shards);
    char *text = g_strdup_printf("# test\nauto %s/lexicon\nauto %s/shard0\n"
                                 "auto %s/nosuch\nauto %s/shard1\nauto %s/shard2\n",
                                 dbpath, dbpath, dbpath, dbpath, dbpath);
    char *stub = write_stub("broken.stub", text);
    arkiv_db_t *db = NULL;
    char *err = NULL;
    ck_assert_int_eq(arkiv_db_open(stub, ARKIV_DB_READ_ONLY, &db, &err), ARKIV_STATUS_UNAVAILABLE);
    ck_assert_ptr_null(db);
    ck_assert_msg(err && strstr(err, "nosuch"), "message: %s", err ? err : "");
    free(err);
    arkiv_db_options_t o;
    arkiv_db_options_init(&o);
    o.allow_partial = 1;
    ck_assert_int_eq(arkiv_db_open_with(stub, ARKIV_DB_READ_ONLY, &o, &db, &err), ARKIV_STATUS_OK);
    ck_assert_uint_eq(arkiv_db_missing_count(db), 1);
    const char *why = NULL;
    const char *name = arkiv_db_missing_shard(db, 0, &why);
    ck_assert_msg(name && strstr(name, "nosuch"), "missing: %s", name ? name : "(null)");
    ck_assert_ptr_nonnull(why);
    ck_assert_ptr_null(arkiv_db_missing_shard(db, 1, NULL));
    arkiv_db_free(db);
    /* The rest are the whole index here: the same answers, marked. */
    char *whole = describe_index(dbpath, 0);
    char *partial = describe_index(stub, 1);
    ck_assert_msg(strstr(partial, "partial 1") && !strstr(partial, "partial 0"),
                  "answers not marked partial");
    for (char *at = partial; (at = strstr(at, "partial 1")); at++)
        at[8] = '0';
    assert_same_text(whole, partial, "answers without a missing shard");
    g_free(whole);
    g_free(partial);
    /* Lines Xapian does not know are an error, whatever allow_partial. */
    char *bad = write_stub("bad.stub", "auto\nfrobnicate x\n");
    ck_assert_int_eq(arkiv_db_open_with(bad, ARKIV_DB_READ_ONLY, &o, &db, &err), ARKIV_STATUS_IO);
    ck_assert_msg(err && strstr(err, "bad.stub:1"), "message: %s", err ? err : "");
    free(err);
    g_free(bad);
    g_free(stub);
    g_free(text);
}
END_TEST

/* A xapian-tcpsrv serving `db` on a free loopback port, in its own
 * process group (on SIGTERM it kills its whole group). 0 when the
 * program is not installed. */
static pid_t serve(const char *db, unsigned *port_out)
{
    char *prog = g_find_program_in_path("xapian-tcpsrv");
    if (!prog)
        return 0;
    for (int attempt = 0; attempt < 10; attempt++) {
        /* A port the kernel just handed out is very likely still free. */
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a = {0};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        ck_assert(bind(fd, (struct sockaddr *)&a, sizeof a) == 0);
        ck_assert(getsockname(fd, (struct sockaddr *)&a, &len) == 0);
        close(fd);
        unsigned port = ntohs(a.sin_port);
        char portstr[16];
        snprintf(portstr, sizeof portstr, "%u", port);
        pid_t pid = fork();
        ck_assert(pid >= 0);
        if (pid == 0) {
            setsid();
            int null = open("/dev/null", O_WRONLY);
            dup2(null, 1);
            dup2(null, 2);
            execl(prog, prog, "--interface", "127.0.0.1", "--port", portstr, db, (char *)NULL);
            _exit(127);
        }
        /* Ready when it accepts a connection; gone when the port was
         * taken after all. */
        for (int i = 0; i < 100; i++) {
            int status;
            if (waitpid(pid, &status, WNOHANG) == pid)
                break;
            int c = socket(AF_INET, SOCK_STREAM, 0);
            int ok = connect(c, (struct sockaddr *)&a, sizeof a) == 0;
            close(c);
            if (ok) {
                g_free(prog);
                *port_out = port;
                return pid;
            }
            g_usleep(30000);
        }
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
    }
    g_free(prog);
    ck_abort_msg("xapian-tcpsrv did not start");
    return 0;
}

static void stop(pid_t pid)
{
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
}

/* A remote shard that stops answering after the index was opened: a
 * strict handle names it; an allow_partial one answers from the rest and
 * says so, and takes the shard back when reopened after it returns. */
START_TEST(test_remote_shard_stops)
{
    build_mixed(dbpath, shards);
    char *shard1 = g_build_filename(dbpath, "shard1", NULL);
    unsigned port = 0;
    pid_t server = serve(shard1, &port);
    if (!server) {
        fprintf(stderr, "test_remote_shard_stops: no xapian-tcpsrv, skipped\n");
        g_free(shard1);
        return;
    }
    char *text = g_strdup_printf("auto %s/lexicon\nauto %s/shard0\nremote tcp 127.0.0.1:%u\n"
                                 "auto %s/shard2\n",
                                 dbpath, dbpath, port, dbpath);
    char *stub = write_stub("remote.stub", text);
    char *without = g_strdup_printf("auto %s/lexicon\nauto %s/shard0\nauto %s/shard2\n", dbpath,
                                    dbpath, dbpath);
    char *rest_stub = write_stub("rest.stub", without);
    /* While it answers, the remote shard changes nothing. */
    char *whole = describe_index(dbpath, 0);
    char *remote = describe_index(stub, 0);
    assert_same_text(whole, remote, "answers with a remote shard");

    arkiv_db_t *strict = NULL, *lenient = NULL;
    arkiv_db_options_t o;
    arkiv_db_options_init(&o);
    ck_assert_int_eq(arkiv_db_open_with(stub, ARKIV_DB_READ_ONLY, &o, &strict, NULL),
                     ARKIV_STATUS_OK);
    o.allow_partial = 1;
    ck_assert_int_eq(arkiv_db_open_with(stub, ARKIV_DB_READ_ONLY, &o, &lenient, NULL),
                     ARKIV_STATUS_OK);
    ck_assert_uint_eq(arkiv_db_missing_count(lenient), 0);
    stop(server);

    arkiv_search_options_t so;
    arkiv_search_options_init(&so);
    arkiv_query_t *q = NULL;
    ck_assert_int_eq(arkiv_query_parse(strict, "", &q), ARKIV_STATUS_OK);
    arkiv_results_t *r = NULL;
    ck_assert_int_eq(arkiv_db_search(strict, q, &so, &r), ARKIV_STATUS_UNAVAILABLE);
    ck_assert_ptr_null(r);
    char *where = g_strdup_printf("127.0.0.1:%u", port);
    ck_assert_msg(strstr(arkiv_db_last_error(strict), where), "error: %s",
                  arkiv_db_last_error(strict));
    arkiv_query_free(q);
    arkiv_db_free(strict);

    r = search_with(lenient, "", &so);
    ck_assert_int_ne(arkiv_results_partial(r), 0);
    ck_assert_uint_eq(arkiv_db_missing_count(lenient), 1);
    ck_assert_msg(strstr(arkiv_db_missing_shard(lenient, 0, NULL), where), "missing: %s",
                  arkiv_db_missing_shard(lenient, 0, NULL));
    GString *got = g_string_new("");
    describe_results(got, r);
    arkiv_results_free(r);
    /* ... exactly what the other shards answer. */
    arkiv_db_t *rest = NULL;
    ck_assert_int_eq(arkiv_db_open(rest_stub, ARKIV_DB_READ_ONLY, &rest, NULL), ARKIV_STATUS_OK);
    r = search_with(rest, "", &so);
    GString *want = g_string_new("");
    describe_results(want, r);
    arkiv_results_free(r);
    arkiv_db_free(rest);
    char *p = strstr(got->str, "partial 1");
    ck_assert_ptr_nonnull(p);
    p[8] = '0';
    assert_same_text(want->str, got->str, "answers of the shards left");

    /* Back on the same port: reopening takes it back. */
    char portstr[16];
    snprintf(portstr, sizeof portstr, "%u", port);
    pid_t again = fork();
    ck_assert(again >= 0);
    if (again == 0) {
        setsid();
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", portstr,
               shard1, (char *)NULL);
        _exit(127);
    }
    int back = 0;
    for (int i = 0; i < 100 && !back; i++) {
        g_usleep(30000);
        ck_assert_int_eq(arkiv_db_reopen(lenient), ARKIV_STATUS_OK);
        back = arkiv_db_missing_count(lenient) == 0;
    }
    stop(again);
    ck_assert_msg(back, "the shard did not come back");
    arkiv_db_free(lenient);
    g_string_free(got, TRUE);
    g_string_free(want, TRUE);
    g_free(where);
    g_free(whole);
    g_free(remote);
    g_free(rest_stub);
    g_free(without);
    g_free(stub);
    g_free(text);
    g_free(shard1);
}
END_TEST

/* The wildcards of one query share ARKIV_MAX_WILDCARD_TOTAL (2000) terms
 * (lib/query-private.h): one gets its 1000 most frequent, each of three
 * 666, each of forty 50, so a query of many wildcards costs what two do.
 * Every document holds one word of its own, so matches count terms. */
START_TEST(test_wildcard_budget)
{
    arkiv_db_t *w = open_w();
    for (unsigned i = 0; i < 1200; i++) {
        char id[17], word[16];
        snprintf(id, sizeof id, "%016x", i);
        snprintf(word, sizeof word, "wild%04u", i);
        arkiv_doc_t *d = NULL;
        ck_assert_int_eq(arkiv_doc_new(w, id, &d), ARKIV_STATUS_OK);
        ck_assert_int_eq(arkiv_doc_add_text(d, ARKIV_FIELD_BODY, word), ARKIV_STATUS_OK);
        ck_assert_int_eq(arkiv_db_replace(w, d), ARKIV_STATUS_OK);
        arkiv_doc_free(d);
    }
    ck_assert_int_eq(arkiv_db_commit(w), ARKIV_STATUS_OK);
    arkiv_db_free(w);
    arkiv_db_t *db = open_r();
    GString *forty = g_string_new("wild*");
    for (int i = 1; i < 40; i++)
        g_string_append(forty, " OR wild*");
    const struct {
        const char *q;
        unsigned total;
    } cases[] = {{"wild*", 1000},
                 {"wild* OR wild*", 1000},
                 {"wild* OR wild* OR wild*", 666},
                 {forty->str, 50}};
    arkiv_search_options_t o;
    arkiv_search_options_init(&o); /* facets on: the total is exact */
    for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
        arkiv_query_t *q = NULL;
        arkiv_results_t *r = NULL;
        ck_assert_int_eq(arkiv_query_parse(db, cases[i].q, &q), ARKIV_STATUS_OK);
        ck_assert_int_eq(arkiv_db_search(db, q, &o, &r), ARKIV_STATUS_OK);
        ck_assert_msg(arkiv_results_total(r) == cases[i].total, "%.30s: %u matches, not %u",
                      cases[i].q, arkiv_results_total(r), cases[i].total);
        arkiv_results_free(r);
        arkiv_query_free(q);
    }
    g_string_free(forty, TRUE);
    arkiv_db_free(db);
}
END_TEST

static void add_shard_tests(TCase *tc)
{
    tcase_add_test(tc, test_shards_give_the_same_answers);
    tcase_add_test(tc, test_shard_placement);
    tcase_add_test(tc, test_shard_layout_is_kept);
    tcase_add_test(tc, test_missing_shard);
    tcase_add_test(tc, test_remote_shard_stops);
}

static void add_common_tests(TCase *tc)
{
    tcase_add_test(tc, test_create_reopen_count);
    tcase_add_test(tc, test_replace_and_delete);
    tcase_add_test(tc, test_uncommitted_changes_are_discarded);
    tcase_add_test(tc, test_query_operators);
    tcase_add_test(tc, test_boolean_fields_and_dates);
    tcase_add_test(tc, test_sort_by_date);
    tcase_add_test(tc, test_facets_over_whole_match);
    tcase_add_test(tc, test_snippet_marks_hits);
    tcase_add_test(tc, test_second_writer_is_locked);
    tcase_add_test(tc, test_person_names_and_settings);
    tcase_add_test(tc, test_bad_query);
    tcase_add_test(tc, test_missing_db_and_bad_arguments);
    tcase_add_test(tc, test_long_terms_and_files);
    tcase_add_test(tc, test_doc_foreach_word);
    tcase_add_test(tc, test_synonyms_across_commits);
    tcase_add_test(tc, test_collapse_one_hit_per_meeting);
    tcase_add_test(tc, test_replacing_meeting_replaces_its_items);
    tcase_add_test(tc, test_facets_count_meetings);
    tcase_add_test(tc, test_search_bounded);
    tcase_add_test(tc, test_facet_default_limits);
    tcase_add_test(tc, test_council_names_in_queries);
    tcase_add_test(tc, test_council_free_text_expansion);
    tcase_add_test(tc, test_person_forms_in_queries);
    tcase_add_test(tc, test_date_ranges_both_styles);
    tcase_add_test(tc, test_spelling_suggestion);
    tcase_add_test(tc, test_item_arguments);
    tcase_add_test(tc, test_old_items);
    tcase_add_test(tc, test_get_data);
    tcase_add_test(tc, test_field_values);
    tcase_add_test(tc, test_item_pages);
    tcase_add_test(tc, test_text_parts);
    tcase_add_test(tc, test_items_matching);
    tcase_add_test(tc, test_items_titles);
    tcase_add_test(tc, test_items_no_match_no_hit);
    tcase_add_test(tc, test_items_levels);
    tcase_add_test(tc, test_items_pagination);
    tcase_add_test(tc, test_wildcard_budget);
}

static Suite *lib_suite(void)
{
    Suite *s = suite_create("libarkiv");
    TCase *tc = tcase_create("db");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    add_common_tests(tc);
    suite_add_tcase(s, tc);
    /* The same answers from an index of three shards. */
    TCase *sh = tcase_create("sharded");
    tcase_add_checked_fixture(sh, setup_sharded, teardown);
    tcase_set_timeout(sh, 60);
    add_common_tests(sh);
    add_shard_tests(sh);
    suite_add_tcase(s, sh);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(lib_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
