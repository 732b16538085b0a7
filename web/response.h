/* response.h — what a page hands back: status, headers and a body (or an
 * open file to stream). One per request, owned by the request loop in
 * main.c, which sends it (output.c) and clears it. */
#ifndef ARKIV_WEB_RESPONSE_H
#define ARKIV_WEB_RESPONSE_H

#include <glib.h>

typedef struct {
    int status;         /* HTTP status, 200 by default */
    char *content_type; /* owned; "text/html; charset=utf-8" by default */
    GPtrArray *headers; /* owned "Name: value" lines, without CRLF */
    GString *body;      /* owned */
    int file_fd;        /* owned; >= 0: stream this file instead of body */
    gint64 file_size;   /* bytes to stream from file_fd */
} web_response_t;

void web_response_init(web_response_t *r);
/* Free everything the response owns and close file_fd. */
void web_response_clear(web_response_t *r);

/* Replace the Content-Type (copied). */
void web_response_set_type(web_response_t *r, const char *content_type);

/* Add a header line. A value holding CR or LF is refused (FALSE): header
 * values can come from the index (file names) and must never split the
 * response. */
gboolean web_response_add_header(web_response_t *r, const char *name, const char *value);

/* The reason phrase for a status ("Not Found"); static storage. */
const char *web_status_text(int status);

#endif
