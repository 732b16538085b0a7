/* councils.cc — the names of each council (acronyms, aliases, other
 * languages), kept in user metadata "council:" + folded name = canonical.
 * The query parser maps any name to the canonical one; at write time a
 * document that spells out one name also gets the words of the others, so
 * free text "ASU" finds "Administrativt samarbeidsutvalg" and back. Names
 * are gathered in memory and written at commit, like the documents. */
#include "arkiv-private.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

static const std::string council_key_prefix = "council:";

static std::string council_key(const std::string &folded)
{
    return arkiv_fit_term(council_key_prefix + folded);
}

bool arkiv_council_lookup(arkiv_db_t *db, const std::string &name, std::string &canonical)
{
    std::string folded = arkiv_fold(name);
    if (folded.empty())
        return false;
    auto it = db->councils_pending.find(folded);
    if (it != db->councils_pending.end()) {
        canonical = it->second;
        return true;
    }
    std::string v = db->get_metadata(council_key(folded));
    if (v.empty())
        return false;
    canonical = v;
    return true;
}

/* The councils already in the index, once per writable handle: the
 * expansion must know them all, not just those added in this run. */
static void load_councils(arkiv_db_t *db)
{
    if (db->councils_loaded)
        return;
    /* Writable handles only, whose lexicon always answers. */
    Xapian::Database &xdb = *db->metadata_db();
    for (Xapian::TermIterator k = xdb.metadata_keys_begin(council_key_prefix);
         k != xdb.metadata_keys_end(council_key_prefix); ++k) {
        std::string canonical = xdb.get_metadata(*k);
        if (!canonical.empty())
            db->council_names[canonical].insert((*k).substr(council_key_prefix.size()));
    }
    db->councils_loaded = true;
    db->council_words_stale = true;
}

/* A name moved to another council (the gazetteer changed) leaves the
 * old one, so the expansion follows the latest word. */
static void forget_name(arkiv_db_t *db, const std::string &folded, const std::string &canon)
{
    for (auto &council : db->council_names)
        if (council.first != canon && council.second.erase(folded))
            db->council_words_stale = true;
}

extern "C" arkiv_status_t arkiv_db_add_council_name(arkiv_db_t *db, const char *canonical,
                                                    const char *name)
{
    if (!db || !db->wdb || !canonical || !name)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        std::string canon = arkiv_collapse_space(canonical), folded = arkiv_fold(name);
        if (canon.empty() || folded.empty())
            return ARKIV_STATUS_INVALID_ARGUMENT;
        load_councils(db);
        db->councils_pending[folded] = canon;
        forget_name(db, folded, canon);
        if (db->council_names[canon].insert(folded).second)
            db->council_words_stale = true;
        return ARKIV_STATUS_OK;
    })
}

void arkiv_flush_councils(arkiv_db_t *db)
{
    for (const auto &entry : db->councils_pending) {
        std::string key = council_key(entry.first);
        if (db->wdb->get_metadata(key) != entry.second)
            db->wdb->set_metadata(key, entry.second);
    }
    db->councils_pending.clear();
}

static char *dup(const std::string &s)
{
    char *p = static_cast<char *>(malloc(s.size() + 1));
    if (p)
        memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

extern "C" arkiv_status_t arkiv_db_council_canonical(arkiv_db_t *db, const char *name,
                                                     char **canonical_out)
{
    if (canonical_out)
        *canonical_out = nullptr;
    if (!db || !name || !canonical_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_DB_GUARD(db, {
        std::string canonical;
        if (!arkiv_council_lookup(db, name, canonical)) {
            db->error = std::string("no council named ") + name;
            return ARKIV_STATUS_NOT_FOUND;
        }
        *canonical_out = dup(canonical);
        return *canonical_out ? ARKIV_STATUS_OK : ARKIV_STATUS_NO_MEMORY;
    })
}

/* The unstemmed terms the TermGenerator makes of `name`, sorted: exactly
 * what a document that writes the name holds. */
static std::vector<std::string> name_words(const std::string &name)
{
    Xapian::Document scratch;
    Xapian::TermGenerator tg;
    tg.set_document(scratch);
    tg.index_text_without_positions(name);
    std::vector<std::string> words;
    for (Xapian::TermIterator t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t)
        words.push_back(*t);
    return words;
}

/* The terms (with wdf) a document gets when the name is indexed into it
 * without positions, as every document's text is indexed. */
static std::vector<std::pair<std::string, Xapian::termcount>> name_terms(arkiv_db_t *db,
                                                                         const std::string &name)
{
    Xapian::Document scratch;
    Xapian::TermGenerator tg;
    arkiv_setup_tg(tg, db->stemmer, db->stopper.get(), scratch);
    tg.index_text_without_positions(name);
    std::vector<std::pair<std::string, Xapian::termcount>> terms;
    for (Xapian::TermIterator t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t)
        terms.emplace_back(*t, t.get_wdf());
    return terms;
}

/* A name made only of stopwords (the acronym "ER" is the word "er")
 * would tie every document to its council: it does not count as naming
 * one, though it is still added to documents that name the council. */
static bool has_content_word(const std::vector<std::string> &words, Xapian::Stopper &stopper)
{
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string &w) { return !stopper(w); });
}

/* Split every name once per change of the list, not once per document. */
static void refresh_words(arkiv_db_t *db)
{
    if (!db->council_words_stale)
        return;
    db->council_words.clear();
    std::set<std::string> vocabulary;
    for (const auto &council : db->council_names)
        for (const std::string &name : council.second) {
            council_name_words w{council.first, name, name_words(name), false, {}, false};
            if (w.words.empty())
                continue;
            w.names_council = has_content_word(w.words, *db->stopper);
            vocabulary.insert(w.words.begin(), w.words.end());
            db->council_words.push_back(std::move(w));
        }
    db->council_vocabulary.assign(vocabulary.begin(), vocabulary.end());
    db->council_words_stale = false;
}

/* Which words of any council name the document holds, sorted: one
 * forward walk over its term list, since both are sorted. */
static std::vector<std::string> present_words(const Xapian::Document &doc,
                                              const std::vector<std::string> &vocabulary)
{
    std::vector<std::string> present;
    Xapian::TermIterator t = doc.termlist_begin(), end = doc.termlist_end();
    for (const std::string &w : vocabulary) {
        t.skip_to(w);
        if (t == end)
            break;
        if (*t == w)
            present.push_back(w);
    }
    return present;
}

static bool all_present(const council_name_words &w, const std::vector<std::string> &present)
{
    return std::all_of(w.words.begin(), w.words.end(), [&](const std::string &word) {
        return std::binary_search(present.begin(), present.end(), word);
    });
}

void arkiv_expand_councils(arkiv_db_t *db, Xapian::Document &doc)
{
    load_councils(db);
    refresh_words(db);
    if (db->council_vocabulary.empty())
        return;
    std::vector<std::string> present = present_words(doc, db->council_vocabulary);
    if (present.empty())
        return;
    std::set<std::string> named; /* councils the text spells out */
    for (const council_name_words &w : db->council_words)
        if (w.names_council && all_present(w, present))
            named.insert(w.canonical);
    /* Unpositioned: the words were not written there, so no phrase or
     * page may be built on them. */
    for (council_name_words &w : db->council_words) {
        if (!named.count(w.canonical) || all_present(w, present))
            continue;
        /* Made on first use: a run of a few files needs few of them. */
        if (!w.have_terms) {
            w.terms = name_terms(db, w.name);
            w.have_terms = true;
        }
        for (const auto &t : w.terms)
            doc.add_term(t.first, t.second);
    }
}
