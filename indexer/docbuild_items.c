/* docbuild_items.c — a meeting's agenda items inside its one document:
 * each item's decision and its span of the minutes are marked as the
 * item's (arkiv_doc_item_begin), so a hit can land on "ASU 17.04.2024 ·
 * Sak 12/24 … · side 6" with its decision, without the writer storing the
 * words a second time in a document of their own. */
#include "docbuild.h"

#include <string.h>

/* The number the library files the item under for case:, NULL for a
 * point without a case number ("3. Eventuelt"). */
static const char *case_number(const arkiv_item_t *it)
{
    return strchr(it->number, '/') ? it->number : NULL;
}

arkiv_status_t arkiv_docbuild_item_decisions(arkiv_doc_t *doc, const arkiv_entities_t *e)
{
    arkiv_status_t st = ARKIV_STATUS_OK;
    for (guint i = 0; st == ARKIV_STATUS_OK && i < e->items->len; i++) {
        const arkiv_item_t *it = e->items->pdata[i];
        if (!it->decision)
            continue;
        st = arkiv_doc_item_begin(doc, i + 1, case_number(it));
        if (st == ARKIV_STATUS_OK)
            st = arkiv_doc_add_text(doc, ARKIV_FIELD_DECISION, it->decision);
        if (st == ARKIV_STATUS_OK)
            st = arkiv_doc_item_end(doc);
    }
    return st;
}

/* off, moved forward to the start of a character: a span from a worker's
 * reply is not trusted to fall on one. */
static gsize char_boundary(const arkiv_tagtext_t *t, gsize off)
{
    while (off < t->len && ((guchar)t->text[off] & 0xC0) == 0x80)
        off++;
    return off;
}

/* Where each item begins and ends in the joined text: marks[2i] and
 * marks[2i + 1] for item i + 1. The tagger's spans are clamped to the
 * text and to each other, so the marks never go back. Caller g_frees. */
static gsize *item_marks(const arkiv_tagtext_t *t, const arkiv_entities_t *e)
{
    gsize *marks = g_new(gsize, 2 * (gsize)e->items->len);
    gsize prev = 0;
    for (guint i = 0; i < e->items->len; i++) {
        const arkiv_item_t *it = e->items->pdata[i];
        gsize start = char_boundary(t, MAX(MIN(it->start, t->len), prev));
        gsize end = char_boundary(t, MIN(MAX(it->end, start), t->len));
        marks[2 * i] = start;
        marks[2 * i + 1] = end;
        prev = end;
    }
    return marks;
}

typedef struct {
    arkiv_doc_t *doc;
    const arkiv_entities_t *e;
    const arkiv_tagtext_t *t;
    char **pages;
    const gsize *marks;
    guint n_marks;
    guint next; /* the first mark not yet passed */
} body_walk_t;

/* Opens and closes the items whose marks lie at or before pos. */
static arkiv_status_t pass_marks(body_walk_t *w, gsize pos)
{
    arkiv_status_t st = ARKIV_STATUS_OK;
    for (; st == ARKIV_STATUS_OK && w->next < w->n_marks && w->marks[w->next] <= pos; w->next++) {
        const arkiv_item_t *it = w->e->items->pdata[w->next / 2];
        st = w->next % 2 == 0 ? arkiv_doc_item_begin(w->doc, w->next / 2 + 1, case_number(it))
                              : arkiv_doc_item_end(w->doc);
    }
    return st;
}

/* One piece of a page, [from, to) of the joined text; the first starts
 * the page. */
static arkiv_status_t add_piece(body_walk_t *w, gsize from, gsize to, gboolean first)
{
    char *piece = g_strndup(w->t->text + from, to - from);
    arkiv_status_t st = first ? arkiv_doc_add_text(w->doc, ARKIV_FIELD_BODY, piece)
                              : arkiv_doc_add_body_more(w->doc, piece);
    g_free(piece);
    return st;
}

/* Page p, cut where a mark falls inside it. An empty page is still one
 * (empty) body text, so the pages after it keep their numbers. */
static arkiv_status_t add_page(body_walk_t *w, guint p)
{
    gsize pos = w->t->page_start[p], end = pos + strlen(w->pages[p]);
    arkiv_status_t st = pass_marks(w, pos);
    for (gboolean first = TRUE; st == ARKIV_STATUS_OK && (first || pos < end); first = FALSE) {
        /* pass_marks left only marks after pos. */
        gsize stop = w->next < w->n_marks ? MIN(w->marks[w->next], end) : end;
        st = add_piece(w, pos, stop, first);
        pos = stop;
        if (st == ARKIV_STATUS_OK)
            st = pass_marks(w, pos);
    }
    return st;
}

static arkiv_status_t add_marked_pages(arkiv_doc_t *doc, char **pages, const arkiv_entities_t *e)
{
    guint n_pages = g_strv_length(pages);
    arkiv_tagtext_t *t = arkiv_tagtext_new((const char *const *)pages, n_pages, NULL);
    gsize *marks = item_marks(t, e);
    body_walk_t w = {doc, e, t, pages, marks, 2 * e->items->len, 0};
    arkiv_status_t st = ARKIV_STATUS_OK;
    for (guint p = 0; st == ARKIV_STATUS_OK && p < n_pages; p++)
        st = add_page(&w, p);
    /* Marks at the very end of the text: every item is closed. */
    if (st == ARKIV_STATUS_OK)
        st = pass_marks(&w, G_MAXSIZE);
    g_free(marks);
    arkiv_tagtext_free(t);
    return st;
}

arkiv_status_t arkiv_docbuild_body(arkiv_doc_t *doc, char **pages, const arkiv_entities_t *e)
{
    if (!pages || !*pages)
        return ARKIV_STATUS_OK;
    if (e->items->len > 0)
        return add_marked_pages(doc, pages, e);
    arkiv_status_t st = ARKIV_STATUS_OK;
    for (char **p = pages; st == ARKIV_STATUS_OK && *p; p++)
        st = arkiv_doc_add_text(doc, ARKIV_FIELD_BODY, *p);
    return st;
}
