/* tagtext.h — one document's clean text as the tagger modules see it: the
 * pages joined into one string, so a list or an item may run over a page
 * break, with the offset where each page starts.
 *
 * Ownership: arkiv_tagtext_new() copies what it is given; the caller frees
 * the result with arkiv_tagtext_free(). */
#ifndef ARKIV_TAGTEXT_H
#define ARKIV_TAGTEXT_H

#include <glib.h>

typedef struct {
    char *text;        /* pages joined with "\n\n"; valid UTF-8, LF line ends */
    gsize len;         /* strlen(text) */
    gsize *page_start; /* byte offset of each page in text */
    guint n_pages;
    char *headers; /* running headers/footers removed from the pages, one
                      per line ("" when none); council names often live there */
} arkiv_tagtext_t;

arkiv_tagtext_t *arkiv_tagtext_new(const char *const *pages, guint n_pages, const char *headers);
void arkiv_tagtext_free(arkiv_tagtext_t *t);

/* 1-based page number of byte offset off. */
guint arkiv_tagtext_page_at(const arkiv_tagtext_t *t, gsize off);

#endif
