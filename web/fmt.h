/* fmt.h — showing dates, items and people the same way on every page.
 * Each appends escaped HTML to `out`. */
#ifndef ARKIV_WEB_FMT_H
#define ARKIV_WEB_FMT_H

#include <json-glib/json-glib.h>

#include "page.h"

/* <time datetime="2024-04-17">17.04.2024</time> (ISO in English); an
 * unparsable date is shown as text. Nothing for NULL. */
void web_fmt_date(GString *out, const web_ctx_t *ctx, const char *iso);

/* "Sak 12/24 Title" or "Punkt 3. Title" for an item object (members
 * number and title), or the string itself when the item is a string. */
void web_fmt_item(GString *out, const web_ctx_t *ctx, JsonNode *item);

/* A decision under its heading, as search hits and trace events show
 * it: <div class="decision"><h3>…</h3>. Nothing for NULL. */
void web_fmt_decision(GString *out, const web_ctx_t *ctx, const char *text);

/* Council names joined with ", " from an array of strings. */
void web_fmt_list(GString *out, JsonArray *names);

/* A link to the person page for `name`, showing `shown`. */
void web_fmt_person_link(GString *out, const web_ctx_t *ctx, const char *name, const char *shown);

/* A search hit's page: its meeting's, at the anchor item-N when the hit
 * is an agenda item (id "MEETING:N", with a parent), with q to mark
 * (NULL for none). Caller g_frees. */
char *web_fmt_hit_href(const web_ctx_t *ctx, JsonObject *hit, const char *q);

/* The item number's anchor on the document page: "item-N" for the Nth
 * item (1-based), the same N that ends an item document's id. Caller
 * g_frees. */
char *web_item_anchor(unsigned n);

/* The anchor of a case on the document page: "sak-13-24" for "13/24";
 * NULL when the number is not a case number. Caller g_frees. */
char *web_case_anchor(const char *number);

#endif
