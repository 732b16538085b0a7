/* cmd_stats.c — `arkiv stats`: what the index holds (answer/stats.c). */
#include <stdio.h>

#include "answer.h"
#include "answer_json.h"
#include "cli.h"
#include "text.h"

typedef struct {
    char *db;
    gboolean json;
    char **rest;
} stats_args_t;

static arkiv_status_t answer(arkiv_db_t *db, const void *user, JsonNode **out, char **error)
{
    (void)user;
    return arkiv_answer_stats(db, out, error);
}

/* One "name  count" line per member, names padded to the longest. */
static void print_counts(JsonObject *a, const char *member, const char *label)
{
    JsonObject *o = arkiv_json_object(a, member);
    GList *names = o ? json_object_get_members(o) : NULL;
    if (!names)
        return;
    int width = 0;
    for (GList *n = names; n; n = n->next)
        width = MAX(width, (int)g_utf8_strlen(n->data, -1));
    printf("\n%s:\n", label);
    for (GList *n = names; n; n = n->next) {
        printf("  ");
        arkiv_text_pad(stdout, n->data, width);
        printf("  %5" G_GINT64_FORMAT "\n", arkiv_json_int(o, n->data, 0));
    }
    g_list_free(names);
}

static void print(JsonNode *n, const void *user)
{
    const stats_args_t *s = user;
    JsonObject *a = arkiv_json_root(n);
    if (s->json) {
        arkiv_cli_print_node(n);
        return;
    }
    printf("Documents:  %" G_GINT64_FORMAT " (%" G_GINT64_FORMAT " meetings, %" G_GINT64_FORMAT
           " agenda items)\n",
           arkiv_json_int(a, "documents", 0), arkiv_json_int(a, "meetings", 0),
           arkiv_json_int(a, "items", 0));
    printf("Files:      %" G_GINT64_FORMAT " indexed, %" G_GINT64_FORMAT " failed or skipped\n",
           arkiv_json_int(a, "files", 0), arkiv_json_int(a, "failed", 0));
    printf("People:     %" G_GINT64_FORMAT "\n", arkiv_json_int(a, "people", 0));
    print_counts(a, "councils", "Meetings by council");
    print_counts(a, "years", "Meetings by year");
    print_counts(a, "kinds", "Meetings by kind");
    JsonArray *failures = arkiv_json_array(a, "failures");
    if (arkiv_json_array_len(failures))
        printf("\nFailed or skipped files:\n");
    for (guint i = 0; i < arkiv_json_array_len(failures); i++) {
        JsonObject *f = arkiv_json_array_object(failures, i);
        printf("  %s: %s\n", arkiv_json_str(f, "path"), arkiv_json_str(f, "reason"));
    }
}

static GOptionContext *make_context(stats_args_t *a)
{
    GOptionEntry entries[] = {
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &a->db,
         "Index location (default $ARKIV_DB or ./arkiv.db)", "PATH"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &a->json, "Print the figures as JSON", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->rest, NULL, NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new(NULL);
    g_option_context_set_summary(
        ctx, "What the index holds: documents, meetings, agenda items, people, meetings\n"
             "by council, year and kind, and the files that failed.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(ctx, "See arkiv-stats(1).\n\n"
                                          "Exit status: 0 ok, 1 error, 2 usage error.\n");
    return ctx;
}

int arkiv_cmd_stats(int argc, char **argv)
{
    stats_args_t a = {0};
    GOptionContext *ctx = make_context(&a);
    int rc = ARKIV_EXIT_USAGE;
    if (!arkiv_cli_parse(ctx, &argc, &argv)) {
        /* message printed */
    } else if (a.rest && a.rest[0]) {
        fprintf(stderr, "arkiv stats: unexpected '%s'\nTry 'arkiv stats --help'.\n", a.rest[0]);
    } else {
        arkiv_cli_answer_t how = {answer, print};
        rc = arkiv_cli_run_answer("stats", a.db, &how, &a);
    }
    g_option_context_free(ctx);
    g_free(a.db);
    g_strfreev(a.rest);
    return rc;
}
