/* search.cc — running a query: hits, snippets, facets, sorting. */
#include "arkiv-private.h"

#include "query-private.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

struct hit_row {
    std::string id, data, snippet, parent;
    unsigned rank = 0, page = 0, collapsed = 0;
    double score = 0;
};

struct facet_row {
    std::string value, label;
    unsigned count = 0;
};

struct arkiv_facets {
    std::vector<facet_row> rows;
};

struct arkiv_results {
    unsigned total = 0;
    bool total_exact = false;
    bool facets_exact = false; /* the facets counted the whole match */
    bool with_facets = false;
    bool partial = false;
    std::vector<hit_row> hits;
    std::map<std::string, arkiv_facets> facets;
    std::string suggestion;
};

extern "C" void arkiv_search_options_init(arkiv_search_options_t *o)
{
    if (!o)
        return;
    o->offset = 0;
    o->limit = 10;
    o->sort = ARKIV_SORT_RELEVANCE;
    o->snippet_mode = ARKIV_SNIPPET_PLAIN;
    o->hi_start = nullptr;
    o->hi_end = nullptr;
    o->snippet_length = 200;
    o->facets = 1;
    o->facet_limit = 0;
    o->collapse = 1;
    o->check_at_least = 0;
    o->exact_up_to = 0;
}

/* Xapian's snippet is HTML-escaped; plain mode undoes exactly the escapes
 * it makes. Markers are control characters that cannot occur in indexed
 * text, swapped for the caller's markers afterwards. */
static std::string unescape_snippet(const std::string &in, const std::string &hs,
                                    const std::string &he)
{
    static const struct {
        const char *from, *to;
    } ents[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}};
    std::string out;
    for (size_t i = 0; i < in.size();) {
        if (in[i] == '\x01' || in[i] == '\x02') {
            out += in[i] == '\x01' ? hs : he;
            i++;
            continue;
        }
        bool done = false;
        for (const auto &e : ents) {
            size_t n = strlen(e.from);
            if (in.compare(i, n, e.from) == 0) {
                out += e.to;
                i += n;
                done = true;
                break;
            }
        }
        if (!done)
            out += in[i++];
    }
    return out;
}

/* Both flags keep the snippet the same whatever the layout (one
 * database, local or remote shards; tests/test_shards.sh). Without
 * SNIPPET_BACKGROUND_MODEL Xapian ranks a text's words by the query
 * terms' maximum weight, which each shard bounds by its own statistics,
 * so one database and its shards picked different passages. The model
 * looks up the frequency of the text's words (a B-tree read each): the
 * price of answers that do not depend on the layout. Without
 * SNIPPET_EXHAUSTIVE Xapian stops at the first passage it deems good
 * enough, which differed the same way. */
static const unsigned snippet_flags =
    Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE;

static std::string make_snippet(const Xapian::MSet &mset, const Xapian::Document &doc,
                                const Xapian::Stem &stemmer, const arkiv_search_options_t &o)
{
    std::string text = doc.get_value(ARKIV_SLOT_TEXT);
    if (text.empty())
        return "";
    std::string hs = o.hi_start ? o.hi_start : "", he = o.hi_end ? o.hi_end : "";
    if (o.snippet_mode == ARKIV_SNIPPET_HTML)
        return mset.snippet(text, o.snippet_length, stemmer, snippet_flags, hs, he, "…");
    return unescape_snippet(
        mset.snippet(text, o.snippet_length, stemmer, snippet_flags, "\x01", "\x02", "…"), hs, he);
}

/* A body word's stemmed term ("Zplan"), as against an unprefixed word or a
 * field's term ("ZSplan", "XCasu"): prefixes are capital ASCII letters. */
static bool is_body_stem(const std::string &t)
{
    return t.size() > 1 && t[0] == 'Z' && !(t[1] >= 'A' && t[1] <= 'Z');
}

static bool is_body_word(const std::string &t)
{
    return !t.empty() && !(t[0] >= 'A' && t[0] <= 'Z');
}

/* The earliest position of `term` in the document, 0 when it has none. */
static Xapian::termpos first_position(Xapian::Database &xdb, Xapian::docid did,
                                      const std::string &term)
{
    Xapian::PositionIterator p = xdb.positionlist_begin(did, term);
    return p != xdb.positionlist_end(did, term) ? *p : 0;
}

/* The earliest body position of any query term. Stemmed terms carry no
 * positions (STEM_SOME, document.cc): a stem stands for the document's
 * words that stem to it, and Norwegian stems are prefixes of their words,
 * so one pass over the words starting with a stem finds them. */
static Xapian::termpos first_query_position(Xapian::Database &xdb, const Xapian::Query &q,
                                            Xapian::docid did, const Xapian::Stem &stemmer)
{
    Xapian::termpos first = 0;
    std::vector<std::string> stems;
    auto take = [&first](Xapian::termpos p) {
        if (p && (first == 0 || p < first))
            first = p;
    };
    for (Xapian::TermIterator t = q.get_unique_terms_begin(); t != q.get_unique_terms_end(); ++t) {
        if (is_body_stem(*t))
            stems.push_back((*t).substr(1));
        else
            take(first_position(xdb, did, *t));
    }
    if (stems.empty())
        return first;
    std::sort(stems.begin(), stems.end());
    Xapian::TermIterator w = xdb.termlist_begin(did);
    for (const std::string &stem : stems) {
        if (w == xdb.termlist_end(did))
            break;
        w.skip_to(stem);
        for (; w != xdb.termlist_end(did) && is_body_word(*w) &&
               (*w).compare(0, stem.size(), stem) == 0;
             ++w)
            if (stemmer(*w) == stem)
                take(first_position(xdb, did, *w));
    }
    return first;
}

/* The page of the earliest body position of any query term: page starts
 * are stored as term positions at index time (document.cc). */
static unsigned hit_page(Xapian::Database &xdb, const Xapian::Query &q, Xapian::docid did,
                         const Xapian::Stem &stemmer, const std::string &starts)
{
    if (starts.empty())
        return 0;
    Xapian::termpos first = first_query_position(xdb, q, did, stemmer);
    if (first == 0)
        return 0;
    unsigned page = 0;
    const char *s = starts.c_str();
    while (*s) {
        char *end;
        unsigned long start = strtoul(s, &end, 10);
        if (end == s || start > first)
            break;
        page++;
        s = *end == ',' ? end + 1 : end;
    }
    return page;
}

/* Equal keys would otherwise be ordered by Xapian document number, which
 * differs between one database and shards (their numbers interleave), so
 * ties are broken by the meeting id: relevance, then meeting id; date,
 * then meeting id (ARKIV_SLOT_SORT_DATE), then relevance. Within one
 * meeting the order is its documents' order of writing, the same in any
 * layout, since a meeting and its items share a shard. */
static void set_order(Xapian::Enquire &enq, arkiv_sort_t sort, bool sort_date_slot)
{
    Xapian::valueno date = sort_date_slot ? ARKIV_SLOT_SORT_DATE : ARKIV_SLOT_DATE;
    if (sort == ARKIV_SORT_DATE_ASC)
        enq.set_sort_by_value_then_relevance(date, false);
    else if (sort == ARKIV_SORT_DATE_DESC)
        enq.set_sort_by_value_then_relevance(date, true);
    else
        enq.set_sort_by_relevance_then_value(ARKIV_SLOT_MEETING, false);
}

/* Whether every document has the facet key and date sort key (slots 15
 * and 16, written since shards came): an older index is searched as
 * before, with facets counted by our own match spy (local databases
 * only). Read-only handles remember the answer until reopened. */
static bool has_facet_slots(arkiv_db_t *db)
{
    if (db->has_facet_slots >= 0 && !db->writable)
        return db->has_facet_slots != 0;
    /* Every document, or the index is (partly) older: an unchanged file
     * keeps its old document until --rebuild. */
    Xapian::Database &xdb = db->db();
    bool has = xdb.get_value_freq(ARKIV_SLOT_FACETS) == xdb.get_doccount();
    db->has_facet_slots = has;
    return has;
}

/* Only the rows kept get a label: a person's canonical name costs a
 * metadata lookup. */
static void collect_facets(arkiv_results_t &r, arkiv_db_t *db, const arkiv_facet_counts &counts,
                           unsigned limit)
{
    size_t n;
    const arkiv_facet_def *defs = arkiv_facet_defs(&n);
    for (size_t i = 0; i < n; i++) {
        arkiv_facets &f = r.facets[defs[i].name];
        for (const arkiv_facet_counts::row &row :
             counts.top(i, limit ? limit : defs[i].default_limit)) {
            std::string label =
                defs[i].slot == ARKIV_SLOT_PERSON ? arkiv_person_label(db, row.value) : row.value;
            f.rows.push_back(facet_row{row.value, label, row.count});
        }
    }
    r.with_facets = true;
}

static hit_row make_hit(arkiv_db_t *db, const Xapian::MSet &mset, const Xapian::MSetIterator &m,
                        const arkiv_query_t *q, const arkiv_search_options_t &o)
{
    Xapian::Document doc = m.get_document();
    hit_row h;
    h.id = doc.get_value(ARKIV_SLOT_ID);
    h.data = doc.get_data();
    h.rank = m.get_rank();
    h.score = m.get_percent();
    h.snippet = make_snippet(mset, doc, db->stemmer, o);
    h.page = hit_page(db->db(), q->query, *m, db->stemmer, doc.get_value(ARKIV_SLOT_PAGES));
    std::string first = doc.get_value(ARKIV_SLOT_FIRST_PAGE);
    if (!first.empty())
        h.page = (h.page ? h.page : 1) + (unsigned)strtoul(first.c_str(), nullptr, 10) - 1;
    std::string meeting = doc.get_value(ARKIV_SLOT_MEETING);
    if (meeting != h.id)
        h.parent = meeting;
    h.collapsed = m.get_collapse_count();
    return h;
}

/* How many matching documents each meeting shown has, when no facet key
 * spy counted them: one more match, over those meetings' documents only.
 * Xapian's own collapse count cannot be used: remote shards do not send
 * it (Xapian 1.4), and it may stop short of the whole match. */
static void count_meeting_docs(Xapian::Database &xdb, const Xapian::Query &query,
                               const std::set<std::string> &meetings,
                               std::map<std::string, unsigned> &docs)
{
    std::vector<Xapian::Query> terms;
    for (const std::string &m : meetings) {
        terms.emplace_back(arkiv_id_term(m));
        terms.emplace_back(arkiv_fit_term(ARKIV_PREFIX_PARENT + m));
    }
    Xapian::Enquire enq(xdb);
    enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end())));
    Xapian::ValueCountMatchSpy spy(ARKIV_SLOT_MEETING);
    enq.add_matchspy(&spy);
    enq.get_mset(0, 0, xdb.get_doccount());
    for (Xapian::TermIterator v = spy.values_begin(); v != spy.values_end(); ++v)
        docs[*v] = v.get_termfreq();
}

/* Counts the documents the matcher shows its spies: with our own facet
 * spy (older indexes, local databases only) this tells whether it saw
 * the whole match. */
class doc_counter : public Xapian::MatchSpy
{
  public:
    Xapian::doccount seen = 0;
    void operator()(const Xapian::Document &, double) override
    {
        seen++;
    }
};

/* The spies of one search and what they saw. */
struct search_spies {
    Xapian::ValueCountMatchSpy key_spy{ARKIV_SLOT_FACETS};
    arkiv_facet_spy old_spy;
    doc_counter old_seen;
    bool keyed = false;
    Xapian::doccount seen() const
    {
        return keyed ? key_spy.get_total() : old_seen.seen;
    }
};

/* How many matches Xapian must look at before it may stop: the whole
 * index (so the whole match) unless the caller bounds it and the match
 * may hold more than exact_up_to documents. Xapian's bounds before
 * matching (get_mset with nothing to check) cost no more than opening
 * the posting lists, which the search does anyway. */
static Xapian::doccount check_bound(Xapian::Enquire &enq, Xapian::Database &xdb,
                                    const arkiv_search_options_t &o)
{
    Xapian::doccount all = xdb.get_doccount();
    if (!o.facets)
        return 0; /* Xapian's default: the page */
    if (!o.check_at_least || o.check_at_least >= all)
        return all;
    const Xapian::doccount none = 0;
    if (o.exact_up_to &&
        enq.get_mset(none, none, none).get_uncollapsed_matches_upper_bound() <= o.exact_up_to)
        return all;
    return o.check_at_least;
}

static Xapian::MSet get_mset(Xapian::Enquire &enq, const arkiv_search_options_t &o,
                             Xapian::doccount bound, search_spies &spies)
{
    if (o.facets && spies.keyed) {
        enq.add_matchspy(&spies.key_spy);
    } else if (o.facets) {
        enq.add_matchspy(&spies.old_spy);
        enq.add_matchspy(&spies.old_seen);
    }
    return enq.get_mset(o.offset, o.limit, bound);
}

/* Whether the spies saw every matching document. Xapian raises its
 * weight floor (and drops documents unseen) only once `bound` documents
 * have entered the candidate set (with collapse: not counting those
 * collapsed away), and the spies see each document before that; so
 * fewer than `bound` seen means none was dropped. On shards each one
 * counts its own and the spy totals add up: fewer in all means fewer in
 * each. */
static bool saw_whole_match(Xapian::Database &xdb, Xapian::doccount bound,
                            const search_spies &spies)
{
    return bound >= xdb.get_doccount() || spies.seen() < bound;
}

/* How many meetings the index holds: each has a meeting document (an
 * index with the facet key always does). Xapian's collapsed estimate
 * can exceed it. */
static Xapian::doccount meetings_in_index(Xapian::Database &xdb)
{
    const arkiv_field_def &level = *arkiv_field_lookup(ARKIV_FIELD_LEVEL);
    return xdb.get_termfreq(arkiv_boolean_term(level, "meeting"));
}

/* The total: with collapse and facets over the whole match, the
 * meetings the spies saw; otherwise Xapian's estimate (exact when it saw
 * the whole match uncollapsed), no more meetings than the index holds
 * and no fewer than the spies saw. */
static void set_total(arkiv_results_t &r, Xapian::Database &xdb, const Xapian::MSet &mset,
                      const arkiv_search_options_t &o, bool whole, bool keyed,
                      const arkiv_facet_counts &counts)
{
    if (o.facets && o.collapse && whole) {
        r.total = (unsigned)counts.meetings;
        r.total_exact = true;
        return;
    }
    r.total = mset.get_matches_estimated();
    if (o.collapse && keyed && mset.get_matches_lower_bound() != mset.get_matches_upper_bound())
        r.total = std::min<Xapian::doccount>(r.total, meetings_in_index(xdb));
    if (o.facets && o.collapse && counts.meetings > r.total)
        r.total = (unsigned)counts.meetings;
    r.total_exact =
        (o.facets && whole) || mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
}

static arkiv_results_t *run_search(arkiv_db_t *db, const arkiv_query_t *q,
                                   const arkiv_search_options_t &o)
{
    Xapian::Database &xdb = db->db();
    Xapian::Enquire enq(xdb);
    enq.set_query(q->query);
    search_spies spies;
    spies.keyed = has_facet_slots(db);
    set_order(enq, o.sort, spies.keyed);
    /* One hit per meeting: its best document, the meeting or an item. */
    if (o.collapse)
        enq.set_collapse_key(ARKIV_SLOT_MEETING);
    Xapian::doccount bound = check_bound(enq, xdb, o);
    Xapian::MSet mset = get_mset(enq, o, bound, spies);
    bool whole = o.facets && saw_whole_match(xdb, bound, spies);
    std::unique_ptr<arkiv_results_t> r(new arkiv_results_t);
    for (Xapian::MSetIterator m = mset.begin(); m != mset.end(); ++m)
        r->hits.push_back(make_hit(db, mset, m, q, o));
    std::set<std::string> shown;
    for (const hit_row &h : r->hits)
        shown.insert(h.parent.empty() ? h.id : h.parent);
    arkiv_facet_counts counts;
    if (o.facets && spies.keyed)
        arkiv_count_facet_keys(spies.key_spy, o.collapse && whole ? shown : std::set<std::string>(),
                               counts);
    else if (o.facets)
        spies.old_spy.result(counts);
    /* Without the whole match in the spy, one more (small) match counts
     * the documents of the meetings shown. */
    if (o.collapse && spies.keyed && !whole && !shown.empty())
        count_meeting_docs(xdb, q->query, shown, counts.docs);
    /* With the facet key, the collapse count is what the whole match
     * holds of each meeting beyond the hit (the same in any layout). */
    if (o.collapse && spies.keyed)
        for (hit_row &h : r->hits) {
            auto it = counts.docs.find(h.parent.empty() ? h.id : h.parent);
            h.collapsed = it != counts.docs.end() && it->second > 0 ? it->second - 1 : 0;
        }
    set_total(*r, xdb, mset, o, whole, spies.keyed, counts);
    r->facets_exact = whole;
    if (o.facets)
        collect_facets(*r, db, counts, o.facet_limit);
    if (mset.empty() && r->total == 0)
        r->suggestion = q->corrected;
    r->partial = arkiv_db_missing_count(db) != 0;
    return r.release();
}

extern "C" arkiv_status_t arkiv_db_search(arkiv_db_t *db, const arkiv_query_t *query,
                                          const arkiv_search_options_t *options,
                                          arkiv_results_t **results_out)
{
    if (!db || !query || !results_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *results_out = nullptr;
    arkiv_search_options_t defaults;
    arkiv_search_options_init(&defaults);
    const arkiv_search_options_t &o = options ? *options : defaults;
    ARKIV_DB_GUARD(db, {
        *results_out = run_search(db, query, o);
        return ARKIV_STATUS_OK;
    })
}

extern "C" void arkiv_results_free(arkiv_results_t *results)
{
    delete results;
}

extern "C" unsigned arkiv_results_total(const arkiv_results_t *results)
{
    return results ? results->total : 0;
}

extern "C" int arkiv_results_total_exact(const arkiv_results_t *results)
{
    return results && results->total_exact;
}

extern "C" int arkiv_results_facets_exact(const arkiv_results_t *results)
{
    return results && results->with_facets && results->facets_exact;
}

extern "C" int arkiv_results_partial(const arkiv_results_t *results)
{
    return results && results->partial;
}

extern "C" const char *arkiv_results_suggestion(const arkiv_results_t *results)
{
    return results ? results->suggestion.c_str() : "";
}

extern "C" size_t arkiv_results_count(const arkiv_results_t *results)
{
    return results ? results->hits.size() : 0;
}

extern "C" arkiv_status_t arkiv_results_get(const arkiv_results_t *results, size_t i,
                                            arkiv_hit_t *hit)
{
    if (!results || !hit || i >= results->hits.size())
        return ARKIV_STATUS_INVALID_ARGUMENT;
    const hit_row &h = results->hits[i];
    hit->id = h.id.c_str();
    hit->data = h.data.c_str();
    hit->snippet = h.snippet.c_str();
    hit->rank = h.rank;
    hit->page = h.page;
    hit->score = h.score;
    hit->parent = h.parent.c_str();
    hit->collapsed = h.collapsed;
    return ARKIV_STATUS_OK;
}

extern "C" arkiv_status_t arkiv_results_facets(const arkiv_results_t *results, const char *name,
                                               const arkiv_facets_t **facets_out)
{
    if (!results || !name || !facets_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *facets_out = nullptr;
    auto it = results->facets.find(name);
    if (it == results->facets.end())
        return ARKIV_STATUS_NOT_FOUND;
    *facets_out = &it->second;
    return ARKIV_STATUS_OK;
}

extern "C" size_t arkiv_facets_count(const arkiv_facets_t *facets)
{
    return facets ? facets->rows.size() : 0;
}

extern "C" arkiv_status_t arkiv_facets_get(const arkiv_facets_t *facets, size_t i,
                                           const char **value, unsigned *count)
{
    if (!facets || !value || !count || i >= facets->rows.size())
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *value = facets->rows[i].value.c_str();
    *count = facets->rows[i].count;
    return ARKIV_STATUS_OK;
}

extern "C" arkiv_status_t arkiv_facets_get_label(const arkiv_facets_t *facets, size_t i,
                                                 const char **label)
{
    if (!facets || !label || i >= facets->rows.size())
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *label = facets->rows[i].label.c_str();
    return ARKIV_STATUS_OK;
}
