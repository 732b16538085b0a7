/* run.c — one `arkiv index` run. */
#include "run.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docbuild.h"
#include "fileid.h"
#include "pool.h"
#include "walk.h"

G_DEFINE_QUARK(arkiv - index - error - quark, arkiv_index_error)

/* One file on its way through the pool; the pool hands it back as the tag. */
typedef struct {
    char *path;
    char *id;
    guint64 size;
    gint64 mtime;
} pending_t;

typedef struct {
    arkiv_db_t *db;
    const arkiv_index_options_t *o;
    arkiv_index_report_t *report;
    arkiv_pool_t *pool;
    GHashTable *seen;  /* ids of files under the roots, owned keys */
    char **unreadable; /* folders the walk could not read; NULL-terminated */
    unsigned done, total, uncommitted;
} run_t;

void arkiv_index_options_init(arkiv_index_options_t *o)
{
    memset(o, 0, sizeof *o);
    o->timeout_s = ARKIV_POOL_DEFAULT_TIMEOUT_S;
    o->mem_limit = (gsize)2048 * 1024 * 1024;
    o->batch_docs = 500;
}

static void problem_free(gpointer p)
{
    arkiv_index_problem_t *pr = p;
    g_free(pr->path);
    g_free(pr->reason);
    g_free(pr);
}

void arkiv_index_report_clear(arkiv_index_report_t *r)
{
    if (r->problems)
        g_ptr_array_unref(r->problems);
    memset(r, 0, sizeof *r);
}

static void add_problem(arkiv_index_report_t *r, const char *path, const char *reason,
                        const char *outcome, gboolean failed)
{
    arkiv_index_problem_t *pr = g_new0(arkiv_index_problem_t, 1);
    pr->path = g_strdup(path);
    pr->reason = g_strdup(reason);
    pr->outcome = outcome;
    pr->failed = failed;
    g_ptr_array_add(r->problems, pr);
    if (failed)
        r->failed++;
}

static gboolean db_check(run_t *run, arkiv_status_t st, GError **error)
{
    if (st == ARKIV_STATUS_OK)
        return TRUE;
    g_set_error(error, ARKIV_INDEX_ERROR, (gint)st, "%s: %s", arkiv_status_string(st),
                arkiv_db_last_error(run->db));
    return FALSE;
}

/* Commits come in batches so memory stays bounded and an interruption
 * loses at most one batch, which the next run redoes. */
static gboolean note_change(run_t *run, GError **error)
{
    if (++run->uncommitted < run->o->batch_docs)
        return TRUE;
    run->uncommitted = 0;
    return db_check(run, arkiv_db_commit(run->db), error);
}

static void tick(run_t *run)
{
    run->done++;
    if (run->o->progress)
        run->o->progress(run->o->progress_user, run->done, run->total);
}

/* Unsupported and empty files are skipped, not failed: nothing is wrong
 * with them, they just hold no minutes. */
static gboolean outcome_is_failure(arkiv_extract_outcome_t o)
{
    return o != ARKIV_EXTRACT_OK && o != ARKIV_EXTRACT_NO_TEXT && o != ARKIV_EXTRACT_UNSUPPORTED &&
           o != ARKIV_EXTRACT_EMPTY;
}

static gboolean record_failure(run_t *run, const pending_t *p, const char *reason, GError **error)
{
    arkiv_file_info_t info = {p->id, p->path, p->size, p->mtime, NULL, reason};
    return db_check(run, arkiv_db_record_failure(run->db, &info), error) && note_change(run, error);
}

/* What the worker prepared, or its failure as the error that preparing
 * here would have raised: G_FILE_ERROR_INVAL makes it a "damaged" file. */
static gboolean worker_prepared(const arkiv_prep_result_t *prep, GError **error)
{
    if (prep->state == ARKIV_PREP_OK)
        return TRUE;
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s",
                prep->error ? prep->error : "text was not prepared");
    return FALSE;
}

/* The worker normalised and tagged the text (pool.h); writing is all that
 * is left for this process. */
static gboolean store_document(run_t *run, const pending_t *p, const arkiv_extract_result_t *ex,
                               arkiv_prep_result_t *prep, GError **error)
{
    char *hash = NULL;
    GError *local = NULL;
    if (!arkiv_file_hash(p->path, &hash, &local)) {
        add_problem(run->report, p->path, local->message, "io", TRUE);
        gboolean ok = record_failure(run, p, local->message, error);
        g_error_free(local);
        return ok;
    }
    arkiv_file_info_t info = {p->id, p->path, p->size, p->mtime, hash, NULL};
    gboolean ok = worker_prepared(prep, &local) &&
                  arkiv_docbuild_write(run->db, &info, ex, &prep->prepared, &local);
    g_free(hash);
    if (!ok && g_error_matches(local, G_FILE_ERROR, G_FILE_ERROR_INVAL)) {
        add_problem(run->report, p->path, local->message, "damaged", TRUE);
        ok = record_failure(run, p, local->message, error);
        g_error_free(local);
        return ok;
    }
    if (!ok) {
        g_propagate_error(error, local);
        return FALSE;
    }
    run->report->indexed++;
    return note_change(run, error);
}

static gboolean handle_result(run_t *run, pending_t *p, arkiv_extract_result_t *ex,
                              arkiv_prep_result_t *prep, GError **error)
{
    run->report->outcomes[ex->outcome]++;
    const char *name = arkiv_extract_outcome_name(ex->outcome);
    gboolean ok;
    if (ex->outcome == ARKIV_EXTRACT_OK || ex->outcome == ARKIV_EXTRACT_NO_TEXT) {
        if (ex->outcome == ARKIV_EXTRACT_NO_TEXT)
            add_problem(run->report, p->path, ex->reason, name, FALSE);
        ok = store_document(run, p, ex, prep, error);
    } else {
        gboolean failed = outcome_is_failure(ex->outcome);
        add_problem(run->report, p->path, ex->reason ? ex->reason : name, name, failed);
        if (!failed)
            run->report->skipped++;
        /* Remembered either way, so an unchanged file is not read again. */
        ok = record_failure(run, p, ex->reason ? ex->reason : name, error);
    }
    tick(run);
    return ok;
}

static gboolean collect_one(run_t *run, GError **error)
{
    gpointer tag = NULL;
    arkiv_extract_result_t ex = {0};
    arkiv_prep_result_t prep = {0};
    ex.meta_created = -1;
    if (!arkiv_pool_collect_prepared(run->pool, &tag, &ex, &prep))
        return TRUE;
    pending_t *p = tag;
    gboolean ok = handle_result(run, p, &ex, &prep, error);
    arkiv_extract_result_clear(&ex);
    arkiv_prep_result_clear(&prep);
    g_free(p->path);
    g_free(p->id);
    g_free(p);
    return ok;
}

/* TRUE if the index already holds this file at this size and mtime (as a
 * document, or as a remembered failure the caller did not ask to retry). */
static gboolean unchanged(run_t *run, const char *id, const struct stat *st)
{
    if (run->o->rebuild)
        return FALSE;
    arkiv_files_t *files = NULL;
    if (arkiv_db_find_file(run->db, id, &files) != ARKIV_STATUS_OK)
        return FALSE;
    arkiv_file_info_t info;
    gboolean same = arkiv_files_get(files, 0, &info) == ARKIV_STATUS_OK &&
                    info.size == (guint64)st->st_size && info.mtime == (gint64)st->st_mtime;
    if (same && info.failure) {
        if (run->o->retry_failed)
            same = FALSE;
        else
            run->report->failed_before++;
    } else if (same) {
        run->report->unchanged++;
    }
    arkiv_files_free(files);
    return same;
}

static gboolean submit_file(run_t *run, const char *path, GError **error)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        add_problem(run->report, path, g_strerror(errno), "unreadable", TRUE);
        tick(run);
        return TRUE;
    }
    char *id = arkiv_file_id(path);
    g_hash_table_add(run->seen, g_strdup(id));
    if (access(path, R_OK) != 0) {
        /* Reported, but neither remembered nor removed: a permission fix
         * does not change the mtime, so the next run must try again. */
        char *reason = g_strdup_printf("cannot read: %s", g_strerror(errno));
        add_problem(run->report, path, reason, "unreadable", TRUE);
        g_free(reason);
        g_free(id);
        tick(run);
        return TRUE;
    }
    if (unchanged(run, id, &st)) {
        g_free(id);
        tick(run);
        return TRUE;
    }
    pending_t *p = g_new0(pending_t, 1);
    p->path = g_strdup(path);
    p->id = id;
    p->size = (guint64)st.st_size;
    p->mtime = (gint64)st.st_mtime;
    while (!arkiv_pool_submit(run->pool, path, p))
        if (!collect_one(run, error))
            return FALSE; /* p is in no one's hands yet */
    return TRUE;
}

static gboolean under_any(const char *path, char *const *roots)
{
    for (char *const *r = roots; *r; r++) {
        size_t n = strlen(*r);
        if (strncmp(path, *r, n) == 0 &&
            (path[n] == '\0' || path[n] == '/' || (n == 1 && (*r)[0] == '/')))
            return TRUE;
    }
    return FALSE;
}

/* Files the index knows under the roots that the walk did not find are
 * gone: their documents go too. Files outside the roots are left alone. */
static gboolean remove_vanished(run_t *run, char *const *roots, GError **error)
{
    arkiv_files_t *files = NULL;
    if (!db_check(run, arkiv_db_list_files(run->db, &files), error))
        return FALSE;
    gboolean ok = TRUE;
    for (size_t i = 0; ok && i < arkiv_files_count(files); i++) {
        arkiv_file_info_t info;
        if (arkiv_files_get(files, i, &info) != ARKIV_STATUS_OK)
            continue;
        if (g_hash_table_contains(run->seen, info.id) || !under_any(info.path, roots))
            continue;
        /* A folder the walk could not read has not vanished. */
        if (run->unreadable && under_any(info.path, run->unreadable))
            continue;
        ok = db_check(run, arkiv_db_delete(run->db, info.id), error) && note_change(run, error);
        if (ok && !info.failure)
            run->report->removed++;
    }
    arkiv_files_free(files);
    return ok;
}

/* Reports the walk's problems and returns their paths (g_strfreev). */
static char **report_walk_problems(arkiv_index_report_t *r, GPtrArray *problems)
{
    char **paths = g_new0(char *, problems->len + 1);
    for (guint i = 0; i < problems->len; i++) {
        arkiv_walk_problem_t *wp = problems->pdata[i];
        add_problem(r, wp->path, wp->reason, "unreadable", TRUE);
        paths[i] = g_strdup(wp->path);
    }
    return paths;
}

static gboolean index_files(run_t *run, GPtrArray *files, char *const *resolved, GError **error)
{
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < files->len; i++)
        ok = submit_file(run, files->pdata[i], error);
    while (ok && arkiv_pool_in_flight(run->pool) > 0)
        ok = collect_one(run, error);
    if (ok)
        ok = remove_vanished(run, resolved, error);
    if (ok)
        ok = db_check(run, arkiv_db_commit(run->db), error);
    return ok;
}

gboolean arkiv_index_run(arkiv_db_t *db, char *const *roots, const arkiv_index_options_t *o,
                         arkiv_index_report_t *report, GError **error)
{
    report->problems = g_ptr_array_new_with_free_func(problem_free);
    char **resolved = NULL;
    GPtrArray *files = NULL, *walk_problems = NULL;
    if (!arkiv_walk_resolve_roots(roots, &resolved, error))
        return FALSE;
    if (!arkiv_walk(roots, &files, &walk_problems, error)) {
        g_strfreev(resolved);
        return FALSE;
    }
    report->files = files->len;
    char **unreadable = report_walk_problems(report, walk_problems);
    run_t run = {0};
    run.db = db;
    run.o = o;
    run.report = report;
    run.seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    run.unreadable = unreadable;
    run.total = files->len;
    /* Normalising and tagging happen in the workers, in parallel. */
    arkiv_pool_prepare_t prepare = {arkiv_docbuild_prepare, o->tagger};
    gboolean ok = arkiv_pool_new(o->jobs, o->timeout_s, o->mem_limit, &prepare, &run.pool, error) &&
                  index_files(&run, files, resolved, error);
    arkiv_pool_free(run.pool);
    g_hash_table_unref(run.seen);
    g_strfreev(unreadable);
    g_ptr_array_unref(files);
    g_ptr_array_unref(walk_problems);
    g_strfreev(resolved);
    return ok;
}
