/* pool.h - extract files in reusable worker processes.
 *
 * Poppler can crash, loop or exhaust memory on hostile PDFs.  Each worker
 * is a forked child that runs arkiv_extract_file() (extract.h) for one
 * path at a time, so such a file costs one worker, which is replaced, and
 * comes back as TIMEOUT or CRASHED.  Workers are forked once and reused.
 * A worker holds up to two files: the one it is on and one queued behind
 * it, which it starts without waiting for the caller to collect the first.
 * A queued file is not blamed for the one ahead of it: if that one kills
 * or hangs the worker, the queued file goes to the replacement.
 *
 * Create the pool early, from the thread that will outlive it and before
 * starting other threads: workers are fork()ed without exec, and they die
 * (PR_SET_PDEATHSIG) when the creating thread exits.  The pool is not
 * thread-safe; use it from one thread.
 *
 * The pool can also prepare what it extracted (normalise and tag, see
 * docbuild.h) in the same worker, so that this work runs in parallel and
 * under the same timeout and memory cap.  Workers inherit the tagger by
 * fork(), so it must exist before arkiv_pool_new() and is only read.
 *
 * Ownership: the pool owns its workers and their sockets; arkiv_pool_free()
 * kills and reaps them all.  Tags are the caller's and are only handed
 * back, never freed.  The tagger is borrowed.  Results are written into
 * caller-owned structs.
 */
#ifndef ARKIV_POOL_H
#define ARKIV_POOL_H

#include <glib.h>

#include "arkiv.h"
#include "extract.h"
#include "prepared_wire.h"
#include "tagger.h"

#define ARKIV_POOL_DEFAULT_TIMEOUT_S 30

typedef struct arkiv_pool arkiv_pool_t;

/* What a worker runs after extracting a file whose outcome is OK or
 * NO_TEXT; `arkiv index` passes arkiv_docbuild_prepare.  A function, not a
 * call the pool makes itself, because docbuild.c also holds the database
 * writer, which programs that only extract (tests, bench) do not link. */
typedef gboolean (*arkiv_pool_prepare_fn)(const arkiv_extract_result_t *ex,
                                          const arkiv_tagger_t *tagger, arkiv_textgen_t *textgen,
                                          arkiv_prepared_t *out, GError **error);

typedef struct {
    arkiv_pool_prepare_fn fn;     /* never NULL */
    const arkiv_tagger_t *tagger; /* handed to fn; NULL: no tagging (--no-tagging).
                                     Borrowed: must outlive the pool */
    arkiv_textgen_t *textgen;     /* handed to fn; NULL: fn makes one per file.
                                     Borrowed, like the tagger; each worker
                                     writes only to its own forked copy (the
                                     stems it keeps, arkiv.h) */
} arkiv_pool_prepare_t;

/* Fork n_workers workers (0: one per processor).  A file that takes longer
 * than timeout_s seconds (0: ARKIV_POOL_DEFAULT_TIMEOUT_S) comes back as
 * TIMEOUT; its time starts when its worker is free for it: at submit on an
 * idle worker, else when the file ahead of it has been collected.
 * mem_limit_bytes > 0 caps each worker's address space (RLIMIT_AS); a
 * worker that dies with a cap set is reported as "out of memory or
 * crashed (signal N)".  In a build with AddressSanitizer (or another
 * sanitizer with shadow memory, which no address-space limit leaves room
 * for) the cap applies to each worker's resident size instead: the pool
 * checks it every 100 ms and kills a worker over it, reported as CRASHED
 * "out of memory (over N MiB resident)".  prepare (copied; NULL: extract
 * only) makes workers prepare what they extract, within the timeout and
 * cap.  *out is new (arkiv_pool_free); on FALSE it is NULL and *error
 * says why. */
gboolean arkiv_pool_new(unsigned n_workers, unsigned timeout_s, gsize mem_limit_bytes,
                        const arkiv_pool_prepare_t *prepare, arkiv_pool_t **out, GError **error);

/* Kill and reap every worker; results still in flight are dropped.  NULL
 * is fine. */
void arkiv_pool_free(arkiv_pool_t *pool);

/* Hand path to an idle worker or, when none is idle, queue it behind the
 * file a worker is on.  FALSE when every worker has two jobs: collect a
 * result first.  A worker that cannot be (re)started does not make this
 * fail; its job comes back from collect as CRASHED.  path is copied. */
gboolean arkiv_pool_submit(arkiv_pool_t *pool, const char *path, gpointer tag);

/* Wait for one submitted file to finish, time out or kill its worker, and
 * give back its tag, its extraction result and what was prepared from it
 * (*out and *prep_out zeroed or cleared beforehand).  With a prepare step,
 * an OK or NO_TEXT outcome always comes with a prep state OK or FAILED
 * (prep error: the step's message); every other outcome, and every result
 * of a pool without the step, with state NONE.  FALSE, at once, when
 * nothing is in flight.  Every submitted tag comes back exactly once; one
 * worker's files come back in the order they were submitted, files of
 * different workers in the order they finish. */
gboolean arkiv_pool_collect_prepared(arkiv_pool_t *pool, gpointer *tag_out,
                                     arkiv_extract_result_t *out, arkiv_prep_result_t *prep_out);

/* The same, dropping what was prepared. */
gboolean arkiv_pool_collect(arkiv_pool_t *pool, gpointer *tag_out, arkiv_extract_result_t *out);

/* Submit one file and collect it (arkiv_pool_collect).  FALSE if other
 * files are in flight, since their results would be in the way. */
gboolean arkiv_pool_extract(arkiv_pool_t *pool, const char *path, arkiv_extract_result_t *out);

/* Number of submitted files not yet collected, queued ones included: up to
 * twice the number of workers. */
unsigned arkiv_pool_in_flight(const arkiv_pool_t *pool);

#endif /* ARKIV_POOL_H */
