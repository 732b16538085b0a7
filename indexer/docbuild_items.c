/* docbuild_items.c — one index document per agenda item, so a hit can land
 * on "ASU 17.04.2024 · Sak 12/24 … · side 6" with its decision. */
#include "docbuild.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "entities_json.h"
#include "tagtext.h"

static void member_string(JsonBuilder *b, const char *name, const char *value)
{
    json_builder_set_member_name(b, name);
    if (value)
        json_builder_add_string_value(b, value);
    else
        json_builder_add_null_value(b);
}

/* The stored data of an item: its meeting's identity and the item itself
 * (docs/schema.md). */
static char *item_data(const char *id, const arkiv_file_info_t *info, const char *meeting_title,
                       const arkiv_entities_t *e, const arkiv_item_t *it)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    member_string(b, "id", id);
    member_string(b, "parent", info->id);
    member_string(b, "path", info->path);
    member_string(b, "title", meeting_title);
    member_string(b, "kind", e->kind);
    json_builder_set_member_name(b, "councils");
    json_builder_begin_array(b);
    for (guint i = 0; i < e->councils->len; i++)
        json_builder_add_string_value(b, e->councils->pdata[i]);
    json_builder_end_array(b);
    member_string(b, "council", e->councils->len ? e->councils->pdata[0] : NULL);
    member_string(b, "date", e->date);
    member_string(b, "date_source", arkiv_date_source_name(e->date_source));
    member_string(b, "place", e->place);
    json_builder_set_member_name(b, "item");
    arkiv_item_to_json(it, b);
    json_builder_end_object(b);
    JsonNode *root = json_builder_get_root(b);
    char *s = json_to_string(root, FALSE);
    json_node_unref(root);
    g_object_unref(b);
    return s;
}

/* The item's span, one body text per page it covers, so the library can
 * name the page of a hit (arkiv_doc_set_page). */
static gboolean add_span(arkiv_db_t *db, arkiv_doc_t *doc, const arkiv_tagtext_t *t,
                         const arkiv_item_t *it, GError **error)
{
    gsize start = MIN(it->start, t->len), end = MIN(MAX(it->end, start), t->len);
    guint first = arkiv_tagtext_page_at(t, start);
    gboolean ok = arkiv_docbuild_check(db, arkiv_doc_set_page(doc, first), error);

    for (guint p = first; ok && start < end; p++) {
        gsize stop = p < t->n_pages ? MIN(end, t->page_start[p]) : end;
        char *piece = g_strndup(t->text + start, stop - start);
        ok = arkiv_docbuild_check(db, arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, piece), error);
        g_free(piece);
        start = stop;
    }
    return ok;
}

static gboolean item_title(arkiv_db_t *db, arkiv_doc_t *doc, const arkiv_item_t *it, GError **error)
{
    char *title = strchr(it->number, '/')
                      ? g_strdup_printf("Sak %s %s", it->number, it->title ? it->title : "")
                      : g_strdup_printf("%s. %s", it->number, it->title ? it->title : "");
    gboolean ok = arkiv_docbuild_check(
        db, arkiv_doc_add_text(doc, ARKIV_FIELD_TITLE, g_strstrip(title)), error);
    g_free(title);
    return ok;
}

gboolean arkiv_docbuild_items(arkiv_db_t *db, const arkiv_file_info_t *info,
                              const char *meeting_title, char **pages, const arkiv_entities_t *e,
                              GError **error)
{
    if (!pages || e->items->len == 0)
        return TRUE;
    arkiv_tagtext_t *t = arkiv_tagtext_new((const char *const *)pages, g_strv_length(pages), NULL);
    gboolean ok = TRUE;
    for (guint n = 0; ok && n < e->items->len; n++) {
        const arkiv_item_t *it = e->items->pdata[n];
        char *id = g_strdup_printf("%s:%u", info->id, n + 1);
        char *data = item_data(id, info, meeting_title, e, it);
        arkiv_doc_t *doc = NULL;
        ok = arkiv_docbuild_check(db, arkiv_doc_new(db, id, &doc), error) &&
             arkiv_docbuild_check(db, arkiv_doc_set_parent(doc, info->id), error) &&
             arkiv_docbuild_check(db, arkiv_doc_set_data(doc, data), error) &&
             item_title(db, doc, it, error) && add_span(db, doc, t, it, error) &&
             (!it->decision ||
              arkiv_docbuild_check(db, arkiv_doc_add_text(doc, ARKIV_FIELD_DECISION, it->decision),
                                   error)) &&
             arkiv_docbuild_entity_terms(db, doc, e, FALSE, error) &&
             (!strchr(it->number, '/') ||
              arkiv_docbuild_case_terms(db, doc, ARKIV_FIELD_CASE, it->number,
                                        (char *const *)e->councils->pdata, e->councils->len,
                                        error)) &&
             arkiv_docbuild_check(db, arkiv_db_replace(db, doc), error);
        arkiv_doc_free(doc);
        g_free(data);
        g_free(id);
    }
    arkiv_tagtext_free(t);
    return ok;
}
