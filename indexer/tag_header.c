/* tag_header.c — kind, meeting date and place from the top of the minutes.
 *
 * The meeting date is chosen by evidence, strongest first: a date after a
 * meeting-date label ("Møtedato:", "Dato:", "Tid:"), then a date in the
 * title lines, then the first date near the top. Dates on a line that
 * talks about something else ("Neste møte", "frist", "referat fra møte …
 * godkjent") are never candidates, because minutes cite other meetings'
 * dates all the time. */
#include "tag_header.h"

#include <stdlib.h>
#include <string.h>

/* How far into the text the header may reach, in non-blank lines. */
enum { TITLE_LINES = 6, DATE_LINES = 8, HEADER_LINES = 40 };

struct arkiv_tag_header {
    const arkiv_knowledge_t *k;
    GRegex *date_rx;        /* any date form, anchored at the match start */
    GRegex *label_rx;       /* meeting-date label at line start */
    GRegex *ignore_rx;      /* context that disqualifies a date on the line */
    GRegex *ignore_word_rx; /* its first part: an ignore word anywhere before */
    GRegex *place_rx;       /* place label at line start */
    GRegex *kind_rx[8];     /* one per [kind] key, in file order */
    char *kind_name[8];
    guint n_kinds;
};

static GRegex *rx(const char *pattern, GRegexCompileFlags flags, GError **error)
{
    return g_regex_new(pattern, flags | G_REGEX_OPTIMIZE, 0, error);
}

static gboolean compile_kinds(arkiv_tag_header_t *m, GError **error)
{
    static const char *const keys[] = {"saksframlegg", "moteinnkalling", "protokoll", "referat",
                                       "handlingsplan"};
    for (guint i = 0; i < G_N_ELEMENTS(keys); i++) {
        char *alt = arkiv_knowledge_alternation(m->k, "kind", keys[i]);
        char *p = g_strdup_printf("(?<!\\w)%s(?!\\w)", alt);
        m->kind_rx[i] = rx(p, G_REGEX_CASELESS, error);
        m->kind_name[i] = g_strdup(keys[i]);
        g_free(p);
        g_free(alt);
        m->n_kinds = i + 1;
        if (!m->kind_rx[i])
            return FALSE;
    }
    return TRUE;
}

gboolean arkiv_tag_header_new(const arkiv_knowledge_t *k, arkiv_tag_header_t **out, GError **error)
{
    arkiv_tag_header_t *m = g_new0(arkiv_tag_header_t, 1);
    m->k = k;
    char *months = g_strdup("(?:[[:alpha:]]{3,9}\\.?)");
    char *date =
        g_strdup_printf("(?:(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)"
                        "|(\\d{1,2})\\s?[./-]\\s?(\\d{1,2})\\s?[./-]\\s?(\\d{4}|\\d{2})(?!\\d)"
                        "|(\\d{1,2})\\.?\\s+(%s)\\s+(\\d{4})(?!\\d))",
                        months);
    char *label = arkiv_knowledge_alternation(k, "date", "meeting");
    char *ignore = arkiv_knowledge_alternation(k, "date", "ignore");
    char *place = arkiv_knowledge_alternation(k, "place", "labels");
    char *label_p = g_strdup_printf("^[ \\t]*%s[ \\t]*:", label);
    char *ignore_word_p = g_strdup_printf("(?<!\\w)%s(?!\\w)", ignore);
    char *ignore_p = g_strdup_printf(
        "%s"
        /* "… og referat fra møte i FPS 19.03.24", "fra møtet 27.03.2025": a
         * title starts with its "Referat", a citation has words before it. */
        "|\\S\\s+(?:referat|protokoll)\\s+(?:fr[aå]\\s+)?(?:(?:felles\\s+)?møte(?:t)?\\s+)?"
        "(?:i\\s+\\S+\\s+)?(?:den\\s+)?$"
        "|(?:fr[aå]|i)\\s+møtet\\s+(?:den\\s+)?$",
        ignore_word_p);
    /* The label may open a line or a column ("Møtedato: …     Møtested: Teams"). */
    char *place_p =
        g_strdup_printf("(?:^|[ \\t]{2,})[ \\t]*%s[ \\t]*:[ \\t]*(.*?)(?:[ \\t]{2,}.*)?$", place);
    gboolean ok = (m->date_rx = rx(date, G_REGEX_CASELESS, error)) &&
                  (m->label_rx = rx(label_p, G_REGEX_CASELESS, error)) &&
                  (m->ignore_rx = rx(ignore_p, G_REGEX_CASELESS, error)) &&
                  (m->ignore_word_rx = rx(ignore_word_p, G_REGEX_CASELESS, error)) &&
                  (m->place_rx = rx(place_p, G_REGEX_CASELESS | G_REGEX_MULTILINE, error)) &&
                  compile_kinds(m, error);
    g_free(months);
    g_free(date);
    g_free(label);
    g_free(ignore);
    g_free(place);
    g_free(label_p);
    g_free(ignore_p);
    g_free(ignore_word_p);
    g_free(place_p);
    if (!ok) {
        arkiv_tag_header_free(m);
        m = NULL;
    }
    *out = m;
    return ok;
}

void arkiv_tag_header_free(arkiv_tag_header_t *m)
{
    if (!m)
        return;
    GRegex *all[] = {m->date_rx, m->label_rx, m->ignore_rx, m->ignore_word_rx, m->place_rx};
    for (guint i = 0; i < G_N_ELEMENTS(all); i++)
        if (all[i])
            g_regex_unref(all[i]);
    for (guint i = 0; i < m->n_kinds; i++) {
        if (m->kind_rx[i])
            g_regex_unref(m->kind_rx[i]);
        g_free(m->kind_name[i]);
    }
    g_free(m);
}

static int year_of(const char *y)
{
    int v = atoi(y);
    if (strlen(y) == 2)
        v += v >= 70 ? 1900 : 2000;
    return v;
}

static gboolean valid_date(int y, int mo, int d)
{
    return y >= 1950 && y <= 2100 && g_date_valid_dmy(d, mo, y);
}

/* Fetches group n of a match as a string, or NULL when it did not take part. */
static char *group(GMatchInfo *mi, int n)
{
    gint s = -1, e = -1;
    if (!g_match_info_fetch_pos(mi, n, &s, &e) || s < 0)
        return NULL;
    return g_match_info_fetch(mi, n);
}

static gboolean date_from_match(const arkiv_tag_header_t *m, GMatchInfo *mi, char **iso)
{
    int y = 0, mo = 0, d = 0;
    char *g[10] = {NULL};
    for (int i = 1; i <= 9; i++)
        g[i] = group(mi, i);
    if (g[1]) {
        y = atoi(g[1]), mo = atoi(g[2]), d = atoi(g[3]);
    } else if (g[4]) {
        d = atoi(g[4]), mo = atoi(g[5]), y = year_of(g[6]);
    } else if (g[7]) {
        d = atoi(g[7]), mo = arkiv_knowledge_month(m->k, g[8]), y = atoi(g[9]);
    }
    for (int i = 1; i <= 9; i++)
        g_free(g[i]);
    if (!valid_date(y, mo, d))
        return FALSE;
    *iso = g_strdup_printf("%04d-%02d-%02d", y, mo, d);
    return TRUE;
}

gboolean arkiv_tag_parse_date(const arkiv_tag_header_t *m, const char *s, char **iso, gsize *used)
{
    GMatchInfo *mi = NULL;
    gboolean ok =
        g_regex_match(m->date_rx, s, G_REGEX_MATCH_ANCHORED, &mi) && date_from_match(m, mi, iso);
    gint st = 0, en = 0;
    if (ok && used && g_match_info_fetch_pos(mi, 0, &st, &en))
        *used = (gsize)en;
    g_match_info_free(mi);
    return ok;
}

/* Where the first ignore word on line ends, or G_MAXSIZE when there is
 * none: every date from there on is disqualified by it. */
static gsize ignore_word_end(const arkiv_tag_header_t *m, const char *line)
{
    GMatchInfo *mi = NULL;
    gint st = 0, en = 0;
    gsize end = G_MAXSIZE;
    if (g_regex_match(m->ignore_word_rx, line, 0, &mi) && g_match_info_fetch_pos(mi, 0, &st, &en))
        end = (gsize)en;
    g_match_info_free(mi);
    return end;
}

/* Does what precedes the date at st disqualify it? The cheap tests come
 * first: matching ignore_rx over all of line before st, for every date of
 * a long line, would be quadratic. word_end is ignore_word_end(line). */
static gboolean disqualified(const arkiv_tag_header_t *m, const char *line, gsize st,
                             gsize word_end)
{
    if ((st > 0 && g_ascii_isdigit(line[st - 1])) || st >= word_end)
        return TRUE;
    char *before = g_strndup(line, st);
    gboolean bad = g_regex_match(m->ignore_rx, before, 0, NULL);
    g_free(before);
    return bad;
}

/* The first date on line that is not disqualified by what precedes it on
 * the line; NULL when there is none. A date is checked for validity before
 * its context, which costs more. */
static char *line_date(const arkiv_tag_header_t *m, const char *line)
{
    GMatchInfo *mi = NULL;
    char *iso = NULL;
    gsize word_end = ignore_word_end(m, line);
    g_regex_match(m->date_rx, line, 0, &mi);
    while (g_match_info_matches(mi) && !iso) {
        gint st = 0, en = 0;
        g_match_info_fetch_pos(mi, 0, &st, &en);
        if (date_from_match(m, mi, &iso) && disqualified(m, line, (gsize)st, word_end))
            g_clear_pointer(&iso, g_free);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    return iso;
}

/* Non-blank lines of the first HEADER_LINES, as a NULL-terminated vector
 * of copies (caller g_strfreev). */
static char **header_lines(const char *text)
{
    GPtrArray *out = g_ptr_array_new();
    const char *p = text;
    while (*p && out->len < HEADER_LINES) {
        const char *nl = strchr(p, '\n');
        gsize n = nl ? (gsize)(nl - p) : strlen(p);
        char *line = g_strstrip(g_strndup(p, n));
        if (*line)
            g_ptr_array_add(out, line);
        else
            g_free(line);
        p += n + (nl ? 1 : 0);
    }
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

static char *pick_date(const arkiv_tag_header_t *m, char **lines)
{
    /* 1: a labelled date, on the label's line or the next line. */
    for (guint i = 0; lines[i]; i++) {
        GMatchInfo *mi = NULL;
        if (g_regex_match(m->label_rx, lines[i], 0, &mi)) {
            gint st = 0, en = 0;
            g_match_info_fetch_pos(mi, 0, &st, &en);
            char *d = line_date(m, lines[i] + en);
            if (!d && lines[i + 1] && !strchr(lines[i] + en, ':'))
                d = line_date(m, lines[i + 1]);
            if (d && !g_regex_match(m->ignore_rx, lines[i], 0, NULL)) {
                g_match_info_free(mi);
                return d;
            }
            g_free(d);
        }
        g_match_info_free(mi);
    }
    /* 2: a date in the title lines. Further down, an unlabelled date is
     * more often a cited meeting or a deadline than this meeting's. */
    for (guint i = 0; lines[i] && i < DATE_LINES; i++) {
        char *d = line_date(m, lines[i]);
        if (d)
            return d;
    }
    return NULL;
}

/* "Fysisk Steinkjer rådhus": how the meeting is held is not the place. */
static void strip_mode(char *place)
{
    static const char *const modes[] = {"fysisk ",      "fysisk, ",      "fysisk/",
                                        "fysisk møte ", "fysisk møte, ", "fysisk møte i "};
    for (guint i = 0; i < G_N_ELEMENTS(modes); i++) {
        gsize n = strlen(modes[i]);
        if (g_ascii_strncasecmp(place, modes[i], n) == 0 && place[n]) {
            memmove(place, place + n, strlen(place + n) + 1);
            g_strstrip(place);
            return;
        }
    }
}

static char *pick_place(const arkiv_tag_header_t *m, char **lines)
{
    for (guint i = 0; lines[i]; i++) {
        GMatchInfo *mi = NULL;
        char *place = NULL;
        if (g_regex_match(m->place_rx, lines[i], 0, &mi)) {
            place = g_match_info_fetch(mi, 1);
            /* "Kommunestyresalen, kl. 09.00" — the time is not the place. */
            char *kl = strstr(place, " kl");
            if (!kl)
                kl = strstr(place, " Kl");
            if (kl)
                *kl = '\0';
            g_strstrip(place);
            strip_mode(place);
            gsize n = strlen(place);
            while (n && (place[n - 1] == ',' || place[n - 1] == '.'))
                place[--n] = '\0';
            if (!*place) {
                g_free(place);
                place = NULL;
            }
        }
        g_match_info_free(mi);
        if (place)
            return place;
    }
    return NULL;
}

/* The kind whose word comes first in the title lines; when the title says
 * nothing, a kind word that dominates the whole text (a plan's cover page
 * is often lost in extraction). */
static char *pick_kind(const arkiv_tag_header_t *m, char **lines, const char *text)
{
    char *title = g_strjoinv("\n", lines);
    char *best = NULL;
    gint best_pos = G_MAXINT;
    guint n = 0;
    for (guint i = 0; lines[i] && i < TITLE_LINES; i++)
        n += strlen(lines[i]) + 1;
    title[MIN(n, strlen(title))] = '\0';
    for (guint i = 0; i < m->n_kinds; i++) {
        GMatchInfo *mi = NULL;
        if (g_regex_match(m->kind_rx[i], title, 0, &mi)) {
            gint st = 0, en = 0;
            g_match_info_fetch_pos(mi, 0, &st, &en);
            if (st < best_pos)
                best_pos = st, best = m->kind_name[i];
        }
        g_match_info_free(mi);
    }
    for (guint i = 0; !best && i < m->n_kinds; i++) {
        GMatchInfo *mi = NULL;
        guint count = 0;
        g_regex_match(m->kind_rx[i], text, 0, &mi);
        while (g_match_info_matches(mi) && count < 5)
            count++, g_match_info_next(mi, NULL);
        g_match_info_free(mi);
        if (count >= 5)
            best = m->kind_name[i];
    }
    g_free(title);
    return g_strdup(best ? best : "annet");
}

void arkiv_tag_header_run(const arkiv_tag_header_t *m, const arkiv_tagtext_t *t,
                          arkiv_entities_t *e)
{
    char **lines = header_lines(t->text);
    e->kind = pick_kind(m, lines, t->text);
    e->date = pick_date(m, lines);
    e->date_source = e->date ? ARKIV_DATE_TEXT : ARKIV_DATE_NONE;
    e->place = pick_place(m, lines);
    g_strfreev(lines);
}
