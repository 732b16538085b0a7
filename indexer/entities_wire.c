/* entities_wire.c — entities as three flat arrays; see entities_wire.h. */
#include "entities_wire.h"

#include <string.h>

#define NO_STRING G_MAXUINT64

/* ---- writing ---------------------------------------------------------- */

typedef struct {
    GArray *nums;     /* guint64 */
    GArray *offs;     /* guint64: where each string starts in strs */
    GByteArray *strs; /* the strings, each with its NUL */
} writer_t;

static void put_num(writer_t *w, guint64 n)
{
    g_array_append_val(w->nums, n);
}

static void put_str(writer_t *w, const char *s)
{
    guint64 at = s != NULL ? w->strs->len : NO_STRING;
    g_array_append_val(w->offs, at);
    if (s != NULL)
        g_byte_array_append(w->strs, (const guint8 *)s, (guint)strlen(s) + 1);
}

/* A NULL array goes as an empty one. */
static void put_strs(writer_t *w, const GPtrArray *a)
{
    put_num(w, a != NULL ? a->len : 0);
    for (guint i = 0; a != NULL && i < a->len; i++)
        put_str(w, a->pdata[i]);
}

static void put_person(writer_t *w, const arkiv_person_t *p)
{
    put_str(w, p->name);
    put_str(w, p->as_written);
    put_str(w, p->key);
    put_str(w, p->org);
    put_num(w, (guint64)p->status);
    put_num(w, p->roles);
}

static void put_item(writer_t *w, const arkiv_item_t *it)
{
    put_str(w, it->number);
    put_str(w, it->title);
    put_str(w, it->decision);
    put_strs(w, it->presenters);
    put_num(w, it->start);
    put_num(w, it->end);
    put_num(w, it->page);
}

static void put_entities(writer_t *w, const arkiv_entities_t *e)
{
    put_str(w, e->kind);
    put_strs(w, e->councils);
    put_str(w, e->date);
    put_num(w, (guint64)e->date_source);
    put_str(w, e->place);
    put_num(w, e->people != NULL ? e->people->len : 0);
    for (guint i = 0; e->people != NULL && i < e->people->len; i++)
        put_person(w, e->people->pdata[i]);
    put_num(w, e->items != NULL ? e->items->len : 0);
    for (guint i = 0; e->items != NULL && i < e->items->len; i++)
        put_item(w, e->items->pdata[i]);
    put_num(w, e->refs != NULL ? e->refs->len : 0);
    for (guint i = 0; e->refs != NULL && i < e->refs->len; i++) {
        const arkiv_ref_t *r = e->refs->pdata[i];
        put_str(w, r->council);
        put_str(w, r->number);
    }
    put_strs(w, e->projects);
}

static GVariant *fixed_u64(GArray *a)
{
    return g_variant_new_fixed_array(G_VARIANT_TYPE_UINT64, a->data, a->len, sizeof(guint64));
}

GVariant *arkiv_entities_to_wire(const arkiv_entities_t *e)
{
    writer_t w = {g_array_new(FALSE, FALSE, sizeof(guint64)),
                  g_array_new(FALSE, FALSE, sizeof(guint64)), g_byte_array_new()};
    put_entities(&w, e);
    GVariant *m[] = {fixed_u64(w.nums), fixed_u64(w.offs),
                     g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, w.strs->data, w.strs->len, 1)};
    g_array_unref(w.nums);
    g_array_unref(w.offs);
    g_byte_array_unref(w.strs);
    return g_variant_new_tuple(m, G_N_ELEMENTS(m));
}

/* ---- reading ---------------------------------------------------------- */

typedef struct {
    const guint64 *nums, *offs;
    gsize n_nums, n_offs, at_num, at_off;
    const char *strs;
    gsize n_strs, next_str; /* strings come one after the other */
    gboolean ok;            /* FALSE from the first thing missing or malformed on */
} reader_t;

static guint64 get_num(reader_t *r)
{
    if (r->at_num >= r->n_nums) {
        r->ok = FALSE;
        return 0;
    }
    return r->nums[r->at_num++];
}

/* Bounded: a number that does not fit marks the reply malformed. */
static guint32 get_u32(reader_t *r, guint32 max)
{
    guint64 n = get_num(r);
    if (n > max)
        r->ok = FALSE;
    return r->ok ? (guint32)n : 0;
}

/* A new copy, or NULL (also when malformed: r->ok says which). */
static char *get_str(reader_t *r)
{
    if (r->at_off >= r->n_offs) {
        r->ok = FALSE;
        return NULL;
    }
    guint64 at = r->offs[r->at_off++];
    if (at == NO_STRING)
        return NULL;
    const char *end = at == r->next_str && at < r->n_strs
                          ? memchr(r->strs + at, '\0', r->n_strs - (gsize)at)
                          : NULL;
    if (end == NULL) {
        r->ok = FALSE;
        return NULL;
    }
    r->next_str = (gsize)(end - r->strs) + 1;
    return g_strdup(r->strs + at);
}

/* Every string of a list costs one offset, so a count larger than the
 * offsets left ends the loop at the first missing one, not in a huge
 * allocation. */
static void get_strs(reader_t *r, GPtrArray *to)
{
    guint64 n = get_num(r);
    for (guint64 i = 0; r->ok && i < n; i++) {
        char *s = get_str(r);
        if (r->ok)
            g_ptr_array_add(to, s);
    }
}

static void get_person(reader_t *r, GPtrArray *to)
{
    arkiv_person_t *p = g_new0(arkiv_person_t, 1);
    p->name = get_str(r);
    p->as_written = get_str(r);
    p->key = get_str(r);
    p->org = get_str(r);
    p->status = (arkiv_attendance_t)get_u32(r, ARKIV_MENTIONED);
    p->roles = get_u32(r, G_MAXUINT32);
    g_ptr_array_add(to, p); /* `to` frees it, also when r->ok is FALSE */
}

/* An item needs a number (entities.h: never NULL): the writer passes it
 * to strchr. */
static void get_item(reader_t *r, GPtrArray *to)
{
    arkiv_item_t *it = arkiv_item_new(NULL);
    g_ptr_array_add(to, it);
    it->number = get_str(r);
    it->title = get_str(r);
    it->decision = get_str(r);
    get_strs(r, it->presenters);
    it->start = (gsize)get_num(r);
    it->end = (gsize)get_num(r);
    it->page = get_u32(r, G_MAXUINT32);
    if (it->number == NULL)
        r->ok = FALSE;
}

static void get_ref(reader_t *r, GPtrArray *to)
{
    arkiv_ref_t *ref = g_new0(arkiv_ref_t, 1);
    g_ptr_array_add(to, ref);
    ref->council = get_str(r);
    ref->number = get_str(r);
}

typedef void (*get_fn)(reader_t *r, GPtrArray *to);

/* Each element takes at least one string, so a count beyond what is
 * left stops at the first element that finds none. */
static void get_list(reader_t *r, GPtrArray *to, get_fn fn)
{
    guint64 n = get_num(r);
    for (guint64 i = 0; r->ok && i < n; i++)
        fn(r, to);
}

static void get_entities(reader_t *r, arkiv_entities_t *e)
{
    e->kind = get_str(r);
    get_strs(r, e->councils);
    e->date = get_str(r);
    e->date_source = (arkiv_date_source_t)get_u32(r, ARKIV_DATE_MTIME);
    e->place = get_str(r);
    get_list(r, e->people, get_person);
    get_list(r, e->items, get_item);
    get_list(r, e->refs, get_ref);
    get_strs(r, e->projects);
}

/* The fixed array of child index (a reference held in *held). */
static gconstpointer child_array(GVariant *v, gsize index, gsize size, gsize *n, GVariant **held)
{
    *held = g_variant_get_child_value(v, index);
    return g_variant_get_fixed_array(*held, n, size);
}

arkiv_entities_t *arkiv_entities_from_wire(GVariant *v)
{
    GVariant *nums = NULL, *offs = NULL, *strs = NULL;
    reader_t r = {0};
    r.ok = TRUE;
    r.nums = child_array(v, 0, sizeof(guint64), &r.n_nums, &nums);
    r.offs = child_array(v, 1, sizeof(guint64), &r.n_offs, &offs);
    r.strs = child_array(v, 2, 1, &r.n_strs, &strs);
    arkiv_entities_t *e = arkiv_entities_new();
    get_entities(&r, e);
    g_variant_unref(nums);
    g_variant_unref(offs);
    g_variant_unref(strs);
    if (r.ok && r.at_num == r.n_nums && r.at_off == r.n_offs && r.next_str == r.n_strs)
        return e;
    arkiv_entities_free(e);
    return NULL;
}
