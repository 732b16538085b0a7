/* arkiv-private.h — shared internals of libarkiv (C++). Never installed. */
#ifndef ARKIV_PRIVATE_H
#define ARKIV_PRIVATE_H

#include "arkiv.h"

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <vector>

/* Value slots. Kept here and in docs/schema.md; never renumber. */
enum arkiv_slot {
    ARKIV_SLOT_DATE = 0,        /* YYYYMMDD */
    ARKIV_SLOT_YEAR = 1,        /* YYYY, facet "year" */
    ARKIV_SLOT_KIND = 2,        /* facet "kind" */
    ARKIV_SLOT_COUNCIL = 3,     /* facet "council" */
    ARKIV_SLOT_ID = 4,          /* stable id */
    ARKIV_SLOT_PATH = 5,        /* absolute path; only on file documents */
    ARKIV_SLOT_SIZE = 6,        /* decimal */
    ARKIV_SLOT_MTIME = 7,       /* decimal seconds */
    ARKIV_SLOT_HASH = 8,        /* hex content hash */
    ARKIV_SLOT_TEXT = 9,        /* body text, for snippets */
    ARKIV_SLOT_FAILURE = 10,    /* unused since failures moved to user metadata */
    ARKIV_SLOT_PAGES = 11,      /* term position where each page starts: "1,530,1042" */
    ARKIV_SLOT_MEETING = 12,    /* collapse key: the meeting's id (its own for a meeting) */
    ARKIV_SLOT_FIRST_PAGE = 13, /* decimal page number of the first body page, when not 1 */
    ARKIV_SLOT_PERSON = 14      /* facet "person": identity keys */
};

/* Facet slots hold every value given for their field, joined by this
 * byte: a control character never found in names, years or kinds. */
#define ARKIV_FACET_SEP '\x1f'

#define ARKIV_NO_SLOT ((Xapian::valueno)-1)

enum arkiv_field_type { ARKIV_FREE_TEXT, ARKIV_BOOLEAN };

/* One row of the single prefix table (prefixes.cc). */
struct arkiv_field_def {
    arkiv_field_t field;
    const char *name;   /* query-language name, e.g. "council" */
    const char *prefix; /* Xapian term prefix */
    arkiv_field_type type;
    bool fold_case; /* boolean values are lowercased */
    bool also_body; /* free text: words also indexed unprefixed (title yes; decision
                       no, its words are in the body already) */
    Xapian::valueno facet_slot;
};

const arkiv_field_def *arkiv_field_lookup(arkiv_field_t field);
const arkiv_field_def *arkiv_field_table(size_t *n_out);

/* Prefix for the id term (Omega's Q) and for the parent link of items. */
#define ARKIV_PREFIX_ID "Q"
#define ARKIV_PREFIX_PARENT "XP"

/* terms.cc: a boolean term for `value` in field `def`, normalised and cut
 * to Xapian's term length limit the same way at index and query time. */
std::string arkiv_boolean_term(const arkiv_field_def &def, const std::string &value);
std::string arkiv_id_term(const std::string &id);
std::string arkiv_fit_term(const std::string &term);
/* Trim, collapse inner whitespace to one space. */
std::string arkiv_collapse_space(const std::string &value);
/* The same, then lowercase (UTF-8 aware): keys of council and person
 * names in user metadata. */
std::string arkiv_fold(const std::string &value);
/* A boolean value as its term holds it, without the prefix. */
std::string arkiv_normalise_value(const arkiv_field_def &def, const std::string &value);

/* people.cc: writes people_pending into user metadata. */
void arkiv_flush_people(arkiv_db_t *db);
/* The identity key for a written form of a person; false when unknown. */
bool arkiv_person_key(Xapian::Database &xdb, const std::string &name, std::string &key);
/* The canonical name of a person; the key itself when unknown. */
std::string arkiv_person_label(Xapian::Database &xdb, const std::string &key);

/* councils.cc: the canonical name of a council for any of its names;
 * false when unknown. */
bool arkiv_council_lookup(arkiv_db_t *db, const std::string &name, std::string &canonical);
/* Writes the council names added since the last commit. */
void arkiv_flush_councils(arkiv_db_t *db);
/* Free-text expansion: when the document holds all words of one name of
 * a council, index the words of its other names (arkiv.h). */
void arkiv_expand_councils(arkiv_db_t *db, Xapian::Document &doc, Xapian::TermGenerator &tg);

/* facetspy.cc: the values in a facet slot. */
std::vector<std::string> arkiv_facet_split(const std::string &joined);

/* facetspy.cc: facet counts over the whole match, each meeting counted
 * once per value however many of its documents (meeting, items) match.
 * Xapian shows a match spy every matching document before collapsing. */
class arkiv_facet_spy : public Xapian::MatchSpy
{
  public:
    struct row {
        std::string value;
        unsigned count;
    };
    void add_facet(const std::string &name, Xapian::valueno slot);
    void operator()(const Xapian::Document &doc, double wt) override;
    /* The `limit` most frequent values, ties in byte order. */
    std::vector<row> top(const std::string &name, size_t limit) const;
    /* Distinct meetings seen. */
    size_t meetings() const
    {
        return meetings_seen.size();
    }

  private:
    struct facet {
        std::string name;
        Xapian::valueno slot;
        std::map<std::string, unsigned> counts;
        std::set<std::pair<std::string, std::string>> seen; /* (value, meeting) */
    };
    std::vector<facet> facets;
    std::set<std::string> meetings_seen;
};

/* stopwords (generated from data/stopwords.txt) */
extern const char *const arkiv_stopwords[];

/* The Norwegian stemmer and stopper, shared by indexing and parsing. */
Xapian::Stem arkiv_stemmer();
Xapian::Stopper *arkiv_new_stopper();

/* files.cc: one file the incremental indexer knows. */
struct file_row {
    std::string id, path, hash, failure;
    uint64_t size = 0;
    int64_t mtime = 0;
    bool failed = false;
};
/* User-metadata key remembering a failed file (files.cc). */
std::string arkiv_failed_key(const std::string &id);
void arkiv_forget_failure(Xapian::WritableDatabase &wdb, const std::string &id);
void arkiv_list_failures(Xapian::Database &xdb, std::vector<file_row> &rows);
bool arkiv_find_failure(Xapian::Database &xdb, const std::string &id, std::vector<file_row> &rows);

/* One name of a council as the TermGenerator splits it (councils.cc). */
struct council_name_words {
    std::string canonical;
    std::string name;
    std::vector<std::string> words; /* unstemmed, lowercase, sorted */
    bool names_council;             /* not stopwords only ("ER" is also "er") */
};

struct arkiv_db {
    std::string path;
    std::string error;
    bool writable = false;
    Xapian::Database *rdb = nullptr;         /* read-only handle */
    Xapian::WritableDatabase *wdb = nullptr; /* writable handle */
    /* Person forms added since the last commit (people.cc): merged into
     * user metadata once per person per commit, not once per document. */
    std::map<std::string, std::set<std::string>> people_pending;
    /* Council names (councils.cc): added since the last commit, folded
     * name -> canonical; and, for expansion, every council known to a
     * writable handle, loaded from user metadata on first use. */
    std::map<std::string, std::string> councils_pending;
    bool councils_loaded = false;
    bool council_words_stale = true;
    std::map<std::string, std::set<std::string>> council_names; /* canonical -> folded names */
    std::vector<council_name_words> council_words;              /* per name, see councils.cc */
    std::vector<std::string> council_vocabulary;                /* sorted words of all names */
    Xapian::Database &db()
    {
        return wdb ? *wdb : *rdb;
    }
};

/* Map the exception being handled to a status and a detail message. Call
 * only from inside a catch block. */
arkiv_status_t arkiv_map_exception(std::string &detail) noexcept;

/* Entry-point guard: every C function body runs inside this so no
 * exception reaches C. */
#define ARKIV_GUARD(errstr, ...)                                                                   \
    try {                                                                                          \
        __VA_ARGS__                                                                                \
    } catch (...) {                                                                                \
        return arkiv_map_exception(errstr);                                                        \
    }

#endif /* ARKIV_PRIVATE_H */
