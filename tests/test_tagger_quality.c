/* test_tagger_quality.c — precision and recall of the tagger on labelled
 * minutes (tests/tagger/README.md): prints a table per entity type and
 * fails below the thresholds the project promises.
 *
 * usage: test_tagger_quality DATA_DIR LABEL_DIR... [-- SEED_TEXT_DIR]
 * A LABEL_DIR holds NAME.expected; the text is NAME.txt beside it, or in
 * SEED_TEXT_DIR for the seeds. Set ARKIV_TAGGER_VERBOSE=1 for every miss. */
#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "normalise.h"
#include "tag_items.h"
#include "tagger.h"

typedef struct {
    const char *name;
    double threshold; /* minimum F1, or 0 for "report only" */
    guint tp, fp, fn;
} metric_t;

enum {
    M_KIND,
    M_COUNCIL,
    M_DATE,
    M_PLACE,
    M_PRESENT,
    M_ABSENT,
    M_ROLE,
    M_ORG,
    M_CASE,
    M_POINT,
    M_DECISION,
    M_PRESENTER,
    M_REF,
    M_PROJECT,
    M_COUNT
};

/* Names and thresholds; main() copies them into the counts it fills. */
static const metric_t METRICS[M_COUNT] = {
    {"kind", 0, 0, 0, 0},  {"council", 0.98, 0, 0, 0}, {"date", 0.98, 0, 0, 0},
    {"place", 0, 0, 0, 0}, {"present", 0.95, 0, 0, 0}, {"absent", 0.95, 0, 0, 0},
    {"role", 0, 0, 0, 0},  {"org", 0, 0, 0, 0},        {"case", 0.98, 0, 0, 0},
    {"point", 0, 0, 0, 0}, {"decision", 0.9, 0, 0, 0}, {"presenter", 0, 0, 0, 0},
    {"ref", 0, 0, 0, 0},   {"project", 0, 0, 0, 0},
};

/* Comparison form: lowercase, blanks collapsed, trimmed. */
static char *norm(const char *s)
{
    char *low = g_utf8_casefold(s ? s : "", -1);
    char **w = g_strsplit_set(low, " \t\n", -1);
    GString *out = g_string_new(NULL);
    for (char **p = w; *p; p++)
        if (**p)
            g_string_append_printf(out, "%s%s", out->len ? " " : "", *p);
    g_strfreev(w);
    g_free(low);
    return g_string_free(out, FALSE);
}

static void add(GHashTable *set, char *key)
{
    g_hash_table_add(set, key);
}

static GHashTable *set_new(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

/* Counts one type's sets into its metric and reports the misses. */
static void score(metric_t *m, GHashTable *want, GHashTable *got, const char *doc, gboolean verbose)
{
    GHashTableIter it;
    gpointer k;
    g_hash_table_iter_init(&it, want);
    while (g_hash_table_iter_next(&it, &k, NULL)) {
        if (g_hash_table_contains(got, k))
            m->tp++;
        else {
            m->fn++;
            if (verbose)
                printf("  %s: missed %s: %s\n", doc, m->name, (char *)k);
        }
    }
    g_hash_table_iter_init(&it, got);
    while (g_hash_table_iter_next(&it, &k, NULL))
        if (!g_hash_table_contains(want, k)) {
            m->fp++;
            if (verbose)
                printf("  %s: wrong  %s: %s\n", doc, m->name, (char *)k);
        }
}

static char *case_norm(const char *n)
{
    char *c = arkiv_case_number_normalise(n);
    return c ? c : norm(n);
}

typedef struct {
    GHashTable *want[M_COUNT];
    GHashTable *got[M_COUNT];
    GHashTable *decisions; /* number -> phrase (expected) */
} doc_sets_t;

static void parse_person(doc_sets_t *d, int m, char **parts)
{
    char *name = norm(parts[0]);
    add(d->want[m], g_strdup(name));
    if (parts[1]) {
        char **roles = g_strsplit(parts[1], ",", -1);
        for (char **r = roles; *r; r++) {
            char *role = norm(*r);
            if (*role)
                add(d->want[M_ROLE], g_strdup_printf("%s=%s", name, role));
            g_free(role);
        }
        g_strfreev(roles);
        if (parts[2]) {
            char *org = norm(parts[2]);
            if (*org)
                add(d->want[M_ORG], g_strdup_printf("%s=%s", name, org));
            g_free(org);
        }
    }
    g_free(name);
}

static void parse_line(doc_sets_t *d, const char *field, char **parts)
{
    if (g_str_equal(field, "kind"))
        add(d->want[M_KIND], norm(parts[0]));
    else if (g_str_equal(field, "council"))
        add(d->want[M_COUNCIL], norm(parts[0]));
    else if (g_str_equal(field, "date"))
        add(d->want[M_DATE], norm(parts[0]));
    else if (g_str_equal(field, "place"))
        add(d->want[M_PLACE], norm(parts[0]));
    else if (g_str_equal(field, "present"))
        parse_person(d, M_PRESENT, parts);
    else if (g_str_equal(field, "absent"))
        parse_person(d, M_ABSENT, parts);
    else if (g_str_equal(field, "item"))
        add(d->want[strchr(parts[0], '/') ? M_CASE : M_POINT], case_norm(parts[0]));
    else if (g_str_equal(field, "decision") && parts[1]) {
        add(d->want[M_DECISION], case_norm(parts[0]));
        g_hash_table_replace(d->decisions, case_norm(parts[0]), norm(parts[1]));
    } else if (g_str_equal(field, "presenter") && parts[1]) {
        char *n = case_norm(parts[0]), *who = norm(parts[1]);
        add(d->want[M_PRESENTER], g_strdup_printf("%s=%s", n, who));
        g_free(n);
        g_free(who);
    } else if (g_str_equal(field, "ref") && parts[1]) {
        char *c = norm(parts[0]), *n = case_norm(parts[1]);
        add(d->want[M_REF], g_strdup_printf("%s %s", c, n));
        g_free(c);
        g_free(n);
    } else if (g_str_equal(field, "project"))
        add(d->want[M_PROJECT], norm(parts[0]));
}

static gboolean parse_expected(const char *path, doc_sets_t *d)
{
    char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL))
        return FALSE;
    char **lines = g_strsplit(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        char *line = g_strstrip(*l), *colon = strchr(line, ':');
        if (!*line || *line == '#' || !colon)
            continue;
        *colon = '\0';
        char **parts = g_strsplit(colon + 1, "|", -1);
        for (char **p = parts; *p; p++)
            g_strstrip(*p);
        if (parts[0])
            parse_line(d, g_strstrip(line), parts);
        g_strfreev(parts);
    }
    g_strfreev(lines);
    g_free(text);
    return TRUE;
}

static void collect_person(doc_sets_t *d, const arkiv_person_t *p)
{
    int m = p->status == ARKIV_PRESENT ? M_PRESENT : p->status == ARKIV_ABSENT ? M_ABSENT : -1;
    if (m < 0)
        return;
    char *name = norm(p->name);
    add(d->got[m], g_strdup(name));
    const char **roles = arkiv_role_names(p->roles & ~(guint)ARKIV_ROLE_PRESENTER);
    for (const char **r = roles; *r; r++)
        add(d->got[M_ROLE], g_strdup_printf("%s=%s", name, *r));
    g_free(roles);
    if (p->org) {
        char *org = norm(p->org);
        add(d->got[M_ORG], g_strdup_printf("%s=%s", name, org));
        g_free(org);
    }
    g_free(name);
}

static void collect_item(doc_sets_t *d, const arkiv_item_t *it)
{
    add(d->got[strchr(it->number, '/') ? M_CASE : M_POINT], g_strdup(it->number));
    if (it->decision) {
        const char *want = g_hash_table_lookup(d->decisions, it->number);
        char *have = norm(it->decision);
        /* A decision found with the wrong text is both a miss and a false hit. */
        add(d->got[M_DECISION], want && strstr(have, want)
                                    ? g_strdup(it->number)
                                    : g_strdup_printf("%s (%s)", it->number, have));
        g_free(have);
    }
    for (guint i = 0; i < it->presenters->len; i++) {
        char *who = norm(it->presenters->pdata[i]);
        add(d->got[M_PRESENTER], g_strdup_printf("%s=%s", it->number, who));
        g_free(who);
    }
}

static void collect(doc_sets_t *d, const arkiv_entities_t *e)
{
    add(d->got[M_KIND], norm(e->kind));
    for (guint i = 0; i < e->councils->len; i++)
        add(d->got[M_COUNCIL], norm(e->councils->pdata[i]));
    if (e->date)
        add(d->got[M_DATE], norm(e->date));
    if (e->place)
        add(d->got[M_PLACE], norm(e->place));
    for (guint i = 0; i < e->people->len; i++)
        collect_person(d, e->people->pdata[i]);
    for (guint i = 0; i < e->items->len; i++)
        collect_item(d, e->items->pdata[i]);
    for (guint i = 0; i < e->refs->len; i++) {
        const arkiv_ref_t *r = e->refs->pdata[i];
        char *c = norm(r->council ? r->council : "-");
        add(d->got[M_REF], g_strdup_printf("%s %s", c, r->number));
        g_free(c);
    }
    for (guint i = 0; i < e->projects->len; i++)
        add(d->got[M_PROJECT], norm(e->projects->pdata[i]));
}

static arkiv_entities_t *tag_file(const arkiv_tagger_t *tg, const char *path)
{
    char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL))
        return NULL;
    char **pages = g_strsplit(text, "\f", -1), **clean = NULL, *headers = NULL;
    arkiv_entities_t *e = NULL;
    if (arkiv_normalise_pages((const char *const *)pages, g_strv_length(pages), &clean, &headers) ==
        ARKIV_NORM_OK)
        e = arkiv_tagger_run(tg, (const char *const *)clean, g_strv_length(clean), headers);
    g_strfreev(pages);
    g_strfreev(clean);
    g_free(headers);
    g_free(text);
    return e;
}

static int run_doc(const arkiv_tagger_t *tg, const char *expected, const char *textpath,
                   gboolean verbose, metric_t *metrics)
{
    doc_sets_t d;
    for (int i = 0; i < M_COUNT; i++)
        d.want[i] = set_new(), d.got[i] = set_new();
    d.decisions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    int rc = 0;
    arkiv_entities_t *e = NULL;
    if (!parse_expected(expected, &d) || !(e = tag_file(tg, textpath))) {
        fprintf(stderr, "%s: cannot read labels or text\n", expected);
        rc = 1;
    } else {
        collect(&d, e);
        char *doc = g_path_get_basename(textpath);
        for (int i = 0; i < M_COUNT; i++)
            score(&metrics[i], d.want[i], d.got[i], doc, verbose);
        g_free(doc);
    }
    arkiv_entities_free(e);
    for (int i = 0; i < M_COUNT; i++)
        g_hash_table_unref(d.want[i]), g_hash_table_unref(d.got[i]);
    g_hash_table_unref(d.decisions);
    return rc;
}

static int run_dir(const arkiv_tagger_t *tg, const char *dir, const char *text_dir,
                   gboolean verbose, metric_t *metrics, guint *n_docs)
{
    GDir *gd = g_dir_open(dir, 0, NULL);
    if (!gd) {
        fprintf(stderr, "%s: cannot open\n", dir);
        return 1;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (const char *n; (n = g_dir_read_name(gd));)
        if (g_str_has_suffix(n, ".expected"))
            g_ptr_array_add(names, g_strndup(n, strlen(n) - strlen(".expected")));
    g_dir_close(gd);
    g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
    int rc = 0;
    for (guint i = 0; i < names->len; i++) {
        const char *base = names->pdata[i];
        char *exp = g_strdup_printf("%s/%s.expected", dir, base);
        char *txt = g_strdup_printf("%s/%s.txt", text_dir ? text_dir : dir, base);
        if (text_dir && !g_file_test(txt, G_FILE_TEST_EXISTS))
            printf("skip %s: %s absent\n", base, txt);
        else
            rc |= run_doc(tg, exp, txt, verbose, metrics), (*n_docs)++;
        g_free(exp);
        g_free(txt);
    }
    g_ptr_array_unref(names);
    return rc;
}

static int report(metric_t *metrics, guint n_docs)
{
    int rc = 0;
    printf("%u documents\n%-10s %5s %5s %5s %6s %6s %6s %s\n", n_docs, "entity", "tp", "fp", "fn",
           "prec", "recall", "F1", "min F1");
    for (int i = 0; i < M_COUNT; i++) {
        metric_t *m = &metrics[i];
        double p = m->tp + m->fp ? (double)m->tp / (m->tp + m->fp) : 1.0;
        double r = m->tp + m->fn ? (double)m->tp / (m->tp + m->fn) : 1.0;
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
        gboolean fail = m->threshold > 0 && f < m->threshold;
        char th[16] = "-";
        if (m->threshold > 0)
            g_snprintf(th, sizeof th, "%.2f", m->threshold);
        printf("%-10s %5u %5u %5u %6.3f %6.3f %6.3f %s%s\n", m->name, m->tp, m->fp, m->fn, p, r, f,
               th, fail ? "  FAIL" : "");
        rc |= fail;
    }
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s DATA_DIR LABEL_DIR... [-- SEED_TEXT_DIR]\n", argv[0]);
        return 2;
    }
    gboolean verbose = g_strcmp0(g_getenv("ARKIV_TAGGER_VERBOSE"), "1") == 0;
    GError *error = NULL;
    arkiv_knowledge_t *k = NULL;
    arkiv_tagger_t *tg = NULL;
    if (!arkiv_knowledge_load(argv[1], &k, &error) || !arkiv_tagger_new(k, &tg, &error)) {
        fprintf(stderr, "%s\n", error->message);
        g_error_free(error);
        arkiv_knowledge_free(k);
        return 2;
    }
    const char *seed_text = NULL;
    int last = argc;
    for (int i = 2; i < argc; i++)
        if (g_str_equal(argv[i], "--") && i + 1 < argc)
            seed_text = argv[i + 1], last = i;
    int rc = 0;
    guint n_docs = 0;
    metric_t metrics[M_COUNT];
    memcpy(metrics, METRICS, sizeof metrics);
    for (int i = 2; i < last; i++) {
        gboolean seeds = g_str_has_suffix(argv[i], "seeds") || g_str_has_suffix(argv[i], "seeds/");
        if (seeds && (!seed_text || !g_file_test(seed_text, G_FILE_TEST_IS_DIR))) {
            printf("skip %s: no seed texts\n", argv[i]);
            continue;
        }
        rc |= run_dir(tg, argv[i], seeds ? seed_text : NULL, verbose, metrics, &n_docs);
    }
    rc |= report(metrics, n_docs);
    arkiv_tagger_free(tg);
    arkiv_knowledge_free(k);
    return rc;
}
