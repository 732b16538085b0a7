/* cli_list.c — the list commands' options and run (cli_list.h). */
#include "cli_list.h"

#include <stdio.h>

#include "answer_json.h"

typedef struct {
    char *db, *council;
    gboolean json;
    gint year;
    char **rest;
} list_args_t;

typedef struct {
    const arkiv_cli_list_t *cmd;
    arkiv_answer_filter_t f;
    gboolean json;
} list_run_t;

static arkiv_status_t answer(arkiv_db_t *db, const void *user, JsonNode **out, char **error)
{
    const list_run_t *s = user;
    return s->cmd->answer(db, &s->f, out, error);
}

static void print(JsonNode *n, const void *user)
{
    const list_run_t *s = user;
    if (s->json)
        arkiv_cli_print_node(n);
    else
        s->cmd->print_text(arkiv_json_root(n));
}

static GOptionContext *make_context(const arkiv_cli_list_t *cmd, list_args_t *a)
{
    GOptionEntry entries[] = {
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &a->db,
         "Index location (default $ARKIV_DB or ./arkiv.db)", "PATH"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &a->json, "Print the list as JSON", NULL},
        {"council", 0, 0, G_OPTION_ARG_STRING, &a->council, cmd->council_help, "NAME"},
        {"year", 0, 0, G_OPTION_ARG_INT, &a->year, cmd->year_help, "YEAR"},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->rest, NULL, NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new(NULL);
    g_option_context_set_summary(ctx, cmd->summary);
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(ctx, cmd->description);
    return ctx;
}

int arkiv_cli_run_list(const arkiv_cli_list_t *cmd, int argc, char **argv)
{
    list_args_t a = {0};
    GOptionContext *ctx = make_context(cmd, &a);
    int rc = ARKIV_EXIT_USAGE;
    if (!arkiv_cli_parse(ctx, &argc, &argv)) {
        /* message printed */
    } else if (a.rest && a.rest[0]) {
        fprintf(stderr, "arkiv %s: unexpected '%s'\nTry 'arkiv %s --help'.\n", cmd->name, a.rest[0],
                cmd->name);
    } else {
        list_run_t s = {cmd, {a.council, a.year}, a.json};
        arkiv_cli_answer_t how = {answer, print};
        rc = arkiv_cli_run_answer(cmd->name, a.db, &how, &s);
    }
    g_option_context_free(ctx);
    g_free(a.db);
    g_free(a.council);
    g_strfreev(a.rest);
    return rc;
}
