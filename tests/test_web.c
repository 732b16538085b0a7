/* test_web.c — end-to-end tests of arkiv.cgi: a real index of the samples
 * (plus a hostile file), real lighttpd running the CGI under FastCGI and
 * plain CGI, real HTTP and real headless Chromium. No mocks.
 * Usage: test_web ARKIV_BINARY ARKIV_CGI WEB_DIR SAMPLES_DIR
 * ARKIV_WEB_KEEP=1 keeps the temporary folder (index, server logs). */
#include <stdio.h>
#include <stdlib.h>

#include "web/wt.h"

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: %s ARKIV ARKIV_CGI WEB_DIR SAMPLES_DIR\n", argv[0]);
        return 2;
    }
    if (!harness_setup(&wt_env, argv[1], argv[2], argv[3], argv[4])) {
        harness_teardown(&wt_env);
        return 1;
    }
    Suite *s = suite_create("web");
    suite_add_tcase(s, wt_pages_case());
    suite_add_tcase(s, wt_formats_case());
    suite_add_tcase(s, wt_safety_case());
    suite_add_tcase(s, wt_serve_case());
    suite_add_tcase(s, wt_browser_case());
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    harness_teardown(&wt_env);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
