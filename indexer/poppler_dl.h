/* poppler_dl.h — poppler-glib, loaded when the first PDF is read.
 *
 * Linking poppler-glib pulls in some fifty libraries (cairo, X11, NSS,
 * image codecs) whose loading and relocation cost every start of `arkiv`
 * about 20 ms: most of a search from the shell, and most of a re-run that
 * reads no file. Only the extraction workers read PDFs, so the library is
 * opened there, at the first PDF, with GModule.
 */
#ifndef ARKIV_POPPLER_DL_H
#define ARKIV_POPPLER_DL_H

#include <glib.h>
#include <poppler.h>

/* The poppler-glib functions arkiv calls, with poppler's own types. */
typedef struct {
    __typeof__(poppler_document_new_from_bytes) *document_new_from_bytes;
    __typeof__(poppler_document_get_n_pages) *document_get_n_pages;
    __typeof__(poppler_document_get_page) *document_get_page;
    __typeof__(poppler_document_get_title) *document_get_title;
    __typeof__(poppler_document_get_author) *document_get_author;
    __typeof__(poppler_document_get_creation_date_time) *document_get_creation_date_time;
    __typeof__(poppler_page_get_text) *page_get_text;
    __typeof__(poppler_error_quark) *error_quark;
} arkiv_poppler_t;

/* The table, loading the library on the first call (thread-safe). The
 * library stays loaded and the table lives until the process ends; never
 * free it. NULL with *error (new) when the library or one of the
 * functions cannot be found: the message names the library. */
const arkiv_poppler_t *arkiv_poppler(GError **error);

#endif /* ARKIV_POPPLER_DL_H */
