/* tagtext.c — joined page text for the tagger. */
#include "tagtext.h"

#include <string.h>

arkiv_tagtext_t *arkiv_tagtext_new(const char *const *pages, guint n_pages, const char *headers)
{
    arkiv_tagtext_t *t = g_new0(arkiv_tagtext_t, 1);
    GString *s = g_string_new(NULL);
    t->page_start = g_new0(gsize, MAX(n_pages, 1));
    t->n_pages = n_pages;
    for (guint i = 0; i < n_pages; i++) {
        if (i > 0)
            g_string_append(s, "\n\n");
        t->page_start[i] = s->len;
        g_string_append(s, pages[i] ? pages[i] : "");
    }
    t->len = s->len;
    t->text = g_string_free(s, FALSE);
    t->headers = g_strdup(headers ? headers : "");
    return t;
}

void arkiv_tagtext_free(arkiv_tagtext_t *t)
{
    if (!t)
        return;
    g_free(t->text);
    g_free(t->page_start);
    g_free(t->headers);
    g_free(t);
}

guint arkiv_tagtext_page_at(const arkiv_tagtext_t *t, gsize off)
{
    guint page = 1;
    for (guint i = 0; i < t->n_pages; i++)
        if (t->page_start[i] <= off)
            page = i + 1;
    return page;
}
