/* facets.cc — facet counts that count meetings, not documents, with a
 * match spy that also runs on remote shards.
 *
 * A meeting and its agenda items are separate documents (all carrying the
 * meeting's council, year and kind; people only on the meeting), a facet
 * slot holds several values (a joint meeting has two councils), and a
 * match spy sees every matching document before collapsing. Each document
 * therefore stores a facet key: its meeting id followed by its facet
 * values. Xapian's own ValueCountMatchSpy counts the distinct keys of the
 * whole match (on each shard, merged by Xapian), and the keys are then
 * read here: every (value, meeting) pair counts once. */
#include "arkiv-private.h"

#include <algorithm>
#include <string_view>

static const arkiv_facet_def facet_defs[] = {{"council", ARKIV_SLOT_COUNCIL, 100},
                                             {"year", ARKIV_SLOT_YEAR, 100},
                                             {"kind", ARKIV_SLOT_KIND, 100},
                                             {"person", ARKIV_SLOT_PERSON, 20}};

const arkiv_facet_def *arkiv_facet_defs(size_t *n_out)
{
    *n_out = sizeof facet_defs / sizeof facet_defs[0];
    return facet_defs;
}

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

std::string arkiv_facet_key(const Xapian::Document &doc, const std::string &meeting)
{
    std::string key = meeting;
    for (const arkiv_facet_def &f : facet_defs) {
        key += '\0';
        key += doc.get_value(f.slot);
    }
    return key;
}

/* One meeting's values per facet, each once: a meeting has one key in a
 * current index, several (its items') in an older one. A few values per
 * facet, so a vector searched in order beats a set. */
typedef std::vector<std::vector<std::string>> meeting_values;

static void add_values(std::string_view field, std::vector<std::string> &to)
{
    while (!field.empty()) {
        size_t end = field.find(ARKIV_FACET_SEP);
        std::string_view v = field.substr(0, end);
        if (!v.empty() && std::find(to.begin(), to.end(), v) == to.end())
            to.emplace_back(v);
        if (end == std::string_view::npos)
            break;
        field.remove_prefix(end + 1);
    }
}

void arkiv_count_facet_keys(const Xapian::ValueCountMatchSpy &spy, arkiv_facet_counts &out)
{
    const size_t n = sizeof facet_defs / sizeof facet_defs[0];
    out.counts.assign(n, {});
    out.meetings = 0;
    /* Keys come in byte order, and a meeting's keys all begin with its id
     * and a NUL, the lowest byte: they are neighbours, so each meeting's
     * values can be gathered alone. */
    std::string current;
    meeting_values values(n);
    auto flush = [&]() {
        for (size_t i = 0; i < n; i++) {
            for (const std::string &v : values[i])
                out.counts[i][v]++;
            values[i].clear();
        }
    };
    for (Xapian::TermIterator k = spy.values_begin(); k != spy.values_end(); ++k) {
        const std::string key = *k;
        size_t nul = key.find('\0');
        if (nul == std::string::npos)
            continue;
        std::string_view meeting(key.data(), nul);
        if (out.meetings == 0 || meeting != current) {
            flush();
            current.assign(meeting);
            out.meetings++;
        }
        std::string_view rest(key);
        rest.remove_prefix(nul + 1);
        for (size_t i = 0; i < n; i++) {
            size_t end = rest.find('\0');
            add_values(rest.substr(0, end), values[i]);
            if (end == std::string_view::npos)
                break;
            rest.remove_prefix(end + 1);
        }
    }
    flush();
}

std::vector<arkiv_facet_counts::row> arkiv_facet_counts::top(size_t i, size_t limit) const
{
    std::vector<row> rows;
    if (i < counts.size())
        for (const auto &c : counts[i])
            rows.push_back(row{c.first, c.second});
    auto before = [](const row &a, const row &b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    };
    if (rows.size() > limit) {
        std::partial_sort(rows.begin(), rows.begin() + limit, rows.end(), before);
        rows.resize(limit);
    } else {
        std::sort(rows.begin(), rows.end(), before);
    }
    return rows;
}
