/* tag_council.h — which council(s) met, from the header of the minutes.
 *
 * Ownership: arkiv_tag_council_new() returns a module the caller frees with
 * arkiv_tag_council_free(); it borrows k, which must outlive it. */
#ifndef ARKIV_TAG_COUNCIL_H
#define ARKIV_TAG_COUNCIL_H

#include "entities.h"
#include "knowledge.h"
#include "tagtext.h"

typedef struct arkiv_tag_council arkiv_tag_council_t;

gboolean arkiv_tag_council_new(const arkiv_knowledge_t *k, arkiv_tag_council_t **out,
                               GError **error);
void arkiv_tag_council_free(arkiv_tag_council_t *m);
/* Appends canonical names to e->councils, the meeting body first. */
void arkiv_tag_council_run(const arkiv_tag_council_t *m, const arkiv_tagtext_t *t,
                           arkiv_entities_t *e);

#endif
