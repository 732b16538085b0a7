/* fuzz_params.c — libFuzzer target: a web request from the CGI
 * environment to the answer, as arkiv.cgi serves a search.
 *
 * The input is up to three lines: QUERY_STRING, PATH_INFO and
 * Accept-Language. They go through web_request_from_env (params.c: %-
 * and form decoding, bounds, UTF-8), web_search_from_request and
 * web_search_query (search_state.c), the links a page makes from them
 * (url.c), the id check (ids.c), and then the query parser and a search
 * (lib/query*.cc, answer/search.c) over a tiny real index built once in
 * a temporary folder by LLVMFuzzerInitialize and removed at exit. */
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "fuzz_common.h"
#include "ids.h"
#include "search_state.h"
#include "url.h"

/* Past WEB_MAX_QUERY_STRING everything is refused anyway; a little more
 * leaves room for the path and the language. */
#define FUZZ_MAX_INPUT (WEB_MAX_QUERY_STRING + 2048)

static char *tmp_dir;
static arkiv_db_t *db;

static void must_ok(arkiv_status_t st, const char *what)
{
    if (st != ARKIV_STATUS_OK) {
        fprintf(stderr, "fuzz_params: %s: %s (%s)\n", what, arkiv_status_string(st),
                db ? arkiv_db_last_error(db) : "");
        exit(1);
    }
}

/* One meeting with its text, council, person, case and date; `item`, when
 * not NULL, is the body of its agenda item 1 (case 13/24, with a
 * decision), after the meeting's own page, so a search can land on it. */
static void add_doc(arkiv_db_t *w, const char *id, const char *text, const char *item,
                    const char *data)
{
    arkiv_doc_t *d = NULL;
    must_ok(arkiv_doc_new(w, id, &d), "doc_new");
    must_ok(arkiv_doc_add_text(d, ARKIV_FIELD_TITLE, "Referat ASU HARMONI"), "title");
    if (item) {
        /* The decision first, the item's pages later: as the indexer
         * writes a meeting (indexer/docbuild.c). */
        must_ok(arkiv_doc_item_begin(d, 1, "13/24"), "item_begin");
        must_ok(arkiv_doc_add_text(d, ARKIV_FIELD_DECISION, "ASU godkjenner oppstart"), "decision");
        must_ok(arkiv_doc_item_end(d), "item_end");
    }
    must_ok(arkiv_doc_add_text(d, ARKIV_FIELD_BODY, text), "body");
    if (item) {
        must_ok(arkiv_doc_item_begin(d, 1, NULL), "item_begin");
        must_ok(arkiv_doc_add_text(d, ARKIV_FIELD_BODY, item), "item body");
        must_ok(arkiv_doc_item_end(d), "item_end");
    }
    must_ok(arkiv_doc_add_term(d, ARKIV_FIELD_COUNCIL, "Administrativt samarbeidsutvalg"),
            "council");
    must_ok(arkiv_doc_add_term(d, ARKIV_FIELD_PERSON, "randi sjovaeg"), "person");
    must_ok(arkiv_doc_add_term(d, ARKIV_FIELD_PRESENT, "randi sjovaeg"), "present");
    must_ok(arkiv_doc_add_term(d, ARKIV_FIELD_CASE, "13/24"), "case");
    must_ok(arkiv_doc_add_term(d, ARKIV_FIELD_KIND, "referat"), "kind");
    must_ok(arkiv_doc_add_term(d, ARKIV_FIELD_PROJECT, "harmoni"), "project");
    must_ok(arkiv_doc_set_date(d, 2024, 4, 17), "date");
    must_ok(arkiv_doc_set_data(d, data), "data");
    must_ok(arkiv_db_replace(w, d), "replace");
    arkiv_doc_free(d);
}

/* The body text: a sample file when there is one (the Makefile runs us
 * from the source tree), else a few words. */
static char *body_text(void)
{
    char *text = NULL;
    if (!g_file_get_contents("samples/text/asu-2024-04-17-referat.txt", &text, NULL, NULL) ||
        !g_utf8_validate(text, -1, NULL)) {
        g_free(text);
        text = g_strdup("Referat fra møte i ASU. Prosjekt HARMONI – oppstart. Sjøvæg legevakt.");
    }
    return text;
}

static void build_index(const char *path)
{
    arkiv_db_t *w = NULL;
    char *err = NULL;
    if (arkiv_db_open(path, ARKIV_DB_WRITABLE, &w, &err) != ARKIV_STATUS_OK) {
        fprintf(stderr, "fuzz_params: %s\n", err ? err : path);
        exit(1);
    }
    char *text = body_text();
    add_doc(w, "0123456789abcdef", text, "Sak 13/24 Prosjekt HARMONI",
            "{\"title\":\"ASU 17.04.2024\",\"kind\":\"referat\",\"date\":\"2024-04-17\","
            "\"items\":[{\"number\":\"13/24\",\"title\":\"HARMONI\",\"decision\":null}]}");
    /* Data that is no object: an item hit must not trust it either. */
    add_doc(w, "fedcba9876543210", "Eldrerådet i Storlia: legevakt og palliativ plan",
            "Sak 13/24 Palliativ plan for legevakt", "[1,2,3]");
    must_ok(arkiv_db_add_council_name(w, "Administrativt samarbeidsutvalg", "ASU"), "council name");
    must_ok(arkiv_db_add_person_name(w, "randi sjovaeg", "Randi Sjøvæg"), "person name");
    must_ok(arkiv_db_add_synonym(w, "legevakt", "lv"), "synonym");
    must_ok(arkiv_db_commit(w), "commit");
    arkiv_db_free(w);
    g_free(text);
}

static void remove_tree(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d))) {
        char *child = g_build_filename(path, name, NULL);
        if (g_file_test(child, G_FILE_TEST_IS_DIR) && !g_file_test(child, G_FILE_TEST_IS_SYMLINK))
            remove_tree(child);
        else
            g_unlink(child);
        g_free(child);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(path);
}

static void cleanup(void)
{
    arkiv_db_free(db);
    if (tmp_dir)
        remove_tree(tmp_dir);
    g_free(tmp_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    tmp_dir = g_dir_make_tmp("arkiv-fuzz-params-XXXXXX", NULL);
    fuzz_must(tmp_dir != NULL, "no temporary folder");
    atexit(cleanup);
    char *path = g_build_filename(tmp_dir, "db", NULL);
    build_index(path);
    char *err = NULL;
    if (arkiv_db_open(path, ARKIV_DB_READ_ONLY, &db, &err) != ARKIV_STATUS_OK) {
        fprintf(stderr, "fuzz_params: %s\n", err ? err : path);
        exit(1);
    }
    g_free(path);
    /* The request reads these; the input sets QUERY_STRING and the rest. */
    g_setenv("REQUEST_METHOD", "GET", TRUE);
    g_setenv("SCRIPT_NAME", "/cgi/arkiv.cgi", TRUE);
    g_setenv("HTTP_HOST", "localhost:8080", TRUE);
    return 0;
}

/* Line i of the input (NUL ends it early, as the environment would). */
static void set_env_line(const char *name, char **lines, guint i)
{
    if (i < g_strv_length(lines))
        g_setenv(name, lines[i], TRUE);
    else
        g_unsetenv(name);
}

static void check_links(const web_search_t *s, const web_request_t *r)
{
    web_search_change_t same = web_search_same(s);
    char *url = web_search_url(s, r, "", &same);
    fuzz_must(g_utf8_validate(url, -1, NULL) && !strpbrk(url, " \"<>\n"), "link not escaped");
    g_free(url);
    for (int f = 0; f < WEB_FACET_N; f++) {
        web_search_change_t c = same;
        c.toggle_facet = f;
        c.toggle_value = s->q;
        url = web_search_url(s, r, "feed", &c);
        fuzz_must(g_utf8_validate(url, -1, NULL) && !strpbrk(url, " \"<>\n"), "feed link");
        g_free(url);
    }
}

/* What page_search.c asks the index for. */
static void search(const web_search_t *s)
{
    char *query = web_search_query(s);
    fuzz_must(g_utf8_validate(query, -1, NULL), "query not UTF-8");
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.offset = s->start;
    o.limit = s->limit;
    o.sort = s->sort;
    o.snippet_mode = ARKIV_SNIPPET_HTML;
    o.hi_start = "<mark>";
    o.hi_end = "</mark>";
    JsonNode *ans = NULL;
    char *error = NULL;
    arkiv_status_t st = arkiv_answer_search(db, query, &o, &ans, &error);
    fuzz_must(st == ARKIV_STATUS_OK ? ans != NULL : ans == NULL, "answer and status disagree");
    fuzz_must(st == ARKIV_STATUS_OK || st == ARKIV_STATUS_BAD_QUERY, "search failed");
    if (ans) {
        char *text = json_to_string(ans, FALSE);
        fuzz_must(g_utf8_validate(text, -1, NULL), "answer not UTF-8");
        g_free(text);
        json_node_unref(ans);
    }
    g_free(error);
    g_free(query);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    char *input = g_strndup((const char *)data, size);
    char **lines = g_strsplit(input, "\n", 4);
    set_env_line("QUERY_STRING", lines, 0);
    set_env_line("PATH_INFO", lines, 1);
    set_env_line("HTTP_ACCEPT_LANGUAGE", lines, 2);
    web_request_t r;
    int status = 0;
    const char *why = NULL;
    if (web_request_from_env(&r, "/static", &status, &why)) {
        for (guint i = 0; i < web_params_count(r.params); i++) {
            const char *name, *value;
            web_params_nth(r.params, i, &name, &value);
            fuzz_must(g_utf8_validate(name, -1, NULL) && g_utf8_validate(value, -1, NULL), "param");
            (void)web_id_valid(value);
        }
        /* PATH_INFO need not start with '/' outside a real server. */
        const char *slash = strrchr(r.path, '/'), *last = slash ? slash + 1 : r.path;
        if (web_id_valid(last))
            fuzz_must(strlen(last) >= 16 && strlen(last) <= 23, "id length");
        web_search_t s;
        if (web_search_from_request(&s, &r, &why)) {
            fuzz_must(s.limit >= 1 && s.limit <= WEB_MAX_LIMIT && s.start <= WEB_MAX_START,
                      "bounds");
            check_links(&s, &r);
            search(&s);
        } else {
            fuzz_must(why != NULL, "refused without a reason");
        }
        web_search_clear(&s);
    } else {
        fuzz_must(why != NULL && (status == 400 || status == 405), "refused without a reason");
    }
    web_request_clear(&r);
    g_strfreev(lines);
    g_free(input);
    return 0;
}
