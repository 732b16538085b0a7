/* cmd_decisions.c — `arkiv decisions QUERY`: what was decided
 * (answer/decisions.c). */
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "answer_json.h"
#include "cli.h"
#include "csv.h"
#include "text.h"

typedef struct {
    char *db, *sort;
    gboolean json, csv;
    gint limit;
    char **words;
} decisions_args_t;

typedef struct {
    const char *query;
    arkiv_sort_t sort;
    unsigned limit;
    arkiv_out_t out;
} decisions_run_t;

static arkiv_status_t answer(arkiv_db_t *db, const void *user, JsonNode **out, char **error)
{
    const decisions_run_t *s = user;
    return arkiv_answer_decisions(db, s->query, s->sort, s->limit, out, error);
}

static void print_text(JsonObject *a)
{
    JsonArray *rows = arkiv_json_array(a, "decisions");
    guint n = arkiv_json_array_len(rows);
    gint64 total = arkiv_json_int(a, "total", 0);
    if (!total) {
        printf("No decisions match.\n");
        return;
    }
    printf("%" G_GINT64_FORMAT " decision%s", total, total == 1 ? "" : "s");
    if (n < total)
        printf("; showing %u", n);
    printf("\n\n");
    arkiv_text_councils_t *names = arkiv_text_councils_new();
    for (guint i = 0; i < n; i++) {
        JsonObject *d = arkiv_json_array_object(rows, i);
        char *date = arkiv_text_date(arkiv_json_str(d, "date"));
        const char *number = arkiv_json_str(d, "number");
        printf("%-10s  ", date);
        arkiv_text_pad(stdout, arkiv_text_council(names, arkiv_json_str(d, "council")), 8);
        char *label = arkiv_text_item(number);
        printf("  %s %s\n", label, arkiv_json_str(d, "title") ? arkiv_json_str(d, "title") : "");
        g_free(label);
        arkiv_text_wrap(stdout, 22, "Vedtak: ", arkiv_json_str(d, "decision"), ARKIV_TEXT_WIDTH);
        printf("\n");
        g_free(date);
    }
    arkiv_text_councils_free(names);
}

static void print_csv(JsonObject *a)
{
    static const char *const head[] = {"date",     "council", "item", "title",
                                       "decision", "id",      "path"};
    arkiv_csv_row(stdout, head, G_N_ELEMENTS(head));
    JsonArray *rows = arkiv_json_array(a, "decisions");
    for (guint i = 0; i < arkiv_json_array_len(rows); i++) {
        JsonObject *d = arkiv_json_array_object(rows, i);
        const char *row[] = {arkiv_json_str(d, "date"),     arkiv_json_str(d, "council"),
                             arkiv_json_str(d, "number"),   arkiv_json_str(d, "title"),
                             arkiv_json_str(d, "decision"), arkiv_json_str(d, "id"),
                             arkiv_json_str(d, "path")};
        arkiv_csv_row(stdout, row, G_N_ELEMENTS(row));
    }
}

static void print(JsonNode *n, const void *user)
{
    const decisions_run_t *s = user;
    if (s->out == ARKIV_OUT_JSON)
        arkiv_cli_print_node(n);
    else if (s->out == ARKIV_OUT_CSV)
        print_csv(arkiv_json_root(n));
    else
        print_text(arkiv_json_root(n));
}

static GOptionContext *make_context(decisions_args_t *a)
{
    GOptionEntry entries[] = {
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &a->db,
         "Index location (default $ARKIV_DB or ./arkiv.db)", "PATH"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &a->json, "Print the decisions as JSON", NULL},
        {"csv", 0, 0, G_OPTION_ARG_NONE, &a->csv, "Print the decisions as CSV", NULL},
        {"limit", 'n', 0, G_OPTION_ARG_INT, &a->limit, "Show at most N decisions (default all)",
         "N"},
        {"sort", 0, 0, G_OPTION_ARG_STRING, &a->sort,
         "date (default, oldest first), -date or relevance", "ORDER"},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->words, NULL, "QUERY..."},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new(NULL);
    g_option_context_set_summary(
        ctx, "Decisions only: the agenda items matching the query that have a decision,\n"
             "with council, date, case number, title and the decision text.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(
        ctx, "The query is matched against each agenda item (its text, title and\n"
             "decision) and the meeting's fields (council:, year:, date:, ...);\n"
             "decision:WORDS matches the decision text only. See arkiv-decisions(1).\n\n"
             "Exit status: 0 ok (also with no matches), 1 error, 2 usage error or\n"
             "a query that cannot be parsed.\n");
    return ctx;
}

int arkiv_cmd_decisions(int argc, char **argv)
{
    decisions_args_t a = {0};
    GOptionContext *ctx = make_context(&a);
    int rc = ARKIV_EXIT_USAGE;
    arkiv_out_t out;
    arkiv_sort_t sort;
    if (!arkiv_cli_parse(ctx, &argc, &argv) ||
        !arkiv_cli_out_mode("decisions", a.json, a.csv, &out) ||
        !arkiv_cli_parse_sort("decisions", a.sort, ARKIV_SORT_DATE_ASC, &sort)) {
        /* message printed */
    } else if (a.limit < 0) {
        fprintf(stderr, "arkiv decisions: --limit must not be negative\n");
    } else {
        char *query = arkiv_cli_join(a.words);
        decisions_run_t s = {query, sort, (unsigned)a.limit, out};
        arkiv_cli_answer_t how = {answer, print};
        rc = arkiv_cli_run_answer("decisions", a.db, &how, &s);
        g_free(query);
    }
    g_option_context_free(ctx);
    g_free(a.db);
    g_free(a.sort);
    g_strfreev(a.words);
    return rc;
}
