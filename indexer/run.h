/* run.h — one `arkiv index` run: walk the roots, skip unchanged files,
 * extract the rest in the worker pool, write documents, forget files
 * that vanished. Printing is the caller's job. */
#ifndef ARKIV_RUN_H
#define ARKIV_RUN_H

#include <glib.h>

#include "arkiv.h"
#include "extract.h"
#include "tagger.h"

typedef struct {
    gboolean rebuild;             /* re-read every file, changed or not */
    gboolean retry_failed;        /* retry files that failed before even if unchanged */
    unsigned jobs;                /* extraction workers; 0 = online CPUs */
    unsigned timeout_s;           /* per file; 0 = default (30 s) */
    gsize mem_limit;              /* per worker address space; 0 = none */
    unsigned batch_docs;          /* commit after this many changes ... */
    guint64 batch_bytes;          /* ... or this much text, whichever first; 0 = no limit */
    gboolean verify;              /* compare content hashes of files that look unchanged */
    const arkiv_tagger_t *tagger; /* borrowed; NULL indexes text without entities */
    /* May be NULL. Called once, before the first file is read (a run that
     * reads none never calls it): the set-up only reading needs, such as
     * building the tagger, which it then gives in *tagger (borrowed; NULL:
     * no entities) in place of `tagger`. FALSE with *error ends the run. */
    gboolean (*prepare)(void *user, const arkiv_tagger_t **tagger, GError **error);
    void *prepare_user;
    /* Called after each file; may be NULL. */
    void (*progress)(void *user, unsigned done, unsigned total);
    void *progress_user;
} arkiv_index_options_t;

/* A file that was not indexed (or indexed with metadata only). */
typedef struct {
    char *path;
    char *reason;
    const char *outcome; /* static: an arkiv_extract_outcome_name() or "unreadable" */
    gboolean failed;     /* counts towards exit code 3 */
} arkiv_index_problem_t;

typedef struct {
    unsigned files;                          /* files found under the roots */
    unsigned indexed;                        /* read and written this run */
    unsigned unchanged;                      /* skipped: same size and mtime */
    unsigned failed_before;                  /* skipped: unchanged and failed before */
    unsigned removed;                        /* documents of vanished files */
    unsigned moved;                          /* files re-filed under a new path, not re-read */
    unsigned verify_changed;                 /* same size and mtime, other content (--verify) */
    unsigned commits;                        /* batches committed */
    unsigned failed;                         /* problems that count as failures */
    unsigned skipped;                        /* unsupported or empty */
    unsigned outcomes[ARKIV_EXTRACT_IO + 1]; /* per extraction outcome */
    GPtrArray *problems;                     /* arkiv_index_problem_t *, owned */
} arkiv_index_report_t;

void arkiv_index_options_init(arkiv_index_options_t *o);
/* Frees what the report owns; accepts a zeroed report. */
void arkiv_index_report_clear(arkiv_index_report_t *r);

/* Index `roots` (NULL-terminated) into the writable `db`, committing in
 * batches. *report (zeroed by the caller) is filled even on failure. FALSE
 * with *error on a fatal error (bad root, database error): the index then
 * holds what the last successful batch committed. */
gboolean arkiv_index_run(arkiv_db_t *db, char *const *roots, const arkiv_index_options_t *o,
                         arkiv_index_report_t *report, GError **error);

#define ARKIV_INDEX_ERROR (arkiv_index_error_quark())
GQuark arkiv_index_error_quark(void);

#endif
