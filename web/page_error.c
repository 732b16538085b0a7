/* page_error.c — error pages and the JSON answer helpers. */
#include <string.h>
#include <unistd.h>

#include "html.h"
#include "layout.h"

gboolean web_wants_json(const web_ctx_t *ctx)
{
    const char *f = web_request_param(ctx->req, "format");
    return f && strcmp(f, "json") == 0;
}

void web_send_json(web_ctx_t *ctx, JsonNode *root)
{
    char *s = json_to_string(root, TRUE);
    g_string_assign(ctx->resp->body, s);
    g_string_append_c(ctx->resp->body, '\n');
    g_free(s);
    json_node_unref(root);
    web_response_set_type(ctx->resp, "application/json; charset=utf-8");
}

static web_text_t title_for(int status)
{
    switch (status) {
    case 400:
    case 405:
        return T_BAD_REQUEST;
    case 404:
        return T_NOT_FOUND;
    case 503:
        return T_UNAVAILABLE;
    default:
        return T_SERVER_ERROR;
    }
}

static void error_json(web_ctx_t *ctx, int status, const char *reason)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "format_version");
    json_builder_add_int_value(b, 1);
    json_builder_set_member_name(b, "error");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "status");
    json_builder_add_int_value(b, status);
    json_builder_set_member_name(b, "message");
    json_builder_add_string_value(b, reason ? reason : web_status_text(status));
    json_builder_end_object(b);
    json_builder_end_object(b);
    web_send_json(ctx, json_builder_get_root(b));
    g_object_unref(b);
}

/* A page may have written part of its body before it failed: the error
 * page replaces it whole. */
void web_page_error(web_ctx_t *ctx, int status, const char *reason)
{
    web_response_t *resp = ctx->resp;
    resp->status = status;
    g_string_truncate(resp->body, 0);
    g_ptr_array_set_size(resp->headers, 0);
    if (resp->file_fd >= 0) {
        close(resp->file_fd);
        resp->file_fd = -1;
    }
    if (status == 405)
        web_response_add_header(resp, "Allow", "GET, HEAD");
    if (web_wants_json(ctx)) {
        error_json(ctx, status, reason);
        return;
    }
    web_response_set_type(resp, "text/html; charset=utf-8");
    web_layout_titled(ctx, web_label(ctx, title_for(status)));
    if (reason) {
        g_string_append(resp->body, "<p class=\"reason\">");
        web_html_text(resp->body, reason);
        g_string_append(resp->body, "</p>\n");
    }
    web_layout_end(ctx);
}

void web_page_answer_error(web_ctx_t *ctx, arkiv_status_t st, const char *error)
{
    if (st == ARKIV_STATUS_BAD_QUERY)
        web_page_error(ctx, 400, error && *error ? error : arkiv_status_string(st));
    else if (st == ARKIV_STATUS_NOT_FOUND)
        web_page_error(ctx, 404, NULL);
    else if (st == ARKIV_STATUS_UNAVAILABLE)
        web_page_error(ctx, 503, NULL); /* the detail names internal hosts */
    else
        web_page_error(ctx, 500, arkiv_status_string(st));
}

void web_page_status(web_ctx_t *ctx, arkiv_status_t st)
{
    if (st == ARKIV_STATUS_BAD_QUERY) {
        const char *why = ctx->db ? arkiv_db_last_error(ctx->db) : "";
        web_page_error(ctx, 400, why && *why ? why : arkiv_status_string(st));
    } else if (st == ARKIV_STATUS_NOT_FOUND) {
        web_page_error(ctx, 404, NULL);
    } else if (st == ARKIV_STATUS_UNAVAILABLE) {
        g_printerr("arkiv.cgi: %s\n", ctx->db ? arkiv_db_last_error(ctx->db) : "");
        web_page_error(ctx, 503, NULL); /* the detail names internal hosts */
    } else {
        web_page_error(ctx, 500, arkiv_status_string(st));
    }
}
