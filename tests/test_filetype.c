/* test_filetype.c — type detection by content: the fast text path must
 * give the same answers as the full libmagic database where it matters. */
#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "filetype.h"

typedef struct {
    const char *name;
    const char *content;
    gssize len;
    const char *mime;
} type_case_t;

static const type_case_t CASES[] = {
    {"utf8.txt", "Referat fra møte i ASU\nTil stede: Kari Brattli\n", -1, "text/plain"},
    {"cp1252.txt", "Referat fra m\xf8te i ASU\r\n", -1, "text/plain"},
    {"bom.txt", "\xef\xbb\xbfReferat\n", -1, "text/plain"},
    {"utf16.txt", "\xff\xfeR\0e\0f\0\n\0", 10, "text/plain"},
    {"doc.ps", "%!PS-Adobe-3.0\n%%Title: referat\n%%EndComments\nshowpage\n", -1,
     "application/postscript"},
    {"doc.xml", "<?xml version=\"1.0\"?>\n<referat><sak>12/24</sak></referat>\n", -1, "text/xml"},
    {"named.pdf", "Referat, not a PDF at all\n", -1, "text/plain"},
    {"fake.txt", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", -1, "application/pdf"},
    {"zeros.bin", "\0\0\0\0\x01\x02\x03\x04\xfe\xff", 10, "application/octet-stream"},
};

START_TEST(test_detect_table)
{
    const type_case_t *c = &CASES[_i];
    char *dir = g_dir_make_tmp("arkiv-filetype-XXXXXX", NULL);
    char *path = g_build_filename(dir, c->name, NULL);
    arkiv_filetype_t *ft = NULL;
    char *mime = NULL;
    GError *error = NULL;

    ck_assert(g_file_set_contents(path, c->content, c->len, NULL));
    ck_assert_msg(arkiv_filetype_open(&ft, &error), "%s", error ? error->message : "");
    ck_assert_msg(arkiv_filetype_detect(ft, path, &mime, &error), "%s",
                  error ? error->message : "");
    ck_assert_msg(g_strcmp0(mime, c->mime) == 0, "%s: got %s, want %s", c->name, mime, c->mime);
    g_free(mime);
    arkiv_filetype_free(ft);
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
    g_free(dir);
}
END_TEST

START_TEST(test_missing_file_is_an_error)
{
    arkiv_filetype_t *ft = NULL;
    char *mime = (char *)"sentinel";
    GError *error = NULL;

    ck_assert(arkiv_filetype_open(&ft, &error));
    ck_assert(!arkiv_filetype_detect(ft, "/nonexistent/arkiv/file.txt", &mime, &error));
    ck_assert_ptr_null(mime);
    ck_assert_ptr_nonnull(error);
    g_error_free(error);
    arkiv_filetype_free(ft);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("filetype");
    TCase *tc = tcase_create("detect");
    SRunner *sr;
    int failed;

    tcase_add_loop_test(tc, test_detect_table, 0, (int)G_N_ELEMENTS(CASES));
    tcase_add_test(tc, test_missing_file_is_an_error);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
