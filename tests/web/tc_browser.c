/* tc_browser.c — a visitor's clicks in real Chromium (tests/web/
 * browser.mjs, playwright-core) against the test's lighttpd, with
 * screenshots of the main pages in $ARKIV_WEB_SHOTS (the web-tests
 * target: $(O)/tests/web-screenshots), else in the temporary folder. */
#include <stdio.h>

#include "wt.h"

START_TEST(visitor_clicks_through_in_chromium)
{
    char *script = g_build_filename(wt_env.webdir, "..", "tests", "web", "browser.mjs", NULL);
    const char *want = g_getenv("ARKIV_WEB_SHOTS");
    char *shots =
        want && *want ? g_strdup(want) : g_build_filename(wt_env.tmp, "screenshots", NULL);
    g_mkdir_with_parents(shots, 0755);
    char *base = g_strdup_printf("http://127.0.0.1:%d", wt_env.port);
    char *id = harness_doc_id(&wt_env, WT_HOSTILE_TXT);
    char *hostile = g_strdup_printf("/doc/%s", id);
    char *argv[] = {"timeout", "180", "node", script, base, shots, hostile, NULL};
    int rc = harness_run(argv, NULL, NULL);
    ck_assert_msg(rc == 0, "browser.mjs failed (exit %d; its reason is above)", rc);
    char *shot = g_build_filename(shots, "5-person.png", NULL);
    ck_assert_msg(g_file_test(shot, G_FILE_TEST_IS_REGULAR), "no screenshot %s", shot);
    g_free(shot);
    g_free(hostile);
    g_free(id);
    g_free(base);
    g_free(shots);
    g_free(script);
}
END_TEST

TCase *wt_browser_case(void)
{
    TCase *tc = tcase_create("browser");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, visitor_clicks_through_in_chromium);
    return tc;
}
