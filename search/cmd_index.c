/* cmd_index.c — `arkiv index`: options, progress and the final report. */
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "knowledge.h"
#include "run.h"
#include "tagger.h"

typedef struct {
    gint64 started;
    gboolean drawn;
} progress_t;

/* A one-line bar on stderr, redrawn after every file. */
static void draw_progress(void *user, unsigned done, unsigned total)
{
    progress_t *p = user;
    static const int width = 30;
    gint64 now = g_get_monotonic_time();
    double secs = (double)(now - p->started) / G_USEC_PER_SEC;
    double rate = secs > 0 ? done / secs : 0;
    double eta = rate > 0 ? (total - done) / rate : 0;
    int fill = total ? (int)((double)done * width / total) : width;
    fprintf(stderr, "\r[%.*s%*s] %u/%u files  %.1f files/s  ETA %.0f s ", fill,
            "##############################", width - fill, "", done, total, rate, eta);
    p->drawn = TRUE;
}

static const char *category(const arkiv_index_problem_t *pr)
{
    if (pr->failed)
        return "failed";
    return strcmp(pr->outcome, "unsupported") == 0 || strcmp(pr->outcome, "empty") == 0 ? "skipped"
                                                                                        : "note";
}

/* A file name as the report shows it (g_free): valid UTF-8, with bytes
 * that are not UTF-8 shown as U+FFFD (g_filename_display_name); with
 * one_line, control characters such as a newline escaped, so that each
 * problem stays on one line. */
static char *shown_path(const char *path, gboolean one_line)
{
    char *shown = g_filename_display_name(path);
    GString *s;

    if (!one_line)
        return shown;
    s = g_string_sized_new(strlen(shown));
    for (const char *p = shown; *p; p++) {
        if (*p == '\n')
            g_string_append(s, "\\n");
        else if (*p == '\t')
            g_string_append(s, "\\t");
        else if ((guchar)*p < 0x20 || *p == 0x7f)
            g_string_append_printf(s, "\\x%02x", (guchar)*p);
        else
            g_string_append_c(s, *p);
    }
    g_free(shown);
    return g_string_free(s, FALSE);
}

static void print_text_report(const arkiv_index_report_t *r, gboolean verbose)
{
    printf("%u indexed, %u unchanged, %u moved, %u removed, %u failed, %u skipped (%u files)\n",
           r->indexed, r->unchanged + r->failed_before, r->moved, r->removed, r->failed, r->skipped,
           r->files);
    for (guint i = 0; i < r->problems->len; i++) {
        const arkiv_index_problem_t *pr = r->problems->pdata[i];
        char *path = shown_path(pr->path, TRUE);
        printf("  %-7s %s: %s\n", category(pr), path, pr->reason ? pr->reason : pr->outcome);
        g_free(path);
    }
    if (r->verify_changed)
        printf("  %u file(s) had new content under the same size and modification time\n",
               r->verify_changed);
    if (r->failed_before && verbose)
        printf("  %u unchanged file(s) failed or were skipped before; --retry-failed tries again\n",
               r->failed_before);
}

static void json_uint(JsonBuilder *b, const char *name, guint64 v)
{
    json_builder_set_member_name(b, name);
    json_builder_add_int_value(b, (gint64)v);
}

static void print_json_report(const arkiv_index_report_t *r)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    json_uint(b, "format_version", 1);
    json_uint(b, "files", r->files);
    json_uint(b, "indexed", r->indexed);
    json_uint(b, "unchanged", r->unchanged);
    json_uint(b, "failed_before", r->failed_before);
    json_uint(b, "removed", r->removed);
    json_uint(b, "moved", r->moved);
    json_uint(b, "verify_changed", r->verify_changed);
    json_uint(b, "commits", r->commits);
    json_uint(b, "failed", r->failed);
    json_uint(b, "skipped", r->skipped);
    json_builder_set_member_name(b, "outcomes");
    json_builder_begin_object(b);
    for (int o = 0; o <= ARKIV_EXTRACT_IO; o++)
        json_uint(b, arkiv_extract_outcome_name(o), r->outcomes[o]);
    json_builder_end_object(b);
    json_builder_set_member_name(b, "problems");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->problems->len; i++) {
        const arkiv_index_problem_t *pr = r->problems->pdata[i];
        json_builder_begin_object(b);
        char *path = shown_path(pr->path, FALSE); /* JSON escapes control characters */
        json_builder_set_member_name(b, "path");
        json_builder_add_string_value(b, path);
        g_free(path);
        json_builder_set_member_name(b, "outcome");
        json_builder_add_string_value(b, pr->outcome);
        json_builder_set_member_name(b, "failed");
        json_builder_add_boolean_value(b, pr->failed);
        json_builder_set_member_name(b, "reason");
        json_builder_add_string_value(b, pr->reason ? pr->reason : pr->outcome);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
    arkiv_cli_print_json(b);
}

static arkiv_db_t *open_writable(const char *path, int shards, int wait_s)
{
    arkiv_db_t *db = NULL;
    char *msg = NULL;
    arkiv_db_options_t opts;
    arkiv_db_options_init(&opts);
    opts.shards = shards > 0 ? (unsigned)shards : 0;
    opts.lock_wait_s = wait_s > 0 ? (unsigned)wait_s : 0;
    arkiv_status_t st = arkiv_db_open_with(path, ARKIV_DB_WRITABLE, &opts, &db, &msg);
    if (st != ARKIV_STATUS_OK)
        fprintf(stderr, "arkiv: %s\n", msg ? msg : arkiv_status_string(st));
    free(msg);
    return db;
}

typedef struct {
    char *db;
    gboolean json, quiet, verbose, rebuild, retry_failed, no_tagging, verify;
    gint jobs, timeout, batch, batch_mb, shards, wait;
    char *data;
    char **roots;
} index_args_t;

static GOptionContext *make_context(index_args_t *a)
{
    GOptionEntry entries[] = {
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &a->db,
         "Index location (default $ARKIV_DB or ./arkiv.db)", "PATH"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &a->json, "Print the report as JSON", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a->quiet,
         "No progress bar and no summary unless something failed", NULL},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &a->verbose, "Say more in the summary", NULL},
        {"rebuild", 0, 0, G_OPTION_ARG_NONE, &a->rebuild, "Re-read every file, changed or not",
         NULL},
        {"retry-failed", 0, 0, G_OPTION_ARG_NONE, &a->retry_failed,
         "Retry files that failed before even if unchanged", NULL},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &a->jobs, "Extraction workers (default: number of CPUs)",
         "N"},
        {"timeout", 0, 0, G_OPTION_ARG_INT, &a->timeout, "Seconds allowed per file (default 30)",
         "S"},
        {"batch", 0, 0, G_OPTION_ARG_INT, &a->batch, "Commit after N changed files (default 500)",
         "N"},
        {"batch-mb", 0, 0, G_OPTION_ARG_INT, &a->batch_mb,
         "... or after M megabytes of text, whichever comes first (default 64)", "M"},
        {"verify", 0, 0, G_OPTION_ARG_NONE, &a->verify,
         "Also compare content hashes of files whose size and mtime are unchanged", NULL},
        {"wait", 0, 0, G_OPTION_ARG_INT, &a->wait,
         "Wait up to S seconds for another indexer of the same index to finish", "S"},
        {"shards", 0, 0, G_OPTION_ARG_INT, &a->shards,
         "Make a new index of N shards (docs/scaling.md); re-runs keep the layout", "N"},
        {"no-tagging", 0, 0, G_OPTION_ARG_NONE, &a->no_tagging,
         "Index words only, without councils, people and items", NULL},
        {"data", 0, 0, G_OPTION_ARG_FILENAME, &a->data,
         "Data files: councils, labels, names (default $ARKIV_DATA or the installed set)", "DIR"},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->roots, NULL, "PATH..."},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new(NULL);
    g_option_context_set_summary(ctx, "Index folders and files of minutes.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(
        ctx, "Re-running skips files whose size and modification time are unchanged,\n"
             "re-reads changed ones and removes documents of files that vanished\n"
             "under the given paths. A file moved or renamed (same content as a file\n"
             "gone from its old place) is re-filed without being read again.\n\n"
             "Exit status: 0 every file handled, 3 some files failed (the index is\n"
             "good), 1 fatal error, 2 usage error.\n");
    return ctx;
}

/* The data folder and the digest of its files; prints why not. *dir_out
 * and *digest_out are new (g_free). */
static gboolean find_data(const char *override, char **dir_out, char **digest_out)
{
    GError *err = NULL;
    char *dir = arkiv_knowledge_find_dir(override, &err);
    if (!dir || !arkiv_knowledge_dir_digest(dir, digest_out, &err)) {
        fprintf(stderr, "arkiv index: %s\n", err->message);
        g_error_free(err);
        g_free(dir);
        return FALSE;
    }
    *dir_out = dir;
    return TRUE;
}

/* Entities of unchanged files were found with the data files of their
 * time; say so when those files have changed since, and remember the
 * digest when every file is (re)tagged. */
static gboolean check_digest(arkiv_db_t *db, const char *now, const char *dir,
                             const index_args_t *a)
{
    char *old = NULL;
    if (arkiv_db_get_setting(db, "data-digest", &old) != ARKIV_STATUS_OK)
        return FALSE;
    if (old && strcmp(old, now) != 0 && !a->rebuild && !a->quiet)
        fprintf(stderr,
                "arkiv index: the data files in %s changed since this index was built;\n"
                "  unchanged files keep their old councils, people and items until\n"
                "  'arkiv index --rebuild'.\n",
                dir);
    gboolean ok = TRUE;
    if (!old || a->rebuild)
        ok = arkiv_db_set_setting(db, "data-digest", now) == ARKIV_STATUS_OK;
    free(old);
    return ok;
}

typedef struct {
    arkiv_db_t *db;
    arkiv_status_t st;
} council_reg_t;

static void register_council_name(const char *canonical, const char *name, gboolean acronym,
                                  void *user)
{
    (void)acronym;
    council_reg_t *r = user;
    if (r->st == ARKIV_STATUS_OK)
        r->st = arkiv_db_add_council_name(r->db, canonical, name);
}

/* The index keeps the gazetteer's names so that queries (council:ASU,
 * case:"ASU 12/24") and documents written from now on know every name of
 * a council; durable with the run's commits. */
static gboolean register_councils(arkiv_db_t *db, const arkiv_knowledge_t *k)
{
    council_reg_t r = {db, ARKIV_STATUS_OK};
    arkiv_knowledge_foreach_council_name(k, register_council_name, &r);
    return r.st == ARKIV_STATUS_OK;
}

/* What reading files needs and a run that reads none does not (about a
 * quarter of a no-change re-run went to it): the data files parsed, the
 * tagger built, the gazetteer's names in the index. */
typedef struct {
    const index_args_t *a;
    const char *dir;
    arkiv_db_t *db;
    arkiv_knowledge_t *k;   /* owned; NULL until a file is read */
    arkiv_tagger_t *tagger; /* owned; NULL until then, or with --no-tagging */
} reading_t;

static gboolean load_knowledge(reading_t *r, GError **error)
{
    return r->k || (arkiv_knowledge_load(r->dir, &r->k, error) &&
                    (r->a->no_tagging || arkiv_tagger_new(r->k, &r->tagger, error)));
}

static gboolean prepare_reading(void *user, const arkiv_tagger_t **tagger, GError **error)
{
    reading_t *r = user;
    if (!load_knowledge(r, error))
        return FALSE;
    if (!register_councils(r->db, r->k)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s", arkiv_db_last_error(r->db));
        return FALSE;
    }
    *tagger = r->tagger;
    return TRUE;
}

/* An index with agenda items as documents of their own (written before
 * items lived in their meeting's document) is only written again whole:
 * --rebuild drops those documents first; without it, say so. */
static gboolean check_layout(arkiv_db_t *db, const char *path, const index_args_t *a)
{
    unsigned old = 0;
    arkiv_status_t st = arkiv_db_old_items(db, &old);
    if (st == ARKIV_STATUS_OK && old && a->rebuild)
        st = arkiv_db_delete_old_items(db);
    if (st != ARKIV_STATUS_OK) {
        fprintf(stderr, "arkiv index: %s: %s\n", path, arkiv_db_last_error(db));
        return FALSE;
    }
    if (old && !a->rebuild) {
        fprintf(stderr,
                "arkiv index: %s was written by an older arkiv (agenda items as %u documents\n"
                "  of their own); run 'arkiv index --rebuild' to write it in the current form\n",
                path, old);
        return FALSE;
    }
    return TRUE;
}

/* The index to write, after what must come first: the data files parsed
 * for a new index or a rebuild (a bad one stops the run before the index
 * is touched), the digest checked. NULL (message printed) on failure. */
static arkiv_db_t *open_for_run(const index_args_t *a, reading_t *r, const char *digest)
{
    GError *err = NULL;
    const char *path = arkiv_cli_db_path(a->db);
    if ((a->rebuild || !g_file_test(path, G_FILE_TEST_EXISTS)) && !load_knowledge(r, &err)) {
        fprintf(stderr, "arkiv index: %s\n", err->message);
        g_error_free(err);
        return NULL;
    }
    arkiv_db_t *db = open_writable(path, a->shards, a->wait);
    if (db && !check_layout(db, path, a)) {
        arkiv_db_free(db);
        return NULL;
    }
    if (db && !a->no_tagging && !check_digest(db, digest, r->dir, a)) {
        fprintf(stderr, "arkiv index: %s\n", arkiv_db_last_error(db));
        arkiv_db_free(db);
        return NULL;
    }
    return db;
}

static void fill_options(const index_args_t *a, reading_t *r, arkiv_index_options_t *o)
{
    arkiv_index_options_init(o);
    o->rebuild = a->rebuild;
    o->retry_failed = a->retry_failed;
    o->jobs = a->jobs > 0 ? (unsigned)a->jobs : 0;
    if (a->timeout > 0)
        o->timeout_s = (unsigned)a->timeout;
    if (a->batch > 0)
        o->batch_docs = (unsigned)a->batch;
    if (a->batch_mb > 0)
        o->batch_bytes = (guint64)a->batch_mb * 1024 * 1024;
    o->verify = a->verify;
    o->prepare = prepare_reading;
    o->prepare_user = r;
}

/* Run the index into r->db and print the report; the exit code. */
static int index_and_report(const index_args_t *a, reading_t *r)
{
    arkiv_index_options_t o;
    fill_options(a, r, &o);
    progress_t prog = {g_get_monotonic_time(), FALSE};
    if (!a->quiet && !a->json && isatty(STDERR_FILENO)) {
        o.progress = draw_progress;
        o.progress_user = &prog;
    }
    arkiv_index_report_t report = {0};
    GError *err = NULL;
    gboolean ok = arkiv_index_run(r->db, a->roots, &o, &report, &err);
    if (prog.drawn)
        fputc('\n', stderr);
    int rc = ARKIV_EXIT_OK;
    if (!ok) {
        fprintf(stderr, "arkiv: %s\n", err->message);
        /* The index failed under the run (a full disk): uncommitted
         * changes are dropped whole (arkiv_db_free), so the index is still
         * good and a re-run carries on from there. */
        if (err->domain == ARKIV_INDEX_ERROR)
            fprintf(stderr,
                    "arkiv index: %s keeps what its last commit wrote; run again to finish\n",
                    arkiv_cli_db_path(a->db));
        g_error_free(err);
        rc = ARKIV_EXIT_ERROR;
    } else {
        if (a->json)
            print_json_report(&report);
        else if (!a->quiet || report.failed)
            print_text_report(&report, a->verbose);
        rc = report.failed ? ARKIV_EXIT_SOME_FAILED : ARKIV_EXIT_OK;
    }
    arkiv_index_report_clear(&report);
    return rc;
}

static int run_index(const index_args_t *a)
{
    char *dir = NULL, *digest = NULL;
    if (!find_data(a->data, &dir, &digest))
        return ARKIV_EXIT_ERROR;
    reading_t reading = {a, dir, NULL, NULL, NULL};
    reading.db = open_for_run(a, &reading, digest);
    int rc = reading.db ? index_and_report(a, &reading) : ARKIV_EXIT_ERROR;
    arkiv_db_free(reading.db);
    arkiv_tagger_free(reading.tagger);
    arkiv_knowledge_free(reading.k);
    g_free(digest);
    g_free(dir);
    return rc;
}

int arkiv_cmd_index(int argc, char **argv)
{
    index_args_t a = {0};
    GOptionContext *ctx = make_context(&a);
    int rc = ARKIV_EXIT_USAGE;
    if (arkiv_cli_parse(ctx, &argc, &argv)) {
        if (!a.roots || !a.roots[0])
            fprintf(stderr, "arkiv index: no PATH given\nTry 'arkiv index --help'.\n");
        else
            rc = run_index(&a);
    }
    g_option_context_free(ctx);
    g_free(a.db);
    g_free(a.data);
    g_strfreev(a.roots);
    return rc;
}
