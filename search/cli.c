/* cli.c — shared pieces of the arkiv command line. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *arkiv_cli_db_path(const char *opt_db)
{
    if (opt_db && *opt_db)
        return opt_db;
    const char *env = g_getenv("ARKIV_DB");
    if (env && *env)
        return env;
    return "arkiv.db";
}

/* --allow-partial, for every command that reads the index. */
static gboolean allow_partial;
static const GOptionEntry read_entries[] = {
    {"allow-partial", 0, 0, G_OPTION_ARG_NONE, &allow_partial,
     "Answer from the shards that answer when some do not (with a warning)", NULL},
    {NULL, 0, 0, 0, NULL, NULL, NULL}};

gboolean arkiv_cli_parse(GOptionContext *ctx, int *argc, char ***argv)
{
    GError *err = NULL;
    if (strcmp((*argv)[0], "index") != 0)
        g_option_context_add_main_entries(ctx, read_entries, NULL);
    if (!g_option_context_parse(ctx, argc, argv, &err)) {
        fprintf(stderr, "arkiv: %s\n", err->message);
        fprintf(stderr, "Try 'arkiv %s --help'.\n", (*argv)[0]);
        g_error_free(err);
        return FALSE;
    }
    return TRUE;
}

arkiv_db_t *arkiv_cli_open_ro(const char *path)
{
    arkiv_db_t *db = NULL;
    char *msg = NULL;
    arkiv_db_options_t opts;
    arkiv_db_options_init(&opts);
    opts.allow_partial = allow_partial;
    arkiv_status_t st = arkiv_db_open_with(path, ARKIV_DB_READ_ONLY, &opts, &db, &msg);
    if (st == ARKIV_STATUS_NOT_FOUND)
        fprintf(stderr, "arkiv: no index at %s (create one with 'arkiv index --db %s FOLDER')\n",
                path, path);
    else if (st != ARKIV_STATUS_OK)
        fprintf(stderr, "arkiv: cannot open index: %s\n", msg ? msg : arkiv_status_string(st));
    free(msg);
    for (size_t i = 0; db && i < arkiv_db_missing_count(db); i++) {
        const char *why = NULL;
        const char *name = arkiv_db_missing_shard(db, i, &why);
        fprintf(stderr, "arkiv: warning: shard %s does not answer (%s); answers leave it out\n",
                name, why ? why : "");
    }
    return db;
}

void arkiv_cli_print_json(JsonBuilder *b)
{
    JsonNode *root = json_builder_get_root(b);
    char *s = json_to_string(root, TRUE);
    printf("%s\n", s);
    g_free(s);
    json_node_unref(root);
    g_object_unref(b);
}

void arkiv_cli_print_node(JsonNode *n)
{
    char *s = json_to_string(n, TRUE);
    printf("%s\n", s);
    g_free(s);
}

gboolean arkiv_cli_out_mode(const char *cmd, gboolean json, gboolean csv, arkiv_out_t *out)
{
    if (json && csv) {
        fprintf(stderr, "arkiv %s: --json and --csv exclude each other\n", cmd);
        return FALSE;
    }
    *out = json ? ARKIV_OUT_JSON : csv ? ARKIV_OUT_CSV : ARKIV_OUT_TEXT;
    return TRUE;
}

gboolean arkiv_cli_parse_sort(const char *cmd, const char *s, arkiv_sort_t dflt, arkiv_sort_t *out)
{
    if (!s)
        *out = dflt;
    else if (strcmp(s, "relevance") == 0)
        *out = ARKIV_SORT_RELEVANCE;
    else if (strcmp(s, "date") == 0)
        *out = ARKIV_SORT_DATE_ASC;
    else if (strcmp(s, "-date") == 0)
        *out = ARKIV_SORT_DATE_DESC;
    else {
        fprintf(stderr, "arkiv %s: --sort takes relevance, date or -date, not '%s'\n", cmd, s);
        return FALSE;
    }
    return TRUE;
}

gboolean arkiv_cli_not_negative(const char *cmd, const char *what, gint n)
{
    if (n >= 0)
        return TRUE;
    fprintf(stderr, "arkiv %s: %s must not be negative\n", cmd, what);
    return FALSE;
}

char *arkiv_cli_join(char **words)
{
    return words ? g_strjoinv(" ", words) : g_strdup("");
}

int arkiv_cli_run_answer(const char *cmd, const char *db_opt, const arkiv_cli_answer_t *how,
                         const void *user)
{
    arkiv_db_t *db = arkiv_cli_open_ro(arkiv_cli_db_path(db_opt));
    if (!db)
        return ARKIV_EXIT_ERROR;
    JsonNode *answer = NULL;
    char *error = NULL;
    arkiv_status_t st = how->answer(db, user, &answer, &error);
    int rc = ARKIV_EXIT_OK;
    if (st == ARKIV_STATUS_OK) {
        how->print(answer, user);
        json_node_unref(answer);
    } else {
        fprintf(stderr, "arkiv %s: %s\n", cmd, error ? error : arkiv_status_string(st));
        rc = st == ARKIV_STATUS_BAD_QUERY ? ARKIV_EXIT_USAGE : ARKIV_EXIT_ERROR;
    }
    g_free(error);
    arkiv_db_free(db);
    return rc;
}
