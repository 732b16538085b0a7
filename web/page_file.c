/* page_file.c — /file/ID: the indexed original, streamed.
 *
 * The path comes from the index, looked up by id; nothing the client
 * sends is ever used as a path. Only PDFs and plain text are shown
 * inline; any other type is sent as a download of opaque bytes, so a
 * file the indexer took for text can never render as a page of ours. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dbcall.h"
#include "html.h"
#include "ids.h"
#include "answer_json.h"

typedef struct {
    const char *id;
    char *path, *data; /* malloc'd by the library; NULL until found */
} file_call_t;

static arkiv_status_t file_fn(arkiv_db_t *db, void *data)
{
    file_call_t *c = data;
    free(c->path);
    free(c->data);
    c->path = c->data = NULL;
    arkiv_files_t *files = NULL;
    arkiv_file_info_t info;
    arkiv_status_t st = arkiv_db_find_file(db, c->id, &files);
    if (st == ARKIV_STATUS_OK && arkiv_files_get(files, 0, &info) == ARKIV_STATUS_OK &&
        !info.failure && info.path)
        c->path = strdup(info.path);
    arkiv_files_free(files);
    if (st == ARKIV_STATUS_OK && !c->path)
        st = ARKIV_STATUS_NOT_FOUND;
    if (st == ARKIV_STATUS_OK)
        st = arkiv_db_get_data(db, c->id, &c->data);
    return st;
}

static const char *charset_for(const char *encoding)
{
    if (!encoding || g_str_has_prefix(encoding, "UTF-8"))
        return "utf-8";
    if (strcmp(encoding, "UTF-16LE") == 0)
        return "utf-16le";
    if (strcmp(encoding, "UTF-16BE") == 0)
        return "utf-16be";
    if (g_ascii_strcasecmp(encoding, "WINDOWS-1252") == 0)
        return "windows-1252";
    return NULL;
}

/* Content-Type and disposition from the stored mime and encoding. */
static gboolean set_type(web_response_t *resp, const char *data, gboolean *inline_out)
{
    JsonNode *n = data ? json_from_string(data, NULL) : NULL;
    const char *mime = arkiv_json_str(arkiv_json_root(n), "mime"),
               *enc = arkiv_json_str(arkiv_json_root(n), "encoding");
    const char *charset = charset_for(enc);
    *inline_out = TRUE;
    if (mime && strcmp(mime, "application/pdf") == 0) {
        web_response_set_type(resp, "application/pdf");
    } else if (mime && strcmp(mime, "text/plain") == 0 && charset) {
        char *t = g_strdup_printf("text/plain; charset=%s", charset);
        web_response_set_type(resp, t);
        g_free(t);
    } else {
        web_response_set_type(resp, "application/octet-stream");
        *inline_out = FALSE;
    }
    if (n)
        json_node_unref(n);
    return TRUE;
}

/* filename= gets a plain ASCII fallback, filename*= the real name
 * (RFC 6266); neither can break out of the header. */
static void disposition(web_response_t *resp, const char *path, gboolean is_inline)
{
    char *base = g_path_get_basename(path);
    GString *v = g_string_new(is_inline ? "inline; filename=\"" : "attachment; filename=\"");
    for (const char *p = base; *p; p++)
        g_string_append_c(v, g_ascii_isalnum(*p) || strchr(".-_ ", *p) ? *p : '_');
    g_string_append(v, "\"; filename*=UTF-8''");
    web_url_part(v, base);
    web_response_add_header(resp, "Content-Disposition", v->str);
    g_string_free(v, TRUE);
    g_free(base);
}

static void send_file(web_ctx_t *ctx, const char *path, const char *data)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        if (fd >= 0)
            close(fd);
        web_page_error(ctx, 404, "the original file is gone");
        return;
    }
    gboolean is_inline;
    set_type(ctx->resp, data, &is_inline);
    disposition(ctx->resp, path, is_inline);
    ctx->resp->file_fd = fd;
    ctx->resp->file_size = sb.st_size;
}

void web_page_file(web_ctx_t *ctx, const char *id)
{
    /* Only a meeting's id names a file: anything else (a path, an item
     * id) is refused before the index or the disk is asked. */
    if (!web_id_valid(id) || strchr(id, ':')) {
        web_page_error(ctx, 400, NULL);
        return;
    }
    if (!ctx->db) {
        web_page_error(ctx, 503, NULL);
        return;
    }
    file_call_t c = {.id = id, .path = NULL, .data = NULL};
    arkiv_status_t st = web_db_call(ctx->db, file_fn, &c);
    if (st != ARKIV_STATUS_OK)
        web_page_status(ctx, st);
    else
        send_file(ctx, c.path, c.data);
    free(c.path);
    free(c.data);
}
