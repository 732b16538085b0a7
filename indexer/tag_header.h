/* tag_header.h — the document's header facts: kind, meeting date, place.
 *
 * Ownership: arkiv_tag_header_new() returns a module the caller frees with
 * arkiv_tag_header_free(); it borrows k, which must outlive it. Running it
 * only reads the text and writes into e. */
#ifndef ARKIV_TAG_HEADER_H
#define ARKIV_TAG_HEADER_H

#include "entities.h"
#include "knowledge.h"
#include "tagtext.h"

typedef struct arkiv_tag_header arkiv_tag_header_t;

gboolean arkiv_tag_header_new(const arkiv_knowledge_t *k, arkiv_tag_header_t **out, GError **error);
void arkiv_tag_header_free(arkiv_tag_header_t *m);
/* Sets e->kind (always), e->date and e->date_source (when the text gives a
 * meeting date), e->place. */
void arkiv_tag_header_run(const arkiv_tag_header_t *m, const arkiv_tagtext_t *t,
                          arkiv_entities_t *e);

/* Parses one date at the start of s ("17.04.2024", "11.06.24", "24. april
 * 2025", "2024-04-17"); on success stores "YYYY-MM-DD" (caller g_frees) and
 * the bytes consumed. Exposed for the tests and for other modules. */
gboolean arkiv_tag_parse_date(const arkiv_tag_header_t *m, const char *s, char **iso, gsize *used);

#endif
