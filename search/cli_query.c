/* cli_query.c — the query commands' options and run (cli_query.h). */
#include "cli_query.h"

#include <stdio.h>

#include "answer_json.h"

typedef struct {
    char *db;
    gboolean json, csv;
    char **words;
    char *query;
} query_args_t;

typedef struct {
    const arkiv_cli_query_t *cmd;
    arkiv_cli_query_in_t in;
} query_run_t;

static arkiv_status_t answer(arkiv_db_t *db, const void *user, JsonNode **out, char **error)
{
    const query_run_t *r = user;
    return r->cmd->answer(db, &r->in, out, error);
}

static void print(JsonNode *n, const void *user)
{
    const query_run_t *r = user;
    if (r->in.out == ARKIV_OUT_JSON)
        arkiv_cli_print_node(n);
    else if (r->in.out == ARKIV_OUT_CSV)
        r->cmd->print_csv(arkiv_json_root(n), r->in.opts);
    else
        r->cmd->print_text(arkiv_json_root(n), r->in.opts);
}

/* --db, --json, --csv, the command's own options, then the operand:
 * the order --help lists them in. A command without --csv or operand
 * still collects the words, to refuse them. */
static GOptionContext *make_context(const arkiv_cli_query_t *cmd, const GOptionEntry *own,
                                    query_args_t *a)
{
    GOptionEntry common[] = {{"db", 0, 0, G_OPTION_ARG_FILENAME, &a->db,
                              "Index location (default $ARKIV_DB or ./arkiv.db)", "PATH"},
                             {"json", 0, 0, G_OPTION_ARG_NONE, &a->json, cmd->json_help, NULL},
                             {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionEntry csv[] = {{"csv", 0, 0, G_OPTION_ARG_NONE, &a->csv, cmd->csv_help, NULL},
                          {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionEntry operand[] = {
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->words, NULL, cmd->operand},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new(NULL);
    g_option_context_set_summary(ctx, cmd->summary);
    g_option_context_add_main_entries(ctx, common, NULL);
    if (cmd->csv_help)
        g_option_context_add_main_entries(ctx, csv, NULL);
    if (own)
        g_option_context_add_main_entries(ctx, own, NULL);
    g_option_context_add_main_entries(ctx, operand, NULL);
    g_option_context_set_description(ctx, cmd->description);
    return ctx;
}

/* The usage checks, in the order the commands have always made them;
 * FALSE (message printed) for a usage error. Sets r->in.out and
 * a->query. */
static gboolean parse(const arkiv_cli_query_t *cmd, GOptionContext *ctx, int *argc, char ***argv,
                      query_args_t *a, query_run_t *r, void *opts)
{
    if (!arkiv_cli_parse(ctx, argc, argv))
        return FALSE;
    if (cmd->check_first && !cmd->check_first(opts))
        return FALSE;
    if (!arkiv_cli_out_mode(cmd->name, a->json, a->csv, &r->in.out))
        return FALSE;
    if (cmd->check && !cmd->check(opts))
        return FALSE;
    if (!cmd->operand && a->words && a->words[0]) {
        fprintf(stderr, "arkiv %s: unexpected '%s'\nTry 'arkiv %s --help'.\n", cmd->name,
                a->words[0], cmd->name);
        return FALSE;
    }
    a->query = arkiv_cli_join(a->words);
    if (cmd->required && !*g_strstrip(a->query)) {
        fprintf(stderr, "arkiv %s: no %s given\nTry 'arkiv %s --help'.\n", cmd->name, cmd->required,
                cmd->name);
        return FALSE;
    }
    return TRUE;
}

int arkiv_cli_run_query(const arkiv_cli_query_t *cmd, const GOptionEntry *own, void *opts, int argc,
                        char **argv)
{
    query_args_t a = {0};
    GOptionContext *ctx = make_context(cmd, own, &a);
    query_run_t r = {cmd, {NULL, ARKIV_OUT_TEXT, opts}};
    int rc;
    if (!parse(cmd, ctx, &argc, &argv, &a, &r, opts)) {
        rc = ARKIV_EXIT_USAGE;
    } else if (cmd->prepare && !cmd->prepare(opts)) {
        rc = ARKIV_EXIT_ERROR;
    } else {
        r.in.query = a.query;
        arkiv_cli_answer_t how = {answer, print};
        rc = arkiv_cli_run_answer(cmd->name, a.db, &how, &r);
    }
    g_option_context_free(ctx);
    g_free(a.db);
    g_strfreev(a.words);
    g_free(a.query);
    return rc;
}
