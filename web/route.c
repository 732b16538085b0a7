/* route.c — which page answers which path.
 *
 *   /  /search        search (q, council, year, kind, person, sort, start, limit)
 *   /doc/ID           a document (q highlights its words)
 *   /person/NAME      a person (name or identity key)
 *   /trace            a timeline (q)
 *   /case             one case (council, number)
 *   /file/ID          the original file
 *   /feed             Atom feed of a search, newest first
 * Every page also answers format=json (the feed is its own format). */
#include <string.h>

#include "page.h"

/* The rest of the path after "/NAME/", or NULL when the path is not that
 * page. An empty rest is NULL too: /doc/ alone names no document. */
static const char *path_arg(const char *path, const char *name)
{
    size_t n = strlen(name);
    if (path[0] != '/' || strncmp(path + 1, name, n) != 0 || path[n + 1] != '/')
        return NULL;
    const char *rest = path + n + 2;
    return *rest ? rest : NULL;
}

static gboolean is_page(const char *path, const char *name)
{
    size_t n = strlen(name);
    return path[0] == '/' && strncmp(path + 1, name, n) == 0 &&
           (path[n + 1] == '\0' || (path[n + 1] == '/' && path[n + 2] == '\0'));
}

void web_route(web_ctx_t *ctx)
{
    const char *path = ctx->req->path;
    const char *arg;
    if (strcmp(path, "/") == 0 || is_page(path, "search"))
        web_page_search(ctx);
    else if ((arg = path_arg(path, "doc")))
        web_page_doc(ctx, arg);
    else if ((arg = path_arg(path, "person")))
        web_page_person(ctx, arg);
    else if (is_page(path, "person"))
        web_page_person(ctx, web_request_param(ctx->req, "name"));
    else if (is_page(path, "trace"))
        web_page_trace(ctx);
    else if (is_page(path, "case"))
        web_page_case(ctx);
    else if ((arg = path_arg(path, "file")))
        web_page_file(ctx, arg);
    else if (is_page(path, "feed"))
        web_page_feed(ctx);
    else
        web_page_error(ctx, 404, NULL);
}
