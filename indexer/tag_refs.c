/* tag_refs.c — references to other cases ("ASU-sak 08/25", "jf. sak
 * 13/24", "SSU har i sak 39/22") and project names («Hjem til hjem»,
 * HARMONI).
 *
 * A reference names its council when the text does: as a prefix of "sak"
 * ("ASU-sak"), or as a council named just before ("SSU har i sak"). A
 * reference without a council stays without one: guessing the meeting's
 * own council would be wrong as often as right. */
#include "tag_refs.h"

#include <string.h>

#include "tag_items.h"

enum { COUNCIL_LOOKBACK = 40 };

struct arkiv_tag_refs {
    const arkiv_knowledge_t *k;
    GRegex *ref_rx;    /* a case number after "sak" */
    GRegex *quoted_rx; /* prosjekt «X» / «X»-prosjektet */
    GRegex *caps_rx;   /* prosjektet HARMONI / HARMONI-prosjektet */
    /* The first half of caps_rx alone, and what its second half needs:
     * "HARMONI-prosjektet" starts at any capital, which made caps_rx six
     * times slower than its first half, and most minutes have no
     * "-prosjekt" at all. */
    GRegex *caps_intro_rx;
    GRegex *suffix_rx;
    GRegex *label_rx; /* "Prosjekt: Felles legevaktsentral" to the end of its line */
    GRegex *after_rx; /* "… i ASU", ": Protokoll fra ASU" right after the number */
    /* The knowledge's council regex, anchored when compiled: matching the
     * shared one with G_REGEX_MATCH_ANCHORED bypasses PCRE2's JIT and
     * checks the UTF-8 of the whole rest of the text on every call. */
    GRegex *council_at_rx;
};

gboolean arkiv_tag_refs_new(const arkiv_knowledge_t *k, arkiv_tag_refs_t **out, GError **error)
{
    arkiv_tag_refs_t *m = g_new0(arkiv_tag_refs_t, 1);
    m->k = k;
    char *intro = arkiv_knowledge_alternation(k, "project", "intro");
    const char *q = "[«\"“”]([^«»\"“”\\n]{2,80})[»\"”“]";
    char *quoted =
        g_strdup_printf("(?<!\\w)(?i:%s)\\s+(?:(?i:om|for)\\s+)?%s|%s-?(?i:prosjekt)", intro, q, q);
    char *caps_intro =
        g_strdup_printf("(?<!\\w)(?i:%s)\\s+(\\p{Lu}[\\p{Lu}\\d]{2,20})(?![\\w-])", intro);
    char *caps =
        g_strdup_printf("%s|(?<![\\w-])(\\p{Lu}[\\p{Lu}\\d]{2,20})-(?i:prosjekt)", caps_intro);
    /* The case words of headings ([item] case: "PS 12/24") refer to a
     * case in running text too: "jf. PS 24/12 i kommunestyret". */
    char *cw = arkiv_knowledge_alternation(k, "item", "case");
    char *ref =
        g_strdup_printf("(?<![\\w-])(?:(\\p{Lu}[\\p{Lu}\\d]{1,6})[- ])?(?i:sak|saka|saken|%s)"
                        "\\s*(?:(?i:nr)\\.?\\s*)?(\\d{1,3}\\s*/\\s*(?:\\d{4}|\\d{2}))(?![\\d/])",
                        cw);
    /* A presenter after the name ("… v/ Kari Holm") is no part of it. */
    char *label = g_strdup_printf("(?<![\\w-])(?i:%s)[ \\t]*:[ \\t]*(\\p{Lu}[^\\n«»\"“”:]{1,78}?)"
                                  "(?:[ \\t]+v[ \\t]?/[^\\n]*)?[ \\t.,;]*$",
                                  intro);
    const GRegex *council = arkiv_knowledge_council_regex(k);
    gboolean ok =
        (m->council_at_rx =
             g_regex_new(g_regex_get_pattern(council),
                         g_regex_get_compile_flags(council) | G_REGEX_ANCHORED, 0, error)) &&
        (m->ref_rx = g_regex_new(ref, G_REGEX_OPTIMIZE, 0, error)) &&
        (m->quoted_rx = g_regex_new(quoted, G_REGEX_OPTIMIZE, 0, error)) &&
        (m->caps_rx = g_regex_new(caps, G_REGEX_OPTIMIZE, 0, error)) &&
        (m->caps_intro_rx = g_regex_new(caps_intro, G_REGEX_OPTIMIZE, 0, error)) &&
        (m->suffix_rx = g_regex_new("-(?i:prosjekt)", G_REGEX_OPTIMIZE, 0, error)) &&
        (m->label_rx = g_regex_new(label, G_REGEX_MULTILINE | G_REGEX_OPTIMIZE, 0, error)) &&
        (m->after_rx =
             g_regex_new("^(?:\\s+(?:i|fra|frå)|:\\s*(?:protokoll|referat|møte)\\s+(?:fra|frå|i))"
                         "\\s+",
                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, error));
    g_free(intro);
    g_free(quoted);
    g_free(caps);
    g_free(caps_intro);
    g_free(cw);
    g_free(ref);
    g_free(label);
    if (!ok) {
        arkiv_tag_refs_free(m);
        m = NULL;
    }
    *out = m;
    return ok;
}

void arkiv_tag_refs_free(arkiv_tag_refs_t *m)
{
    if (!m)
        return;
    GRegex *all[] = {m->ref_rx,    m->quoted_rx, m->caps_rx,  m->caps_intro_rx,
                     m->suffix_rx, m->label_rx,  m->after_rx, m->council_at_rx};
    for (guint i = 0; i < G_N_ELEMENTS(all); i++)
        if (all[i])
            g_regex_unref(all[i]);
    g_free(m);
}

static gboolean is_project_separator(gunichar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '"' || c == 0x00AB /* « */ ||
           c == 0x00BB /* » */ || c == 0x201C /* “ */ || c == 0x201D /* ” */;
}

/* Lowercase words joined by single spaces, quotes dropped. Split by
 * characters, not bytes: g_strsplit_set with "«" among its delimiters
 * would also cut "ë" (C3 AB) in two. */
char *arkiv_project_normalise(const char *s)
{
    char *low = g_utf8_strdown(s, -1);
    GString *out = g_string_new(NULL);
    gboolean gap = FALSE;
    for (const char *p = low; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (is_project_separator(c)) {
            gap = TRUE;
            continue;
        }
        if (gap && out->len)
            g_string_append_c(out, ' ');
        gap = FALSE;
        g_string_append_unichar(out, c);
    }
    g_free(low);
    return g_string_free(out, FALSE);
}

/* The heading of an item ("Sak 12/24 …" at a line start) is not a
 * reference. */
static gboolean is_heading(const char *text, gsize off)
{
    while (off > 0 && (text[off - 1] == ' ' || text[off - 1] == '\t'))
        off--;
    return off == 0 || text[off - 1] == '\n';
}

/* A council named in the few words before a reference ("SSU har i sak"). */
static char *council_before(const arkiv_tag_refs_t *m, const char *text, gsize off)
{
    gsize from = off > COUNCIL_LOOKBACK ? off - COUNCIL_LOOKBACK : 0;
    while (from > 0 && (text[from] & 0xC0) == 0x80)
        from--;
    char *win = g_strndup(text + from, off - from);
    /* Only the reference's own clause: "vedtak i ASU våren 2024, jf. sak
     * 13/24" does not say which council's case 13/24 is. Line breaks are
     * not clause breaks: extracted PDF text wraps anywhere. */
    const char *scan = win;
    for (const char *p = win; *p; p++)
        if (*p == ';' || ((*p == ',' || *p == '.') && p[1] == ' '))
            scan = p + 1;
    GMatchInfo *mi = NULL;
    char *found = NULL;
    g_regex_match(arkiv_knowledge_council_regex(m->k), scan, 0, &mi);
    while (g_match_info_matches(mi)) {
        char *hit = g_match_info_fetch(mi, 0);
        const char *c = arkiv_knowledge_council(m->k, hit);
        if (c)
            g_free(found), found = g_strdup(c);
        g_free(hit);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    g_free(win);
    return found;
}

/* A council named right after the number: "sak 17/24 i ASU", "sak 13/24:
 * Protokoll fra ASU 22.05.24". The subject is the rest of the text, with
 * its length given: g_regex_match would strlen() it for every reference,
 * which on a long line is quadratic. */
static char *council_after(const arkiv_tag_refs_t *m, const arkiv_tagtext_t *t, gsize off)
{
    GMatchInfo *mi = NULL;
    char *found = NULL;
    if (g_regex_match_full(m->after_rx, t->text + off, (gssize)(t->len - off), 0, 0, &mi, NULL)) {
        gint st = 0, en = 0;
        g_match_info_fetch_pos(mi, 0, &st, &en);
        GMatchInfo *ci = NULL;
        gsize at = off + (gsize)en;
        if (g_regex_match_full(m->council_at_rx, t->text + at, (gssize)(t->len - at), 0, 0, &ci,
                               NULL)) {
            char *hit = g_match_info_fetch(ci, 0);
            const char *c = arkiv_knowledge_council(m->k, hit);
            found = c ? g_strdup(c) : NULL;
            g_free(hit);
        }
        g_match_info_free(ci);
    }
    g_match_info_free(mi);
    return found;
}

/* An item of this very document ("Fra administrasjonen møtte … under sak
 * 07/24") is not a reference to another case. */
static gboolean own_item(const arkiv_entities_t *e, const char *number)
{
    for (guint i = 0; i < e->items->len; i++)
        if (g_str_equal(((arkiv_item_t *)e->items->pdata[i])->number, number))
            return TRUE;
    return FALSE;
}

static void add_ref(arkiv_entities_t *e, char *council, char *number)
{
    for (guint i = 0; i < e->refs->len; i++) {
        arkiv_ref_t *r = e->refs->pdata[i];
        if (g_str_equal(r->number, number) && g_strcmp0(r->council, council) == 0) {
            g_free(council);
            g_free(number);
            return;
        }
    }
    arkiv_ref_t *r = g_new0(arkiv_ref_t, 1);
    r->council = council;
    r->number = number;
    g_ptr_array_add(e->refs, r);
}

static void find_refs(const arkiv_tag_refs_t *m, const arkiv_tagtext_t *t, arkiv_entities_t *e)
{
    GMatchInfo *mi = NULL;
    g_regex_match(m->ref_rx, t->text, 0, &mi);
    while (g_match_info_matches(mi)) {
        gint st = 0, en = 0;
        g_match_info_fetch_pos(mi, 0, &st, &en);
        char *acr = g_match_info_fetch(mi, 1), *num = g_match_info_fetch(mi, 2);
        char *norm = arkiv_case_number_normalise(num);
        /* Line-start "Sak 12/24" is this meeting's item heading; "ASU-sak
         * 08/25" at a line start in FSU's papers is still a reference. */
        if (norm && !(is_heading(t->text, (gsize)st) && own_item(e, norm))) {
            const char *c = acr && *acr ? arkiv_knowledge_council(m->k, acr) : NULL;
            char *council = c ? g_strdup(c) : council_after(m, t, (gsize)en);
            if (!council)
                council = council_before(m, t->text, (gsize)st);
            if (council || !own_item(e, norm)) {
                add_ref(e, council, norm);
                norm = NULL;
            }
        }
        g_free(norm);
        g_free(acr);
        g_free(num);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
}

static void add_project(arkiv_entities_t *e, const char *raw)
{
    char *p = arkiv_project_normalise(raw);
    gboolean dup = !*p;
    for (guint i = 0; i < e->projects->len && !dup; i++)
        dup = g_str_equal(e->projects->pdata[i], p);
    if (dup)
        g_free(p);
    else
        g_ptr_array_add(e->projects, p);
}

static void find_projects(const GRegex *rx, const char *text, arkiv_entities_t *e)
{
    GMatchInfo *mi = NULL;
    g_regex_match(rx, text, 0, &mi);
    while (g_match_info_matches(mi)) {
        for (int g = 1; g <= 2; g++) {
            char *name = g_match_info_fetch(mi, g);
            if (name && *name)
                add_project(e, name);
            g_free(name);
        }
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
}

void arkiv_tag_refs_run(const arkiv_tag_refs_t *m, const arkiv_tagtext_t *t, arkiv_entities_t *e)
{
    find_refs(m, t, e);
    find_projects(m->quoted_rx, t->text, e);
    /* Without "-prosjekt" the second half of caps_rx cannot match, so
     * its first half alone finds the same. */
    gboolean suffix = g_regex_match(m->suffix_rx, t->text, 0, NULL);
    find_projects(suffix ? m->caps_rx : m->caps_intro_rx, t->text, e);
    find_projects(m->label_rx, t->text, e);
}
