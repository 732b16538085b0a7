/* person_tables.h — a person's meetings as a table, and the counts per
 * council and per year, from the attendance answer. */
#ifndef ARKIV_WEB_PERSON_TABLES_H
#define ARKIV_WEB_PERSON_TABLES_H

#include "page.h"

/* Date, council, present/absent, role and a link for each meeting, in a
 * section headed `title` with the HTML id `id` (a fixed word of ours);
 * nothing for an empty "mentioned" list. */
void web_person_meetings(web_ctx_t *ctx, JsonArray *meetings, web_text_t title, const char *id);

/* Present/absent counts per council and per year, counted from the
 * meetings themselves so both tables agree with the list. */
void web_person_counts(web_ctx_t *ctx, JsonArray *meetings);

#endif
