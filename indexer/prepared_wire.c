/* prepared_wire.c — the worker's reply: extraction result plus prepared
 * text and entities; see prepared_wire.h.
 *
 * Byte strings ("ay") rather than "s", as in extract_result.c: GVariant
 * asserts on invalid UTF-8 in "s", and a worker must never abort while
 * reporting a result.  Maybe types keep NULL apart from "", also inside
 * string arrays, so that no member can make serialising assert. */
#include "prepared_wire.h"

#include <gio/gio.h>
#include <string.h>

/* name, as_written, key, org, status, roles */
#define PERSON_TYPE "(maymaymaymayuu)"
/* number, title, decision, presenters, start, end, page */
#define ITEM_TYPE "(maymaymayamayttu)"
/* council, number */
#define REF_TYPE "(maymay)"
/* kind, councils, date, date_source, place, people, items, refs, projects */
#define ENTITIES_TYPE "(mayamaymayumaya" PERSON_TYPE "a" ITEM_TYPE "a" REF_TYPE "amay)"
/* the length of each page (Nothing: no pages), headers, entities, the
 * length of each text; pages and texts follow the GVariant (see
 * arkiv_worker_reply_serialise) */
#define PREPARED_TYPE "(matmaym" ENTITIES_TYPE "at)"
/* state, prepared, error */
#define PREP_RESULT_TYPE "(um" PREPARED_TYPE "may)"
/* extraction result without its pages, the length of each of its pages,
 * prep result */
#define REPLY_TYPE "(" ARKIV_EXTRACT_RESULT_TYPE "mat" PREP_RESULT_TYPE ")"

typedef GVariant *(*to_variant_fn)(gconstpointer element);

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

static GVariant *string_to_variant(gconstpointer s)
{
    return maybe_bytestring(s);
}

/* type: the array's type; a NULL array becomes an empty one. */
static GVariant *array_to_variant(const char *type, const GPtrArray *a, to_variant_fn fn)
{
    GVariantBuilder b;

    g_variant_builder_init(&b, G_VARIANT_TYPE(type));
    for (guint i = 0; a != NULL && i < a->len; i++)
        g_variant_builder_add_value(&b, fn(a->pdata[i]));
    return g_variant_builder_end(&b);
}

/* Tuples are made from their members (g_variant_new_tuple) rather than
 * with g_variant_new(), which parses its format string on every call:
 * that cost more than building the members. */
static GVariant *person_to_variant(gconstpointer element)
{
    const arkiv_person_t *p = element;

    GVariant *m[] = {maybe_bytestring(p->name),
                     maybe_bytestring(p->as_written),
                     maybe_bytestring(p->key),
                     maybe_bytestring(p->org),
                     g_variant_new_uint32((guint32)p->status),
                     g_variant_new_uint32((guint32)p->roles)};

    return g_variant_new_tuple(m, G_N_ELEMENTS(m));
}

static GVariant *item_to_variant(gconstpointer element)
{
    const arkiv_item_t *it = element;

    GVariant *m[] = {maybe_bytestring(it->number),
                     maybe_bytestring(it->title),
                     maybe_bytestring(it->decision),
                     array_to_variant("amay", it->presenters, string_to_variant),
                     g_variant_new_uint64((guint64)it->start),
                     g_variant_new_uint64((guint64)it->end),
                     g_variant_new_uint32((guint32)it->page)};

    return g_variant_new_tuple(m, G_N_ELEMENTS(m));
}

static GVariant *ref_to_variant(gconstpointer element)
{
    const arkiv_ref_t *r = element;

    GVariant *m[] = {maybe_bytestring(r->council), maybe_bytestring(r->number)};

    return g_variant_new_tuple(m, G_N_ELEMENTS(m));
}

static GVariant *entities_to_variant(const arkiv_entities_t *e)
{
    GVariant *m[] = {maybe_bytestring(e->kind),
                     array_to_variant("amay", e->councils, string_to_variant),
                     maybe_bytestring(e->date),
                     g_variant_new_uint32((guint32)e->date_source),
                     maybe_bytestring(e->place),
                     array_to_variant("a" PERSON_TYPE, e->people, person_to_variant),
                     array_to_variant("a" ITEM_TYPE, e->items, item_to_variant),
                     array_to_variant("a" REF_TYPE, e->refs, ref_to_variant),
                     array_to_variant("amay", e->projects, string_to_variant)};

    return g_variant_new_tuple(m, G_N_ELEMENTS(m));
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

static GVariant *prepared_to_variant(const arkiv_prepared_t *p)
{
    GVariant *entities =
        g_variant_new_maybe(G_VARIANT_TYPE(ENTITIES_TYPE),
                            p->entities != NULL ? entities_to_variant(p->entities) : NULL);
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

static guint64 child_u64(GVariant *tuple, gsize index)
{
    GVariant *v = g_variant_get_child_value(tuple, index);
    guint64 t = g_variant_get_uint64(v);

    g_variant_unref(v);
    return t;
}

/* Appends the strings of an "amay" child to to (which frees them). */
static void add_strings(GVariant *tuple, gsize index, GPtrArray *to)
{
    GVariant *array = g_variant_get_child_value(tuple, index);
    gsize n = g_variant_n_children(array);

    for (gsize i = 0; i < n; i++) {
        GVariant *maybe = g_variant_get_child_value(array, i);
        g_ptr_array_add(to, dup_maybe(maybe));
        g_variant_unref(maybe);
    }
    g_variant_unref(array);
}

/* Element readers for add_elements: a new element, or NULL when the
 * variant is malformed. */
typedef gpointer (*from_variant_fn)(GVariant *element);

static gpointer person_from_variant(GVariant *v)
{
    arkiv_person_t *p;
    guint32 status = child_u32(v, 4);

    if (status > ARKIV_MENTIONED)
        return NULL;
    p = g_new0(arkiv_person_t, 1);
    p->name = child_string(v, 0);
    p->as_written = child_string(v, 1);
    p->key = child_string(v, 2);
    p->org = child_string(v, 3);
    p->status = (arkiv_attendance_t)status;
    p->roles = child_u32(v, 5);
    return p;
}

/* NULL for an item without a number (entities.h: never NULL), which the
 * writer would pass to strchr. */
static gpointer item_from_variant(GVariant *v)
{
    char *number = child_string(v, 0);
    arkiv_item_t *it;

    if (number == NULL)
        return NULL;
    it = arkiv_item_new(NULL);
    it->number = number;
    it->title = child_string(v, 1);
    it->decision = child_string(v, 2);
    add_strings(v, 3, it->presenters);
    it->start = (gsize)child_u64(v, 4);
    it->end = (gsize)child_u64(v, 5);
    it->page = child_u32(v, 6);
    return it;
}

static gpointer ref_from_variant(GVariant *v)
{
    arkiv_ref_t *r = g_new0(arkiv_ref_t, 1);

    r->council = child_string(v, 0);
    r->number = child_string(v, 1);
    return r;
}

/* Appends fn's element for each child of the array child to `to` (which
 * frees them); FALSE when fn finds one malformed. */
static gboolean add_elements(GVariant *tuple, gsize index, GPtrArray *to, from_variant_fn fn)
{
    GVariant *array = g_variant_get_child_value(tuple, index);
    gsize n = g_variant_n_children(array);
    gboolean ok = TRUE;

    for (gsize i = 0; ok && i < n; i++) {
        GVariant *v = g_variant_get_child_value(array, i);
        gpointer element = fn(v);
        g_variant_unref(v);
        ok = element != NULL;
        if (ok)
            g_ptr_array_add(to, element);
    }
    g_variant_unref(array);
    return ok;
}

/* NULL when an enum is out of range. */
static arkiv_entities_t *entities_from_variant(GVariant *v)
{
    arkiv_entities_t *e = arkiv_entities_new();
    guint32 source = child_u32(v, 3);

    e->kind = child_string(v, 0);
    add_strings(v, 1, e->councils);
    e->date = child_string(v, 2);
    e->date_source = (arkiv_date_source_t)source;
    e->place = child_string(v, 4);
    add_strings(v, 8, e->projects);
    if (source <= ARKIV_DATE_MTIME && add_elements(v, 5, e->people, person_from_variant) &&
        add_elements(v, 6, e->items, item_from_variant) &&
        add_elements(v, 7, e->refs, ref_from_variant))
        return e;
    arkiv_entities_free(e);
    return NULL;
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
        ok = (out->entities = entities_from_variant(entities)) != NULL;
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
