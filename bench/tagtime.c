/* tagtime.c — what tagging costs: extracts and normalises every file
 * given (outside the timing), then times the tagger alone over them,
 * repeated until at least a second has passed. Prints milliseconds of
 * CPU time per pass over the whole set, for bench/tag-overhead to compare
 * with the wall time of `arkiv index` on the same files, and for
 * bench/tag-lines to compare long lines of two lengths. CPU time of this
 * one thread, not wall time, so that other work on the machine does not
 * show up in the figure.
 *
 * --raw reads each FILE as UTF-8 text, one page, without the extraction's
 * 2 MiB cap, so that bench/tag-lines can time texts longer than the cap.
 * --json prints each document's entities as JSON (the shape
 * `arkiv show` stores) instead of timing: two builds of the tagger agree
 * when these outputs are identical.
 *
 * usage: tagtime [--raw] [--json] DATA_DIR FILE... */
#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "entities_json.h"
#include "extract.h"
#include "filetype.h"
#include "normalise.h"
#include "tagger.h"

typedef struct {
    const char *path; /* argv's */
    char **pages;
    char *headers;
} doc_t;

typedef struct {
    gboolean raw;
    gboolean json;
    int first_file; /* argv index of DATA_DIR */
} opts_t;

static gboolean normalise(const char *const *pages, doc_t *d)
{
    return arkiv_normalise_pages(pages, g_strv_length((char **)pages), &d->pages, &d->headers) ==
           ARKIV_NORM_OK;
}

static gboolean load_extracted(arkiv_filetype_t *ft, const char *path, doc_t *d)
{
    arkiv_extract_result_t ex = {0};
    gboolean ok = arkiv_extract_file(ft, path, &ex) == ARKIV_EXTRACT_OK && ex.pages &&
                  normalise((const char *const *)ex.pages, d);
    arkiv_extract_result_clear(&ex);
    return ok;
}

static gboolean load_raw(const char *path, doc_t *d)
{
    char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL))
        return FALSE;
    const char *pages[] = {text, NULL};
    gboolean ok = g_utf8_validate(text, -1, NULL) && normalise(pages, d);
    g_free(text);
    return ok;
}

/* Every readable file of argv as a doc_t; the caller frees with free_docs. */
static GArray *load_docs(const opts_t *o, int argc, char **argv, arkiv_filetype_t *ft)
{
    GArray *docs = g_array_new(FALSE, TRUE, sizeof(doc_t));
    for (int i = o->first_file + 1; i < argc; i++) {
        doc_t d = {.path = argv[i]};
        gboolean ok = o->raw ? load_raw(argv[i], &d) : load_extracted(ft, argv[i], &d);
        if (ok)
            g_array_append_val(docs, d);
        else
            fprintf(stderr, "tagtime: %s: not read\n", argv[i]);
    }
    return docs;
}

static void free_docs(GArray *docs)
{
    for (guint i = 0; i < docs->len; i++) {
        doc_t *d = &g_array_index(docs, doc_t, i);
        g_strfreev(d->pages);
        g_free(d->headers);
    }
    g_array_unref(docs);
}

static arkiv_entities_t *tag(const arkiv_tagger_t *tg, const doc_t *d)
{
    return arkiv_tagger_run(tg, (const char *const *)d->pages, g_strv_length(d->pages), d->headers);
}

static gint64 cpu_usec(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return g_get_monotonic_time(); /* wall time is the next best */
    return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void time_passes(const arkiv_tagger_t *tg, GArray *docs)
{
    guint passes = 0;
    gint64 start = cpu_usec(), now = start;
    while (now - start < G_USEC_PER_SEC || passes < 3) {
        for (guint i = 0; i < docs->len; i++)
            arkiv_entities_free(tag(tg, &g_array_index(docs, doc_t, i)));
        passes++;
        now = cpu_usec();
    }
    printf("%u documents, %.3f ms per pass (%u passes)\n", docs->len,
           (double)(now - start) / 1000.0 / passes, passes);
}

static void print_json(const arkiv_tagger_t *tg, GArray *docs)
{
    for (guint i = 0; i < docs->len; i++) {
        const doc_t *d = &g_array_index(docs, doc_t, i);
        arkiv_entities_t *e = tag(tg, d);
        JsonBuilder *b = json_builder_new();
        json_builder_begin_object(b);
        arkiv_entities_to_json(e, b);
        json_builder_end_object(b);
        JsonNode *root = json_builder_get_root(b);
        char *text = json_to_string(root, TRUE);
        printf("== %s\n%s\n", d->path, text);
        g_free(text);
        json_node_unref(root);
        g_object_unref(b);
        arkiv_entities_free(e);
    }
}

static gboolean parse_args(int argc, char **argv, opts_t *o)
{
    int i = 1;
    for (; i < argc && g_str_has_prefix(argv[i], "--"); i++) {
        if (strcmp(argv[i], "--raw") == 0)
            o->raw = TRUE;
        else if (strcmp(argv[i], "--json") == 0)
            o->json = TRUE;
        else
            return FALSE;
    }
    o->first_file = i;
    return argc - i >= 2;
}

int main(int argc, char **argv)
{
    opts_t o = {0};
    if (!parse_args(argc, argv, &o)) {
        fprintf(stderr, "usage: %s [--raw] [--json] DATA_DIR FILE...\n", argv[0]);
        return 2;
    }
    GError *err = NULL;
    arkiv_knowledge_t *k = NULL;
    arkiv_tagger_t *tg = NULL;
    arkiv_filetype_t *ft = NULL;
    if (!arkiv_knowledge_load(argv[o.first_file], &k, &err) || !arkiv_tagger_new(k, &tg, &err) ||
        !arkiv_filetype_open(&ft, &err)) {
        fprintf(stderr, "tagtime: %s\n", err->message);
        return 1;
    }
    GArray *docs = load_docs(&o, argc, argv, ft);
    if (o.json)
        print_json(tg, docs);
    else
        time_passes(tg, docs);
    free_docs(docs);
    arkiv_filetype_free(ft);
    arkiv_tagger_free(tg);
    arkiv_knowledge_free(k);
    return 0;
}
