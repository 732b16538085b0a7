/* facetspy.cc — facet counts for an index written before the facet key
 * (ARKIV_SLOT_FACETS, facets.cc) existed.
 *
 * Xapian's ValueCountMatchSpy counts documents and one value per slot.
 * arkiv needs more: a meeting and its agenda items are separate documents
 * (all carrying the meeting's council, year and kind), a facet slot holds
 * several values (a joint meeting has two councils), and a match spy sees
 * every matching document before collapsing. So each (value, meeting)
 * pair is counted once, keyed by the meeting id in ARKIV_SLOT_MEETING.
 * A class of ours cannot run on a remote shard (xapian-tcpsrv does not
 * know it), which is why new indexes carry the facet key instead. */
#include "arkiv-private.h"

arkiv_facet_spy::arkiv_facet_spy()
{
    size_t n;
    arkiv_facet_defs(&n);
    counts.counts.resize(n);
    seen.resize(n);
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
    size_t n;
    const arkiv_facet_def *defs = arkiv_facet_defs(&n);
    for (size_t i = 0; i < n; i++)
        for (const std::string &value : arkiv_facet_split(doc.get_value(defs[i].slot)))
            if (seen[i].emplace(value, meeting).second)
                counts.counts[i][value]++;
}

void arkiv_facet_spy::result(arkiv_facet_counts &out) const
{
    out = counts;
    out.meetings = meetings_seen.size();
}
