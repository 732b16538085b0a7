/* person_tables.c — a person's meetings and counts (see person_tables.h). */
#include "person_tables.h"

#include <string.h>

#include "fmt.h"
#include "html.h"
#include "answer_json.h"
#include "layout.h"
#include "url.h"

static const char *status_label(const web_ctx_t *ctx, const char *status)
{
    if (status && strcmp(status, "present") == 0)
        return web_label(ctx, T_PRESENT);
    if (status && strcmp(status, "absent") == 0)
        return web_label(ctx, T_ABSENT);
    return web_label(ctx, T_MENTIONED);
}

static void th(GString *o, const web_ctx_t *ctx, web_text_t t)
{
    g_string_append(o, "<th scope=\"col\">");
    web_html_text(o, web_label(ctx, t));
    g_string_append(o, "</th>");
}

static void roles_td(GString *o, const web_ctx_t *ctx, JsonArray *roles)
{
    g_string_append(o, "<td>");
    for (guint i = 0; roles && i < json_array_get_length(roles); i++) {
        if (i)
            g_string_append(o, ", ");
        web_html_text(o, web_role(ctx->req->lang, arkiv_json_array_str(roles, i)));
    }
    g_string_append(o, "</td>");
}

static void meeting_row(web_ctx_t *ctx, JsonObject *m)
{
    GString *o = ctx->resp->body;
    const char *status = arkiv_json_str(m, "status"), *id = arkiv_json_str(m, "id");
    g_string_append_printf(o, "<tr class=\"%s\"><td>",
                           status && strcmp(status, "absent") == 0    ? "absent"
                           : status && strcmp(status, "present") == 0 ? "present"
                                                                      : "mentioned");
    web_fmt_date(o, ctx, arkiv_json_str(m, "date"));
    g_string_append(o, "</td><td>");
    web_fmt_list(o, arkiv_json_array(m, "councils"));
    g_string_append(o, "</td><td>");
    web_html_text(o, status_label(ctx, status));
    g_string_append(o, "</td>");
    roles_td(o, ctx, arkiv_json_array(m, "roles"));
    g_string_append(o, "<td>");
    if (id) {
        web_url_t u;
        web_url_begin(&u, ctx->req, "doc", id);
        web_html_link(o, web_url_end(&u, ctx->req, "attendance"), web_label(ctx, T_SHOW));
    }
    g_string_append(o, "</td></tr>\n");
}

void web_person_meetings(web_ctx_t *ctx, JsonArray *meetings, web_text_t title, const char *id)
{
    GString *o = ctx->resp->body;
    guint n = meetings ? json_array_get_length(meetings) : 0;
    if (!n && title != T_MEETINGS)
        return;
    g_string_append_printf(o, "<section class=\"meetings\" id=\"%s\">\n<h2 id=\"%s-title\">", id,
                           id);
    web_html_text(o, web_label(ctx, title));
    g_string_append_printf(o, " (%u)</h2>\n", n);
    if (n) {
        g_string_append_printf(o,
                               "<div class=\"scroll\">\n<table aria-labelledby=\"%s-title\">\n"
                               "<thead><tr>",
                               id);
        th(o, ctx, T_DATE);
        th(o, ctx, T_COUNCIL);
        th(o, ctx, T_STATUS);
        th(o, ctx, T_ROLE);
        th(o, ctx, T_DOCUMENT);
        g_string_append(o, "</tr></thead>\n<tbody>\n");
        for (guint i = 0; i < n; i++)
            meeting_row(ctx, arkiv_json_array_object(meetings, i));
        g_string_append(o, "</tbody>\n</table>\n</div>\n");
    }
    g_string_append(o, "</section>\n");
}

/* Per key: [0] present, [1] absent. Keys in first-seen order. */
typedef struct {
    GPtrArray *keys; /* owned strings */
    GArray *counts;  /* int[2] per key */
} tally_t;

static void tally_add(tally_t *t, const char *key, const char *status)
{
    guint i = 0;
    while (i < t->keys->len && strcmp(t->keys->pdata[i], key) != 0)
        i++;
    if (i == t->keys->len) {
        int zero[2] = {0, 0};
        g_ptr_array_add(t->keys, g_strdup(key));
        g_array_append_vals(t->counts, zero, 2);
    }
    int *c = &g_array_index(t->counts, int, i * 2);
    if (status && strcmp(status, "present") == 0)
        c[0]++;
    else if (status && strcmp(status, "absent") == 0)
        c[1]++;
}

static void tally_table(web_ctx_t *ctx, const tally_t *t, web_text_t caption, web_text_t col)
{
    GString *o = ctx->resp->body;
    g_string_append(o, "<table>\n<caption>");
    web_html_text(o, web_label(ctx, caption));
    g_string_append(o, "</caption>\n<thead><tr>");
    th(o, ctx, col);
    th(o, ctx, T_PRESENT);
    th(o, ctx, T_ABSENT);
    g_string_append(o, "</tr></thead>\n<tbody>\n");
    for (guint i = 0; i < t->keys->len; i++) {
        const int *c = &g_array_index(t->counts, int, i * 2);
        g_string_append(o, "<tr><th scope=\"row\">");
        web_html_text(o, t->keys->pdata[i]);
        g_string_append_printf(o, "</th><td>%d</td><td>%d</td></tr>\n", c[0], c[1]);
    }
    g_string_append(o, "</tbody>\n</table>\n");
}

void web_person_counts(web_ctx_t *ctx, JsonArray *meetings)
{
    tally_t by_council = {g_ptr_array_new_with_free_func(g_free),
                          g_array_new(FALSE, TRUE, sizeof(int))};
    tally_t by_year = {g_ptr_array_new_with_free_func(g_free),
                       g_array_new(FALSE, TRUE, sizeof(int))};
    for (guint i = 0; meetings && i < json_array_get_length(meetings); i++) {
        JsonObject *m = arkiv_json_array_object(meetings, i);
        const char *status = arkiv_json_str(m, "status"), *date = arkiv_json_str(m, "date");
        JsonArray *councils = arkiv_json_array(m, "councils");
        for (guint c = 0; councils && c < json_array_get_length(councils); c++)
            if (arkiv_json_array_str(councils, c))
                tally_add(&by_council, arkiv_json_array_str(councils, c), status);
        char *year = date && strlen(date) >= 4 ? g_strndup(date, 4) : g_strdup("?");
        tally_add(&by_year, year, status);
        g_free(year);
    }
    g_string_append(ctx->resp->body, "<section class=\"counts\">\n<h2>");
    web_html_text(ctx->resp->body, web_label(ctx, T_COUNTS));
    g_string_append(ctx->resp->body, "</h2>\n");
    tally_table(ctx, &by_council, T_BY_COUNCIL, T_COUNCIL);
    tally_table(ctx, &by_year, T_BY_YEAR, T_FACET_YEAR);
    g_string_append(ctx->resp->body, "</section>\n");
    g_ptr_array_unref(by_council.keys);
    g_array_unref(by_council.counts);
    g_ptr_array_unref(by_year.keys);
    g_array_unref(by_year.counts);
}
