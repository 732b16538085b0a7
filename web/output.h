/* output.h — sending a response as CGI output (headers, blank line,
 * body). The only file besides main.c that writes to the client; it goes
 * through libfcgi's stdio, which is plain stdout under CGI and a shell. */
#ifndef ARKIV_WEB_OUTPUT_H
#define ARKIV_WEB_OUTPUT_H

#include "response.h"

/* Write *r; with head_only, the headers alone. The security headers
 * (CSP and friends) are added here so no page can forget them. */
void web_output_send(const web_response_t *r, int head_only);

#endif
