/* filter.h — arkiv_answer_filter_t as query filters; private to answer/. */
#ifndef ARKIV_ANSWER_FILTER_H
#define ARKIV_ANSWER_FILTER_H

#include <json-glib/json-glib.h>

#include "answer.h"

/* `level` plus council: and year: filters for f (NULL for none), e.g.
 * "level:meeting council:\"ASU\" year:2024". Caller g_frees. */
char *ans_filter_query(const arkiv_answer_filter_t *f, const char *level);

/* Adds "council" (canonical when the index knows the name, as given
 * otherwise; null for none) and "year" (null for none) to an answer. */
void ans_filter_members(arkiv_db_t *db, JsonObject *o, const arkiv_answer_filter_t *f);

#endif
