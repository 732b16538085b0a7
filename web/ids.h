/* ids.h — checking ids and naming case pages. */
#ifndef ARKIV_WEB_IDS_H
#define ARKIV_WEB_IDS_H

#include <glib.h>

#include "page.h"

/* A document id: 16 lowercase hex digits, optionally ":N" for an agenda
 * item. Anything else is refused before the index is asked. */
gboolean web_id_valid(const char *id);

/* The case page for a number in a council (council may be NULL). Caller
 * g_frees. */
char *web_case_href(const web_ctx_t *ctx, const char *council, const char *number);

#endif
