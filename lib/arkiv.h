/* arkiv.h — the public C API of libarkiv, the index of arkiv.
 *
 * libarkiv is C++ inside (it is the only part of arkiv that talks to
 * Xapian) and C outside: opaque handles, a status code from every call,
 * results through out-parameters. No exception ever crosses this API.
 *
 * The library never prints, never reads the environment and never reads
 * configuration files: callers decide all of that.
 *
 * Ownership rules, in one place:
 *   - Every handle made by an arkiv_*_new/open/parse/search call is owned
 *     by the caller and released with the matching *_free function. Every
 *     *_free function accepts NULL.
 *   - Strings returned through `const char **` out-parameters are owned by
 *     the handle they came from; how long they stay valid is written next
 *     to each function.
 *   - Strings returned through `char **` out-parameters are owned by the
 *     caller and released with free().
 */
#ifndef ARKIV_H
#define ARKIV_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    ARKIV_STATUS_OK = 0,
    ARKIV_STATUS_NOT_FOUND,        /* no such document or database */
    ARKIV_STATUS_LOCKED,           /* another writer holds the database */
    ARKIV_STATUS_MODIFIED,         /* the database changed under a reader:
                                      arkiv_db_reopen() and retry */
    ARKIV_STATUS_BAD_QUERY,        /* the query string could not be parsed */
    ARKIV_STATUS_IO,               /* file system error */
    ARKIV_STATUS_CORRUPT,          /* the database is damaged */
    ARKIV_STATUS_NO_MEMORY,        /* allocation failed */
    ARKIV_STATUS_INVALID_ARGUMENT, /* a caller error: NULL, range, mode */
    ARKIV_STATUS_XAPIAN,           /* any other Xapian error */
    ARKIV_STATUS_UNAVAILABLE       /* a shard of the index does not answer;
                                      arkiv_db_last_error() or the open
                                      error names it */
} arkiv_status_t;

/* A short English description of a status; static storage. */
const char *arkiv_status_string(arkiv_status_t status);

/* ------------------------------------------------------------------ */
/* Fields: one table inside the library maps each field to its Xapian
 * prefix, its query-language name and, for facets, its value slot; the
 * same table drives indexing and query parsing (see docs/schema.md). */

typedef enum {
    ARKIV_FIELD_BODY,     /* free text, unprefixed */
    ARKIV_FIELD_TITLE,    /* free text "title:", prefix S (also unprefixed) */
    ARKIV_FIELD_PATH,     /* boolean "path:", prefix P (file and its folders) */
    ARKIV_FIELD_MIME,     /* boolean "mime:", prefix T */
    ARKIV_FIELD_KIND,     /* boolean "kind:", prefix XK; facet "kind" */
    ARKIV_FIELD_COUNCIL,  /* boolean "council:", prefix XC; facet "council" */
    ARKIV_FIELD_YEAR,     /* boolean "year:", prefix XY; facet "year" */
    ARKIV_FIELD_ENCODING, /* boolean "encoding:", prefix XE */
    /* Entities found by the tagger (indexer/tagger.h); values lowercased. */
    ARKIV_FIELD_PERSON,   /* boolean "person:", prefix XN: identity key "elisabeth tronstad";
                             facet "person" */
    ARKIV_FIELD_PRESENT,  /* boolean "present:", prefix XNP: identity key */
    ARKIV_FIELD_ABSENT,   /* boolean "absent:", prefix XNA: identity key */
    ARKIV_FIELD_ROLE,     /* boolean "role:", prefix XR: "chair", and "chair:KEY" */
    ARKIV_FIELD_CASE,     /* boolean "case:", prefix XS: "09/24", "administrativt samarbeidsutvalg
                             09/24" */
    ARKIV_FIELD_REF,      /* boolean "ref:", prefix XF: referenced case, same forms as case */
    ARKIV_FIELD_PROJECT,  /* boolean "project:", prefix XJ: "hjem til hjem" */
    ARKIV_FIELD_ORG,      /* boolean "org:", prefix XO: "hnt" */
    ARKIV_FIELD_PLACE,    /* boolean "place:", prefix XL: "teams" */
    ARKIV_FIELD_DECISION, /* free text "decision:", prefix XD (decision text only) */
    ARKIV_FIELD_LEVEL     /* boolean "level:", prefix XV: "meeting" on every document,
                             "item" on one with agenda items; set by the library, never
                             by callers. In a query, level:item is true of an agenda
                             item and false of its meeting (arkiv_hit_t.item) */
} arkiv_field_t;

/* ------------------------------------------------------------------ */
/* Databases */

typedef struct arkiv_db arkiv_db_t;

typedef enum { ARKIV_DB_READ_ONLY, ARKIV_DB_WRITABLE } arkiv_db_mode_t;

/* Open the index at `path`. ARKIV_DB_WRITABLE creates it when missing
 * and fails with ARKIV_STATUS_LOCKED while another writer has it open
 * (the message names its pid: "another indexer (pid N) is updating
 * PATH"); the writer holds the lock file PATH/arkiv.lock until
 * arkiv_db_free, and a writer that died holds nothing.
 * On failure *db_out is NULL and, if error_out is not NULL, *error_out is
 * a message for the user (caller frees with free()). */
arkiv_status_t arkiv_db_open(const char *path, arkiv_db_mode_t mode, arkiv_db_t **db_out,
                             char **error_out);

/* Options for arkiv_db_open_with(); arkiv_db_options_init() sets the
 * defaults, which are what arkiv_db_open() uses. */
typedef struct {
    /* ARKIV_DB_WRITABLE: 0 (default) opens the index in whatever layout it
     * has, and creates a missing one as a single database. N >= 2 creates
     * a missing index as N shards (docs/scaling.md): a directory holding a
     * lexicon database, N shard databases and a Xapian stub file XAPIANDB
     * listing them, which Xapian and arkiv open for reading like any
     * database. Each document goes to one shard, picked by a stable hash
     * of its id. An existing index with another layout
     * fails with ARKIV_STATUS_INVALID_ARGUMENT: the layout is kept for
     * the life of the index. Ignored for ARKIV_DB_READ_ONLY. */
    unsigned shards;
    /* ARKIV_DB_READ_ONLY: when `path` is a stub listing several databases
     * (local or remote) and some do not answer, open the rest instead of
     * failing with ARKIV_STATUS_UNAVAILABLE; answers then leave the
     * missing ones out (arkiv_db_missing_count, arkiv_results_partial). A
     * shard that stops answering later is left out the same way, and
     * arkiv_db_reopen() asks a missing one again (after a failed retry, at
     * most every 30 s). Without it, a remote shard that drops the
     * connection (xapian-tcpsrv's idle timeout) is reconnected once, and a
     * shard that does not answer fails the call. */
    int allow_partial;
    /* ARKIV_DB_WRITABLE: seconds to wait for another writer to finish
     * before failing with ARKIV_STATUS_LOCKED; 0 (default) fails at once. */
    unsigned lock_wait_s;
} arkiv_db_options_t;

void arkiv_db_options_init(arkiv_db_options_t *options);

/* arkiv_db_open() with options (NULL: the defaults). `path` may also be a
 * Xapian stub file (read-only): lines "auto PATH" and "remote HOST:PORT"
 * (xapian-tcpsrv), and "remote tcp HOST:PORT"; the first database listed
 * holds the user metadata (a sharded index lists its lexicon first). */
arkiv_status_t arkiv_db_open_with(const char *path, arkiv_db_mode_t mode,
                                  const arkiv_db_options_t *options, arkiv_db_t **db_out,
                                  char **error_out);

/* The databases of the index that do not answer (allow_partial only;
 * 0 otherwise): their number, and the name of the i-th as its stub line
 * gives it ("remote 10.0.0.5:7001", a path), with the reason in
 * *reason_out if not NULL. Strings owned by db, valid until the next call
 * on db; NULL for i out of range. */
size_t arkiv_db_missing_count(const arkiv_db_t *db);
const char *arkiv_db_missing_shard(const arkiv_db_t *db, size_t i, const char **reason_out);

/* Close the database. Changes not committed with arkiv_db_commit() are
 * discarded. Accepts NULL. */
void arkiv_db_free(arkiv_db_t *db);

/* Detail text of the last failed call on `db` ("" if none). Owned by db,
 * valid until the next call on db. */
const char *arkiv_db_last_error(const arkiv_db_t *db);

/* Make every change since the last commit durable, in one step. */
arkiv_status_t arkiv_db_commit(arkiv_db_t *db);

/* Readers: move to the latest committed state (after ARKIV_STATUS_MODIFIED). */
arkiv_status_t arkiv_db_reopen(arkiv_db_t *db);

/* Number of documents: one per indexed file (a meeting). */
arkiv_status_t arkiv_db_doc_count(arkiv_db_t *db, unsigned *count_out);

/* From now on a query word `term` (lowercase, as typed, unstemmed) also
 * matches documents containing `synonym`. arkiv uses it so "Bjorn" finds
 * "Bjørn" (see indexer/fold.h). Writable databases only. */
arkiv_status_t arkiv_db_add_synonym(arkiv_db_t *db, const char *term, const char *synonym);

/* Small named settings kept inside the index (Xapian user metadata
 * "setting:NAME"), e.g. the digest of the data files the index was tagged
 * with. get: *value_out is a malloc'd string the caller frees, or NULL
 * when unset. set: writable databases only; durable at the next commit. */
arkiv_status_t arkiv_db_get_setting(arkiv_db_t *db, const char *name, char **value_out);
arkiv_status_t arkiv_db_set_setting(arkiv_db_t *db, const char *name, const char *value);

/* People across the archive. Documents name the same person in several
 * ways ("Elisabeth Tronstad", "Elisabeth Kvam Tronstad"); the tagger gives
 * them one identity key ("elisabeth tronstad"). The index keeps, per key,
 * every written form seen, and calls the fullest one (most words that are
 * not initials, then longest) the canonical name.
 * add: writable databases only; kept in memory and written by the next
 * commit (lost, like the documents, if the handle is freed before it).
 * get: *canonical_out (malloc'd, caller frees with free()) and
 * *variants_out (NULL-terminated, canonical first; caller frees with
 * arkiv_strv_free()), both NULL and ARKIV_STATUS_NOT_FOUND for an unknown
 * key. Either out-parameter may be NULL. */
arkiv_status_t arkiv_db_add_person_name(arkiv_db_t *db, const char *key, const char *name);
arkiv_status_t arkiv_db_person_names(arkiv_db_t *db, const char *key, char **canonical_out,
                                     char ***variants_out);
void arkiv_strv_free(char **v);

/* Council names from the gazetteer (indexer/knowledge.h): `name` (an
 * acronym, alias or other-language form: "ASU") is another name of the
 * council `canonical` ("Administrativt samarbeidsutvalg"); call it once
 * with name == canonical too. Stored in the index (user metadata
 * "council:" + lowercased name, durable at the next commit) so that:
 *   - the query parser maps council:ASU, council:"administrativt
 *     samarbeidsutvalg" and case:"ASU 12/24" to the canonical name;
 *   - every document written afterwards whose free text contains all the
 *     words of one of a council's names gets the words of all its other
 *     names as unpositioned terms, so a search for "ASU" also finds text
 *     that only writes "Administrativt samarbeidsutvalg" and back.
 * Writable databases only. */
arkiv_status_t arkiv_db_add_council_name(arkiv_db_t *db, const char *canonical, const char *name);

/* The canonical council name for any of its names (case-insensitive), as
 * given to arkiv_db_add_council_name. *canonical_out is malloc'd (caller
 * frees with free()); ARKIV_STATUS_NOT_FOUND and NULL for an unknown name. */
arkiv_status_t arkiv_db_council_canonical(arkiv_db_t *db, const char *name, char **canonical_out);

/* The identity key of a person from any written form seen at index time
 * (case-insensitive: "Elisabeth Kvam Tronstad" -> "elisabeth tronstad");
 * the forms given to arkiv_db_add_person_name, from the next commit on.
 * *key_out is malloc'd (caller frees with free()); ARKIV_STATUS_NOT_FOUND
 * and NULL when no document wrote the name that way. The query parser
 * uses the same lookup for person:, present:, absent: and role:ROLE:NAME,
 * and falls back to the value itself (a key typed as is). */
arkiv_status_t arkiv_db_resolve_person(arkiv_db_t *db, const char *name, char **key_out);

/* The stored data (arkiv_doc_set_data) of the document with this id.
 * *data_out is malloc'd (caller frees with free()); ARKIV_STATUS_NOT_FOUND
 * and NULL when there is no such document. */
arkiv_status_t arkiv_db_get_data(arkiv_db_t *db, const char *id, char **data_out);

/* Every value of a boolean field across the archive, in byte order, with
 * the number of documents (meetings) carrying it; only
 * values starting with `starts_with` (normalised like a query value; ""
 * or NULL for all). The list belongs to the caller: arkiv_values_free. */
typedef struct arkiv_values arkiv_values_t;
arkiv_status_t arkiv_db_field_values(arkiv_db_t *db, arkiv_field_t field, const char *starts_with,
                                     arkiv_values_t **values_out);
size_t arkiv_values_count(const arkiv_values_t *values);
/* *value is owned by values, valid until arkiv_values_free. */
arkiv_status_t arkiv_values_get(const arkiv_values_t *values, size_t i, const char **value,
                                unsigned *count);
void arkiv_values_free(arkiv_values_t *values);

/* An index written before agenda items lived in their meeting's
 * document holds one document per item (with a parent term, "XP"):
 * *count_out is how many. Such an index must be written again
 * (arkiv index --rebuild), after arkiv_db_delete_old_items. */
arkiv_status_t arkiv_db_old_items(arkiv_db_t *db, unsigned *count_out);
arkiv_status_t arkiv_db_delete_old_items(arkiv_db_t *db);

/* Delete the document with this stable id. ARKIV_STATUS_NOT_FOUND if
 * there was none. */
arkiv_status_t arkiv_db_delete(arkiv_db_t *db, const char *id);

/* ------------------------------------------------------------------ */
/* What the incremental indexer remembers about each file. */

typedef struct {
    const char *id;   /* stable document id */
    const char *path; /* absolute path of the file */
    uint64_t size;
    int64_t mtime;       /* seconds since the epoch */
    const char *hash;    /* content hash, hex */
    const char *failure; /* non-NULL: the file failed with this reason and
                            is remembered so it is not retried unchanged */
} arkiv_file_info_t;

typedef struct arkiv_files arkiv_files_t;

/* Every file known to the index. */
arkiv_status_t arkiv_db_list_files(arkiv_db_t *db, arkiv_files_t **files_out);
/* The file stored under `id`: a list of one, or ARKIV_STATUS_NOT_FOUND. */
arkiv_status_t arkiv_db_find_file(arkiv_db_t *db, const char *id, arkiv_files_t **files_out);
size_t arkiv_files_count(const arkiv_files_t *files);
/* Strings in *info are owned by files, valid until arkiv_files_free. */
arkiv_status_t arkiv_files_get(const arkiv_files_t *files, size_t i, arkiv_file_info_t *info);
void arkiv_files_free(arkiv_files_t *files);

/* Remember a file that could not be indexed, so an unchanged re-run skips
 * it. Replaces any document stored under info->id. */
arkiv_status_t arkiv_db_record_failure(arkiv_db_t *db, const arkiv_file_info_t *info);

/* Rewrites a document's stored data for its new file `to` (id, path,
 * size, mtime): `data` is the old data. Returns a new string the library
 * frees with free(), or NULL on failure. */
typedef char *(*arkiv_data_rewrite_fn)(void *user, const char *data, const arkiv_file_info_t *to);

/* The file of document `old_id` moved to to->path (id to->id, same
 * content): re-files the document (its agenda items are inside it) under
 * the new id, path, size and mtime without reading the file again; the
 * stored data goes through `rewrite`. ARKIV_STATUS_NOT_FOUND when there
 * is no such document. */
arkiv_status_t arkiv_db_move_file(arkiv_db_t *db, const char *old_id, const arkiv_file_info_t *to,
                                  arkiv_data_rewrite_fn rewrite, void *user);

/* ------------------------------------------------------------------ */
/* Document builder: collect fields, then arkiv_db_replace(). */

typedef struct arkiv_doc arkiv_doc_t;

/* A new document for `db` (which must be writable and outlive the
 * document) with stable id `id`. Caller frees with arkiv_doc_free. */
arkiv_status_t arkiv_doc_new(arkiv_db_t *db, const char *id, arkiv_doc_t **doc_out);
void arkiv_doc_free(arkiv_doc_t *doc);

/* Index free text (positions, Norwegian stemming, stopwords). Text given
 * for ARKIV_FIELD_BODY is also kept for snippets, and each ARKIV_FIELD_BODY
 * call counts as one page: a hit can then name its page (arkiv_hit_t).
 * Positions run on across calls, so phrases match across pages.
 * Free-text fields only. */
arkiv_status_t arkiv_doc_add_text(arkiv_doc_t *doc, arkiv_field_t field, const char *text);
/* Add a boolean term (exact filter). Boolean fields only; the value is
 * normalised the same way a query value is (see docs/schema.md). For a
 * field with a facet every value given is counted (a joint meeting counts
 * for each of its councils). */
arkiv_status_t arkiv_doc_add_term(arkiv_doc_t *doc, arkiv_field_t field, const char *value);
/* The meeting date: sortable, range-searchable, and year:/facet "year". */
arkiv_status_t arkiv_doc_set_date(arkiv_doc_t *doc, int year, int month, int day);
/* File facts for incremental indexing; also adds the path: terms. */
arkiv_status_t arkiv_doc_set_file(arkiv_doc_t *doc, const arkiv_file_info_t *info);
/* Agenda items live inside their meeting's document: free text added
 * between arkiv_doc_item_begin(doc, n, number) and arkiv_doc_item_end(doc)
 * belongs to item n (1-based, in text order): body text (its span of the
 * minutes) and ARKIV_FIELD_DECISION text (its decision). An item may be
 * opened again later (its decision first, its body when the pages come).
 * `number` is the item's case number as the indexer spells it ("09/24"),
 * or NULL for a point without one; a number once given is kept. The
 * library records where each item's words and text lie, so a search can
 * land on an item (arkiv_hit_t.item) and `case:` finds the item with that
 * number. Items do not nest: ARKIV_STATUS_INVALID_ARGUMENT when one is
 * open, or for n == 0. Works on detached documents too. */
arkiv_status_t arkiv_doc_item_begin(arkiv_doc_t *doc, unsigned n, const char *number);
/* Close the open item (ARKIV_STATUS_INVALID_ARGUMENT when none is). */
arkiv_status_t arkiv_doc_item_end(arkiv_doc_t *doc);
/* Body text that goes on the current page: like arkiv_doc_add_text with
 * ARKIV_FIELD_BODY, but no new page, and joined to the body text before
 * it without a separator (so an item may start in the middle of a page).
 * Before any body text it starts page 1. */
arkiv_status_t arkiv_doc_add_body_more(arkiv_doc_t *doc, const char *text);
/* Opaque stored data (arkiv stores JSON); returned with each hit. */
arkiv_status_t arkiv_doc_set_data(arkiv_doc_t *doc, const char *data);

/* Calls fn(word, user) for each distinct word of the document's free
 * text so far (lowercased, as indexed; prefixed fields and stems left
 * out), in byte order, until fn returns non-zero. `word` is valid during
 * the call only. For work on the words a document holds without
 * splitting its text again (folded spellings, indexer/foldsyn.c). */
typedef int (*arkiv_word_fn)(const char *word, void *user);
arkiv_status_t arkiv_doc_foreach_word(arkiv_doc_t *doc, arkiv_word_fn fn, void *user);

/* Add the document, or replace the one with the same id. */
arkiv_status_t arkiv_db_replace(arkiv_db_t *db, arkiv_doc_t *doc);

/* Indexing text away from the writer. Most of the cost of a document is
 * indexing its free text, which needs no database: a worker process
 * indexes it into a detached document and hands the result over as
 * bytes (a "text part"), and the writer makes the document from them.
 *
 * A text generator holds what detached documents index with (stemmer,
 * stopwords) and the stems it has made; make one per worker and share it
 * between documents, which must not outlive it (a forked worker may use
 * its copy of its parent's). Caller frees with arkiv_textgen_free. */
typedef struct arkiv_textgen arkiv_textgen_t;
arkiv_status_t arkiv_textgen_new(arkiv_textgen_t **gen_out);
void arkiv_textgen_free(arkiv_textgen_t *gen);
/* Detail text of the last failed call on a detached document of `gen`
 * ("" if none). Owned by gen, valid until the next call. */
const char *arkiv_textgen_last_error(const arkiv_textgen_t *gen);
/* A document of no database: it takes arkiv_doc_add_text,
 * arkiv_doc_add_body_more and the item calls only (other calls:
 * ARKIV_STATUS_INVALID_ARGUMENT).
 * Caller frees with arkiv_doc_free, before gen. */
arkiv_status_t arkiv_doc_new_detached(arkiv_textgen_t *gen, arkiv_doc_t **doc_out);
/* The text part of a detached document: *bytes_out is malloc'd (caller
 * frees with free()), *len_out bytes long. */
arkiv_status_t arkiv_doc_serialise_text(arkiv_doc_t *doc, char **bytes_out, size_t *len_out);
/* arkiv_doc_new with the text part of a detached document in it: the same
 * document as if the detached document's text and item calls had been
 * made on this one. It takes no more free text. Bytes that are not a
 * text part (garbled, or holding anything text indexing does not make,
 * such as an id or filter term): ARKIV_STATUS_INVALID_ARGUMENT. */
arkiv_status_t arkiv_doc_new_from_text(arkiv_db_t *db, const char *id, const void *bytes,
                                       size_t len, arkiv_doc_t **doc_out);

/* ------------------------------------------------------------------ */
/* Queries and results */

typedef struct arkiv_query arkiv_query_t;

/* Parse a query in arkiv's query language (docs/schema.md): default
 * operator AND; OR, NOT, (), "phrases", wildcards*, NEAR; field prefixes.
 * ARKIV_STATUS_BAD_QUERY with arkiv_db_last_error() saying what is wrong.
 * An empty string matches every document. Caller frees the query. */
arkiv_status_t arkiv_query_parse(arkiv_db_t *db, const char *query_string,
                                 arkiv_query_t **query_out);
void arkiv_query_free(arkiv_query_t *query);

typedef enum {
    ARKIV_SORT_RELEVANCE,
    ARKIV_SORT_DATE_ASC, /* oldest first */
    ARKIV_SORT_DATE_DESC /* newest first */
} arkiv_sort_t;

typedef enum {
    ARKIV_SNIPPET_PLAIN, /* plain text, hit words between hi_start/hi_end */
    ARKIV_SNIPPET_HTML   /* HTML-escaped text, same markers */
} arkiv_snippet_mode_t;

typedef struct {
    unsigned offset;
    unsigned limit;
    arkiv_sort_t sort;
    arkiv_snippet_mode_t snippet_mode;
    const char *hi_start; /* marker before a hit word; NULL = none */
    const char *hi_end;
    unsigned snippet_length; /* bytes of text to aim for */
    int facets;              /* non-zero: count facets over the whole match */
    unsigned facet_limit;    /* rows per facet; 0 = defaults (100; "person" 20) */
    int collapse;            /* non-zero: one hit per meeting, on its best match:
                                the agenda item the query matches best, else the
                                meeting. Zero: every match, meeting by meeting:
                                the meeting when it matches by itself, then each
                                item that matches (arkiv_hit_t.item) */
    /* 0 (default): look at every matching document, so the total and
     * the facets are exact, at a cost that grows with the match. N: let
     * Xapian stop once it has looked at about N matching meetings and
     * filled the page; the hits stay exact, the total becomes Xapian's
     * estimate and facet counts cover the meetings looked at (lower
     * bounds). Smaller matches are still counted exactly: see
     * arkiv_results_total_exact and arkiv_results_facets_exact. Without
     * collapse and with facets, every match is looked at. */
    unsigned check_at_least;
    /* With check_at_least: a match that can hold at most this many
     * documents (by Xapian's bounds before matching) is still looked at
     * whole. 0 (default): none. */
    unsigned exact_up_to;
} arkiv_search_options_t;

/* Defaults: offset 0, limit 10, relevance, plain snippets without
 * markers, 200 bytes, facets on with default limits, collapse on, the
 * whole match looked at (check_at_least 0, exact_up_to 0). */
void arkiv_search_options_init(arkiv_search_options_t *options);

typedef struct arkiv_results arkiv_results_t;

arkiv_status_t arkiv_db_search(arkiv_db_t *db, const arkiv_query_t *query,
                               const arkiv_search_options_t *options,
                               arkiv_results_t **results_out);
void arkiv_results_free(arkiv_results_t *results);

/* The number of matches: meetings with options->collapse, hits (meetings
 * and items) without. Exact when facets are on and the whole match was looked at
 * (check_at_least), else Xapian's estimate. */
unsigned arkiv_results_total(const arkiv_results_t *results);
/* Non-zero when the total is exact: the whole match was looked at, or
 * Xapian's bounds agree. Zero: an estimate (show "about N"). */
int arkiv_results_total_exact(const arkiv_results_t *results);
/* Non-zero when the facet counts cover the whole match. Zero (a search
 * with check_at_least that stopped early): each count is how many of the
 * meetings looked at have the value, a lower bound, and values may be
 * missing. */
int arkiv_results_facets_exact(const arkiv_results_t *results);
/* Hits held (at most options->limit). */
size_t arkiv_results_count(const arkiv_results_t *results);

typedef struct {
    const char *id;      /* stable id */
    const char *data;    /* what arkiv_doc_set_data stored, or "" */
    const char *snippet; /* may be "" */
    unsigned rank;       /* 0-based over the whole match */
    unsigned page;       /* 1-based page of the first query word found in
                            the body, 0 when unknown */
    double score;        /* percentage 0..100 for relevance order */
    const char *parent;  /* an item's meeting id; "" for a meeting */
    unsigned item;       /* 1-based agenda item of the meeting the hit lands on
                            (id "MEETING:N", data is the meeting's); 0: the meeting */
    unsigned collapsed;  /* with collapse: further matches in the same meeting
                            not shown (the meeting itself and its items) */
} arkiv_hit_t;

/* Strings in *hit are owned by results, valid until arkiv_results_free. */
arkiv_status_t arkiv_results_get(const arkiv_results_t *results, size_t i, arkiv_hit_t *hit);

/* Non-zero when the search ran without some shard of the index that did
 * not answer (arkiv_db_options_t.allow_partial): the hits, totals and
 * facets then leave its documents out. */
int arkiv_results_partial(const arkiv_results_t *results);

/* When the query matched nothing and looks misspelt: the query with
 * Xapian's spelling correction ("Mente du: …"), else "". Owned by results,
 * valid until arkiv_results_free. */
const char *arkiv_results_suggestion(const arkiv_results_t *results);

/* Facet counts ("council", "year", "kind", "person") over the whole
 * match (or the part looked at: arkiv_results_facets_exact), counting
 * meetings: a meeting whose items also match counts
 * once, and a meeting with two councils counts for each. Most frequent
 * first. ARKIV_STATUS_NOT_FOUND for an unknown facet name or
 * when the search was made without facets. The facets handle is owned by
 * results, valid until arkiv_results_free; do not free it. */
typedef struct arkiv_facets arkiv_facets_t;
arkiv_status_t arkiv_results_facets(const arkiv_results_t *results, const char *name,
                                    const arkiv_facets_t **facets_out);
size_t arkiv_facets_count(const arkiv_facets_t *facets);
/* *value is owned by the facets, valid until arkiv_results_free. */
arkiv_status_t arkiv_facets_get(const arkiv_facets_t *facets, size_t i, const char **value,
                                unsigned *count);
/* What to show for row i: the canonical name for "person" (whose values
 * are identity keys), the value itself for the others. Owned by the
 * facets, valid until arkiv_results_free. */
arkiv_status_t arkiv_facets_get_label(const arkiv_facets_t *facets, size_t i, const char **label);
/* NULL-terminated list of facet names; static storage. */
const char *const *arkiv_facet_names(void);

#ifdef __cplusplus
}
#endif

#endif /* ARKIV_H */
