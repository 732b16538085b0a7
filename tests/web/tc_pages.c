/* tc_pages.c — what people see: search with facets, order and pages, a
 * meeting, a person, a trace, a case, both languages. */
#include <stdlib.h>
#include <string.h>

#include "wt.h"

START_TEST(search_page_renders_hits_and_facets)
{
    char *dom = wt_dom("/search?q=palliativ+plan", "nb");
    ck_assert_uint_ge(count_of(dom, "<li class=\"hit\">"), 3);
    ck_assert_uint_ge(wt_total_in(dom), 3);
    ck_assert_msg(strstr(dom, "<mark>"), "hit words are not marked");
    ck_assert_msg(strstr(dom, "class=\"decision\""), "no decision under an item hit");
    for (const char *const *f = (const char *const[]){"council", "year", "kind", "person", NULL};
         *f; f++) {
        char *id = g_strdup_printf("id=\"facet-%s\"", *f);
        ck_assert_msg(strstr(dom, id), "no %s facet", *f);
        g_free(id);
    }
    ck_assert_msg(strstr(dom, "<span class=\"count\">"), "facets without counts");
    ck_assert_msg(strstr(dom, "<label for=\"q\">") && strstr(dom, "id=\"q\""), "query box label");
    ck_assert_msg(strstr(dom, "<label for=\"sort\""), "sort label");
    ck_assert_msg(strstr(dom, " treff"), "not in bokmål");
    g_free(dom);
}
END_TEST

/* Follow the first council facet, then its remove link, as a click would. */
START_TEST(facet_link_adds_and_removes_a_filter)
{
    char *dom = wt_dom("/search?q=HARMONI", "nb");
    guint before = wt_total_in(dom);
    char *href = wt_capture(dom, "id=\"facet-council\".*?<li><a href=\"([^\"]+)\"");
    ck_assert_msg(href != NULL, "no council facet link");
    char *path = wt_unescape(href);
    char *dom2 = wt_dom(path, "nb");
    guint after = wt_total_in(dom2);
    ck_assert_msg(after > 0 && after < before, "filter did not narrow: %u -> %u", before, after);
    ck_assert_msg(strstr(dom2, "<li class=\"active\">") && strstr(dom2, "(fjern)"),
                  "the filter is not shown as active");
    char *remove =
        wt_capture(dom2, "<li class=\"active\"><a aria-current=\"true\" href=\"([^\"]+)\"");
    ck_assert_msg(remove != NULL, "no link to remove the filter");
    char *path3 = wt_unescape(remove);
    char *dom3 = wt_dom(path3, "nb");
    ck_assert_uint_eq(wt_total_in(dom3), before);
    g_free(dom);
    g_free(href);
    g_free(path);
    g_free(dom2);
    g_free(remove);
    g_free(path3);
    g_free(dom3);
}
END_TEST

static void dates_of(JsonNode *ans, const char *array, GPtrArray *out)
{
    JsonArray *a = json_object_get_array_member(json_node_get_object(ans), array);
    for (guint i = 0; i < json_array_get_length(a); i++) {
        JsonObject *o = json_array_get_object_element(a, i);
        if (!json_object_get_null_member(o, "date"))
            g_ptr_array_add(out, (char *)json_object_get_string_member(o, "date"));
    }
}

static void assert_order(GPtrArray *dates, int dir, const char *what)
{
    ck_assert_msg(dates->len >= 3, "%s: only %u dated results", what, dates->len);
    for (guint i = 1; i < dates->len; i++)
        ck_assert_msg(dir * strcmp(dates->pdata[i - 1], dates->pdata[i]) <= 0, "%s: %s before %s",
                      what, (char *)dates->pdata[i - 1], (char *)dates->pdata[i]);
}

START_TEST(sort_orders_and_pages)
{
    JsonNode *old = wt_web_json("/search?q=HARMONI&sort=oldest&format=json");
    JsonNode *new = wt_web_json("/search?q=HARMONI&sort=newest&format=json");
    GPtrArray *a = g_ptr_array_new(), *b = g_ptr_array_new();
    dates_of(old, "results", a);
    dates_of(new, "results", b);
    assert_order(a, 1, "oldest");
    assert_order(b, -1, "newest");
    JsonNode *page2 = wt_web_json("/search?q=HARMONI&limit=2&start=2&format=json");
    JsonObject *p = json_node_get_object(page2);
    ck_assert_int_eq(json_object_get_int_member(p, "offset"), 2);
    ck_assert_uint_le(json_array_get_length(json_object_get_array_member(p, "results")), 2);
    http_t r;
    wt_get_ok("/search?q=HARMONI&limit=2", &r);
    ck_assert_msg(strstr(r.body, "rel=\"next\"") && strstr(r.body, "start=2"), "no next page");
    ck_assert_msg(strstr(r.body, "sort=newest"), "no order links");
    http_clear(&r);
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
    json_node_unref(old);
    json_node_unref(new);
    json_node_unref(page2);
}
END_TEST

START_TEST(zero_hits_suggests_a_spelling)
{
    http_t r;
    wt_get_ok("/search?q=harmonii", &r);
    ck_assert_uint_eq(wt_total_in(r.body), 0);
    ck_assert_msg(strstr(r.body, "Mente du") && strstr(r.body, "q=harmoni\""),
                  "no 'Mente du' link to harmoni");
    http_clear(&r);
}
END_TEST

START_TEST(document_page_shows_attendance_items_and_text)
{
    char *id = harness_doc_id(&wt_env, WT_ASU_TXT);
    char *path = g_strdup_printf("/doc/%s?q=HARMONI", id);
    char *dom = wt_dom(path, "nb");
    ck_assert_msg(strstr(dom, "id=\"attendance\"") && strstr(dom, "<h3>Til stede</h3>") &&
                      strstr(dom, "<h3>Forfall</h3>"),
                  "attendance by status missing");
    ck_assert_msg(strstr(dom, "<h4>Møteleder</h4>"), "attendance by role missing");
    char *who = wt_capture(dom, "<a href=\"(/person\\?name=[^\"]+)\">Gunnhild Øyås</a>");
    ck_assert_msg(who != NULL, "names do not link to the person page");
    char *person = wt_dom(who, "nb");
    ck_assert_msg(strstr(person, "<h1>Gunnhild Øyås</h1>") &&
                      strstr(person, "datetime=\"2024-04-17\""),
                  "the link does not lead to her page with this meeting");
    g_free(person);
    g_free(who);
    ck_assert_msg(strstr(dom, "<li id=\"item-5\">") && strstr(dom, "href=\"#item-5\""),
                  "items without anchors");
    ck_assert_msg(strstr(dom, "Sak 13/24"), "case number not shown");
    ck_assert_msg(strstr(dom, "class=\"decision\""), "decisions not set apart");
    ck_assert_msg(strstr(dom, "<mark>HARMONI</mark>"), "hit words not marked in the text");
    ck_assert_msg(strstr(dom, "17.04.2024") && strstr(dom, "Møterom Tråvika"), "metadata");
    char *file = g_strdup_printf("href=\"/file/%s\"", id);
    ck_assert_msg(strstr(dom, file), "no link to the original");
    g_free(file);
    g_free(dom);
    g_free(path);
    g_free(id);
}
END_TEST

START_TEST(item_id_redirects_to_its_anchor)
{
    char *id = harness_doc_id(&wt_env, WT_ASU_TXT);
    char *path = g_strdup_printf("/doc/%s:5", id);
    http_t r;
    http_get(&wt_env, path, &r);
    ck_assert_int_eq(r.status, 303);
    char *loc = http_header(&r, "Location");
    char *want = g_strdup_printf("/doc/%s#item-5", id);
    ck_assert_msg(loc && g_str_has_suffix(loc, want), "Location %s", loc);
    g_free(want);
    g_free(loc);
    http_clear(&r);
    g_free(path);
    g_free(id);
}
END_TEST

START_TEST(person_page_lists_meetings_and_counts)
{
    char *name = wt_url_part("Randi Sjøvæg");
    char *path = g_strdup_printf("/person?name=%s", name);
    http_t r;
    wt_get_ok(path, &r);
    ck_assert_msg(strstr(r.body, "<h1>Randi Sjøvæg</h1>"), "canonical name");
    guint rows = count_of(r.body, "<tr class=\"present\">") +
                 count_of(r.body, "<tr class=\"absent\">") +
                 count_of(r.body, "<tr class=\"mentioned\">");
    ck_assert_uint_ge(rows, 5);
    ck_assert_msg(strstr(r.body, "<caption>Per utvalg</caption>") &&
                      strstr(r.body, "<caption>Per år</caption>"),
                  "counts per council and year");
    ck_assert_msg(strstr(r.body, "<th scope=\"row\">Administrativt samarbeidsutvalg</th>"),
                  "ASU row");
    char *jpath = g_strdup_printf("%s&format=json", path);
    JsonNode *j = wt_web_json(jpath);
    JsonObject *a = json_node_get_object(j);
    ck_assert_uint_eq(json_array_get_length(json_object_get_array_member(a, "meetings")) +
                          json_array_get_length(json_object_get_array_member(a, "mentioned")),
                      rows);
    json_node_unref(j);
    g_free(jpath);
    http_clear(&r);
    g_free(path);
    g_free(name);
}
END_TEST

START_TEST(trace_page_is_in_date_order)
{
    http_t r;
    wt_get_ok("/trace?q=HARMONI", &r);
    char **dates =
        wt_capture_all(r.body, "<li class=\"event\">\\s*<h2><time datetime=\"([0-9-]+)\"");
    guint n = g_strv_length(dates);
    ck_assert_uint_ge(n, 4);
    for (guint i = 1; i < n; i++)
        ck_assert_msg(strcmp(dates[i - 1], dates[i]) <= 0, "%s before %s", dates[i - 1], dates[i]);
    ck_assert_msg(strcmp(dates[0], "2024-04-17") == 0, "HARMONI starts 17.04.2024, not %s",
                  dates[0]);
    ck_assert_msg(strstr(r.body, "class=\"decision\""), "events without decisions");
    g_strfreev(dates);
    http_clear(&r);
}
END_TEST

START_TEST(case_page_traces_one_case)
{
    http_t r;
    wt_get_ok("/case?council=Administrativt%20samarbeidsutvalg&number=13%2F24", &r);
    ck_assert_uint_ge(count_of(r.body, "<li class=\"event\">"), 1);
    ck_assert_msg(strstr(r.body, "<time datetime=\"2024-04-17\">"), "the ASU meeting is missing");
    http_clear(&r);
    http_get(&wt_env, "/case?number=drop%20table", &r);
    ck_assert_int_eq(r.status, 400);
    http_clear(&r);
}
END_TEST

START_TEST(language_from_parameter_and_header)
{
    http_t r;
    wt_get_ok("/search?q=HARMONI&lang=en", &r);
    ck_assert_msg(strstr(r.body, "<html lang=\"en\">") && strstr(r.body, " results"), "lang=en");
    ck_assert_msg(strstr(r.body, "lang=en\""), "links do not keep lang=en");
    http_clear(&r);
    http_request(&wt_env, "GET", "/search?q=HARMONI", "en-GB,en;q=0.8", &r);
    ck_assert_msg(strstr(r.body, "<html lang=\"en\">") && strstr(r.body, "Search minutes"),
                  "Accept-Language: en");
    http_clear(&r);
    http_request(&wt_env, "GET", "/search?q=HARMONI", "nb-NO,nb;q=0.9,en;q=0.5", &r);
    ck_assert_msg(strstr(r.body, "<html lang=\"nb\">") && strstr(r.body, " treff"),
                  "Accept-Language: nb");
    http_clear(&r);
    char *dom = wt_dom("/search?q=HARMONI&lang=en", "nb");
    ck_assert_msg(strstr(dom, ">Search minutes and records</label>") && !strstr(dom, " treff"),
                  "Chromium does not see English labels");
    g_free(dom);
}
END_TEST

TCase *wt_pages_case(void)
{
    TCase *tc = tcase_create("pages");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, search_page_renders_hits_and_facets);
    tcase_add_test(tc, facet_link_adds_and_removes_a_filter);
    tcase_add_test(tc, sort_orders_and_pages);
    tcase_add_test(tc, zero_hits_suggests_a_spelling);
    tcase_add_test(tc, document_page_shows_attendance_items_and_text);
    tcase_add_test(tc, item_id_redirects_to_its_anchor);
    tcase_add_test(tc, person_page_lists_meetings_and_counts);
    tcase_add_test(tc, trace_page_is_in_date_order);
    tcase_add_test(tc, case_page_traces_one_case);
    tcase_add_test(tc, language_from_parameter_and_header);
    return tc;
}
