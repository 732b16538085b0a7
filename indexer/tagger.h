/* tagger.h — minutes structure and entities from clean text.
 *
 * The tagger is a pure function of the text and the knowledge it was made
 * with: no I/O, no global state, so it runs in the extraction workers and
 * in tests alike.
 *
 * Ownership: arkiv_tagger_new() returns a tagger the caller frees with
 * arkiv_tagger_free(); it borrows k, which must outlive it.
 * arkiv_tagger_run() returns entities the caller frees with
 * arkiv_entities_free(). */
#ifndef ARKIV_TAGGER_H
#define ARKIV_TAGGER_H

#include "entities.h"
#include "knowledge.h"

typedef struct arkiv_tagger arkiv_tagger_t;

gboolean arkiv_tagger_new(const arkiv_knowledge_t *k, arkiv_tagger_t **out, GError **error);
void arkiv_tagger_free(arkiv_tagger_t *t);

/* pages: normalised page texts (normalise.h); headers: the running
 * headers normalisation removed, or NULL. */
arkiv_entities_t *arkiv_tagger_run(const arkiv_tagger_t *t, const char *const *pages, guint n_pages,
                                   const char *headers);

#endif
