/* items-private.h — agenda items inside their meeting's document: where
 * each lies (stored in ARKIV_SLOT_ITEMS) and which of them a query
 * matches (items.cc). Never installed. */
#ifndef ARKIV_ITEMS_PRIVATE_H
#define ARKIV_ITEMS_PRIVATE_H

#include "arkiv-private.h"

/* One agenda item: its body words are at term positions [p0, p1], those
 * of its heading (the first line) at [p0, h], its decision's words at
 * [d0, d1] (0, 0: none), its text is bytes [t0, t1) of the snippet text
 * (ARKIV_SLOT_TEXT). */
struct arkiv_item_span {
    Xapian::termpos p0 = 0, p1 = 0, h = 0, d0 = 0, d1 = 0;
    size_t t0 = 0, t1 = 0;
    std::string number; /* case number ("09/24"); "" for a point without one */
};

std::string arkiv_items_encode(const std::vector<arkiv_item_span> &items);
/* Garbled input gives the items read before it. */
std::vector<arkiv_item_span> arkiv_items_decode(const std::string &value);

/* One agenda item that a query matches inside its meeting's document. */
struct arkiv_item_match {
    unsigned n = 0;            /* 1-based */
    double score = 0;          /* higher is better, only compared within a meeting; 0 when
                                  only what the item shares with its meeting matched */
    Xapian::termpos first = 0; /* earliest position of a query word in the item */
};

/* What a query matches in one document found by Xapian: the meeting by
 * itself (level:item false) and each of its agenda items (the item's
 * words, decision and case number, the meeting's council, kind, place,
 * year and file; no people, references or projects: those belong to the
 * meeting). */
struct arkiv_doc_matches {
    bool meeting = false;
    std::vector<arkiv_item_match> items; /* text order */
    Xapian::termpos first = 0;           /* earliest position of a query word */
};

/* Whether the query has a word that may be found in a text (a snippet
 * can then show it): false for filters only, or the empty query. */
bool arkiv_query_has_words(const Xapian::Query &query);

arkiv_doc_matches arkiv_match_items(Xapian::Database &xdb, Xapian::docid did,
                                    const Xapian::Document &doc, const Xapian::Query &query,
                                    const Xapian::Stem &stemmer);

#endif
