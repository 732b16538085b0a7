/* query-private.h — the parsed query, shared by query.cc and search.cc. */
#ifndef ARKIV_QUERY_PRIVATE_H
#define ARKIV_QUERY_PRIVATE_H

#include "arkiv-private.h"

struct arkiv_query {
    Xapian::Query query;
};

/* `error` receives a message when a field value cannot be parsed; it must
 * outlive qp. */
void arkiv_setup_parser(Xapian::QueryParser &qp, Xapian::Database &db, std::string &error);
std::string arkiv_parse_query_date(const std::string &s, bool is_end);

#endif
