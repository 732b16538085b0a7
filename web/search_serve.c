/* search_serve.c — one search, asked and answered (see search_serve.h). */
#include "search_serve.h"

#include "answer.h"

static void ask(web_ctx_t *ctx, const web_search_t *s, web_search_options_fn options,
                web_search_show_fn show)
{
    arkiv_search_options_t o;
    arkiv_search_options_init(&o);
    options(ctx, s, &o);
    char *query = web_search_query(s);
    JsonNode *ans = NULL;
    char *error = NULL;
    arkiv_status_t st = arkiv_answer_search(ctx->db, query, &o, &ans, &error);
    if (st != ARKIV_STATUS_OK)
        web_page_answer_error(ctx, st, error);
    else
        show(ctx, s, ans);
    if (ans)
        json_node_unref(ans);
    g_free(error);
    g_free(query);
}

void web_search_serve(web_ctx_t *ctx, web_search_options_fn options, web_search_show_fn show)
{
    web_search_t s;
    const char *why = NULL;
    if (!web_search_from_request(&s, ctx->req, &why))
        web_page_error(ctx, 400, why);
    else if (!ctx->db)
        web_page_error(ctx, 503, NULL);
    else
        ask(ctx, &s, options, show);
    web_search_clear(&s);
}
