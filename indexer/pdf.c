/* pdf.c - poppler-glib text extraction; see pdf.h. */
#include "pdf.h"

#include "poppler_dl.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* Map rather than read: PDFs run to hundreds of megabytes and poppler
 * only touches the objects it needs.  *bytes_out is new (g_bytes_unref). */
static gboolean map_file(const char *path, GBytes **bytes_out, arkiv_extract_result_t *out)
{
    GError *error = NULL;
    GMappedFile *mapped;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0) {
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_IO, "cannot read: %s", g_strerror(errno));
        return FALSE;
    }
    mapped = g_mapped_file_new_from_fd(fd, FALSE, &error);
    if (close(fd) != 0) /* read-only and already mapped: nothing is lost */
        g_debug("close(%s): %s", path, g_strerror(errno));
    if (mapped == NULL) {
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_IO, "cannot read: %s", error->message);
        g_error_free(error);
        return FALSE;
    }
    *bytes_out = g_mapped_file_get_bytes(mapped);
    g_mapped_file_unref(mapped);
    /* The digest of the bytes extracted, so the writer need not read the
     * file again (and cannot hash a newer version of it). */
    out->hash = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, *bytes_out);
    return TRUE;
}

/* Empty strings count as absent: cairo and many producers write "". */
static char *nonempty_or_null(char *s)
{
    if (s != NULL && *s == '\0') {
        g_free(s);
        return NULL;
    }
    return s;
}

static void read_metadata(const arkiv_poppler_t *pp, PopplerDocument *doc,
                          arkiv_extract_result_t *out)
{
    GDateTime *created = pp->document_get_creation_date_time(doc);

    out->meta_title = nonempty_or_null(pp->document_get_title(doc));
    out->meta_author = nonempty_or_null(pp->document_get_author(doc));
    out->meta_created = created != NULL ? g_date_time_to_unix(created) : -1;
    if (created != NULL)
        g_date_time_unref(created);
}

static gboolean is_blank(const char *utf8)
{
    for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char(p))
        if (!g_unichar_isspace(g_utf8_get_char(p)))
            return FALSE;
    return TRUE;
}

/* Text of one page, never NULL (g_free).  Poppler's ToUnicode handling can
 * emit lone surrogates, so the result is forced to valid UTF-8. */
static char *page_text(const arkiv_poppler_t *pp, PopplerDocument *doc, int index)
{
    PopplerPage *page = pp->document_get_page(doc, index);
    char *text = page != NULL ? pp->page_get_text(page) : NULL;
    char *valid;

    if (page != NULL)
        g_object_unref(page);
    if (text == NULL)
        return g_strdup("");
    if (g_utf8_validate(text, -1, NULL))
        return text;
    valid = g_utf8_make_valid(text, -1);
    g_free(text);
    return valid;
}

/* Pages after the text cap (extract.h) are not read: their text would be
 * cut anyway, and reading them is most of the time a long PDF costs.  The
 * caller cuts the page that crosses the cap. */
static void read_pages(const arkiv_poppler_t *pp, PopplerDocument *doc, arkiv_extract_result_t *out)
{
    int n = pp->document_get_n_pages(doc);
    gboolean any_text = FALSE;
    gsize total = 0;

    out->pages = g_new0(char *, (gsize)MAX(n, 0) + 1);
    for (int i = 0; i < n; i++) {
        out->pages[i] =
            total <= ARKIV_EXTRACT_MAX_TEXT_BYTES ? page_text(pp, doc, i) : g_strdup("");
        total += strlen(out->pages[i]);
        any_text = any_text || !is_blank(out->pages[i]);
    }
    if (any_text) {
        out->outcome = ARKIV_EXTRACT_OK;
        return;
    }
    g_clear_pointer(&out->pages, g_strfreev);
    arkiv_extract_result_fail(out, ARKIV_EXTRACT_NO_TEXT, "no text layer (scanned?)");
}

arkiv_extract_outcome_t arkiv_pdf_extract(const char *path, arkiv_extract_result_t *out)
{
    GBytes *bytes = NULL;
    GError *error = NULL;
    PopplerDocument *doc;
    const arkiv_poppler_t *pp = arkiv_poppler(&error);

    if (pp == NULL) {
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_IO, "%s", error->message);
        g_error_free(error);
        return out->outcome;
    }
    if (!map_file(path, &bytes, out))
        return out->outcome;
    /* No password: poppler then tries the empty user password, which opens
     * the many PDFs that carry only an owner password ("protected" against
     * printing or copying).  Passing "" instead makes poppler 22.12 retry a
     * failed open with a freed stream, and crash, on encrypted files. */
    doc = pp->document_new_from_bytes(bytes, NULL, &error);
    g_bytes_unref(bytes);
    if (doc == NULL) {
        if (g_error_matches(error, pp->error_quark(), POPPLER_ERROR_ENCRYPTED))
            arkiv_extract_result_fail(out, ARKIV_EXTRACT_ENCRYPTED, "encrypted");
        else
            arkiv_extract_result_fail(out, ARKIV_EXTRACT_DAMAGED, "damaged: %s", error->message);
        g_error_free(error);
        return out->outcome;
    }
    read_metadata(pp, doc, out);
    read_pages(pp, doc, out);
    g_object_unref(doc);
    return out->outcome;
}
