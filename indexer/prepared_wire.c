/* prepared_wire.c — the worker's reply: extraction result plus prepared
 * text and entities; see prepared_wire.h.
 *
 * Byte strings ("ay") rather than "s", as in extract_result.c: GVariant
 * asserts on invalid UTF-8 in "s", and a worker must never abort while
 * reporting a result.  Maybe types keep NULL apart from "", so that no
 * member can make serialising assert.  The entities go as three flat
 * arrays (entities_wire.h). */
#include "prepared_wire.h"

#include <gio/gio.h>
#include <string.h>

#include "entities_wire.h"

#define ENTITIES_TYPE ARKIV_ENTITIES_WIRE_TYPE
/* the length of each page (Nothing: no pages), headers, entities, the
 * length of each text; pages and texts follow the GVariant (see
 * arkiv_worker_reply_serialise) */
#define PREPARED_TYPE "(matmaym" ENTITIES_TYPE "at)"
/* state, prepared, error */
#define PREP_RESULT_TYPE "(um" PREPARED_TYPE "may)"
/* extraction result without its pages, the length of each of its pages,
 * prep result */
#define REPLY_TYPE "(" ARKIV_EXTRACT_RESULT_TYPE "mat" PREP_RESULT_TYPE ")"

/* Not arkiv_prepared_clear(): that lives in docbuild.c beside the database
 * writer, which programs that only run the pool (tests, bench) do not link. */
void arkiv_prep_result_clear(arkiv_prep_result_t *r)
{
    g_strfreev(r->prepared.pages);
    g_free(r->prepared.headers);
    arkiv_entities_free(r->prepared.entities);
    if (r->prepared.texts != NULL)
        g_ptr_array_unref(r->prepared.texts);
    g_free(r->error);
    memset(r, 0, sizeof *r);
}

/* ---- serialising: each returns a floating reference ------------------- */

static GVariant *maybe_bytestring(const char *s)
{
    return g_variant_new_maybe(G_VARIANT_TYPE_BYTESTRING,
                               s != NULL ? g_variant_new_bytestring(s) : NULL);
}

/* The lengths of pages (NULL-terminated) as "mat", Nothing for NULL. */
static GVariant *page_lengths(char *const *pages)
{
    GVariantBuilder b;

    if (pages == NULL)
        return g_variant_new_maybe(G_VARIANT_TYPE("at"), NULL);
    g_variant_builder_init(&b, G_VARIANT_TYPE("at"));
    for (char *const *p = pages; *p != NULL; p++)
        g_variant_builder_add_value(&b, g_variant_new_uint64((guint64)strlen(*p)));
    return g_variant_new_maybe(NULL, g_variant_builder_end(&b));
}

/* Tuples are made from their members: g_variant_new() would parse a
 * format string on every call. */
static GVariant *prepared_to_variant(const arkiv_prepared_t *p)
{
    GVariant *entities =
        g_variant_new_maybe(G_VARIANT_TYPE(ENTITIES_TYPE),
                            p->entities != NULL ? arkiv_entities_to_wire(p->entities) : NULL);
    GVariantBuilder lengths;

    g_variant_builder_init(&lengths, G_VARIANT_TYPE("at"));
    for (guint i = 0; p->texts != NULL && i < p->texts->len; i++)
        g_variant_builder_add_value(&lengths,
                                    g_variant_new_uint64(g_bytes_get_size(p->texts->pdata[i])));
    GVariant *m[] = {page_lengths(p->pages), maybe_bytestring(p->headers), entities,
                     g_variant_builder_end(&lengths)};

    return g_variant_new_tuple(m, G_N_ELEMENTS(m));
}

static GVariant *prep_result_to_variant(const arkiv_prep_result_t *r)
{
    gboolean ok = r != NULL && r->state == ARKIV_PREP_OK;
    GVariant *prepared = g_variant_new_maybe(G_VARIANT_TYPE(PREPARED_TYPE),
                                             ok ? prepared_to_variant(&r->prepared) : NULL);
    GVariant *m[] = {g_variant_new_uint32(r != NULL ? (guint32)r->state : 0u), prepared,
                     maybe_bytestring(r != NULL ? r->error : NULL)};

    return g_variant_new_tuple(m, G_N_ELEMENTS(m));
}

static void append_pages(GByteArray *out, char *const *pages)
{
    for (char *const *p = pages; p != NULL && *p != NULL; p++)
        g_byte_array_append(out, (const guint8 *)*p, (guint)strlen(*p));
}

/* The reply: a guint64 (host order: both ends are this program) giving
 * the size of the GVariant that follows, then the raw pages, the clean
 * pages and the texts, one after the other.  They stay out of the
 * GVariant because they are nearly all of the bytes, and checking a
 * GVariant's normal form costs time per byte of every "ay" in it; all
 * they need here is lengths that add up (a page must hold no NUL byte;
 * what a text holds, the library checks: arkiv_doc_new_from_text). */
void arkiv_worker_reply_serialise(const arkiv_extract_result_t *ex, const arkiv_prep_result_t *prep,
                                  GBytes **bytes_out)
{
    arkiv_extract_result_t bare = *ex;
    gboolean ok = prep != NULL && prep->state == ARKIV_PREP_OK;

    bare.pages = NULL;
    GVariant *m[] = {arkiv_extract_result_to_variant(&bare), page_lengths(ex->pages),
                     prep_result_to_variant(prep)};
    GVariant *v = g_variant_ref_sink(g_variant_new_tuple(m, G_N_ELEMENTS(m)));
    guint64 size = g_variant_get_size(v);
    GByteArray *out = g_byte_array_sized_new((guint)(sizeof size + size));

    g_byte_array_append(out, (const guint8 *)&size, sizeof size);
    g_byte_array_append(out, g_variant_get_data(v), (guint)size);
    append_pages(out, ex->pages);
    if (ok)
        append_pages(out, prep->prepared.pages);
    for (guint i = 0; ok && prep->prepared.texts != NULL && i < prep->prepared.texts->len; i++) {
        gsize len = 0;
        gconstpointer data = g_bytes_get_data(prep->prepared.texts->pdata[i], &len);
        g_byte_array_append(out, data, (guint)len);
    }
    g_variant_unref(v);
    *bytes_out = g_byte_array_free_to_bytes(out);
}

/* ---- deserialising ----------------------------------------------------
 *
 * The reply is not checked for GVariant's normal form as a whole: that
 * check reads every byte of every string in it (a third of the writer's
 * time for this step). GVariant's accessors are safe on any bytes, and a
 * child that is not in normal form reads as its type's default (Nothing,
 * an empty string, 0), which the readers below treat as they would a
 * worker that sent it. */

/* The child's inner value (unref it), or NULL for Nothing. */
static GVariant *child_maybe(GVariant *tuple, gsize index)
{
    GVariant *maybe = g_variant_get_child_value(tuple, index);
    GVariant *inner = g_variant_get_maybe(maybe);

    g_variant_unref(maybe);
    return inner;
}

/* A new copy of a "may" value, or NULL for Nothing. */
static char *dup_maybe(GVariant *maybe)
{
    GVariant *inner = g_variant_get_maybe(maybe);
    char *s = inner != NULL ? g_variant_dup_bytestring(inner, NULL) : NULL;

    if (inner != NULL)
        g_variant_unref(inner);
    return s;
}

static char *child_string(GVariant *tuple, gsize index)
{
    GVariant *maybe = g_variant_get_child_value(tuple, index);
    char *s = dup_maybe(maybe);

    g_variant_unref(maybe);
    return s;
}

/* The tuple's type fixes its members' (REPLY_TYPE), so no format string
 * needs to say it again. */
static guint32 child_u32(GVariant *tuple, gsize index)
{
    GVariant *v = g_variant_get_child_value(tuple, index);
    guint32 u = g_variant_get_uint32(v);

    g_variant_unref(v);
    return u;
}

/* What follows the GVariant, read front to back. */
typedef struct {
    GBytes *blob;
    gsize at;
} cursor_t;

/* The next `len` bytes, or FALSE when there are not as many left. */
static gboolean take(cursor_t *c, guint64 len, const char **data_out)
{
    gsize size = 0;
    const char *data = g_bytes_get_data(c->blob, &size);

    if (len > size - c->at)
        return FALSE;
    /* An empty blob may have no data pointer at all. */
    *data_out = len > 0 ? data + c->at : "";
    c->at += (gsize)len;
    return TRUE;
}

/* Pages of the lengths in the "mat" child (NULL for Nothing), copied out
 * of the blob as C strings (g_strfreev); FALSE when the blob runs short or
 * a page holds a NUL byte. */
static gboolean pages_from_blob(GVariant *tuple, gsize index, cursor_t *c, char ***pages_out)
{
    GVariant *lengths = child_maybe(tuple, index);
    gsize n = 0;
    const guint64 *len =
        lengths != NULL ? g_variant_get_fixed_array(lengths, &n, sizeof(guint64)) : NULL;
    char **pages = lengths != NULL ? g_new0(char *, n + 1) : NULL;
    gboolean ok = TRUE;

    for (gsize i = 0; ok && i < n; i++) {
        const char *data = NULL;
        ok = take(c, len[i], &data) && memchr(data, '\0', (gsize)len[i]) == NULL;
        if (ok)
            pages[i] = g_strndup(data, (gsize)len[i]);
    }
    g_clear_pointer(&lengths, g_variant_unref);
    if (ok)
        *pages_out = pages;
    else
        g_strfreev(pages);
    return ok;
}

/* The texts as GBytes slices of the blob (no copies), NULL when there are
 * none (the writer indexes the text itself); FALSE when the blob runs
 * short. */
static gboolean texts_from_blob(GVariant *tuple, gsize index, cursor_t *c, GPtrArray **texts_out)
{
    GVariant *lengths = g_variant_get_child_value(tuple, index);
    gsize n = 0;
    const guint64 *len = g_variant_get_fixed_array(lengths, &n, sizeof(guint64));
    GPtrArray *texts = n > 0 ? g_ptr_array_new_full((guint)n, (GDestroyNotify)g_bytes_unref) : NULL;
    gboolean ok = TRUE;

    for (gsize i = 0; ok && i < n; i++) {
        gsize at = c->at;
        const char *data = NULL;
        ok = take(c, len[i], &data);
        if (ok)
            g_ptr_array_add(texts, g_bytes_new_from_bytes(c->blob, at, (gsize)len[i]));
    }
    g_variant_unref(lengths);
    if (ok) {
        *texts_out = texts;
        return TRUE;
    }
    if (texts != NULL)
        g_ptr_array_unref(texts);
    return FALSE;
}

/* Fills *out (zeroed); FALSE when the entities are missing (the writer
 * uses them at once) or malformed, or the pages and texts are not in the
 * blob. */
static gboolean prepared_from_variant(GVariant *v, cursor_t *c, arkiv_prepared_t *out)
{
    GVariant *entities = child_maybe(v, 2);
    gboolean ok;

    out->headers = child_string(v, 1);
    ok = entities != NULL && pages_from_blob(v, 0, c, &out->pages) &&
         texts_from_blob(v, 3, c, &out->texts);
    if (ok)
        ok = (out->entities = arkiv_entities_from_wire(entities)) != NULL;
    g_clear_pointer(&entities, g_variant_unref);
    return ok;
}

/* The state's invariants (prepared_wire.h): prepared exactly when OK, an
 * error exactly when FAILED. */
static gboolean prep_result_from_variant(GVariant *v, cursor_t *c, arkiv_prep_result_t *out)
{
    guint32 state = child_u32(v, 0);
    GVariant *prepared = child_maybe(v, 1);
    gboolean ok;

    out->error = child_string(v, 2);
    ok = state <= ARKIV_PREP_FAILED && (prepared != NULL) == (state == ARKIV_PREP_OK) &&
         (out->error != NULL) == (state == ARKIV_PREP_FAILED);
    out->state = (arkiv_prep_state_t)state;
    if (ok && prepared != NULL)
        ok = prepared_from_variant(prepared, c, &out->prepared);
    g_clear_pointer(&prepared, g_variant_unref);
    return ok;
}

/* Splits the reply into its GVariant and the texts after it (new
 * references); FALSE when the size in front does not fit. */
static gboolean split_reply(GBytes *bytes, GBytes **variant_out, GBytes **blob_out)
{
    gsize size = 0;
    const guint8 *data = g_bytes_get_data(bytes, &size);
    guint64 n;

    if (data == NULL || size < sizeof n)
        return FALSE;
    memcpy(&n, data, sizeof n);
    if (n > size - sizeof n)
        return FALSE;
    *variant_out = g_bytes_new_from_bytes(bytes, sizeof n, (gsize)n);
    *blob_out = g_bytes_new_from_bytes(bytes, sizeof n + (gsize)n, size - sizeof n - (gsize)n);
    return TRUE;
}

/* Checks and reads the GVariant part, and the pages and texts after it,
 * which must fill the blob exactly.  The extraction result's own pages
 * travel in the blob: the GVariant's must be Nothing. */
static gboolean reply_from_parts(GBytes *variant, GBytes *blob, arkiv_extract_result_t *ex_out,
                                 arkiv_prep_result_t *prep_out)
{
    GVariant *v =
        g_variant_ref_sink(g_variant_new_from_bytes(G_VARIANT_TYPE(REPLY_TYPE), variant, FALSE));
    GVariant *ex = g_variant_get_child_value(v, 0);
    GVariant *prep = g_variant_get_child_value(v, 2);
    cursor_t c = {blob, 0};
    gboolean ok = arkiv_extract_result_from_variant(ex, ex_out, NULL) && ex_out->pages == NULL &&
                  pages_from_blob(v, 1, &c, &ex_out->pages) &&
                  prep_result_from_variant(prep, &c, prep_out) && c.at == g_bytes_get_size(blob);
    g_clear_pointer(&ex, g_variant_unref);
    g_clear_pointer(&prep, g_variant_unref);
    g_variant_unref(v);
    return ok;
}

gboolean arkiv_worker_reply_deserialise(GBytes *bytes, arkiv_extract_result_t *ex_out,
                                        arkiv_prep_result_t *prep_out, GError **error)
{
    GBytes *variant = NULL, *blob = NULL;
    gboolean ok;

    arkiv_extract_result_clear(ex_out);
    arkiv_prep_result_clear(prep_out);
    ok = split_reply(bytes, &variant, &blob) && reply_from_parts(variant, blob, ex_out, prep_out);
    g_clear_pointer(&variant, g_bytes_unref);
    g_clear_pointer(&blob, g_bytes_unref);
    if (ok)
        return TRUE;
    arkiv_extract_result_clear(ex_out);
    arkiv_prep_result_clear(prep_out);
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "malformed worker reply");
    return FALSE;
}

GVariant *arkiv_worker_reply_type_holder(void)
{
    GBytes *none = g_bytes_new(NULL, 0);
    /* No bytes: the type's default value, which is all a holder needs. */
    GVariant *v =
        g_variant_ref_sink(g_variant_new_from_bytes(G_VARIANT_TYPE(REPLY_TYPE), none, FALSE));
    g_bytes_unref(none);
    return v;
}
