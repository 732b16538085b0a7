/* serveconf.h — how arkiv.cgi is served by lighttpd: the template
 * web/lighttpd.conf.in filled in, in a run folder, a free port, and
 * lighttpd started on that configuration.
 *
 * `arkiv serve` (search/cmd_serve.c) and the web tests' harness
 * (tests/web/harness.c) both serve through these functions, so the tests
 * run the very configuration users get; web/serve.sh runs `arkiv serve`. */
#ifndef ARKIV_SERVECONF_H
#define ARKIV_SERVECONF_H

#include <glib.h>

/* The values of the template's @NAME@ placeholders. Borrowed strings,
 * absolute paths (lighttpd resolves nothing relative to us). */
typedef struct {
    const char *template_path; /* lighttpd.conf.in to fill in */
    const char *run;           /* @STATE@: configuration, socket, logs, docroot */
    const char *cgi;           /* @CGI@: arkiv.cgi */
    const char *db;            /* @DB@: the index (ARKIV_DB) */
    const char *stat;          /* @STATIC@: folder of arkiv.css */
    const char *data;          /* @DATA@: data files (ARKIV_DATA) */
    int port;                  /* @PORT@: TCP port on 127.0.0.1 */
} serveconf_t;

/* A free TCP port on 127.0.0.1, asked of the kernel; 0 on failure. The
 * port is released before lighttpd binds it: a race, but a short one, so
 * a caller that must not fail tries again with a new port. */
int serveconf_free_port(void);

/* Write run/lighttpd.conf from the template, with run/docroot (empty)
 * and run/cgi/arkiv.cgi (a link to the CGI, served as plain CGI under
 * /cgi/). Creates run when missing; writing into the same run folder
 * again replaces what an earlier call wrote. FALSE with *why (caller
 * g_frees) when a value cannot go into lighttpd's syntax or a file
 * cannot be written. */
gboolean serveconf_write(const serveconf_t *c, char **why);

/* Start `lighttpd -D -f run/lighttpd.conf` (from $PATH, no shell) as a
 * child that the caller waits for (waitpid, then g_spawn_close_pid).
 * FALSE with *why (caller g_frees) when it cannot be started. */
gboolean serveconf_spawn(const char *run, GPid *pid, char **why);

#endif
