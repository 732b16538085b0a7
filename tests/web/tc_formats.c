/* tc_formats.c — the other ways in and out: format=json against the
 * CLI's --json, the Atom feed, the shell, plain CGI, and a resident
 * FastCGI process that sees new commits. */
#include <stdio.h>
#include <string.h>

#include "wt.h"

static void assert_same_json(JsonNode *web, JsonNode *cli, const char *what)
{
    if (!json_node_equal(web, cli)) {
        char *a = json_to_string(web, TRUE), *b = json_to_string(cli, TRUE);
        ck_abort_msg("%s: format=json differs from the CLI's --json\nweb: %.2000s\ncli: %.2000s",
                     what, a, b);
    }
}

START_TEST(search_json_equals_cli)
{
    const char *queries[] = {"palliativ plan", "HARMONI", "legevakt*",
                             "council:\"Fagråd for "
                             "pasientsamarbeid\" year:2024",
                             NULL};
    for (const char **q = queries; *q; q++) {
        char *esc = wt_url_part(*q);
        char *path = g_strdup_printf("/search?q=%s&format=json", esc);
        JsonNode *web = wt_web_json(path), *cli = wt_cli_json("search", *q);
        ck_assert_msg(cli != NULL, "arkiv search --json '%s' failed", *q);
        assert_same_json(web, cli, *q);
        json_node_unref(web);
        json_node_unref(cli);
        g_free(path);
        g_free(esc);
    }
}
END_TEST

/* show, attendance and trace come with the answer/ module; until the CLI
 * has the command there is nothing to compare against, and it says so. */
static gboolean cli_has(const char *cmd)
{
    char *argv[] = {wt_env.arkiv, (char *)cmd, "--help", NULL};
    char *out = NULL;
    int rc = harness_run(argv, NULL, &out);
    g_free(out);
    if (rc != 0)
        printf("NOTE: this arkiv has no '%s' command; format=json not compared for it\n", cmd);
    return rc == 0;
}

static void compare_with_cli(const char *cmd, const char *arg, const char *path)
{
    if (!cli_has(cmd))
        return;
    JsonNode *web = wt_web_json(path), *cli = wt_cli_json(cmd, arg);
    ck_assert_msg(cli != NULL, "arkiv %s --json %s failed", cmd, arg);
    assert_same_json(web, cli, cmd);
    json_node_unref(web);
    json_node_unref(cli);
}

START_TEST(other_json_equals_cli)
{
    char *id = harness_doc_id(&wt_env, WT_ASU_TXT);
    char *doc = g_strdup_printf("/doc/%s?format=json", id);
    compare_with_cli("show", id, doc);
    compare_with_cli("attendance", "Randi Sjøvæg",
                     "/person?name=Randi%20Sj%C3%B8v%C3%A6g&format=json");
    compare_with_cli("trace", "HARMONI", "/trace?q=HARMONI&format=json");
    /* Whatever the CLI has, the shapes are there. */
    JsonNode *show = wt_web_json(doc);
    JsonObject *o = json_node_get_object(show);
    ck_assert_str_eq(json_object_get_string_member(o, "id"), id);
    ck_assert_int_eq(json_object_get_int_member(o, "format_version"), 1);
    ck_assert_msg(json_object_has_member(o, "people") && json_object_has_member(o, "items"),
                  "show shape");
    json_node_unref(show);
    g_free(doc);
    g_free(id);
}
END_TEST

/* An Atom feed parsed by GMarkup, which rejects what is not well-formed
 * XML: the root, the entries and their <updated>. */
typedef struct {
    char *root, *xmlns;
    guint entries, depth;
    gboolean in_entry_updated;
    GPtrArray *updated;
} feed_t;

static void feed_start(GMarkupParseContext *c, const char *name, const char **an, const char **av,
                       gpointer data, GError **err)
{
    (void)c;
    (void)err;
    feed_t *f = data;
    if (f->depth++ == 0) {
        f->root = g_strdup(name);
        for (guint i = 0; an[i]; i++)
            if (strcmp(an[i], "xmlns") == 0)
                f->xmlns = g_strdup(av[i]);
    }
    f->entries += strcmp(name, "entry") == 0;
    f->in_entry_updated = f->depth == 3 && strcmp(name, "updated") == 0;
}

static void feed_end(GMarkupParseContext *c, const char *name, gpointer data, GError **err)
{
    (void)c;
    (void)name;
    (void)err;
    feed_t *f = data;
    f->depth--;
    f->in_entry_updated = FALSE;
}

static void feed_text(GMarkupParseContext *c, const char *text, gsize len, gpointer data,
                      GError **err)
{
    (void)c;
    (void)err;
    feed_t *f = data;
    if (f->in_entry_updated)
        g_ptr_array_add(f->updated, g_strndup(text, len));
}

static void parse_feed(const char *path, feed_t *f)
{
    http_t r;
    wt_get_ok(path, &r);
    char *type = http_header(&r, "Content-Type");
    ck_assert_msg(type && g_str_has_prefix(type, "application/atom+xml"), "type %s", type);
    /* GMarkup does not take the XML declaration; it must come first. */
    ck_assert_msg(g_str_has_prefix(r.body, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"), "decl");
    const char *doc = strchr(r.body, '\n') + 1;
    GMarkupParser p = {feed_start, feed_end, feed_text, NULL, NULL};
    memset(f, 0, sizeof *f);
    f->updated = g_ptr_array_new_with_free_func(g_free);
    GMarkupParseContext *ctx = g_markup_parse_context_new(&p, 0, f, NULL);
    GError *err = NULL;
    gboolean ok = g_markup_parse_context_parse(ctx, doc, -1, &err) &&
                  g_markup_parse_context_end_parse(ctx, &err);
    ck_assert_msg(ok, "%s is not well-formed: %s", path, err ? err->message : "");
    g_markup_parse_context_free(ctx);
    g_free(type);
    http_clear(&r);
}

START_TEST(atom_feed_is_well_formed_newest_first)
{
    feed_t f;
    parse_feed("/feed?q=HARMONI", &f);
    ck_assert_str_eq(f.root, "feed");
    ck_assert_str_eq(f.xmlns, "http://www.w3.org/2005/Atom");
    ck_assert_uint_ge(f.entries, 4);
    ck_assert_uint_eq(f.updated->len, f.entries);
    for (guint i = 1; i < f.updated->len; i++)
        ck_assert_msg(strcmp(f.updated->pdata[i - 1], f.updated->pdata[i]) >= 0,
                      "not newest first: %s, %s", (char *)f.updated->pdata[i - 1],
                      (char *)f.updated->pdata[i]);
    g_ptr_array_unref(f.updated);
    g_free(f.root);
    g_free(f.xmlns);
    feed_t h;
    parse_feed("/feed?q=skriptpr%C3%B8ve", &h);
    ck_assert_uint_ge(h.entries, 1);
    g_ptr_array_unref(h.updated);
    g_free(h.root);
    g_free(h.xmlns);
}
END_TEST

/* The CGI from a shell: NAME=VALUE arguments, a /path argument. */
static char *shell_cgi(const char *a, const char *b, const char *db)
{
    char *dbenv = g_strdup_printf("ARKIV_DB=%s", db);
    char *argv[] = {wt_env.cgi, (char *)a, (char *)b, NULL};
    char *env[] = {dbenv, NULL};
    char *out = NULL;
    ck_assert_int_eq(harness_run(argv, env, &out), 0);
    g_free(dbenv);
    return out;
}

START_TEST(cgi_runs_from_the_shell)
{
    char *out = shell_cgi("q=HARMONI", "format=json", wt_env.db);
    ck_assert_msg(g_str_has_prefix(out, "Status: 200 OK\r\n"), "%.200s", out);
    const char *body = strstr(out, "\r\n\r\n");
    ck_assert_ptr_nonnull(body);
    JsonNode *shell = wt_parse_json(body + 4, "shell output");
    JsonNode *web = wt_web_json("/search?q=HARMONI&format=json");
    ck_assert_msg(json_node_equal(shell, web), "shell and FastCGI answers differ");
    char *id = harness_doc_id(&wt_env, WT_ASU_TXT);
    char *path = g_strdup_printf("/doc/%s", id);
    char *doc = shell_cgi(path, "format=json", wt_env.db);
    char *want = g_strdup_printf("\"id\" : \"%s\"", id);
    ck_assert_msg(strstr(doc, want), "shell /doc page: %.300s", doc);
    char *none = shell_cgi("q=x", "format=json", "/nonexistent/arkiv.db");
    ck_assert_msg(g_str_has_prefix(none, "Status: 503"), "no index: %.100s", none);
    g_free(none);
    /* Plain CGI from the environment; lighttpd would re-encode a broken
     * %-escape before the CGI sees it, so this one is tested here. */
    char *dbenv = g_strdup_printf("ARKIV_DB=%s", wt_env.db);
    char *cgi_env[] = {dbenv, "REQUEST_METHOD=GET", "QUERY_STRING=q=%ZZ", NULL};
    char *argv[] = {wt_env.cgi, NULL};
    char *bad = NULL;
    ck_assert_int_eq(harness_run(argv, cgi_env, &bad), 0);
    ck_assert_msg(g_str_has_prefix(bad, "Status: 400"), "bad escape: %.100s", bad);
    g_free(bad);
    g_free(dbenv);
    g_free(want);
    g_free(doc);
    g_free(path);
    g_free(id);
    json_node_unref(shell);
    json_node_unref(web);
    g_free(out);
}
END_TEST

START_TEST(plain_cgi_answers_like_fastcgi)
{
    JsonNode *cgi = wt_web_json("/cgi/arkiv.cgi/search?q=HARMONI&format=json");
    JsonNode *fcgi = wt_web_json("/search?q=HARMONI&format=json");
    ck_assert_msg(json_node_equal(cgi, fcgi), "CGI and FastCGI answers differ");
    http_t r;
    wt_get_ok("/cgi/arkiv.cgi/search?q=HARMONI", &r);
    ck_assert_msg(strstr(r.body, "href=\"/cgi/arkiv.cgi/doc/"), "links lose the script name");
    http_clear(&r);
    json_node_unref(cgi);
    json_node_unref(fcgi);
}
END_TEST

/* The resident process keeps the index open: after the indexer commits,
 * the next request sees the new document without a restart. */
START_TEST(resident_process_sees_new_commits)
{
    const char *q = "/search?q=gjen%C3%A5pningspr%C3%B8ve&format=json";
    JsonNode *before = wt_web_json(q);
    ck_assert_int_eq(json_object_get_int_member(json_node_get_object(before), "total"), 0);
    char *file = g_build_filename(wt_env.corpus, "text", "ny-2025-06-01-referat.txt", NULL);
    ck_assert(g_file_set_contents(file, "Referat\n\nMøtedato: 01.06.2025\n\ngjenåpningsprøve\n", -1,
                                  NULL));
    char *argv[] = {wt_env.arkiv, "index", "--quiet", "--db", wt_env.db, wt_env.corpus, NULL};
    int rc = harness_run(argv, NULL, NULL);
    ck_assert_msg(rc == 0 || rc == 3, "arkiv index exit %d", rc);
    JsonNode *after = wt_web_json(q);
    ck_assert_int_eq(json_object_get_int_member(json_node_get_object(after), "total"), 1);
    json_node_unref(before);
    json_node_unref(after);
    g_free(file);
}
END_TEST

TCase *wt_formats_case(void)
{
    TCase *tc = tcase_create("formats");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, search_json_equals_cli);
    tcase_add_test(tc, other_json_equals_cli);
    tcase_add_test(tc, atom_feed_is_well_formed_newest_first);
    tcase_add_test(tc, cgi_runs_from_the_shell);
    tcase_add_test(tc, plain_cgi_answers_like_fastcgi);
    tcase_add_test(tc, resident_process_sees_new_commits);
    return tc;
}
