/* facets.h — the search page's sidebar: counts per council, year, kind
 * and person; a click adds the filter, a click on an active one removes
 * it. */
#ifndef ARKIV_WEB_FACETS_H
#define ARKIV_WEB_FACETS_H

#include "page.h"
#include "search_state.h"

/* Append the sidebar for the answer's "facets" object. Not `exact`: the
 * counts cover only the matches the search looked at, so each is shown
 * as a lower bound ("12+") under a note saying so. */
void web_facets_html(web_ctx_t *ctx, const web_search_t *s, JsonObject *facets, gboolean exact);

#endif
