/* tag_items.h — agenda items: number, title, span, presenters, decision.
 *
 * Ownership: arkiv_tag_items_new() returns a module the caller frees with
 * arkiv_tag_items_free(); it borrows k, which must outlive it. */
#ifndef ARKIV_TAG_ITEMS_H
#define ARKIV_TAG_ITEMS_H

#include "entities.h"
#include "knowledge.h"
#include "tagtext.h"

typedef struct arkiv_tag_items arkiv_tag_items_t;

gboolean arkiv_tag_items_new(const arkiv_knowledge_t *k, arkiv_tag_items_t **out, GError **error);
void arkiv_tag_items_free(arkiv_tag_items_t *m);
/* Appends to e->items in text order. Presenter names are as written
 * ("Elisabeth R."); the tagger resolves them against the attendance. */
void arkiv_tag_items_run(const arkiv_tag_items_t *m, const arkiv_tagtext_t *t, arkiv_entities_t *e);

/* "9/24" -> "09/24", "12/2024" -> "12/24", "023/24" -> "23/24"; NULL when
 * s is not a case number. Caller g_frees. */
char *arkiv_case_number_normalise(const char *s);

/* Splits a presenter phrase ("fagrådslederne A og B", "A/B/C", "Name,
 * prosjektleder") into names; caller g_strfreevs. */
char **arkiv_split_names(const char *s);

#endif
