/* entities_json.c — entities into the stored document data. */
#include "entities_json.h"

static void member_string(JsonBuilder *b, const char *name, const char *value)
{
    json_builder_set_member_name(b, name);
    if (value)
        json_builder_add_string_value(b, value);
    else
        json_builder_add_null_value(b);
}

static void member_strings(JsonBuilder *b, const char *name, const GPtrArray *v)
{
    json_builder_set_member_name(b, name);
    json_builder_begin_array(b);
    for (guint i = 0; v && i < v->len; i++)
        json_builder_add_string_value(b, v->pdata[i]);
    json_builder_end_array(b);
}

static void add_person(JsonBuilder *b, const arkiv_person_t *p)
{
    json_builder_begin_object(b);
    member_string(b, "name", p->name);
    member_string(b, "as_written", p->as_written);
    member_string(b, "key", p->key);
    member_string(b, "status", arkiv_attendance_name(p->status));
    json_builder_set_member_name(b, "roles");
    json_builder_begin_array(b);
    const char **roles = arkiv_role_names(p->roles);
    for (const char **r = roles; *r; r++)
        json_builder_add_string_value(b, *r);
    g_free(roles);
    json_builder_end_array(b);
    member_string(b, "org", p->org);
    json_builder_end_object(b);
}

void arkiv_item_to_json(const arkiv_item_t *it, JsonBuilder *b)
{
    json_builder_begin_object(b);
    member_string(b, "number", it->number);
    member_string(b, "title", it->title);
    member_string(b, "decision", it->decision);
    member_strings(b, "presenters", it->presenters);
    json_builder_set_member_name(b, "page");
    json_builder_add_int_value(b, it->page);
    json_builder_end_object(b);
}

void arkiv_entities_to_json(const arkiv_entities_t *e, JsonBuilder *b)
{
    member_string(b, "kind", e->kind);
    member_strings(b, "councils", e->councils);
    member_string(b, "council", e->councils->len ? e->councils->pdata[0] : NULL);
    member_string(b, "date", e->date);
    member_string(b, "date_source", arkiv_date_source_name(e->date_source));
    member_string(b, "place", e->place);
    json_builder_set_member_name(b, "people");
    json_builder_begin_array(b);
    for (guint i = 0; i < e->people->len; i++)
        add_person(b, e->people->pdata[i]);
    json_builder_end_array(b);
    json_builder_set_member_name(b, "items");
    json_builder_begin_array(b);
    for (guint i = 0; i < e->items->len; i++)
        arkiv_item_to_json(e->items->pdata[i], b);
    json_builder_end_array(b);
    json_builder_set_member_name(b, "references");
    json_builder_begin_array(b);
    for (guint i = 0; i < e->refs->len; i++) {
        const arkiv_ref_t *r = e->refs->pdata[i];
        json_builder_begin_object(b);
        member_string(b, "council", r->council);
        member_string(b, "number", r->number);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    member_strings(b, "projects", e->projects);
}
