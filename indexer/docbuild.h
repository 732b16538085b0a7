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

typedef struct {
    char **pages;               /* clean pages (normalise.h), NULL when no text */
    char *headers;              /* running headers removed from them, or NULL */
    arkiv_entities_t *entities; /* never NULL after a successful prepare */
} arkiv_prepared_t;

/* Normalise the pages of `ex` and tag them with `tagger` (NULL: no
 * entities). *out must be zeroed. FALSE with *error when the text cannot
 * be normalised. */
gboolean arkiv_docbuild_prepare(const arkiv_extract_result_t *ex, const arkiv_tagger_t *tagger,
                                arkiv_prepared_t *out, GError **error);
void arkiv_prepared_clear(arkiv_prepared_t *p);

/* Write the meeting document for the file described by `info`
 * (info->failure must be NULL) and its item documents into `db`, from
 * `ex` (metadata) and `prep` (text and entities; its date may be filled
 * from the fallbacks). FALSE with *error on a database error. */
gboolean arkiv_docbuild_write(arkiv_db_t *db, const arkiv_file_info_t *info,
                              const arkiv_extract_result_t *ex, arkiv_prepared_t *prep,
                              GError **error);

/* docbuild_items.c: the item documents of a meeting already added. */
gboolean arkiv_docbuild_items(arkiv_db_t *db, const arkiv_file_info_t *info,
                              const char *meeting_title, char **pages, const arkiv_entities_t *e,
                              GError **error);

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
