/* cli.c — shared pieces of the arkiv command line. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

const char *arkiv_cli_db_path(const char *opt_db)
{
    if (opt_db && *opt_db)
        return opt_db;
    const char *env = g_getenv("ARKIV_DB");
    if (env && *env)
        return env;
    return "arkiv.db";
}

gboolean arkiv_cli_parse(GOptionContext *ctx, int *argc, char ***argv)
{
    GError *err = NULL;
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
    arkiv_status_t st = arkiv_db_open(path, ARKIV_DB_READ_ONLY, &db, &msg);
    if (st == ARKIV_STATUS_NOT_FOUND)
        fprintf(stderr, "arkiv: no index at %s (create one with 'arkiv index --db %s FOLDER')\n",
                path, path);
    else if (st != ARKIV_STATUS_OK)
        fprintf(stderr, "arkiv: cannot open index: %s\n", msg ? msg : arkiv_status_string(st));
    free(msg);
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
