/* items.cc — agenda items inside their meeting's document: where each
 * lies, and which of them a query matches.
 *
 * A file is one Xapian document. Its agenda items are spans of its term
 * positions (body and decision) and of its text, stored in one value
 * slot; Xapian finds meetings, and for the meetings shown the query is
 * evaluated again over each item's span. Storing each item as a document
 * of its own repeated the meeting's words and made the writer five times
 * slower (bench/RESULTS.md, "The layout, measured"). */
#include "items-private.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

std::string arkiv_items_encode(const std::vector<arkiv_item_span> &items)
{
    std::string out;
    for (const arkiv_item_span &it : items) {
        if (!out.empty())
            out += '\n';
        out += std::to_string(it.p0) + ' ' + std::to_string(it.p1) + ' ' + std::to_string(it.h) +
               ' ' + std::to_string(it.d0) + ' ' + std::to_string(it.d1) + ' ' +
               std::to_string(it.t0) + ' ' + std::to_string(it.t1) + ' ' + it.number;
    }
    return out;
}

/* Seven numbers and the rest of the line; false when the line is not
 * that. */
static bool decode_line(const std::string &line, arkiv_item_span &it)
{
    unsigned long long v[7];
    const char *s = line.c_str();
    for (unsigned long long &x : v) {
        char *end;
        if (*s < '0' || *s > '9')
            return false;
        x = strtoull(s, &end, 10);
        if (*end != ' ')
            return false;
        s = end + 1;
    }
    it.p0 = (Xapian::termpos)v[0];
    it.p1 = (Xapian::termpos)v[1];
    it.h = (Xapian::termpos)v[2];
    it.d0 = (Xapian::termpos)v[3];
    it.d1 = (Xapian::termpos)v[4];
    it.t0 = (size_t)v[5];
    it.t1 = (size_t)v[6];
    it.number = s;
    return true;
}

std::vector<arkiv_item_span> arkiv_items_decode(const std::string &value)
{
    std::vector<arkiv_item_span> items;
    size_t at = 0;
    while (at < value.size()) {
        size_t nl = value.find('\n', at);
        std::string line = value.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
        arkiv_item_span it;
        if (!decode_line(line, it))
            break;
        items.push_back(it);
        if (nl == std::string::npos)
            break;
        at = nl + 1;
    }
    return items;
}

namespace
{

/* What a query term is about. Words of the body, the title ("S") and the
 * decision ("XD") have positions; their stems ("Z…") stand for the words
 * that stem to them; every other prefix is a boolean filter. */
enum class term_kind { body, title, decision, filter };

struct term_class {
    term_kind kind = term_kind::filter;
    bool stem = false;
    std::string prefix; /* word prefix ("", "S", "XD"); a filter's prefix */
    std::string word;   /* without the prefix (and the Z) */
};

bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

term_class classify(const std::string &term)
{
    term_class c;
    size_t i = 0;
    if (term.size() > 1 && term[0] == 'Z') {
        c.stem = true;
        i = 1;
    }
    if (term.compare(i, 2, "XD") == 0 && i + 2 < term.size() && !is_upper(term[i + 2])) {
        c.kind = term_kind::decision;
        c.prefix = "XD";
    } else if (term.compare(i, 1, "S") == 0 && i + 1 < term.size() && !is_upper(term[i + 1])) {
        c.kind = term_kind::title;
        c.prefix = "S";
    } else if (i < term.size() && !is_upper(term[i])) {
        c.kind = term_kind::body;
    } else {
        size_t j = i;
        while (j < term.size() && is_upper(term[j]))
            j++;
        c.kind = term_kind::filter;
        c.stem = false;
        c.prefix = term.substr(0, j);
        c.word = term.substr(j);
        return c;
    }
    c.word = term.substr(i + c.prefix.size());
    return c;
}

/* Filters that belong to the meeting and not to its items (an item
 * document of older indexes never had them either). */
bool meeting_only_filter(const std::string &prefix)
{
    static const char *const only[] = {"Q", "XP", "XN", "XNP", "XNA", "XR", "XO", "XF", "XJ"};
    for (const char *p : only)
        if (prefix == p)
            return true;
    return false;
}

/* Where a query is evaluated: the whole meeting, or one item. */
struct scope {
    const arkiv_item_span *item = nullptr; /* nullptr: the meeting */
};

/* A query word in an item's heading counts this many times over when
 * items are ranked: "Sak 17/24 Prosjekt HARMONI" is about HARMONI more
 * than an item that mentions it once. */
const double heading_weight = 3;

class evaluator
{
  public:
    evaluator(Xapian::Database &xdb, Xapian::docid did, const Xapian::Stem &stemmer)
        : xdb_(xdb), did_(did), stemmer_(stemmer)
    {
    }

    bool eval(const Xapian::Query &q, const scope &s);
    /* Occurrences of positive query words in the scope, weighted by
     * rarity; and the earliest of them. */
    double score(const std::vector<std::string> &terms, const scope &s, Xapian::termpos &first);

  private:
    bool has_term(const std::string &term);
    const std::vector<Xapian::termpos> &positions(const std::string &term);
    void range(const term_class &c, const scope &s, Xapian::termpos &lo, Xapian::termpos &hi);
    bool leaf(const std::string &term, const scope &s);
    bool positional(const Xapian::Query &q, const scope &s);
    std::vector<Xapian::termpos> in_scope(const std::string &term, const scope &s);

    const std::vector<std::string> &terms();
    double termfreq(const std::string &term);

    Xapian::Database &xdb_;
    Xapian::docid did_;
    const Xapian::Stem &stemmer_;
    /* The document's terms in byte order, read once: each look-up by a
     * term iterator of its own would read and unpack the list again. */
    std::vector<std::string> terms_;
    bool have_terms_ = false;
    std::map<std::string, std::vector<Xapian::termpos>> pos_;
    std::map<std::string, double> freq_;
};

const std::vector<std::string> &evaluator::terms()
{
    if (!have_terms_) {
        for (Xapian::TermIterator t = xdb_.termlist_begin(did_); t != xdb_.termlist_end(did_); ++t)
            terms_.push_back(*t);
        have_terms_ = true;
    }
    return terms_;
}

double evaluator::termfreq(const std::string &term)
{
    auto found = freq_.find(term);
    if (found != freq_.end())
        return found->second;
    return freq_[term] = (double)xdb_.get_termfreq(term);
}

bool evaluator::has_term(const std::string &term)
{
    const std::vector<std::string> &all = terms();
    return std::binary_search(all.begin(), all.end(), term);
}

/* A word's positions; a stem's are those of the document's words that
 * stem to it: Norwegian stems are prefixes of their words, so one pass
 * over the words that start with the stem finds them. */
const std::vector<Xapian::termpos> &evaluator::positions(const std::string &term)
{
    auto found = pos_.find(term);
    if (found != pos_.end())
        return found->second;
    std::vector<Xapian::termpos> &out = pos_[term];
    term_class c = classify(term);
    std::vector<std::string> words;
    if (!c.stem) {
        words.push_back(term);
    } else {
        std::string start = c.prefix + c.word;
        const std::vector<std::string> &all = terms();
        for (auto w = std::lower_bound(all.begin(), all.end(), start);
             w != all.end() && w->compare(0, start.size(), start) == 0; ++w) {
            std::string word = w->substr(c.prefix.size());
            if (!word.empty() && !is_upper(word[0]) && stemmer_(word) == c.word)
                words.push_back(*w);
        }
    }
    for (const std::string &w : words)
        for (Xapian::PositionIterator p = xdb_.positionlist_begin(did_, w);
             p != xdb_.positionlist_end(did_, w); ++p)
            out.push_back(*p);
    std::sort(out.begin(), out.end());
    return out;
}

/* The positions a word of this kind may have in the scope: [lo, hi]. */
void evaluator::range(const term_class &c, const scope &s, Xapian::termpos &lo, Xapian::termpos &hi)
{
    lo = 1;
    hi = (Xapian::termpos)-1;
    if (!s.item)
        return;
    const arkiv_item_span &it = *s.item;
    if (c.kind == term_kind::decision) {
        lo = it.d0, hi = it.d1;
    } else {
        lo = it.p0, hi = it.p1;
        if (c.kind == term_kind::title && it.p0)
            hi = std::min(it.p1, std::max(it.h, it.p0));
    }
    if (lo == 0)
        hi = 0; /* nothing of this kind in the item */
}

std::vector<Xapian::termpos> evaluator::in_scope(const std::string &term, const scope &s)
{
    term_class c = classify(term);
    Xapian::termpos lo, hi;
    range(c, s, lo, hi);
    /* An item's title is its heading, indexed as body text: a title:
     * word of an item is the body word in the heading. */
    std::string looked_up = term;
    if (s.item && c.kind == term_kind::title)
        looked_up = (c.stem ? "Z" : "") + c.word;
    const std::vector<Xapian::termpos> &all = positions(looked_up);
    std::vector<Xapian::termpos> out;
    if (hi == 0)
        return out;
    for (auto p = std::lower_bound(all.begin(), all.end(), lo); p != all.end() && *p <= hi; ++p)
        out.push_back(*p);
    return out;
}

bool evaluator::leaf(const std::string &term, const scope &s)
{
    term_class c = classify(term);
    const arkiv_field_def &level = *arkiv_field_lookup(ARKIV_FIELD_LEVEL);
    if (term == arkiv_boolean_term(level, "item"))
        return s.item != nullptr;
    if (term == arkiv_boolean_term(level, "meeting"))
        return s.item == nullptr;
    if (!s.item)
        return has_term(term);
    if (c.kind != term_kind::filter)
        return !in_scope(term, s).empty();
    if (meeting_only_filter(c.prefix))
        return false;
    const arkiv_field_def &cs = *arkiv_field_lookup(ARKIV_FIELD_CASE);
    if (c.prefix == cs.prefix) {
        /* "XS09/24" or "XS<council> 09/24": the meeting holds the council's
         * form of each of its numbers. */
        const std::string &n = s.item->number;
        if (n.empty())
            return false;
        std::string alone = arkiv_boolean_term(cs, n), tail = " " + alone.substr(c.prefix.size());
        return term == alone ||
               (term.size() > tail.size() &&
                term.compare(term.size() - tail.size(), tail.size(), tail) == 0 && has_term(term));
    }
    return has_term(term);
}

/* The window a phrase or NEAR was parsed with: Xapian 1.4 shows it only
 * in the description ("(a PHRASE 2 b)"); 0 when not found. */
Xapian::termcount window_of(const Xapian::Query &q)
{
    std::string d = q.get_description();
    for (const char *op : {" PHRASE ", " NEAR "}) {
        size_t at = d.find(op);
        if (at != std::string::npos)
            return (Xapian::termcount)strtoul(d.c_str() + at + strlen(op), nullptr, 10);
    }
    return 0;
}

bool evaluator::positional(const Xapian::Query &q, const scope &s)
{
    size_t n = q.get_num_subqueries();
    std::vector<std::vector<Xapian::termpos>> pos(n);
    for (size_t i = 0; i < n; i++) {
        Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM)
            return eval(sub, s); /* not words: only whether each part is there */
        pos[i] = in_scope(*sub.get_terms_begin(), s);
        if (pos[i].empty())
            return false;
    }
    Xapian::termpos w = std::max<Xapian::termpos>(window_of(q), (Xapian::termpos)n);
    bool ordered = q.get_type() == Xapian::Query::OP_PHRASE;
    for (size_t k = 0; k < n; k++) {
        if (ordered && k > 0)
            break;
        for (Xapian::termpos start : pos[k]) {
            /* A window [start, start + w - 1] holding every word, in order
             * for a phrase (each after the one before). */
            Xapian::termpos cur = start, end = start + w - 1;
            bool ok = true;
            for (size_t i = 0; ok && i < n; i++) {
                if (ordered && i == 0)
                    continue;
                Xapian::termpos from = ordered ? cur + 1 : start;
                auto p = std::lower_bound(pos[i].begin(), pos[i].end(), from);
                ok = p != pos[i].end() && *p <= end;
                if (ok && ordered)
                    cur = *p;
            }
            if (ok)
                return true;
        }
    }
    return false;
}

bool evaluator::eval(const Xapian::Query &q, const scope &s)
{
    size_t n = q.get_num_subqueries();
    switch (q.get_type()) {
    case Xapian::Query::LEAF_TERM:
        return leaf(*q.get_terms_begin(), s);
    case Xapian::Query::LEAF_MATCH_NOTHING:
        return false;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
        for (size_t i = 0; i < n; i++)
            if (!eval(q.get_subquery(i), s))
                return false;
        return true;
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_ELITE_SET:
    case Xapian::Query::OP_MAX:
        for (size_t i = 0; i < n; i++)
            if (eval(q.get_subquery(i), s))
                return true;
        return false;
    case Xapian::Query::OP_XOR: {
        bool odd = false;
        for (size_t i = 0; i < n; i++)
            odd ^= eval(q.get_subquery(i), s);
        return odd;
    }
    case Xapian::Query::OP_AND_NOT:
        if (n == 0 || !eval(q.get_subquery(0), s))
            return false;
        for (size_t i = 1; i < n; i++)
            if (eval(q.get_subquery(i), s))
                return false;
        return true;
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
        return n == 0 || eval(q.get_subquery(0), s);
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR:
        return positional(q, s);
    default:
        /* Everything else is about the meeting's values (date ranges)
         * or matches all: true of the meeting and each of its items. */
        return true;
    }
}

double evaluator::score(const std::vector<std::string> &terms, const scope &s,
                        Xapian::termpos &first)
{
    double total = 0, docs = (double)xdb_.get_doccount();
    first = 0;
    const std::string case_prefix = arkiv_field_lookup(ARKIV_FIELD_CASE)->prefix;
    for (const std::string &t : terms) {
        term_class tc = classify(t);
        if (tc.kind == term_kind::filter) {
            /* A case number is the item's own: it counts; filters the
             * item shares with its meeting do not. */
            if (s.item && tc.prefix == case_prefix && leaf(t, s))
                total += 1;
            continue;
        }
        std::vector<Xapian::termpos> p = in_scope(t, s);
        if (p.empty())
            continue;
        double c = 0;
        for (Xapian::termpos x : p)
            c += s.item && s.item->p0 && x <= s.item->h ? heading_weight : 1;
        total += std::log(1.0 + docs / (1.0 + termfreq(t))) * c / (c + 1.2);
        if (first == 0 || p.front() < first)
            first = p.front();
    }
    return total;
}

/* The words of the query that count for a match: not those under NOT. */
void positive_terms(const Xapian::Query &q, std::vector<std::string> &out)
{
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        std::string t = *q.get_terms_begin();
        if (std::find(out.begin(), out.end(), t) == out.end())
            out.push_back(t);
        return;
    }
    size_t n = q.get_num_subqueries();
    if (q.get_type() == Xapian::Query::OP_AND_NOT)
        n = std::min<size_t>(n, 1);
    for (size_t i = 0; i < n; i++)
        positive_terms(q.get_subquery(i), out);
}

} // namespace

bool arkiv_query_has_words(const Xapian::Query &query)
{
    std::vector<std::string> terms;
    positive_terms(query, terms);
    for (const std::string &t : terms)
        if (classify(t).kind != term_kind::filter)
            return true;
    return false;
}

arkiv_doc_matches arkiv_match_items(Xapian::Database &xdb, Xapian::docid did,
                                    const Xapian::Document &doc, const Xapian::Query &query,
                                    const Xapian::Stem &stemmer)
{
    arkiv_doc_matches m;
    evaluator ev(xdb, did, stemmer);
    std::vector<std::string> terms;
    positive_terms(query, terms);
    scope whole;
    m.meeting = ev.eval(query, whole);
    ev.score(terms, whole, m.first);
    std::vector<arkiv_item_span> items = arkiv_items_decode(doc.get_value(ARKIV_SLOT_ITEMS));
    for (size_t i = 0; i < items.size(); i++) {
        scope s;
        s.item = &items[i];
        if (!ev.eval(query, s))
            continue;
        arkiv_item_match im;
        im.n = (unsigned)(i + 1);
        im.score = ev.score(terms, s, im.first);
        if (im.first == 0)
            im.first = items[i].p0;
        m.items.push_back(im);
    }
    return m;
}
