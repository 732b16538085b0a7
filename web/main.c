/* main.c — arkiv.cgi: the web frontend of an arkiv index.
 *
 * One binary for three ways of running:
 *   - FastCGI: the server keeps it resident; FCGI_Accept hands it one
 *     request after another, and the index stays open between them;
 *   - CGI: FCGI_Accept returns once with the CGI environment;
 *   - a shell (no REQUEST_METHOD, stdin not a FastCGI socket): NAME=VALUE
 *     arguments, like Omega, and the CGI output on stdout.
 * The index is $ARKIV_DB, read once at start: under FastCGI the
 * environment is the request's after FCGI_Accept, and a client must
 * never choose the index. Diagnostics go to the real stderr (the server's
 * error log) with g_printerr: libfcgi's stderr drops them before the
 * first FCGI_Accept. */
#include <fcgi_stdio.h>

#include <stdlib.h>
#include <string.h>

#include "cpulimit.h"
#include "output.h"
#include "page.h"

typedef struct {
    char *db_path;                /* owned; NULL: ARKIV_DB unset */
    char *static_base;            /* owned; URL folder of arkiv.css */
    arkiv_db_t *db;               /* owned; NULL until opened */
    arkiv_knowledge_t *knowledge; /* owned; NULL when the data files are missing */
    int allow_partial;            /* $ARKIV_ALLOW_PARTIAL: serve the shards that answer */
} web_app_t;

/* The data files (person keys for the attendance answer), found like the
 * command line finds them ($ARKIV_DATA first); without them the pages
 * still work from what the index knows. */
static arkiv_knowledge_t *load_knowledge(void)
{
    GError *err = NULL;
    arkiv_knowledge_t *k = NULL;
    char *dir = arkiv_knowledge_find_dir(NULL, &err);
    if (dir)
        arkiv_knowledge_load(dir, &k, &err);
    if (!k)
        g_printerr("arkiv.cgi: no data files: %s\n", err ? err->message : "");
    g_clear_error(&err);
    g_free(dir);
    return k;
}

/* Open the index on first use and move to its latest commit on every
 * request (cheap when nothing changed), so a resident process sees what
 * the indexer has committed. A failed reopen (the index was replaced)
 * starts over with a fresh handle. */
static arkiv_db_t *app_db(web_app_t *app)
{
    if (app->db && arkiv_db_reopen(app->db) == ARKIV_STATUS_OK)
        return app->db;
    arkiv_db_free(app->db);
    app->db = NULL;
    if (app->db_path) {
        char *msg = NULL;
        arkiv_db_options_t opts;
        arkiv_db_options_init(&opts);
        opts.allow_partial = app->allow_partial;
        if (arkiv_db_open_with(app->db_path, ARKIV_DB_READ_ONLY, &opts, &app->db, &msg) !=
            ARKIV_STATUS_OK)
            g_printerr("arkiv.cgi: cannot open %s: %s\n", app->db_path, msg ? msg : "");
        free(msg);
    }
    return app->db;
}

static void serve(web_app_t *app, web_request_t *req, gboolean ok, int status, const char *why)
{
    web_response_t resp;
    web_response_init(&resp);
    web_ctx_t ctx = {.req = req, .db = NULL, .knowledge = app->knowledge, .resp = &resp};
    if (!ok) {
        web_page_error(&ctx, status, why);
    } else {
        ctx.db = app_db(app);
        web_route(&ctx);
    }
    /* Over the limit: end here, before a byte of the answer is sent. */
    web_cpu_limit_disarm();
    web_output_send(&resp, req->head);
    web_response_clear(&resp);
}

/* One request: from shell arguments, or from the environment that
 * FCGI_Accept set up. */
static void serve_one(web_app_t *app, gboolean shell, int argc, char **argv)
{
    web_cpu_limit_arm();
    web_request_t req;
    int status = 0;
    const char *why = NULL;
    gboolean ok = shell ? web_request_from_args(&req, app->static_base, argc, argv, &status, &why)
                        : web_request_from_env(&req, app->static_base, &status, &why);
    serve(app, &req, ok, status, why);
    web_request_clear(&req);
}

int main(int argc, char **argv)
{
    const char *db = getenv("ARKIV_DB"), *stat = getenv("ARKIV_STATIC");
    web_app_t app = {.db_path = db && *db ? g_strdup(db) : NULL,
                     .static_base = g_strdup(stat && *stat ? stat : "/static"),
                     .db = NULL,
                     .knowledge = load_knowledge(),
                     .allow_partial = getenv("ARKIV_ALLOW_PARTIAL") != NULL};
    double cpu = 10;
    if (!web_cpu_limit_from_env(&cpu))
        g_printerr("arkiv.cgi: ARKIV_CPU_LIMIT is not a number of seconds; using %g\n", cpu);
    web_cpu_limit_init(cpu);
    /* FCGI_Accept also sets up stdout under CGI and from a shell, where
     * it returns once. */
    gboolean shell = FCGX_IsCGI() && !getenv("REQUEST_METHOD");
    while (FCGI_Accept() >= 0)
        serve_one(&app, shell, argc, argv);
    arkiv_db_free(app.db);
    arkiv_knowledge_free(app.knowledge);
    g_free(app.db_path);
    g_free(app.static_base);
    return 0;
}
