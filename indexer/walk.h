/* walk.h — find the files under the roots given to `arkiv index`. */
#ifndef ARKIV_WALK_H
#define ARKIV_WALK_H

#include <glib.h>
#include <sys/stat.h>

/* A file the walk could not look at, with the reason. Owned by the array
 * it sits in (freed by its free function). */
typedef struct {
    char *path;
    char *reason;
} arkiv_walk_problem_t;

/* A regular file the walk found: its absolute path and what stat(2) said
 * of it (of its target, for a symlink), so that deciding whether it
 * changed costs no second system call. Owned by the array it sits in. */
typedef struct {
    char *path;
    struct stat st;
} arkiv_walk_file_t;

/* Collect the regular files under each root (a folder or a file) as
 * absolute paths, sorted, without duplicates. Folders reached through a
 * symlink are not entered, so a symlink loop cannot trap the walk, nor
 * is a folder inside itself (a bind mount loop); symlinks to files are
 * followed. Names starting with "." are skipped.
 * Unreadable folders and files are added to *problems_out.
 * *files_out (arkiv_walk_file_t *) and *problems_out are new GPtrArrays with free
 * functions set; the caller unrefs them. FALSE with *error when a root
 * does not exist. */
gboolean arkiv_walk(char *const *roots, GPtrArray **files_out, GPtrArray **problems_out,
                    GError **error);

/* The absolute, symlink-resolved form of each root (for "under the roots"
 * tests). NULL-terminated; g_strfreev. FALSE with *error on a bad root. */
gboolean arkiv_walk_resolve_roots(char *const *roots, char ***resolved_out, GError **error);

#endif
