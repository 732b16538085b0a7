/* tag_refs.h — cross-references to other cases, and projects.
 *
 * Ownership: arkiv_tag_refs_new() returns a module the caller frees with
 * arkiv_tag_refs_free(); it borrows k, which must outlive it. */
#ifndef ARKIV_TAG_REFS_H
#define ARKIV_TAG_REFS_H

#include "entities.h"
#include "knowledge.h"
#include "tagtext.h"

typedef struct arkiv_tag_refs arkiv_tag_refs_t;

gboolean arkiv_tag_refs_new(const arkiv_knowledge_t *k, arkiv_tag_refs_t **out, GError **error);
void arkiv_tag_refs_free(arkiv_tag_refs_t *m);
/* Appends to e->refs and e->projects; reads e->items so an item's own
 * heading is not taken for a reference to itself. */
void arkiv_tag_refs_run(const arkiv_tag_refs_t *m, const arkiv_tagtext_t *t, arkiv_entities_t *e);

/* "«Hjem til hjem»", "hjem til hjem" -> "hjem til hjem". Caller g_frees. */
char *arkiv_project_normalise(const char *s);

#endif
