/* doc_text.h — a document's clean text as HTML, with the words of a
 * query marked. */
#ifndef ARKIV_WEB_DOC_TEXT_H
#define ARKIV_WEB_DOC_TEXT_H

#include "arkiv.h"

/* The text the index keeps for snippets, whole, as the library's HTML
 * snippet (escaped by Xapian, <mark> around the words of `q`): a search
 * for the one document with a snippet as long as any text. q may be NULL;
 * when it cannot be parsed or does not match the document, the text comes
 * unmarked. *html_out is g_malloc'd (caller g_frees), "" when the
 * document has no text; ARKIV_STATUS_NOT_FOUND when there is no such
 * document. */
arkiv_status_t web_doc_text(arkiv_db_t *db, const char *id, const char *q, char **html_out);

#endif
