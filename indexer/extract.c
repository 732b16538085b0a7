/* extract.c - type a file and hand it to the matching extractor. */
#include "extract.h"

#include "pdf.h"
#include "textfile.h"

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
    switch (arkiv_filetype_kind(mime)) {
    case ARKIV_FILETYPE_PDF:
        return arkiv_pdf_extract(path, out);
    case ARKIV_FILETYPE_TEXT:
        return arkiv_textfile_extract(path, out);
    case ARKIV_FILETYPE_EMPTY:
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_EMPTY, "empty file");
        return out->outcome;
    case ARKIV_FILETYPE_UNSUPPORTED:
    default:
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_UNSUPPORTED, "unsupported type %s", mime);
        return out->outcome;
    }
}
