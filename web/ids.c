/* ids.c — ids and case links (see ids.h). */
#include "ids.h"

#include <string.h>

#include "url.h"

gboolean web_id_valid(const char *id)
{
    if (!id || strspn(id, "0123456789abcdef") != 16)
        return FALSE;
    const char *rest = id + 16;
    if (*rest == '\0')
        return TRUE;
    return rest[0] == ':' && rest[1] && strlen(rest + 1) <= 6 &&
           strspn(rest + 1, "0123456789") == strlen(rest + 1);
}

char *web_case_href(const web_ctx_t *ctx, const char *council, const char *number)
{
    web_url_t u;
    web_url_begin(&u, ctx->req, "case", NULL);
    web_url_add(&u, "council", council);
    web_url_add(&u, "number", number);
    return web_url_end(&u, ctx->req, NULL);
}
