/* doc_people.h — a meeting's attendance, grouped by status and role,
 * each name a link to the person page. */
#ifndef ARKIV_WEB_DOC_PEOPLE_H
#define ARKIV_WEB_DOC_PEOPLE_H

#include "page.h"

/* Append the attendance section for the show answer's "people" array
 * (nothing when it is empty). */
void web_doc_people(web_ctx_t *ctx, JsonArray *people);

#endif
