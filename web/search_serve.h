/* search_serve.h — a search asked through the request and answered, for
 * the pages that show one: the search page and the Atom feed. */
#ifndef ARKIV_WEB_SEARCH_SERVE_H
#define ARKIV_WEB_SEARCH_SERVE_H

#include "page.h"
#include "search_state.h"

/* Set the options the page asks the index with; `o` is initialised. */
typedef void (*web_search_options_fn)(const web_ctx_t *ctx, const web_search_t *s,
                                      arkiv_search_options_t *o);

/* Show the answer of arkiv_answer_search; `ans` is borrowed (take a
 * reference to keep it). */
typedef void (*web_search_show_fn)(web_ctx_t *ctx, const web_search_t *s, JsonNode *ans);

/* Read the search from the request, ask the index with the options
 * `options` sets and give the answer to `show`. A parameter that cannot
 * be served is a 400, no index a 503, a failed search its error page
 * (web_page_answer_error); `show` is not called then. */
void web_search_serve(web_ctx_t *ctx, web_search_options_fn options, web_search_show_fn show);

#endif
