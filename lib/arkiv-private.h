/* arkiv-private.h — shared internals of libarkiv (C++). Never installed. */
#ifndef ARKIV_PRIVATE_H
#define ARKIV_PRIVATE_H

#include "arkiv.h"

#include <xapian.h>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
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
    ARKIV_SLOT_MEETING = 12,    /* the meeting's id: a document's own id (older indexes:
                                   an item document's meeting) */
    ARKIV_SLOT_FIRST_PAGE = 13, /* older indexes only: an item document's first page */
    ARKIV_SLOT_PERSON = 14,     /* facet "person": identity keys */
    ARKIV_SLOT_SORT_DATE = 15,  /* date sort key: YYYYMMDD (or nothing) + ' ' + meeting id */
    ARKIV_SLOT_FACETS = 16,     /* facet key: meeting id, then the council, year, kind and
                                   person slots, each after a NUL byte (facets.cc) */
    ARKIV_SLOT_ITEMS = 17       /* where each agenda item lies in the document (items.cc) */
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

/* Prefix for the id term (Omega's Q) and for the parent link of the item
 * documents of older indexes. */
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
bool arkiv_person_key(arkiv_db_t *db, const std::string &name, std::string &key);
/* The canonical name of a person; the key itself when unknown. */
std::string arkiv_person_label(arkiv_db_t *db, const std::string &key);

/* councils.cc: the canonical name of a council for any of its names;
 * false when unknown. */
bool arkiv_council_lookup(arkiv_db_t *db, const std::string &name, std::string &canonical);
/* Writes the council names added since the last commit. */
void arkiv_flush_councils(arkiv_db_t *db);
/* Free-text expansion: when the document holds all words of one name of
 * a council, index the words of its other names (arkiv.h). */
void arkiv_expand_councils(arkiv_db_t *db, Xapian::Document &doc);
/* document.cc: how every document's text is indexed (stemming and
 * stopping), for `doc`. */
void arkiv_setup_tg(Xapian::TermGenerator &tg, const Xapian::Stem &stemmer,
                    Xapian::Stopper *stopper, Xapian::Document &doc);

/* facets.cc: the values in a facet slot. */
std::vector<std::string> arkiv_facet_split(const std::string &joined);

/* The facets: name, value slot, rows shown by default. Their order is
 * the order of the facet key (ARKIV_SLOT_FACETS). */
struct arkiv_facet_def {
    const char *name;
    Xapian::valueno slot;
    unsigned default_limit;
};
const arkiv_facet_def *arkiv_facet_defs(size_t *n_out);

/* Facet counts of a match, counting meetings: a meeting counts once per
 * value however many of its documents (meeting, items) match. */
struct arkiv_facet_counts {
    struct row {
        std::string value;
        unsigned count;
    };
    /* Per facet, value -> meetings. Hashed: a page of results counts a
     * few hundred meetings of ten values each, and only the top values
     * are ever listed (top). */
    std::vector<std::unordered_map<std::string, unsigned>> counts;
    size_t meetings = 0; /* distinct meetings seen */
    /* The `limit` most frequent values of facet i, ties in byte order. */
    std::vector<row> top(size_t i, size_t limit) const;
};

/* facets.cc: what a document stores in ARKIV_SLOT_FACETS: its meeting id,
 * then each facet slot's value, each after a NUL byte (ids and values
 * come from C strings, so they hold none). */
std::string arkiv_facet_key(const Xapian::Document &doc, const std::string &meeting);
/* The counts from a Xapian::ValueCountMatchSpy on ARKIV_SLOT_FACETS: a
 * built-in spy, so it also runs on remote shards (xapian-tcpsrv knows no
 * classes of ours), and Xapian merges the shards' counts. */
void arkiv_count_facet_keys(const Xapian::ValueCountMatchSpy &spy, arkiv_facet_counts &out);

/* facetspy.cc: the same counts for an index written before the facet key
 * existed, by a match spy of ours (local databases only). */
class arkiv_facet_spy : public Xapian::MatchSpy
{
  public:
    arkiv_facet_spy();
    void operator()(const Xapian::Document &doc, double wt) override;
    void result(arkiv_facet_counts &out) const;

  private:
    arkiv_facet_counts counts;
    std::vector<std::set<std::pair<std::string, std::string>>> seen; /* (value, meeting) */
    std::set<std::string> meetings_seen;
};

/* stopwords (generated from data/stopwords.txt) */
extern const char *const arkiv_stopwords[];

/* The Norwegian stemmer and stopper, shared by indexing and parsing;
 * each handle makes them once (arkiv_db::stemmer, stopper). The stemmer
 * keeps the stems it made (copies share them): one per thread. */
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
    /* The terms and wdf that indexing the name without positions adds to
     * a document (words and stems), made when first needed. */
    std::vector<std::pair<std::string, Xapian::termcount>> terms;
    bool have_terms;
};

/* One database of an index: the only one of a plain index, or the
 * lexicon or a shard of a sharded one, or a line of a stub file. */
struct arkiv_part {
    std::string name;        /* for messages: a path, or "remote HOST:PORT" as the stub says */
    std::string kind;        /* "auto", "glass", "chert", "inmemory", "tcp" or "prog" */
    std::string where, args; /* path; host and port; program and arguments */
    Xapian::Database db;     /* the open handle */
    bool up = true;          /* answering; else `reason` says why not */
    std::string reason;
    double retry_at = 0; /* not answering: monotonic seconds of the next try */
};

/* A database of the index that does not answer: ARKIV_STATUS_UNAVAILABLE
 * (status.cc), the message names it. */
struct arkiv_shard_error : std::runtime_error {
    explicit arkiv_shard_error(const std::string &msg);
};

/* A layout the caller asked for that the index does not have (shards.cc):
 * ARKIV_STATUS_INVALID_ARGUMENT, the message as is. */
struct arkiv_layout_error : std::invalid_argument {
    explicit arkiv_layout_error(const std::string &msg);
};

struct arkiv_db {
    std::string path;
    std::string error;
    bool writable = false;
    bool allow_partial = false;
    /* Writable handles: the open lock file PATH/arkiv.lock (database.cc),
     * -1 when none. */
    int lock_fd = -1;
    /* Writable handles: free bytes a commit needs, from how much the
     * index files grew at earlier commits (database.cc); 0 until then. */
    uint64_t commit_room = 0;
    /* Every database that answers, the metadata holder first (shards.cc):
     * a plain index is one part; a sharded one is its lexicon and its
     * shards; a stub file is the databases it lists, in its order. */
    std::vector<arkiv_part> parts;
    /* All parts as one database: what every read goes through. */
    Xapian::Database all;
    /* Writable handles: the database that takes user metadata, synonyms
     * and spelling (the plain index, or the lexicon of a sharded one) ... */
    Xapian::WritableDatabase *wdb = nullptr;
    /* ... and, sharded only, the shards documents are routed to by the
     * hash of their meeting id (shards.cc). */
    std::vector<Xapian::WritableDatabase *> shard_w;
    /* Read-only handles: whether the index has the sort and facet slots
     * (15, 16) of shard-aware searching; -1 until first asked. */
    int has_facet_slots = -1;
    /* Term generation setup, made once per handle and shared by every
     * document and query parser of it (a file is a meeting document and
     * several item documents, and each used to build its own). Documents
     * never outlive their handle (arkiv.h), so the stopper need not be
     * reference counted. */
    Xapian::Stem stemmer;
    std::unique_ptr<Xapian::Stopper> stopper;
    /* Person forms added since the last commit (people.cc): merged into
     * user metadata once per person per commit, not once per document. */
    std::map<std::string, std::set<std::string>> people_pending;
    /* Council names (councils.cc): added since the last commit, folded
     * name -> canonical; and, for expansion, every council known to a
     * writable handle, loaded from user metadata on first use. */
    std::map<std::string, std::string> councils_pending;
    /* Synonym pairs ("term\0synonym") added since the last commit
     * (database.cc): Xapian writes a term's synonym list back to its
     * compressed table each time add_synonym moves to another term, and
     * the same folded spellings come with nearly every meeting. */
    std::unordered_set<std::string> synonyms_pending;
    bool councils_loaded = false;
    bool council_words_stale = true;
    std::map<std::string, std::set<std::string>> council_names; /* canonical -> folded names */
    std::vector<council_name_words> council_words;              /* per name, see councils.cc */
    std::vector<std::string> council_vocabulary;                /* sorted words of all names */
    Xapian::Database &db()
    {
        return all;
    }
    /* User metadata lives in the first part (as Xapian's own
     * Database::get_metadata assumes); "" when it does not answer. */
    std::string get_metadata(const std::string &key);
    /* The database holding user metadata, or nullptr when it does not
     * answer. */
    Xapian::Database *metadata_db()
    {
        return !parts.empty() && parts[0].up ? &parts[0].db : nullptr;
    }
};

/* shards.cc: opening an index of any layout. */
void arkiv_open_parts(arkiv_db_t *db, arkiv_db_mode_t mode, unsigned shards);
void arkiv_close_parts(arkiv_db_t *db) noexcept;
/* The writable database that holds (or will hold) the meeting `meeting_id`
 * and its items: the plain index, or the shard its hash picks. */
Xapian::WritableDatabase &arkiv_home_shard(arkiv_db_t *db, const std::string &meeting_id);
/* writelock.cc: makes the index directory `path` when missing and takes
 * the writer's lock in it, waiting up to wait_s seconds; *fd_out is the
 * lock's descriptor (the handle closes it), -1 for a path that is a file
 * (a stub). ARKIV_STATUS_LOCKED with the holder's pid in `detail`. */
arkiv_status_t arkiv_lock_index(const std::string &path, unsigned wait_s, int *fd_out,
                                std::string &detail);
/* writelock.cc: removes the tables of an index creation that never
 * finished (no version file); call holding the lock. */
void arkiv_clear_unfinished_create(const std::string &path);
/* commitroom.cc: before a commit, throws Xapian::DatabaseError (ENOSPC)
 * when the disk lacks room for it; returns the index's size in bytes,
 * for arkiv_note_growth after the commit. */
uint64_t arkiv_commit_room(const arkiv_db_t *db);
void arkiv_note_growth(arkiv_db_t *db, uint64_t before);
/* database.cc: deletes `id` and its items from whichever database holds
 * them; false if there was no such document. */
bool arkiv_delete_with_items(arkiv_db_t *db, const std::string &id);
/* Every writable database that can hold documents. */
std::vector<Xapian::WritableDatabase *> arkiv_doc_shards(arkiv_db_t *db);
/* The shard of `meeting_id` among n: FNV-1a 64 of its bytes, mod n. */
unsigned arkiv_shard_of(const std::string &meeting_id, unsigned n);
/* Reads after a shard stopped answering (Xapian::NetworkError): reconnects
 * to every part; with allow_partial, goes on without those that do not
 * answer (ARKIV_STATUS_OK), else names them in db->error. */
arkiv_status_t arkiv_lost_shard(arkiv_db_t *db, const std::string &detail) noexcept;
/* Reconnect parts that did not answer before (arkiv_db_reopen). */
void arkiv_retry_missing(arkiv_db_t *db);

/* Runs `fn`, mapping any exception to a status (and db->error); when a
 * remote shard stops answering meanwhile, reconnects and, if the handle
 * allows partial answers, runs `fn` once more over the shards that are
 * left. For reads; `fn` must set its out-parameters only on success. */
arkiv_status_t arkiv_db_guarded(arkiv_db_t *db, const std::function<arkiv_status_t()> &fn) noexcept;
#define ARKIV_DB_GUARD(db, ...) return arkiv_db_guarded(db, [&]() -> arkiv_status_t __VA_ARGS__);

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
