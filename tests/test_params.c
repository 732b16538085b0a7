/* test_params.c — Check tests for what a web request carries before any
 * page sees it: the query string (web/params.c), Accept-Language
 * (web/i18n.c), the request from the CGI environment (web/request.c),
 * the search parameters (web/search_state.c) and ids (web/ids.c).
 * Rows marked "fuzz" are inputs fuzz/fuzz_params.c found. */
#include <check.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ids.h"
#include "params.h"
#include "request.h"
#include "search_state.h"

typedef struct {
    const char *qs;
    gboolean ok;
    const char *q; /* first value of q when ok, or NULL */
    guint n;       /* pairs when ok */
} qs_case_t;

static const qs_case_t QS_CASES[] = {
    {"q=palliativ+plan&council=ASU", TRUE, "palliativ plan", 2},
    {"q=a%2Bb;sort=newest", TRUE, "a+b", 2},
    {"q=Sj%C3%B8v%C3%A6g", TRUE, "Sjøvæg", 1},
    {"&&;;q=x&&", TRUE, "x", 1},
    {"q", TRUE, "", 1},
    {"q=", TRUE, "", 1},
    {"=x", TRUE, NULL, 1},
    {"q=a=b", TRUE, "a=b", 1},
    {"", TRUE, NULL, 0},
    /* Broken escapes: lighttpd repairs them, another server may not. */
    {"q=%", FALSE, NULL, 0},
    {"q=%4", FALSE, NULL, 0},
    {"q=%G1", FALSE, NULL, 0},
    {"q=HARMONI%", FALSE, NULL, 0},
    {"q%=1", FALSE, NULL, 0},
    /* Encoded NUL and bytes that are not UTF-8. */
    {"q=a%00b", FALSE, NULL, 0},
    {"q=%FF%FE", FALSE, NULL, 0},
    {"q=%C3", FALSE, NULL, 0},
    {"q=%ED%A0%80", FALSE, NULL, 0},
    {"q=%C0%AF", FALSE, NULL, 0},
    {"%E9=1", FALSE, NULL, 0},
    {"q=\xff", FALSE, NULL, 0},
};

START_TEST(test_query_string)
{
    const qs_case_t *c = &QS_CASES[_i];
    web_params_t *p = web_params_new();
    const char *why = NULL;
    gboolean ok = web_params_parse(p, c->qs, &why);
    ck_assert_msg(ok == c->ok, "'%s': %s", c->qs, ok ? "accepted" : why);
    if (ok) {
        ck_assert_uint_eq(web_params_count(p), c->n);
        ck_assert_msg(g_strcmp0(web_params_get(p, "q"), c->q) == 0, "'%s': q = %s", c->qs,
                      web_params_get(p, "q"));
    } else {
        ck_assert_ptr_nonnull(why);
    }
    web_params_free(p);
}
END_TEST

START_TEST(test_query_string_bounds)
{
    web_params_t *p = web_params_new();
    const char *why = NULL;
    char *longest = g_strnfill(WEB_MAX_QUERY_STRING, 'a');
    longest[0] = 'q';
    longest[1] = '=';
    ck_assert(web_params_parse(p, longest, &why));
    web_params_free(p);
    char *too_long = g_strconcat(longest, "a", NULL);
    p = web_params_new();
    ck_assert(!web_params_parse(p, too_long, &why));
    ck_assert_str_eq(why, "the address is too long");
    web_params_free(p);
    GString *pairs = g_string_new("q=x");
    for (int i = 1; i < WEB_MAX_PARAMS; i++)
        g_string_append(pairs, "&council=ASU");
    p = web_params_new();
    ck_assert(web_params_parse(p, pairs->str, &why));
    ck_assert_uint_eq(web_params_count(p), WEB_MAX_PARAMS);
    web_params_free(p);
    g_string_append(pairs, "&one=more");
    p = web_params_new();
    ck_assert(!web_params_parse(p, pairs->str, &why));
    ck_assert_str_eq(why, "too many parameters");
    web_params_free(p);
    g_string_free(pairs, TRUE);
    g_free(too_long);
    g_free(longest);
}
END_TEST

typedef struct {
    const char *header;
    web_lang_t want;
} lang_case_t;

static const lang_case_t LANG_CASES[] = {
    {NULL, WEB_LANG_NB},
    {"", WEB_LANG_NB},
    {"en", WEB_LANG_EN},
    {"en-GB,en;q=0.9", WEB_LANG_EN},
    {"en;q=0.5,nb;q=0.9", WEB_LANG_NB},
    {"de,fr", WEB_LANG_NB},
    /* fuzz: an empty range split into nothing, and was read past. */
    {"en,", WEB_LANG_EN},
    {",", WEB_LANG_NB},
    {",,,,", WEB_LANG_NB},
    {"en,,nb;q=0.1", WEB_LANG_EN},
    {";", WEB_LANG_NB},
    {";;q=2", WEB_LANG_NB},
    {"en;q=", WEB_LANG_NB},
    {"en;q=nan", WEB_LANG_NB},
    {"nR-N`O,nb;q=5\367,9en;qn;q=,,8", WEB_LANG_NB},
    {",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,en", WEB_LANG_NB},
};

START_TEST(test_accept_language)
{
    const lang_case_t *c = &LANG_CASES[_i];
    ck_assert_msg(web_lang_negotiate(c->header) == c->want, "'%s'",
                  c->header ? c->header : "(null)");
}
END_TEST

/* fuzz: the crashing request as it came, through web_request_from_env. */
START_TEST(test_request_from_env)
{
    g_setenv("REQUEST_METHOD", "GET", TRUE);
    g_setenv("QUERY_STRING", "q<HARIoppst/esa", TRUE);
    g_setenv("PATH_INFO", "tarrch", TRUE);
    g_setenv("HTTP_ACCEPT_LANGUAGE", "nR-N`O,nb;q=5\367,9en;qn;q=,,8", TRUE);
    web_request_t r;
    int status = 0;
    const char *why = NULL;
    ck_assert(web_request_from_env(&r, "/static", &status, &why));
    ck_assert_int_eq(r.lang, WEB_LANG_NB);
    ck_assert_str_eq(r.path, "tarrch");
    web_request_clear(&r);
    g_setenv("QUERY_STRING", "q=%", TRUE);
    ck_assert(!web_request_from_env(&r, "/static", &status, &why));
    ck_assert_int_eq(status, 400);
    web_request_clear(&r);
}
END_TEST

typedef struct {
    const char *qs;
    gboolean ok;
} search_case_t;

static const search_case_t SEARCH_CASES[] = {
    {"q=HARMONI&limit=1000", TRUE},     {"q=HARMONI&start=10000", TRUE},
    {"q=HARMONI&start=10001", FALSE},   {"q=HARMONI&start=4294967296", FALSE},
    {"q=HARMONI&limit=-1", FALSE},      {"q=HARMONI&limit=", TRUE},
    {"q=HARMONI&sort=sideways", FALSE}, {"council=%22ASU&q=x", TRUE},
};

START_TEST(test_search_params)
{
    const search_case_t *c = &SEARCH_CASES[_i];
    web_request_t r = {.params = web_params_new()};
    const char *why = NULL;
    ck_assert(web_params_parse(r.params, c->qs, &why));
    web_search_t s;
    gboolean ok = web_search_from_request(&s, &r, &why);
    ck_assert_msg(ok == c->ok, "'%s': %s", c->qs, ok ? "accepted" : why);
    if (ok) {
        ck_assert(s.limit >= 1 && s.limit <= WEB_MAX_LIMIT && s.start <= WEB_MAX_START);
        char *q = web_search_query(&s);
        ck_assert_msg(!strstr(q, "council:\"\"ASU"), "a quote got into a filter: %s", q);
        g_free(q);
    }
    web_search_clear(&s);
    web_params_free(r.params);
}
END_TEST

START_TEST(test_search_query_too_long)
{
    web_request_t r = {.params = web_params_new()};
    char *q = g_strnfill(WEB_MAX_QUERY + 1, '(');
    ck_assert(web_params_add(r.params, "q", q));
    web_search_t s;
    const char *why = NULL;
    ck_assert(!web_search_from_request(&s, &r, &why));
    ck_assert_ptr_nonnull(strstr(why, "too long"));
    web_search_clear(&s);
    web_params_free(r.params);
    g_free(q);
}
END_TEST

static const char *const GOOD_IDS[] = {"0123456789abcdef", "0123456789abcdef:1",
                                       "0123456789abcdef:999999"};
static const char *const BAD_IDS[] = {"",
                                      "0123456789ABCDEF",
                                      "0123456789abcde",
                                      "0123456789abcdef0",
                                      "0123456789abcdef:",
                                      "0123456789abcdef:1234567",
                                      "0123456789abcdef:-1",
                                      "0123456789abcdef:1:2",
                                      "0123456789abcdef\n",
                                      "g123456789abcdef"};

START_TEST(test_ids)
{
    for (gsize i = 0; i < G_N_ELEMENTS(GOOD_IDS); i++)
        ck_assert_msg(web_id_valid(GOOD_IDS[i]), "%s", GOOD_IDS[i]);
    for (gsize i = 0; i < G_N_ELEMENTS(BAD_IDS); i++)
        ck_assert_msg(!web_id_valid(BAD_IDS[i]), "%s", BAD_IDS[i]);
    ck_assert(!web_id_valid(NULL));
}
END_TEST

static Suite *params_suite(void)
{
    Suite *s = suite_create("params");
    TCase *tc = tcase_create("request");
    tcase_add_loop_test(tc, test_query_string, 0, (int)G_N_ELEMENTS(QS_CASES));
    tcase_add_test(tc, test_query_string_bounds);
    tcase_add_loop_test(tc, test_accept_language, 0, (int)G_N_ELEMENTS(LANG_CASES));
    tcase_add_test(tc, test_request_from_env);
    tcase_add_loop_test(tc, test_search_params, 0, (int)G_N_ELEMENTS(SEARCH_CASES));
    tcase_add_test(tc, test_search_query_too_long);
    tcase_add_test(tc, test_ids);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(params_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
