/* tag_items.c — agenda items and their decisions.
 *
 * An item number may appear twice: once in the agenda table at the top and
 * again as the heading of its section ("Sak: 09/24 …"). Every appearance is
 * a heading that opens a span running to the next heading; an item's
 * decision is looked for in all its spans, and the last one found wins,
 * because the section follows the agenda. Minutes without case numbers
 * number their points "1.", "2.", … and are read the same way when the
 * numbers run in sequence. */
#include "tag_items.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_DECISION = 1500, MAX_TITLE = 200, PRESENTER_LINES = 4 };

struct arkiv_tag_items {
    const arkiv_knowledge_t *k;
    GRegex *case_rx;     /* heading with a case number */
    GRegex *point_rx;    /* numbered point "3. Title" */
    GRegex *decision_rx; /* decision heading */
    GRegex *stop_rx;     /* a heading that ends a decision */
    GRegex *by_rx;       /* "v/ Name og Name" */
    GRegex *label_rx;    /* "Saksansvarlig: A/B" */
    GRegex *row_rx;      /* a table row with a case number in a later cell */
    GRegex *tail_rx;     /* a line ending in "sak", "jf.", "se" */
    GRegex *back_rx;     /* "som innstilling", "som framlegget" */
};

typedef struct {
    gsize start, end; /* heading line start; span end */
    char *number;
    char *title;
    gboolean labelled; /* "Sak 12/24" rather than a bare "12/24" */
} heading_t;

static void heading_free(gpointer p)
{
    heading_t *h = p;
    g_free(h->number);
    g_free(h->title);
    g_free(h);
}

gboolean arkiv_tag_items_new(const arkiv_knowledge_t *k, arkiv_tag_items_t **out, GError **error)
{
    arkiv_tag_items_t *m = g_new0(arkiv_tag_items_t, 1);
    m->k = k;
    const GRegexCompileFlags f = G_REGEX_CASELESS | G_REGEX_MULTILINE | G_REGEX_OPTIMIZE;
    char *cw = arkiv_knowledge_alternation(k, "item", "case");
    char *dw = arkiv_knowledge_alternation(k, "item", "decision");
    char *pw = arkiv_knowledge_alternation(k, "item", "presenter");
    char *case_p = g_strdup_printf(
        "^[ \\t•]*((?:[A-ZÆØÅ]{2,6}[- ])?%s\\.?[ \\t]*(?:nr\\.?[ \\t]*)?:?[ \\t]*)?"
        "(\\d{1,3}[ \\t]*/[ \\t]*(?:(?:19|20)\\d{2}|\\d{2}))(?![\\d/.,])[ \\t]*[:.–-]?[ \\t]*(.*)$",
        cw);
    /* "Utvalgets vedtak:", "Kommunedirektøren sitt framlegg til vedtak:",
     * "KST- 50/24 Vedtak:" (municipal protocols). */
    char *dec_p = g_strdup_printf("^[ \\t•]*(?:\\p{Lu}{2,6}-?[ \\t]*\\d{1,3}/\\d{2,4}[ \\t]+)?"
                                  "(?:\\w+s[ \\t]+|\\w+[ \\t]+(?:sitt|si|sin|sine)[ \\t]+)?%s"
                                  "(?:[ \\t]*\\([^)\\n]*\\))?"
                                  "[ \\t]*(?::[ \\t]*(.*)|[ \\t]*$)",
                                  dw);
    char *lab_p = g_strdup_printf("^[ \\t•]*%s[ \\t]*:[ \\t]*(.+)$", pw);
    char *tail_p =
        g_strdup_printf("(?<!\\w)(?:%s|saka|saken|jf\\.?|jfr\\.?|sjå|se|og|i)[ \\t]*$", cw);
    gboolean ok =
        (m->case_rx = g_regex_new(case_p, f, 0, error)) &&
        (m->point_rx = g_regex_new("^[ \\t]*(\\d{1,2})[.)][ \\t]+(\\p{Lu}.{0,200})$",
                                   G_REGEX_MULTILINE | G_REGEX_OPTIMIZE, 0, error)) &&
        (m->decision_rx = g_regex_new(dec_p, f, 0, error)) &&
        (m->stop_rx = g_regex_new(
             "^[ \\t•]*(?:vedlegg|bakgrunn|saksopplysninger|saksutredning|behandling|votering|"
             "innspill|saksframstilling|saksfremstilling|vurdering|drøfting|merknad(?:er)?|"
             "saksansvarl[ei]g|saksbehandl[ea]r|oppfølging|ansvar|frist|dokumenter|"
             "kort om saken|sammendrag|samandrag|saksgang|utsendte vedlegg|referat)"
             "[ \\t]*(?::|$)",
             f, 0, error)) &&
        (m->by_rx = g_regex_new("(?<!\\w)v\\s?/\\s*([^\\n]+)", G_REGEX_OPTIMIZE, 0, error)) &&
        (m->label_rx = g_regex_new(lab_p, f, 0, error)) &&
        (m->row_rx = g_regex_new(
             "^[^\\n]*\\S(?:[ ]{2,}|\\t)[ \\t]*(\\d{1,3}/(?:(?:19|20)\\d{2}|\\d{2}))(?![\\d/])"
             "(?:[ ]{2,}|\\t|[ \\t]*$)[^\\n]*$",
             G_REGEX_MULTILINE | G_REGEX_OPTIMIZE, 0, error)) &&
        (m->tail_rx = g_regex_new(tail_p, f, 0, error)) &&
        (m->back_rx =
             g_regex_new("(?<!\\w)som\\s+(?:\\w+\\s+)?(?:innstilling|innstillinga|innstillingen|"
                         "framlegg|framlegget|forslag|forslaget|tilråding|tilrådinga)",
                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, error));
    g_free(cw);
    g_free(dw);
    g_free(pw);
    g_free(case_p);
    g_free(dec_p);
    g_free(lab_p);
    g_free(tail_p);
    if (!ok) {
        arkiv_tag_items_free(m);
        m = NULL;
    }
    *out = m;
    return ok;
}

void arkiv_tag_items_free(arkiv_tag_items_t *m)
{
    if (!m)
        return;
    GRegex *all[] = {m->case_rx,  m->point_rx, m->decision_rx, m->stop_rx, m->by_rx,
                     m->label_rx, m->row_rx,   m->tail_rx,     m->back_rx};
    for (guint i = 0; i < G_N_ELEMENTS(all); i++)
        if (all[i])
            g_regex_unref(all[i]);
    g_free(m);
}

static char *clean_title(const char *s)
{
    char *t = g_strstrip(g_strdup(s));
    /* The presenter is not part of the title: "Tema: X v/Name". */
    char *by = strstr(t, " v/");
    if (by)
        *by = '\0';
    g_strstrip(t);
    if (g_utf8_strlen(t, -1) > MAX_TITLE) {
        char *cut = g_utf8_substring(t, 0, MAX_TITLE);
        g_free(t);
        t = cut;
    }
    return t;
}

/* TRUE when the line before off ends with a case word ("sak", "jf."). */
static gboolean ends_with_case_word(const arkiv_tag_items_t *m, const char *text, gsize off)
{
    if (off < 2)
        return FALSE;
    gsize e = off - 1; /* the newline before the heading */
    gsize b = e;
    while (b > 0 && text[b - 1] != '\n')
        b--;
    char *prev = g_strndup(text + b, e - b);
    gboolean yes = g_regex_match(m->tail_rx, prev, 0, NULL);
    g_free(prev);
    return yes;
}

/* The label names a council ("ASU-sak") that is not the one that met. */
static gboolean foreign(const arkiv_tag_items_t *m, const char *label, const arkiv_entities_t *e)
{
    if (!label || !g_ascii_isupper(label[0]))
        return FALSE;
    char *acr = g_strndup(label, strcspn(label, "- \t"));
    const char *c = arkiv_knowledge_council(m->k, acr);
    gboolean other = c != NULL;
    for (guint i = 0; other && i < e->councils->len; i++)
        other = !g_str_equal(e->councils->pdata[i], c);
    g_free(acr);
    return other;
}

static GPtrArray *case_headings(const arkiv_tag_items_t *m, const char *text,
                                const arkiv_entities_t *e)
{
    GPtrArray *hs = g_ptr_array_new_with_free_func(heading_free);
    GMatchInfo *mi = NULL;
    g_regex_match(m->case_rx, text, 0, &mi);
    while (g_match_info_matches(mi)) {
        char *num = g_match_info_fetch(mi, 2), *label = g_match_info_fetch(mi, 1);
        char *title = g_match_info_fetch(mi, 3);
        char *norm = arkiv_case_number_normalise(num);
        gint st = 0, en = 0;
        g_match_info_fetch_pos(mi, 0, &st, &en);
        /* "sjå sak\n40/22, manglar …": a reference wrapped onto a new line;
         * "ASU-sak 08/25" in FSU's papers: another council's case. */
        gboolean wrapped = !(label && *label) && ends_with_case_word(m, text, (gsize)st);
        if (norm && !wrapped && !foreign(m, label, e)) {
            heading_t *h = g_new0(heading_t, 1);
            h->start = (gsize)st;
            h->number = norm;
            h->title = clean_title(title);
            h->labelled = label && *label;
            g_ptr_array_add(hs, h);
        } else {
            g_free(norm);
        }
        g_free(num);
        g_free(label);
        g_free(title);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    return hs;
}

/* Numbered points in sequence. The sequence may start over once when the
 * agenda is listed first and the minutes then repeat it, but only with the
 * same first title, so a numbered list inside an item does not start one. */
static GPtrArray *point_headings(const arkiv_tag_items_t *m, const char *text)
{
    GPtrArray *hs = g_ptr_array_new_with_free_func(heading_free);
    GMatchInfo *mi = NULL;
    int expect = 1;
    char *first_title = NULL;
    g_regex_match(m->point_rx, text, 0, &mi);
    while (g_match_info_matches(mi)) {
        char *num = g_match_info_fetch(mi, 1), *title = g_match_info_fetch(mi, 2);
        int n = atoi(num);
        char *t = clean_title(title);
        gboolean restart =
            n == 1 && expect > 2 && first_title && g_ascii_strncasecmp(first_title, t, 12) == 0;
        if (n == expect || restart) {
            gint st = 0, en = 0;
            g_match_info_fetch_pos(mi, 0, &st, &en);
            heading_t *h = g_new0(heading_t, 1);
            h->start = (gsize)st;
            h->number = g_strdup_printf("%d", n);
            h->title = g_strdup(t);
            h->labelled = restart || (hs->len > 0 && ((heading_t *)hs->pdata[0])->labelled);
            if (n == 1 && !first_title)
                first_title = g_strdup(t);
            g_ptr_array_add(hs, h);
            expect = n + 1;
        }
        g_free(t);
        g_free(num);
        g_free(title);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    g_free(first_title);
    return hs;
}

/* Text of a decision starting at off: the rest of the heading line and the
 * lines after it, up to a heading that starts something else. *stopped is
 * where that heading is, or end. */
static char *decision_text(const arkiv_tag_items_t *m, const char *text, gsize off, gsize end,
                           gsize *stopped)
{
    GString *d = g_string_new(NULL);
    gsize p = off;
    gboolean first = TRUE;
    *stopped = end;
    while (p < end && d->len < MAX_DECISION) {
        const char *nl = memchr(text + p, '\n', end - p);
        gsize len = nl ? (gsize)(nl - (text + p)) : end - p;
        char *line = g_strndup(text + p, len);
        gboolean stop = !first && g_regex_match(m->stop_rx, line, 0, NULL);
        if (!stop) {
            g_strstrip(line);
            if (*line)
                g_string_append_printf(d, "%s%s", d->len ? " " : "", line);
        }
        g_free(line);
        if (stop) {
            *stopped = p;
            break;
        }
        if (!nl)
            break;
        p += len + 1;
        first = FALSE;
    }
    if (!d->len) {
        g_string_free(d, TRUE);
        return NULL;
    }
    return g_string_free(d, FALSE);
}

static gboolean refers_back(const arkiv_tag_items_t *m, const char *d)
{
    return g_utf8_strlen(d, -1) < 80 && g_regex_match(m->back_rx, d, 0, NULL);
}

/* The decision inside [start, end), or NULL. "Innstilling: … Vedtak: Som
 * innstilling" is one decision text; but when a proposal is followed by a
 * debate ("Behandling:") and then "Vedtak:", the later heading is what was
 * decided. */
static char *find_decision(const arkiv_tag_items_t *m, const char *text, gsize start, gsize end)
{
    char *span = g_strndup(text + start, end - start);
    gsize len = strlen(span), stopped = 0, after = 0;
    char *dec = NULL;
    GMatchInfo *mi = NULL;
    g_regex_match(m->decision_rx, span, 0, &mi);
    while (g_match_info_matches(mi)) {
        gint st = -1, en = -1, ms = 0, me = 0;
        g_match_info_fetch_pos(mi, 0, &ms, &me);
        g_match_info_fetch_pos(mi, 1, &st, &en);
        if (!dec || (gsize)ms >= after) {
            char *d = decision_text(m, span, st >= 0 ? (gsize)st : (gsize)me, len, &stopped);
            if (d && dec && refers_back(m, d)) {
                /* "Vedtak: Som innstilling." says what was decided only
                 * together with the proposal it points to. */
                char *both = g_strconcat(dec, " ", d, NULL);
                g_free(dec);
                g_free(d);
                dec = both;
                after = stopped;
                if (stopped >= len)
                    break;
            } else if (d) {
                g_free(dec);
                dec = d;
                after = stopped;
                if (stopped >= len)
                    break;
            }
        }
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    g_free(span);
    return dec;
}

static void add_presenter(arkiv_item_t *it, const char *name)
{
    for (guint i = 0; i < it->presenters->len; i++)
        if (g_str_equal(it->presenters->pdata[i], name))
            return;
    g_ptr_array_add(it->presenters, g_strdup(name));
}

static void add_names(arkiv_item_t *it, const char *phrase)
{
    char **names = arkiv_split_names(phrase);
    for (char **n = names; *n; n++)
        add_presenter(it, *n);
    g_strfreev(names);
}

/* The names in group 1 of every match of rx in text. */
static void add_matched_names(const GRegex *rx, const char *text, arkiv_item_t *it)
{
    GMatchInfo *mi = NULL;
    g_regex_match(rx, text, 0, &mi);
    while (g_match_info_matches(mi)) {
        char *who = g_match_info_fetch(mi, 1);
        add_names(it, who);
        g_free(who);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
}

/* "v/ Name" in the first lines of the span, "Saksansvarlig: A/B" anywhere. */
static void find_presenters(const arkiv_tag_items_t *m, const char *text, gsize start, gsize end,
                            arkiv_item_t *it)
{
    char *span = g_strndup(text + start, end - start);
    gsize head = 0;
    for (int i = 0; i < PRESENTER_LINES && span[head]; i++) {
        const char *nl = strchr(span + head, '\n');
        head = nl ? (gsize)(nl - span) + 1 : strlen(span);
    }
    char *top = g_strndup(span, head);
    add_matched_names(m->by_rx, top, it);
    add_matched_names(m->label_rx, span, it);
    g_free(top);
    g_free(span);
}

static arkiv_item_t *item_for(arkiv_entities_t *e, const char *number)
{
    for (guint i = 0; i < e->items->len; i++) {
        arkiv_item_t *it = e->items->pdata[i];
        if (g_str_equal(it->number, number))
            return it;
    }
    arkiv_item_t *it = arkiv_item_new(number);
    g_ptr_array_add(e->items, it);
    return it;
}

/* The first non-blank line after the heading, for agenda tables that put
 * the number on a line of its own. */
static char *next_line_title(const char *text, gsize start, gsize end)
{
    const char *nl = memchr(text + start, '\n', end - start);
    while (nl && (gsize)(nl - text) < end) {
        const char *s = nl + 1;
        const char *e2 = memchr(s, '\n', end - (gsize)(s - text));
        gsize len = e2 ? (gsize)(e2 - s) : end - (gsize)(s - text);
        char *line = g_strstrip(g_strndup(s, len));
        if (*line) {
            char *t = clean_title(line);
            g_free(line);
            return t;
        }
        g_free(line);
        nl = e2;
    }
    return NULL;
}

/* Headings are filled labelled first ("Sak 12/24", or the minutes' own
 * points after an agenda list), so the section's title, span and decision
 * win over the agenda table's. */
static void fill_item(const arkiv_tag_items_t *m, const arkiv_tagtext_t *t, heading_t *h,
                      arkiv_entities_t *e)
{
    arkiv_item_t *it = item_for(e, h->number);
    if (!it->title && *h->title)
        it->title = g_strdup(h->title);
    if (it->end == 0) {
        it->start = h->start, it->end = h->end;
        it->page = arkiv_tagtext_page_at(t, h->start);
    }
    if (!it->decision)
        it->decision = find_decision(m, t->text, h->start, h->end);
    find_presenters(m, t->text, h->start, h->end, it);
}

/* A case paper names its one case in a table near the top ("Formannskapet
 * 49/24 05.09.2024"); the item is the whole paper, its title the first
 * plain line after the table. */
static GPtrArray *table_heading(const arkiv_tag_items_t *m, const char *text)
{
    GPtrArray *hs = g_ptr_array_new_with_free_func(heading_free);
    gsize top = 0;
    for (int i = 0; i < 30 && text[top]; i++) {
        const char *nl = strchr(text + top, '\n');
        top = nl ? (gsize)(nl - text) + 1 : strlen(text);
    }
    char *head = g_strndup(text, top);
    GMatchInfo *mi = NULL;
    if (g_regex_match(m->row_rx, head, 0, &mi)) {
        char *num = g_match_info_fetch(mi, 1);
        gint st = 0, en = 0;
        g_match_info_fetch_pos(mi, 0, &st, &en);
        heading_t *h = g_new0(heading_t, 1);
        h->start = (gsize)st;
        h->number = arkiv_case_number_normalise(num);
        h->title = g_strdup("");
        h->labelled = TRUE;
        if (h->number)
            g_ptr_array_add(hs, h);
        else
            heading_free(h);
        g_free(num);
    }
    g_match_info_free(mi);
    g_free(head);
    return hs;
}

void arkiv_tag_items_run(const arkiv_tag_items_t *m, const arkiv_tagtext_t *t, arkiv_entities_t *e)
{
    GPtrArray *hs = case_headings(m, t->text, e);
    if (!hs->len) {
        g_ptr_array_unref(hs);
        hs = table_heading(m, t->text);
    }
    /* A plan's numbered goals are not agenda points. */
    if (!hs->len && g_strcmp0(e->kind, "handlingsplan") != 0) {
        g_ptr_array_unref(hs);
        hs = point_headings(m, t->text);
    }
    for (guint i = 0; i < hs->len; i++) {
        heading_t *h = hs->pdata[i];
        h->end = i + 1 < hs->len ? ((heading_t *)hs->pdata[i + 1])->start : t->len;
    }
    for (guint i = 0; i < hs->len; i++)
        item_for(e, ((heading_t *)hs->pdata[i])->number);
    for (int pass = 1; pass >= 0; pass--)
        for (guint i = 0; i < hs->len; i++)
            if (((heading_t *)hs->pdata[i])->labelled == pass)
                fill_item(m, t, hs->pdata[i], e);
    for (guint i = 0; i < e->items->len; i++) {
        arkiv_item_t *it = e->items->pdata[i];
        if (!it->title)
            it->title = next_line_title(t->text, it->start, it->end);
    }
    g_ptr_array_unref(hs);
}
