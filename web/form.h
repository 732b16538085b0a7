/* form.h — the GET forms at the top of the search, trace and person
 * pages: a labelled field, the chosen language kept, a button, and
 * maybe a line of help. */
#ifndef ARKIV_WEB_FORM_H
#define ARKIV_WEB_FORM_H

#include "page.h"

/* One form's fixed parts; every string is a constant of ours and goes
 * into the page unescaped. */
typedef struct {
    const char *page;  /* where the form goes: "search", "trace", "person" */
    const char *attrs; /* the <form>'s own attributes: class="search" */
    const char *type;  /* the field's type: "search", "text" */
    const char *id;    /* the field's id; its help paragraph's is ID-help */
    const char *name;  /* the field's parameter */
    unsigned maxlength;
    web_text_t label;
    gboolean has_help; /* a help paragraph (`help`) describes the field */
    web_text_t help;
} web_form_t;

/* The whole form for one field: label, field with `value`, the hidden
 * language, `button`, help. Writes to ctx->resp->body. */
void web_form_one(web_ctx_t *ctx, const web_form_t *f, const char *value, web_text_t button);

/* The parts, for a form with more in its row (the search page's order):
 * <form …> and the label; the field; the hidden language (when the
 * request chose one); the button; the help and </form>. */
void web_form_begin(web_ctx_t *ctx, const web_form_t *f);
void web_form_field(web_ctx_t *ctx, const web_form_t *f, const char *value);
void web_form_lang(web_ctx_t *ctx);
void web_form_button(web_ctx_t *ctx, web_text_t text);
void web_form_end(web_ctx_t *ctx, const web_form_t *f);

#endif
