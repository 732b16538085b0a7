/* answer_util.h — pieces every answer uses; private to answer/.
 * Ownership as in answer.h: strings returned as char* are the caller's
 * (g_free), JsonNodes the caller's (json_node_unref). */
#ifndef ARKIV_ANSWER_UTIL_H
#define ARKIV_ANSWER_UTIL_H

#include <json-glib/json-glib.h>

#include "answer_json.h"
#include "arkiv.h"

/* One attempt at an answer. It must leave *out NULL and free what it made
 * when it fails, since it may run again. */
typedef arkiv_status_t (*ans_build_fn)(arkiv_db_t *db, const void *args, JsonNode **out,
                                       char **error);

/* Runs fn; after ARKIV_STATUS_MODIFIED reopens db and runs it again (a
 * few times), so a commit racing a reader is never the user's problem.
 * error may be NULL. */
arkiv_status_t ans_run(arkiv_db_t *db, ans_build_fn fn, const void *args, JsonNode **out,
                       char **error);

/* Sets *error (when error is not NULL) from st and the database's last
 * error, and returns st. */
arkiv_status_t ans_fail(arkiv_db_t *db, arkiv_status_t st, char **error);

/* Parses and runs a query; *r is the caller's (arkiv_results_free). */
arkiv_status_t ans_search(arkiv_db_t *db, const char *query, const arkiv_search_options_t *o,
                          arkiv_results_t **r, char **error);

/* Options to fetch every match: no facets, no collapsing (a meeting and
 * each of its matching agenda items are hits), no limit, relevance order,
 * plain snippets. Cannot fail today; db and error are for when it can. */
arkiv_status_t ans_all_options(arkiv_db_t *db, arkiv_search_options_t *o, char **error);

/* The stored data of a document as an object node, or NULL when it is
 * not JSON. */
JsonNode *ans_parse_data(const char *data);

/* The agenda item a hit lands on: element hit->item - 1 of the "items"
 * of its meeting's stored data `data` (docs/schema.md). NULL for a
 * meeting hit, or an item the data does not have. Belongs to data. */
JsonObject *ans_hit_item(JsonObject *data, const arkiv_hit_t *hit);

/* A new answer object, {"format_version": 1}; ans_node wraps it in a node
 * (taking the object). */
JsonObject *ans_new(void);
JsonNode *ans_node(JsonObject *o);

/* A value quoted for the query language: "v", inner quotes dropped (the
 * parser has no escape for them). */
char *ans_quote(const char *v);
/* "(query) filters": filters ANDed onto a user's query; just the filters
 * when the query is blank. */
char *ans_and(const char *query, const char *filters);

/* "relevance", "date" or "-date", as --sort takes them. */
const char *ans_sort_name(arkiv_sort_t s);

/* The canonical name of a person key across the archive, or NULL. */
char *ans_canonical_name(arkiv_db_t *db, const char *key);

/* Adds {LABEL: COUNT} for facet `name` of r into o as member `member`
 * (an empty object when the search had no such facet). */
void ans_facet_object(JsonObject *o, const char *member, const arkiv_results_t *r,
                      const char *name);

#endif
