/* docbuild.h — turn an extracted file into its index document: one for
 * the meeting (the file), its agenda items marked inside it.
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
    /* The free text already indexed (arkiv.h, text parts), as GBytes: one,
     * the meeting's, its items in it. NULL when the writer is to index the
     * text itself (no text, or no title in it). */
    GPtrArray *texts;
} arkiv_prepared_t;

/* Normalise the pages of `ex`, tag them with `tagger` (NULL: no
 * entities) and index their text into out->texts with `gen` (NULL: a
 * generator made for this file alone), the writer's heaviest job, which
 * this way runs in the workers. *out must be zeroed. FALSE with *error
 * when the text cannot be normalised or indexed. */
gboolean arkiv_docbuild_prepare(const arkiv_extract_result_t *ex, const arkiv_tagger_t *tagger,
                                arkiv_textgen_t *gen, arkiv_prepared_t *out, GError **error);
void arkiv_prepared_clear(arkiv_prepared_t *p);

/* Write the meeting document for the file described by `info`
 * (info->failure must be NULL) into `db`, from `ex` (metadata) and `prep`
 * (text and entities; its date may be filled from the fallbacks). The
 * index is the same whether prep->texts came with it or not. FALSE with
 * *error on a database error, and with G_FILE_ERROR_INVAL when prep->texts
 * do not fit (not a text part, or not exactly one). */
gboolean arkiv_docbuild_write(arkiv_db_t *db, const arkiv_file_info_t *info,
                              const arkiv_extract_result_t *ex, arkiv_prepared_t *prep,
                              GError **error);

/* The free text of a meeting (positions run on across calls): its
 * title, each item's decision as that item's, and its pages with each
 * item's span of them as that item's. Without items: the title and one
 * body text per page. */
arkiv_status_t arkiv_docbuild_meeting_text(arkiv_doc_t *doc, const char *title, char **pages,
                                           const arkiv_entities_t *e);
/* docbuild_items.c, the two item parts of it: the decisions, each inside
 * its item (arkiv_doc_item_begin) ... */
arkiv_status_t arkiv_docbuild_item_decisions(arkiv_doc_t *doc, const arkiv_entities_t *e);
/* ... and the pages (NULL: none), one body text each, cut where an item
 * begins or ends (arkiv_item_t.start/.end, offsets into the tagger's
 * joined text, tagtext.h); an item may run over a page break. */
arkiv_status_t arkiv_docbuild_body(arkiv_doc_t *doc, char **pages, const arkiv_entities_t *e);

/* Terms for the meeting's entities (with_people FALSE: only kind, place,
 * councils and date). */
gboolean arkiv_docbuild_entity_terms(arkiv_db_t *db, arkiv_doc_t *doc, const arkiv_entities_t *e,
                                     gboolean with_people, GError **error);

#endif
