/* wt.h — helpers shared by the web test cases. */
#ifndef ARKIV_TEST_WEB_WT_H
#define ARKIV_TEST_WEB_WT_H

#include <check.h>
#include <json-glib/json-glib.h>

#include "harness.h"

/* The running environment, set up once by main (test_web.c) before the
 * cases run; the forked cases only read it. */
extern web_env_t wt_env;

/* Corpus files the cases name. */
#define WT_ASU_TXT "text/asu-2024-04-17-referat.txt"
#define WT_ASU_PDF "pdf/asu-2024-06-11-referat.pdf"
#define WT_HOSTILE_TXT "text/skript-2024-05-05-referat.txt"

/* GET that must answer 200. */
void wt_get_ok(const char *path, http_t *r);
/* Parse text as JSON (the case fails when it is not). */
JsonNode *wt_parse_json(const char *text, const char *what);
/* GET path (format=json already in it) as JSON with a JSON Content-Type. */
JsonNode *wt_web_json(const char *path);
/* `arkiv CMD --db DB --json ARG` as JSON; NULL when the CLI has no such
 * command or it failed. */
JsonNode *wt_cli_json(const char *cmd, const char *arg);
/* Percent-encode a URL component; caller g_frees. */
char *wt_url_part(const char *s);
/* First capture group of a regex in text, or NULL; caller g_frees. */
char *wt_capture(const char *text, const char *pattern);
/* Every first capture group, in order; caller g_strfreev's. */
char **wt_capture_all(const char *text, const char *pattern);
/* The "N treff"/"N results" count of a search page. */
guint wt_total_in(const char *html);
/* Undo HTML escaping of a value read from a page; caller g_frees. */
char *wt_unescape(const char *s);
/* The DOM of a page in Chromium; the case fails when Chromium does. */
char *wt_dom(const char *path, const char *lang);

TCase *wt_pages_case(void);
TCase *wt_safety_case(void);
TCase *wt_formats_case(void);
TCase *wt_serve_case(void);
TCase *wt_browser_case(void);

#endif
