/* tc_serve.c — `arkiv serve` from the command line, and the CPU-time
 * limit of arkiv.cgi (ARKIV_CPU_LIMIT), both against real processes. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wt.h"

/* Read the port from the first line serve prints ("http://127.0.0.1:N/").
 * Closes fd. */
static int port_from_stdout(int fd)
{
    char buf[256];
    size_t n = 0;
    ssize_t got;
    while (n < sizeof buf - 1 && (got = read(fd, buf + n, 1)) == 1 && buf[n] != '\n')
        n++;
    buf[n] = '\0';
    close(fd);
    int port = 0;
    ck_assert_msg(sscanf(buf, "http://127.0.0.1:%d/", &port) == 1 && port > 0,
                  "arkiv serve printed no address: [%s]", buf);
    return port;
}

/* Start `arkiv serve --port 0 --db DB` with extra environment (may be
 * NULL); its run folder goes under the test's temporary folder. The port
 * is the one serve asked the kernel for and printed: a port made up here
 * could be one the test's own lighttpd already holds, and the requests
 * would then be answered by that server while serve's failed to bind. */
static GPid start_serve(const char *extra_env, int *port_out)
{
    char *argv[] = {wt_env.arkiv, "serve", "--port", "0", "--db", wt_env.db, NULL};
    char **envp = g_environ_setenv(g_get_environ(), "XDG_RUNTIME_DIR", wt_env.tmp, TRUE);
    if (extra_env) {
        char **kv = g_strsplit(extra_env, "=", 2);
        envp = g_environ_setenv(envp, kv[0], kv[1], TRUE);
        g_strfreev(kv);
    }
    GPid pid = 0;
    int out = -1;
    GError *err = NULL;
    gboolean ok = g_spawn_async_with_pipes(NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, &out, NULL, &err);
    ck_assert_msg(ok, "cannot run arkiv serve: %s", err ? err->message : "");
    g_strfreev(envp);
    *port_out = port_from_stdout(out);
    return pid;
}

/* GET path from the server on port, retrying while it comes up; the
 * status of the first answer, 0 when none came. */
static int status_on(int port, const char *path)
{
    web_env_t e = wt_env;
    e.port = port;
    for (int i = 0; i < 100; i++) {
        http_t r;
        http_get(&e, path, &r);
        int status = r.status;
        http_clear(&r);
        if (status)
            return status;
        g_usleep(100000);
    }
    return 0;
}

static int stop_serve(GPid pid)
{
    kill(pid, SIGTERM);
    int ws = 0;
    waitpid(pid, &ws, 0);
    g_spawn_close_pid(pid);
    return WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
}

START_TEST(arkiv_serve_answers)
{
    int port = 0;
    GPid pid = start_serve(NULL, &port);
    ck_assert_int_eq(status_on(port, "/search?q=HARMONI"), 200);
    ck_assert_int_eq(status_on(port, "/static/arkiv.css"), 200);
    ck_assert_int_eq(status_on(port, "/cgi/arkiv.cgi/search?q=HARMONI"), 200);
    /* lighttpd ends cleanly on SIGTERM, and that is serve's status. */
    ck_assert_int_eq(stop_serve(pid), 0);
}
END_TEST

START_TEST(arkiv_serve_refuses_a_missing_index)
{
    char *argv[] = {wt_env.arkiv, "serve", "--db", "/nonexistent/arkiv.db", NULL};
    ck_assert_int_eq(harness_run(argv, NULL, NULL), 1);
    char *bad[] = {wt_env.arkiv, "serve", "--port", "70000", NULL};
    ck_assert_int_eq(harness_run(bad, NULL, NULL), 2);
}
END_TEST

/* Any request uses more than a microsecond of CPU, so with that limit
 * every request is cut off: deterministic. From a shell the process ends
 * with status 124 and writes nothing; without the limit it answers. */
START_TEST(cpu_limit_cuts_off_a_request)
{
    char *argv[] = {wt_env.cgi, "q=HARMONI", "format=json", NULL};
    char *db = g_strdup_printf("ARKIV_DB=%s", wt_env.db);
    char *tiny[] = {db, "ARKIV_CPU_LIMIT=0.000001", NULL};
    char *out = NULL;
    ck_assert_int_eq(harness_run(argv, tiny, &out), 124);
    ck_assert_msg(!out || !*out, "a cut-off request wrote: %s", out);
    g_free(out);
    char *none[] = {db, "ARKIV_CPU_LIMIT=0", NULL};
    ck_assert_int_eq(harness_run(argv, none, &out), 0);
    ck_assert_msg(g_str_has_prefix(out, "Status: 200"), "no answer without the limit");
    g_free(out);
    g_free(db);
}
END_TEST

/* Under FastCGI the visitor gets a server error instead of a hung page,
 * and lighttpd keeps serving (it starts the process again). */
START_TEST(cpu_limit_under_fastcgi_is_a_server_error)
{
    int port = 0;
    GPid pid = start_serve("ARKIV_CPU_LIMIT=0.000001", &port);
    for (int i = 0; i < 2; i++) {
        int status = status_on(port, "/search?q=HARMONI");
        ck_assert_msg(status >= 500 && status < 600, "request %d: status %d", i, status);
    }
    ck_assert_int_eq(status_on(port, "/static/arkiv.css"), 200);
    stop_serve(pid);
}
END_TEST

TCase *wt_serve_case(void)
{
    TCase *tc = tcase_create("serve");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, arkiv_serve_answers);
    tcase_add_test(tc, arkiv_serve_refuses_a_missing_index);
    tcase_add_test(tc, cpu_limit_cuts_off_a_request);
    tcase_add_test(tc, cpu_limit_under_fastcgi_is_a_server_error);
    return tc;
}
