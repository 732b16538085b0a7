/* cmd_trace.c — `arkiv trace QUERY`: a case or project through the
 * councils, oldest first (answer/trace.c). */
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "answer_json.h"
#include "cli_query.h"
#include "csv.h"
#include "text.h"

/* The options of its own; GOption fills them. */
typedef struct {
    gint limit;
} trace_opts_t;

static gboolean check(void *opts)
{
    const trace_opts_t *o = opts;
    return arkiv_cli_not_negative("trace", "--limit", o->limit);
}

static arkiv_status_t answer(arkiv_db_t *db, const arkiv_cli_query_in_t *in, JsonNode **out,
                             char **error)
{
    const trace_opts_t *o = in->opts;
    return arkiv_answer_trace(db, in->query, (unsigned)o->limit, out, error);
}

/* "17.04.2024  ASU   Sak 13/24 HARMONI – oppstart", then the decision,
 * or for a meeting without a matching item, where the words are. */
static void print_event(JsonObject *e, const arkiv_text_councils_t *names)
{
    char *date = arkiv_text_date(arkiv_json_str(e, "date"));
    char *councils = arkiv_text_councils_join(arkiv_json_array(e, "councils"), names);
    const char *item = arkiv_json_str(e, "item"), *title = arkiv_json_str(e, "title");
    printf("%-10s  ", date);
    arkiv_text_pad(stdout, councils, 8);
    printf("  ");
    char *label = arkiv_text_item(item);
    printf("%s%s%s\n", label, item ? " " : "", title ? title : "");
    g_free(label);
    if (arkiv_json_str(e, "decision"))
        arkiv_text_wrap(stdout, 22, "Vedtak: ", arkiv_json_str(e, "decision"), ARKIV_TEXT_WIDTH);
    else
        arkiv_text_wrap(stdout, 22, "", arkiv_json_str(e, "snippet"), ARKIV_TEXT_WIDTH);
    printf("%22s%s\n", "", arkiv_json_str(e, "path") ? arkiv_json_str(e, "path") : "");
    g_free(councils);
    g_free(date);
}

static void print_text(JsonObject *a, const void *opts)
{
    (void)opts;
    JsonArray *events = arkiv_json_array(a, "events");
    guint n = arkiv_json_array_len(events);
    if (!n) {
        printf("No matches.\n");
        return;
    }
    printf("%s: %u meeting%s, oldest first\n\n", arkiv_json_str(a, "query"), n, n == 1 ? "" : "s");
    arkiv_text_councils_t *names = arkiv_text_councils_new();
    for (guint i = 0; i < n; i++) {
        print_event(arkiv_json_array_object(events, i), names);
        printf("\n");
    }
    arkiv_text_councils_free(names);
    if (json_object_has_member(a, "complete") && !json_object_get_boolean_member(a, "complete"))
        printf("Only the best-matching documents were followed: narrow the query to see all.\n");
}

static void print_csv(JsonObject *a, const void *opts)
{
    (void)opts;
    static const char *const head[] = {"date",     "councils", "item", "title",
                                       "decision", "id",       "path", "snippet"};
    arkiv_csv_row(stdout, head, G_N_ELEMENTS(head));
    JsonArray *events = arkiv_json_array(a, "events");
    for (guint i = 0; i < arkiv_json_array_len(events); i++) {
        JsonObject *e = arkiv_json_array_object(events, i);
        char *councils = arkiv_json_join(arkiv_json_array(e, "councils"), "; ");
        const char *row[] = {arkiv_json_str(e, "date"),     councils,
                             arkiv_json_str(e, "item"),     arkiv_json_str(e, "title"),
                             arkiv_json_str(e, "decision"), arkiv_json_str(e, "id"),
                             arkiv_json_str(e, "path"),     arkiv_json_str(e, "snippet")};
        arkiv_csv_row(stdout, row, G_N_ELEMENTS(row));
        g_free(councils);
    }
}

static const arkiv_cli_query_t trace = {
    .name = "trace",
    .summary = "The story of a case or project across councils: one event per meeting,\n"
               "oldest first, with the agenda item and its decision.",
    .description = "Plain words are taken as a phrase or a project name (arkiv trace hjem til\n"
                   "hjem); case:12/24 also finds the minutes that refer to the case\n"
                   "(\"jf. ASU-sak 12/24\"); any other query works as in arkiv search.\n"
                   "See arkiv-trace(1).\n\n"
                   "Exit status: 0 ok (also with no matches), 1 error, 2 usage error or\n"
                   "a query that cannot be parsed.\n",
    .json_help = "Print the events as JSON",
    .csv_help = "Print the events as CSV",
    .operand = "QUERY...",
    .required = "QUERY",
    .check = check,
    .answer = answer,
    .print_text = print_text,
    .print_csv = print_csv};

int arkiv_cmd_trace(int argc, char **argv)
{
    trace_opts_t o = {0};
    GOptionEntry own[] = {{"limit", 'n', 0, G_OPTION_ARG_INT, &o.limit,
                           "Follow at most the N best-matching documents (default 2000)", "N"},
                          {NULL, 0, 0, 0, NULL, NULL, NULL}};
    return arkiv_cli_run_query(&trace, own, &o, argc, argv);
}
