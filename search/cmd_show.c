/* cmd_show.c — `arkiv show ID|PATH`: one meeting as the index knows it
 * (answer/show.c). */
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "answer_json.h"
#include "cli.h"
#include "text.h"

typedef struct {
    char *db;
    gboolean json;
    char **args;
} show_args_t;

typedef struct {
    const char *what;
    gboolean json;
} show_run_t;

static arkiv_status_t answer(arkiv_db_t *db, const void *user, JsonNode **out, char **error)
{
    const show_run_t *s = user;
    return arkiv_answer_show(db, s->what, out, error);
}

static void field(const char *label, const char *value)
{
    if (value && *value)
        printf("  %-10s %s\n", label, value);
}

static void print_facts(JsonObject *a)
{
    printf("%s\n", arkiv_json_str(a, "title") ? arkiv_json_str(a, "title") : "");
    char *councils = arkiv_json_join(arkiv_json_array(a, "councils"), ", ");
    char *date = arkiv_text_date(arkiv_json_str(a, "date"));
    const char *source = arkiv_json_str(a, "date_source");
    char *dated = source && strcmp(source, "text") != 0
                      ? g_strdup_printf("%s (from the %s)", date,
                                        strcmp(source, "mtime") == 0 ? "file's modification time"
                                                                     : "PDF metadata")
                      : g_strdup(date);
    field("Council:", councils);
    field("Date:", dated);
    field("Kind:", arkiv_json_str(a, "kind"));
    field("Place:", arkiv_json_str(a, "place"));
    char *file = g_strdup_printf("%s (%" G_GINT64_FORMAT " page%s)", arkiv_json_str(a, "path"),
                                 arkiv_json_int(a, "pages", 0),
                                 arkiv_json_int(a, "pages", 0) == 1 ? "" : "s");
    field("File:", file);
    field("Id:", arkiv_json_str(a, "id"));
    g_free(file);
    g_free(dated);
    g_free(date);
    g_free(councils);
}

static gboolean has_status(JsonObject *p, const char *status)
{
    return g_strcmp0(arkiv_json_str(p, "status"), status) == 0;
}

/* The people with one status, one per line: name, org, roles, in
 * columns as wide as their widest entry. */
static void print_people(JsonArray *people, const char *status, const char *label)
{
    guint n = 0;
    int widths[] = {0, 0, 0};
    for (guint i = 0; i < arkiv_json_array_len(people); i++) {
        JsonObject *p = arkiv_json_array_object(people, i);
        if (!has_status(p, status))
            continue;
        n++;
        const char *name = arkiv_json_str(p, "name"), *org = arkiv_json_str(p, "org");
        widths[0] = MAX(widths[0], name ? (int)g_utf8_strlen(name, -1) : 0);
        widths[1] = MAX(widths[1], org ? (int)g_utf8_strlen(org, -1) : 0);
    }
    if (!n)
        return;
    printf("\n%s (%u):\n", label, n);
    for (guint i = 0; i < arkiv_json_array_len(people); i++) {
        JsonObject *p = arkiv_json_array_object(people, i);
        if (!has_status(p, status))
            continue;
        char *roles = arkiv_json_join(arkiv_json_array(p, "roles"), ", ");
        const char *row[] = {arkiv_json_str(p, "name"), arkiv_json_str(p, "org"), roles};
        arkiv_text_row(stdout, 2, row, widths, 3);
        g_free(roles);
    }
}

static void print_items(JsonArray *items)
{
    if (!arkiv_json_array_len(items))
        return;
    printf("\nItems:\n");
    for (guint i = 0; i < arkiv_json_array_len(items); i++) {
        JsonObject *it = arkiv_json_array_object(items, i);
        printf("  ");
        arkiv_text_pad(stdout, arkiv_json_str(it, "number"), 6);
        printf(" %s (side %" G_GINT64_FORMAT ")\n",
               arkiv_json_str(it, "title") ? arkiv_json_str(it, "title") : "",
               arkiv_json_int(it, "page", 1));
        char *presenters = arkiv_json_join(arkiv_json_array(it, "presenters"), ", ");
        if (*presenters)
            printf("         v/ %s\n", presenters);
        arkiv_text_wrap(stdout, 9, "Vedtak: ", arkiv_json_str(it, "decision"), ARKIV_TEXT_WIDTH);
        g_free(presenters);
    }
}

static void print_links(JsonObject *a)
{
    char *projects = arkiv_json_join(arkiv_json_array(a, "projects"), ", ");
    if (*projects)
        printf("\nProjects: %s\n", projects);
    g_free(projects);
    JsonArray *refs = arkiv_json_array(a, "references");
    for (guint i = 0; i < arkiv_json_array_len(refs); i++) {
        JsonObject *r = arkiv_json_array_object(refs, i);
        const char *council = arkiv_json_str(r, "council");
        printf("%s%s%s%s", i ? ", " : "\nReferences: ", council ? council : "", council ? " " : "",
               arkiv_json_str(r, "number"));
    }
    if (arkiv_json_array_len(refs))
        printf("\n");
}

static void print(JsonNode *n, const void *user)
{
    const show_run_t *s = user;
    JsonObject *a = arkiv_json_root(n);
    if (s->json) {
        arkiv_cli_print_node(n);
        return;
    }
    print_facts(a);
    JsonArray *people = arkiv_json_array(a, "people");
    print_people(people, "present", "Present");
    print_people(people, "absent", "Absent");
    print_people(people, "mentioned", "Mentioned");
    print_items(arkiv_json_array(a, "items"));
    print_links(a);
}

static GOptionContext *make_context(show_args_t *a)
{
    GOptionEntry entries[] = {
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &a->db,
         "Index location (default $ARKIV_DB or ./arkiv.db)", "PATH"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &a->json, "Print the document as JSON", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->args, NULL, "ID|PATH"},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new(NULL);
    g_option_context_set_summary(
        ctx, "Show one meeting: council, date, place, who was there in which role, the\n"
             "agenda items with their decisions, projects and references.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(
        ctx, "ID is a document id from search output (an agenda item's id shows its\n"
             "meeting); PATH is the path of an indexed file. See arkiv-show(1).\n\n"
             "Exit status: 0 ok, 1 no such document or error, 2 usage error.\n");
    return ctx;
}

int arkiv_cmd_show(int argc, char **argv)
{
    show_args_t a = {0};
    GOptionContext *ctx = make_context(&a);
    int rc = ARKIV_EXIT_USAGE;
    if (!arkiv_cli_parse(ctx, &argc, &argv)) {
        /* message printed */
    } else if (!a.args || !a.args[0] || a.args[1]) {
        fprintf(stderr, "arkiv show: give one ID or PATH\nTry 'arkiv show --help'.\n");
    } else {
        show_run_t s = {a.args[0], a.json};
        arkiv_cli_answer_t how = {answer, print};
        rc = arkiv_cli_run_answer("show", a.db, &how, &s);
    }
    g_option_context_free(ctx);
    g_free(a.db);
    g_strfreev(a.args);
    return rc;
}
