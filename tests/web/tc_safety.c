/* tc_safety.c — escaping of hostile text, the security headers, the
 * original-file endpoint and the bounds on what a request may ask. */
#include <stdio.h>
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

/* ---- Hostile requests (issue 8) ----
 * Whatever a client sends, the answer is a 4xx or a bounded answer well
 * within the CPU limit (ARKIV_CPU_LIMIT, 10 s by default), never a 5xx,
 * a crash of the FastCGI process or a hang. lighttpd itself refuses a
 * request whose header block passes 8 KB (431), so what is longer never
 * reaches arkiv.cgi. */

/* Wall-clock seconds a hostile request may take: the CPU limit, which
 * cuts a runaway request off with a 5xx, is the real bound. */
#define HOSTILE_SECONDS 10.0

/* Send `request` as it is (any headers, any length); status 0 when the
 * connection failed or the answer is not HTTP. */
static int raw_status(const char *request)
{
    GSocketClient *client = g_socket_client_new();
    g_socket_client_set_timeout(client, 30);
    GSocketConnection *conn =
        g_socket_client_connect_to_host(client, "127.0.0.1", (guint16)wt_env.port, NULL, NULL);
    int status = 0;
    if (conn && g_output_stream_write_all(g_io_stream_get_output_stream(G_IO_STREAM(conn)), request,
                                          strlen(request), NULL, NULL, NULL)) {
        GString *all = g_string_new(NULL);
        GInputStream *in = g_io_stream_get_input_stream(G_IO_STREAM(conn));
        char buf[16384];
        gssize n;
        while ((n = g_input_stream_read(in, buf, sizeof buf, NULL, NULL)) > 0)
            g_string_append_len(all, buf, n);
        if (sscanf(all->str, "HTTP/%*s %d", &status) != 1)
            status = 0;
        g_string_free(all, TRUE);
    }
    if (conn)
        g_object_unref(conn);
    g_object_unref(client);
    return status;
}

/* GET path with extra header lines (each ending in \r\n, may be ""). */
static int get_with_headers(const char *path, const char *headers, double *seconds)
{
    char *req = g_strdup_printf("GET %s HTTP/1.0\r\nHost: 127.0.0.1:%d\r\n%sConnection: "
                                "close\r\n\r\n",
                                path, wt_env.port, headers);
    gint64 t0 = g_get_monotonic_time();
    int status = raw_status(req);
    *seconds = (double)(g_get_monotonic_time() - t0) / G_USEC_PER_SEC;
    g_free(req);
    return status;
}

/* ARKIV_WEB_HOSTILE_LOG=1 prints each case's answer and time (the
 * figures in docs/reliability.md). */
static void log_case(const char *what, int status, double seconds)
{
    if (g_getenv("ARKIV_WEB_HOSTILE_LOG")) {
        char *flat = g_strdelimit(g_strndup(what, 70), "\r\n", ' ');
        fprintf(stderr, "hostile: %-70s %d %.3f s\n", flat, status, seconds);
        g_free(flat);
    }
}

/* The answer is a client error or a bounded success; never 5xx or none. */
static int assert_bounded(const char *path, const char *headers)
{
    double secs = 0;
    int status = get_with_headers(path, headers, &secs);
    log_case(*headers ? headers : path, status, secs);
    ck_assert_msg(status >= 200 && status < 500, "%.80s: status %d", path, status);
    ck_assert_msg(secs < HOSTILE_SECONDS, "%.80s: %.1f s", path, secs);
    return status;
}

static void assert_refused(const char *path, int want)
{
    int status = assert_bounded(path, "");
    ck_assert_msg(status == want, "%.80s: status %d, not %d", path, status, want);
}

/* The FastCGI process is still the one that answers, and answers well. */
static void assert_still_serving(void)
{
    http_t r;
    wt_get_ok("/search?q=HARMONI", &r);
    ck_assert_uint_ge(wt_total_in(r.body), 1);
    http_clear(&r);
}

static char *search_path(const char *page, const char *q)
{
    char *e = wt_url_part(q);
    char *path = g_strdup_printf("/%s?q=%s", page, e);
    g_free(e);
    return path;
}

START_TEST(oversized_requests_are_refused)
{
    /* Past 8 KB of header lighttpd answers 431 itself. */
    char *big = g_strnfill(9000, 'a'), *path = g_strdup_printf("/search?q=%s", big);
    int st = assert_bounded(path, "");
    ck_assert_msg(st == 431 || st == 414 || st == 400, "9000-byte query string: %d", st);
    g_free(path);
    char *hdr = g_strdup_printf("X-Filler: %s\r\n", big);
    st = assert_bounded("/search?q=HARMONI", hdr);
    ck_assert_msg(st == 431 || st == 400, "9000-byte header: %d", st);
    g_free(hdr);
    /* Just under lighttpd's bound, arkiv.cgi's own bounds answer. */
    char *q = g_strnfill(4000, 'b');
    path = g_strdup_printf("/search?q=%s", q);
    assert_refused(path, 400);
    g_free(path);
    path = g_strdup_printf("/search?q=HARMONI&%s=1", q);
    assert_bounded(path, "");
    g_free(path);
    GString *many = g_string_new("/search?q=HARMONI");
    for (int i = 0; i < 100; i++)
        g_string_append(many, "&council=ASU");
    assert_refused(many->str, 400);
    g_string_free(many, TRUE);
    GString *lines = g_string_new(NULL);
    for (int i = 0; i < 200; i++)
        g_string_append_printf(lines, "X-Header-%d: %d\r\n", i, i);
    assert_bounded("/search?q=HARMONI", lines->str);
    g_string_free(lines, TRUE);
    g_free(q);
    g_free(big);
    assert_still_serving();
}
END_TEST

/* What the server logged (its own errors and arkiv.cgi's stderr) from
 * byte `from` on; caller g_frees. */
static char *error_log_from(gsize from)
{
    char *path = g_build_filename(wt_env.state, "error.log", NULL), *all = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &all, &len, NULL))
        len = 0;
    char *tail = g_strdup(from < len ? all + from : "");
    g_free(all);
    g_free(path);
    return tail;
}

static gsize error_log_size(void)
{
    char *all = error_log_from(0);
    gsize n = strlen(all);
    g_free(all);
    return n;
}

/* Found by fuzz/fuzz_params.c: an empty range in Accept-Language ("en,",
 * ",,") split into no parts; arkiv.cgi then stripped a NULL (GLib
 * criticals) and read past the end of the vector, which crashed the
 * FastCGI process often enough (a 500, then 503s) for one header to
 * take the site down. */
START_TEST(hostile_accept_language)
{
    gsize log_at = error_log_size();
    const char *values[] = {
        "en,",    ",",        ",,,,",
        "en,,nb", ";",        ";;q=2",
        "en;q=",  "en;q=nan", "en;q=-1,nb;q=inf",
        "*",      "\xff\xfe", ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,en",
        NULL};
    for (const char **v = values; *v; v++)
        for (int i = 0; i < 3; i++) {
            char *hdr = g_strdup_printf("Accept-Language: %s\r\n", *v);
            int st = assert_bounded("/search?q=HARMONI", hdr);
            ck_assert_msg(st == 200, "Accept-Language '%s': %d", *v, st);
            g_free(hdr);
        }
    assert_still_serving();
    GString *longlang = g_string_new("Accept-Language: ");
    for (int i = 0; i < 700; i++)
        g_string_append(longlang, "en;q=0.5,");
    g_string_append(longlang, "\r\n");
    ck_assert_int_eq(assert_bounded("/search?q=HARMONI", longlang->str), 200);
    g_string_free(longlang, TRUE);
    assert_still_serving();
    char *log = error_log_from(log_at);
    ck_assert_msg(!strstr(log, "CRITICAL") && !strstr(log, "signalled") && !strstr(log, "died"),
                  "the server logged:\n%s", log);
    g_free(log);
}
END_TEST

/* Nesting: q is at most 500 bytes, so at most ~250 levels reach the
 * parser; deeper is refused as too long. Unbalanced and odd operators
 * are bad queries (400) or parsed leniently (200), never an error. */
START_TEST(deep_and_odd_boolean_queries)
{
    GString *deep = g_string_new(NULL);
    for (int i = 0; i < 5000; i++)
        g_string_append_c(deep, '(');
    g_string_append(deep, "HARMONI");
    for (int i = 0; i < 5000; i++)
        g_string_append_c(deep, ')');
    char *path = g_strdup_printf("/search?q=%s", deep->str);
    int st = assert_bounded(path, "");
    ck_assert_msg(st == 431 || st == 400, "5000 levels: %d", st);
    g_free(path);
    g_string_truncate(deep, 0);
    for (int i = 0; i < 700; i++)
        g_string_append_c(deep, '(');
    path = g_strdup_printf("/search?q=%sa", deep->str);
    assert_refused(path, 400);
    g_free(path);
    g_string_truncate(deep, 0);
    for (int i = 0; i < 30; i++)
        g_string_append(deep, i % 2 ? "(a OR " : "(b AND NOT ");
    g_string_append(deep, "HARMONI");
    for (int i = 0; i < 30; i++)
        g_string_append_c(deep, ')');
    const char *queries[] = {deep->str,
                             "((((((((((((((((((((((((((((((((((((((((((((((((((HARMONI",
                             "HARMONI))))))))))))))))))))))))))))))))))))))))))))))))",
                             "NOT NOT NOT NOT NOT NOT NOT NOT HARMONI",
                             "AND OR NOT XOR NEAR ADJ",
                             "HARMONI NEAR/999999999 oppstart",
                             "\"\"\"\"\"\"\"\"\"\"\"",
                             "\"HARMONI",
                             "date:..",
                             "date:0000-00-00..9999-99-99",
                             "date:2024-04-17..1900",
                             "council:",
                             "person:\"\"",
                             "id:*",
                             "+-+-+-+-HARMONI",
                             NULL};
    const char *pages[] = {"search", "feed", "trace", NULL};
    for (const char **q = queries; *q; q++)
        for (const char **pg = pages; *pg; pg++) {
            path = search_path(*pg, *q);
            assert_bounded(path, "");
            g_free(path);
        }
    /* The full 500 bytes of nesting. */
    g_string_truncate(deep, 0);
    while (deep->len < 246)
        g_string_append_c(deep, '(');
    g_string_append(deep, "HARMONI");
    while (deep->len < 500)
        g_string_append_c(deep, ')');
    path = search_path("search", deep->str);
    assert_bounded(path, "");
    g_free(path);
    g_string_free(deep, TRUE);
    assert_still_serving();
}
END_TEST

/* Wildcards expand to at most ARKIV_MAX_WILDCARD_TERMS terms each, and a
 * query of 500 bytes holds at most ~80 of them. */
START_TEST(wildcard_storms_are_bounded)
{
    GString *ors = g_string_new(NULL), *ands = g_string_new(NULL);
    for (int i = 0; ors->len + 6 < 500; i++)
        g_string_append_printf(ors, "%s%c*", i ? " OR " : "", 'a' + i % 26);
    for (int i = 0; ands->len + 3 < 500; i++)
        g_string_append_printf(ands, "%s%c*", i ? " " : "", 'a' + i % 26);
    const char *queries[] = {"*",         "a*",        "**",     "*a",      "\"a* b*\"", "title:a*",
                             "s* OR -s*", "council:*", ors->str, ands->str, NULL};
    const char *pages[] = {"search", "feed", "trace", NULL};
    for (const char **q = queries; *q; q++)
        for (const char **pg = pages; *pg; pg++) {
            char *path = search_path(*pg, *q);
            assert_bounded(path, "");
            char *json = g_strdup_printf("%s&format=json&limit=50&sort=newest", path);
            assert_bounded(json, "");
            g_free(json);
            g_free(path);
        }
    g_string_free(ors, TRUE);
    g_string_free(ands, TRUE);
    assert_still_serving();
}
END_TEST

/* Escapes that decode to bytes that are not UTF-8, or to NUL, are the
 * client's error. A broken escape ("%", "%G1") never reaches arkiv.cgi:
 * lighttpd normalises it to "%25..." first, so it is searched for as
 * text, and must be echoed as such; arkiv.cgi's own refusal of it is
 * tested in tests/test_params.c. */
START_TEST(invalid_percent_encoding_is_400)
{
    const char *bad[] = {"/search?q=%00",
                         "/search?q=a%00b",
                         "/search?q=%C3",
                         "/search?q=%C3%28",
                         "/search?q=%ED%A0%80",
                         "/search?q=%C0%AF",
                         "/search?q=%F4%90%80%80",
                         "/search?q=%FF%FE%FD",
                         "/search?%FF=1",
                         "/search?q=HARMONI&council=%E9",
                         "/feed?q=%E9",
                         "/trace?q=%FF",
                         "/person?name=%C3",
                         "/doc/0123456789abcdef?q=%FF",
                         NULL};
    for (const char **p = bad; *p; p++)
        assert_refused(*p, 400);
    const char *repaired[][2] = {{"/search?q=%", "%"},     {"/search?q=%G1", "%G1"},
                                 {"/search?q=%zz", "%zz"}, {"/search?q=HARMONI%", "HARMONI%"},
                                 {"/search?q=%4", "%4"},   {"/search?q%=1", NULL},
                                 {"/feed?q=%", NULL},      {"/person?name=%", NULL}};
    for (gsize i = 0; i < G_N_ELEMENTS(repaired); i++) {
        assert_bounded(repaired[i][0], "");
        if (!repaired[i][1])
            continue;
        http_t r;
        wt_get_ok(repaired[i][0], &r);
        char *value = wt_capture(r.body, "id=\"q\"[^>]*value=\"([^\"]*)\"");
        ck_assert_msg(value && strcmp(value, repaired[i][1]) == 0, "%s: echoed as %s",
                      repaired[i][0], value);
        g_free(value);
        http_clear(&r);
    }
    assert_still_serving();
}
END_TEST

/* Ids of the wrong shape never reach the index: 400, whatever their
 * length or alphabet. */
START_TEST(wrong_ids_are_400)
{
    char *huge = g_strnfill(5000, 'a'), *path = g_strdup_printf("/doc/%s", huge);
    const char *bad[] = {"/doc/0123456789abcdef:99999999999",
                         "/doc/0123456789abcdef:-1",
                         "/doc/0123456789abcdef:+1",
                         "/doc/0123456789abcdef:%20",
                         "/doc/%C3%B8123456789abcdef",
                         "/doc/0123456789abcdef%0A",
                         "/doc/0123456789abcdef::1",
                         "/doc/0x23456789abcdef",
                         "/file/0123456789abcdef:",
                         "/file/%FF",
                         path,
                         NULL};
    for (const char **p = bad; *p; p++)
        assert_refused(*p, 400);
    g_free(path);
    g_free(huge);
    assert_still_serving();
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
    tcase_add_test(tc, oversized_requests_are_refused);
    tcase_add_test(tc, hostile_accept_language);
    tcase_add_test(tc, deep_and_odd_boolean_queries);
    tcase_add_test(tc, wildcard_storms_are_bounded);
    tcase_add_test(tc, invalid_percent_encoding_is_400);
    tcase_add_test(tc, wrong_ids_are_400);
    return tc;
}
