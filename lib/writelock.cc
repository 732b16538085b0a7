/* writelock.cc — the writer's lock file and the clean-up of an index
 * creation that never finished (arkiv-private.h). */
#include "arkiv-private.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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
arkiv_status_t arkiv_lock_index(const std::string &path, unsigned wait_s, int *fd_out,
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
void arkiv_clear_unfinished_create(const std::string &path)
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
