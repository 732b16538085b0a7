/* doc_items.h — a meeting's agenda items, each with an anchor (item-N,
 * the N of the item's own id), presenters, page, decision set apart, and
 * a link to the case's trace. */
#ifndef ARKIV_WEB_DOC_ITEMS_H
#define ARKIV_WEB_DOC_ITEMS_H

#include "page.h"

/* Append the agenda for the show answer `d` (nothing without items). */
void web_doc_items(web_ctx_t *ctx, JsonObject *d);

#endif
