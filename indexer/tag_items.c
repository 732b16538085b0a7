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

#include "person.h"

/* PRESENTER_LINES counts non-blank lines: a long title wraps, and PDF text
 * puts a blank line between the wrapped lines. COLUMN_LINES bounds the
 * cells read after a bare number in an agenda table, so the last row does
 * not read on into the minutes. */
enum { MAX_DECISION = 1500, MAX_TITLE = 200, PRESENTER_LINES = 4, COLUMN_LINES = 12 };

struct arkiv_tag_items {
    const arkiv_knowledge_t *k;
    GRegex *case_rx;     /* heading with a case number */
    GRegex *point_rx;    /* numbered point "3. Title" */
    GRegex *decision_rx; /* decision heading */
    GRegex *stop_rx;     /* a heading that ends a decision */
    GRegex *by_rx;       /* "v/ Name og Name" */
    GRegex *label_rx;    /* "Saksansvarlig: A/B" */
    GRegex *column_rx;   /* an agenda table's header row "Saksnr. Saker Ansvarlig" */
    GRegex *row_rx;      /* a table row with a case number in a later cell */
    GRegex *tail_rx;     /* a line ending in "sak", "jf.", "se" */
    GRegex *back_rx;     /* "som innstilling", "som framlegget" */
};

typedef struct {
    gsize start, end; /* heading line start; span end */
    char *number;
    char *title;
    gsize head;        /* where the item's presenter labels may start */
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
    /* A second column "Arkiv: FA-H31" after a gap is no part of the value. */
    char *lab_p = g_strdup_printf("(?:^[ \\t•]*|(?<=[.!?][ \\t]))%s[ \\t]*:[ \\t]*(.+?)"
                                  "(?:[ \\t]{2,}[^ \\t:\\n][^:\\n]{0,40}:.*)?[ \\t]*$",
                                  pw);
    /* Header cells hold neither digits nor colons; "Saksansvarlig: A" is a
     * label and "13.00 Ansvarlig" a row. */
    char *col_p = g_strdup_printf("^(?=[^\\d:\\n]{1,80}$)[^\\n]*?(?<!\\w)%s(?!\\w)[^\\n]*$", pw);
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
        (m->column_rx = g_regex_new(col_p, f, 0, error)) &&
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
    g_free(col_p);
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
    GRegex *all[] = {m->case_rx,  m->point_rx,  m->decision_rx, m->stop_rx, m->by_rx,
                     m->label_rx, m->column_rx, m->row_rx,      m->tail_rx, m->back_rx};
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
            h->start = h->head = (gsize)st;
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
            h->start = h->head = (gsize)st;
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

/* Two spellings of one person on one item ("Solveig Tofte" in the agenda,
 * "Solveig Cruikshank Tofte" in the case paper) are one presenter, named
 * in the longer form. */
static void add_presenter(const arkiv_tag_items_t *m, arkiv_item_t *it, const char *name)
{
    char *key = arkiv_person_key(m->k, name);
    for (guint i = 0; i < it->presenters->len; i++) {
        char *have = it->presenters->pdata[i];
        gboolean same = g_str_equal(have, name);
        if (!same && key && *key) {
            char *hk = arkiv_person_key(m->k, have);
            same = g_strcmp0(key, hk) == 0;
            g_free(hk);
        }
        if (!same)
            continue;
        if (strlen(name) > strlen(have)) {
            g_free(have);
            it->presenters->pdata[i] = g_strdup(name);
        }
        g_free(key);
        return;
    }
    g_free(key);
    g_ptr_array_add(it->presenters, g_strdup(name));
}

/* The one person of the attendance whose first given name is word, or
 * NULL when nobody or several are. */
static const char *person_by_first_name(const arkiv_entities_t *e, const char *word)
{
    const char *found = NULL;
    gsize n = strlen(word);
    for (guint i = 0; i < e->people->len; i++) {
        const arkiv_person_t *p = e->people->pdata[i];
        if (strncmp(p->name, word, n) != 0 || p->name[n] != ' ')
            continue;
        if (found)
            return NULL;
        found = p->name;
    }
    return found;
}

/* One word alone between the separators arkiv_split_names() uses
 * ("v/Jonas", "v/Elisabeth R. og Ingvild"): a first name, which names a
 * presenter only when the attendance lists exactly one person by it. */
static void add_first_names(const arkiv_tag_items_t *m, arkiv_item_t *it, const char *phrase,
                            const arkiv_entities_t *e)
{
    char **chunks = g_strsplit_set(phrase, ",/;&", -1);
    for (char **c = chunks; *c; c++) {
        char **words = g_strsplit_set(*c, " \t\n", -1);
        const char *alone = NULL;
        guint n = 0;
        for (char **w = words;; w++) {
            gboolean end = *w == NULL;
            if (end || g_str_equal(*w, "og") || g_str_equal(*w, "and")) {
                const char *full = n == 1 && g_unichar_isupper(g_utf8_get_char(alone))
                                       ? person_by_first_name(e, alone)
                                       : NULL;
                if (full)
                    add_presenter(m, it, full);
                n = 0;
                if (end)
                    break;
            } else if (**w) {
                g_strchomp(g_strdelimit(*w, ".:)", ' '));
                alone = *w;
                n++;
            }
        }
        g_strfreev(words);
    }
    g_strfreev(chunks);
}

static void add_names(const arkiv_tag_items_t *m, arkiv_item_t *it, const char *phrase,
                      const arkiv_entities_t *e)
{
    char **names = arkiv_split_names(phrase);
    for (char **n = names; *n; n++)
        add_presenter(m, it, *n);
    g_strfreev(names);
    add_first_names(m, it, phrase, e);
}

/* The line of s that starts at off, trimmed (new string). */
static char *line_at(const char *s, gsize off, gsize len)
{
    const char *nl = memchr(s + off, '\n', len - off);
    gsize n = nl ? (gsize)(nl - (s + off)) : len - off;
    return g_strstrip(g_strndup(s + off, n));
}

/* "v/ A og" and "v/ A/" go on; so does a next line "og B". */
static gboolean list_goes_on(const char *phrase, const char *next)
{
    return g_str_has_suffix(phrase, " og") || g_str_has_suffix(phrase, " and") ||
           g_str_has_suffix(phrase, "/") || g_str_has_suffix(phrase, "&") ||
           g_str_has_prefix(next, "og ") || g_str_has_prefix(next, "and ") ||
           g_str_has_prefix(next, "& ");
}

/* A name that ends in a given name ("Marit Helene") lost its surname to a
 * line break when the next line is one or two surname words and nothing
 * else ("Bø-Sandvik"). */
static gboolean surname_wrapped(const arkiv_tag_items_t *m, const char *phrase, const char *next)
{
    const char *sp = strrchr(phrase, ' ');
    const char *last = sp ? sp + 1 : phrase;
    char **nw = g_strsplit(next, " ", -1);
    gboolean yes = *nw && g_strv_length(nw) <= 2 && arkiv_knowledge_is_first_name(m->k, last) &&
                   !arkiv_knowledge_is_first_name(m->k, nw[0]);
    g_strfreev(nw);
    if (yes) {
        char *joined = g_strconcat(last, " ", next, NULL);
        yes = arkiv_person_is_name(m->k, joined);
        g_free(joined);
    }
    return yes;
}

/* The "v/" phrase at [st, en) of span (it runs to the end of its line),
 * with the next line when the names go on there. New string. */
static char *by_phrase(const arkiv_tag_items_t *m, const char *span, gsize len, gsize st, gsize en)
{
    char *phrase = g_strstrip(g_strndup(span + st, en - st));
    if (en >= len || span[en] != '\n')
        return phrase;
    char *next = line_at(span, en + 1, len);
    char *out = phrase;
    if (*next && list_goes_on(phrase, next))
        out = g_strconcat(phrase, "\n", next, NULL);
    else if (*next && surname_wrapped(m, phrase, next))
        out = g_strconcat(phrase, " ", next, NULL);
    if (out != phrase)
        g_free(phrase);
    g_free(next);
    return out;
}

/* End of the first n non-blank lines of s. */
static gsize first_lines(const char *s, gsize len, int n)
{
    gsize p = 0;
    while (n > 0 && p < len) {
        const char *nl = memchr(s + p, '\n', len - p);
        gsize e = nl ? (gsize)(nl - s) : len;
        for (gsize i = p; i < e; i++)
            if (s[i] != ' ') {
                n--;
                break;
            }
        p = nl ? e + 1 : len;
    }
    return p;
}

/* "v/ Name" in the first lines of the item (a wrapped heading included),
 * "Saksansvarlig: A/B" anywhere from h->head, which for a case paper is
 * its letter head. */
static void find_presenters(const arkiv_tag_items_t *m, const char *text, const heading_t *h,
                            arkiv_item_t *it, const arkiv_entities_t *e)
{
    const char *span = text + h->start;
    gsize len = h->end - h->start;
    gsize top = first_lines(span, len, PRESENTER_LINES);
    GMatchInfo *mi = NULL;
    g_regex_match_full(m->by_rx, span, (gssize)top, 0, 0, &mi, NULL);
    while (g_match_info_matches(mi)) {
        gint st = 0, en = 0;
        g_match_info_fetch_pos(mi, 1, &st, &en);
        char *who = by_phrase(m, span, len, (gsize)st, (gsize)en);
        add_names(m, it, who, e);
        g_free(who);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    g_regex_match_full(m->label_rx, text, (gssize)h->end, (gint)h->head, 0, &mi, NULL);
    while (g_match_info_matches(mi)) {
        char *who = g_match_info_fetch(mi, 1);
        add_names(m, it, who, e);
        g_free(who);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
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
    find_presenters(m, t->text, h, it, e);
}

/* A cell of an agenda table's responsible column, one person or "A/B":
 * "Marit Solem Aune 10" (the minutes column follows), "Torleif Hjelde/"
 * (the next cell goes on), "Eirik Bjerkan," (the employer follows). Titles
 * and sub-points are cells too, so every part must be a name that starts
 * with a known first name. */
static void add_column_cell(const arkiv_tag_items_t *m, const char *line, arkiv_item_t *it)
{
    char *s = g_strdelimit(g_strstrip(g_strdup(line)), "&", '/');
    gsize n = strlen(s), d = n;
    while (d > 0 && g_ascii_isdigit(s[d - 1]))
        d--;
    if (d < n && n - d <= 3 && d > 0 && s[d - 1] == ' ')
        n = d;
    while (n > 0 && strchr("/,; ", s[n - 1]))
        n--;
    s[n] = '\0';
    char **parts = g_strsplit(s, "/", -1);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    gboolean ok = *s != '\0';
    for (char **p = parts; ok && *p; p++) {
        char **both = g_strsplit(*p, " og ", -1);
        for (char **b = both; ok && *b; b++) {
            char *name = g_strstrip(g_strndup(*b, strcspn(*b, ",")));
            char *first = g_strndup(name, strcspn(name, " "));
            ok = arkiv_person_is_name(m->k, name) && arkiv_knowledge_is_first_name(m->k, first);
            g_free(first);
            if (ok)
                g_ptr_array_add(names, name);
            else
                g_free(name);
        }
        g_strfreev(both);
    }
    for (guint i = 0; ok && i < names->len; i++)
        add_presenter(m, it, names->pdata[i]);
    g_ptr_array_unref(names);
    g_strfreev(parts);
    g_free(s);
}

/* The cells after a bare number in the table, up to the next number. */
static void column_cells(const arkiv_tag_items_t *m, const char *text, const heading_t *h,
                         arkiv_item_t *it)
{
    const char *nl = memchr(text + h->start, '\n', h->end - h->start);
    gsize p = nl ? (gsize)(nl - text) + 1 : h->end;
    for (int cells = 0; p < h->end && cells < COLUMN_LINES;) {
        char *line = line_at(text, p, h->end);
        if (*line) {
            add_column_cell(m, line, it);
            cells++;
        }
        g_free(line);
        nl = memchr(text + p, '\n', h->end - p);
        p = nl ? (gsize)(nl - text) + 1 : h->end;
    }
}

/* A header row in [from, to) with a responsible column: short, and every
 * longer word capitalised, as header cells are ("Kl. Saksnr. Saker
 * Ansvarlig Tid"); a sentence that says "ansvarlig" is none. */
static gboolean column_header(const arkiv_tag_items_t *m, const char *text, gsize from, gsize to)
{
    gboolean found = FALSE;
    GMatchInfo *mi = NULL;
    g_regex_match_full(m->column_rx, text, (gssize)to, (gint)from, 0, &mi, NULL);
    while (!found && g_match_info_matches(mi)) {
        char *row = g_match_info_fetch(mi, 0);
        char **words = g_strsplit_set(row, " ", -1);
        found = g_strv_length(words) <= 8;
        for (char **w = words; found && *w; w++)
            found = g_utf8_strlen(*w, -1) < 4 || g_unichar_isupper(g_utf8_get_char(*w));
        g_strfreev(words);
        g_free(row);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    return found;
}

/* An agenda table with a responsible column ("Kl. Saksnr. Saker Ansvarlig
 * Tid"), broken cell by cell as PDF text is: each bare case number after
 * the header row starts a row, and the cells after it that are names are
 * the row's responsible persons. The table ends at the first labelled
 * heading ("Sak 15/24") or at a number seen before. */
static void agenda_column(const arkiv_tag_items_t *m, const char *text, const GPtrArray *hs,
                          arkiv_entities_t *e)
{
    guint first = 0;
    while (first < hs->len && ((heading_t *)hs->pdata[first])->labelled)
        first++;
    if (first == hs->len)
        return;
    gsize from = first ? ((heading_t *)hs->pdata[first - 1])->start : 0;
    if (!column_header(m, text, from, ((heading_t *)hs->pdata[first])->start))
        return;
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = first; i < hs->len; i++) {
        const heading_t *h = hs->pdata[i];
        if (h->labelled || g_hash_table_contains(seen, h->number))
            break;
        g_hash_table_add(seen, h->number);
        column_cells(m, text, h, item_for(e, h->number));
    }
    g_hash_table_destroy(seen);
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
        h->head = 0; /* "Saksbehandler:" in the letter head is this case's */
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
    agenda_column(m, t->text, hs, e);
    for (guint i = 0; i < e->items->len; i++) {
        arkiv_item_t *it = e->items->pdata[i];
        if (!it->title)
            it->title = next_line_title(t->text, it->start, it->end);
    }
    g_ptr_array_unref(hs);
}
