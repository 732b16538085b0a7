/* commitroom.cc — free space for a commit (arkiv-private.h). */
#include "arkiv-private.h"

#include <dirent.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

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

void arkiv_note_growth(arkiv_db_t *db, uint64_t before)
{
    uint64_t after = index_bytes(db);
    uint64_t need = 2 * (after > before ? after - before : 0) + commit_margin;
    if (need > db->commit_room)
        db->commit_room = need;
}

uint64_t arkiv_commit_room(const arkiv_db_t *db)
{
    check_room(db);
    return index_bytes(db);
}
