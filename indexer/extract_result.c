/* extract_result.c - lifetime, names and wire format of arkiv_extract_result_t. */
#include "extract.h"

#include <gio/gio.h>
#include <stdarg.h>
#include <string.h>

static const char *const outcome_names[] = {
    [ARKIV_EXTRACT_OK] = "ok",
    [ARKIV_EXTRACT_NO_TEXT] = "no-text",
    [ARKIV_EXTRACT_EMPTY] = "empty",
    [ARKIV_EXTRACT_UNSUPPORTED] = "unsupported",
    [ARKIV_EXTRACT_ENCRYPTED] = "encrypted",
    [ARKIV_EXTRACT_DAMAGED] = "damaged",
    [ARKIV_EXTRACT_TIMEOUT] = "timeout",
    [ARKIV_EXTRACT_CRASHED] = "crashed",
    [ARKIV_EXTRACT_IO] = "io",
};

void arkiv_extract_result_clear(arkiv_extract_result_t *r)
{
    g_free(r->reason);
    g_free(r->mime);
    g_strfreev(r->pages);
    g_free(r->encoding);
    g_free(r->meta_title);
    g_free(r->meta_author);
    g_free(r->hash);
    memset(r, 0, sizeof *r);
    r->meta_created = -1;
}

const char *arkiv_extract_outcome_name(arkiv_extract_outcome_t o)
{
    if ((unsigned)o >= G_N_ELEMENTS(outcome_names))
        return "unknown";
    return outcome_names[o];
}

void arkiv_extract_result_fail(arkiv_extract_result_t *r, arkiv_extract_outcome_t outcome,
                               const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    g_free(r->reason);
    r->reason = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    r->outcome = outcome;
}

/* Floating reference, consumed by the enclosing tuple. */
static GVariant *maybe_bytestring(const char *s)
{
    return g_variant_new_maybe(G_VARIANT_TYPE_BYTESTRING,
                               s != NULL ? g_variant_new_bytestring(s) : NULL);
}

GVariant *arkiv_extract_result_to_variant(const arkiv_extract_result_t *r)
{
    GVariant *pages = g_variant_new_maybe(
        G_VARIANT_TYPE_BYTESTRING_ARRAY,
        r->pages != NULL ? g_variant_new_bytestring_array((const char *const *)r->pages, -1)
                         : NULL);

    /* Made from its members: g_variant_new() would parse a format string. */
    GVariant *m[] = {g_variant_new_uint32((guint32)r->outcome),
                     maybe_bytestring(r->reason),
                     maybe_bytestring(r->mime),
                     pages,
                     maybe_bytestring(r->encoding),
                     maybe_bytestring(r->meta_title),
                     maybe_bytestring(r->meta_author),
                     g_variant_new_int64((gint64)r->meta_created),
                     maybe_bytestring(r->hash)};

    return g_variant_new_tuple(m, G_N_ELEMENTS(m));
}

void arkiv_extract_result_serialise(const arkiv_extract_result_t *r, GBytes **bytes_out)
{
    GVariant *v = g_variant_ref_sink(arkiv_extract_result_to_variant(r));

    *bytes_out = g_variant_get_data_as_bytes(v);
    g_variant_unref(v);
}

/* Newly allocated copy of a "may" child, or NULL for Nothing. */
static char *dup_maybe_bytestring(GVariant *tuple, gsize index)
{
    GVariant *maybe = g_variant_get_child_value(tuple, index);
    GVariant *inner = g_variant_get_maybe(maybe);
    char *s = inner != NULL ? g_variant_dup_bytestring(inner, NULL) : NULL;

    if (inner != NULL)
        g_variant_unref(inner);
    g_variant_unref(maybe);
    return s;
}

static char **dup_maybe_pages(GVariant *tuple, gsize index)
{
    GVariant *maybe = g_variant_get_child_value(tuple, index);
    GVariant *inner = g_variant_get_maybe(maybe);
    char **pages = inner != NULL ? g_variant_dup_bytestring_array(inner, NULL) : NULL;

    if (inner != NULL)
        g_variant_unref(inner);
    g_variant_unref(maybe);
    return pages;
}

static gboolean malformed(GError **error)
{
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "malformed extraction result");
    return FALSE;
}

gboolean arkiv_extract_result_from_variant(GVariant *v, arkiv_extract_result_t *out, GError **error)
{
    GVariant *outcome = g_variant_get_child_value(v, 0);
    guint32 code = g_variant_get_uint32(outcome);

    g_variant_unref(outcome);
    arkiv_extract_result_clear(out);
    if (code > ARKIV_EXTRACT_IO)
        return malformed(error);
    out->outcome = (arkiv_extract_outcome_t)code;
    out->reason = dup_maybe_bytestring(v, 1);
    out->mime = dup_maybe_bytestring(v, 2);
    out->pages = dup_maybe_pages(v, 3);
    out->encoding = dup_maybe_bytestring(v, 4);
    out->meta_title = dup_maybe_bytestring(v, 5);
    out->meta_author = dup_maybe_bytestring(v, 6);
    g_variant_get_child(v, 7, "x", &out->meta_created);
    out->hash = dup_maybe_bytestring(v, 8);
    return TRUE;
}

gboolean arkiv_extract_result_deserialise(GBytes *bytes, arkiv_extract_result_t *out,
                                          GError **error)
{
    /* Not trusted: the bytes come from a worker that may be half dead. */
    GVariant *v = g_variant_ref_sink(
        g_variant_new_from_bytes(G_VARIANT_TYPE(ARKIV_EXTRACT_RESULT_TYPE), bytes, FALSE));
    gboolean ok;

    arkiv_extract_result_clear(out);
    ok = g_variant_is_normal_form(v) ? arkiv_extract_result_from_variant(v, out, error)
                                     : malformed(error);
    g_variant_unref(v);
    return ok;
}
