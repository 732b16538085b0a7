/* docbuild.c — turn an extracted file into an index document. */
#include "docbuild.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities_json.h"
#include "fold.h"
#include "foldsyn.h"
#include "normalise.h"

static const glong max_title_chars = 160;

/* The first non-blank line of the text, or NULL. */
static char *title_from_pages(char **pages)
{
    for (char **p = pages; p && *p; p++) {
        char **lines = g_strsplit_set(*p, "\n", -1);
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
    return NULL;
}

/* The title is the first non-blank line of the text: minutes put the
 * meeting ("Referat fra møte i ASU 17.04.2024") there, while PDF title
 * metadata is often "Microsoft Word - dok1". Metadata and then the file
 * name are fallbacks. */
static char *pick_title(char **pages, const arkiv_extract_result_t *ex, const char *path)
{
    char *title = title_from_pages(pages);
    if (title)
        return title;
    if (ex->meta_title && *ex->meta_title)
        return g_strdup(ex->meta_title);
    return g_path_get_basename(path);
}

static void add_opt_string(JsonBuilder *b, const char *name, const char *value)
{
    json_builder_set_member_name(b, name);
    if (value && !g_utf8_validate(value, -1, NULL)) {
        /* json-glib writes the bytes as given, and one file name that is
         * not UTF-8 would make the whole stored data unreadable. */
        char *valid = g_utf8_make_valid(value, -1);
        json_builder_add_string_value(b, valid);
        g_free(valid);
    } else if (value)
        json_builder_add_string_value(b, value);
    else
        json_builder_add_null_value(b);
}

/* The stored data: what search results and `arkiv show` print without
 * going back to the file. Fields are documented in docs/schema.md. */
static char *make_data(const arkiv_file_info_t *info, const arkiv_extract_result_t *ex,
                       const char *title, guint n_pages, const char *headers,
                       const arkiv_entities_t *e)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    add_opt_string(b, "id", info->id);
    add_opt_string(b, "path", info->path);
    add_opt_string(b, "title", title);
    arkiv_entities_to_json(e, b);
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

/* When the text gives no meeting date: the PDF's creation date, then the
 * file's modification time, and the data says which was used. */
static void fallback_date(arkiv_entities_t *e, const arkiv_file_info_t *info,
                          const arkiv_extract_result_t *ex)
{
    if (e->date)
        return;
    gint64 when = ex->meta_created >= 0 ? ex->meta_created : info->mtime;
    GDateTime *dt = g_date_time_new_from_unix_local(when);
    if (!dt)
        return;
    e->date = g_date_time_format(dt, "%Y-%m-%d");
    e->date_source = ex->meta_created >= 0 ? ARKIV_DATE_PDF_METADATA : ARKIV_DATE_MTIME;
    g_date_time_unref(dt);
}

static gboolean check(arkiv_db_t *db, arkiv_status_t st, GError **error)
{
    if (st == ARKIV_STATUS_OK)
        return TRUE;
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", arkiv_status_string(st),
                arkiv_db_last_error(db));
    return FALSE;
}

static gboolean add_term(arkiv_db_t *db, arkiv_doc_t *doc, arkiv_field_t f, const char *v,
                         GError **error)
{
    return !v || !*v || check(db, arkiv_doc_add_term(doc, f, v), error);
}

static gboolean add_term2(arkiv_db_t *db, arkiv_doc_t *doc, arkiv_field_t f, const char *a,
                          const char *sep, const char *b, GError **error)
{
    char *v = g_strconcat(a, sep, b, NULL);
    gboolean ok = add_term(db, doc, f, v, error);
    g_free(v);
    return ok;
}

/* person, present/absent, role and role:person, org (one term per
 * organisation in "HNT, KMR"). */
static gboolean person_terms(arkiv_db_t *db, arkiv_doc_t *doc, const arkiv_person_t *p,
                             GError **error)
{
    /* The archive-wide list of this person's written forms (arkiv.h). */
    gboolean ok = add_term(db, doc, ARKIV_FIELD_PERSON, p->key, error) &&
                  (!p->key || !*p->key || !p->name || !*p->name ||
                   check(db, arkiv_db_add_person_name(db, p->key, p->name), error));
    if (ok && p->status != ARKIV_MENTIONED)
        ok =
            add_term(db, doc, p->status == ARKIV_PRESENT ? ARKIV_FIELD_PRESENT : ARKIV_FIELD_ABSENT,
                     p->key, error);
    const char **roles = arkiv_role_names(p->roles);
    for (const char **r = roles; ok && *r; r++)
        ok = add_term(db, doc, ARKIV_FIELD_ROLE, *r, error) &&
             add_term2(db, doc, ARKIV_FIELD_ROLE, *r, ":", p->key, error);
    g_free(roles);
    char **orgs = p->org ? g_strsplit_set(p->org, ",", -1) : NULL;
    for (char **o = orgs; ok && o && *o; o++)
        ok = add_term(db, doc, ARKIV_FIELD_ORG, g_strstrip(*o), error);
    g_strfreev(orgs);
    return ok;
}

/* A case is findable by its number and by council + number, since "12/24"
 * exists in every council. */
static gboolean case_terms(arkiv_db_t *db, arkiv_doc_t *doc, arkiv_field_t f, const char *number,
                           char *const *councils, guint n_councils, GError **error)
{
    gboolean ok = add_term(db, doc, f, number, error);
    for (guint i = 0; ok && i < n_councils; i++)
        ok = add_term2(db, doc, f, councils[i], " ", number, error);
    return ok;
}

/* Terms for the meeting's entities; with_people FALSE leaves out people,
 * cases, references and projects. Decision texts are free text:
 * arkiv_docbuild_meeting_text. */
gboolean arkiv_docbuild_entity_terms(arkiv_db_t *db, arkiv_doc_t *doc, const arkiv_entities_t *e,
                                     gboolean with_people, GError **error)
{
    gboolean ok = add_term(db, doc, ARKIV_FIELD_KIND, e->kind, error) &&
                  add_term(db, doc, ARKIV_FIELD_PLACE, e->place, error);
    for (guint i = 0; ok && i < e->councils->len; i++)
        ok = add_term(db, doc, ARKIV_FIELD_COUNCIL, e->councils->pdata[i], error);
    int y = 0, m = 0, d = 0;
    if (ok && e->date && sscanf(e->date, "%d-%d-%d", &y, &m, &d) == 3)
        ok = check(db, arkiv_doc_set_date(doc, y, m, d), error);
    if (!with_people)
        return ok;
    for (guint i = 0; ok && i < e->people->len; i++)
        ok = person_terms(db, doc, e->people->pdata[i], error);
    for (guint i = 0; ok && i < e->items->len; i++) {
        const arkiv_item_t *it = e->items->pdata[i];
        if (strchr(it->number, '/'))
            ok = case_terms(db, doc, ARKIV_FIELD_CASE, it->number, (char **)e->councils->pdata,
                            e->councils->len, error);
    }
    for (guint i = 0; ok && i < e->refs->len; i++) {
        const arkiv_ref_t *r = e->refs->pdata[i];
        ok =
            case_terms(db, doc, ARKIV_FIELD_REF, r->number, &r->council, r->council ? 1 : 0, error);
    }
    for (guint i = 0; ok && i < e->projects->len; i++)
        ok = add_term(db, doc, ARKIV_FIELD_PROJECT, e->projects->pdata[i], error);
    return ok;
}

arkiv_status_t arkiv_docbuild_meeting_text(arkiv_doc_t *doc, const char *title, char **pages,
                                           const arkiv_entities_t *e)
{
    arkiv_status_t st = arkiv_doc_add_text(doc, ARKIV_FIELD_TITLE, title);
    if (st == ARKIV_STATUS_OK)
        st = arkiv_docbuild_item_decisions(doc, e);
    if (st == ARKIV_STATUS_OK)
        st = arkiv_docbuild_body(doc, pages, e);
    return st;
}

/* A detached document's text part as GBytes appended to texts. */
static arkiv_status_t take_text(arkiv_doc_t *doc, GPtrArray *texts)
{
    char *bytes = NULL;
    size_t len = 0;
    arkiv_status_t st = arkiv_doc_serialise_text(doc, &bytes, &len);
    if (st == ARKIV_STATUS_OK)
        g_ptr_array_add(texts, g_bytes_new_with_free_func(bytes, len, free, bytes));
    return st;
}

/* The text part of the meeting, its items in it: what costs the writer
 * most, done wherever this runs (a worker). *texts_out is new (unref it)
 * and holds that one text part. */
static arkiv_status_t make_texts(arkiv_textgen_t *gen, const char *title, char **pages,
                                 const arkiv_entities_t *e, GPtrArray **texts_out)
{
    GPtrArray *texts = g_ptr_array_new_with_free_func((GDestroyNotify)g_bytes_unref);
    arkiv_doc_t *doc = NULL;
    arkiv_status_t st = arkiv_doc_new_detached(gen, &doc);
    if (st == ARKIV_STATUS_OK)
        st = arkiv_docbuild_meeting_text(doc, title, pages, e);
    if (st == ARKIV_STATUS_OK)
        st = take_text(doc, texts);
    arkiv_doc_free(doc);
    if (st != ARKIV_STATUS_OK) {
        g_ptr_array_unref(texts);
        return st;
    }
    *texts_out = texts;
    return ARKIV_STATUS_OK;
}

/* With `gen`, or (NULL) with a generator of its own. */
static gboolean make_texts_or_error(arkiv_textgen_t *gen, const char *title, char **pages,
                                    const arkiv_entities_t *e, GPtrArray **texts_out,
                                    GError **error)
{
    arkiv_textgen_t *own = NULL;
    arkiv_status_t st = gen ? ARKIV_STATUS_OK : arkiv_textgen_new(&own);
    if (st == ARKIV_STATUS_OK)
        st = make_texts(gen ? gen : own, title, pages, e, texts_out);
    if (st != ARKIV_STATUS_OK)
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "indexing text: %s: %s",
                    arkiv_status_string(st), arkiv_textgen_last_error(gen ? gen : own));
    arkiv_textgen_free(own);
    return st == ARKIV_STATUS_OK;
}

/* A document of `db` with id `id` from the text part `text`; FALSE with
 * G_FILE_ERROR_INVAL when it is no text part. */
static gboolean doc_from_text(arkiv_db_t *db, const char *id, GBytes *text, arkiv_doc_t **doc_out,
                              GError **error)
{
    gsize len = 0;
    const void *bytes = g_bytes_get_data(text, &len);
    arkiv_status_t st = arkiv_doc_new_from_text(db, id, bytes ? bytes : "", len, doc_out);
    if (st == ARKIV_STATUS_INVALID_ARGUMENT) {
        /* From a worker that read an untrusted file: the file is damaged
         * as far as this run can tell, not the index. */
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s", arkiv_db_last_error(db));
        return FALSE;
    }
    return check(db, st, error);
}

static gboolean fill_doc(arkiv_db_t *db, arkiv_doc_t *doc, const arkiv_file_info_t *info,
                         const arkiv_extract_result_t *ex, char **pages, const char *headers,
                         const char *title, const arkiv_entities_t *e, GError **error)
{
    guint n_pages = pages ? g_strv_length(pages) : 0;
    char *data = make_data(info, ex, title, n_pages, headers, e);
    gboolean ok = check(db, arkiv_doc_set_file(doc, info), error) &&
                  check(db, arkiv_doc_set_data(doc, data), error) &&
                  add_term(db, doc, ARKIV_FIELD_MIME, ex->mime, error) &&
                  add_term(db, doc, ARKIV_FIELD_ENCODING, ex->encoding, error) &&
                  arkiv_docbuild_entity_terms(db, doc, e, TRUE, error);
    g_free(data);
    return ok;
}

/* The worker's half: the text indexed when it has its own title (the
 * fallbacks need the file's path, which only the writer knows). */
static gboolean prepare_texts(arkiv_textgen_t *gen, arkiv_prepared_t *out, GError **error)
{
    char *title = title_from_pages(out->pages);
    gboolean ok =
        !title || make_texts_or_error(gen, title, out->pages, out->entities, &out->texts, error);
    g_free(title);
    return ok;
}

gboolean arkiv_docbuild_prepare(const arkiv_extract_result_t *ex, const arkiv_tagger_t *tagger,
                                arkiv_textgen_t *gen, arkiv_prepared_t *out, GError **error)
{
    if (ex->pages) {
        arkiv_norm_status_t ns = arkiv_normalise_pages(
            (const char *const *)ex->pages, g_strv_length(ex->pages), &out->pages, &out->headers);
        if (ns != ARKIV_NORM_OK) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "text could not be normalised");
            return FALSE;
        }
    }
    out->entities = tagger && out->pages ? arkiv_tagger_run(tagger, (const char *const *)out->pages,
                                                            g_strv_length(out->pages), out->headers)
                                         : arkiv_entities_new();
    if (ex->outcome == ARKIV_EXTRACT_NO_TEXT) {
        g_free(out->entities->kind);
        out->entities->kind = g_strdup("notext");
    }
    return prepare_texts(gen, out, error);
}

void arkiv_prepared_clear(arkiv_prepared_t *p)
{
    if (!p)
        return;
    g_strfreev(p->pages);
    g_free(p->headers);
    arkiv_entities_free(p->entities);
    if (p->texts)
        g_ptr_array_unref(p->texts);
    memset(p, 0, sizeof *p);
}

/* The text a worker sent, or made here: one text part, the meeting's. */
static gboolean texts_for(arkiv_prepared_t *prep, const char *title, GError **error)
{
    if (!prep->texts &&
        !make_texts_or_error(NULL, title, prep->pages, prep->entities, &prep->texts, error))
        return FALSE;
    if (prep->texts->len == 1)
        return TRUE;
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%u indexed texts for 1 document",
                prep->texts->len);
    return FALSE;
}

gboolean arkiv_docbuild_write(arkiv_db_t *db, const arkiv_file_info_t *info,
                              const arkiv_extract_result_t *ex, arkiv_prepared_t *prep,
                              GError **error)
{
    arkiv_entities_t *e = prep->entities;
    fallback_date(e, info, ex);
    arkiv_doc_t *doc = NULL;
    char *title = pick_title(prep->pages, ex, info->path);
    gboolean ok = texts_for(prep, title, error) &&
                  doc_from_text(db, info->id, prep->texts->pdata[0], &doc, error) &&
                  fill_doc(db, doc, info, ex, prep->pages, prep->headers, title, e, error) &&
                  arkiv_foldsyn_add(db, doc, error) && check(db, arkiv_db_replace(db, doc), error);
    arkiv_doc_free(doc);
    g_free(title);
    return ok;
}
