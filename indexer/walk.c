/* walk.c — find the files under the roots given to `arkiv index`. */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void problem_free(gpointer p)
{
    arkiv_walk_problem_t *pr = p;
    g_free(pr->path);
    g_free(pr->reason);
    g_free(pr);
}

static void file_free(gpointer p)
{
    arkiv_walk_file_t *f = p;
    g_free(f->path);
    g_free(f);
}

static void add_file(GPtrArray *files, const char *path, const struct stat *st)
{
    arkiv_walk_file_t *f = g_new(arkiv_walk_file_t, 1);
    f->path = g_strdup(path);
    f->st = *st;
    g_ptr_array_add(files, f);
}

static void add_problem(GPtrArray *problems, const char *path, const char *reason)
{
    arkiv_walk_problem_t *pr = g_new0(arkiv_walk_problem_t, 1);
    pr->path = g_strdup(path);
    pr->reason = g_strdup(reason);
    g_ptr_array_add(problems, pr);
}

/* The folders from a root down to the one being walked, on the stack. */
typedef struct ancestor {
    dev_t dev;
    ino_t ino;
    const struct ancestor *up; /* NULL above the root */
} ancestor_t;

/* A bind mount can make a folder its own descendant without any symlink
 * ("mount --bind /srv/a /srv/a/b"); entering it again would walk the same
 * files under ever longer names until PATH_MAX. */
static gboolean is_ancestor(const ancestor_t *up, const struct stat *st)
{
    for (; up != NULL; up = up->up)
        if (up->dev == st->st_dev && up->ino == st->st_ino)
            return TRUE;
    return FALSE;
}

static void walk_dir(const char *dir, const ancestor_t *self, GPtrArray *files,
                     GPtrArray *problems);

/* `name` is `path` relative to the open folder `at` (AT_FDCWD for a
 * root): a folder's entries are looked at from the folder itself, so the
 * kernel does not resolve every component of each full path again. */
static void visit(int at, const char *name, const char *path, const ancestor_t *up,
                  GPtrArray *files, GPtrArray *problems)
{
    struct stat lst, st;
    if (fstatat(at, name, &lst, AT_SYMLINK_NOFOLLOW) != 0) {
        add_problem(problems, path, g_strerror(errno));
        return;
    }
    if (S_ISDIR(lst.st_mode)) {
        ancestor_t self = {lst.st_dev, lst.st_ino, up};
        if (!is_ancestor(up, &lst))
            walk_dir(path, &self, files, problems);
        return;
    }
    if (S_ISLNK(lst.st_mode)) {
        if (fstatat(at, name, &st, 0) != 0) {
            add_problem(problems, path, "broken symbolic link");
            return;
        }
        if (!S_ISREG(st.st_mode))
            return; /* folders through symlinks are not entered: no loops */
        add_file(files, path, &st);
    } else if (S_ISREG(lst.st_mode)) {
        add_file(files, path, &lst);
    } /* FIFOs, sockets, devices are not documents */
}

static void walk_dir(const char *dir, const ancestor_t *self, GPtrArray *files, GPtrArray *problems)
{
    DIR *d = opendir(dir);
    if (!d) {
        add_problem(problems, dir, g_strerror(errno));
        return;
    }
    int fd = dirfd(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *child = g_build_filename(dir, e->d_name, NULL);
        if (fd >= 0)
            visit(fd, e->d_name, child, self, files, problems);
        else /* no descriptor for this folder: the full path does */
            visit(AT_FDCWD, child, child, self, files, problems);
        g_free(child);
    }
    closedir(d);
}

gboolean arkiv_walk_resolve_roots(char *const *roots, char ***resolved_out, GError **error)
{
    GPtrArray *out = g_ptr_array_new();
    for (char *const *r = roots; *r; r++) {
        char *abs = realpath(*r, NULL);
        if (!abs) {
            g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno), "%s: %s", *r,
                        g_strerror(errno));
            g_ptr_array_add(out, NULL);
            g_strfreev((char **)g_ptr_array_free(out, FALSE));
            return FALSE;
        }
        g_ptr_array_add(out, g_strdup(abs));
        free(abs);
    }
    g_ptr_array_add(out, NULL);
    *resolved_out = (char **)g_ptr_array_free(out, FALSE);
    return TRUE;
}

static gint cmp_paths(gconstpointer a, gconstpointer b)
{
    const arkiv_walk_file_t *fa = *(arkiv_walk_file_t *const *)a;
    const arkiv_walk_file_t *fb = *(arkiv_walk_file_t *const *)b;
    return strcmp(fa->path, fb->path);
}

/* Overlapping roots ("a" and "a/b") name some files twice. */
static GPtrArray *sorted_unique(GPtrArray *files)
{
    g_ptr_array_sort(files, cmp_paths);
    GPtrArray *out = g_ptr_array_new_full(files->len, file_free);
    for (guint i = 0; i < files->len; i++) {
        arkiv_walk_file_t *f = files->pdata[i];
        const arkiv_walk_file_t *last = out->len ? out->pdata[out->len - 1] : NULL;
        if (last && strcmp(last->path, f->path) == 0)
            file_free(f);
        else
            g_ptr_array_add(out, f);
    }
    g_ptr_array_set_free_func(files, NULL); /* the entries moved to out */
    g_ptr_array_unref(files);
    return out;
}

gboolean arkiv_walk(char *const *roots, GPtrArray **files_out, GPtrArray **problems_out,
                    GError **error)
{
    char **resolved = NULL;
    if (!arkiv_walk_resolve_roots(roots, &resolved, error))
        return FALSE;
    GPtrArray *files = g_ptr_array_new_with_free_func(file_free);
    GPtrArray *problems = g_ptr_array_new_with_free_func(problem_free);
    for (char **r = resolved; *r; r++)
        visit(AT_FDCWD, *r, *r, NULL, files, problems);
    g_strfreev(resolved);
    *files_out = sorted_unique(files);
    *problems_out = problems;
    return TRUE;
}
