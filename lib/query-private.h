/* query-private.h — the parsed query, shared by query.cc and search.cc. */
#ifndef ARKIV_QUERY_PRIVATE_H
#define ARKIV_QUERY_PRIVATE_H

#include "arkiv-private.h"

#include <exception>

struct arkiv_query {
    Xapian::Query query;
    /* Xapian's spelling correction of the query string; "" when it found
     * nothing to correct. */
    std::string corrected;
    /* Whether it has words a text may hold (arkiv_query_has_words):
     * without, a snippet is the text's beginning, found without looking. */
    bool has_words = true;
};

/* What the field processors need while a query is parsed. They must not
 * throw through Xapian's parser (it would leak its parse state), so they
 * record a bad value in `error` and any exception in `failure`, and
 * arkiv_query_parse() reports them once parsing is over. */
struct arkiv_parse_context {
    arkiv_db_t *db = nullptr;
    std::string error;
    std::exception_ptr failure;
};

/* Wildcards expand to at most this many terms, the most frequent, so
 * "a*" cannot become the whole vocabulary; and the wildcards of one query
 * to at most ARKIV_MAX_WILDCARD_TOTAL terms together, an equal share
 * each, so a query of eighty wildcards costs what two do (a search for
 * 80 "k*" took 1.9 s of CPU on 600 documents, a trace 27 s). */
#define ARKIV_MAX_WILDCARD_TERMS 1000u
#define ARKIV_MAX_WILDCARD_TOTAL 2000u

/* query_expand.cc: the number of wildcards anywhere in q, and the terms
 * each of n wildcards may expand to (1..ARKIV_MAX_WILDCARD_TERMS). */
size_t arkiv_count_wildcards(const Xapian::Query &q);
unsigned arkiv_wildcard_share(size_t n);

/* query_expand.cc: every wildcard of q that Xapian would expand per
 * database, expanded once over all of db (so shards weigh it the same as
 * one database), to at most max_terms terms each. */
Xapian::Query arkiv_expand_wildcards(Xapian::Database &db, const Xapian::Query &q,
                                     unsigned max_terms);

/* `ctx` must outlive qp. */
void arkiv_setup_parser(Xapian::QueryParser &qp, arkiv_parse_context &ctx);
std::string arkiv_parse_query_date(const std::string &s, bool is_end);
/* The value a boolean field's term is made of once names are resolved:
 * council names to the canonical one, written forms of a person to the
 * identity key, case numbers to the indexer's spelling. */
std::string arkiv_query_value(arkiv_db_t *db, const arkiv_field_def &def, const std::string &value);

#endif
