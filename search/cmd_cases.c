/* cmd_cases.c — `arkiv cases`: the numbered cases with their titles
 * (answer/cases.c). */
#include <stdio.h>

#include "answer.h"
#include "answer_json.h"
#include "cli.h"
#include "text.h"

typedef struct {
    char *db, *council;
    gboolean json;
    gint year;
    char **rest;
} cases_args_t;

typedef struct {
    arkiv_answer_filter_t f;
    gboolean json;
} cases_run_t;

static arkiv_status_t answer(arkiv_db_t *db, const void *user, JsonNode **out, char **error)
{
    const cases_run_t *s = user;
    return arkiv_answer_cases(db, &s->f, out, error);
}

static void print_text(JsonObject *a)
{
    JsonArray *cases = arkiv_json_array(a, "cases");
    guint n = arkiv_json_array_len(cases);
    if (!n) {
        printf("No cases.\n");
        return;
    }
    printf("%u case%s\n\n", n, n == 1 ? "" : "s");
    arkiv_text_councils_t *names = arkiv_text_councils_new();
    for (guint i = 0; i < n; i++) {
        JsonObject *c = arkiv_json_array_object(cases, i);
        char *date = arkiv_text_date(arkiv_json_str(c, "date"));
        printf("%-10s  ", date);
        arkiv_text_pad(stdout, arkiv_text_council(names, arkiv_json_str(c, "council")), 8);
        printf("  %-6s %s\n", arkiv_json_str(c, "number"),
               arkiv_json_str(c, "title") ? arkiv_json_str(c, "title") : "");
        g_free(date);
    }
    arkiv_text_councils_free(names);
}

static void print(JsonNode *n, const void *user)
{
    const cases_run_t *s = user;
    if (s->json)
        arkiv_cli_print_node(n);
    else
        print_text(arkiv_json_root(n));
}

static GOptionContext *make_context(cases_args_t *a)
{
    GOptionEntry entries[] = {
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &a->db,
         "Index location (default $ARKIV_DB or ./arkiv.db)", "PATH"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &a->json, "Print the list as JSON", NULL},
        {"council", 0, 0, G_OPTION_ARG_STRING, &a->council,
         "Only cases of this council (any of its names: ASU)", "NAME"},
        {"year", 0, 0, G_OPTION_ARG_INT, &a->year, "Only cases of meetings in this year", "YEAR"},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->rest, NULL, NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new(NULL);
    g_option_context_set_summary(
        ctx, "Every agenda item with a case number (sak 12/24), oldest first, with its\n"
             "council, date and title.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(
        ctx, "arkiv trace case:12/24 follows one case. See arkiv-cases(1).\n\n"
             "Exit status: 0 ok, 1 error, 2 usage error.\n");
    return ctx;
}

int arkiv_cmd_cases(int argc, char **argv)
{
    cases_args_t a = {0};
    GOptionContext *ctx = make_context(&a);
    int rc = ARKIV_EXIT_USAGE;
    if (!arkiv_cli_parse(ctx, &argc, &argv)) {
        /* message printed */
    } else if (a.rest && a.rest[0]) {
        fprintf(stderr, "arkiv cases: unexpected '%s'\nTry 'arkiv cases --help'.\n", a.rest[0]);
    } else {
        cases_run_t s = {{a.council, a.year}, a.json};
        arkiv_cli_answer_t how = {answer, print};
        rc = arkiv_cli_run_answer("cases", a.db, &how, &s);
    }
    g_option_context_free(ctx);
    g_free(a.db);
    g_free(a.council);
    g_strfreev(a.rest);
    return rc;
}
