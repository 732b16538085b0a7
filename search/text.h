/* text.h — helpers for the aligned text output of the arkiv commands. */
#ifndef ARKIV_CLI_TEXT_H
#define ARKIV_CLI_TEXT_H

#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

/* "2024-04-17" -> "17.04.2024", as Norwegian minutes write dates; "" for
 * NULL, anything else as given. Caller g_frees. */
char *arkiv_text_date(const char *iso);

/* Line breaks and runs of blanks become one space; ends trimmed. Caller
 * g_frees. "" for NULL. */
char *arkiv_text_flat(const char *s);

/* Where arkiv_text_wrap breaks lines of running text. */
#define ARKIV_TEXT_WIDTH 90

/* Prints `text` flattened and wrapped at `width` columns, every line
 * indented by `indent` spaces, the first after `lead` (which counts as
 * part of the indent). Nothing for NULL or "". */
void arkiv_text_wrap(FILE *out, int indent, const char *lead, const char *text, int width);

/* printf("%-*s") by characters, not bytes, so "Fagråd" aligns. */
void arkiv_text_pad(FILE *out, const char *s, int width);

/* How minutes name an agenda item: "Sak 12/24" for a case number, "5."
 * for a numbered point, "" for NULL. Caller g_frees. */
char *arkiv_text_item(const char *number);

/* One row of an aligned table: cells[i] padded to widths[i] characters,
 * two spaces between cells, `indent` spaces first, no trailing blanks. A
 * NULL cell is empty. */
void arkiv_text_row(FILE *out, int indent, const char *const *cells, const int *widths, int n);

/* Short council names for text: canonical name -> its first acronym in
 * the data files (indexer/knowledge.h), found as `arkiv index` finds
 * them; without data files every council keeps its name. */
typedef struct arkiv_text_councils arkiv_text_councils_t;
arkiv_text_councils_t *arkiv_text_councils_new(void);
void arkiv_text_councils_free(arkiv_text_councils_t *c);
/* The acronym of `canonical`, or canonical itself; "" for NULL. Owned by
 * c or by the caller's string. */
const char *arkiv_text_council(const arkiv_text_councils_t *c, const char *canonical);
/* The councils of a JSON array of canonical names, short names joined by
 * ", ". New (g_free). */
char *arkiv_text_councils_join(JsonArray *councils, const arkiv_text_councils_t *c);

#endif
