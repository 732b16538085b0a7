/* docbuild_items.c — one index document per agenda item, so a hit can land
 * on "ASU 17.04.2024 · Sak 12/24 … · side 6" with its decision. */
#include "docbuild.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "entities_json.h"

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
static arkiv_status_t add_span(arkiv_doc_t *doc, const arkiv_tagtext_t *t, const arkiv_item_t *it)
{
    gsize start = MIN(it->start, t->len), end = MIN(MAX(it->end, start), t->len);
    guint first = arkiv_tagtext_page_at(t, start);
    arkiv_status_t st = arkiv_doc_set_page(doc, first);

    for (guint p = first; st == ARKIV_STATUS_OK && start < end; p++) {
        gsize stop = p < t->n_pages ? MIN(end, t->page_start[p]) : end;
        char *piece = g_strndup(t->text + start, stop - start);
        st = arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, piece);
        g_free(piece);
        start = stop;
    }
    return st;
}

static arkiv_status_t item_title(arkiv_doc_t *doc, const arkiv_item_t *it)
{
    char *title = strchr(it->number, '/')
                      ? g_strdup_printf("Sak %s %s", it->number, it->title ? it->title : "")
                      : g_strdup_printf("%s. %s", it->number, it->title ? it->title : "");
    arkiv_status_t st = arkiv_doc_add_text(doc, ARKIV_FIELD_TITLE, g_strstrip(title));
    g_free(title);
    return st;
}

arkiv_status_t arkiv_docbuild_item_text(arkiv_doc_t *doc, const arkiv_tagtext_t *t,
                                        const arkiv_item_t *it)
{
    arkiv_status_t st = item_title(doc, it);
    if (st == ARKIV_STATUS_OK)
        st = add_span(doc, t, it);
    if (st == ARKIV_STATUS_OK && it->decision)
        st = arkiv_doc_add_text(doc, ARKIV_FIELD_DECISION, it->decision);
    return st;
}

arkiv_status_t arkiv_docbuild_item_texts(arkiv_textgen_t *gen, char **pages,
                                         const arkiv_entities_t *e, GPtrArray *texts)
{
    if (!pages || e->items->len == 0)
        return ARKIV_STATUS_OK;
    arkiv_tagtext_t *t = arkiv_tagtext_new((const char *const *)pages, g_strv_length(pages), NULL);
    arkiv_status_t st = ARKIV_STATUS_OK;
    for (guint n = 0; st == ARKIV_STATUS_OK && n < e->items->len; n++) {
        arkiv_doc_t *doc = NULL;
        st = arkiv_doc_new_detached(gen, &doc);
        if (st == ARKIV_STATUS_OK)
            st = arkiv_docbuild_item_text(doc, t, e->items->pdata[n]);
        if (st == ARKIV_STATUS_OK)
            st = arkiv_docbuild_take_text(doc, texts);
        arkiv_doc_free(doc);
    }
    arkiv_tagtext_free(t);
    return st;
}

gboolean arkiv_docbuild_items(arkiv_db_t *db, const arkiv_file_info_t *info,
                              const char *meeting_title, char **pages, const arkiv_entities_t *e,
                              GPtrArray *texts, GError **error)
{
    if (!pages || e->items->len == 0)
        return TRUE;
    gboolean ok = TRUE;
    for (guint n = 0; ok && n < e->items->len; n++) {
        const arkiv_item_t *it = e->items->pdata[n];
        char *id = g_strdup_printf("%s:%u", info->id, n + 1);
        char *data = item_data(id, info, meeting_title, e, it);
        arkiv_doc_t *doc = NULL;
        ok = arkiv_docbuild_doc_from_text(db, id, texts, n + 1, &doc, error) &&
             arkiv_docbuild_check(db, arkiv_doc_set_parent(doc, info->id), error) &&
             arkiv_docbuild_check(db, arkiv_doc_set_data(doc, data), error) &&
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
    return ok;
}
