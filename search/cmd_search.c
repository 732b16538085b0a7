/* cmd_search.c — `arkiv search`: text and JSON output of a query. */
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct {
    char *db, *sort;
    gboolean json;
    gint limit, offset;
    char **words;
} search_args_t;

/* What a hit's stored data says; members owned by the parser. */
typedef struct {
    JsonParser *parser;
    JsonObject *obj;
} hit_data_t;

static void hit_data_load(hit_data_t *d, const char *data)
{
    d->parser = json_parser_new();
    d->obj = NULL;
    if (data && *data && json_parser_load_from_data(d->parser, data, -1, NULL)) {
        JsonNode *root = json_parser_get_root(d->parser);
        if (root && JSON_NODE_HOLDS_OBJECT(root))
            d->obj = json_node_get_object(root);
    }
}

static const char *hit_str(const hit_data_t *d, const char *name)
{
    if (!d->obj || !json_object_has_member(d->obj, name))
        return NULL;
    JsonNode *n = json_object_get_member(d->obj, name);
    return JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING
               ? json_node_get_string(n)
               : NULL;
}

static void add_member_str(JsonBuilder *b, const char *name, const char *v)
{
    json_builder_set_member_name(b, name);
    if (v)
        json_builder_add_string_value(b, v);
    else
        json_builder_add_null_value(b);
}

static void json_hit(JsonBuilder *b, const arkiv_hit_t *h)
{
    hit_data_t d;
    hit_data_load(&d, h->data);
    json_builder_begin_object(b);
    add_member_str(b, "id", h->id);
    add_member_str(b, "path", hit_str(&d, "path"));
    add_member_str(b, "title", hit_str(&d, "title"));
    add_member_str(b, "kind", hit_str(&d, "kind"));
    add_member_str(b, "council", hit_str(&d, "council"));
    add_member_str(b, "date", hit_str(&d, "date"));
    add_member_str(b, "item", hit_str(&d, "item"));
    json_builder_set_member_name(b, "page");
    if (h->page)
        json_builder_add_int_value(b, h->page);
    else
        json_builder_add_null_value(b);
    json_builder_set_member_name(b, "score");
    json_builder_add_double_value(b, h->score);
    add_member_str(b, "snippet", h->snippet);
    json_builder_end_object(b);
    g_object_unref(d.parser);
}

static void json_facets(JsonBuilder *b, const arkiv_results_t *r)
{
    json_builder_set_member_name(b, "facets");
    json_builder_begin_object(b);
    for (const char *const *name = arkiv_facet_names(); *name; name++) {
        const arkiv_facets_t *f = NULL;
        if (arkiv_results_facets(r, *name, &f) != ARKIV_STATUS_OK)
            continue;
        json_builder_set_member_name(b, *name);
        json_builder_begin_object(b);
        for (size_t i = 0; i < arkiv_facets_count(f); i++) {
            const char *v;
            unsigned c;
            if (arkiv_facets_get(f, i, &v, &c) != ARKIV_STATUS_OK)
                continue;
            json_builder_set_member_name(b, v);
            json_builder_add_int_value(b, c);
        }
        json_builder_end_object(b);
    }
    json_builder_end_object(b);
}

static void print_json(const char *query, const search_args_t *a, const arkiv_results_t *r)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "format_version");
    json_builder_add_int_value(b, 1);
    add_member_str(b, "query", query);
    json_builder_set_member_name(b, "total");
    json_builder_add_int_value(b, arkiv_results_total(r));
    json_builder_set_member_name(b, "offset");
    json_builder_add_int_value(b, a->offset);
    json_builder_set_member_name(b, "limit");
    json_builder_add_int_value(b, a->limit);
    json_builder_set_member_name(b, "results");
    json_builder_begin_array(b);
    for (size_t i = 0; i < arkiv_results_count(r); i++) {
        arkiv_hit_t h;
        if (arkiv_results_get(r, i, &h) == ARKIV_STATUS_OK)
            json_hit(b, &h);
    }
    json_builder_end_array(b);
    json_facets(b, r);
    json_builder_end_object(b);
    arkiv_cli_print_json(b);
}

static void print_text(const arkiv_results_t *r, unsigned offset)
{
    size_t n = arkiv_results_count(r);
    unsigned total = arkiv_results_total(r);
    if (n == 0 && total == 0) {
        printf("No matches.\n");
        return;
    }
    if (n == 0) {
        printf("%u match%s; none from %u on (try a smaller --offset)\n", total,
               total == 1 ? "" : "es", offset + 1);
        return;
    }
    printf("%u match%s; showing %u-%u\n\n", total, total == 1 ? "" : "es", offset + 1,
           offset + (unsigned)n);
    for (size_t i = 0; i < n; i++) {
        arkiv_hit_t h;
        if (arkiv_results_get(r, i, &h) != ARKIV_STATUS_OK)
            continue;
        hit_data_t d;
        hit_data_load(&d, h.data);
        const char *date = hit_str(&d, "date");
        const char *title = hit_str(&d, "title");
        printf("%3u. %s%s%s\n", h.rank + 1, date ? date : "", date ? "  " : "",
               title ? title : h.id);
        printf("     %s", hit_str(&d, "path") ? hit_str(&d, "path") : h.id);
        if (h.page)
            printf(" · side %u", h.page);
        printf("\n");
        if (*h.snippet) {
            char *flat = g_strdelimit(g_strdup(h.snippet), "\n\t", ' ');
            printf("     %s\n", flat);
            g_free(flat);
        }
        printf("\n");
        g_object_unref(d.parser);
    }
}

static gboolean parse_sort(const char *s, arkiv_sort_t *out)
{
    if (!s || strcmp(s, "relevance") == 0)
        *out = ARKIV_SORT_RELEVANCE;
    else if (strcmp(s, "date") == 0)
        *out = ARKIV_SORT_DATE_ASC;
    else if (strcmp(s, "-date") == 0)
        *out = ARKIV_SORT_DATE_DESC;
    else
        return FALSE;
    return TRUE;
}

/* A reader can race a committing indexer; Xapian then asks us to reopen
 * and try again, which is never an error for the user. */
static arkiv_status_t search_with_retry(arkiv_db_t *db, const char *query,
                                        const arkiv_search_options_t *o, arkiv_results_t **r)
{
    arkiv_status_t st = ARKIV_STATUS_MODIFIED;
    for (int attempt = 0; attempt < 5 && st == ARKIV_STATUS_MODIFIED; attempt++) {
        if (attempt > 0 && arkiv_db_reopen(db) != ARKIV_STATUS_OK)
            break;
        arkiv_query_t *q = NULL;
        st = arkiv_query_parse(db, query, &q);
        if (st == ARKIV_STATUS_OK)
            st = arkiv_db_search(db, q, o, r);
        arkiv_query_free(q);
    }
    return st;
}

static int run_search(const search_args_t *a, const char *query, arkiv_sort_t sort)
{
    arkiv_db_t *db = arkiv_cli_open_ro(arkiv_cli_db_path(a->db));
    if (!db)
        return ARKIV_EXIT_ERROR;
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    o.offset = (unsigned)a->offset;
    o.limit = (unsigned)a->limit;
    o.sort = sort;
    gboolean tty = !a->json && isatty(STDOUT_FILENO);
    o.hi_start = tty ? "\033[1m" : (a->json ? NULL : "");
    o.hi_end = tty ? "\033[0m" : (a->json ? NULL : "");
    arkiv_results_t *r = NULL;
    arkiv_status_t st = search_with_retry(db, query, &o, &r);
    int rc = ARKIV_EXIT_OK;
    if (st == ARKIV_STATUS_BAD_QUERY) {
        fprintf(stderr, "arkiv: cannot understand the query: %s\n", arkiv_db_last_error(db));
        rc = ARKIV_EXIT_USAGE;
    } else if (st != ARKIV_STATUS_OK) {
        fprintf(stderr, "arkiv: search failed: %s: %s\n", arkiv_status_string(st),
                arkiv_db_last_error(db));
        rc = ARKIV_EXIT_ERROR;
    } else if (a->json) {
        print_json(query, a, r);
    } else {
        print_text(r, o.offset);
    }
    arkiv_results_free(r);
    arkiv_db_free(db);
    return rc;
}

static GOptionContext *make_context(search_args_t *a)
{
    GOptionEntry entries[] = {
        {"db", 0, 0, G_OPTION_ARG_FILENAME, &a->db,
         "Index location (default $ARKIV_DB or ./arkiv.db)", "PATH"},
        {"json", 0, 0, G_OPTION_ARG_NONE, &a->json, "Print results as JSON", NULL},
        {"limit", 'n', 0, G_OPTION_ARG_INT, &a->limit, "Show at most N results (default 10)", "N"},
        {"offset", 0, 0, G_OPTION_ARG_INT, &a->offset, "Skip the first N results", "N"},
        {"sort", 0, 0, G_OPTION_ARG_STRING, &a->sort,
         "relevance (default), date (oldest first) or -date", "ORDER"},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->words, NULL, "QUERY..."},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new(NULL);
    g_option_context_set_summary(ctx, "Search the index.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(
        ctx, "Query syntax: words are ANDed; OR, NOT, (), \"phrases\", wild*cards, NEAR;\n"
             "fields title: path: mime: kind: council: year: encoding: id:,\n"
             "date:2024-01-01..2024-06-30 (also 01.01.2024..30.06.2024).\n"
             "An empty query lists every document. See arkiv-search(1).\n\n"
             "Exit status: 0 ok (also with no matches), 1 error, 2 usage error or\n"
             "a query that cannot be parsed.\n");
    return ctx;
}

int arkiv_cmd_search(int argc, char **argv)
{
    search_args_t a = {0};
    a.limit = 10;
    GOptionContext *ctx = make_context(&a);
    int rc = ARKIV_EXIT_USAGE;
    arkiv_sort_t sort;
    if (!arkiv_cli_parse(ctx, &argc, &argv)) {
        /* message printed */
    } else if (!parse_sort(a.sort, &sort)) {
        fprintf(stderr, "arkiv search: --sort takes relevance, date or -date, not '%s'\n", a.sort);
    } else if (a.limit < 0 || a.offset < 0) {
        fprintf(stderr, "arkiv search: --limit and --offset must not be negative\n");
    } else {
        char *query = a.words ? g_strjoinv(" ", a.words) : g_strdup("");
        rc = run_search(&a, query, sort);
        g_free(query);
    }
    g_option_context_free(ctx);
    g_free(a.db);
    g_free(a.sort);
    g_strfreev(a.words);
    return rc;
}
