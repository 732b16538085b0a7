/* pool.c - extraction in reusable worker processes; see pool.h.
 *
 * Each worker talks to the parent over its own AF_UNIX stream socketpair.
 * A socket rather than two pipes, so that the parent can send with
 * MSG_NOSIGNAL instead of changing the process-wide SIGPIPE disposition.
 *   request: guint32 length, then the path bytes (no NUL)
 *   reply:   guint64 length, then a serialised worker reply
 *            (prepared_wire.h: extraction result and prepared text)
 * Both ends run on one host, so lengths are in host byte order.
 *
 * Pipelining: a worker holds up to two jobs, the one it is on (current)
 * and one queued behind it whose request already waits in its socket, so
 * that it goes on without waiting for the busy parent to collect.  The
 * worker just reads one request after another; replies come back in the
 * same order.  Only the current job is timed and watched: if it ends
 * badly the worker is replaced and the queued job sent to the new one.
 */
#include "pool.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* Sanitizers reserve terabytes of address space for their shadow memory
 * at start-up, and Linux counts it in RLIMIT_AS and RLIMIT_DATA alike: a
 * worker under either limit cannot map anything more ("Failed to mmap").
 * Built with one, the pool leaves the limits alone and the parent watches
 * each busy worker's resident size instead (see too_big). */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SANITIZED TRUE
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) ||                         \
    __has_feature(memory_sanitizer)
#define SANITIZED TRUE
#endif
#endif
#ifndef SANITIZED
#define SANITIZED FALSE
#endif

/* Longest path a queued request may carry.  A request this short goes
 * into the socket in one piece, whole or not at all, as long as the
 * socket's buffer has room (at most one other request waits there: the
 * current one, not yet read); see send_queued.  Longer paths, which open()
 * refuses anyway (PATH_MAX), are sent when their job becomes current. */
#define QUEUED_PATH_MAX 4096

/* How often the parent looks at the resident size of busy workers when it
 * watches it (sanitizer builds): a worker can overshoot the cap by what it
 * allocates in this time. */
#define RSS_CHECK_MS 100

#define MAX_PATH_BYTES ((guint32)1 << 20)
#define MAX_REPLY_BYTES ((guint64)1 << 30)
#define REPLY_CHUNK ((gsize)1 << 20)

/* Exit statuses of a worker that gives up on purpose. */
enum { WORKER_EXIT_SETUP = 3, WORKER_EXIT_PROTOCOL = 4 };

typedef enum { PUMP_MORE, PUMP_DONE, PUMP_DEAD } pump_t;

/* Why the parent gives up on a busy worker. */
typedef enum { END_DIED, END_TIMED_OUT, END_TOO_BIG } end_t;

/* One submitted file. */
typedef struct {
    gboolean busy;                 /* submitted, not yet collected */
    gpointer tag;                  /* caller's, not owned */
    char *path;                    /* owned; queued jobs only, to send it
                                      again to a replacement worker */
    gboolean sent;                 /* queued jobs only: its request is in the
                                      socket of the live worker */
    arkiv_extract_result_t *ready; /* owned: a result known without asking
                                      the worker (invalid path, no worker to
                                      ask); nothing prepared goes with it */
} job_t;

/* Invariants: queued.busy only if cur.busy; cur.path is NULL (a current
 * job that fails is not retried); a ready result is handed out only from
 * cur, so a worker's results come back in the order it got its jobs. */
typedef struct {
    pid_t pid;         /* 0: no live worker in this slot */
    int fd;            /* parent's end of the socket, -1 if none */
    job_t cur;         /* the job whose reply comes next on the socket */
    job_t queued;      /* the job behind it */
    gint64 deadline;   /* cur's, monotonic microseconds */
    GByteArray *reply; /* owned: cur's reply bytes received so far */
} worker_t;

struct arkiv_pool {
    unsigned n_workers;
    unsigned timeout_s;
    gsize mem_limit;
    gboolean watch_rss;           /* mem_limit is enforced by the parent on the
                                     workers' resident size, not by RLIMIT_AS */
    arkiv_pool_prepare_t prepare; /* the caller's; all NULL: extract only */
    worker_t *workers;            /* owned, n_workers entries */
    struct pollfd *pfds;          /* owned, n_workers entries, pfds[i] <-> workers[i] */
    GVariant *reply_type;         /* owned: keeps the reply type's GLib information
                                     (prepared_wire.h), here and in every worker */
};

/* ---- shared by both ends ---------------------------------------------- */

/* Linux releases the descriptor even when close() fails, so there is
 * nothing to retry and nothing was written through these sockets that a
 * failed close could lose. */
static void close_fd(int fd)
{
    if (close(fd) != 0)
        g_debug("arkiv pool: close(%d): %s", fd, g_strerror(errno));
}

/* MSG_NOSIGNAL: a dead peer is an EPIPE to handle, not a SIGPIPE. */
static gboolean send_all(int fd, const void *buf, gsize len)
{
    const char *p = buf;

    while (len > 0) {
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return FALSE;
        p += n;
        len -= (gsize)n;
    }
    return TRUE;
}

/* 1: got len bytes; 0: clean EOF before any byte; -1: error or torn message. */
static int recv_all(int fd, void *buf, gsize len)
{
    char *p = buf;
    gsize got = 0;

    while (got < len) {
        ssize_t n = recv(fd, p + got, len - got, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            return got == 0 ? 0 : -1;
        got += (gsize)n;
    }
    return 1;
}

/* ---- worker side (runs in the forked child, never returns) ------------ */

/* Inherited handlers belong to the parent; a GLib unix signal source would
 * even write into the parent's wakeup pipe.  Interrupts are the parent's
 * to act on, so workers ignore them and leave when the parent leaves. */
static gboolean reset_signals(void)
{
    static const int to_default[] = {SIGTERM, SIGHUP, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGCHLD};
    static const int to_ignore[] = {SIGINT, SIGQUIT};
    sigset_t none;

    for (gsize i = 0; i < G_N_ELEMENTS(to_default); i++)
        if (signal(to_default[i], SIG_DFL) == SIG_ERR)
            return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(to_ignore); i++)
        if (signal(to_ignore[i], SIG_IGN) == SIG_ERR)
            return FALSE;
    return sigemptyset(&none) == 0 && sigprocmask(SIG_SETMASK, &none, NULL) == 0;
}

static gboolean limit_memory(const arkiv_pool_t *pool)
{
    gsize limit = pool->mem_limit;
    struct rlimit rl;

    if (limit == 0 || pool->watch_rss)
        return TRUE;
    if (getrlimit(RLIMIT_AS, &rl) != 0)
        return FALSE;
    rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? limit : MIN(limit, rl.rlim_max);
    return setrlimit(RLIMIT_AS, &rl) == 0;
}

/* A sibling's socket held open here would hide that sibling's EOF when
 * the pool closes it. */
static void worker_setup(const arkiv_pool_t *pool, pid_t parent, int parent_end)
{
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0)
        _exit(WORKER_EXIT_SETUP);
    if (getppid() != parent) /* the parent died before prctl took hold */
        _exit(0);
    close_fd(parent_end);
    for (unsigned i = 0; i < pool->n_workers; i++)
        if (pool->workers[i].fd >= 0)
            close_fd(pool->workers[i].fd);
    if (!reset_signals())
        _exit(WORKER_EXIT_SETUP);
}

/* 1: *path_out is new (g_free); 0: the parent closed the socket; -1: garbage. */
static int read_request(int fd, char **path_out)
{
    guint32 len;
    char *path;
    int r = recv_all(fd, &len, sizeof len);

    if (r <= 0)
        return r;
    if (len == 0 || len > MAX_PATH_BYTES)
        return -1;
    path = g_malloc(len + 1);
    if (recv_all(fd, path, len) != 1) {
        g_free(path);
        return -1;
    }
    path[len] = '\0';
    *path_out = path;
    return 1;
}

/* Only these outcomes carry text (or, for NO_TEXT, metadata) to index. */
static gboolean preparable(arkiv_extract_outcome_t outcome)
{
    return outcome == ARKIV_EXTRACT_OK || outcome == ARKIV_EXTRACT_NO_TEXT;
}

/* Here rather than in the writer: normalising and tagging then run on
 * every worker at once, and a text that makes them loop or swell costs a
 * worker (timeout, memory cap), not the run. */
static void prepare(const arkiv_pool_t *pool, const arkiv_extract_result_t *ex,
                    arkiv_prep_result_t *out)
{
    GError *error = NULL;

    if (pool->prepare.fn == NULL || !preparable(ex->outcome))
        return;
    if (pool->prepare.fn(ex, pool->prepare.tagger, pool->prepare.textgen, &out->prepared, &error)) {
        out->state = ARKIV_PREP_OK;
        return;
    }
    arkiv_prep_result_clear(out); /* whatever the step left half done */
    out->state = ARKIV_PREP_FAILED;
    out->error = g_strdup(error != NULL ? error->message : "text could not be prepared");
    g_clear_error(&error);
}

static gboolean serve(const arkiv_pool_t *pool, arkiv_filetype_t *ft, int fd, const char *path)
{
    arkiv_extract_result_t result = {0};
    arkiv_prep_result_t prep = {0};
    GBytes *bytes = NULL;
    gsize size = 0;
    const void *data;
    guint64 len;
    gboolean sent;

    arkiv_extract_file(ft, path, &result);
    prepare(pool, &result, &prep);
    arkiv_worker_reply_serialise(&result, &prep, &bytes);
    arkiv_extract_result_clear(&result);
    arkiv_prep_result_clear(&prep);
    data = g_bytes_get_data(bytes, &size);
    len = size;
    sent = send_all(fd, &len, sizeof len) && send_all(fd, data, size);
    g_bytes_unref(bytes);
    return sent;
}

/* The process ends in here, so what it allocates is reclaimed by exit. */
static G_GNUC_NORETURN void worker_main(const arkiv_pool_t *pool, pid_t parent, int fd,
                                        int parent_end)
{
    arkiv_filetype_t *ft = NULL;
    GError *error = NULL;

    worker_setup(pool, parent, parent_end);
    if (!arkiv_filetype_open(&ft, &error)) {
        g_printerr("arkiv extractor: %s\n", error->message);
        _exit(WORKER_EXIT_SETUP);
    }
    /* After loading libmagic: the cap is meant for what files cost. */
    if (!limit_memory(pool))
        _exit(WORKER_EXIT_SETUP);
    for (;;) {
        char *path = NULL;
        int r = read_request(fd, &path);
        if (r == 0)
            _exit(0); /* the pool is being freed */
        if (r < 0 || !serve(pool, ft, fd, path))
            _exit(WORKER_EXIT_PROTOCOL);
        g_free(path);
    }
}

/* ---- parent side: worker lifetime ------------------------------------- */

static gboolean set_errno_error(GError **error, const char *what, int err)
{
    g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "%s: %s", what, g_strerror(err));
    return FALSE;
}

static gboolean spawn_worker(const arkiv_pool_t *pool, worker_t *w, GError **error)
{
    int sv[2];
    pid_t parent = getpid();
    pid_t pid;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return set_errno_error(error, "socketpair", errno);
    pid = fork();
    if (pid < 0) {
        int saved = errno;
        close_fd(sv[0]);
        close_fd(sv[1]);
        return set_errno_error(error, "fork", saved);
    }
    if (pid == 0)
        worker_main(pool, parent, sv[1], sv[0]);
    close_fd(sv[1]);
    w->pid = pid;
    w->fd = sv[0];
    return TRUE;
}

/* FALSE when the child was already reaped elsewhere (SIGCHLD ignored). */
static gboolean reap(pid_t pid, int *status_out)
{
    for (;;) {
        pid_t r = waitpid(pid, status_out, 0);
        if (r == pid)
            return TRUE;
        if (r < 0 && errno == EINTR)
            continue;
        return FALSE;
    }
}

/* SIGKILL first: a worker that is still running must not make waitpid
 * block, and one that is already exiting keeps its real exit status.  A
 * queued request sent to it goes with its socket. */
static gboolean retire(worker_t *w, int *status_out)
{
    gboolean reaped;

    w->queued.sent = FALSE;
    close_fd(w->fd);
    if (kill(w->pid, SIGKILL) != 0)
        g_debug("arkiv pool: kill(%d): %s", (int)w->pid, g_strerror(errno));
    reaped = reap(w->pid, status_out);
    w->pid = 0;
    w->fd = -1;
    g_byte_array_set_size(w->reply, 0);
    return reaped;
}

/* A failed respawn leaves the slot empty; submit tries again and reports
 * a second failure as that file's result. */
static void replace(const arkiv_pool_t *pool, worker_t *w)
{
    GError *error = NULL;

    if (!spawn_worker(pool, w, &error)) {
        g_debug("arkiv pool: cannot replace worker: %s", error->message);
        g_error_free(error);
    }
}

/* g_free the result. */
static char *death_reason(const arkiv_pool_t *pool, gboolean reaped, int status)
{
    /* Only a limit the kernel enforces can make a worker die of it. */
    gboolean rlimited = pool->mem_limit > 0 && !pool->watch_rss;

    if (!reaped)
        return g_strdup("extractor died");
    if (WIFSIGNALED(status) && rlimited)
        return g_strdup_printf("out of memory or crashed (signal %d)", WTERMSIG(status));
    if (WIFSIGNALED(status))
        return g_strdup_printf("extractor crashed (signal %d)", WTERMSIG(status));
    return g_strdup_printf("extractor exited unexpectedly (status %d)", WEXITSTATUS(status));
}

/* Replace w's worker after it died, hung, grew too big or spoke garbage,
 * and put the matching outcome in *out. */
static void bury(const arkiv_pool_t *pool, worker_t *w, end_t end, arkiv_extract_result_t *out)
{
    int status = 0;
    gboolean reaped = retire(w, &status);
    char *why = death_reason(pool, reaped, status);

    arkiv_extract_result_clear(out);
    if (end == END_TIMED_OUT)
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_TIMEOUT, "timed out after %u s",
                                  pool->timeout_s);
    else if (end == END_TOO_BIG)
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_CRASHED,
                                  "out of memory (over %" G_GSIZE_FORMAT " MiB resident)",
                                  pool->mem_limit / (1024 * 1024));
    else
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_CRASHED, "%s", why);
    g_free(why);
    replace(pool, w);
}

/* ---- parent side: jobs ------------------------------------------------ */

static void set_ready(job_t *j, arkiv_extract_outcome_t outcome, const char *reason)
{
    j->ready = g_new0(arkiv_extract_result_t, 1);
    arkiv_extract_result_clear(j->ready);
    arkiv_extract_result_fail(j->ready, outcome, "%s", reason);
}

static void job_clear(job_t *j)
{
    if (j->ready != NULL)
        arkiv_extract_result_clear(j->ready);
    g_free(j->ready);
    g_free(j->path);
    memset(j, 0, sizeof *j);
}

static gboolean path_length_ok(const char *path)
{
    gsize len = strlen(path);

    return len > 0 && len <= MAX_PATH_BYTES;
}

static gint64 deadline_from_now(const arkiv_pool_t *pool)
{
    return g_get_monotonic_time() + (gint64)pool->timeout_s * G_USEC_PER_SEC;
}

static gboolean send_request(int fd, const char *path)
{
    guint32 len = (guint32)strlen(path);

    return send_all(fd, &len, sizeof len) && send_all(fd, path, len);
}

/* Start w's current job.  An idle worker may have died since its last file
 * (killed from outside); a fresh one then gets a second try before the
 * file is written off. */
static void dispatch(const arkiv_pool_t *pool, worker_t *w, const char *path)
{
    GError *error = NULL;
    char *reason;
    int status;

    for (int attempt = 0; attempt < 2; attempt++) {
        if (w->pid == 0 && !spawn_worker(pool, w, &error))
            break;
        if (send_request(w->fd, path))
            return;
        if (!retire(w, &status))
            g_debug("arkiv pool: idle worker vanished");
    }
    reason = g_strdup_printf("cannot start extractor: %s",
                             error != NULL ? error->message : "it died on arrival");
    set_ready(&w->cur, ARKIV_EXTRACT_CRASHED, reason);
    g_free(reason);
    g_clear_error(&error);
}

/* Put a queued request into the socket of a worker that is busy, and so
 * not reading it yet.  Must not block: the parent would stop watching the
 * current job's deadline.  FALSE (socket full, worker gone) leaves the job
 * to be sent when it becomes current (promote). */
static gboolean send_queued(worker_t *w, const char *path)
{
    guint32 len = (guint32)strlen(path);
    char buf[sizeof len + QUEUED_PATH_MAX];
    gsize total = sizeof len + len;
    ssize_t n;

    if (w->fd < 0 || len > QUEUED_PATH_MAX)
        return FALSE;
    memcpy(buf, &len, sizeof len);
    memcpy(buf + sizeof len, path, len);
    do
        n = send(w->fd, buf, total, MSG_NOSIGNAL | MSG_DONTWAIT);
    while (n < 0 && errno == EINTR);
    if (n == (ssize_t)total)
        return TRUE;
    /* Not expected (QUEUED_PATH_MAX), but the worker would wait forever
     * for the rest of a torn request.  Killed, it is buried like any dead worker,
     * and the queued job goes to its replacement. */
    if (n > 0 && kill(w->pid, SIGKILL) != 0)
        g_debug("arkiv pool: kill(%d): %s", (int)w->pid, g_strerror(errno));
    return FALSE;
}

/* cur has been collected: the queued job, if any, takes its place, timed
 * from now.  It is in the worker's socket already unless the worker was
 * replaced (retire) or the socket did not take it at submit. */
static void promote(const arkiv_pool_t *pool, worker_t *w)
{
    job_t *j = &w->cur;

    *j = w->queued;
    memset(&w->queued, 0, sizeof w->queued);
    if (!j->busy)
        return;
    w->deadline = deadline_from_now(pool);
    if (j->ready == NULL && !j->sent)
        dispatch(pool, w, j->path);
    g_clear_pointer(&j->path, g_free);
    j->sent = FALSE;
}

static void start_current(const arkiv_pool_t *pool, worker_t *w, const char *path, gpointer tag)
{
    w->cur.busy = TRUE;
    w->cur.tag = tag;
    w->deadline = deadline_from_now(pool);
    if (!path_length_ok(path))
        set_ready(&w->cur, ARKIV_EXTRACT_IO, "cannot read: invalid path length");
    else
        dispatch(pool, w, path);
}

static void queue_behind(worker_t *w, const char *path, gpointer tag)
{
    job_t *j = &w->queued;

    j->busy = TRUE;
    j->tag = tag;
    if (!path_length_ok(path)) {
        set_ready(j, ARKIV_EXTRACT_IO, "cannot read: invalid path length");
        return;
    }
    j->path = g_strdup(path);
    j->sent = send_queued(w, path);
}

unsigned arkiv_pool_in_flight(const arkiv_pool_t *pool)
{
    unsigned n = 0;

    for (unsigned i = 0; i < pool->n_workers; i++)
        n += (pool->workers[i].cur.busy ? 1 : 0) + (pool->workers[i].queued.busy ? 1 : 0);
    return n;
}

/* An idle worker first: a queued job waits for the one ahead of it. */
static worker_t *pick_worker(arkiv_pool_t *pool)
{
    for (unsigned i = 0; i < pool->n_workers; i++)
        if (!pool->workers[i].cur.busy)
            return &pool->workers[i];
    for (unsigned i = 0; i < pool->n_workers; i++)
        if (!pool->workers[i].queued.busy)
            return &pool->workers[i];
    return NULL;
}

gboolean arkiv_pool_submit(arkiv_pool_t *pool, const char *path, gpointer tag)
{
    worker_t *w = pick_worker(pool);

    if (w == NULL)
        return FALSE;
    if (!w->cur.busy)
        start_current(pool, w, path, tag);
    else
        queue_behind(w, path, tag);
    return TRUE;
}

/* ---- parent side: collecting ------------------------------------------ */

/* Size of the complete reply as far as is known yet; FALSE if absurd. */
static gboolean reply_target(const GByteArray *reply, guint64 *want)
{
    guint64 body;

    if (reply->len < sizeof body) {
        *want = sizeof body;
        return TRUE;
    }
    memcpy(&body, reply->data, sizeof body);
    *want = sizeof body + body;
    return body <= MAX_REPLY_BYTES;
}

/* Read what poll said is there, without blocking on the rest. */
static pump_t pump(worker_t *w)
{
    guint64 want;
    gsize have = w->reply->len;
    gsize chunk;
    ssize_t n;
    int err;

    if (!reply_target(w->reply, &want))
        return PUMP_DEAD;
    chunk = (gsize)MIN(want - have, REPLY_CHUNK);
    g_byte_array_set_size(w->reply, (guint)(have + chunk));
    n = recv(w->fd, w->reply->data + have, chunk, MSG_DONTWAIT);
    err = errno;
    g_byte_array_set_size(w->reply, (guint)(have + (n > 0 ? (gsize)n : 0)));
    if (n == 0)
        return PUMP_DEAD;
    if (n < 0)
        return err == EINTR || err == EAGAIN || err == EWOULDBLOCK ? PUMP_MORE : PUMP_DEAD;
    if (!reply_target(w->reply, &want))
        return PUMP_DEAD;
    return w->reply->len == want ? PUMP_DONE : PUMP_MORE;
}

/* Read all there is of cur's reply.  The worker goes on to its queued job
 * only once that reply is all in the socket, so a reply still unfinished
 * afterwards means it is on cur: the deadline and resident size checked
 * next are cur's, not the queued job's. */
static pump_t pump_dry(worker_t *w)
{
    pump_t state;
    guint before;

    do {
        before = w->reply->len;
        state = pump(w);
    } while (state == PUMP_MORE && w->reply->len > before);
    return state;
}

/* pool.h's promise to collect's callers about which results come
 * prepared; a worker that breaks it is not to be believed. */
static gboolean prepared_as_promised(const arkiv_pool_t *pool, const arkiv_extract_result_t *ex,
                                     const arkiv_prep_result_t *prep)
{
    gboolean due = pool->prepare.fn != NULL && preparable(ex->outcome);

    return due ? prep->state != ARKIV_PREP_NONE : prep->state == ARKIV_PREP_NONE;
}

static void take_reply(const arkiv_pool_t *pool, worker_t *w, arkiv_extract_result_t *out,
                       arkiv_prep_result_t *prep_out)
{
    GBytes *all = g_byte_array_free_to_bytes(w->reply);
    gsize header = sizeof(guint64);
    GBytes *body = g_bytes_new_from_bytes(all, header, g_bytes_get_size(all) - header);
    GError *error = NULL;

    w->reply = g_byte_array_new();
    if (!arkiv_worker_reply_deserialise(body, out, prep_out, &error) ||
        !prepared_as_promised(pool, out, prep_out)) {
        g_debug("arkiv pool: %s", error != NULL ? error->message : "reply breaks the prep rules");
        g_clear_error(&error);
        arkiv_prep_result_clear(prep_out);
        bury(pool, w, END_DIED, out);
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_CRASHED, "extractor sent a malformed result");
    }
    g_bytes_unref(body);
    g_bytes_unref(all);
}

/* Hand back cur's tag; its result has been taken. */
static void finish(const arkiv_pool_t *pool, worker_t *w, gpointer *tag_out)
{
    *tag_out = w->cur.tag;
    w->cur.tag = NULL;
    w->cur.busy = FALSE;
    promote(pool, w);
}

static gboolean waiting(const worker_t *w)
{
    return w->cur.busy && w->cur.ready == NULL;
}

static gboolean take_ready(arkiv_pool_t *pool, gpointer *tag_out, arkiv_extract_result_t *out)
{
    for (unsigned i = 0; i < pool->n_workers; i++) {
        worker_t *w = &pool->workers[i];
        if (w->cur.busy && w->cur.ready != NULL) {
            *out = *w->cur.ready; /* out was cleared: a plain move */
            g_clear_pointer(&w->cur.ready, g_free);
            finish(pool, w, tag_out);
            return TRUE;
        }
    }
    return FALSE;
}

/* Milliseconds until the earliest deadline, rounded up so that a wake-up
 * finds it expired, or until the next look at the workers' sizes; -1 when
 * nothing is waiting. */
static int poll_timeout_ms(const arkiv_pool_t *pool)
{
    gint64 earliest = G_MAXINT64;
    gint64 ms;

    for (unsigned i = 0; i < pool->n_workers; i++)
        if (waiting(&pool->workers[i]))
            earliest = MIN(earliest, pool->workers[i].deadline);
    if (earliest == G_MAXINT64)
        return -1;
    ms = (earliest - g_get_monotonic_time() + 999) / 1000;
    if (pool->watch_rss)
        ms = MIN(ms, RSS_CHECK_MS);
    return ms <= 0 ? 0 : (int)MIN(ms, (gint64)INT_MAX);
}

/* Resident size of a live child from /proc/PID/statm (its second field,
 * in pages).  FALSE when it cannot be read: a worker that just died, whose
 * death the socket reports anyway. */
static gboolean resident_bytes(pid_t pid, guint64 *out)
{
    char path[64];
    char *text = NULL;
    unsigned long long size = 0, resident = 0;
    long page = sysconf(_SC_PAGESIZE);
    gboolean ok;

    g_snprintf(path, sizeof path, "/proc/%d/statm", (int)pid);
    if (page <= 0 || !g_file_get_contents(path, &text, NULL, NULL))
        return FALSE;
    ok = sscanf(text, "%llu %llu", &size, &resident) == 2;
    g_free(text);
    *out = (guint64)resident * (guint64)page;
    return ok;
}

/* Only when watch_rss: the worker has outgrown the memory cap. */
static gboolean too_big(const arkiv_pool_t *pool, const worker_t *w)
{
    guint64 rss = 0;

    return pool->watch_rss && resident_bytes(w->pid, &rss) && rss > pool->mem_limit;
}

/* Errors other than EINTR (ENOMEM) are waited out briefly: deadlines are
 * still checked, so collect cannot hang on them. */
static void wait_for_events(arkiv_pool_t *pool)
{
    for (unsigned i = 0; i < pool->n_workers; i++) {
        pool->pfds[i].fd = waiting(&pool->workers[i]) ? pool->workers[i].fd : -1;
        pool->pfds[i].events = POLLIN;
        pool->pfds[i].revents = 0;
    }
    if (poll(pool->pfds, pool->n_workers, poll_timeout_ms(pool)) < 0 && errno != EINTR) {
        g_debug("arkiv pool: poll: %s", g_strerror(errno));
        g_usleep(10 * 1000);
    }
}

static gboolean take_event(arkiv_pool_t *pool, gpointer *tag_out, arkiv_extract_result_t *out,
                           arkiv_prep_result_t *prep_out)
{
    gint64 now = g_get_monotonic_time();

    for (unsigned i = 0; i < pool->n_workers; i++) {
        worker_t *w = &pool->workers[i];
        pump_t state = PUMP_MORE;
        if (!waiting(w))
            continue;
        if (pool->pfds[i].revents != 0)
            state = pump_dry(w);
        if (state == PUMP_DONE)
            take_reply(pool, w, out, prep_out);
        else if (state == PUMP_DEAD)
            bury(pool, w, END_DIED, out);
        else if (now >= w->deadline)
            bury(pool, w, END_TIMED_OUT, out);
        else if (too_big(pool, w))
            bury(pool, w, END_TOO_BIG, out);
        else
            continue;
        finish(pool, w, tag_out);
        return TRUE;
    }
    return FALSE;
}

gboolean arkiv_pool_collect_prepared(arkiv_pool_t *pool, gpointer *tag_out,
                                     arkiv_extract_result_t *out, arkiv_prep_result_t *prep_out)
{
    arkiv_extract_result_clear(out);
    arkiv_prep_result_clear(prep_out);
    if (arkiv_pool_in_flight(pool) == 0)
        return FALSE;
    if (take_ready(pool, tag_out, out))
        return TRUE;
    for (;;) {
        wait_for_events(pool);
        if (take_event(pool, tag_out, out, prep_out))
            return TRUE;
    }
}

gboolean arkiv_pool_collect(arkiv_pool_t *pool, gpointer *tag_out, arkiv_extract_result_t *out)
{
    arkiv_prep_result_t prep = {0};
    gboolean got = arkiv_pool_collect_prepared(pool, tag_out, out, &prep);

    arkiv_prep_result_clear(&prep);
    return got;
}

gboolean arkiv_pool_extract(arkiv_pool_t *pool, const char *path, arkiv_extract_result_t *out)
{
    gpointer tag = NULL;

    if (arkiv_pool_in_flight(pool) != 0 || !arkiv_pool_submit(pool, path, NULL))
        return FALSE;
    return arkiv_pool_collect(pool, &tag, out);
}

/* ---- lifetime --------------------------------------------------------- */

gboolean arkiv_pool_new(unsigned n_workers, unsigned timeout_s, gsize mem_limit_bytes,
                        const arkiv_pool_prepare_t *prepare, arkiv_pool_t **out, GError **error)
{
    arkiv_pool_t *pool = g_new0(arkiv_pool_t, 1);

    *out = NULL;
    pool->n_workers = n_workers != 0 ? n_workers : MAX(g_get_num_processors(), 1u);
    pool->timeout_s = timeout_s != 0 ? timeout_s : ARKIV_POOL_DEFAULT_TIMEOUT_S;
    pool->mem_limit = mem_limit_bytes;
    pool->watch_rss = mem_limit_bytes > 0 && SANITIZED;
    if (prepare != NULL)
        pool->prepare = *prepare;
    pool->workers = g_new0(worker_t, pool->n_workers);
    pool->pfds = g_new0(struct pollfd, pool->n_workers);
    pool->reply_type = arkiv_worker_reply_type_holder(); /* before the forks */
    /* Every fd is -1 before the first fork, so children close only
     * sockets that exist. */
    for (unsigned i = 0; i < pool->n_workers; i++) {
        pool->workers[i].fd = -1;
        pool->workers[i].reply = g_byte_array_new();
    }
    for (unsigned i = 0; i < pool->n_workers; i++) {
        if (!spawn_worker(pool, &pool->workers[i], error)) {
            arkiv_pool_free(pool);
            return FALSE;
        }
    }
    *out = pool;
    return TRUE;
}

void arkiv_pool_free(arkiv_pool_t *pool)
{
    if (pool == NULL)
        return;
    for (unsigned i = 0; i < pool->n_workers; i++) {
        worker_t *w = &pool->workers[i];
        int status;
        if (w->pid != 0 && !retire(w, &status))
            g_debug("arkiv pool: worker was reaped elsewhere");
        job_clear(&w->cur);
        job_clear(&w->queued);
        g_byte_array_unref(w->reply);
    }
    g_free(pool->workers);
    g_free(pool->pfds);
    g_variant_unref(pool->reply_type);
    g_free(pool);
}
