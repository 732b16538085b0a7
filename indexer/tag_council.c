/* tag_council.c — the body that met.
 *
 * The header says it in a handful of ways: "Utvalg: X", "Referat fra
 * (felles) møte i X 30.01.2025", "Møte i X", a title line "X (ACR)". The
 * phrase X is resolved against the gazetteer; a body the gazetteer does
 * not know is kept as written, because the header structure says it is
 * the body that met. Only when no header pattern matches does a bare
 * gazetteer name near the top (or in the running headers) count. */
#include "tag_council.h"

#include <string.h>

enum { TITLE_LINES = 12, FALLBACK_LINES = 6, HEADER_LINES = 40, MAX_NAME = 90 };

struct arkiv_tag_council {
    const arkiv_knowledge_t *k;
    GRegex *label_rx;   /* "Utvalg: X" on one line */
    GRegex *title_rx;   /* "Referat fra møte i X <date|–|,>" over the joined title */
    GRegex *acr_rx;     /* a line "X (ACR)" */
    GRegex *plural_rx;  /* "fagrådene for A og B" */
    GRegex *table_rx;   /* a table header row "Utvalg   Utvalgssak   Møtedato" */
    GRegex *cells_rx;   /* the gap between table cells */
    GRegex *running_rx; /* a running header "X – referat   Side 1 av 2" */
};

gboolean arkiv_tag_council_new(const arkiv_knowledge_t *k, arkiv_tag_council_t **out,
                               GError **error)
{
    arkiv_tag_council_t *m = g_new0(arkiv_tag_council_t, 1);
    m->k = k;
    const GRegexCompileFlags f = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;
    /* X ends at a date, a dash, punctuation, or the next label ("Dato:"). */
    const char *end = "(?=\\s+(?:den\\s+|d\\.\\s*)?\\d|\\s+[–—-]+(?:\\s|$)|\\s*[,:;(]|"
                      "\\s+\\p{Lu}\\w*(?:\\s\\w+)?\\s*:|\\s*$)";
    char *title = g_strdup_printf(
        "(?:^|\\s)(?:(?:møte)?referat|protokoll|møteprotokoll|møtebok|(?:møte)?innkalling|"
        "sakliste|saksliste|notat)?\\s*(?:fr[aå]|for|til|i)?\\s*(?:det\\s+|et\\s+)?"
        "(?:felles\\s+|ekstraordinært\\s+|ekstraordinært\\s+)?(?<!\\w)møte(?:t)?\\s+(?:i|for|med)"
        "\\s+"
        "(?!og\\s)(\\S.*?)%s",
        end);
    gboolean ok =
        (m->label_rx =
             g_regex_new("^\\s*(?:utvalg|utval|organ|styre|møteorgan|råd)\\s*:\\s*(\\S.*?)"
                         "\\s*$",
                         f, 0, error)) &&
        (m->title_rx = g_regex_new(title, f, 0, error)) &&
        (m->acr_rx = g_regex_new("^\\s*(\\p{Lu}[^()]{2,80}?)\\s*\\((\\p{Lu}[\\p{Lu}\\d]{1,6})\\)",
                                 G_REGEX_OPTIMIZE, 0, error)) &&
        (m->plural_rx =
             g_regex_new("^(\\w+?)(?:ene|ane|a)\\s+for\\s+(.+?)\\s+og\\s+(.+)$", f, 0, error)) &&
        (m->table_rx = g_regex_new("^(?:utvalg|utval|organ|styre|saksgang)(?:\\s{2,}|\\t)\\S", f, 0,
                                   error)) &&
        (m->cells_rx = g_regex_new("\\s{2,}|\\t", G_REGEX_OPTIMIZE, 0, error)) &&
        (m->running_rx = g_regex_new("^[ \\t]*(\\p{Lu}[^–—\\n]{3,90}?)[ \\t]+[–—-][ \\t]+"
                                     "(?:møte)?(?:referat|protokoll|møtebok)(?!\\w)",
                                     f | G_REGEX_MULTILINE, 0, error));
    g_free(title);
    if (!ok) {
        arkiv_tag_council_free(m);
        m = NULL;
    }
    *out = m;
    return ok;
}

void arkiv_tag_council_free(arkiv_tag_council_t *m)
{
    if (!m)
        return;
    GRegex *all[] = {m->label_rx, m->title_rx, m->acr_rx,    m->plural_rx,
                     m->table_rx, m->cells_rx, m->running_rx};
    for (guint i = 0; i < G_N_ELEMENTS(all); i++)
        if (all[i])
            g_regex_unref(all[i]);
    g_free(m);
}

static void add_council(arkiv_entities_t *e, const char *name)
{
    for (guint i = 0; i < e->councils->len; i++)
        if (g_str_equal(e->councils->pdata[i], name))
            return;
    g_ptr_array_add(e->councils, g_strdup(name));
}

/* Adds every gazetteer council named inside s; returns how many. */
static guint add_known(const arkiv_tag_council_t *m, const char *s, arkiv_entities_t *e,
                       guint limit)
{
    GMatchInfo *mi = NULL;
    guint n = 0;
    g_regex_match(arkiv_knowledge_council_regex(m->k), s, 0, &mi);
    while (g_match_info_matches(mi) && n < limit) {
        char *hit = g_match_info_fetch(mi, 0);
        const char *c = arkiv_knowledge_council(m->k, hit);
        if (c)
            add_council(e, c), n++;
        g_free(hit);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    return n;
}

/* "fagrådene for pasientsamarbeid og legesamarbeid" names two bodies:
 * "fagråd for pasientsamarbeid" and "fagråd for legesamarbeid". */
static guint add_plural(const arkiv_tag_council_t *m, const char *x, arkiv_entities_t *e)
{
    GMatchInfo *mi = NULL;
    guint n = 0;
    if (g_regex_match(m->plural_rx, x, 0, &mi)) {
        char *stem = g_match_info_fetch(mi, 1);
        for (int g = 2; g <= 3; g++) {
            char *what = g_match_info_fetch(mi, g);
            char *one = g_strdup_printf("%s for %s", stem, what);
            const char *c = arkiv_knowledge_council(m->k, one);
            if (c)
                add_council(e, c), n++;
            g_free(one);
            g_free(what);
        }
        g_free(stem);
    }
    g_match_info_free(mi);
    return n;
}

/* A body the gazetteer does not know, kept as the header writes it. */
static void add_unknown(arkiv_entities_t *e, const char *x)
{
    char *s = g_strstrip(g_strdup(x));
    gsize n = strlen(s);
    /* Trailing punctuation, a character at a time: a byte test would take
     * the last byte of "Ó" (C3 93) for one of "–" (E2 80 93). */
    for (;;) {
        char *last = n ? g_utf8_find_prev_char(s, s + n) : NULL;
        gunichar c = last ? g_utf8_get_char(last) : 0;
        if (!last || !(c == '.' || c == ',' || c == ';' || c == ':' || c == '-' || c == 0x2013))
            break;
        n = (gsize)(last - s);
        s[n] = '\0';
    }
    g_strstrip(s);
    glong chars = g_utf8_strlen(s, -1);
    gunichar first = g_utf8_get_char(s);
    if (chars >= 3 && chars <= MAX_NAME && g_unichar_isalpha(first)) {
        char *up = g_utf8_strup(s, g_utf8_next_char(s) - s);
        char *name = g_strconcat(up, g_utf8_next_char(s), NULL);
        add_council(e, name);
        g_free(name);
        g_free(up);
    }
    g_free(s);
}

static void resolve(const arkiv_tag_council_t *m, const char *x, arkiv_entities_t *e)
{
    /* "Brukerutvalget ved Nordfjell sykehus" is one hospital's body, not
     * the generic gazetteer entry its first word matches. */
    if (strstr(x, " ved ") && !add_plural(m, x, e)) {
        add_unknown(e, x);
        return;
    }
    if (add_plural(m, x, e) || add_known(m, x, e, 4))
        return;
    add_unknown(e, x);
}

static char **first_lines(const char *text, guint max)
{
    GPtrArray *out = g_ptr_array_new();
    char **all = g_strsplit_set(text, "\n", -1);
    for (char **l = all; *l && out->len < max; l++) {
        char *s = g_strstrip(g_strdup(*l));
        if (*s)
            g_ptr_array_add(out, s);
        else
            g_free(s);
    }
    g_strfreev(all);
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

static gboolean from_match(const arkiv_tag_council_t *m, GRegex *rx, const char *s,
                           arkiv_entities_t *e)
{
    GMatchInfo *mi = NULL;
    gboolean found = g_regex_match(rx, s, 0, &mi);
    if (found) {
        char *x = g_match_info_fetch(mi, 1);
        resolve(m, x, e);
        g_free(x);
    }
    g_match_info_free(mi);
    return found;
}

static gboolean from_acronym_line(const arkiv_tag_council_t *m, char **lines, arkiv_entities_t *e)
{
    for (guint i = 0; lines[i]; i++) {
        GMatchInfo *mi = NULL;
        gboolean found = g_regex_match(m->acr_rx, lines[i], 0, &mi);
        if (found) {
            char *acr = g_match_info_fetch(mi, 2), *x = g_match_info_fetch(mi, 1);
            const char *c = arkiv_knowledge_council(m->k, acr);
            if (!c)
                c = arkiv_knowledge_council(m->k, x);
            if (c)
                add_council(e, c);
            else if (i < 3 && strchr(g_strstrip(x), ' '))
                add_unknown(e, x); /* a body not in the gazetteer, titled "X (ACR)" */
            found = e->councils->len > 0;
            g_free(acr);
            g_free(x);
        }
        g_match_info_free(mi);
        if (found)
            return TRUE;
    }
    return FALSE;
}

/* Case papers carry the council in a table: "Utvalg  Utvalgssak  Møtedato"
 * over "Formannskapet  49/24  05.09.2024"; the first cell below is it. */
static void from_table(const arkiv_tag_council_t *m, char **lines, arkiv_entities_t *e)
{
    for (guint i = 0; lines[i] && lines[i + 1] && !e->councils->len; i++) {
        if (!g_regex_match(m->table_rx, lines[i], 0, NULL))
            continue;
        char **cells = g_regex_split(m->cells_rx, lines[i + 1], 0);
        if (cells[0] && *cells[0] && cells[1])
            resolve(m, cells[0], e);
        g_strfreev(cells);
    }
}

void arkiv_tag_council_run(const arkiv_tag_council_t *m, const arkiv_tagtext_t *t,
                           arkiv_entities_t *e)
{
    char **lines = first_lines(t->text, TITLE_LINES);
    from_table(m, lines, e);
    for (guint i = 0; lines[i] && !e->councils->len; i++)
        from_match(m, m->label_rx, lines[i], e);
    if (!e->councils->len) {
        char *joined = g_strjoinv(" ", lines);
        from_match(m, m->title_rx, joined, e);
        g_free(joined);
    }
    if (!e->councils->len)
        from_acronym_line(m, lines, e);
    if (!e->councils->len) {
        guint n = MIN(g_strv_length(lines), (guint)FALLBACK_LINES);
        for (guint i = 0; i < n && !e->councils->len; i++)
            add_known(m, lines[i], e, 1);
    }
    if (!e->councils->len) {
        /* "Sakliste og referat fra møte i FPS 19.03.24 godkjent" below the
         * attendance lists, when the title itself says only "Referat". */
        char **more = first_lines(t->text, HEADER_LINES);
        char *joined = g_strjoinv(" ", more);
        from_match(m, m->title_rx, joined, e);
        g_free(joined);
        g_strfreev(more);
    }
    if (!e->councils->len)
        add_known(m, t->headers, e, 1);
    /* A title that says only "REFERAT" leaves the body to the running
     * header: "Koordineringsgruppa for X – referat   Side 1 av 2". */
    if (!e->councils->len && t->headers)
        from_match(m, m->running_rx, t->headers, e);
    g_strfreev(lines);
}
