/* facets.h — the search page's sidebar: counts per council, year, kind
 * and person; a click adds the filter, a click on an active one removes
 * it. */
#ifndef ARKIV_WEB_FACETS_H
#define ARKIV_WEB_FACETS_H

#include "page.h"
#include "search_state.h"

/* Append the sidebar for the answer's "facets" object. */
void web_facets_html(web_ctx_t *ctx, const web_search_t *s, JsonObject *facets);

#endif
