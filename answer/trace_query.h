/* trace_query.h — widening a trace query; private to answer/. */
#ifndef ARKIV_ANSWER_TRACE_QUERY_H
#define ARKIV_ANSWER_TRACE_QUERY_H

/* The query trace runs for what the user typed (caller g_frees):
 *   plain words       HARMONI        -> HARMONI OR project:"HARMONI"
 *                     hjem til hjem  -> "hjem til hjem" OR project:"hjem til hjem"
 *   case:X anywhere   case:08/25     -> (case:08/25 OR ref:08/25)
 * Anything else is left as typed. */
char *ans_trace_query(const char *query);

#endif
