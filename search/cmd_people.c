/* cmd_people.c — `arkiv people`: who appears in the minutes, with
 * meeting counts (answer/people.c). */
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
} people_args_t;

typedef struct {
    arkiv_answer_filter_t f;
    gboolean json;
} people_run_t;

static arkiv_status_t answer(arkiv_db_t *db, const void *user, JsonNode **out, char **error)
{
    const people_run_t *s = user;
    return arkiv_answer_people(db, &s->f, out, error);
}

static void print(JsonNode *n, const void *user)
{
    const people_run_t *s = user;
    JsonObject *a = arkiv_json_root(n);
    if (s->json) {
        arkiv_cli_print_node(n);
        return;
    }
    JsonArray *people = arkiv_json_array(a, "people");
    guint count = arkiv_json_array_len(people);
    printf("%u %s in %" G_GINT64_FORMAT " meeting%s", count, count == 1 ? "person" : "people",
           arkiv_json_int(a, "meetings", 0), arkiv_json_int(a, "meetings", 0) == 1 ? "" : "s");
    if (arkiv_json_str(a, "council"))
        printf(" of %s", arkiv_json_str(a, "council"));
    if (arkiv_json_int(a, "year", 0))
        printf(" in %" G_GINT64_FORMAT, arkiv_json_int(a, "year", 0));
    printf("\n\nMeetings  Person\n");
    for (guint i = 0; i < count; i++) {
        JsonObject *p = arkiv_json_array_object(people, i);
        printf("%8" G_GINT64_FORMAT "  %s\n", arkiv_json_int(p, "meetings", 0),
               arkiv_json_str(p, "person"));
    }
}

static GOptionContext *make_context(people_args_t *a)
{
    GOptionEntry entries[] = {
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &a->db,
         "Index location (default $ARKIV_DB or ./arkiv.db)", "PATH"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &a->json, "Print the list as JSON", NULL},
        {"council", 0, 0, G_OPTION_ARG_STRING, &a->council,
         "Only meetings of this council (any of its names: ASU)", "NAME"},
        {"year", 0, 0, G_OPTION_ARG_INT, &a->year, "Only meetings in this year", "YEAR"},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->rest, NULL, NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new(NULL);
    g_option_context_set_summary(
        ctx, "Every person named in the minutes, with the number of meetings that name\n"
             "them, most first, by the fullest form of their name.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(
        ctx, "See arkiv-people(1); arkiv attendance NAME lists one person's meetings.\n\n"
             "Exit status: 0 ok, 1 error, 2 usage error.\n");
    return ctx;
}

int arkiv_cmd_people(int argc, char **argv)
{
    people_args_t a = {0};
    GOptionContext *ctx = make_context(&a);
    int rc = ARKIV_EXIT_USAGE;
    if (!arkiv_cli_parse(ctx, &argc, &argv)) {
        /* message printed */
    } else if (a.rest && a.rest[0]) {
        fprintf(stderr, "arkiv people: unexpected '%s'\nTry 'arkiv people --help'.\n", a.rest[0]);
    } else {
        people_run_t s = {{a.council, a.year}, a.json};
        arkiv_cli_answer_t how = {answer, print};
        rc = arkiv_cli_run_answer("people", a.db, &how, &s);
    }
    g_option_context_free(ctx);
    g_free(a.db);
    g_free(a.council);
    g_strfreev(a.rest);
    return rc;
}
