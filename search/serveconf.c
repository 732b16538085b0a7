/* serveconf.c — the lighttpd configuration for arkiv.cgi, filled in and
 * run (see serveconf.h). */
#include "serveconf.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

int serveconf_free_port(void)
{
    GSocket *s = g_socket_new(G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
    GInetAddress *lo = g_inet_address_new_loopback(G_SOCKET_FAMILY_IPV4);
    GSocketAddress *addr = g_inet_socket_address_new(lo, 0);
    int port = 0;
    if (s && g_socket_bind(s, addr, FALSE, NULL)) {
        GSocketAddress *got = g_socket_get_local_address(s, NULL);
        if (got) {
            port = g_inet_socket_address_get_port(G_INET_SOCKET_ADDRESS(got));
            g_object_unref(got);
        }
    }
    g_object_unref(addr);
    g_object_unref(lo);
    if (s)
        g_object_unref(s);
    return port;
}

/* Paths go between double quotes in lighttpd's syntax, and an @ could
 * make a value look like a placeholder still to fill. */
static gboolean safe_path(const char *p)
{
    return !strpbrk(p, "\"\\\n@");
}

/* The template with every placeholder filled in; NULL with *why. */
static GString *fill_template(const serveconf_t *c, char **why)
{
    const char *vals[][2] = {{"@STATE@", c->run},
                             {"@CGI@", c->cgi},
                             {"@DB@", c->db},
                             {"@STATIC@", c->stat},
                             {"@DATA@", c->data}};
    for (guint i = 0; i < G_N_ELEMENTS(vals); i++)
        if (!safe_path(vals[i][1])) {
            *why = g_strdup_printf("unsupported character in %s", vals[i][1]);
            return NULL;
        }
    char *text = NULL;
    GError *err = NULL;
    if (!g_file_get_contents(c->template_path, &text, NULL, &err)) {
        *why = g_strdup(err->message);
        g_error_free(err);
        return NULL;
    }
    GString *conf = g_string_new(text);
    g_free(text);
    char *port = g_strdup_printf("%d", c->port);
    g_string_replace(conf, "@PORT@", port, 0);
    g_free(port);
    /* One FastCGI process per processor: a search is CPU work (Xapian,
     * snippets, JSON), and one process serves one request at a time. */
    char *procs = g_strdup_printf("%u", MAX(g_get_num_processors(), 1u));
    g_string_replace(conf, "@PROCS@", procs, 0);
    g_free(procs);
    for (guint i = 0; i < G_N_ELEMENTS(vals); i++)
        g_string_replace(conf, vals[i][0], vals[i][1], 0);
    return conf;
}

/* mkdir -p; FALSE with *why naming the folder. */
static gboolean make_dir(const char *path, char **why)
{
    if (g_mkdir_with_parents(path, 0700) == 0)
        return TRUE;
    *why = g_strdup_printf("cannot create %s: %s", path, g_strerror(errno));
    return FALSE;
}

/* run/cgi/arkiv.cgi -> cgi, replacing an earlier link (ln -sf). */
static gboolean link_cgi(const char *run, const char *cgi, char **why)
{
    char *dir = g_build_filename(run, "cgi", NULL);
    char *link = g_build_filename(dir, "arkiv.cgi", NULL);
    gboolean ok = make_dir(dir, why);
    if (ok && (g_unlink(link) != 0 && errno != ENOENT)) {
        *why = g_strdup_printf("cannot replace %s: %s", link, g_strerror(errno));
        ok = FALSE;
    }
    if (ok && symlink(cgi, link) != 0) {
        *why = g_strdup_printf("cannot link %s: %s", link, g_strerror(errno));
        ok = FALSE;
    }
    g_free(link);
    g_free(dir);
    return ok;
}

gboolean serveconf_write(const serveconf_t *c, char **why)
{
    GString *conf = fill_template(c, why);
    if (!conf)
        return FALSE;
    char *docroot = g_build_filename(c->run, "docroot", NULL);
    char *path = g_build_filename(c->run, "lighttpd.conf", NULL);
    GError *err = NULL;
    gboolean ok = make_dir(docroot, why) && link_cgi(c->run, c->cgi, why);
    if (ok && !g_file_set_contents(path, conf->str, (gssize)conf->len, &err)) {
        *why = g_strdup(err->message);
        g_error_free(err);
        ok = FALSE;
    }
    g_free(path);
    g_free(docroot);
    g_string_free(conf, TRUE);
    return ok;
}

gboolean serveconf_spawn(const char *run, GPid *pid, char **why)
{
    char *conf = g_build_filename(run, "lighttpd.conf", NULL);
    char *argv[] = {"lighttpd", "-D", "-f", conf, NULL};
    GError *err = NULL;
    gboolean ok = g_spawn_async(NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, pid, &err);
    if (!ok) {
        *why = g_strdup(err->message);
        g_error_free(err);
    }
    g_free(conf);
    return ok;
}
