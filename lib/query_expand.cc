/* query_expand.cc — wildcards expanded once, over the whole index.
 *
 * Xapian 1.4 expands an OP_WILDCARD in each database of a search by
 * itself (each shard, each remote server) and weighs the expansion, a
 * synonym of the terms found, with the terms that database has. Over
 * shards the scores then differ from those of one database holding the
 * same documents, and so does the relevance order (measured on a
 * generated corpus: "sak*" weighed 0.28 over two shards, 0.0008 over one
 * database). The same expansion made here over all databases, as an
 * explicit OP_SYNONYM, weighs exactly as Xapian's own expansion does on
 * one database, in any layout. */
#include "arkiv-private.h"

#include "query-private.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

/* Xapian 1.4 has no accessor for a wildcard's pattern; its description is
 * "Query(WILDCARD <SYNONYM|OR|MAX> <pattern>)", with "\\" and "\xHH"
 * escapes. False when it does not look like that: the wildcard is then
 * left to Xapian. */
static bool wildcard_parts(const Xapian::Query &q, Xapian::Query::op &combiner,
                           std::string &pattern)
{
    static const std::string head = "Query(WILDCARD ";
    std::string d = q.get_description();
    if (d.compare(0, head.size(), head) != 0 || d.back() != ')')
        return false;
    size_t sp = d.find(' ', head.size());
    if (sp == std::string::npos)
        return false;
    std::string word = d.substr(head.size(), sp - head.size());
    if (word == "SYNONYM")
        combiner = Xapian::Query::OP_SYNONYM;
    else if (word == "OR")
        combiner = Xapian::Query::OP_OR;
    else if (word == "MAX")
        combiner = Xapian::Query::OP_MAX;
    else
        return false;
    std::string raw = d.substr(sp + 1, d.size() - sp - 2);
    pattern.clear();
    for (size_t i = 0; i < raw.size(); i++) {
        if (raw[i] != '\\') {
            pattern += raw[i];
        } else if (i + 1 < raw.size() && raw[i + 1] == '\\') {
            pattern += '\\';
            i++;
        } else if (i + 3 < raw.size() && raw[i + 1] == 'x' && isxdigit((unsigned char)raw[i + 2]) &&
                   isxdigit((unsigned char)raw[i + 3])) {
            pattern += (char)strtol(raw.substr(i + 2, 2).c_str(), nullptr, 16);
            i += 3;
        } else {
            return false;
        }
    }
    return !pattern.empty();
}

/* The terms starting with `pattern` across the index; past the limit, the
 * most frequent (ties in byte order), as Xapian's WILDCARD_LIMIT_MOST_FREQUENT. */
static Xapian::Query expansion(Xapian::Database &db, Xapian::Query::op combiner,
                               const std::string &pattern, unsigned max_terms)
{
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (Xapian::TermIterator t = db.allterms_begin(pattern); t != db.allterms_end(pattern); ++t)
        found.emplace_back(t.get_termfreq(), *t);
    if (found.size() > max_terms) {
        std::stable_sort(
            found.begin(), found.end(),
            [](const std::pair<Xapian::doccount, std::string> &a,
               const std::pair<Xapian::doccount, std::string> &b) { return a.first > b.first; });
        found.resize(max_terms);
        std::sort(
            found.begin(), found.end(),
            [](const std::pair<Xapian::doccount, std::string> &a,
               const std::pair<Xapian::doccount, std::string> &b) { return a.second < b.second; });
    }
    if (found.empty())
        return Xapian::Query::MatchNothing;
    std::vector<Xapian::Query> terms;
    for (const auto &f : found)
        terms.emplace_back(f.second);
    return Xapian::Query(combiner, terms.begin(), terms.end());
}

/* Operators whose node is rebuilt from its subqueries alone; the others
 * (phrases, NEAR, value ranges, scaled weights) carry parameters that
 * Xapian 1.4 does not give back, so a wildcard below them stays. */
static bool rebuildable(Xapian::Query::op op)
{
    switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
        return true;
    default:
        return false;
    }
}

static Xapian::Query expand(Xapian::Database &db, const Xapian::Query &q, unsigned max_terms,
                            bool &changed)
{
    Xapian::Query::op op = q.get_type();
    if (op == Xapian::Query::OP_WILDCARD) {
        Xapian::Query::op combiner = Xapian::Query::OP_SYNONYM;
        std::string pattern;
        if (!wildcard_parts(q, combiner, pattern))
            return q;
        changed = true;
        return expansion(db, combiner, pattern, max_terms);
    }
    size_t n = q.get_num_subqueries();
    if (n == 0 || !rebuildable(op))
        return q;
    std::vector<Xapian::Query> subs;
    bool any = false;
    for (size_t i = 0; i < n; i++)
        subs.push_back(expand(db, q.get_subquery(i), max_terms, any));
    if (!any)
        return q;
    changed = true;
    return Xapian::Query(op, subs.begin(), subs.end());
}

Xapian::Query arkiv_expand_wildcards(Xapian::Database &db, const Xapian::Query &q,
                                     unsigned max_terms)
{
    bool changed = false;
    return expand(db, q, max_terms, changed);
}

size_t arkiv_count_wildcards(const Xapian::Query &q)
{
    if (q.get_type() == Xapian::Query::OP_WILDCARD)
        return 1;
    size_t n = 0;
    for (size_t i = 0; i < q.get_num_subqueries(); i++)
        n += arkiv_count_wildcards(q.get_subquery(i));
    return n;
}

unsigned arkiv_wildcard_share(size_t n)
{
    if (n <= ARKIV_MAX_WILDCARD_TOTAL / ARKIV_MAX_WILDCARD_TERMS)
        return ARKIV_MAX_WILDCARD_TERMS;
    return n >= ARKIV_MAX_WILDCARD_TOTAL ? 1u : (unsigned)(ARKIV_MAX_WILDCARD_TOTAL / n);
}
