/* test_cli.c — end-to-end tests of the arkiv binary: a real index on disk,
 * real sample files, real processes; JSON checked with a JSON parser.
 * Usage: test_cli ARKIV_BINARY SAMPLES_DIR */
#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include "testfs.h"

static const char *arkiv_bin;
static const char *samples_dir;
static char *tmpdir, *corpus, *dbpath;

typedef struct {
    int status;
    char *out, *err;
} run_result;

static void run_free(run_result *r)
{
    g_free(r->out);
    g_free(r->err);
}

/* Run arkiv with the given arguments (NULL-terminated) and one more
 * environment variable (NAME=VALUE, or NULL) beside LC_ALL. */
static run_result run_arkiv_va(const char *env, const char *first, va_list ap)
{
    GPtrArray *argv = g_ptr_array_new();
    g_ptr_array_add(argv, (char *)arkiv_bin);
    for (const char *a = first; a; a = va_arg(ap, const char *))
        g_ptr_array_add(argv, (char *)a);
    g_ptr_array_add(argv, NULL);
    run_result r = {0};
    GError *err = NULL;
    int wait_status = 0;
    char *envp[] = {"LC_ALL=C.UTF-8", (char *)env, NULL};
    gboolean ok = g_spawn_sync(NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &err);
    ck_assert_msg(ok, "spawn: %s", err ? err->message : "");
    r.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
    g_ptr_array_free(argv, TRUE);
    return r;
}

static run_result run_arkiv(const char *first, ...)
{
    va_list ap;
    va_start(ap, first);
    run_result r = run_arkiv_va(NULL, first, ap);
    va_end(ap);
    return r;
}

static run_result run_arkiv_env(const char *env, const char *first, ...)
{
    va_list ap;
    va_start(ap, first);
    run_result r = run_arkiv_va(env, first, ap);
    va_end(ap);
    return r;
}

static void setup(void)
{
    tmpdir = g_dir_make_tmp("arkiv-cli-XXXXXX", NULL);
    ck_assert_ptr_nonnull(tmpdir);
    corpus = g_build_filename(tmpdir, "minutes", NULL);
    dbpath = g_build_filename(tmpdir, "index.db", NULL);
    char *text = g_build_filename(samples_dir, "text", NULL);
    char *pdf = g_build_filename(samples_dir, "pdf", NULL);
    char *to_text = g_build_filename(corpus, "text", NULL);
    char *to_pdf = g_build_filename(corpus, "pdf", NULL);
    testfs_copy_dir(text, to_text);
    testfs_copy_dir(pdf, to_pdf);
    g_free(text);
    g_free(pdf);
    g_free(to_text);
    g_free(to_pdf);
}

static void teardown(void)
{
    testfs_rm_rf(tmpdir);
    g_free(tmpdir);
    g_free(corpus);
    g_free(dbpath);
}

/* Parse stdout as JSON; the caller unrefs the parser. */
static JsonObject *parse_json(const char *text, JsonParser **parser)
{
    *parser = json_parser_new();
    GError *err = NULL;
    ck_assert_msg(json_parser_load_from_data(*parser, text, -1, &err), "bad JSON (%s): %s",
                  err ? err->message : "", text);
    JsonNode *root = json_parser_get_root(*parser);
    ck_assert(JSON_NODE_HOLDS_OBJECT(root));
    return json_node_get_object(root);
}

static gint64 member_int(JsonObject *o, const char *name)
{
    ck_assert_msg(json_object_has_member(o, name), "missing member %s", name);
    return json_object_get_int_member(o, name);
}

static JsonObject *index_json(int want_status, JsonParser **parser)
{
    run_result r = run_arkiv("index", "--json", "--db", dbpath, corpus, NULL);
    ck_assert_msg(r.status == want_status, "index exit %d, stderr: %s, stdout: %s", r.status, r.err,
                  r.out);
    JsonObject *o = parse_json(r.out, parser);
    run_free(&r);
    return o;
}

/* Number of hits for a query, via --json. */
static gint64 hits(const char *query)
{
    run_result r = run_arkiv("search", "--json", "--db", dbpath, query, NULL);
    ck_assert_msg(r.status == 0, "search %s: exit %d: %s", query, r.status, r.err);
    JsonParser *p;
    JsonObject *o = parse_json(r.out, &p);
    gint64 n = member_int(o, "total");
    g_object_unref(p);
    run_free(&r);
    return n;
}

/* The page of the first hit for a query, via --json; 0 for null. */
static gint64 first_page(const char *query)
{
    run_result r = run_arkiv("search", "--json", "--db", dbpath, query, NULL);
    ck_assert_int_eq(r.status, 0);
    JsonParser *p;
    JsonObject *o = parse_json(r.out, &p);
    JsonArray *res = json_object_get_array_member(o, "results");
    ck_assert_uint_ge(json_array_get_length(res), 1);
    JsonObject *h = json_array_get_object_element(res, 0);
    gint64 page =
        json_object_get_null_member(h, "page") ? 0 : json_object_get_int_member(h, "page");
    g_object_unref(p);
    run_free(&r);
    return page;
}

START_TEST(test_index_search_json_shape)
{
    JsonParser *p;
    JsonObject *rep = index_json(0, &p);
    ck_assert_int_eq(member_int(rep, "indexed"), 15); /* 10 text + 5 PDF */
    ck_assert_int_eq(member_int(rep, "failed"), 0);
    ck_assert_int_eq(member_int(rep, "format_version"), 1);
    g_object_unref(p);

    run_result r =
        run_arkiv("search", "--json", "--db", dbpath, "--limit", "2", "\"palliativ plan\"", NULL);
    ck_assert_int_eq(r.status, 0);
    JsonObject *o = parse_json(r.out, &p);
    ck_assert_int_eq(member_int(o, "format_version"), 1);
    ck_assert_str_eq(json_object_get_string_member(o, "query"), "\"palliativ plan\"");
    ck_assert_int_ge(member_int(o, "total"), 3);
    ck_assert_int_eq(member_int(o, "offset"), 0);
    ck_assert_int_eq(member_int(o, "limit"), 2);
    ck_assert(json_object_has_member(o, "facets"));
    JsonArray *res = json_object_get_array_member(o, "results");
    ck_assert_uint_eq(json_array_get_length(res), 2);
    static const char *const members[] = {"id",    "path",    "title", "kind",   "council",
                                          "date",  "item",    "page",  "parent", "collapsed",
                                          "score", "snippet", NULL};
    for (guint i = 0; i < json_array_get_length(res); i++) {
        JsonObject *h = json_array_get_object_element(res, i);
        for (const char *const *m = members; *m; m++)
            ck_assert_msg(json_object_has_member(h, *m), "hit lacks %s", *m);
        ck_assert_uint_eq(json_object_get_size(h), 12);
        ck_assert(g_str_has_prefix(json_object_get_string_member(h, "path"), corpus));
        /* The best document of a meeting may be one of its items: "<meeting id>:<n>". */
        const char *id = json_object_get_string_member(h, "id");
        const char *parent = json_object_get_string_member(h, "parent");
        if (parent && *parent) {
            ck_assert_uint_eq(strlen(parent), 16);
            ck_assert(g_str_has_prefix(id, parent) && id[16] == ':');
        } else {
            ck_assert_uint_eq(strlen(id), 16);
        }
        char *lower = g_utf8_strdown(json_object_get_string_member(h, "snippet"), -1);
        ck_assert_msg(strstr(lower, "palliativ"), "snippet: %s", lower);
        g_free(lower);
    }
    g_object_unref(p);
    run_free(&r);
}
END_TEST

START_TEST(test_finds_words_in_every_sample)
{
    JsonParser *p;
    index_json(0, &p);
    g_object_unref(p);
    ck_assert_int_eq(hits("legevaktsamarbeid"), 1);
    ck_assert_int_eq(hits("samhandlingsavvik"), 4); /* every PDF with a text layer */
    ck_assert_int_eq(hits("kvalitetsportal"), 1);
    ck_assert_int_eq(hits("tospaltetekst"), 1);
    ck_assert_int_eq(hits("nynorskprøve"), 1);
    ck_assert_int_eq(hits("metadatadato"), 1);
    ck_assert_int_eq(hits("kind:notext"), 1);
    /* Hits know their page ("side 2"), for plain and stemmed words. */
    char *pq = g_strdup_printf("koordinator path:%s/pdf/asu-2024-06-11-referat.pdf", corpus);
    ck_assert_int_eq(first_page(pq), 2);
    g_free(pq);
    pq = g_strdup_printf("samhandlingsavvik path:%s/pdf/asu-2024-06-11-referat.pdf", corpus);
    ck_assert_int_eq(first_page(pq), 1);
    g_free(pq);
    pq = g_strdup_printf("styringsgruppen path:%s/pdf/asu-2024-06-11-referat.pdf", corpus);
    ck_assert_int_eq(first_page(pq), 2); /* stem of "styringsgruppa" */
    g_free(pq);
    /* Diacritic-insensitive: folded spellings find the name, exact only exact. */
    gint64 exact = hits("Sjøvæg");
    ck_assert_int_ge(exact, 1);
    ck_assert_int_eq(hits("Sjovaeg"), exact);
    ck_assert_int_eq(hits("Sjoevaeg"), exact);
    ck_assert_int_eq(hits("Sjoveg"), exact);
    ck_assert_int_eq(hits("Trondelag"), hits("Trøndelag"));
    /* Line-end hyphenation in the PDF, "Inn-\nTrøndelag" kept whole. */
    ck_assert_int_ge(hits("redegjorde"), 1);
    ck_assert_int_ge(hits("\"Inn-Trøndelag\""), 1);
    /* A phrase split over a line break (text) and over a page break (PDF). */
    char *q = g_strdup_printf(
        "\"palliativ plan\" path:%s/text/felles-fagrad-2025-01-29-referat.txt", corpus);
    ck_assert_int_eq(hits(q), 1);
    g_free(q);
    q = g_strdup_printf("\"palliativ plan\" path:%s/pdf/asu-2024-06-11-referat.pdf", corpus);
    ck_assert_int_eq(hits(q), 1);
    g_free(q);
}
END_TEST

/* The longest plain word of a text file, to prove every file is searchable. */
static char *longest_word(const char *path)
{
    char *data = NULL;
    ck_assert(g_file_get_contents(path, &data, NULL, NULL));
    char **words = g_regex_split_simple("[^[:alpha:]]+", data, G_REGEX_RAW, 0);
    const char *best = "";
    for (char **w = words; *w; w++)
        if (strlen(*w) > strlen(best) && strlen(*w) < 40)
            best = *w;
    char *out = g_strdup(best);
    g_strfreev(words);
    g_free(data);
    return out;
}

START_TEST(test_every_text_sample_is_searchable)
{
    JsonParser *p;
    index_json(0, &p);
    g_object_unref(p);
    char *dir = g_build_filename(corpus, "text", NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    ck_assert_ptr_nonnull(d);
    const char *name;
    int n = 0;
    while ((name = g_dir_read_name(d))) {
        char *path = g_build_filename(dir, name, NULL);
        char *word = longest_word(path);
        char *q = g_strdup_printf("%s path:%s", word, path);
        ck_assert_msg(hits(q) == 1, "not found: %s", q);
        g_free(q);
        g_free(word);
        g_free(path);
        n++;
    }
    ck_assert_int_eq(n, 10);
    g_dir_close(d);
    g_free(dir);
}
END_TEST

START_TEST(test_rerun_modify_delete)
{
    JsonParser *p;
    index_json(0, &p);
    g_object_unref(p);
    JsonObject *rep = index_json(0, &p);
    ck_assert_int_eq(member_int(rep, "indexed"), 0);
    ck_assert_int_eq(member_int(rep, "unchanged"), 15);
    g_object_unref(p);

    char *changed = g_build_filename(corpus, "text", "asu-2024-04-17-referat.txt", NULL);
    char *data = NULL;
    ck_assert(g_file_get_contents(changed, &data, NULL, NULL));
    char *more = g_strconcat(data, "\nTilleggsord: sebrafinke.\n", NULL);
    ck_assert(g_file_set_contents(changed, more, -1, NULL));
    struct utimbuf later = {2000000000, 2000000000}; /* mtime surely differs */
    ck_assert_int_eq(utime(changed, &later), 0);
    rep = index_json(0, &p);
    ck_assert_int_eq(member_int(rep, "indexed"), 1);
    ck_assert_int_eq(member_int(rep, "unchanged"), 14);
    g_object_unref(p);
    ck_assert_int_eq(hits("sebrafinke"), 1);

    char *gone = g_build_filename(corpus, "text", "fls-2025-04-24-referat.txt", NULL);
    ck_assert_int_eq(g_unlink(gone), 0);
    rep = index_json(0, &p);
    ck_assert_int_eq(member_int(rep, "removed"), 1);
    g_object_unref(p);
    ck_assert_int_eq(hits("legevaktsamarbeid"), 0);
    ck_assert_int_eq(hits(""), 14);
    g_free(changed);
    g_free(data);
    g_free(more);
    g_free(gone);
}
END_TEST

START_TEST(test_usage_errors_and_help)
{
    static const char *const cmds[] = {"index", "search", NULL};
    for (const char *const *c = cmds; *c; c++) {
        run_result r = run_arkiv(*c, "--help", NULL);
        ck_assert_int_eq(r.status, 0);
        ck_assert_msg(strstr(r.out, "Usage:"), "%s --help: %s", *c, r.out);
        run_free(&r);
    }
    run_result r = run_arkiv("--help", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert(strstr(r.out, "index") && strstr(r.out, "search"));
    run_free(&r);
    r = run_arkiv("nosuch", NULL);
    ck_assert_int_eq(r.status, 2);
    run_free(&r);
    r = run_arkiv("index", "--db", dbpath, NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert(strstr(r.err, "no PATH"));
    run_free(&r);
    r = run_arkiv("search", "--sort", "sideways", "x", NULL);
    ck_assert_int_eq(r.status, 2);
    run_free(&r);
    r = run_arkiv("search", "--db", dbpath, "x", NULL);
    ck_assert_int_eq(r.status, 1);
    ck_assert_msg(strstr(r.err, "no index at"), "%s", r.err);
    run_free(&r);
    r = run_arkiv("index", "--db", dbpath, "/nonexistent/minutes", NULL);
    ck_assert_int_eq(r.status, 1);
    ck_assert_msg(strstr(r.err, "/nonexistent/minutes"), "%s", r.err);
    run_free(&r);
    JsonParser *p;
    index_json(0, &p);
    g_object_unref(p);
    r = run_arkiv("search", "--db", dbpath, "date:soon..later", NULL);
    ck_assert_int_eq(r.status, 2);
    ck_assert_msg(strstr(r.err, "date:"), "%s", r.err);
    run_free(&r);
}
END_TEST

START_TEST(test_text_output_is_plain_when_piped)
{
    JsonParser *p;
    index_json(0, &p);
    g_object_unref(p);
    run_result r = run_arkiv("search", "--db", dbpath, "legevaktsamarbeid", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.out, "fls-2025-04-24-referat.txt"), "%s", r.out);
    ck_assert_msg(strstr(r.out, "  1. "), "%s", r.out);
    ck_assert_ptr_null(strchr(r.out, '\033'));
    run_free(&r);
    r = run_arkiv("search", "--db", dbpath, "ordsomikkefinnes", NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert(strstr(r.out, "No matches"));
    run_free(&r);
}
END_TEST

/* ---- broken and awkward inputs, made here by the test ---- */

static char *bad_path(const char *name)
{
    return g_build_filename(corpus, "bad", name, NULL);
}

static void write_bytes(const char *name, const void *data, gsize len)
{
    char *p = bad_path(name);
    ck_assert(g_file_set_contents(p, data, (gssize)len, NULL));
    g_free(p);
}

static void run_qpdf(const char *user_pw, const char *in, const char *out_name)
{
    char *out = bad_path(out_name);
    char *argv[] = {"qpdf", "--encrypt", (char *)user_pw, "eierpassord", "256", "--", (char *)in,
                    out,    NULL};
    int status = 0;
    GError *err = NULL;
    ck_assert_msg(
        g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &err),
        "qpdf: %s", err ? err->message : "");
    ck_assert_int_eq(status, 0);
    g_free(out);
}

static void make_bad_corpus(void)
{
    char *dir = g_build_filename(corpus, "bad", NULL);
    g_mkdir_with_parents(dir, 0755);
    g_free(dir);
    char *pdf_path = g_build_filename(corpus, "pdf", "asu-2024-06-11-referat.pdf", NULL);
    char *pdf = NULL;
    gsize pdf_len = 0;
    ck_assert(g_file_get_contents(pdf_path, &pdf, &pdf_len, NULL));

    write_bytes("tom.txt", "", 0);
    GRand *rnd = g_rand_new_with_seed(42);
    guchar noise[4096];
    for (gsize i = 0; i < sizeof noise; i++)
        noise[i] = (guchar)g_rand_int_range(rnd, 0, 256);
    write_bytes("tilfeldig.pdf", noise, sizeof noise);
    static const gsize cuts[] = {10, 100, 1000, 4000};
    for (gsize i = 0; i < G_N_ELEMENTS(cuts); i++) {
        char *name = g_strdup_printf("avkuttet-%zu.pdf", cuts[i]);
        write_bytes(name, pdf, MIN(cuts[i], pdf_len));
        g_free(name);
    }
    char *flipped = g_memdup2(pdf, pdf_len);
    for (int i = 0; i < 40; i++)
        flipped[g_rand_int_range(rnd, 0, (gint32)pdf_len)] ^=
            (char)(1 << g_rand_int_range(rnd, 0, 8));
    write_bytes("bitfeil.pdf", flipped, pdf_len);
    static const guchar png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0,    0, 0, 13,
                                 'I',  'H', 'D', 'R', 0,    0,    0,    1,    0,    0, 0, 1,
                                 8,    6,   0,   0,   0,    0x1f, 0x15, 0xc4, 0x89, 0, 0, 0,
                                 0,    'I', 'E', 'N', 'D',  0xae, 0x42, 0x60, 0x82};
    write_bytes("bilde.txt", png, sizeof png);
    write_bytes("feilnavn.txt", pdf, pdf_len); /* a PDF named .txt */
    /* cp1252: "Særskilt møte på Ørland kodetabellord" */
    static const char cp1252[] = "Referat\r\nS\xe6rskilt m\xf8te p\xe5 \xd8rland kodetabellord\r\n";
    write_bytes("gammel-windows.txt", cp1252, sizeof cp1252 - 1);
    static const char utf16[] = "\xff\xfeR\0e\0f\0 \0t\0e\0k\0s\0t\0u\0t\0f\0 \0\xf8\0y\0\n\0";
    write_bytes("utf16.txt", utf16, sizeof utf16 - 1);
    write_bytes("utenendelse", "Referat\nOrdet utenendelsesord står her.\n", 40);
    run_qpdf("brukerpassord", pdf_path, "kryptert-bruker.pdf");
    run_qpdf("", pdf_path, "kryptert-eier.pdf");
    g_rand_free(rnd);
    g_free(flipped);
    g_free(pdf);
    g_free(pdf_path);
}

static const char *outcome_of(JsonObject *rep, const char *name)
{
    JsonArray *probs = json_object_get_array_member(rep, "problems");
    for (guint i = 0; i < json_array_get_length(probs); i++) {
        JsonObject *pr = json_array_get_object_element(probs, i);
        if (g_str_has_suffix(json_object_get_string_member(pr, "path"), name))
            return json_object_get_string_member(pr, "outcome");
    }
    return NULL;
}

START_TEST(test_bad_inputs_are_reported_and_skipped)
{
    make_bad_corpus();
    JsonParser *p;
    JsonObject *rep = index_json(3, &p); /* some failed, index good */
    ck_assert_str_eq(outcome_of(rep, "kryptert-bruker.pdf"), "encrypted");
    ck_assert_ptr_null(outcome_of(rep, "kryptert-eier.pdf")); /* readable */
    ck_assert_str_eq(outcome_of(rep, "tilfeldig.pdf"), "unsupported");
    ck_assert_str_eq(outcome_of(rep, "bilde.txt"), "unsupported");
    ck_assert_str_eq(outcome_of(rep, "tom.txt"), "empty");
    ck_assert_int_ge(member_int(rep, "skipped"), 3); /* empty, noise, PNG */
    ck_assert_ptr_null(outcome_of(rep, "feilnavn.txt"));
    ck_assert_str_eq(outcome_of(rep, "avkuttet-10.pdf"), "damaged");
    JsonArray *probs = json_object_get_array_member(rep, "problems");
    for (guint i = 0; i < json_array_get_length(probs); i++) {
        const char *o =
            json_object_get_string_member(json_array_get_object_element(probs, i), "outcome");
        ck_assert_msg(strcmp(o, "crashed") != 0 && strcmp(o, "timeout") != 0, "outcome %s", o);
    }
    gint64 indexed = member_int(rep, "indexed");
    JsonObject *outs = json_object_get_object_member(rep, "outcomes");
    ck_assert_int_eq(json_object_get_int_member(outs, "unsupported"), 2);
    ck_assert_int_eq(json_object_get_int_member(outs, "empty"), 1);
    g_object_unref(p);

    ck_assert_int_eq(hits(""), indexed); /* exactly the good ones */
    ck_assert_int_eq(hits("kodetabellord"), 1);
    ck_assert_int_eq(hits("Ørland kodetabellord"), 1);
    ck_assert_int_eq(hits("tekstutf"), 1);
    ck_assert_int_eq(hits("utenendelsesord"), 1);
    ck_assert_int_ge(hits("kvalitetsportal"), 3); /* original, .txt name, owner-only */
    ck_assert_int_eq(hits("encoding:windows-1252"), 1);

    /* Unchanged failures are remembered, not retried. */
    rep = index_json(0, &p);
    ck_assert_int_eq(member_int(rep, "indexed"), 0);
    gint64 failed_before = member_int(rep, "failed_before");
    ck_assert_int_ge(failed_before, 1);
    g_object_unref(p);
    /* ...unless asked: then they fail again and are reported again. */
    run_result r = run_arkiv("index", "--json", "--retry-failed", "--db", dbpath, corpus, NULL);
    ck_assert_int_eq(r.status, 3);
    rep = parse_json(r.out, &p);
    ck_assert_str_eq(outcome_of(rep, "kryptert-bruker.pdf"), "encrypted");
    ck_assert_int_eq(member_int(rep, "failed_before"), 0);
    g_object_unref(p);
    run_free(&r);
}
END_TEST

/* poppler-glib is loaded at the first PDF: without it, each PDF is
 * reported (naming the library) and skipped, the text files are indexed,
 * and a later run with the library reads the PDFs on --retry-failed. */
START_TEST(test_pdf_library_missing)
{
    run_result r = run_arkiv_env("ARKIV_POPPLER_LIBRARY=/nonexistent/libpoppler-glib.so.8", "index",
                                 "--json", "--db", dbpath, corpus, NULL);
    ck_assert_msg(r.status == 3, "index exit %d, stderr: %s", r.status, r.err);
    JsonParser *p;
    JsonObject *rep = parse_json(r.out, &p);
    JsonArray *probs = json_object_get_array_member(rep, "problems");
    guint pdfs = 0;
    for (guint i = 0; i < json_array_get_length(probs); i++) {
        JsonObject *pr = json_array_get_object_element(probs, i);
        ck_assert(g_str_has_suffix(json_object_get_string_member(pr, "path"), ".pdf"));
        ck_assert_str_eq(json_object_get_string_member(pr, "outcome"), "io");
        ck_assert_msg(strstr(json_object_get_string_member(pr, "reason"),
                             "/nonexistent/libpoppler-glib.so.8"),
                      "reason: %s", json_object_get_string_member(pr, "reason"));
        pdfs++;
    }
    ck_assert_uint_ge(pdfs, 3);
    gint64 indexed = member_int(rep, "indexed");
    ck_assert_int_ge(indexed, 3);
    g_object_unref(p);
    run_free(&r);
    ck_assert_int_eq(hits(""), indexed);

    r = run_arkiv("index", "--json", "--retry-failed", "--db", dbpath, corpus, NULL);
    ck_assert_msg(r.status == 0, "index exit %d, stderr: %s", r.status, r.err);
    rep = parse_json(r.out, &p);
    ck_assert_int_eq(member_int(rep, "indexed"), pdfs);
    g_object_unref(p);
    run_free(&r);
    ck_assert_int_eq(hits(""), indexed + (gint64)pdfs);
}
END_TEST

/* The first hit's string member (council, date, kind), or NULL. */
static char *first_member(const char *query, const char *name)
{
    run_result r = run_arkiv("search", "--json", "--db", dbpath, query, NULL);
    ck_assert_int_eq(r.status, 0);
    JsonParser *p;
    JsonObject *o = parse_json(r.out, &p);
    JsonArray *res = json_object_get_array_member(o, "results");
    ck_assert_msg(json_array_get_length(res) >= 1, "no hit for %s", query);
    JsonObject *h = json_array_get_object_element(res, 0);
    char *v = json_object_get_null_member(h, name)
                  ? NULL
                  : g_strdup(json_object_get_string_member(h, name));
    g_object_unref(p);
    run_free(&r);
    return v;
}

static void assert_first(const char *query, const char *name, const char *want)
{
    char *got = first_member(query, name);
    ck_assert_msg(g_strcmp0(got, want) == 0, "%s: %s is %s, want %s", query, name,
                  got ? got : "null", want);
    g_free(got);
}

/* The sample minutes come out with their structure as search fields. */
START_TEST(test_entities_are_searchable)
{
    JsonParser *p;
    index_json(0, &p);
    g_object_unref(p);
    ck_assert_int_ge(hits("council:\"administrativt samarbeidsutvalg\""), 3);
    /* The fictional FPS chair is at many of the sample meetings. */
    ck_assert_int_ge(hits("present:\"randi sjovaeg\""), 5);
    ck_assert_int_eq(hits("absent:\"roar liavag\""), 1);
    ck_assert_int_eq(hits("present:\"roar liavag\" absent:\"roar liavag\""), 0);
    ck_assert_int_ge(hits("role:chair"), 5);
    ck_assert_int_ge(hits("role:\"secretary:sunniva haugronning\""), 1);
    ck_assert_int_eq(hits("role:\"chair:sunniva haugronning\""), 0);
    ck_assert_int_ge(hits("case:09/24"), 1);
    ck_assert_int_ge(hits("project:harmoni"), 1);
    ck_assert_int_ge(hits("decision:arbeidsgruppe"), 1);
    ck_assert_int_ge(hits("kind:protokoll"), 2);
    ck_assert_int_eq(hits("org:usht present:\"heidi torrissen\""), 1);
    ck_assert_int_ge(hits("date:2024-06-01..2024-06-30"), 1);
    const char *q = "role:\"secretary:sunniva haugronning\" mime:text/plain";
    assert_first(q, "council", "Fagråd for pasientsamarbeid");
    assert_first(q, "date", "2024-06-11");
    assert_first(q, "kind", "referat");
}
END_TEST

/* Index the corpus into a new index at db with --jobs jobs, plus extra
 * options (NULL or one option). */
static void index_with_jobs(const char *db, const char *jobs, const char *extra)
{
    run_result r = run_arkiv("index", "-q", "--jobs", jobs, "--db", db, corpus, extra, NULL);
    ck_assert_msg(r.status == 0, "index --jobs %s: exit %d: %s", jobs, r.status, r.err);
    run_free(&r);
}

/* Search db and return every hit as JSON text keyed by document id (a
 * table the caller unrefs), and the facets as JSON text (g_free).  Hits
 * leave out their snippet: Xapian picks it with statistics that depend on
 * the order documents were added in, which differs with --jobs although
 * the index holds the same. */
static GHashTable *hits_by_id(const char *db, const char *query, char **facets_out)
{
    run_result r = run_arkiv("search", "--json", "--limit", "100000", "--db", db, query, NULL);
    ck_assert_msg(r.status == 0, "search %s: exit %d: %s", query, r.status, r.err);
    JsonParser *p;
    JsonObject *o = parse_json(r.out, &p);
    JsonArray *res = json_object_get_array_member(o, "results");
    GHashTable *hits = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < json_array_get_length(res); i++) {
        JsonNode *n = json_array_get_element(res, i);
        JsonObject *hit = json_node_get_object(n);
        const char *id = json_object_get_string_member(hit, "id");
        ck_assert_msg(!g_hash_table_contains(hits, id), "id %s twice", id);
        json_object_remove_member(hit, "snippet");
        g_hash_table_insert(hits, g_strdup(id), json_to_string(n, FALSE));
    }
    *facets_out = json_to_string(json_object_get_member(o, "facets"), FALSE);
    g_object_unref(p);
    run_free(&r);
    return hits;
}

/* The same hits per id and the same facets from both indexes. */
static void assert_same_search(const char *db1, const char *db2, const char *query)
{
    char *facets1, *facets2;
    GHashTable *a = hits_by_id(db1, query, &facets1), *b = hits_by_id(db2, query, &facets2);
    ck_assert_msg(g_hash_table_size(a) == g_hash_table_size(b), "%s: %u hits, then %u", query,
                  g_hash_table_size(a), g_hash_table_size(b));
    GHashTableIter it;
    gpointer id, hit;
    g_hash_table_iter_init(&it, a);
    while (g_hash_table_iter_next(&it, &id, &hit)) {
        const char *other = g_hash_table_lookup(b, id);
        ck_assert_msg(other != NULL, "%s: %s missing", query, (char *)id);
        ck_assert_msg(strcmp(hit, other) == 0, "%s: %s differs:\n%s\n%s", query, (char *)id,
                      (char *)hit, other);
    }
    ck_assert_msg(strcmp(facets1, facets2) == 0, "%s: facets differ:\n%s\n%s", query, facets1,
                  facets2);
    g_hash_table_unref(a);
    g_hash_table_unref(b);
    g_free(facets1);
    g_free(facets2);
}

/* Values of one facet over the whole index (g_strfreev). */
static char **facet_values(const char *db, const char *facet)
{
    run_result r = run_arkiv("search", "--json", "--db", db, "", NULL);
    ck_assert_int_eq(r.status, 0);
    JsonParser *p;
    JsonObject *o = parse_json(r.out, &p);
    JsonObject *f =
        json_object_get_object_member(json_object_get_object_member(o, "facets"), facet);
    GList *names = json_object_get_members(f);
    GStrvBuilder *b = g_strv_builder_new();
    for (GList *l = names; l; l = l->next)
        g_strv_builder_add(b, l->data);
    char **values = g_strv_builder_end(b);
    g_strv_builder_unref(b);
    g_list_free(names);
    g_object_unref(p);
    run_free(&r);
    return values;
}

/* Text is normalised and tagged in the extraction workers, so what each
 * worker gets must not matter: one worker and two give the same index, as
 * far as search shows it (every meeting, every item level hit, and each
 * council's and person's meetings). */
/* Both indexes answer alike: every meeting, every item level hit, and
 * each council's and person's meetings. */
static void assert_same_index(const char *db1, const char *db2)
{
    assert_same_search(db1, db2, "");
    assert_same_search(db1, db2, "level:item");
    static const char *const facets[] = {"council", "person"};
    for (gsize f = 0; f < G_N_ELEMENTS(facets); f++) {
        char **values = facet_values(db1, facets[f]);
        ck_assert_msg(values[0] != NULL, "no %s facet", facets[f]);
        for (char **v = values; *v; v++) {
            char *q = g_strdup_printf("%s:\"%s\"", facets[f], *v);
            assert_same_search(db1, db2, q);
            g_free(q);
        }
        g_strfreev(values);
    }
}

START_TEST(test_jobs_do_not_change_the_index)
{
    char *db1 = g_build_filename(tmpdir, "jobs1.db", NULL);
    char *db2 = g_build_filename(tmpdir, "jobs2.db", NULL);
    index_with_jobs(db1, "1", NULL);
    index_with_jobs(db2, "2", NULL);
    assert_same_index(db1, db2);
    g_free(db1);
    g_free(db2);
}
END_TEST

/* The id of the one meeting document of a file, by its path. */
static char *id_of_path(const char *db, const char *path)
{
    char *q = g_strdup_printf("path:\"%s\"", path);
    run_result r = run_arkiv("search", "--json", "--db", db, q, NULL);
    ck_assert_msg(r.status == 0, "search %s: %s", q, r.err);
    JsonParser *p;
    JsonObject *o = parse_json(r.out, &p);
    ck_assert_int_eq(member_int(o, "total"), 1);
    JsonArray *res = json_object_get_array_member(o, "results");
    char *id = g_strdup(json_object_get_string_member(json_array_get_object_element(res, 0), "id"));
    g_object_unref(p);
    run_free(&r);
    g_free(q);
    return id;
}

static void move_file(const char *from_rel, const char *to_rel)
{
    char *from = g_build_filename(corpus, from_rel, NULL),
         *to = g_build_filename(corpus, to_rel, NULL);
    char *dir = g_path_get_dirname(to);
    ck_assert_int_eq(g_mkdir_with_parents(dir, 0755), 0);
    ck_assert_msg(g_rename(from, to) == 0, "rename %s", from);
    g_free(from);
    g_free(to);
    g_free(dir);
}

/* A moved or renamed file is re-filed, not read again, and the index is
 * then the one a fresh run over the new tree makes: same ids, paths,
 * items, entities and positions (a phrase inside a moved item). */
START_TEST(test_moved_files_are_refiled)
{
    JsonParser *p;
    index_json(0, &p);
    g_object_unref(p);
    move_file("text/asu-2024-04-17-referat.txt", "arkiv/2024/asu-april.txt");
    move_file("pdf/asu-2024-06-11-referat.pdf", "arkiv/2024/asu-2024-06-11-referat.pdf");
    JsonObject *rep = index_json(0, &p);
    ck_assert_int_eq(member_int(rep, "moved"), 2);
    ck_assert_int_eq(member_int(rep, "indexed"), 0);
    ck_assert_int_eq(member_int(rep, "removed"), 0);
    g_object_unref(p);
    ck_assert_int_eq(hits("\"kompetansegruppa tiltaksplan\" level:item"), 1);
    char *moved = g_build_filename(corpus, "arkiv", "2024", "asu-april.txt", NULL);
    char *id = id_of_path(dbpath, moved);
    char *fresh = g_build_filename(tmpdir, "fresh.db", NULL);
    index_with_jobs(fresh, "2", NULL);
    assert_same_index(dbpath, fresh);
    run_result a = run_arkiv("show", "--json", "--db", dbpath, id, NULL);
    run_result b = run_arkiv("show", "--json", "--db", fresh, id, NULL);
    ck_assert_int_eq(a.status, 0);
    ck_assert_str_eq(a.out, b.out);
    rep = index_json(0, &p);
    ck_assert_int_eq(member_int(rep, "moved"), 0);
    ck_assert_int_eq(member_int(rep, "unchanged"), 15);
    g_object_unref(p);
    run_free(&a);
    run_free(&b);
    g_free(moved);
    g_free(id);
    g_free(fresh);
}
END_TEST

/* New content under the old size and mtime escapes the quick check;
 * --verify compares content hashes and finds it. */
START_TEST(test_verify_finds_content_changes)
{
    JsonParser *p;
    index_json(0, &p);
    g_object_unref(p);
    char *f = g_build_filename(corpus, "text", "fps-2023-09-19-referat.txt", NULL);
    struct stat st;
    ck_assert_int_eq(g_stat(f, &st), 0);
    char *data = NULL;
    ck_assert(g_file_get_contents(f, &data, NULL, NULL));
    char *at = strstr(data, "Fagråd");
    ck_assert_ptr_nonnull(at);
    memcpy(at, "Fagrød", strlen("Fagrød")); /* same length in UTF-8 */
    ck_assert(g_file_set_contents(f, data, -1, NULL));
    struct utimbuf old = {st.st_atime, st.st_mtime};
    ck_assert_int_eq(utime(f, &old), 0);
    JsonObject *rep = index_json(0, &p);
    ck_assert_int_eq(member_int(rep, "indexed"), 0);
    g_object_unref(p);
    ck_assert_int_eq(hits("fagrød"), 0);
    run_result r = run_arkiv("index", "--json", "--verify", "--db", dbpath, corpus, NULL);
    ck_assert_msg(r.status == 0, "index --verify: %s", r.err);
    rep = parse_json(r.out, &p);
    ck_assert_int_eq(member_int(rep, "indexed"), 1);
    ck_assert_int_eq(member_int(rep, "verify_changed"), 1);
    ck_assert_int_eq(member_int(rep, "unchanged"), 14);
    g_object_unref(p);
    run_free(&r);
    ck_assert_int_eq(hits("fagrød"), 1);
    g_free(f);
    g_free(data);
}
END_TEST

/* Commits come after so many files or so much text, whichever first:
 * three files of 600 kB with --batch-mb 1 make two commits, the one
 * after the second file and the last. */
START_TEST(test_batches_by_text_size)
{
    char *big = g_build_filename(tmpdir, "big", NULL);
    ck_assert_int_eq(g_mkdir_with_parents(big, 0755), 0);
    GString *text = g_string_new("Referat fra møte i Eldrerådet\n");
    while (text->len < 600 * 1024)
        g_string_append(text, "Eldrerådet drøftet budsjettet for omsorgstjenesten. ");
    for (int i = 0; i < 3; i++) {
        char name[32];
        g_snprintf(name, sizeof name, "stor-%d.txt", i);
        char *path = g_build_filename(big, name, NULL);
        ck_assert(g_file_set_contents(path, text->str, (gssize)text->len, NULL));
        g_free(path);
    }
    run_result r =
        run_arkiv("index", "--json", "--jobs", "1", "--batch-mb", "1", "--db", dbpath, big, NULL);
    ck_assert_msg(r.status == 0, "index: %s", r.err);
    JsonParser *p;
    JsonObject *rep = parse_json(r.out, &p);
    ck_assert_int_eq(member_int(rep, "indexed"), 3);
    ck_assert_int_eq(member_int(rep, "commits"), 2);
    g_object_unref(p);
    run_free(&r);
    g_string_free(text, TRUE);
    g_free(big);
}
END_TEST

/* --no-tagging still indexes the text, and finds no entities. */
START_TEST(test_no_tagging_skips_entities)
{
    index_with_jobs(dbpath, "2", "--no-tagging");
    ck_assert_int_eq(hits(""), 15);
    ck_assert_int_ge(hits("palliativ"), 1);
    ck_assert_int_eq(hits("role:chair"), 0);
    ck_assert_int_eq(hits("level:item"), 0);
    ck_assert_int_eq(hits("council:\"administrativt samarbeidsutvalg\""), 0);
}
END_TEST

/* Bad data files stop the run before the index is touched; changed data
 * files are reported until --rebuild. */
START_TEST(test_data_files)
{
    char *data = g_build_filename(tmpdir, "data", NULL);
    run_result r = run_arkiv("index", "--data", data, "--db", dbpath, corpus, NULL);
    ck_assert_int_eq(r.status, 1);
    ck_assert_msg(strstr(r.err, "councils.ini") != NULL, "%s", r.err);
    ck_assert(!g_file_test(dbpath, G_FILE_TEST_EXISTS));
    run_free(&r);

    testfs_copy_dir("data", data);
    char *councils = g_build_filename(data, "councils.ini", NULL);
    ck_assert(g_file_set_contents(councils, "[Kommunestyret\n", -1, NULL));
    r = run_arkiv("index", "--data", data, "--db", dbpath, corpus, NULL);
    ck_assert_int_eq(r.status, 1);
    ck_assert_msg(strstr(r.err, "councils.ini") != NULL, "%s", r.err);
    ck_assert(!g_file_test(dbpath, G_FILE_TEST_EXISTS));
    run_free(&r);

    /* A gazetteer of one council: the fagråd minutes keep the name their
     * header gives, and a changed gazetteer is reported. */
    ck_assert(g_file_set_contents(councils, "[Kontrollutvalget]\n", -1, NULL));
    r = run_arkiv("index", "-q", "--data", data, "--db", dbpath, corpus, NULL);
    ck_assert_msg(r.status == 0, "%s", r.err);
    run_free(&r);
    /* Not in this gazetteer: "Referat fra møte i ASU" keeps the header's "ASU". */
    ck_assert_int_ge(hits("council:asu"), 1);
    ck_assert(g_file_set_contents(councils, "[Administrativt samarbeidsutvalg]\nacronyms=ASU\n", -1,
                                  NULL));
    r = run_arkiv("index", "--data", data, "--db", dbpath, corpus, NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.err, "changed since") != NULL, "%s", r.err);
    run_free(&r);
    r = run_arkiv("index", "--rebuild", "--data", data, "--db", dbpath, corpus, NULL);
    ck_assert_int_eq(r.status, 0);
    ck_assert_msg(strstr(r.err, "changed since") == NULL, "%s", r.err);
    run_free(&r);
    /* The gazetteer's names are stored in the index: the acronym now
     * finds the council's canonical name. */
    ck_assert_int_ge(hits("council:\"administrativt samarbeidsutvalg\""), 3);
    ck_assert_int_eq(hits("council:asu"), hits("council:\"administrativt samarbeidsutvalg\""));

    /* The data files are parsed only when a file must be read: a re-run
     * that reads none only says they changed; one that must read a file
     * stops at the bad file, and the index keeps what it had. */
    ck_assert(g_file_set_contents(councils, "[Kommunestyret\n", -1, NULL));
    r = run_arkiv("index", "--data", data, "--db", dbpath, corpus, NULL);
    ck_assert_msg(r.status == 0, "%s", r.err);
    ck_assert_msg(strstr(r.err, "changed since") != NULL, "%s", r.err);
    run_free(&r);
    char *changed = g_build_filename(corpus, "text", "endret.txt", NULL);
    ck_assert(
        g_file_set_contents(changed, "Referat fra møte i Eldrerådet 3. mars 2025\n", -1, NULL));
    gint64 before = hits("");
    r = run_arkiv("index", "--data", data, "--db", dbpath, corpus, NULL);
    ck_assert_int_eq(r.status, 1);
    ck_assert_msg(strstr(r.err, "councils.ini") != NULL, "%s", r.err);
    run_free(&r);
    ck_assert_int_eq(hits(""), before);
    g_free(changed);
    g_free(councils);
    g_free(data);
}
END_TEST

/* An index written when agenda items were documents of their own, each
 * with an "XP" term naming its meeting, is refused until --rebuild, which
 * drops them. No arkiv call writes such a document any more; Omega's
 * scriptindex (xapian-omega, a dependency of the benchmarks) makes one. */
START_TEST(test_old_item_layout_needs_rebuild)
{
    run_result r = run_arkiv("index", "-q", "--db", dbpath, corpus, NULL);
    ck_assert_msg(r.status == 0, "index: %s", r.err);
    run_free(&r);
    char *script = g_build_filename(tmpdir, "old.script", NULL);
    char *input = g_build_filename(tmpdir, "old.input", NULL);
    ck_assert(g_file_set_contents(
        script, "id : boolean=Q unique=Q\nparent : boolean=XP\ntext : index\n", -1, NULL));
    ck_assert(g_file_set_contents(input, "id=olditem\nparent=0123456789abcdef\ntext=zzgammelsak\n",
                                  -1, NULL));
    char *argv[] = {"scriptindex", dbpath, script, input, NULL};
    int wait_status = 0;
    GError *err = NULL;
    ck_assert_msg(g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &wait_status, &err),
                  "scriptindex: %s", err ? err->message : "");
    ck_assert_msg(g_spawn_check_wait_status(wait_status, NULL), "scriptindex failed");
    ck_assert_int_eq(hits("zzgammelsak"), 1);

    r = run_arkiv("index", "-q", "--db", dbpath, corpus, NULL);
    ck_assert_int_eq(r.status, 1);
    ck_assert_msg(strstr(r.err, "was written by an older arkiv (agenda items as 1 documents") &&
                      strstr(r.err, "--rebuild"),
                  "stderr: %s", r.err);
    run_free(&r);
    ck_assert_int_eq(hits("zzgammelsak"), 1); /* refused: nothing changed */

    r = run_arkiv("index", "-q", "--rebuild", "--db", dbpath, corpus, NULL);
    ck_assert_msg(r.status == 0, "rebuild: %s", r.err);
    run_free(&r);
    ck_assert_int_eq(hits("zzgammelsak"), 0);
    r = run_arkiv("index", "-q", "--db", dbpath, corpus, NULL);
    ck_assert_msg(r.status == 0, "index after rebuild: %s", r.err);
    run_free(&r);
    g_free(script);
    g_free(input);
}
END_TEST

static Suite *cli_suite(void)
{
    Suite *s = suite_create("arkiv-cli");
    TCase *tc = tcase_create("cli");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_index_search_json_shape);
    tcase_add_test(tc, test_finds_words_in_every_sample);
    tcase_add_test(tc, test_every_text_sample_is_searchable);
    tcase_add_test(tc, test_rerun_modify_delete);
    tcase_add_test(tc, test_usage_errors_and_help);
    tcase_add_test(tc, test_text_output_is_plain_when_piped);
    tcase_add_test(tc, test_bad_inputs_are_reported_and_skipped);
    tcase_add_test(tc, test_pdf_library_missing);
    tcase_add_test(tc, test_entities_are_searchable);
    tcase_add_test(tc, test_data_files);
    tcase_add_test(tc, test_jobs_do_not_change_the_index);
    tcase_add_test(tc, test_old_item_layout_needs_rebuild);
    tcase_add_test(tc, test_moved_files_are_refiled);
    tcase_add_test(tc, test_verify_finds_content_changes);
    tcase_add_test(tc, test_batches_by_text_size);
    tcase_add_test(tc, test_no_tagging_skips_entities);
    suite_add_tcase(s, tc);
    return s;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s ARKIV_BINARY SAMPLES_DIR\n", argv[0]);
        return 2;
    }
    arkiv_bin = argv[1];
    samples_dir = argv[2];
    SRunner *sr = srunner_create(cli_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
