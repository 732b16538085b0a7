/* query.cc — arkiv's query language on top of Xapian's QueryParser. */
#include "arkiv-private.h"

#include "items-private.h"
#include "query-private.h"

#include <cctype>
#include <cstdio>
#include <memory>

/* A boolean field value is resolved to what the indexer wrote
 * (query_values.cc), then goes through the same normalisation as at index
 * time (terms.cc), so "council:ASU" finds documents tagged "administrativt
 * samarbeidsutvalg". */
class boolean_field : public Xapian::FieldProcessor
{
    const arkiv_field_def &def;
    arkiv_parse_context &ctx;

  public:
    boolean_field(const arkiv_field_def &d, arkiv_parse_context &c) : def(d), ctx(c) {}
    Xapian::Query operator()(const std::string &value) override
    {
        try {
            return Xapian::Query(arkiv_boolean_term(def, arkiv_query_value(ctx.db, def, value)));
        } catch (...) {
            ctx.failure = std::current_exception();
            return Xapian::Query::MatchNothing;
        }
    }
};

static bool all_digits(const std::string &s, size_t from, size_t n)
{
    if (from + n > s.size())
        return false;
    for (size_t i = from; i < from + n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static std::string ymd(int y, int m, int d)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
    return buf;
}

/* Accepts 2024-06-30, 20240630, 30.06.2024, 2024-06 and 2024; a partial
 * date means its first day at the start of a range and its last day at
 * the end, so "date:2024..2024" is the whole year. Returns "" if the
 * string is not a date. */
std::string arkiv_parse_query_date(const std::string &s, bool is_end)
{
    int y = 0, m = 0, d = 0;
    if (s.size() == 10 && all_digits(s, 0, 4) && s[4] == '-' && s[7] == '-')
        sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d);
    else if (s.size() == 8 && all_digits(s, 0, 8))
        sscanf(s.c_str(), "%4d%2d%2d", &y, &m, &d);
    else if (s.size() == 10 && all_digits(s, 6, 4) && s[2] == '.' && s[5] == '.')
        sscanf(s.c_str(), "%2d.%2d.%4d", &d, &m, &y);
    else if (s.size() == 7 && all_digits(s, 0, 4) && s[4] == '-' && all_digits(s, 5, 2))
        sscanf(s.c_str(), "%4d-%2d", &y, &m);
    else if (s.size() == 4 && all_digits(s, 0, 4))
        y = atoi(s.c_str());
    else
        return "";
    if (m == 0)
        m = is_end ? 12 : 1;
    if (d == 0)
        d = is_end ? 31 : 1; /* 31 is a safe upper bound for any month */
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31)
        return "";
    return ymd(y, m, d);
}

/* Errors found inside a processor are recorded, not thrown: an exception
 * thrown through Xapian's parser from a callback leaks its parse state.
 * arkiv_query_parse() turns a recorded error into ARKIV_STATUS_BAD_QUERY. */
class date_range : public Xapian::RangeProcessor
{
    std::string &error;

  public:
    explicit date_range(std::string &err)
        : Xapian::RangeProcessor(ARKIV_SLOT_DATE, "date:"), error(err)
    {
    }
    Xapian::Query operator()(const std::string &b, const std::string &e) override
    {
        std::string lo = b.empty() ? "" : arkiv_parse_query_date(b, false);
        std::string hi = e.empty() ? "" : arkiv_parse_query_date(e, true);
        if ((!b.empty() && lo.empty()) || (!e.empty() && hi.empty())) {
            error = "date: wants dates like 2024-06-30 or 30.06.2024, got \"" + b + ".." + e + "\"";
            return Xapian::Query::MatchNothing;
        }
        if (hi.empty())
            return Xapian::Query(Xapian::Query::OP_VALUE_GE, ARKIV_SLOT_DATE, lo);
        if (lo.empty())
            return Xapian::Query(Xapian::Query::OP_VALUE_LE, ARKIV_SLOT_DATE, hi);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, ARKIV_SLOT_DATE, lo, hi);
    }
};

/* "date:2024-04-17" without "..": one day (or month, or year). */
class single_date : public Xapian::FieldProcessor
{
    std::string &error;

  public:
    explicit single_date(std::string &err) : error(err) {}
    Xapian::Query operator()(const std::string &value) override
    {
        std::string lo = arkiv_parse_query_date(value, false);
        std::string hi = arkiv_parse_query_date(value, true);
        if (lo.empty()) {
            error = "date: wants a date like 2024-06-30 or 30.06.2024, got \"" + value + "\"";
            return Xapian::Query::MatchNothing;
        }
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, ARKIV_SLOT_DATE, lo, hi);
    }
};

void arkiv_setup_parser(Xapian::QueryParser &qp, arkiv_parse_context &ctx)
{
    /* Synonyms and spelling data come from every database of the index
     * (a sharded index keeps them in its lexicon). */
    qp.set_database(ctx.db->db());
    qp.set_stemmer(ctx.db->stemmer);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_stopper(ctx.db->stopper.get());
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_max_expansion(ARKIV_MAX_WILDCARD_TERMS, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    size_t n;
    const arkiv_field_def *fields = arkiv_field_table(&n);
    for (size_t i = 0; i < n; i++) {
        const arkiv_field_def &f = fields[i];
        if (!*f.name)
            continue;
        if (f.type == ARKIV_FREE_TEXT)
            qp.add_prefix(f.name, f.prefix);
        else
            qp.add_boolean_prefix(f.name, (new boolean_field(f, ctx))->release());
    }
    qp.add_boolean_prefix("id", ARKIV_PREFIX_ID);
    qp.add_rangeprocessor((new date_range(ctx.error))->release());
    qp.add_boolean_prefix("date", (new single_date(ctx.error))->release());
}

static const unsigned parse_flags =
    Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE |
    Xapian::QueryParser::FLAG_AUTO_SYNONYMS | Xapian::QueryParser::FLAG_SPELLING_CORRECTION;

static bool blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

/* Parses into q; a bad value becomes ARKIV_STATUS_BAD_QUERY, an
 * exception met by a field processor is thrown again here. */
static arkiv_status_t parse_into(arkiv_db_t *db, const char *query_string, arkiv_query_t &q)
{
    arkiv_parse_context ctx;
    ctx.db = db;
    Xapian::QueryParser qp;
    arkiv_setup_parser(qp, ctx);
    q.query = qp.parse_query(query_string, parse_flags);
    unsigned share = arkiv_wildcard_share(arkiv_count_wildcards(q.query));
    if (share < ARKIV_MAX_WILDCARD_TERMS) {
        /* Again with the share, for the wildcards Xapian expands itself
         * (inside a phrase). */
        qp.set_max_expansion(share, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        q.query = qp.parse_query(query_string, parse_flags);
    }
    q.corrected = qp.get_corrected_query_string();
    q.query = arkiv_expand_wildcards(db->db(), q.query, share);
    if (ctx.failure)
        std::rethrow_exception(ctx.failure);
    if (!ctx.error.empty()) {
        db->error = ctx.error;
        return ARKIV_STATUS_BAD_QUERY;
    }
    return ARKIV_STATUS_OK;
}

extern "C" arkiv_status_t arkiv_query_parse(arkiv_db_t *db, const char *query_string,
                                            arkiv_query_t **query_out)
{
    if (!db || !query_string || !query_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *query_out = nullptr;
    ARKIV_DB_GUARD(db, {
        std::unique_ptr<arkiv_query_t> q(new arkiv_query_t);
        arkiv_status_t st = ARKIV_STATUS_OK;
        if (blank(query_string))
            q->query = Xapian::Query::MatchAll;
        else
            st = parse_into(db, query_string, *q);
        if (st == ARKIV_STATUS_OK) {
            q->has_words = arkiv_query_has_words(q->query);
            *query_out = q.release();
        }
        return st;
    })
}

extern "C" void arkiv_query_free(arkiv_query_t *query)
{
    delete query;
}
