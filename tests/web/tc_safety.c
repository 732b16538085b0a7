/* tc_safety.c — escaping of hostile text, the security headers, the
 * original-file endpoint and the bounds on what a request may ask. */
#include <string.h>

#include "wt.h"

/* Markup from the hostile file that must never reach a page raw. */
static const char *const raw_markup[] = {"<script", "<SCRIPT", "<img", "<b>skript",
                                         "<i>",     "<style",  NULL};

static void assert_no_raw_markup(const char *body, const char *what)
{
    for (const char *const *m = raw_markup; *m; m++)
        ck_assert_msg(!strstr(body, *m), "%s: raw '%s' in the page", what, *m);
}

START_TEST(hostile_text_is_escaped_in_html)
{
    http_t r;
    wt_get_ok("/search?q=skriptpr%C3%B8ve", &r);
    ck_assert_uint_ge(wt_total_in(r.body), 1);
    assert_no_raw_markup(r.body, "search");
    ck_assert_msg(strstr(r.body, "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;"),
                  "the title is not shown as text");
    http_clear(&r);
    char *id = harness_doc_id(&wt_env, WT_HOSTILE_TXT);
    char *path = g_strdup_printf("/doc/%s?q=skriptpr%%C3%%B8ve", id);
    wt_get_ok(path, &r);
    assert_no_raw_markup(r.body, "document");
    ck_assert_msg(strstr(r.body, "&lt;style&gt;body{display:none}&lt;/style&gt;"), "text");
    http_clear(&r);
    g_free(path);
    g_free(id);
}
END_TEST

START_TEST(hostile_text_stays_text_in_chromium)
{
    char *id = harness_doc_id(&wt_env, WT_HOSTILE_TXT);
    char *path = g_strdup_printf("/doc/%s", id);
    char *dom = wt_dom(path, "nb");
    ck_assert_msg(count_of(dom, "<script") == 0, "a script element made it into the DOM");
    ck_assert_msg(count_of(dom, "<img") == 0 && count_of(dom, "<style") == 0, "elements injected");
    /* A quote in text is harmless; inside a tag it would add a handler. */
    char *handler = wt_capture(dom, "(<[^>]*onmouseover[^>]*>)");
    ck_assert_msg(handler == NULL, "an attribute was injected: %s", handler);
    ck_assert_msg(strstr(dom, "<title>&lt;script&gt;alert(\"xss\")&lt;/script&gt;"),
                  "the title is not the text of the document");
    ck_assert_msg(strstr(dom, "&lt;script&gt;document.title='pwned'&lt;/script&gt;"),
                  "the text is not shown as text");
    g_free(dom);
    g_free(path);
    g_free(id);
}
END_TEST

START_TEST(query_echo_is_escaped)
{
    http_t r;
    wt_get_ok("/search?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&lang=%22%3E%3Cx", &r);
    ck_assert_msg(!strstr(r.body, "<script>alert(1)"), "query echoed raw");
    ck_assert_msg(strstr(r.body, "value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""),
                  "query not escaped in the input value");
    ck_assert_msg(!strstr(r.body, "\"><x"), "lang echoed raw");
    http_clear(&r);
    wt_get_ok("/person?name=%3Cscript%3Ex%3C%2Fscript%3E", &r);
    ck_assert_msg(!strstr(r.body, "<script>x"), "name echoed raw");
    http_clear(&r);
}
END_TEST

START_TEST(security_headers_on_every_answer)
{
    char *id = harness_doc_id(&wt_env, WT_ASU_TXT);
    char *doc = g_strdup_printf("/doc/%s", id), *file = g_strdup_printf("/file/%s", id);
    const char *paths[] = {"/",
                           "/search?q=HARMONI",
                           doc,
                           "/person?name=Kari%20Nordvik",
                           "/trace?q=HARMONI",
                           "/feed?q=HARMONI",
                           file,
                           "/nowhere",
                           "/search?q=AND",
                           NULL};
    for (const char **p = paths; *p; p++) {
        http_t r;
        http_get(&wt_env, *p, &r);
        char *csp = http_header(&r, "Content-Security-Policy");
        char *nosniff = http_header(&r, "X-Content-Type-Options");
        ck_assert_msg(csp && strstr(csp, "default-src 'none'") && !strstr(csp, "unsafe-inline"),
                      "%s: CSP %s", *p, csp);
        ck_assert_msg(nosniff && strcmp(nosniff, "nosniff") == 0, "%s: nosniff", *p);
        char *type = http_header(&r, "Content-Type");
        if (type && g_str_has_prefix(type, "text/html"))
            ck_assert_msg(!strstr(r.body, "<script") && !strstr(r.body, " style=") &&
                              !strstr(r.body, "<style"),
                          "%s: inline script or style", *p);
        g_free(type);
        g_free(csp);
        g_free(nosniff);
        http_clear(&r);
    }
    g_free(doc);
    g_free(file);
    g_free(id);
}
END_TEST

static void assert_status(const char *method, const char *path, int status)
{
    http_t r;
    http_request(&wt_env, method, path, NULL, &r);
    ck_assert_msg(r.status == status, "%s %s: %d, not %d", method, path, r.status, status);
    http_clear(&r);
}

START_TEST(original_file_by_id_only)
{
    char *id = harness_doc_id(&wt_env, WT_ASU_PDF);
    char *path = g_strdup_printf("/file/%s", id);
    http_t r;
    wt_get_ok(path, &r);
    char *type = http_header(&r, "Content-Type");
    ck_assert_str_eq(type, "application/pdf");
    char *disk = g_build_filename(wt_env.corpus, WT_ASU_PDF, NULL);
    char *data = NULL;
    gsize len = 0;
    ck_assert(g_file_get_contents(disk, &data, &len, NULL));
    ck_assert_uint_eq(r.body_len, len);
    ck_assert_msg(memcmp(r.body, data, len) == 0, "the PDF differs from the original");
    char *tid = harness_doc_id(&wt_env, WT_ASU_TXT), *tpath = g_strdup_printf("/file/%s", tid);
    http_t t;
    wt_get_ok(tpath, &t);
    char *ttype = http_header(&t, "Content-Type");
    ck_assert_str_eq(ttype, "text/plain; charset=utf-8");
    assert_status("GET", "/file/0123456789abcdef", 404);
    assert_status("GET", "/file/", 404);
    g_free(ttype);
    http_clear(&t);
    g_free(tpath);
    g_free(tid);
    g_free(data);
    g_free(disk);
    g_free(type);
    http_clear(&r);
    g_free(path);
    g_free(id);
}
END_TEST

START_TEST(bounded_requests_and_bad_queries)
{
    char *longq = g_strnfill(600, 'a');
    char *path = g_strdup_printf("/search?q=%s", longq);
    http_t r;
    http_get(&wt_env, path, &r);
    ck_assert_int_eq(r.status, 400);
    ck_assert_msg(strstr(r.body, "too long"), "no reason given");
    http_clear(&r);
    http_get(&wt_env, "/search?q=AND", &r);
    ck_assert_int_eq(r.status, 400);
    ck_assert_msg(strstr(r.body, "class=\"reason\"") && strstr(r.body, "AND"),
                  "a bad query gets no reason");
    http_clear(&r);
    JsonNode *j = wt_web_json("/search?q=HARMONI&limit=1000&format=json");
    ck_assert_int_eq(json_object_get_int_member(json_node_get_object(j), "limit"), 50);
    json_node_unref(j);
    assert_status("GET", "/search?q=HARMONI&start=20000", 400);
    assert_status("GET", "/search?q=HARMONI&limit=-1", 400);
    assert_status("GET", "/search?q=HARMONI&sort=sideways", 400);
    assert_status("GET", "/search?q=%FF%FE", 400);
    assert_status("GET", "/search?q=date:2024-13-45", 400);
    assert_status("POST", "/search?q=HARMONI", 405);
    assert_status("GET", "/no/such/page", 404);
    assert_status("GET", "/doc/0123456789abcdef", 404);
    g_free(path);
    g_free(longq);
}
END_TEST

/* An id is 16 lowercase hex digits, ":N" for an item: anything else is
 * the client's error (400); a well-formed id the index lacks is 404. */
START_TEST(malformed_ids_are_400)
{
    const char *bad[] = {"/doc/not-an-id",
                         "/doc/0123456789ABCDEF",
                         "/doc/0123456789abcde",
                         "/doc/0123456789abcdef0",
                         "/doc/0123456789abcdef:",
                         "/doc/0123456789abcdef:x",
                         "/doc/0123456789abcdef%00",
                         "/file/0123456789abcdef:1",
                         "/file/nope",
                         NULL};
    for (const char **p = bad; *p; p++)
        assert_status("GET", *p, 400);
    assert_status("GET", "/doc/0123456789abcdef", 404);
    /* An item id goes to its meeting first, which then is not found. */
    assert_status("GET", "/doc/0123456789abcdef:3", 303);
    assert_status("GET", "/file/0123456789abcdef", 404);
}
END_TEST

/* Traversal in any spelling never reaches a file: lighttpd folds plain
 * dot segments (then no page matches), and what arrives encoded is not
 * an id. The answer is never the file's contents. */
START_TEST(path_traversal_never_opens_a_file)
{
    const char *paths[] = {"/file/../../etc/passwd",
                           "/file/..%2F..%2F..%2Fetc%2Fpasswd",
                           "/file/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                           "/file/%2Fetc%2Fpasswd",
                           "/file/%252e%252e%252fetc%252fpasswd",
                           "/file/..%5C..%5Cetc%5Cpasswd",
                           "/doc/..%2F..%2Fetc%2Fpasswd",
                           "/file/0123456789abcdef%2F..%2F..%2Fetc%2Fpasswd",
                           "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
                           "/cgi/..%2F..%2F..%2Fetc%2Fpasswd",
                           NULL};
    for (const char **p = paths; *p; p++) {
        http_t r;
        http_get(&wt_env, *p, &r);
        ck_assert_msg(r.status == 400 || r.status == 404 || r.status == 403, "%s: status %d", *p,
                      r.status);
        ck_assert_msg(!r.body || !strstr(r.body, "root:"), "%s: a system file was served", *p);
        http_clear(&r);
    }
}
END_TEST

/* A name with markup, echoed by the person page (its heading, the
 * candidates, the JSON) stays text. */
START_TEST(person_name_markup_is_escaped)
{
    const char *names[] = {"/person?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                           "/person/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
                           "/person?name=Ola%20Nordmann%22%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E",
                           NULL};
    for (const char **p = names; *p; p++) {
        http_t r;
        http_get(&wt_env, *p, &r);
        ck_assert_msg(r.status == 200 || r.status == 404, "%s: status %d", *p, r.status);
        assert_no_raw_markup(r.body, *p);
        char *tag = wt_capture(r.body, "(<[^>]*\\sonerror\\s*=[^>]*>)");
        ck_assert_msg(tag == NULL, "%s: an attribute in the page: %s", *p, tag);
        http_clear(&r);
    }
    char *dom = wt_dom("/person?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "nb");
    ck_assert_msg(count_of(dom, "<script") == 0, "a script element made it into the DOM");
    g_free(dom);
}
END_TEST

TCase *wt_safety_case(void)
{
    TCase *tc = tcase_create("safety");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, hostile_text_is_escaped_in_html);
    tcase_add_test(tc, hostile_text_stays_text_in_chromium);
    tcase_add_test(tc, query_echo_is_escaped);
    tcase_add_test(tc, security_headers_on_every_answer);
    tcase_add_test(tc, original_file_by_id_only);
    tcase_add_test(tc, bounded_requests_and_bad_queries);
    tcase_add_test(tc, malformed_ids_are_400);
    tcase_add_test(tc, path_traversal_never_opens_a_file);
    tcase_add_test(tc, person_name_markup_is_escaped);
    return tc;
}
