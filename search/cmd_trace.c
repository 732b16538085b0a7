/* cmd_trace.c — `arkiv trace QUERY`: a case or project through the
 * councils, oldest first (answer/trace.c). */
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "answer_json.h"
#include "cli.h"
#include "csv.h"
#include "text.h"

typedef struct {
    char *db;
    gboolean json, csv;
    gint limit;
    char **words;
} trace_args_t;

typedef struct {
    const char *query;
    arkiv_out_t out;
    unsigned limit;
} trace_run_t;

static arkiv_status_t answer(arkiv_db_t *db, const void *user, JsonNode **out, char **error)
{
    const trace_run_t *s = user;
    return arkiv_answer_trace(db, s->query, s->limit, out, error);
}

static char *councils_text(JsonArray *cs, const arkiv_text_councils_t *names)
{
    GString *s = g_string_new(NULL);
    for (guint c = 0; c < arkiv_json_array_len(cs); c++)
        g_string_append_printf(s, "%s%s", c ? ", " : "",
                               arkiv_text_council(names, arkiv_json_array_str(cs, c)));
    return g_string_free(s, FALSE);
}

/* "17.04.2024  ASU   Sak 13/24 HARMONI – oppstart", then the decision,
 * or for a meeting without a matching item, where the words are. */
static void print_event(JsonObject *e, const arkiv_text_councils_t *names)
{
    char *date = arkiv_text_date(arkiv_json_str(e, "date"));
    char *councils = councils_text(arkiv_json_array(e, "councils"), names);
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

static void print_text(JsonObject *a)
{
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

static void print_csv(JsonObject *a)
{
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

static void print(JsonNode *n, const void *user)
{
    const trace_run_t *s = user;
    if (s->out == ARKIV_OUT_JSON)
        arkiv_cli_print_node(n);
    else if (s->out == ARKIV_OUT_CSV)
        print_csv(arkiv_json_root(n));
    else
        print_text(arkiv_json_root(n));
}

static GOptionContext *make_context(trace_args_t *a)
{
    GOptionEntry entries[] = {
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &a->db,
         "Index location (default $ARKIV_DB or ./arkiv.db)", "PATH"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &a->json, "Print the events as JSON", NULL},
        {"csv", 0, 0, G_OPTION_ARG_NONE, &a->csv, "Print the events as CSV", NULL},
        {"limit", 'n', 0, G_OPTION_ARG_INT, &a->limit,
         "Follow at most the N best-matching documents (default 2000)", "N"},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->words, NULL, "QUERY..."},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new(NULL);
    g_option_context_set_summary(
        ctx, "The story of a case or project across councils: one event per meeting,\n"
             "oldest first, with the agenda item and its decision.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(
        ctx, "Plain words are taken as a phrase or a project name (arkiv trace hjem til\n"
             "hjem); case:12/24 also finds the minutes that refer to the case\n"
             "(\"jf. ASU-sak 12/24\"); any other query works as in arkiv search.\n"
             "See arkiv-trace(1).\n\n"
             "Exit status: 0 ok (also with no matches), 1 error, 2 usage error or\n"
             "a query that cannot be parsed.\n");
    return ctx;
}

int arkiv_cmd_trace(int argc, char **argv)
{
    trace_args_t a = {0};
    GOptionContext *ctx = make_context(&a);
    int rc = ARKIV_EXIT_USAGE;
    arkiv_out_t out;
    char *query = NULL;
    if (!arkiv_cli_parse(ctx, &argc, &argv) || !arkiv_cli_out_mode("trace", a.json, a.csv, &out)) {
        /* message printed */
    } else if (a.limit < 0) {
        fprintf(stderr, "arkiv trace: --limit must not be negative\n");
    } else if (!*g_strstrip(query = arkiv_cli_join(a.words))) {
        fprintf(stderr, "arkiv trace: no QUERY given\nTry 'arkiv trace --help'.\n");
    } else {
        trace_run_t s = {query, out, a.limit > 0 ? (unsigned)a.limit : 0};
        arkiv_cli_answer_t how = {answer, print};
        rc = arkiv_cli_run_answer("trace", a.db, &how, &s);
    }
    g_free(query);
    g_option_context_free(ctx);
    g_free(a.db);
    g_strfreev(a.words);
    return rc;
}
