/* extract.c - type a file, hand it to the matching extractor, cap its text. */
#include "extract.h"

#include "pdf.h"
#include "textfile.h"

#include <string.h>

/* Keep the first `keep` bytes of *page, cut back to a character boundary
 * (the text is valid UTF-8), in a buffer of that size: the rest may be
 * hundreds of megabytes. */
static void cut_page(char **page, gsize keep)
{
    const char *end = g_utf8_find_prev_char(*page, *page + keep + 1);
    char *kept = g_strndup(*page, end != NULL ? (gsize)(end - *page) : 0);

    g_free(*page);
    *page = kept;
}

/* Hold out->pages to ARKIV_EXTRACT_MAX_TEXT_BYTES together; pages past the
 * cap are left empty, so that page numbers stay right. */
static void cap_text(arkiv_extract_result_t *out)
{
    gsize left = ARKIV_EXTRACT_MAX_TEXT_BYTES;
    gboolean cut = FALSE;

    if (out->outcome != ARKIV_EXTRACT_OK || out->pages == NULL)
        return;
    for (char **page = out->pages; *page != NULL; page++) {
        gsize len = strlen(*page);
        if (len <= left) {
            left -= len;
            continue;
        }
        cut_page(page, left);
        left = 0;
        cut = TRUE;
    }
    if (cut) {
        g_free(out->reason);
        out->reason =
            g_strdup_printf("truncated: only the first %" G_GSIZE_FORMAT " MiB of text is indexed",
                            ARKIV_EXTRACT_MAX_TEXT_BYTES / (1024 * 1024));
    }
}

/* Fills *out by the kind of out->mime; the outcome is in out->outcome. */
static void extract_typed(const char *path, arkiv_extract_result_t *out)
{
    switch (arkiv_filetype_kind(out->mime)) {
    case ARKIV_FILETYPE_PDF:
        (void)arkiv_pdf_extract(path, out);
        break;
    case ARKIV_FILETYPE_TEXT:
        (void)arkiv_textfile_extract(path, out);
        break;
    case ARKIV_FILETYPE_EMPTY:
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_EMPTY, "empty file");
        break;
    case ARKIV_FILETYPE_UNSUPPORTED:
    default:
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_UNSUPPORTED, "unsupported type %s", out->mime);
        break;
    }
}

arkiv_extract_outcome_t arkiv_extract_file(arkiv_filetype_t *ft, const char *path,
                                           arkiv_extract_result_t *out)
{
    GError *error = NULL;
    char *mime = NULL;

    arkiv_extract_result_clear(out);
    if (!arkiv_filetype_detect(ft, path, &mime, &error)) {
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_IO, "cannot read: %s", error->message);
        g_error_free(error);
        return out->outcome;
    }
    out->mime = mime;
    extract_typed(path, out);
    cap_text(out);
    return out->outcome;
}
