/* form.c — the pages' GET forms (see form.h). */
#include "form.h"

#include "html.h"
#include "layout.h"
#include "url.h"

void web_form_begin(web_ctx_t *ctx, const web_form_t *f)
{
    GString *o = ctx->resp->body;
    web_url_t u;
    /* Not web_url_end: the language goes as a hidden field, since a GET
     * form drops the query of its action. */
    web_url_begin(&u, ctx->req, f->page, NULL);
    char *action = g_string_free(u.s, FALSE);
    g_string_append_printf(o, "<form %s method=\"get\" action=\"", f->attrs);
    web_html_attr(o, action);
    g_free(action);
    g_string_append_printf(o, "\">\n<label for=\"%s\">", f->id);
    web_html_text(o, web_label(ctx, f->label));
    g_string_append(o, "</label>\n");
}

void web_form_field(web_ctx_t *ctx, const web_form_t *f, const char *value)
{
    GString *o = ctx->resp->body;
    g_string_append_printf(o, "<input type=\"%s\" id=\"%s\" name=\"%s\" maxlength=\"%u\"", f->type,
                           f->id, f->name, f->maxlength);
    if (f->has_help)
        g_string_append_printf(o, " aria-describedby=\"%s-help\"", f->id);
    g_string_append(o, " value=\"");
    web_html_attr(o, value);
    g_string_append(o, "\">\n");
}

void web_form_lang(web_ctx_t *ctx)
{
    if (ctx->req->lang_given)
        g_string_append_printf(ctx->resp->body,
                               "<input type=\"hidden\" name=\"lang\" value=\"%s\">\n",
                               web_label(ctx, T_HTML_LANG));
}

void web_form_button(web_ctx_t *ctx, web_text_t text)
{
    g_string_append(ctx->resp->body, "<button type=\"submit\">");
    web_html_text(ctx->resp->body, web_label(ctx, text));
    g_string_append(ctx->resp->body, "</button>");
}

void web_form_end(web_ctx_t *ctx, const web_form_t *f)
{
    GString *o = ctx->resp->body;
    if (f->has_help) {
        g_string_append_printf(o, "<p class=\"help\" id=\"%s-help\">", f->id);
        web_html_text(o, web_label(ctx, f->help));
        g_string_append(o, "</p>\n");
    }
    g_string_append(o, "</form>\n");
}

void web_form_one(web_ctx_t *ctx, const web_form_t *f, const char *value, web_text_t button)
{
    web_form_begin(ctx, f);
    g_string_append(ctx->resp->body, "<div class=\"row\">");
    web_form_field(ctx, f, value);
    web_form_lang(ctx);
    web_form_button(ctx, button);
    g_string_append(ctx->resp->body, "</div>\n");
    web_form_end(ctx, f);
}
