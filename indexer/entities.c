/* entities.c — constructors and destructors for the tagger's findings. */
#include "entities.h"

arkiv_entities_t *arkiv_entities_new(void)
{
    arkiv_entities_t *e = g_new0(arkiv_entities_t, 1);
    e->councils = g_ptr_array_new_with_free_func(g_free);
    e->people = g_ptr_array_new_with_free_func((GDestroyNotify)arkiv_person_free);
    e->items = g_ptr_array_new_with_free_func((GDestroyNotify)arkiv_item_free);
    e->refs = g_ptr_array_new_with_free_func((GDestroyNotify)arkiv_ref_free);
    e->projects = g_ptr_array_new_with_free_func(g_free);
    return e;
}

void arkiv_entities_free(arkiv_entities_t *e)
{
    if (!e)
        return;
    g_free(e->kind);
    g_free(e->date);
    g_free(e->place);
    g_ptr_array_unref(e->councils);
    g_ptr_array_unref(e->people);
    g_ptr_array_unref(e->items);
    g_ptr_array_unref(e->refs);
    g_ptr_array_unref(e->projects);
    g_free(e);
}

arkiv_person_t *arkiv_person_new(const char *name, const char *key)
{
    arkiv_person_t *p = g_new0(arkiv_person_t, 1);
    p->name = g_strdup(name);
    p->as_written = g_strdup(name);
    p->key = g_strdup(key);
    p->status = ARKIV_MENTIONED;
    return p;
}

void arkiv_person_free(arkiv_person_t *p)
{
    if (!p)
        return;
    g_free(p->name);
    g_free(p->as_written);
    g_free(p->key);
    g_free(p->org);
    g_free(p);
}

arkiv_item_t *arkiv_item_new(const char *number)
{
    arkiv_item_t *it = g_new0(arkiv_item_t, 1);
    it->number = g_strdup(number);
    it->presenters = g_ptr_array_new_with_free_func(g_free);
    it->page = 1;
    return it;
}

void arkiv_item_free(arkiv_item_t *it)
{
    if (!it)
        return;
    g_free(it->number);
    g_free(it->title);
    g_free(it->decision);
    g_ptr_array_unref(it->presenters);
    g_free(it);
}

void arkiv_ref_free(arkiv_ref_t *r)
{
    if (!r)
        return;
    g_free(r->council);
    g_free(r->number);
    g_free(r);
}

const char *arkiv_attendance_name(arkiv_attendance_t s)
{
    switch (s) {
    case ARKIV_PRESENT:
        return "present";
    case ARKIV_ABSENT:
        return "absent";
    case ARKIV_MENTIONED:
        break;
    }
    return "mentioned";
}

const char *arkiv_date_source_name(arkiv_date_source_t s)
{
    switch (s) {
    case ARKIV_DATE_TEXT:
        return "text";
    case ARKIV_DATE_PDF_METADATA:
        return "pdf-metadata";
    case ARKIV_DATE_MTIME:
        return "mtime";
    case ARKIV_DATE_NONE:
        break;
    }
    return NULL;
}

static const char *const role_names[] = {"member",   "chair",      "secretary",
                                         "observer", "substitute", "presenter"};

const char **arkiv_role_names(guint roles)
{
    const char **v = g_new0(const char *, G_N_ELEMENTS(role_names) + 1);
    guint n = 0;
    for (guint i = 0; i < G_N_ELEMENTS(role_names); i++)
        if (roles & (1u << i))
            v[n++] = role_names[i];
    return v;
}
