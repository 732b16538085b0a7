/* facetspy.cc — facet counts that count meetings, not documents.
 *
 * Xapian's ValueCountMatchSpy counts documents and one value per slot.
 * arkiv needs more: a meeting and its agenda items are separate documents
 * (all carrying the meeting's council, year and kind), a facet slot holds
 * several values (a joint meeting has two councils), and a match spy sees
 * every matching document before collapsing. So each (value, meeting)
 * pair is counted once, keyed by the meeting id in ARKIV_SLOT_MEETING. */
#include "arkiv-private.h"

#include <algorithm>

std::vector<std::string> arkiv_facet_split(const std::string &joined)
{
    std::vector<std::string> values;
    size_t start = 0;
    while (start < joined.size()) {
        size_t end = joined.find(ARKIV_FACET_SEP, start);
        if (end == std::string::npos)
            end = joined.size();
        if (end > start)
            values.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return values;
}

void arkiv_facet_spy::add_facet(const std::string &name, Xapian::valueno slot)
{
    facets.push_back(facet{name, slot, {}, {}});
}

/* Documents from before items existed have no meeting slot: each is its
 * own meeting. */
static std::string meeting_of(const Xapian::Document &doc)
{
    std::string meeting = doc.get_value(ARKIV_SLOT_MEETING);
    if (meeting.empty())
        meeting = doc.get_value(ARKIV_SLOT_ID);
    if (meeting.empty())
        meeting = "#" + std::to_string(doc.get_docid());
    return meeting;
}

void arkiv_facet_spy::operator()(const Xapian::Document &doc, double)
{
    std::string meeting = meeting_of(doc);
    meetings_seen.insert(meeting);
    for (facet &f : facets) {
        for (const std::string &value : arkiv_facet_split(doc.get_value(f.slot)))
            if (f.seen.emplace(value, meeting).second)
                f.counts[value]++;
    }
}

std::vector<arkiv_facet_spy::row> arkiv_facet_spy::top(const std::string &name, size_t limit) const
{
    std::vector<row> rows;
    for (const facet &f : facets)
        if (f.name == name)
            for (const auto &c : f.counts)
                rows.push_back(row{c.first, c.second});
    /* counts is a std::map, so rows arrive in byte order and a stable
     * sort keeps ties that way. */
    std::stable_sort(rows.begin(), rows.end(),
                     [](const row &a, const row &b) { return a.count > b.count; });
    if (rows.size() > limit)
        rows.resize(limit);
    return rows;
}
