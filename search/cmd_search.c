/* cmd_search.c — `arkiv search`: options, then the search answer
 * (answer/search.c) as JSON, CSV or text. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "answer.h"
#include "answer_json.h"
#include "cli_query.h"
#include "csv.h"
#include "text.h"

/* The options of its own; GOption fills them, arkiv_cmd_search frees. */
typedef struct {
    gint limit, offset;
    char *sort_arg;
    gboolean no_collapse;
    arkiv_sort_t sort;
} search_opts_t;

/* --sort is checked before --json against --csv, the others after. */
static gboolean check_sort(void *opts)
{
    search_opts_t *o = opts;
    return arkiv_cli_parse_sort("search", o->sort_arg, ARKIV_SORT_RELEVANCE, &o->sort);
}

static gboolean check_range(void *opts)
{
    const search_opts_t *o = opts;
    return arkiv_cli_not_negative("search", "--limit and --offset", MIN(o->limit, o->offset));
}

static arkiv_status_t answer(arkiv_db_t *db, const arkiv_cli_query_in_t *in, JsonNode **out,
                             char **error)
{
    const search_opts_t *o = in->opts;
    arkiv_search_options_t so;
    arkiv_search_options_init(&so);
    so.offset = (unsigned)o->offset;
    so.limit = (unsigned)o->limit;
    so.sort = o->sort;
    so.collapse = !o->no_collapse;
    /* Bold hit words on a terminal only; JSON and CSV keep the text bare. */
    gboolean tty = in->out == ARKIV_OUT_TEXT && isatty(STDOUT_FILENO);
    so.hi_start = tty ? "\033[1m" : NULL;
    so.hi_end = tty ? "\033[0m" : NULL;
    return arkiv_answer_search(db, in->query, &so, out, error);
}

/* "ASU 17.04.2024 · Sak 12/24 Tittel · side 6" */
static void print_heading(JsonObject *h, JsonObject *item, const arkiv_text_councils_t *names)
{
    char *date = arkiv_text_date(arkiv_json_str(h, "date"));
    const char *council = arkiv_text_council(names, arkiv_json_str(h, "council"));
    printf("%s%s%s", council, *council && *date ? " " : "", date);
    const char *sep = *council || *date ? " · " : "";
    const char *number = arkiv_json_str(item, "number");
    char *label = arkiv_text_item(number);
    if (number)
        printf("%s%s %s", sep, label,
               arkiv_json_str(item, "title") ? arkiv_json_str(item, "title") : "");
    else
        printf("%s%s", sep,
               arkiv_json_str(h, "title") ? arkiv_json_str(h, "title") : arkiv_json_str(h, "id"));
    gint64 page = arkiv_json_int(h, "page", 0);
    if (page)
        printf(" · side %" G_GINT64_FORMAT, page);
    printf("\n");
    g_free(label);
    g_free(date);
}

static void print_hit(JsonObject *h, guint rank, const arkiv_text_councils_t *names)
{
    JsonObject *item = arkiv_json_object(h, "item");
    printf("%3u. ", rank);
    print_heading(h, item, names);
    arkiv_text_wrap(stdout, 5, "Vedtak: ", arkiv_json_str(item, "decision"), ARKIV_TEXT_WIDTH);
    arkiv_text_wrap(stdout, 5, "", arkiv_json_str(h, "snippet"), ARKIV_TEXT_WIDTH);
    printf("     %s", arkiv_json_str(h, "path") ? arkiv_json_str(h, "path") : "");
    gint64 more = arkiv_json_int(h, "collapsed", 0);
    if (more)
        printf("  (+%" G_GINT64_FORMAT " more in this meeting)", more);
    printf("\n\n");
}

/* "Councils: ASU 3 · FPS 2" over the whole match; counts from part of
 * the match only are lower bounds: "ASU 12+" (`more` is "+"). */
static void print_facet(JsonObject *facets, const char *name, const char *label,
                        const arkiv_text_councils_t *names, const char *more)
{
    JsonObject *f = arkiv_json_object(facets, name);
    GList *members = f ? json_object_get_members(f) : NULL;
    if (!members)
        return;
    printf("%-9s", label);
    for (GList *m = members; m; m = m->next) {
        const char *v = m->data;
        printf("%s%s %" G_GINT64_FORMAT "%s", m == members ? " " : " · ",
               strcmp(name, "council") == 0 ? arkiv_text_council(names, v) : v,
               arkiv_json_int(f, v, 0), more);
    }
    printf("\n");
    g_list_free(members);
}

static void print_text(JsonObject *a, const void *opts)
{
    gboolean collapse = !((const search_opts_t *)opts)->no_collapse;
    JsonArray *results = arkiv_json_array(a, "results");
    guint n = arkiv_json_array_len(results);
    gint64 total = arkiv_json_int(a, "total", 0), offset = arkiv_json_int(a, "offset", 0);
    if (total == 0) {
        printf("No matches.\n");
        if (arkiv_json_str(a, "suggestion"))
            printf("Mente du: %s\n", arkiv_json_str(a, "suggestion"));
        return;
    }
    /* "1 meeting matches", "9 meetings match" (documents with --no-collapse);
     * "about 20000 meetings match" when the total is an estimate. */
    gboolean exact = json_object_get_boolean_member_with_default(a, "total_exact", TRUE);
    printf("%s%" G_GINT64_FORMAT " %s%s %s; ", exact ? "" : "about ", total,
           collapse ? "meeting" : "document", total == 1 ? "" : "s",
           total == 1 ? "matches" : "match");
    if (n == 0) {
        printf("none from %" G_GINT64_FORMAT " on (try a smaller --offset)\n", offset + 1);
        return;
    }
    printf("showing %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "\n\n", offset + 1, offset + n);
    arkiv_text_councils_t *names = arkiv_text_councils_new();
    for (guint i = 0; i < n; i++)
        print_hit(arkiv_json_array_object(results, i), (guint)offset + i + 1, names);
    JsonObject *facets = arkiv_json_object(a, "facets");
    const char *more =
        json_object_get_boolean_member_with_default(a, "facets_exact", TRUE) ? "" : "+";
    print_facet(facets, "council", "Councils:", names, more);
    print_facet(facets, "year", "Years:", names, more);
    arkiv_text_councils_free(names);
}

static void print_csv(JsonObject *a, const void *opts)
{
    (void)opts;
    static const char *const head[] = {"rank",  "id",         "date",     "council", "kind",
                                       "item",  "item_title", "decision", "page",    "collapsed",
                                       "score", "path",       "title",    "snippet"};
    arkiv_csv_row(stdout, head, G_N_ELEMENTS(head));
    JsonArray *results = arkiv_json_array(a, "results");
    for (guint i = 0; i < arkiv_json_array_len(results); i++) {
        JsonObject *h = arkiv_json_array_object(results, i), *item = arkiv_json_object(h, "item");
        char *rank = g_strdup_printf("%" G_GINT64_FORMAT, arkiv_json_int(a, "offset", 0) + i + 1);
        char *page = arkiv_json_int(h, "page", 0)
                         ? g_strdup_printf("%" G_GINT64_FORMAT, arkiv_json_int(h, "page", 0))
                         : NULL;
        char *collapsed = g_strdup_printf("%" G_GINT64_FORMAT, arkiv_json_int(h, "collapsed", 0));
        char *score = g_strdup_printf("%.0f", json_object_get_double_member(h, "score"));
        const char *row[] = {rank,
                             arkiv_json_str(h, "id"),
                             arkiv_json_str(h, "date"),
                             arkiv_json_str(h, "council"),
                             arkiv_json_str(h, "kind"),
                             arkiv_json_str(item, "number"),
                             arkiv_json_str(item, "title"),
                             arkiv_json_str(item, "decision"),
                             page,
                             collapsed,
                             score,
                             arkiv_json_str(h, "path"),
                             arkiv_json_str(h, "title"),
                             arkiv_json_str(h, "snippet")};
        arkiv_csv_row(stdout, row, G_N_ELEMENTS(row));
        g_free(rank);
        g_free(page);
        g_free(collapsed);
        g_free(score);
    }
}

static const arkiv_cli_query_t search = {
    .name = "search",
    .summary =
        "Search the index: one hit per meeting, its best document (the meeting or an agenda item).",
    .description = "Query syntax: words are ANDed; OR, NOT, (), \"phrases\", wild*cards, NEAR.\n"
                   "Fields: council:ASU person:\"Randi Sjøvæg\" present: absent: role:chair\n"
                   "case:12/24 case:\"ASU 12/24\" ref:08/25 project:harmoni kind:referat org:hnt\n"
                   "place:teams decision:godkjennes title: year:2024 path: level:item id:\n"
                   "date:2024-01-01..2024-06-30 (also 01.01.2024..30.06.2024).\n"
                   "An empty query lists every meeting. See arkiv-search(1).\n\n"
                   "Exit status: 0 ok (also with no matches), 1 error, 2 usage error or\n"
                   "a query that cannot be parsed.\n",
    .json_help = "Print results as JSON",
    .csv_help = "Print results as CSV",
    .operand = "QUERY...",
    .check_first = check_sort,
    .check = check_range,
    .answer = answer,
    .print_text = print_text,
    .print_csv = print_csv};

int arkiv_cmd_search(int argc, char **argv)
{
    search_opts_t o = {0};
    o.limit = 10;
    GOptionEntry own[] = {
        {"limit", 'n', 0, G_OPTION_ARG_INT, &o.limit, "Show at most N results (default 10)", "N"},
        {"offset", 0, 0, G_OPTION_ARG_INT, &o.offset, "Skip the first N results", "N"},
        {"sort", 0, 0, G_OPTION_ARG_STRING, &o.sort_arg,
         "relevance (default), date (oldest first) or -date", "ORDER"},
        {"no-collapse", 0, 0, G_OPTION_ARG_NONE, &o.no_collapse,
         "Every matching document, not one hit per meeting", NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    int rc = arkiv_cli_run_query(&search, own, &o, argc, argv);
    g_free(o.sort_arg);
    return rc;
}
