/* cli_list.c — the list commands' options and run (cli_list.h), as
 * commands of the query runner (cli_query.h) that take no words. */
#include "cli_list.h"

#include "cli_query.h"

/* The options of its own; GOption fills them, arkiv_cli_run_list frees. */
typedef struct {
    const arkiv_cli_list_t *cmd;
    char *council;
    gint year;
} list_opts_t;

static arkiv_status_t answer(arkiv_db_t *db, const arkiv_cli_query_in_t *in, JsonNode **out,
                             char **error)
{
    const list_opts_t *o = in->opts;
    arkiv_answer_filter_t f = {o->council, o->year};
    return o->cmd->answer(db, &f, out, error);
}

static void print_text(JsonObject *a, const void *opts)
{
    const list_opts_t *o = opts;
    o->cmd->print_text(a);
}

int arkiv_cli_run_list(const arkiv_cli_list_t *cmd, int argc, char **argv)
{
    list_opts_t o = {cmd, NULL, 0};
    GOptionEntry own[] = {
        {"council", 0, 0, G_OPTION_ARG_STRING, &o.council, cmd->council_help, "NAME"},
        {"year", 0, 0, G_OPTION_ARG_INT, &o.year, cmd->year_help, "YEAR"},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    const arkiv_cli_query_t q = {.name = cmd->name,
                                 .summary = cmd->summary,
                                 .description = cmd->description,
                                 .json_help = "Print the list as JSON",
                                 .answer = answer,
                                 .print_text = print_text};
    int rc = arkiv_cli_run_query(&q, own, &o, argc, argv);
    g_free(o.council);
    return rc;
}
