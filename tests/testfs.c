/* testfs.c — see testfs.h. */
#include "testfs.h"

#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>

void testfs_copy_file(const char *from, const char *to)
{
    char *data = NULL;
    gsize len = 0;
    ck_assert_msg(g_file_get_contents(from, &data, &len, NULL), "cannot read %s", from);
    ck_assert_msg(g_file_set_contents(to, data, (gssize)len, NULL), "cannot write %s", to);
    g_free(data);
}

void testfs_copy_dir(const char *from, const char *to)
{
    ck_assert_int_eq(g_mkdir_with_parents(to, 0755), 0);
    GDir *d = g_dir_open(from, 0, NULL);
    ck_assert_msg(d != NULL, "cannot open %s", from);
    const char *name;
    while ((name = g_dir_read_name(d))) {
        char *a = g_build_filename(from, name, NULL), *b = g_build_filename(to, name, NULL);
        if (g_file_test(a, G_FILE_TEST_IS_REGULAR))
            testfs_copy_file(a, b);
        g_free(a);
        g_free(b);
    }
    g_dir_close(d);
}

void testfs_rm_rf(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    if (d) {
        const char *name;
        while ((name = g_dir_read_name(d))) {
            char *p = g_build_filename(path, name, NULL);
            testfs_rm_rf(p);
            g_free(p);
        }
        g_dir_close(d);
    }
    g_remove(path);
}
