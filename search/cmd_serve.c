/* cmd_serve.c — arkiv serve: the web frontend (arkiv.cgi under Debian's
 * lighttpd, FastCGI) on 127.0.0.1, in the foreground.
 *
 * The configuration is web/lighttpd.conf.in with its @NAME@ placeholders
 * filled in (serveconf.c, shared with the web tests), written to a
 * private run folder; lighttpd runs with it as a child (g_spawn, no
 * shell) and its exit status is ours. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <glib.h>

#include "cli.h"
#include "knowledge.h"
#include "serveconf.h"

/* Where the installed or built files are, relative to the arkiv binary. */
typedef struct {
    char *bindir;   /* folder of the running arkiv */
    char *template; /* lighttpd.conf.in */
    char *stat;     /* folder of arkiv.css */
    char *cgi;      /* arkiv.cgi */
    char *data;     /* data files (councils.ini ...) */
} serve_files_t;

/* The first candidate (bindir-relative, NULL-terminated) that exists as
 * `test`, made absolute; NULL when none does. */
static char *find_near(const char *bindir, const char *const *rel, const char *probe,
                       GFileTest test)
{
    for (; *rel; rel++) {
        char *path = g_build_filename(bindir, *rel, NULL);
        char *check = probe ? g_build_filename(path, probe, NULL) : g_strdup(path);
        gboolean ok = g_file_test(check, test);
        g_free(check);
        if (ok) {
            char *canon = g_canonicalize_filename(path, NULL);
            g_free(path);
            return canon;
        }
        g_free(path);
    }
    return NULL;
}

/* Installed: PREFIX/bin/arkiv with PREFIX/share/arkiv and
 * PREFIX/lib/cgi-bin/arkiv.cgi. Built: O/arkiv with O/web/arkiv.cgi, and
 * the source tree's web/ (O is a folder of the tree). */
static gboolean find_files(const char *opt_cgi, const char *opt_data, serve_files_t *f, char **why)
{
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    f->bindir = exe ? g_path_get_dirname(exe) : g_get_current_dir();
    g_free(exe);
    static const char *const conf_dirs[] = {"../share/arkiv", "../web", NULL};
    static const char *const css_dirs[] = {"../share/arkiv", "../web/static", NULL};
    static const char *const cgis[] = {"web/arkiv.cgi", "../lib/cgi-bin/arkiv.cgi", NULL};
    char *conf_dir = find_near(f->bindir, conf_dirs, "lighttpd.conf.in", G_FILE_TEST_IS_REGULAR);
    f->template = conf_dir ? g_build_filename(conf_dir, "lighttpd.conf.in", NULL) : NULL;
    g_free(conf_dir);
    f->stat = find_near(f->bindir, css_dirs, "arkiv.css", G_FILE_TEST_IS_REGULAR);
    f->cgi = opt_cgi ? g_canonicalize_filename(opt_cgi, NULL)
                     : find_near(f->bindir, cgis, NULL, G_FILE_TEST_IS_EXECUTABLE);
    GError *err = NULL;
    char *data = arkiv_knowledge_find_dir(opt_data, &err);
    g_clear_error(&err);
    /* Without data files the pages still work; lighttpd wants a value. */
    f->data = data ? g_canonicalize_filename(data, NULL) : g_strdup(f->bindir);
    g_free(data);
    if (!f->template || !f->stat)
        *why = g_strdup("lighttpd.conf.in or arkiv.css not found next to the arkiv binary "
                        "(../share/arkiv or the source tree's web/)");
    else if (!f->cgi)
        *why = g_strdup("arkiv.cgi not found (web/arkiv.cgi or ../lib/cgi-bin/): use --cgi PATH");
    return *why == NULL;
}

static void files_clear(serve_files_t *f)
{
    g_free(f->bindir);
    g_free(f->template);
    g_free(f->stat);
    g_free(f->cgi);
    g_free(f->data);
}

/* The private run folder: under $XDG_RUNTIME_DIR when there is one (a
 * tmpfs of the user's), else in the temporary folder. */
static char *make_run_dir(void)
{
    const char *rt = g_getenv("XDG_RUNTIME_DIR");
    char *tmpl = g_build_filename(rt && *rt ? rt : g_get_tmp_dir(), "arkiv-serve-XXXXXX", NULL);
    char *dir = g_mkdtemp(tmpl);
    if (!dir)
        g_free(tmpl);
    return dir;
}

/* Fill in the template in the run folder; FALSE with *why. */
static gboolean write_config(const serve_files_t *f, const char *run, const char *db, int port,
                             char **why)
{
    serveconf_t c = {.template_path = f->template,
                     .run = run,
                     .cgi = f->cgi,
                     .db = db,
                     .stat = f->stat,
                     .data = f->data,
                     .port = port};
    return serveconf_write(&c, why);
}

/* Shared with the signal handler, which is all they are for. */
static GPid server_pid;
static volatile sig_atomic_t stop_asked;

/* Ctrl-C or a kill: pass it on to lighttpd, which then exits and is
 * reaped as usual. */
static void forward_signal(int sig)
{
    stop_asked = 1;
    if (server_pid > 0)
        kill(server_pid, sig);
}

/* Run lighttpd in the foreground; its exit status, or 1. Stopped by
 * Ctrl-C or SIGTERM, 0 if lighttpd exited by itself: lighttpd 1.4.69
 * exits 0 or 1 on SIGTERM depending on timing (1 in about a third of
 * stops on a busy machine, logging a clean stop either way). */
static int run_lighttpd(const char *run)
{
    char *why = NULL;
    if (!serveconf_spawn(run, &server_pid, &why)) {
        fprintf(stderr, "arkiv serve: cannot run lighttpd: %s\n", why);
        g_free(why);
        return ARKIV_EXIT_ERROR;
    }
    signal(SIGINT, forward_signal);
    signal(SIGTERM, forward_signal);
    int ws = 0;
    while (waitpid(server_pid, &ws, 0) < 0 && errno == EINTR)
        ;
    g_spawn_close_pid(server_pid);
    if (WIFEXITED(ws) && stop_asked)
        return ARKIV_EXIT_OK;
    return WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
}

int arkiv_cmd_serve(int argc, char **argv)
{
    int port = 0;
    char *opt_db = NULL, *opt_data = NULL, *opt_cgi = NULL;
    GOptionEntry entries[] = {
        {"port", 'p', 0, G_OPTION_ARG_INT, &port, "TCP port on 127.0.0.1 (0: a free one)", "N"},
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "index (default $ARKIV_DB, ./arkiv.db)",
         "PATH"},
        {"data", 0, 0, G_OPTION_ARG_FILENAME, &opt_data, "data files folder", "DIR"},
        {"cgi", 0, 0, G_OPTION_ARG_FILENAME, &opt_cgi, "arkiv.cgi to run", "PATH"},
        G_OPTION_ENTRY_NULL};
    GOptionContext *ctx = g_option_context_new("- serve the web frontend with lighttpd");
    g_option_context_add_main_entries(ctx, entries, NULL);
    int rc = ARKIV_EXIT_USAGE;
    serve_files_t f = {0};
    char *why = NULL, *run = NULL, *db = NULL;
    if (!arkiv_cli_parse(ctx, &argc, &argv))
        goto out;
    if (argc > 1 || port < 0 || port > 65535) {
        fprintf(stderr, "arkiv serve: takes options only, and a port in 0..65535\n");
        goto out;
    }
    rc = ARKIV_EXIT_ERROR;
    db = g_canonicalize_filename(arkiv_cli_db_path(opt_db), NULL);
    if (!g_file_test(db, G_FILE_TEST_EXISTS)) {
        fprintf(stderr, "arkiv serve: no index at %s (arkiv index first, or --db)\n", db);
        goto out;
    }
    if (port == 0)
        port = serveconf_free_port();
    if (!find_files(opt_cgi, opt_data, &f, &why) || !(run = make_run_dir()) ||
        !write_config(&f, run, db, port, &why)) {
        fprintf(stderr, "arkiv serve: %s\n", why ? why : "cannot make a run folder");
        goto out;
    }
    printf("http://127.0.0.1:%d/\n(lighttpd + arkiv.cgi; logs in %s. Ctrl-C stops it.)\n", port,
           run);
    fflush(stdout);
    rc = run_lighttpd(run);
out:
    g_free(why);
    g_free(run);
    g_free(db);
    files_clear(&f);
    g_free(opt_db);
    g_free(opt_data);
    g_free(opt_cgi);
    g_option_context_free(ctx);
    return rc;
}
