/* test_lib.c — libarkiv against a real Xapian database in a temp dir. */
#include "arkiv.h"

#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

static char *tmpdir;
static char *dbpath;

static void setup(void)
{
    GError *err = NULL;
    tmpdir = g_dir_make_tmp("arkiv-test-XXXXXX", &err);
    ck_assert_ptr_nonnull(tmpdir);
    dbpath = g_build_filename(tmpdir, "db", NULL);
}

static void rm_rf(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    if (d) {
        const char *name;
        while ((name = g_dir_read_name(d))) {
            char *p = g_build_filename(path, name, NULL);
            rm_rf(p);
            g_free(p);
        }
        g_dir_close(d);
    }
    g_remove(path);
}

static void teardown(void)
{
    rm_rf(tmpdir);
    g_free(dbpath);
    g_free(tmpdir);
}

static arkiv_db_t *open_w(void)
{
    arkiv_db_t *db = NULL;
    char *err = NULL;
    arkiv_status_t st = arkiv_db_open(dbpath, ARKIV_DB_WRITABLE, &db, &err);
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
    ck_assert_int_eq(arkiv_db_add_person_name(w, key, "bad\nname"),
                     ARKIV_STATUS_INVALID_ARGUMENT);
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
    ck_assert_int_eq(arkiv_db_person_names(r, "nobody here", &canon, NULL),
                     ARKIV_STATUS_NOT_FOUND);
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

static Suite *lib_suite(void)
{
    Suite *s = suite_create("libarkiv");
    TCase *tc = tcase_create("db");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
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
    suite_add_tcase(s, tc);
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
