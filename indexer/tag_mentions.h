/* tag_mentions.h — people named in running text, outside the attendance
 * lists ("Janicke Vatn orienterte om …"), with status "mentioned".
 *
 * Precision comes first: a name is taken only when its first word is in
 * firstnames.txt and a capitalised surname follows, so "Helse Nord" or
 * "Møre og Romsdal" never become people.
 *
 * Ownership: arkiv_tag_mentions_new() returns a module the caller frees
 * with arkiv_tag_mentions_free(); it borrows k, which must outlive it. */
#ifndef ARKIV_TAG_MENTIONS_H
#define ARKIV_TAG_MENTIONS_H

#include "entities.h"
#include "knowledge.h"
#include "tagtext.h"

typedef struct arkiv_tag_mentions arkiv_tag_mentions_t;

gboolean arkiv_tag_mentions_new(const arkiv_knowledge_t *k, arkiv_tag_mentions_t **out,
                                GError **error);
void arkiv_tag_mentions_free(arkiv_tag_mentions_t *m);
/* Adds people not already in e->people (by arkiv_person_resolve). */
void arkiv_tag_mentions_run(const arkiv_tag_mentions_t *m, const arkiv_tagtext_t *t,
                            arkiv_entities_t *e);

#endif
