/* docbuild.c — turn an extracted file into an index document. */
#include "docbuild.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "foldsyn.h"
#include "normalise.h"

static const glong max_title_chars = 160;

/* The title is the first non-blank line of the text: minutes put the
 * meeting ("Referat fra møte i ASU 17.04.2024") there, while PDF title
 * metadata is often "Microsoft Word - dok1". Metadata and then the file
 * name are fallbacks. */
static char *pick_title(char **pages, const arkiv_extract_result_t *ex, const char *path)
{
    for (char **p = pages; p && *p; p++) {
        char **lines = g_strsplit(*p, "\n", -1);
        for (char **l = lines; *l; l++) {
            char *t = g_strstrip(g_strdup(*l));
            if (*t) {
                char *title = g_utf8_substring(t, 0, MIN(g_utf8_strlen(t, -1), max_title_chars));
                g_free(t);
                g_strfreev(lines);
                return title;
            }
            g_free(t);
        }
        g_strfreev(lines);
    }
    if (ex->meta_title && *ex->meta_title)
        return g_strdup(ex->meta_title);
    return g_path_get_basename(path);
}

static void add_opt_string(JsonBuilder *b, const char *name, const char *value)
{
    json_builder_set_member_name(b, name);
    if (value)
        json_builder_add_string_value(b, value);
    else
        json_builder_add_null_value(b);
}

/* The stored data: what search results and `arkiv show` print without
 * going back to the file. Fields are documented in docs/schema.md. */
static char *make_data(const arkiv_file_info_t *info, const arkiv_extract_result_t *ex,
                       const char *title, guint n_pages, const char *headers)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    add_opt_string(b, "id", info->id);
    add_opt_string(b, "path", info->path);
    add_opt_string(b, "title", title);
    add_opt_string(b, "kind", ex->outcome == ARKIV_EXTRACT_NO_TEXT ? "notext" : NULL);
    add_opt_string(b, "council", NULL);
    add_opt_string(b, "date", NULL);
    add_opt_string(b, "mime", ex->mime);
    add_opt_string(b, "encoding", ex->encoding);
    json_builder_set_member_name(b, "pages");
    json_builder_add_int_value(b, n_pages);
    json_builder_set_member_name(b, "size");
    json_builder_add_int_value(b, (gint64)info->size);
    json_builder_set_member_name(b, "mtime");
    json_builder_add_int_value(b, info->mtime);
    add_opt_string(b, "hash", info->hash);
    add_opt_string(b, "running_headers", headers && *headers ? headers : NULL);
    json_builder_set_member_name(b, "pdf");
    json_builder_begin_object(b);
    add_opt_string(b, "title", ex->meta_title);
    add_opt_string(b, "author", ex->meta_author);
    json_builder_set_member_name(b, "created");
    if (ex->meta_created >= 0)
        json_builder_add_int_value(b, ex->meta_created);
    else
        json_builder_add_null_value(b);
    json_builder_end_object(b);
    json_builder_end_object(b);
    JsonNode *root = json_builder_get_root(b);
    char *s = json_to_string(root, FALSE);
    json_node_unref(root);
    g_object_unref(b);
    return s;
}

static gboolean check(arkiv_db_t *db, arkiv_status_t st, GError **error)
{
    if (st == ARKIV_STATUS_OK)
        return TRUE;
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", arkiv_status_string(st),
                arkiv_db_last_error(db));
    return FALSE;
}

static gboolean fill_doc(arkiv_db_t *db, arkiv_doc_t *doc, const arkiv_file_info_t *info,
                         const arkiv_extract_result_t *ex, char **pages, const char *headers,
                         GError **error)
{
    guint n_pages = pages ? g_strv_length(pages) : 0;
    char *title = pick_title(pages, ex, info->path);
    char *data = make_data(info, ex, title, n_pages, headers);
    gboolean ok = check(db, arkiv_doc_set_file(doc, info), error) &&
                  check(db, arkiv_doc_add_text(doc, ARKIV_FIELD_TITLE, title), error) &&
                  check(db, arkiv_doc_set_data(doc, data), error);
    if (ok && ex->mime)
        ok = check(db, arkiv_doc_add_term(doc, ARKIV_FIELD_MIME, ex->mime), error);
    if (ok && ex->encoding)
        ok = check(db, arkiv_doc_add_term(doc, ARKIV_FIELD_ENCODING, ex->encoding), error);
    if (ok && ex->outcome == ARKIV_EXTRACT_NO_TEXT)
        ok = check(db, arkiv_doc_add_term(doc, ARKIV_FIELD_KIND, "notext"), error);
    for (guint i = 0; ok && i < n_pages; i++)
        ok = check(db, arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, pages[i]), error);
    g_free(title);
    g_free(data);
    return ok;
}

gboolean arkiv_docbuild_write(arkiv_db_t *db, const arkiv_file_info_t *info,
                              const arkiv_extract_result_t *ex, GError **error)
{
    char **pages = NULL, *headers = NULL;
    if (ex->pages) {
        arkiv_norm_status_t ns = arkiv_normalise_pages((const char *const *)ex->pages,
                                                       g_strv_length(ex->pages), &pages, &headers);
        if (ns != ARKIV_NORM_OK) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "text could not be normalised");
            return FALSE;
        }
    }
    arkiv_doc_t *doc = NULL;
    gboolean ok = check(db, arkiv_doc_new(db, info->id, &doc), error) &&
                  fill_doc(db, doc, info, ex, pages, headers, error) &&
                  arkiv_foldsyn_add(db, pages, error) &&
                  check(db, arkiv_db_replace(db, doc), error);
    arkiv_doc_free(doc);
    g_strfreev(pages);
    g_free(headers);
    return ok;
}
