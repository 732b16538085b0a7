/* output.c — write a response through libfcgi's stdio (see output.h). */
#include <fcgi_stdio.h>

#include <unistd.h>

#include "output.h"

/* No scripts at all, styles from our own file only, forms post back to
 * us: a snippet or a title that slipped through escaping still could not
 * run anything. */
static const char *const security_headers[] = {
    "Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options: nosniff", "Referrer-Policy: same-origin", NULL};

static void send_headers(const web_response_t *r, gint64 length)
{
    printf("Status: %d %s\r\n", r->status, web_status_text(r->status));
    printf("Content-Type: %s\r\n", r->content_type);
    printf("Content-Length: %" G_GINT64_FORMAT "\r\n", length);
    for (const char *const *h = security_headers; *h; h++)
        printf("%s\r\n", *h);
    for (guint i = 0; i < r->headers->len; i++)
        printf("%s\r\n", (const char *)r->headers->pdata[i]);
    printf("\r\n");
}

/* The original file, in pieces: documents can be large and are never
 * held in memory whole. A short read (the file shrank) ends the body. */
static void send_file(int fd, gint64 size)
{
    char buf[65536];
    while (size > 0) {
        ssize_t n = read(fd, buf, (size_t)MIN(size, (gint64)sizeof buf));
        if (n <= 0)
            break;
        if (fwrite(buf, 1, (size_t)n, stdout) != (size_t)n)
            break;
        size -= n;
    }
}

void web_output_send(const web_response_t *r, int head_only)
{
    gint64 length = r->file_fd >= 0 ? r->file_size : (gint64)r->body->len;
    send_headers(r, length);
    if (!head_only) {
        if (r->file_fd >= 0)
            send_file(r->file_fd, r->file_size);
        else
            fwrite(r->body->str, 1, r->body->len, stdout);
    }
    fflush(stdout);
}
