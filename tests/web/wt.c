/* wt.c — helpers shared by the web test cases (see wt.h). */
#include "wt.h"

#include <stdlib.h>
#include <string.h>

web_env_t wt_env;

void wt_get_ok(const char *path, http_t *r)
{
    http_get(&wt_env, path, r);
    ck_assert_msg(r->status == 200, "GET %s: status %d", path, r->status);
}

JsonNode *wt_parse_json(const char *text, const char *what)
{
    GError *err = NULL;
    JsonNode *n = text ? json_from_string(text, &err) : NULL;
    ck_assert_msg(n != NULL, "%s is not JSON: %s", what, err ? err->message : "empty");
    return n;
}

JsonNode *wt_web_json(const char *path)
{
    http_t r;
    wt_get_ok(path, &r);
    char *type = http_header(&r, "Content-Type");
    ck_assert_msg(type && g_str_has_prefix(type, "application/json"), "%s: type %s", path, type);
    JsonNode *n = wt_parse_json(r.body, path);
    g_free(type);
    http_clear(&r);
    return n;
}

JsonNode *wt_cli_json(const char *cmd, const char *arg)
{
    char *argv[] = {wt_env.arkiv, (char *)cmd, "--db", wt_env.db, "--json", (char *)arg, NULL};
    char *out = NULL;
    int rc = harness_run(argv, NULL, &out);
    JsonNode *n = rc == 0 && out && *out ? wt_parse_json(out, cmd) : NULL;
    g_free(out);
    return n;
}

char *wt_url_part(const char *s)
{
    return g_uri_escape_string(s, NULL, FALSE);
}

char *wt_capture(const char *text, const char *pattern)
{
    GRegex *re = g_regex_new(pattern, G_REGEX_DOTALL, 0, NULL);
    GMatchInfo *m = NULL;
    char *out = g_regex_match(re, text, 0, &m) ? g_match_info_fetch(m, 1) : NULL;
    g_match_info_free(m);
    g_regex_unref(re);
    return out;
}

char **wt_capture_all(const char *text, const char *pattern)
{
    GRegex *re = g_regex_new(pattern, G_REGEX_DOTALL, 0, NULL);
    GMatchInfo *m = NULL;
    GPtrArray *all = g_ptr_array_new();
    g_regex_match(re, text, 0, &m);
    while (g_match_info_matches(m)) {
        g_ptr_array_add(all, g_match_info_fetch(m, 1));
        g_match_info_next(m, NULL);
    }
    g_match_info_free(m);
    g_regex_unref(re);
    g_ptr_array_add(all, NULL);
    return (char **)g_ptr_array_free(all, FALSE);
}

guint wt_total_in(const char *html)
{
    char *n = wt_capture(html, "<p id=\"count\" class=\"count\">([0-9]+)");
    ck_assert_msg(n != NULL, "no hit count on the page");
    guint v = (guint)atoi(n);
    g_free(n);
    return v;
}

char *wt_unescape(const char *s)
{
    static const struct {
        const char *from;
        char to;
    } ents[] = {{"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}};
    GString *o = g_string_new(NULL);
    for (const char *p = s; *p;) {
        size_t i = 0;
        while (i < G_N_ELEMENTS(ents) && strncmp(p, ents[i].from, strlen(ents[i].from)) != 0)
            i++;
        if (i < G_N_ELEMENTS(ents)) {
            g_string_append_c(o, ents[i].to);
            p += strlen(ents[i].from);
        } else {
            g_string_append_c(o, *p++);
        }
    }
    return g_string_free(o, FALSE);
}

char *wt_dom(const char *path, const char *lang)
{
    char *dom = chromium_dom(&wt_env, path, lang);
    ck_assert_msg(dom != NULL, "Chromium could not load %s", path);
    return dom;
}
