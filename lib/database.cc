/* database.cc — opening, committing and closing an index (the layouts
 * themselves are in shards.cc). */
#include "arkiv-private.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

static void set_error_out(char **error_out, const std::string &msg)
{
    if (!error_out)
        return;
    *error_out = strdup(msg.c_str()); /* NULL on failure is acceptable */
}

static arkiv_status_t describe_open_failure(arkiv_status_t st, const std::string &path,
                                            std::string &detail)
{
    if (st == ARKIV_STATUS_LOCKED)
        detail = "another indexer is updating " + path;
    else if (st == ARKIV_STATUS_NOT_FOUND)
        detail = "no index at " + path;
    else if (st != ARKIV_STATUS_UNAVAILABLE && detail.compare(0, path.size(), path) != 0)
        detail = path + ": " + detail;
    return st;
}

extern "C" void arkiv_db_options_init(arkiv_db_options_t *options)
{
    if (!options)
        return;
    options->shards = 0;
    options->allow_partial = 0;
    options->lock_wait_s = 0;
}

/* ------------------------------------------------------------------ */
/* The writer's lock, PATH/arkiv.lock. Xapian has a write lock of its
 * own, but it does not say who holds it; this file has the holder's pid
 * inside, for the message. What locks is an fcntl lock on the file, not
 * the file being there, so a writer that was killed leaves nothing that
 * blocks. An open-file-description lock (F_OFD_SETLK), not a classic
 * POSIX one: a second writable handle in the same process is refused
 * too, and closing it does not drop the first handle's lock. Forked
 * extraction workers share it, and die with their parent (pool.h). */

static const char *const lock_name = "arkiv.lock";
static const long lock_poll_ms = 100;

/* "another indexer (pid N) is updating PATH", the pid as the holder
 * wrote it (left out while it has not written it yet). */
static std::string holder_message(int fd, const std::string &path)
{
    char buf[32] = {0};
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    long pid = n > 0 ? strtol(buf, nullptr, 10) : 0;
    if (pid <= 0)
        return "another indexer is updating " + path;
    return "another indexer (pid " + std::to_string(pid) + ") is updating " + path;
}

/* ARKIV_STATUS_OK: locked; ARKIV_STATUS_LOCKED: someone else has it. */
static arkiv_status_t try_lock(int fd, std::string &detail)
{
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    if (fcntl(fd, F_OFD_SETLK, &fl) == 0)
        return ARKIV_STATUS_OK;
    if (errno == EAGAIN || errno == EACCES)
        return ARKIV_STATUS_LOCKED;
    detail = std::string("cannot lock ") + lock_name + ": " + strerror(errno);
    return ARKIV_STATUS_IO;
}

/* Waits up to wait_s seconds for the lock, polling: a blocking
 * F_OFD_SETLKW would need a signal to give up. */
static arkiv_status_t wait_lock(int fd, unsigned wait_s, std::string &detail)
{
    struct timespec pause = {0, lock_poll_ms * 1000000L};
    unsigned long polls = (unsigned long)wait_s * 1000 / (unsigned long)lock_poll_ms;
    arkiv_status_t st = try_lock(fd, detail);
    for (unsigned long i = 0; st == ARKIV_STATUS_LOCKED && i < polls; i++) {
        nanosleep(&pause, nullptr);
        st = try_lock(fd, detail);
    }
    return st;
}

/* Makes the index directory when missing (Xapian would, a moment later)
 * and takes the lock in it; *fd_out is the lock's descriptor, -1 for
 * read-only handles and for a path that is a file (a stub, which
 * shards.cc refuses to write to). */
static arkiv_status_t lock_index(const std::string &path, unsigned wait_s, int *fd_out,
                                 std::string &detail)
{
    *fd_out = -1;
    struct stat st;
    if (stat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
        return ARKIV_STATUS_OK;
    if (mkdir(path.c_str(), 0777) != 0 && errno != EEXIST) {
        detail = "cannot create the index " + path + ": " + strerror(errno);
        return ARKIV_STATUS_IO;
    }
    std::string file = path + "/" + lock_name;
    int fd = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        detail = "cannot write to the index " + path + ": " + strerror(errno);
        return ARKIV_STATUS_IO;
    }
    arkiv_status_t s = wait_lock(fd, wait_s, detail);
    if (s == ARKIV_STATUS_LOCKED) {
        detail = holder_message(fd, path);
        if (wait_s)
            detail += " (waited " + std::to_string(wait_s) + " s)";
    }
    if (s != ARKIV_STATUS_OK) {
        close(fd);
        return s;
    }
    /* The pid is for the message only: a disk too full to take it must
     * not stop a run that would write nothing. */
    char pid[32];
    int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n) {
        /* ignored, see above */
    }
    *fd_out = fd;
    return ARKIV_STATUS_OK;
}

/* A run killed while Xapian was creating a new index can leave table
 * files without the version file iamglass, which Xapian writes last.
 * Xapian then neither opens nor creates a database there
 * (DatabaseNotFoundError: "no index at PATH"), and every later run fails
 * the same way. Nothing was ever committed in such a directory, so the
 * writer, holding the lock, removes the leftover tables and starts
 * afresh. Any other layout (chert, a stub, a sharded index) is left
 * alone. */
static void clear_unfinished_create(const std::string &path)
{
    static const char *const markers[] = {"iamglass", "iamchert", "XAPIANDB", "lexicon"};
    static const char *const tables[] = {"postlist", "termlist", "docdata",
                                         "position", "spelling", "synonym"};
    struct stat st;
    for (const char *m : markers)
        if (stat((path + "/" + m).c_str(), &st) == 0)
            return;
    for (const char *t : tables) {
        std::string file = path + "/" + t + ".glass";
        if (unlink(file.c_str()) != 0 && errno != ENOENT)
            throw Xapian::DatabaseError(
                "cannot remove " + file + " left by an index creation that never finished", errno);
    }
}

extern "C" arkiv_status_t arkiv_db_open_with(const char *path, arkiv_db_mode_t mode,
                                             const arkiv_db_options_t *options, arkiv_db_t **db_out,
                                             char **error_out)
{
    if (error_out)
        *error_out = nullptr;
    if (!db_out || !path || !*path) {
        set_error_out(error_out, "no database path given");
        return ARKIV_STATUS_INVALID_ARGUMENT;
    }
    *db_out = nullptr;
    arkiv_db_options_t defaults;
    arkiv_db_options_init(&defaults);
    const arkiv_db_options_t &o = options ? *options : defaults;
    arkiv_db_t *db = nullptr;
    std::string detail;
    try {
        db = new arkiv_db_t;
        db->path = path;
        db->allow_partial = o.allow_partial != 0;
        db->stemmer = arkiv_stemmer();
        db->stopper.reset(arkiv_new_stopper());
        if (mode == ARKIV_DB_WRITABLE) {
            arkiv_status_t st = lock_index(db->path, o.lock_wait_s, &db->lock_fd, detail);
            if (st != ARKIV_STATUS_OK) {
                set_error_out(error_out, detail);
                arkiv_db_free(db);
                return st;
            }
            if (db->lock_fd >= 0)
                clear_unfinished_create(db->path);
        }
        arkiv_open_parts(db, mode, o.shards);
    } catch (...) {
        arkiv_status_t st = arkiv_map_exception(detail);
        try {
            describe_open_failure(st, path, detail);
            set_error_out(error_out, detail);
        } catch (...) {
        }
        arkiv_db_free(db);
        return st;
    }
    *db_out = db;
    return ARKIV_STATUS_OK;
}

extern "C" arkiv_status_t arkiv_db_open(const char *path, arkiv_db_mode_t mode, arkiv_db_t **db_out,
                                        char **error_out)
{
    return arkiv_db_open_with(path, mode, nullptr, db_out, error_out);
}

extern "C" void arkiv_db_free(arkiv_db_t *db)
{
    if (!db)
        return;
    arkiv_close_parts(db);
    /* After Xapian let go of its own lock, so whoever gets this one
     * finds the database free too. */
    if (db->lock_fd >= 0)
        close(db->lock_fd);
    delete db;
}

extern "C" const char *arkiv_db_last_error(const arkiv_db_t *db)
{
    return db ? db->error.c_str() : "";
}

/* ------------------------------------------------------------------ */
/* Room for a commit. Xapian 1.4 writes a commit's blocks while
 * committing, and when the disk fills at some points of that it ends the
 * process (std::terminate, "terminate called after throwing an instance
 * of 'Xapian::DatabaseError'") instead of throwing: the index stays at its
 * last commit, but the user gets no message. So a commit does not start
 * without room for twice the most the index files grew at one commit of
 * this handle, and a megabyte more. Blocks rewritten in place need no
 * room, which is why growth, not bytes written, is the measure. */

static const uint64_t commit_margin = 1u << 20;

static uint64_t dir_bytes(const std::string &dir)
{
    uint64_t n = 0;
    DIR *d = opendir(dir.c_str());
    if (!d)
        return 0;
    while (struct dirent *e = readdir(d)) {
        struct stat st;
        std::string file = dir + "/" + e->d_name;
        if (stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode))
            n += (uint64_t)st.st_size;
    }
    closedir(d);
    return n;
}

/* The bytes of every database of a writable handle (one, or the lexicon
 * and the shards). */
static uint64_t index_bytes(const arkiv_db_t *db)
{
    uint64_t n = 0;
    for (const arkiv_part &p : db->parts)
        n += dir_bytes(p.where);
    return n;
}

static void check_room(const arkiv_db_t *db)
{
    struct statvfs fs;
    if (statvfs(db->path.c_str(), &fs) != 0)
        return; /* nothing to go by: let Xapian try */
    uint64_t room = (uint64_t)fs.f_bavail * fs.f_frsize;
    uint64_t need = db->commit_room ? db->commit_room : commit_margin;
    if (room < need)
        throw Xapian::DatabaseError("only " + std::to_string(room / 1024) +
                                        " kB free for a commit that needs about " +
                                        std::to_string(need / 1024) + " kB",
                                    ENOSPC);
}

static void note_growth(arkiv_db_t *db, uint64_t before)
{
    uint64_t after = index_bytes(db);
    uint64_t need = 2 * (after > before ? after - before : 0) + commit_margin;
    if (need > db->commit_room)
        db->commit_room = need;
}

extern "C" arkiv_status_t arkiv_db_commit(arkiv_db_t *db)
{
    if (!db || !db->wdb)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        check_room(db);
        uint64_t before = index_bytes(db);
        arkiv_flush_people(db);
        arkiv_flush_councils(db);
        /* Shards first, the lexicon last: not one atomic step across
         * databases, but a shard committed without the rest only holds
         * files that the next run finds unchanged, and the lexicon only
         * ever gains names. */
        for (Xapian::WritableDatabase *w : db->shard_w) {
            w->commit_transaction();
            w->begin_transaction(true);
        }
        db->wdb->commit_transaction();
        db->wdb->begin_transaction(true);
        note_growth(db, before);
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_reopen(arkiv_db_t *db)
{
    if (!db)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_DB_GUARD(db, {
        arkiv_retry_missing(db);
        db->has_facet_slots = -1;
        db->db().reopen();
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_doc_count(arkiv_db_t *db, unsigned *count_out)
{
    if (!db || !count_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_DB_GUARD(db, {
        *count_out = db->db().get_doccount();
        return ARKIV_STATUS_OK;
    })
}

bool arkiv_delete_with_items(arkiv_db_t *db, const std::string &id)
{
    std::string idterm = arkiv_id_term(id);
    bool found = false;
    for (Xapian::WritableDatabase *w : arkiv_doc_shards(db)) {
        if (w->get_termfreq(idterm) == 0)
            continue;
        w->delete_document(idterm);
        /* Items point at their meeting with a parent term; deleting the
         * meeting must not leave orphans behind. */
        w->delete_document(arkiv_fit_term(ARKIV_PREFIX_PARENT + id));
        found = true;
    }
    return found;
}

extern "C" arkiv_status_t arkiv_db_delete(arkiv_db_t *db, const char *id)
{
    if (!db || !db->wdb || !id)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        if (arkiv_delete_with_items(db, id))
            return ARKIV_STATUS_OK;
        bool forgot = false;
        for (Xapian::WritableDatabase *w : arkiv_doc_shards(db))
            if (!w->get_metadata(arkiv_failed_key(id)).empty()) {
                arkiv_forget_failure(*w, id);
                forgot = true;
            }
        if (forgot)
            return ARKIV_STATUS_OK;
        db->error = std::string("no document with id ") + id;
        return ARKIV_STATUS_NOT_FOUND;
    })
}

extern "C" arkiv_status_t arkiv_db_add_synonym(arkiv_db_t *db, const char *term,
                                               const char *synonym)
{
    if (!db || !db->wdb || !term || !*term || !synonym || !*synonym)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        db->wdb->add_synonym(arkiv_fit_term(term), arkiv_fit_term(synonym));
        return ARKIV_STATUS_OK;
    })
}

static std::string setting_key(const char *name)
{
    return std::string("setting:") + name;
}

extern "C" arkiv_status_t arkiv_db_get_setting(arkiv_db_t *db, const char *name, char **value_out)
{
    if (!db || !name || !*name || !value_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *value_out = nullptr;
    ARKIV_DB_GUARD(db, {
        std::string v = db->get_metadata(setting_key(name));
        if (!v.empty()) {
            *value_out = strdup(v.c_str());
            if (!*value_out)
                return ARKIV_STATUS_NO_MEMORY;
        }
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_set_setting(arkiv_db_t *db, const char *name, const char *value)
{
    if (!db || !db->wdb || !name || !*name || !value)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        db->wdb->set_metadata(setting_key(name), value);
        return ARKIV_STATUS_OK;
    })
}
