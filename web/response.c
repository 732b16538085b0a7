/* response.c — the response a page fills in (see response.h). */
#include "response.h"

#include <string.h>
#include <unistd.h>

void web_response_init(web_response_t *r)
{
    r->status = 200;
    r->content_type = g_strdup("text/html; charset=utf-8");
    r->headers = g_ptr_array_new_with_free_func(g_free);
    r->body = g_string_sized_new(16384);
    r->file_fd = -1;
    r->file_size = 0;
}

void web_response_clear(web_response_t *r)
{
    g_free(r->content_type);
    g_ptr_array_unref(r->headers);
    g_string_free(r->body, TRUE);
    if (r->file_fd >= 0)
        close(r->file_fd);
    memset(r, 0, sizeof *r);
    r->file_fd = -1;
}

void web_response_set_type(web_response_t *r, const char *content_type)
{
    g_free(r->content_type);
    r->content_type = g_strdup(content_type);
}

gboolean web_response_add_header(web_response_t *r, const char *name, const char *value)
{
    if (strpbrk(name, "\r\n:") || strpbrk(value, "\r\n"))
        return FALSE;
    g_ptr_array_add(r->headers, g_strdup_printf("%s: %s", name, value));
    return TRUE;
}

const char *web_status_text(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 503:
        return "Service Unavailable";
    default:
        return status >= 500 ? "Internal Server Error" : "Error";
    }
}
