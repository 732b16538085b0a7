/* search.cc — running a query: hits, snippets, facets, sorting. */
#include "arkiv-private.h"

#include "items-private.h"
#include "query-private.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

struct hit_row {
    std::string id, data, snippet, parent;
    unsigned rank = 0, page = 0, item = 0, collapsed = 0;
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

/* The first `length` bytes of text (and the rest of a word or character
 * cut there): Xapian then makes its snippet of the beginning. */
static std::string lead(const std::string &text, size_t length)
{
    size_t end = std::min(length, text.size());
    while (end < text.size() && text[end] != ' ' && text[end] != '\n')
        end++;
    return text.substr(0, end);
}

/* HTML mode: Xapian's escaping stays, the markers become the caller's. */
static std::string swap_markers(const std::string &in, const std::string &hs, const std::string &he)
{
    std::string out;
    for (char c : in)
        if (c == '\x01')
            out += hs;
        else if (c == '\x02')
            out += he;
        else
            out += c;
    return out;
}

static std::string make_snippet(const Xapian::MSet &mset, const std::string &text,
                                const Xapian::Stem &stemmer, const arkiv_search_options_t &o,
                                bool words)
{
    if (text.empty())
        return "";
    std::string hs = o.hi_start ? o.hi_start : "", he = o.hi_end ? o.hi_end : "";
    std::string snip;
    if (words)
        snip = mset.snippet(text, o.snippet_length, stemmer,
                            snippet_flags | Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH, "\x01",
                            "\x02", "…");
    /* No query word in the text ("case:12/24" lands on an item by its
     * number): its beginning says what it is about. */
    if (snip.empty())
        snip = mset.snippet(lead(text, o.snippet_length), o.snippet_length, stemmer, 0, "\x01",
                            "\x02", "…");
    if (o.snippet_mode == ARKIV_SNIPPET_HTML)
        return swap_markers(snip, hs, he);
    return unescape_snippet(snip, hs, he);
}

/* The page of term position `pos`: page starts are stored as term
 * positions at index time (document.cc). 0 when unknown. */
static unsigned page_of(const std::string &starts, Xapian::termpos pos)
{
    if (starts.empty() || pos == 0)
        return 0;
    unsigned page = 0;
    const char *s = starts.c_str();
    while (*s) {
        char *end;
        unsigned long start = strtoul(s, &end, 10);
        if (end == s || start > pos)
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

/* What one document found by Xapian gives: the meeting and the agenda
 * items the query matches in it (items.cc), read once. */
struct doc_found {
    Xapian::Document doc;
    std::string id, data, pages;
    std::vector<arkiv_item_span> spans;
    arkiv_doc_matches matches;
    unsigned rank = 0;
    double score = 0;
    bool words = true; /* the query has words a snippet may show */
};

static doc_found find_in_doc(arkiv_db_t *db, const Xapian::MSetIterator &m, const arkiv_query_t *q)
{
    doc_found f;
    f.doc = m.get_document();
    const Xapian::Document &doc = f.doc;
    f.id = doc.get_value(ARKIV_SLOT_ID);
    f.data = doc.get_data();
    f.pages = doc.get_value(ARKIV_SLOT_PAGES);
    f.spans = arkiv_items_decode(doc.get_value(ARKIV_SLOT_ITEMS));
    f.matches = arkiv_match_items(db->db(), *m, doc, q->query, db->stemmer);
    f.rank = m.get_rank();
    f.score = m.get_percent();
    f.words = q->has_words;
    /* An item document of an index written before items lived in their
     * meeting is a hit of its own. */
    if (f.spans.empty() && !f.matches.meeting)
        f.matches.meeting = true;
    return f;
}

/* The hit for the meeting itself (item 0) or for its item n. Snippets
 * cost the most: only hits shown get one (`shown`). */
static hit_row make_hit(arkiv_db_t *db, const Xapian::MSet &mset, const doc_found &f,
                        const arkiv_item_match *im, const arkiv_search_options_t &o)
{
    const Xapian::Document &doc = f.doc;
    hit_row h;
    h.data = f.data;
    h.rank = f.rank;
    h.score = f.score;
    std::string text = doc.get_value(ARKIV_SLOT_TEXT);
    if (!im) {
        h.id = f.id;
        std::string meeting = doc.get_value(ARKIV_SLOT_MEETING);
        if (!meeting.empty() && meeting != f.id)
            h.parent = meeting;
        h.page = page_of(f.pages, f.matches.first);
        h.snippet = make_snippet(mset, text, db->stemmer, o, f.words);
        return h;
    }
    const arkiv_item_span &sp = f.spans[im->n - 1];
    h.id = f.id + ":" + std::to_string(im->n);
    h.parent = f.id;
    h.item = im->n;
    h.page = page_of(f.pages, im->first);
    size_t t0 = std::min(sp.t0, text.size()), t1 = std::min(std::max(sp.t1, t0), text.size());
    h.snippet = make_snippet(mset, text.substr(t0, t1 - t0), db->stemmer, o, f.words);
    return h;
}

/* With collapse: the meeting's best match: the item with the highest
 * score (the first of equals); the meeting when no item scores (a
 * query of filters the items share with their meeting, "council:ASU");
 * the first matching item when the meeting itself does not match
 * ("level:item"). False when nothing in the document matches the query
 * (its words in different items, with level:item). */
static bool best_hit(arkiv_db_t *db, const Xapian::MSet &mset, const Xapian::MSetIterator &m,
                     const arkiv_query_t *q, const arkiv_search_options_t &o, hit_row &h)
{
    doc_found f = find_in_doc(db, m, q);
    const arkiv_item_match *best = nullptr;
    for (const arkiv_item_match &im : f.matches.items)
        if (im.score > 0 && (!best || im.score > best->score))
            best = &im;
    if (!best && !f.matches.meeting && !f.matches.items.empty())
        best = &f.matches.items.front();
    if (!best && !f.matches.meeting)
        return false;
    h = make_hit(db, mset, f, best, o);
    size_t found = f.matches.items.size() + (f.matches.meeting ? 1 : 0);
    h.collapsed = found > 1 ? (unsigned)(found - 1) : 0;
    return true;
}

/* Without collapse: every match of one meeting, the meeting first (when
 * it matches by itself), then its items in text order. Those before
 * o.offset or after the page are counted, not made. */
static void all_hits(arkiv_db_t *db, const Xapian::MSet &mset, const Xapian::MSetIterator &m,
                     const arkiv_query_t *q, const arkiv_search_options_t &o, unsigned &seen,
                     std::vector<hit_row> &out)
{
    doc_found f = find_in_doc(db, m, q);
    auto take = [&](const arkiv_item_match *im) {
        if (seen >= o.offset && seen - o.offset < o.limit) {
            out.push_back(make_hit(db, mset, f, im, o));
            out.back().rank = seen;
        }
        seen++;
    };
    if (f.matches.meeting)
        take(nullptr);
    for (const arkiv_item_match &im : f.matches.items)
        take(&im);
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
    if (o.exact_up_to && enq.get_mset(none, none, none).get_matches_upper_bound() <= o.exact_up_to)
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

/* The total number of meetings: with facets over the whole match, the
 * meetings the spies saw; otherwise Xapian's estimate (exact when its
 * bounds agree), and no fewer than the spies saw. */
static void set_total(arkiv_results_t &r, const Xapian::MSet &mset, const arkiv_search_options_t &o,
                      bool whole, const arkiv_facet_counts &counts)
{
    if (o.facets && whole) {
        r.total = (unsigned)counts.meetings;
        r.total_exact = true;
        return;
    }
    r.total = mset.get_matches_estimated();
    if (o.facets && counts.meetings > r.total)
        r.total = (unsigned)counts.meetings;
    r.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
}

/* Without collapse a meeting gives a hit for itself and one per
 * matching item, so the page is found by going through the meetings in
 * order: all of them when the total must be exact (facets), else until
 * the page is full, a page's worth of meetings at a time. */
static Xapian::MSet list_all(arkiv_db_t *db, Xapian::Enquire &enq, const arkiv_query_t *q,
                             const arkiv_search_options_t &o, search_spies &spies,
                             arkiv_results_t &r, unsigned &seen, bool &exhausted)
{
    Xapian::Database &xdb = db->db();
    Xapian::doccount all = xdb.get_doccount();
    Xapian::doccount want = o.offset + o.limit;
    Xapian::doccount step = o.facets ? std::max<Xapian::doccount>(all, 1) : std::max(want, 10u);
    arkiv_search_options_t first = o;
    first.offset = 0;
    first.limit = step;
    Xapian::MSet mset = get_mset(enq, first, o.facets ? all : 0, spies);
    Xapian::doccount start = 0;
    seen = 0;
    for (;;) {
        for (Xapian::MSetIterator m = mset.begin(); m != mset.end(); ++m)
            all_hits(db, mset, m, q, o, seen, r.hits);
        exhausted = mset.size() < step;
        if (exhausted || o.facets || seen >= want)
            return mset;
        start += step;
        mset = enq.get_mset(start, step);
    }
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
    std::unique_ptr<arkiv_results_t> r(new arkiv_results_t);
    Xapian::MSet mset;
    bool whole;
    unsigned listed = 0;
    bool exhausted = false;
    if (o.collapse) {
        /* Each document is its own meeting, so nothing is collapsed; but
         * without a collapse key Xapian 1.4's remote shards scale the
         * percentages of a date-sorted match differently from a local
         * database (tests/test_shards.sh), and with one they agree. It
         * also keeps an older index's item documents to one hit per
         * meeting. */
        enq.set_collapse_key(ARKIV_SLOT_MEETING);
        Xapian::doccount bound = check_bound(enq, xdb, o);
        mset = get_mset(enq, o, bound, spies);
        whole = o.facets && saw_whole_match(xdb, bound, spies);
        for (Xapian::MSetIterator m = mset.begin(); m != mset.end(); ++m) {
            hit_row h;
            if (best_hit(db, mset, m, q, o, h))
                r->hits.push_back(h);
        }
    } else {
        mset = list_all(db, enq, q, o, spies, *r, listed, exhausted);
        whole = o.facets;
    }
    arkiv_facet_counts counts;
    if (o.facets && spies.keyed)
        arkiv_count_facet_keys(spies.key_spy, counts);
    else if (o.facets)
        spies.old_spy.result(counts);
    set_total(*r, mset, o, whole, counts);
    if (!o.collapse) {
        /* Every match listed: the total is exact; else at least those. */
        r->total = exhausted || o.facets ? listed : std::max<unsigned>(listed, r->total);
        r->total_exact = exhausted || o.facets;
    }
    r->facets_exact = whole;
    if (o.facets)
        collect_facets(*r, db, counts, o.facet_limit);
    if (r->hits.empty() && r->total == 0)
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
    hit->item = h.item;
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
