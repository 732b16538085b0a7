/* cmd_decisions.c — `arkiv decisions QUERY`: what was decided
 * (answer/decisions.c). */
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "answer_json.h"
#include "cli_query.h"
#include "csv.h"
#include "text.h"

/* The options of its own; GOption fills them, arkiv_cmd_decisions frees. */
typedef struct {
    gint limit;
    char *sort_arg;
    arkiv_sort_t sort;
} decisions_opts_t;

static gboolean check(void *opts)
{
    decisions_opts_t *o = opts;
    return arkiv_cli_parse_sort("decisions", o->sort_arg, ARKIV_SORT_DATE_ASC, &o->sort) &&
           arkiv_cli_not_negative("decisions", "--limit", o->limit);
}

static arkiv_status_t answer(arkiv_db_t *db, const arkiv_cli_query_in_t *in, JsonNode **out,
                             char **error)
{
    const decisions_opts_t *o = in->opts;
    return arkiv_answer_decisions(db, in->query, o->sort, (unsigned)o->limit, out, error);
}

static void print_text(JsonObject *a, const void *opts)
{
    (void)opts;
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

static void print_csv(JsonObject *a, const void *opts)
{
    (void)opts;
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

static const arkiv_cli_query_t decisions = {
    .name = "decisions",
    .summary = "Decisions only: the agenda items matching the query that have a decision,\n"
               "with council, date, case number, title and the decision text.",
    .description = "The query is matched against each agenda item (its text, title and\n"
                   "decision) and the meeting's fields (council:, year:, date:, ...);\n"
                   "decision:WORDS matches the decision text only. See arkiv-decisions(1).\n\n"
                   "Exit status: 0 ok (also with no matches), 1 error, 2 usage error or\n"
                   "a query that cannot be parsed.\n",
    .json_help = "Print the decisions as JSON",
    .csv_help = "Print the decisions as CSV",
    .operand = "QUERY...",
    .check = check,
    .answer = answer,
    .print_text = print_text,
    .print_csv = print_csv};

int arkiv_cmd_decisions(int argc, char **argv)
{
    decisions_opts_t o = {0};
    GOptionEntry own[] = {{"limit", 'n', 0, G_OPTION_ARG_INT, &o.limit,
                           "Show at most N decisions (default all)", "N"},
                          {"sort", 0, 0, G_OPTION_ARG_STRING, &o.sort_arg,
                           "date (default, oldest first), -date or relevance", "ORDER"},
                          {NULL, 0, 0, 0, NULL, NULL, NULL}};
    int rc = arkiv_cli_run_query(&decisions, own, &o, argc, argv);
    g_free(o.sort_arg);
    return rc;
}
