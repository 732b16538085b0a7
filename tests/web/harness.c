/* harness.c — corpus, index, server, HTTP and Chromium for the web
 * tests (see harness.h). */
#include "harness.h"

#include "serveconf.h"
#include "../testfs.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

/* A file whose title, text, names and decision are markup: every page
 * must show it as text. "skriptprøve" finds it. */
static const char hostile[] =
    "<script>alert(\"xss\")</script> Referat fra <b>skriptutvalget</b> & \"sitat\"\n"
    "\n"
    "Utvalg: Skriptutvalget <img src=x onerror=alert(1)>\n"
    "Møtedato: 05.05.2024\n"
    "Møtested: \"><script>alert(2)</script>\n"
    "\n"
    "Til stede: Ola Nordmann (<i>HNT</i>), Kari Hansen\n"
    "\n"
    "Sak 01/24 <script>document.title='pwned'</script> skriptprøve\n"
    "Saksansvarlig: Ola Nordmann\n"
    "Teksten nevner skriptprøve og <style>body{display:none}</style>.\n"
    "Vedtak: <i>Godkjent</i> \" onmouseover=\"alert(3)\n";

static int run_flags(char **argv, char **env, char **out, GSpawnFlags flags)
{
    char **envp = g_get_environ();
    for (char **kv = env; kv && *kv; kv++) {
        char *eq = strchr(*kv, '=');
        char *name = g_strndup(*kv, (gsize)(eq - *kv));
        envp = g_environ_setenv(envp, name, eq + 1, TRUE);
        g_free(name);
    }
    int wait_status = 0;
    GError *err = NULL;
    gboolean ok = g_spawn_sync(NULL, argv, envp, G_SPAWN_SEARCH_PATH | flags, NULL, NULL, out, NULL,
                               &wait_status, &err);
    g_strfreev(envp);
    if (!ok) {
        fprintf(stderr, "cannot run %s: %s\n", argv[0], err->message);
        g_error_free(err);
        return -1;
    }
    return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

int harness_run(char **argv, char **env, char **out)
{
    return run_flags(argv, env, out, 0);
}

static gboolean copy_dir(const char *from, const char *to)
{
    g_mkdir_with_parents(to, 0755);
    GDir *d = g_dir_open(from, 0, NULL);
    if (!d)
        return FALSE;
    const char *name;
    gboolean ok = TRUE;
    while (ok && (name = g_dir_read_name(d))) {
        char *a = g_build_filename(from, name, NULL), *b = g_build_filename(to, name, NULL);
        char *data = NULL;
        gsize len = 0;
        ok = g_file_get_contents(a, &data, &len, NULL) &&
             g_file_set_contents(b, data, (gssize)len, NULL);
        g_free(data);
        g_free(a);
        g_free(b);
    }
    g_dir_close(d);
    return ok;
}

static gboolean make_corpus(web_env_t *e)
{
    char *text = g_build_filename(e->samples, "text", NULL);
    char *pdf = g_build_filename(e->samples, "pdf", NULL);
    char *ctext = g_build_filename(e->corpus, "text", NULL);
    char *cpdf = g_build_filename(e->corpus, "pdf", NULL);
    char *evil = g_build_filename(ctext, "skript-2024-05-05-referat.txt", NULL);
    gboolean ok = copy_dir(text, ctext) && copy_dir(pdf, cpdf) &&
                  g_file_set_contents(evil, hostile, -1, NULL);
    g_free(text);
    g_free(pdf);
    g_free(ctext);
    g_free(cpdf);
    g_free(evil);
    return ok;
}

static gboolean make_index(web_env_t *e)
{
    char *argv[] = {e->arkiv, "index", "--quiet", "--db", e->db, e->corpus, NULL};
    int rc = harness_run(argv, NULL, NULL);
    if (rc != 0 && rc != 3)
        fprintf(stderr, "arkiv index failed (exit %d)\n", rc);
    return rc == 0 || rc == 3;
}

static char *absolute(const char *path)
{
    char *real = realpath(path, NULL);
    char *out = g_strdup(real ? real : path);
    free(real);
    return out;
}

/* The server is up when the search page answers; a server that exited
 * (the port was taken in between) is reaped so another port can be tried. */
static gboolean wait_until_up(web_env_t *e)
{
    for (int i = 0; i < 100; i++) {
        http_t r;
        http_get(e, "/search?q=", &r);
        int status = r.status;
        http_clear(&r);
        if (status == 200)
            return TRUE;
        int ws;
        if (waitpid(e->server, &ws, WNOHANG) == e->server) {
            e->server = 0;
            return FALSE;
        }
        g_usleep(100000);
    }
    return FALSE;
}

/* Fill in web/lighttpd.conf.in in e->state for e->port, as `arkiv serve`
 * does (serveconf.c), and start lighttpd on it. */
static gboolean spawn_server(web_env_t *e)
{
    char *template_path = g_build_filename(e->webdir, "lighttpd.conf.in", NULL);
    char *stat = g_build_filename(e->webdir, "static", NULL);
    char *data = absolute(g_getenv("ARKIV_DATA"));
    serveconf_t c = {.template_path = template_path,
                     .run = e->state,
                     .cgi = e->cgi,
                     .db = e->db,
                     .stat = stat,
                     .data = data,
                     .port = e->port};
    char *why = NULL;
    gboolean ok = serveconf_write(&c, &why) && serveconf_spawn(e->state, &e->server, &why);
    if (!ok)
        fprintf(stderr, "cannot start lighttpd: %s\n", why);
    g_free(why);
    g_free(data);
    g_free(stat);
    g_free(template_path);
    return ok;
}

/* A port found free can be taken before lighttpd binds it: try again
 * with another. */
static gboolean start_server(web_env_t *e)
{
    gboolean up = FALSE;
    for (int attempt = 0; attempt < 3 && !up; attempt++) {
        e->port = serveconf_free_port();
        up = e->port > 0 && spawn_server(e) && wait_until_up(e);
        if (!up && e->server > 0) { /* up but not answering: do not leave it behind */
            kill(e->server, SIGTERM);
            waitpid(e->server, NULL, 0);
            g_spawn_close_pid(e->server);
            e->server = 0;
        }
    }
    return up;
}

gboolean harness_setup(web_env_t *e, const char *arkiv, const char *cgi, const char *webdir,
                       const char *samples)
{
    memset(e, 0, sizeof *e);
    char *tmp = g_dir_make_tmp("arkiv-web-XXXXXX", NULL);
    e->tmp = absolute(tmp);
    g_free(tmp);
    e->corpus = g_build_filename(e->tmp, "corpus", NULL);
    e->db = g_build_filename(e->tmp, "db", NULL);
    e->state = g_build_filename(e->tmp, "server", NULL);
    e->arkiv = absolute(arkiv);
    e->cgi = absolute(cgi);
    e->webdir = absolute(webdir);
    e->samples = absolute(samples);
    /* The CGI finds the data files as the CLI does; from a build folder
     * that is $ARKIV_DATA. */
    char *data = g_build_filename(e->webdir, "..", "data", NULL);
    g_setenv("ARKIV_DATA", data, FALSE);
    g_free(data);
    if (!make_corpus(e) || !make_index(e))
        return FALSE;
    if (!start_server(e)) {
        fprintf(stderr, "lighttpd did not come up; see %s/error.log\n", e->state);
        return FALSE;
    }
    return TRUE;
}

void harness_teardown(web_env_t *e)
{
    if (e->server > 0) {
        kill(e->server, SIGTERM);
        waitpid(e->server, NULL, 0);
        g_spawn_close_pid(e->server);
    }
    if (e->tmp && !g_getenv("ARKIV_WEB_KEEP"))
        testfs_rm_rf(e->tmp);
    g_free(e->tmp);
    g_free(e->corpus);
    g_free(e->db);
    g_free(e->state);
    g_free(e->arkiv);
    g_free(e->cgi);
    g_free(e->webdir);
    g_free(e->samples);
    memset(e, 0, sizeof *e);
}

/* ---- HTTP ---- */

static GByteArray *exchange(const web_env_t *e, const char *request)
{
    GSocketClient *client = g_socket_client_new();
    g_socket_client_set_timeout(client, 30);
    GSocketConnection *conn =
        g_socket_client_connect_to_host(client, "127.0.0.1", (guint16)e->port, NULL, NULL);
    GByteArray *all = NULL;
    if (conn && g_output_stream_write_all(g_io_stream_get_output_stream(G_IO_STREAM(conn)), request,
                                          strlen(request), NULL, NULL, NULL)) {
        all = g_byte_array_new();
        GInputStream *in = g_io_stream_get_input_stream(G_IO_STREAM(conn));
        guint8 buf[65536];
        gssize n;
        while ((n = g_input_stream_read(in, buf, sizeof buf, NULL, NULL)) > 0)
            g_byte_array_append(all, buf, (guint)n);
    }
    if (conn)
        g_object_unref(conn);
    g_object_unref(client);
    return all;
}

static void parse_response(GByteArray *all, http_t *out)
{
    const char *data = (const char *)all->data;
    const char *end = g_strstr_len(data, all->len, "\r\n\r\n");
    if (!end)
        return;
    out->head = g_strndup(data, (gsize)(end - data));
    out->body_len = all->len - (gsize)(end + 4 - data);
    out->body = g_malloc(out->body_len + 1);
    memcpy(out->body, end + 4, out->body_len);
    out->body[out->body_len] = '\0';
    if (sscanf(out->head, "HTTP/%*s %d", &out->status) != 1)
        out->status = 0;
}

void http_request(const web_env_t *e, const char *method, const char *path,
                  const char *accept_language, http_t *out)
{
    memset(out, 0, sizeof *out);
    char *lang = accept_language ? g_strdup_printf("Accept-Language: %s\r\n", accept_language)
                                 : g_strdup("");
    /* A body-less POST still needs its length, or the server answers 411. */
    const char *length = strcmp(method, "POST") == 0 ? "Content-Length: 0\r\n" : "";
    char *req = g_strdup_printf("%s %s HTTP/1.0\r\nHost: 127.0.0.1:%d\r\n%s%sConnection: "
                                "close\r\n\r\n",
                                method, path, e->port, lang, length);
    GByteArray *all = exchange(e, req);
    if (all) {
        parse_response(all, out);
        g_byte_array_unref(all);
    }
    g_free(req);
    g_free(lang);
}

void http_get(const web_env_t *e, const char *path, http_t *out)
{
    http_request(e, "GET", path, NULL, out);
}

char *http_header(const http_t *r, const char *name)
{
    if (!r->head)
        return NULL;
    char **lines = g_strsplit(r->head, "\r\n", -1);
    char *value = NULL;
    size_t n = strlen(name);
    for (char **l = lines + 1; *l && !value; l++)
        if (g_ascii_strncasecmp(*l, name, n) == 0 && (*l)[n] == ':')
            value = g_strstrip(g_strdup(*l + n + 1));
    g_strfreev(lines);
    return value;
}

void http_clear(http_t *r)
{
    g_free(r->head);
    g_free(r->body);
    memset(r, 0, sizeof *r);
}

/* ---- Chromium ---- */

char *chromium_dom(const web_env_t *e, const char *path, const char *lang)
{
    const char *bin = g_getenv("CHROMIUM") ? g_getenv("CHROMIUM") : "chromium";
    char *url = g_strdup_printf("http://127.0.0.1:%d%s", e->port, path);
    char *profile = g_build_filename(e->tmp, "chromium", NULL);
    char *profile_arg = g_strdup_printf("--user-data-dir=%s", profile);
    char *lang_arg = g_strdup_printf("--accept-lang=%s", lang ? lang : "nb");
    char *argv[] = {"timeout",
                    "120",
                    (char *)bin,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-extensions",
                    "--disable-dev-shm-usage",
                    profile_arg,
                    lang_arg,
                    "--dump-dom",
                    url,
                    NULL};
    char *out = NULL;
    /* Chromium talks a lot on stderr about D-Bus and GPUs. */
    int rc = run_flags(argv, NULL, &out, G_SPAWN_STDERR_TO_DEV_NULL);
    if (rc != 0 || !out || !*out) {
        fprintf(stderr, "chromium failed on %s (exit %d)\n", url, rc);
        g_free(out);
        out = NULL;
    }
    g_free(url);
    g_free(profile);
    g_free(profile_arg);
    g_free(lang_arg);
    return out;
}

char *harness_doc_id(const web_env_t *e, const char *relpath)
{
    char *path = g_build_filename(e->corpus, relpath, NULL);
    char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, path, -1);
    char *id = g_strndup(sum, 16);
    g_free(sum);
    g_free(path);
    return id;
}

guint count_of(const char *hay, const char *needle)
{
    guint n = 0;
    size_t len = strlen(needle);
    for (const char *p = hay; p && (p = strstr(p, needle)); p += len)
        n++;
    return n;
}
