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
/* Appends to e->items in text order. Reads e->people (the attendance, so
 * run it first) only to name a presenter written by first name alone
 * ("v/Jonas") when exactly one person there has it. Other presenter names
 * are as written ("Elisabeth R."); the tagger resolves them against the
 * attendance. Presenters come from "v/ Name" at the top of an item, labels
 * ([item] presenter in minutes.ini: "Saksansvarlig:", "Saksbehandler:";
 * in a case paper's letter head too), and the responsible column of an
 * agenda table whose header row holds one of those words ("Ansvarlig"). */
void arkiv_tag_items_run(const arkiv_tag_items_t *m, const arkiv_tagtext_t *t, arkiv_entities_t *e);

/* "9/24" -> "09/24", "12/2024" -> "12/24", "023/24" -> "23/24"; NULL when
 * s is not a case number. Caller g_frees. */
char *arkiv_case_number_normalise(const char *s);

/* Splits a presenter phrase ("fagrådslederne A og B", "A/B/C", "Name,
 * prosjektleder") into names; caller g_strfreevs. */
char **arkiv_split_names(const char *s);

#endif
