/* pdf.h - text and metadata of a PDF, in-process via poppler-glib.
 *
 * Poppler can crash or loop on hostile files; callers that must survive
 * run this through the worker pool (pool.h).
 */
#ifndef ARKIV_PDF_H
#define ARKIV_PDF_H

#include "extract.h"

/* Fill *out (zeroed or cleared; out->mime is left alone) from the PDF at
 * path and return the outcome: OK with one entry in out->pages per page,
 * NO_TEXT (metadata kept, pages NULL) when every page is blank, ENCRYPTED
 * when the empty password does not open it, DAMAGED with poppler's message,
 * or IO.  Pages are not joined; that is the caller's job.  Everything
 * stored in *out is owned by *out (arkiv_extract_result_clear). */
arkiv_extract_outcome_t arkiv_pdf_extract(const char *path, arkiv_extract_result_t *out);

#endif /* ARKIV_PDF_H */
