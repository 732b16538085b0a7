/* page.h — what every page gets, and the pages themselves.
 *
 * A page reads the request, asks the index (through answer/ where the
 * answer has a JSON shape) and fills the response; it never writes to
 * the client itself. With format=json a page answers with exactly the
 * JSON the command line prints for the same question. */
#ifndef ARKIV_WEB_PAGE_H
#define ARKIV_WEB_PAGE_H

#include <json-glib/json-glib.h>

#include "arkiv.h"
#include "knowledge.h"
#include "request.h"
#include "response.h"

typedef struct {
    const web_request_t *req;
    arkiv_db_t *db;                     /* open read-only, owned by main.c; NULL when unavailable */
    const arkiv_knowledge_t *knowledge; /* the data files, owned by main.c; may be NULL */
    web_response_t *resp;               /* owned by main.c */
} web_ctx_t;

/* Pick the page for req->path and run it. */
void web_route(web_ctx_t *ctx);

/* An error page (HTML, or JSON with format=json) with status and reason. */
void web_page_error(web_ctx_t *ctx, int status, const char *reason);
/* The error page for a failed library call: 400 for a bad query (the
 * parser's reason), 404 for not found, 500 otherwise. */
void web_page_status(web_ctx_t *ctx, arkiv_status_t st);
/* The same for a failed answer (answer.h), with its message. */
void web_page_answer_error(web_ctx_t *ctx, arkiv_status_t st, const char *error);

void web_page_search(web_ctx_t *ctx);
void web_page_doc(web_ctx_t *ctx, const char *id);
void web_page_person(web_ctx_t *ctx, const char *name);
void web_page_trace(web_ctx_t *ctx);
void web_page_case(web_ctx_t *ctx);
void web_page_file(web_ctx_t *ctx, const char *id);
void web_page_feed(web_ctx_t *ctx);

/* format=json was asked for. */
gboolean web_wants_json(const web_ctx_t *ctx);

/* Answer with a JSON document (pretty, like the command line); takes
 * ownership of root. */
void web_send_json(web_ctx_t *ctx, JsonNode *root);

#endif
