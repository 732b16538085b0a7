/* answer.h — arkiv's answers to questions about the archive, as JSON.
 *
 * libarkiv-answer builds every answer the command line prints with --json
 * (and the web frontend serves) as one JsonNode, so both give the same
 * shapes. It never prints and never exits; callers format the node as
 * they like (search/ prints JSON, CSV or aligned text). The shapes are
 * documented in the man pages (docs/arkiv-*.1); every answer is an
 * object with "format_version": 1.
 *
 * The contract of every arkiv_answer_* function:
 *   - On success *out is a new node the caller releases with
 *     json_node_unref(). An answer with nothing in it (no hits, nobody by
 *     that name) is a success, not an error.
 *   - On failure *out is NULL and, when error is not NULL, *error is a
 *     message for the user that the caller frees with g_free():
 *     ARKIV_STATUS_BAD_QUERY for a query that cannot be parsed,
 *     ARKIV_STATUS_NOT_FOUND for a document that is not there, others as
 *     libarkiv returns them.
 *   - When an indexer commits under the reader (ARKIV_STATUS_MODIFIED) the
 *     answer reopens the database and starts again, a few times.
 *   - db is any open database (read-only is enough); it is not kept. */
#ifndef ARKIV_ANSWER_H
#define ARKIV_ANSWER_H

#include <json-glib/json-glib.h>

#include "arkiv.h"
#include "knowledge.h"

/* search: {"query", "total", "offset", "limit", "sort", "results": [hit],
 * "facets": {"council"|"year"|"kind"|"person": {LABEL: COUNT}},
 * "suggestion": string or null}. A hit: {"id", "path", "title" (the
 * meeting's), "kind", "council", "date", "item": {"number", "title",
 * "decision"} for an agenda item or null for a whole meeting, "page",
 * "parent" (an item's meeting id, else null), "collapsed" (further
 * matching documents of the meeting not shown), "score", "snippet"}.
 * Person facets are labelled with canonical names. `o` as for
 * arkiv_db_search (snippet mode and markers included), except that
 * check_at_least 0 means the answer's own bound (answer/search.c):
 * "total_exact" false means "total" is an estimate, "facets_exact" false
 * that the counts cover only the documents looked at (lower bounds).
 * "suggestion" is the spelling-corrected query when nothing matched,
 * else null. */
arkiv_status_t arkiv_answer_search(arkiv_db_t *db, const char *query,
                                   const arkiv_search_options_t *o, JsonNode **out, char **error);

/* show: one meeting document: {"id", "path", "title", "kind", "date",
 * "date_source", "councils", "place", "pages", "people": [{"name"
 * (canonical across the archive), "key", "as_written", "status", "roles",
 * "org"}], "items": [{"number", "title", "decision", "presenters",
 * "page"}], "projects", "references": [{"council", "number"}]}.
 * id_or_path: a document id (an item's id shows its meeting) or the path
 * of an indexed file (as indexed, or any path naming the same file). */
arkiv_status_t arkiv_answer_show(arkiv_db_t *db, const char *id_or_path, JsonNode **out,
                                 char **error);

/* attendance: every meeting where a person is in the attendance lists:
 * {"query", "person" (canonical), "key", "variants", "meetings": [{"id",
 * "path", "date", "councils", "status": "present"|"absent", "roles"}],
 * "mentioned": [{"id", "path", "date", "councils", "roles"}] (meetings
 * that only name the person in the text), "summary": {"present",
 * "absent", "mentioned", "by_council": {COUNCIL: {"present", "absent"}}}},
 * both lists oldest first.
 * `name` is any written form or identity key. Resolved through the
 * index's written forms, then the identity key rules (k: the data files,
 * may be NULL). When that names nobody, the people whose names contain
 * every word of `name` are the candidates: one is answered for, several
 * give {"query", "candidates": [{"person", "key", "meetings"}]} (most
 * meetings first), none gives "candidates": []. */
arkiv_status_t arkiv_answer_attendance(arkiv_db_t *db, const arkiv_knowledge_t *k, const char *name,
                                       JsonNode **out, char **error);

/* trace: a case or project through the councils, one event per meeting,
 * oldest first: {"query", "events": [{"date", "councils", "id" (the
 * meeting), "path", "item": case number or null, "title" (the item's, else
 * the meeting's), "decision": text or null, "page", "snippet"}]}.
 * Plain words are also tried as a phrase and a project name
 * ("hjem til hjem" -> "\"hjem til hjem\" OR project:\"hjem til hjem\""),
 * and case:X also finds documents that refer to X (ref:X). Within a
 * meeting the best matching agenda item is the event. It follows the
 * max_docs best-matching documents (0: ARKIV_TRACE_MAX_DOCS), so a broad
 * query costs a bounded time; "complete" is false when there were more. */
enum { ARKIV_TRACE_MAX_DOCS = 2000 };
arkiv_status_t arkiv_answer_trace(arkiv_db_t *db, const char *query, unsigned max_docs,
                                  JsonNode **out, char **error);

/* decisions: agenda items with a decision that match the query:
 * {"query", "total", "sort", "decisions": [{"id", "meeting", "path",
 * "council", "councils", "date", "number", "title", "decision",
 * "page"}]}. limit 0: all; "total" counts them all either way. */
arkiv_status_t arkiv_answer_decisions(arkiv_db_t *db, const char *query, arkiv_sort_t sort,
                                      unsigned limit, JsonNode **out, char **error);

/* Restricts people and cases: council (any name of it; NULL for all) and
 * year (0 for all). */
typedef struct {
    const char *council;
    int year;
} arkiv_answer_filter_t;

/* people: {"council", "year", "meetings" (how many matched), "people":
 * [{"person" (canonical), "key", "meetings"}]}, most meetings first; a
 * person counts in a meeting that names them at all. */
arkiv_status_t arkiv_answer_people(arkiv_db_t *db, const arkiv_answer_filter_t *f, JsonNode **out,
                                   char **error);

/* cases: agenda items with a case number, oldest first: {"council",
 * "year", "total", "cases": [{"number", "title", "council", "councils",
 * "date", "decision", "id", "meeting", "path"}]}. */
arkiv_status_t arkiv_answer_cases(arkiv_db_t *db, const arkiv_answer_filter_t *f, JsonNode **out,
                                  char **error);

/* stats: {"documents", "meetings", "items", "files", "failed",
 * "failures": [{"path", "reason"}], "people", "councils": {NAME: COUNT},
 * "years": {YEAR: COUNT}, "kinds": {KIND: COUNT}}; counts of meetings.
 * "files" are the files indexed, "failed" those remembered as failed or
 * skipped. */
arkiv_status_t arkiv_answer_stats(arkiv_db_t *db, JsonNode **out, char **error);

#endif
