/* run.c — one `arkiv index` run. */
#include "run.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docbuild.h"
#include "docmove.h"
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
    arkiv_pool_t *pool;       /* started with the first file that needs reading */
    arkiv_textgen_t *textgen; /* the workers' (pool.h), made with the pool */
    arkiv_files_t *files;     /* every file the index knew when the run began */
    GHashTable *known;        /* id -> arkiv_file_info_t * (g_free'd), strings in files */
    GHashTable *vanished;     /* size (gint64 *) -> GPtrArray of known files (borrowed) not
                                 found by the walk: what a new file may have been moved from */
    GHashTable *seen;         /* ids of files under the roots, owned keys */
    GHashTable *moved;        /* ids re-filed under a new id this run, borrowed keys */
    char **unreadable;        /* folders the walk could not read; NULL-terminated */
    unsigned done, total, uncommitted;
    guint64 uncommitted_bytes;
} run_t;

void arkiv_index_options_init(arkiv_index_options_t *o)
{
    memset(o, 0, sizeof *o);
    o->timeout_s = ARKIV_POOL_DEFAULT_TIMEOUT_S;
    o->mem_limit = (gsize)2048 * 1024 * 1024;
    o->batch_docs = 500;
    o->batch_bytes = (guint64)64 * 1024 * 1024;
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

static gboolean commit(run_t *run, GError **error)
{
    run->uncommitted = 0;
    run->uncommitted_bytes = 0;
    if (!db_check(run, arkiv_db_commit(run->db), error))
        return FALSE;
    run->report->commits++;
    return TRUE;
}

/* Commits come in batches (so many files or so much text, whichever comes
 * first) so memory stays bounded and an interruption loses at most one
 * batch, which the next run redoes. */
static gboolean note_change(run_t *run, guint64 text_bytes, GError **error)
{
    run->uncommitted_bytes += text_bytes;
    if (++run->uncommitted < run->o->batch_docs &&
        (run->o->batch_bytes == 0 || run->uncommitted_bytes < run->o->batch_bytes))
        return TRUE;
    return commit(run, error);
}

static guint64 text_bytes(const arkiv_extract_result_t *ex)
{
    guint64 n = 0;
    for (char **p = ex->pages; p && *p; p++)
        n += strlen(*p);
    return n;
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
    return db_check(run, arkiv_db_record_failure(run->db, &info), error) &&
           note_change(run, 0, error);
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

/* A digest as arkiv_file_hash writes it: 64 lowercase hex digits. */
static gboolean is_sha256_hex(const char *s)
{
    gsize n = 0;
    for (; s[n]; n++)
        if (!g_ascii_isdigit(s[n]) && !(s[n] >= 'a' && s[n] <= 'f'))
            return FALSE;
    return n == 64;
}

/* The worker's digest of the bytes it extracted (extract.h), else the
 * file read again. */
static gboolean content_hash(const pending_t *p, const arkiv_extract_result_t *ex, char **hash_out,
                             GError **error)
{
    if (ex->hash && is_sha256_hex(ex->hash)) {
        *hash_out = g_strdup(ex->hash);
        return TRUE;
    }
    return arkiv_file_hash(p->path, hash_out, error);
}

/* The worker normalised and tagged the text (pool.h); writing is all that
 * is left for this process. */
static gboolean store_document(run_t *run, const pending_t *p, const arkiv_extract_result_t *ex,
                               arkiv_prep_result_t *prep, GError **error)
{
    char *hash = NULL;
    GError *local = NULL;
    if (!content_hash(p, ex, &hash, &local)) {
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
    return note_change(run, text_bytes(ex), error);
}

static gboolean handle_result(run_t *run, pending_t *p, arkiv_extract_result_t *ex,
                              arkiv_prep_result_t *prep, GError **error)
{
    run->report->outcomes[ex->outcome]++;
    const char *name = arkiv_extract_outcome_name(ex->outcome);
    gboolean ok;
    if (ex->outcome == ARKIV_EXTRACT_OK || ex->outcome == ARKIV_EXTRACT_NO_TEXT) {
        if (ex->reason) /* no text layer, or text truncated (extract.h) */
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

/* With --verify, a file of unchanged size and mtime is read once more and
 * its content hash compared: what a tool that restores old mtimes (or a
 * clock set back) hides from the quick check. */
static gboolean same_content(run_t *run, const char *path, const arkiv_file_info_t *info)
{
    char *hash = NULL;
    GError *err = NULL;
    if (!arkiv_file_hash(path, &hash, &err)) {
        g_error_free(err); /* reading it again will say what is wrong */
        return FALSE;
    }
    gboolean same = info->hash && strcmp(hash, info->hash) == 0;
    g_free(hash);
    if (!same)
        run->report->verify_changed++;
    return same;
}

/* TRUE if the index already holds this file at this size and mtime (as a
 * document, or as a remembered failure the caller did not ask to retry). */
static gboolean unchanged(run_t *run, const char *id, const char *path, const struct stat *st)
{
    if (run->o->rebuild)
        return FALSE;
    const arkiv_file_info_t *info = g_hash_table_lookup(run->known, id);
    if (!info || info->size != (guint64)st->st_size || info->mtime != (gint64)st->st_mtime)
        return FALSE;
    if (info->failure) {
        if (run->o->retry_failed)
            return FALSE;
        run->report->failed_before++;
        return TRUE;
    }
    if (run->o->verify && !same_content(run, path, info))
        return FALSE;
    run->report->unchanged++;
    return TRUE;
}

/* A new file whose content is that of a file gone from its old place is
 * that file, moved or renamed: its documents are re-filed under the new
 * id without reading it again. TRUE with *moved set when it was. */
static gboolean try_move(run_t *run, const char *path, const char *id, const struct stat *st,
                         gboolean *moved, GError **error)
{
    *moved = FALSE;
    gint64 size = st->st_size;
    GPtrArray *candidates = g_hash_table_lookup(run->vanished, &size);
    if (!candidates || g_hash_table_contains(run->known, id))
        return TRUE;
    char *hash = NULL;
    GError *err = NULL;
    if (!arkiv_file_hash(path, &hash, &err)) {
        g_error_free(err); /* extraction will report it */
        return TRUE;
    }
    for (guint i = 0; i < candidates->len && !*moved; i++) {
        const arkiv_file_info_t *old = candidates->pdata[i];
        if (strcmp(old->hash, hash) != 0 || g_hash_table_contains(run->moved, old->id))
            continue;
        arkiv_file_info_t to = {id, path, (guint64)st->st_size, (gint64)st->st_mtime, hash, NULL};
        if (!db_check(run, arkiv_db_move_file(run->db, old->id, &to, arkiv_docmove_rewrite, NULL),
                      error)) {
            g_free(hash);
            return FALSE;
        }
        g_hash_table_add(run->moved, (gpointer)old->id);
        run->report->moved++;
        *moved = TRUE;
    }
    g_free(hash);
    return !*moved || note_change(run, 0, error);
}

static gboolean start_pool(run_t *run, GError **error)
{
    if (run->pool)
        return TRUE;
    const arkiv_tagger_t *tagger = run->o->tagger;
    if (run->o->prepare && !run->o->prepare(run->o->prepare_user, &tagger, error))
        return FALSE;
    /* Normalising, tagging and indexing text happen in the workers, in
     * parallel; each keeps one text generator, and the stems it makes,
     * for all its files. */
    arkiv_status_t st = run->textgen ? ARKIV_STATUS_OK : arkiv_textgen_new(&run->textgen);
    if (st != ARKIV_STATUS_OK) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "text generator: %s",
                    arkiv_status_string(st));
        return FALSE;
    }
    arkiv_pool_prepare_t prepare = {arkiv_docbuild_prepare, tagger, run->textgen};
    return arkiv_pool_new(run->o->jobs, run->o->timeout_s, run->o->mem_limit, &prepare, &run->pool,
                          error);
}

/* The walk's stat says whether a file changed; only a file that must be
 * read is checked for readability. `file_id` is the file's id
 * (arkiv_file_id), borrowed. */
static gboolean submit_file(run_t *run, const arkiv_walk_file_t *f, const char *file_id,
                            GError **error)
{
    const char *path = f->path;
    const struct stat *st = &f->st;
    char *id = g_strdup(file_id);
    if (unchanged(run, id, path, st)) {
        g_free(id);
        tick(run);
        return TRUE;
    }
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
    gboolean moved = FALSE;
    if (!try_move(run, path, id, st, &moved, error)) {
        g_free(id);
        return FALSE;
    }
    if (moved) {
        g_free(id);
        tick(run);
        return TRUE;
    }
    pending_t *p = g_new0(pending_t, 1);
    p->path = g_strdup(path);
    p->id = id;
    p->size = (guint64)st->st_size;
    p->mtime = (gint64)st->st_mtime;
    if (!start_pool(run, error)) {
        g_free(p->path);
        g_free(p->id);
        g_free(p);
        return FALSE;
    }
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

/* A known file under the roots that the walk did not find. A folder the
 * walk could not read has not vanished. */
static gboolean is_vanished(const run_t *run, const arkiv_file_info_t *info, char *const *roots)
{
    return !g_hash_table_contains(run->seen, info->id) && under_any(info->path, roots) &&
           !(run->unreadable && under_any(info->path, run->unreadable));
}

/* Files the index knows under the roots that the walk did not find, and
 * that no new file turned out to be, are gone: their documents go too.
 * Files outside the roots are left alone. */
static gboolean remove_vanished(run_t *run, char *const *roots, GError **error)
{
    gboolean ok = TRUE;
    for (size_t i = 0; ok && i < arkiv_files_count(run->files); i++) {
        arkiv_file_info_t info;
        if (arkiv_files_get(run->files, i, &info) != ARKIV_STATUS_OK ||
            !is_vanished(run, &info, roots) || g_hash_table_contains(run->moved, info.id))
            continue;
        ok = db_check(run, arkiv_db_delete(run->db, info.id), error) && note_change(run, 0, error);
        if (ok && !info.failure)
            run->report->removed++;
    }
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

/* What the index knew when the run began, by id, and the vanished files a
 * new file may have been moved from, by size. */
static gboolean load_known(run_t *run, char *const *roots, GError **error)
{
    if (!db_check(run, arkiv_db_list_files(run->db, &run->files), error))
        return FALSE;
    for (size_t i = 0; i < arkiv_files_count(run->files); i++) {
        arkiv_file_info_t *info = g_new(arkiv_file_info_t, 1);
        if (arkiv_files_get(run->files, i, info) != ARKIV_STATUS_OK) {
            g_free(info);
            continue;
        }
        g_hash_table_insert(run->known, (gpointer)info->id, info);
        if (run->o->rebuild || info->failure || !info->hash || !*info->hash ||
            !is_vanished(run, info, roots))
            continue;
        gint64 size = (gint64)info->size;
        GPtrArray *same_size = g_hash_table_lookup(run->vanished, &size);
        if (!same_size) {
            same_size = g_ptr_array_new();
            g_hash_table_insert(run->vanished, g_memdup2(&size, sizeof size), same_size);
        }
        g_ptr_array_add(same_size, info);
    }
    return TRUE;
}

static gboolean index_files(run_t *run, GPtrArray *files, char *const *resolved, GError **error)
{
    /* Every id first: whether a known file vanished (or moved) depends on
     * the whole walk. Kept in order, so each file's id is made once. */
    GPtrArray *ids = g_ptr_array_new_full(files->len, g_free);
    for (guint i = 0; i < files->len; i++) {
        char *id = arkiv_file_id(((const arkiv_walk_file_t *)files->pdata[i])->path);
        g_ptr_array_add(ids, id);
        g_hash_table_add(run->seen, g_strdup(id));
    }
    gboolean ok = load_known(run, resolved, error);
    for (guint i = 0; ok && i < files->len; i++)
        ok = submit_file(run, files->pdata[i], ids->pdata[i], error);
    g_ptr_array_unref(ids);
    while (ok && run->pool && arkiv_pool_in_flight(run->pool) > 0)
        ok = collect_one(run, error);
    if (ok)
        ok = remove_vanished(run, resolved, error);
    if (ok)
        ok = commit(run, error);
    return ok;
}

static void run_clear(run_t *run)
{
    arkiv_pool_free(run->pool);
    arkiv_textgen_free(run->textgen);
    g_hash_table_unref(run->seen);
    g_hash_table_unref(run->moved);
    g_hash_table_unref(run->vanished);
    g_hash_table_unref(run->known);
    arkiv_files_free(run->files);
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
    run.known = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    run.vanished = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify)g_ptr_array_unref);
    run.seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    run.moved = g_hash_table_new(g_str_hash, g_str_equal);
    run.unreadable = unreadable;
    run.total = files->len;
    gboolean ok = index_files(&run, files, resolved, error);
    run_clear(&run);
    g_strfreev(unreadable);
    g_ptr_array_unref(files);
    g_ptr_array_unref(walk_problems);
    g_strfreev(resolved);
    return ok;
}
