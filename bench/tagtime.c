/* tagtime.c — what tagging costs: extracts and normalises every file
 * given (outside the timing), then times the tagger alone over them,
 * repeated until at least a second has passed. Prints milliseconds per
 * pass over the whole set, for bench/tag-overhead to compare with the
 * wall time of `arkiv index` on the same files.
 *
 * usage: tagtime DATA_DIR FILE... */
#include <glib.h>
#include <stdio.h>

#include "extract.h"
#include "filetype.h"
#include "normalise.h"
#include "tagger.h"

typedef struct {
    char **pages;
    char *headers;
} doc_t;

static gboolean load(arkiv_filetype_t *ft, const char *path, doc_t *d)
{
    arkiv_extract_result_t ex = {0};
    gboolean ok = arkiv_extract_file(ft, path, &ex) == ARKIV_EXTRACT_OK && ex.pages &&
                  arkiv_normalise_pages((const char *const *)ex.pages, g_strv_length(ex.pages),
                                        &d->pages, &d->headers) == ARKIV_NORM_OK;
    arkiv_extract_result_clear(&ex);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s DATA_DIR FILE...\n", argv[0]);
        return 2;
    }
    GError *err = NULL;
    arkiv_knowledge_t *k = NULL;
    arkiv_tagger_t *tg = NULL;
    arkiv_filetype_t *ft = NULL;
    if (!arkiv_knowledge_load(argv[1], &k, &err) || !arkiv_tagger_new(k, &tg, &err) ||
        !arkiv_filetype_open(&ft, &err)) {
        fprintf(stderr, "tagtime: %s\n", err->message);
        return 1;
    }
    GArray *docs = g_array_new(FALSE, TRUE, sizeof(doc_t));
    for (int i = 2; i < argc; i++) {
        doc_t d = {0};
        if (load(ft, argv[i], &d))
            g_array_append_val(docs, d);
    }
    guint passes = 0;
    gint64 start = g_get_monotonic_time(), now = start;
    while (now - start < G_USEC_PER_SEC || passes < 3) {
        for (guint i = 0; i < docs->len; i++) {
            doc_t *d = &g_array_index(docs, doc_t, i);
            arkiv_entities_free(arkiv_tagger_run(tg, (const char *const *)d->pages,
                                                 g_strv_length(d->pages), d->headers));
        }
        passes++;
        now = g_get_monotonic_time();
    }
    printf("%u documents, %.3f ms per pass (%u passes)\n", docs->len,
           (double)(now - start) / 1000.0 / passes, passes);
    for (guint i = 0; i < docs->len; i++) {
        doc_t *d = &g_array_index(docs, doc_t, i);
        g_strfreev(d->pages);
        g_free(d->headers);
    }
    g_array_unref(docs);
    arkiv_filetype_free(ft);
    arkiv_tagger_free(tg);
    arkiv_knowledge_free(k);
    return 0;
}
