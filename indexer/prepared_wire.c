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
/* pages, headers, entities */
#define PREPARED_TYPE "(maaymaym" ENTITIES_TYPE ")"
/* state, prepared, error */
#define PREP_RESULT_TYPE "(um" PREPARED_TYPE "may)"
#define REPLY_TYPE "(" ARKIV_EXTRACT_RESULT_TYPE PREP_RESULT_TYPE ")"

typedef GVariant *(*to_variant_fn)(gconstpointer element);

/* Not arkiv_prepared_clear(): that lives in docbuild.c beside the database
 * writer, which programs that only run the pool (tests, bench) do not link. */
void arkiv_prep_result_clear(arkiv_prep_result_t *r)
{
    g_strfreev(r->prepared.pages);
    g_free(r->prepared.headers);
    arkiv_entities_free(r->prepared.entities);
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

static GVariant *person_to_variant(gconstpointer element)
{
    const arkiv_person_t *p = element;

    return g_variant_new("(@may@may@may@mayuu)", maybe_bytestring(p->name),
                         maybe_bytestring(p->as_written), maybe_bytestring(p->key),
                         maybe_bytestring(p->org), (guint32)p->status, (guint32)p->roles);
}

static GVariant *item_to_variant(gconstpointer element)
{
    const arkiv_item_t *it = element;

    return g_variant_new("(@may@may@may@amayttu)", maybe_bytestring(it->number),
                         maybe_bytestring(it->title), maybe_bytestring(it->decision),
                         array_to_variant("amay", it->presenters, string_to_variant),
                         (guint64)it->start, (guint64)it->end, (guint32)it->page);
}

static GVariant *ref_to_variant(gconstpointer element)
{
    const arkiv_ref_t *r = element;

    return g_variant_new("(@may@may)", maybe_bytestring(r->council), maybe_bytestring(r->number));
}

static GVariant *entities_to_variant(const arkiv_entities_t *e)
{
    return g_variant_new(
        "(@may@amay@mayu@may@a" PERSON_TYPE "@a" ITEM_TYPE "@a" REF_TYPE "@amay)",
        maybe_bytestring(e->kind), array_to_variant("amay", e->councils, string_to_variant),
        maybe_bytestring(e->date), (guint32)e->date_source, maybe_bytestring(e->place),
        array_to_variant("a" PERSON_TYPE, e->people, person_to_variant),
        array_to_variant("a" ITEM_TYPE, e->items, item_to_variant),
        array_to_variant("a" REF_TYPE, e->refs, ref_to_variant),
        array_to_variant("amay", e->projects, string_to_variant));
}

static GVariant *prepared_to_variant(const arkiv_prepared_t *p)
{
    GVariant *pages = g_variant_new_maybe(
        G_VARIANT_TYPE_BYTESTRING_ARRAY,
        p->pages != NULL ? g_variant_new_bytestring_array((const char *const *)p->pages, -1)
                         : NULL);
    GVariant *entities =
        g_variant_new_maybe(G_VARIANT_TYPE(ENTITIES_TYPE),
                            p->entities != NULL ? entities_to_variant(p->entities) : NULL);

    return g_variant_new("(@maay@may@m" ENTITIES_TYPE ")", pages, maybe_bytestring(p->headers),
                         entities);
}

static GVariant *prep_result_to_variant(const arkiv_prep_result_t *r)
{
    gboolean ok = r != NULL && r->state == ARKIV_PREP_OK;
    GVariant *prepared = g_variant_new_maybe(G_VARIANT_TYPE(PREPARED_TYPE),
                                             ok ? prepared_to_variant(&r->prepared) : NULL);

    return g_variant_new("(u@m" PREPARED_TYPE "@may)", r != NULL ? (guint32)r->state : 0u, prepared,
                         maybe_bytestring(r != NULL ? r->error : NULL));
}

void arkiv_worker_reply_serialise(const arkiv_extract_result_t *ex, const arkiv_prep_result_t *prep,
                                  GBytes **bytes_out)
{
    GVariant *v = g_variant_ref_sink(
        g_variant_new("(@" ARKIV_EXTRACT_RESULT_TYPE "@" PREP_RESULT_TYPE ")",
                      arkiv_extract_result_to_variant(ex), prep_result_to_variant(prep)));

    *bytes_out = g_variant_get_data_as_bytes(v);
    g_variant_unref(v);
}

/* ---- deserialising: the reply is in normal form, so every child is ---- */

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

static guint32 child_u32(GVariant *tuple, gsize index)
{
    guint32 u;

    g_variant_get_child(tuple, index, "u", &u);
    return u;
}

static guint64 child_u64(GVariant *tuple, gsize index)
{
    guint64 t;

    g_variant_get_child(tuple, index, "t", &t);
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

static gpointer item_from_variant(GVariant *v)
{
    arkiv_item_t *it = arkiv_item_new(NULL);

    it->number = child_string(v, 0);
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

/* Fills *out (zeroed); FALSE when the entities are malformed. */
static gboolean prepared_from_variant(GVariant *v, arkiv_prepared_t *out)
{
    GVariant *pages = child_maybe(v, 0);
    GVariant *entities = child_maybe(v, 2);

    if (pages != NULL)
        out->pages = g_variant_dup_bytestring_array(pages, NULL);
    out->headers = child_string(v, 1);
    if (entities != NULL)
        out->entities = entities_from_variant(entities);
    g_clear_pointer(&pages, g_variant_unref);
    if (entities == NULL)
        return TRUE;
    g_variant_unref(entities);
    return out->entities != NULL;
}

/* The state's invariants (prepared_wire.h): prepared exactly when OK, an
 * error exactly when FAILED. */
static gboolean prep_result_from_variant(GVariant *v, arkiv_prep_result_t *out)
{
    guint32 state = child_u32(v, 0);
    GVariant *prepared = child_maybe(v, 1);
    gboolean ok;

    out->error = child_string(v, 2);
    ok = state <= ARKIV_PREP_FAILED && (prepared != NULL) == (state == ARKIV_PREP_OK) &&
         (out->error != NULL) == (state == ARKIV_PREP_FAILED);
    out->state = (arkiv_prep_state_t)state;
    if (ok && prepared != NULL)
        ok = prepared_from_variant(prepared, &out->prepared);
    g_clear_pointer(&prepared, g_variant_unref);
    return ok;
}

gboolean arkiv_worker_reply_deserialise(GBytes *bytes, arkiv_extract_result_t *ex_out,
                                        arkiv_prep_result_t *prep_out, GError **error)
{
    GVariant *v =
        g_variant_ref_sink(g_variant_new_from_bytes(G_VARIANT_TYPE(REPLY_TYPE), bytes, FALSE));
    GVariant *ex = NULL, *prep = NULL;
    gboolean ok = g_variant_is_normal_form(v);

    arkiv_extract_result_clear(ex_out);
    arkiv_prep_result_clear(prep_out);
    if (ok) {
        ex = g_variant_get_child_value(v, 0);
        prep = g_variant_get_child_value(v, 1);
        ok = arkiv_extract_result_from_variant(ex, ex_out, NULL) &&
             prep_result_from_variant(prep, prep_out);
    }
    g_clear_pointer(&ex, g_variant_unref);
    g_clear_pointer(&prep, g_variant_unref);
    g_variant_unref(v);
    if (ok)
        return TRUE;
    arkiv_extract_result_clear(ex_out);
    arkiv_prep_result_clear(prep_out);
    g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "malformed worker reply");
    return FALSE;
}
