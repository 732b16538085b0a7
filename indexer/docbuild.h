/* docbuild.h — turn an extracted file into index documents: one for the
 * meeting (the file) and one per agenda item, linked to it.
 *
 * Two steps so the first can run in an extraction worker: prepare
 * (normalise and tag; no database) and write (the writer process).
 *
 * Ownership: arkiv_prepared_t's members belong to it; release them with
 * arkiv_prepared_clear(). */
#ifndef ARKIV_DOCBUILD_H
#define ARKIV_DOCBUILD_H

#include <glib.h>

#include "arkiv.h"
#include "entities.h"
#include "extract.h"
#include "tagger.h"
#include "tagtext.h"

typedef struct {
    char **pages;               /* clean pages (normalise.h), NULL when no text */
    char *headers;              /* running headers removed from them, or NULL */
    arkiv_entities_t *entities; /* never NULL after a successful prepare */
    /* The free text already indexed (arkiv.h, text parts), as GBytes: the
     * meeting's, then one per item of entities, in order. NULL when the
     * writer is to index the text itself (no text, or no title in it). */
    GPtrArray *texts;
} arkiv_prepared_t;

/* Normalise the pages of `ex`, tag them with `tagger` (NULL: no
 * entities) and index their text into out->texts, the writer's heaviest
 * job, which this way runs in the workers. *out must be zeroed. FALSE
 * with *error when the text cannot be normalised or indexed. */
gboolean arkiv_docbuild_prepare(const arkiv_extract_result_t *ex, const arkiv_tagger_t *tagger,
                                arkiv_prepared_t *out, GError **error);
void arkiv_prepared_clear(arkiv_prepared_t *p);

/* Write the meeting document for the file described by `info`
 * (info->failure must be NULL) and its item documents into `db`, from
 * `ex` (metadata) and `prep` (text and entities; its date may be filled
 * from the fallbacks). The index is the same whether prep->texts came
 * with it or not. FALSE with *error on a database error, and with
 * G_FILE_ERROR_INVAL when prep->texts do not fit (not text parts, or not
 * one per item). */
gboolean arkiv_docbuild_write(arkiv_db_t *db, const arkiv_file_info_t *info,
                              const arkiv_extract_result_t *ex, arkiv_prepared_t *prep,
                              GError **error);

/* docbuild_items.c: the item documents of a meeting already added;
 * texts: prep->texts, or NULL to index the text here. */
gboolean arkiv_docbuild_items(arkiv_db_t *db, const arkiv_file_info_t *info,
                              const char *meeting_title, char **pages, const arkiv_entities_t *e,
                              GPtrArray *texts, GError **error);
/* The text parts of the item documents, appended to texts (GBytes). */
arkiv_status_t arkiv_docbuild_item_texts(arkiv_textgen_t *gen, char **pages,
                                         const arkiv_entities_t *e, GPtrArray *texts);
/* The free text of a document in the order the index has always had it
 * (positions run on across calls): a meeting's title, decisions and
 * pages; an item's first page, title, span and decision. */
arkiv_status_t arkiv_docbuild_meeting_text(arkiv_doc_t *doc, const char *title, char **pages,
                                           const arkiv_entities_t *e);
arkiv_status_t arkiv_docbuild_item_text(arkiv_doc_t *doc, const arkiv_tagtext_t *t,
                                        const arkiv_item_t *it);
/* A detached document's text part as GBytes appended to texts. */
arkiv_status_t arkiv_docbuild_take_text(arkiv_doc_t *doc, GPtrArray *texts);
/* A document of `db` with id `id` from texts[i] (GBytes); FALSE with
 * G_FILE_ERROR_INVAL when it is no text part. */
gboolean arkiv_docbuild_doc_from_text(arkiv_db_t *db, const char *id, GPtrArray *texts, guint i,
                                      arkiv_doc_t **doc_out, GError **error);

/* Shared by docbuild.c and docbuild_items.c. */
gboolean arkiv_docbuild_check(arkiv_db_t *db, arkiv_status_t st, GError **error);
gboolean arkiv_docbuild_entity_terms(arkiv_db_t *db, arkiv_doc_t *doc, const arkiv_entities_t *e,
                                     gboolean with_people, GError **error);
/* A case number as a term by itself and with each council ("12/24" exists
 * in every council). */
gboolean arkiv_docbuild_case_terms(arkiv_db_t *db, arkiv_doc_t *doc, arkiv_field_t f,
                                   const char *number, char *const *councils, guint n_councils,
                                   GError **error);

#endif
