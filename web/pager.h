/* pager.h — links to other pages of hits and other orders of the same
 * search. */
#ifndef ARKIV_WEB_PAGER_H
#define ARKIV_WEB_PAGER_H

#include "page.h"
#include "search_state.h"

/* Previous / numbered / next links for `total` hits (none when one page). */
void web_search_pager(web_ctx_t *ctx, const web_search_t *s, unsigned total);

/* Relevance / newest / oldest as links, the current one marked. */
void web_search_orders(web_ctx_t *ctx, const web_search_t *s);

#endif
