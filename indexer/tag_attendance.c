/* tag_attendance.c — attendance lists and chair/secretary lines.
 *
 * How it reads a document:
 *
 * 1. The header (from the start to the first agenda heading — "Agenda",
 *    "Saksliste", "Sak 9/24", "1. Velkommen" — that follows an attendance
 *    label) is read line by line. A line that starts with a label ("Til
 *    stede:", "Faste medlemmer som ikke møtte:") opens a list; the label is
 *    classified by the minutes.ini [attendance] words it contains, and
 *    every other word in it must be filler ([labels] fillers: "som",
 *    "følgende"), so "Andre saker:" or "Protokollen godkjennes av leder
 *    …:" open nothing. The other words that shape lists — negation,
 *    "også", "møtende", "fra", agenda headings, table column headers —
 *    are minutes.ini [labels] and [table] too.
 * 2. A label with a status (present/absent) is a top-level list. Labels
 *    without one ("Medlemmer:", "Observatører/andre:", or an organisation
 *    such as "HNT:") are sub-lists; right under an empty top-level label
 *    they take its status, so "Forfall:\n\nMedlemmer: …" lists absent
 *    members. Chair and secretary labels ("Møteleder:", "Referent:",
 *    "Sekretariat:") make role lists, which may share a line ("Møteleder:
 *    X  Referent: Y").
 * 3. A list goes on over following lines (blank lines too: PDF text puts
 *    them between every line) while each line looks like list content —
 *    the first entry it adds or completes is a name, and there are at
 *    least as many names as non-names among them — and ends at a line that
 *    does not, at the next label, or at an agenda heading.
 * 4. A list's text is split into entries at commas, semicolons, slashes,
 *    "og", a closing parenthesis followed by a capital (a missing comma)
 *    and, in one-per-line lists, newlines; never inside parentheses. A line
 *    with a column gap (2+ spaces, tab, "|") is one table row. Each entry
 *    goes through arkiv_person_clean(); what is not a name is dropped.
 * 5. List people are merged first, in document order; then the role lists,
 *    whose names are resolved against the list people ("Møteleder:
 *    Elisabeth Tronstad" adds CHAIR to the member "Elisabeth Tronstad").
 *    Chair/secretary lines after the header are read too. */
#include "tag_attendance.h"

#include <string.h>

#include "person.h"

enum { G_PRESENT, G_ABSENT, G_MEMBERS, G_OBSERVER, G_CHAIR, G_SECRETARY, G_SUBSTITUTE, N_GROUPS };

static const char *const GROUP_KEYS[N_GROUPS] = {"present", "absent",    "members",   "observer",
                                                 "chair",   "secretary", "substitute"};

struct arkiv_tag_attendance {
    const arkiv_knowledge_t *k;
    GRegex *group[N_GROUPS]; /* one group's words as whole words, any case */
    GRegex *any_group;       /* the words of every group and of attending */
    GRegex *negation;        /* [labels] negation: "som ikke møtte" is absent */
    GRegex *also;            /* [labels] also: "Også til stede:" lists observers */
    GRegex *attending;       /* [labels] attending: "Møtende varamedlemmer:" are present */
    GRegex *label_start;     /* "Til stede:" at the start of a line */
    GRegex *label_mid;       /* "  Referent:" later in a line */
    GRegex *sentence;        /* "… kl. 13.00. Til stede var Kari Holm …" */
    GRegex *other_label;     /* date, place and item labels: never attendance */
    GRegex *agenda;          /* where the header ends */
    /* Only in the per-run copy made by arkiv_tag_attendance_run (NULL in
     * the shared module): entry text -> cleaned_t, what arkiv_person_clean
     * made of it. Deciding whether a line continues a list splits its last
     * lines again, and every entry of a list is cleaned once more when it
     * is written out: the same entries come back many times, and the
     * answer depends only on the text and the knowledge. Owned by the run,
     * freed at its end. */
    GHashTable *cleaned;
    /* Also per run: lines found not to be a table's header row (a set of
     * strings it owns), for the same reason: the windows of list_like
     * overlap, so each line of a list is asked about some ten times. */
    GHashTable *not_header;
};

/* ------------------------------------------------------------------------
 * Construction
 * ---------------------------------------------------------------------- */

static GRegex *compile(const char *pattern, GRegexCompileFlags flags, GError **error)
{
    return g_regex_new(pattern, flags | G_REGEX_OPTIMIZE, 0, error);
}

/* "(?:a|b|c)" of several minutes.ini keys at once. */
static char *union_alternation(const arkiv_knowledge_t *k, const char *const (*keys)[2], gsize n)
{
    GString *rx = g_string_new("(?:");
    for (gsize i = 0; i < n; i++) {
        char *alt = arkiv_knowledge_alternation(k, keys[i][0], keys[i][1]);
        g_string_append_printf(rx, "%s%s", i ? "|" : "", alt);
        g_free(alt);
    }
    g_string_append_c(rx, ')');
    return g_string_free(rx, FALSE);
}

/* The words of minutes.ini [labels] key as whole words, any case. */
static GRegex *compile_words(const arkiv_knowledge_t *k, const char *key, GError **error)
{
    char *alt = arkiv_knowledge_alternation(k, "labels", key);
    char *rx = g_strdup_printf("(?<![\\w])%s(?![\\w])", alt);
    GRegex *re = compile(rx, G_REGEX_CASELESS, error);
    g_free(rx);
    g_free(alt);
    return re;
}

/* Every group's words with their endings, and the attending words, in
 * one alternation inside the same boundaries: it matches where any of
 * those patterns would. Short texts, tried a few times per document: not
 * worth JIT-compiling. */
static gboolean compile_any_group(arkiv_tag_attendance_t *m, const char *endings, GError **error)
{
    GString *rx = g_string_new("(?<![\\w])(?:");
    for (int g = 0; g < N_GROUPS; g++) {
        char *alt = arkiv_knowledge_alternation(m->k, "attendance", GROUP_KEYS[g]);
        g_string_append_printf(rx, "%s%s%s?", g ? "|" : "", alt, endings);
        g_free(alt);
    }
    char *att = arkiv_knowledge_alternation(m->k, "labels", "attending");
    g_string_append_printf(rx, "|%s)(?![\\w])", att);
    g_free(att);
    m->any_group = g_regex_new(rx->str, G_REGEX_CASELESS, 0, error);
    g_string_free(rx, TRUE);
    return m->any_group != NULL;
}

static gboolean compile_groups(arkiv_tag_attendance_t *m, GError **error)
{
    /* Definite and plural endings: "Sekretariatet:", "Observatøren:". */
    char *endings = arkiv_knowledge_alternation(m->k, "labels", "endings");
    gboolean ok = TRUE;
    for (int g = 0; g < N_GROUPS && ok; g++) {
        char *alt = arkiv_knowledge_alternation(m->k, "attendance", GROUP_KEYS[g]);
        char *rx = g_strdup_printf("(?<![\\w])%s%s?(?![\\w])", alt, endings);
        m->group[g] = compile(rx, G_REGEX_CASELESS, error);
        ok = m->group[g] != NULL;
        g_free(rx);
        g_free(alt);
    }
    ok = ok && compile_any_group(m, endings, error);
    g_free(endings);
    if (!ok)
        return FALSE;
    m->negation = compile_words(m->k, "negation", error);
    if (m->negation)
        m->also = compile_words(m->k, "also", error);
    if (m->also)
        m->attending = compile_words(m->k, "attending", error);
    return m->attending != NULL;
}

static gboolean compile_labels(arkiv_tag_attendance_t *m, GError **error)
{
    static const char *const att[][2] = {{"attendance", "present"},   {"attendance", "absent"},
                                         {"attendance", "members"},   {"attendance", "observer"},
                                         {"attendance", "chair"},     {"attendance", "secretary"},
                                         {"attendance", "substitute"}};
    static const char *const other[][2] = {{"date", "meeting"},   {"date", "ignore"},
                                           {"place", "labels"},   {"item", "decision"},
                                           {"item", "presenter"}, {"item", "case"}};
    static const char *const cases[][2] = {{"item", "case"}};
    /* A label: up to 60 characters of words before a colon that is not a
     * URL's ("https://"). */
    m->label_start = compile("^[ \\t•*·▪◦–-]*(?<lab>\\p{L}[\\p{L}\\p{M} /'’.-]{0,60}?)[ \\t]*:"
                             "(?!//)(?<rest>.*)$",
                             0, error);
    if (!m->label_start)
        return FALSE;
    char *alt = union_alternation(m->k, att, G_N_ELEMENTS(att));
    char *rx = g_strdup_printf("(?<=\\s)(?<lab>%s)[ \\t]*:(?!//)", alt);
    m->label_mid = compile(rx, G_REGEX_CASELESS, error);
    g_free(rx);
    g_free(alt);
    if (!m->label_mid)
        return FALSE;
    /* Prose minutes: a status label opening a sentence at the start of a
     * line or after another sentence, then a [labels] sentence word and a
     * capital ("Til stede var Kari Holm"). */
    static const char *const status[][2] = {{"attendance", "present"}, {"attendance", "absent"}};
    alt = union_alternation(m->k, status, G_N_ELEMENTS(status));
    char *verb = arkiv_knowledge_alternation(m->k, "labels", "sentence");
    rx = g_strdup_printf("(?:^|(?<=[.!?]))[ \\t]*(?<lab>(?i:%s))[ \\t]+(?i:%s)[ \\t]+"
                         "(?<rest>\\p{Lu}.*)$",
                         alt, verb);
    m->sentence = compile(rx, 0, error);
    g_free(rx);
    g_free(verb);
    g_free(alt);
    if (!m->sentence)
        return FALSE;
    alt = union_alternation(m->k, other, G_N_ELEMENTS(other));
    rx = g_strdup_printf("^%s$", alt);
    m->other_label = compile(rx, G_REGEX_CASELESS, error);
    g_free(rx);
    g_free(alt);
    if (!m->other_label)
        return FALSE;
    /* Agenda headings ([labels] agenda) alone on their line, case headings
     * ("Sak 9/24", "PS 12/2024"; not "PS 24/34." alone, the end of a
     * sentence wrapped onto its own line), and numbered points ("1.
     * Velkommen"; the caller rejects "1. Kari Holm"). */
    alt = union_alternation(m->k, cases, G_N_ELEMENTS(cases));
    char *heads = arkiv_knowledge_alternation(m->k, "labels", "agenda");
    rx = g_strdup_printf("^[ \\t]*(?:(?i:%s)[ \\t]*:?[ \\t]*$"
                         "|(?i:%s)\\.?[ \\t]*(?i:nr\\.?)?[ \\t]*:?[ \\t]*\\d{1,4}[ \\t]*/[ \\t]*"
                         "\\d{2,4}(?!\\d)(?![ \\t]*\\.[ \\t]*$)"
                         "|\\d{1,2}[ \\t]*[.)][ \\t]+(?<num>\\p{Lu}.*))",
                         heads, alt);
    m->agenda = compile(rx, 0, error);
    g_free(rx);
    g_free(heads);
    g_free(alt);
    return m->agenda != NULL;
}

gboolean arkiv_tag_attendance_new(const arkiv_knowledge_t *k, arkiv_tag_attendance_t **out,
                                  GError **error)
{
    arkiv_tag_attendance_t *m = g_new0(arkiv_tag_attendance_t, 1);
    m->k = k;
    *out = NULL;
    if (!compile_groups(m, error) || !compile_labels(m, error)) {
        arkiv_tag_attendance_free(m);
        return FALSE;
    }
    *out = m;
    return TRUE;
}

void arkiv_tag_attendance_free(arkiv_tag_attendance_t *m)
{
    if (!m)
        return;
    for (int g = 0; g < N_GROUPS; g++)
        if (m->group[g])
            g_regex_unref(m->group[g]);
    GRegex *rx[] = {m->any_group, m->negation, m->also,        m->attending, m->label_start,
                    m->label_mid, m->sentence, m->other_label, m->agenda};
    for (gsize i = 0; i < G_N_ELEMENTS(rx); i++)
        if (rx[i])
            g_regex_unref(rx[i]);
    g_free(m);
}

/* ------------------------------------------------------------------------
 * Labels
 * ---------------------------------------------------------------------- */

typedef struct {
    guint groups; /* 1 << G_* */
    gboolean negated;
    gboolean bare_fra; /* "Fra revisjonen": observers, but only in an attendance block */
    char *org;         /* "Til stede fra HNT" -> "HNT"; owned */
} label_t;

static void mark_matches(const GRegex *rx, const char *text, gboolean *covered, gboolean *hit)
{
    GMatchInfo *mi = NULL;
    g_regex_match(rx, text, 0, &mi);
    while (g_match_info_matches(mi)) {
        int s, e;
        g_match_info_fetch_pos(mi, 0, &s, &e);
        for (int i = s; i < e; i++)
            covered[i] = TRUE;
        *hit = TRUE;
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
}

/* TRUE when every word of text not covered by a label word is filler. */
static gboolean only_fillers(const arkiv_knowledge_t *k, const char *text, const gboolean *covered)
{
    gsize n = strlen(text), i = 0;
    while (i < n) {
        while (i < n && strchr(" \t/", text[i]))
            i++;
        gsize s = i;
        gboolean loose = FALSE;
        for (; i < n && !strchr(" \t/", text[i]); i++)
            loose |= !covered[i];
        if (!loose || s == i)
            continue;
        char *w = g_strndup(text + s, i - s);
        gboolean filler = arkiv_knowledge_has_word(k, "labels", "fillers", w);
        g_free(w);
        if (!filler)
            return FALSE;
    }
    return TRUE;
}

/* The label words in text, when text is made of label words and filler
 * only. */
static gboolean classify_words(const arkiv_tag_attendance_t *m, const char *text, label_t *lab)
{
    lab->groups = 0;
    lab->negated = FALSE;
    /* Most texts asked about hold no label word: one pass says so, where
     * the groups would take a pass each. */
    if (!g_regex_match(m->any_group, text, 0, NULL))
        return FALSE;
    gsize n = strlen(text);
    gboolean *covered = g_new0(gboolean, n + 1);
    for (int g = 0; g < N_GROUPS; g++) {
        gboolean hit = FALSE;
        mark_matches(m->group[g], text, covered, &hit);
        if (hit)
            lab->groups |= 1u << g;
    }
    gboolean also = FALSE, attending = FALSE;
    mark_matches(m->negation, text, covered, &lab->negated);
    mark_matches(m->also, text, covered, &also);
    mark_matches(m->attending, text, covered, &attending);
    if (also && lab->groups)
        lab->groups |= 1u << G_OBSERVER;
    if (attending)
        lab->groups |= 1u << G_PRESENT;
    gboolean ok = lab->groups && only_fillers(m->k, text, covered);
    g_free(covered);
    return ok;
}

/* Classifies a label's text. "Til stede fra HNT", "Medlemar frå Vestfjord
 * HF" keep the words after "fra" as the organisation; a bare "Fra X"
 * ("Fra revisjonen", staff, audit) lists observers. */
static gboolean classify(const arkiv_tag_attendance_t *m, const char *text, label_t *lab)
{
    memset(lab, 0, sizeof *lab);
    if (g_regex_match(m->other_label, text, 0, NULL))
        return FALSE;
    if (classify_words(m, text, lab))
        return TRUE;
    /* The last [labels] from word ("fra", "frå") splits the label. */
    const char *fra = NULL;
    gsize fra_len = 0;
    for (const char *p = text; *p; p++) {
        if (p > text && p[-1] != ' ')
            continue;
        const char *sp = strchr(p, ' ');
        if (!sp || sp == p)
            continue;
        char *w = g_strndup(p, (gsize)(sp - p));
        if (arkiv_knowledge_has_word(m->k, "labels", "from", w))
            fra = p, fra_len = (gsize)(sp - p);
        g_free(w);
    }
    if (!fra)
        return FALSE;
    char *head = g_strndup(text, (gsize)(fra - text) + fra_len);
    const char *tail = fra + fra_len + 1;
    gboolean ok;
    if (fra == text) {
        lab->groups = 1u << G_OBSERVER;
        lab->bare_fra = TRUE;
        ok = TRUE;
    } else {
        ok = classify_words(m, head, lab);
        if (ok && *tail)
            lab->org = g_strstrip(g_strdup(tail));
    }
    g_free(head);
    return ok && *tail;
}

static gboolean has(const label_t *lab, int g)
{
    return (lab->groups & (1u << g)) != 0;
}

static gboolean label_has_status(const label_t *lab)
{
    return has(lab, G_PRESENT) || has(lab, G_ABSENT);
}

static arkiv_attendance_t label_status(const label_t *lab)
{
    if (has(lab, G_ABSENT) || (lab->negated && has(lab, G_PRESENT)))
        return ARKIV_ABSENT;
    return ARKIV_PRESENT;
}

/* Roles are what the label states: a plain "Til stede:" states none, and
 * "Varamedlemmer:" makes substitutes, members only inside a member list
 * (the labelling convention of tests/tagger). */
static guint label_roles(const label_t *lab)
{
    guint r = 0;
    if (has(lab, G_MEMBERS))
        r |= ARKIV_ROLE_MEMBER;
    if (has(lab, G_SUBSTITUTE))
        r |= ARKIV_ROLE_SUBSTITUTE;
    if (has(lab, G_OBSERVER))
        r |= ARKIV_ROLE_OBSERVER;
    if (has(lab, G_CHAIR))
        r |= ARKIV_ROLE_CHAIR;
    if (has(lab, G_SECRETARY))
        r |= ARKIV_ROLE_SECRETARY;
    return r;
}

static gboolean label_is_role_line(const label_t *lab)
{
    return (has(lab, G_CHAIR) || has(lab, G_SECRETARY)) && !label_has_status(lab);
}

/* ------------------------------------------------------------------------
 * Lists and their entries
 * ---------------------------------------------------------------------- */

typedef struct {
    arkiv_attendance_t status;
    guint roles;
    gboolean role_line; /* chair/secretary: resolved against the lists */
    gboolean bare;      /* nothing after the label on its line */
    char *org;          /* sub-label organisation, or NULL */
    GString *text;      /* the list as written, lines joined by "\n" */
    gboolean sentence;  /* opened in prose: the list ends with its sentence */
    gboolean ended;     /* … and that sentence has ended */
} chunk_t;

static chunk_t *chunk_new(arkiv_attendance_t status, guint roles, gboolean role_line,
                          const char *org)
{
    chunk_t *c = g_new0(chunk_t, 1);
    c->status = status;
    c->roles = roles;
    c->role_line = role_line;
    c->org = g_strdup(org);
    c->text = g_string_new(NULL);
    return c;
}

static void chunk_free(chunk_t *c)
{
    g_free(c->org);
    g_string_free(c->text, TRUE);
    g_free(c);
}

/* arkiv_person_clean's answer for one entry. */
typedef struct {
    char *name; /* NULL: not a name */
    char *org;
    guint roles;
    gboolean person; /* a name, and not a council's */
} cleaned_t;

static void cleaned_free(gpointer p)
{
    cleaned_t *c = p;
    g_free(c->name);
    g_free(c->org);
    g_free(c);
}

/* The entry cleaned, remembered for the run (m->cleaned owns it). */
static const cleaned_t *clean(const arkiv_tag_attendance_t *m, const char *entry)
{
    cleaned_t *c = g_hash_table_lookup(m->cleaned, entry);
    if (c)
        return c;
    c = g_new0(cleaned_t, 1);
    c->name = arkiv_person_clean(m->k, entry, &c->org, &c->roles);
    c->person = c->name && !arkiv_knowledge_council(m->k, c->name);
    g_hash_table_insert(m->cleaned, g_strdup(entry), c);
    return c;
}

static gboolean entry_is_person(const arkiv_tag_attendance_t *m, const char *entry)
{
    return clean(m, entry)->person;
}

/* Leading bullets and list numbers ("• ", "- ", "3. ") are layout. */
static const char *skip_bullet(const char *l)
{
    while (*l == ' ' || *l == '\t')
        l++;
    static const char *const BULLETS[] = {"• ", "- ", "* ", "· ", "▪ ", "◦ ", "– "};
    for (gsize i = 0; i < G_N_ELEMENTS(BULLETS); i++)
        if (g_str_has_prefix(l, BULLETS[i]))
            return l + strlen(BULLETS[i]);
    const char *p = l;
    while (g_ascii_isdigit(*p))
        p++;
    if (p > l && p - l <= 2 && (*p == '.' || *p == ')') && p[1] == ' ')
        return p + 2;
    return l;
}

/* ---- tables ---- */

/* Table cells of a line: split at "|", tabs and runs of 2+ spaces. */
static GPtrArray *cells_of(const char *line)
{
    GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
    GString *cur = g_string_new(NULL);
    for (const char *p = line;; p++) {
        gboolean gap = *p == '|' || *p == '\t' || (*p == ' ' && p[1] == ' ') || !*p;
        if (!gap) {
            g_string_append_c(cur, *p);
            continue;
        }
        g_strstrip(cur->str);
        if (*cur->str)
            g_ptr_array_add(cells, g_strdup(cur->str));
        g_string_truncate(cur, 0);
        if (!*p)
            break;
        while (p[1] == ' ' || p[1] == '\t')
            p++;
    }
    g_string_free(cur, TRUE);
    return cells;
}

static gboolean has_depth0_comma(const char *s)
{
    int depth = 0;
    for (; *s; s++) {
        depth += *s == '(' ? 1 : (*s == ')' && depth > 0) ? -1 : 0;
        if (depth == 0 && (*s == ',' || *s == ';'))
            return TRUE;
    }
    return FALSE;
}

/* What a table column holds, from its header cell. */
typedef enum { COL_OTHER = 0, COL_NAME, COL_ROLE, COL_FOR } col_t;

/* The kind of a header cell: minutes.ini [table] for, role, name, in that
 * order when a word is under more than one key. */
static col_t column_kind(const arkiv_knowledge_t *k, const char *head)
{
    if (arkiv_knowledge_has_word(k, "table", "for", head))
        return COL_FOR;
    if (arkiv_knowledge_has_word(k, "table", "role", head))
        return COL_ROLE;
    if (arkiv_knowledge_has_word(k, "table", "name", head))
        return COL_NAME;
    return COL_OTHER;
}

/* A header whose column gaps became single spaces (tabs are spaces after
 * normalising): "Navn Funksjon Representerer", "Navn Møtte for Parti".
 * Two words that make one header cell ("Møtte for") stay together. Empty
 * unless every word is capitalised, the first names the name column and
 * another the role or stood-for column. */
static GPtrArray *word_header_cells(const arkiv_knowledge_t *k, const char *line)
{
    GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
    char **w = g_strsplit(line, " ", -1);
    guint n = g_strv_length(w);
    gboolean ok = n >= 2 && n <= 6, keyed = FALSE;
    for (guint i = 0; ok && i < n; i++) {
        char *two = i + 1 < n ? g_strconcat(w[i], " ", w[i + 1], NULL) : NULL;
        gboolean pair = two && column_kind(k, two) != COL_OTHER;
        char *cell = pair ? two : g_strdup(w[i]);
        if (!pair)
            g_free(two);
        i += pair;
        ok = g_unichar_isupper(g_utf8_get_char(cell));
        keyed |= cells->len > 0 && column_kind(k, cell) != COL_OTHER;
        g_ptr_array_add(cells, cell);
    }
    g_strfreev(w);
    if (!ok || !keyed || column_kind(k, cells->pdata[0]) != COL_NAME)
        g_ptr_array_set_size(cells, 0);
    return cells;
}

/* An abbreviation in capitals ("AP", "FRP") is a party, never a name. */
static gboolean is_acronym(const char *w)
{
    gboolean upper = TRUE;
    for (const char *p = w; *p; p = g_utf8_next_char(p))
        upper &= !g_unichar_islower(g_utf8_get_char(p));
    return upper && g_utf8_strlen(w, -1) >= 2;
}

/* The words of a name cell from *i: capitalised, no role word or acronym,
 * leaving a word for each later column; in a row that names two people
 * the second starts at a first name after a word that is none. */
static char *take_name(const arkiv_knowledge_t *k, char **w, guint n, guint *i, guint later)
{
    guint start = *i, stop = n > later ? n - later : 0;
    for (; *i < stop && *i - start < 5; (*i)++) {
        const char *t = w[*i];
        if (!g_unichar_isupper(g_utf8_get_char(t)) || is_acronym(t) ||
            arkiv_person_is_role_word(k, t))
            break;
        if (*i - start >= 2 && arkiv_knowledge_is_first_name(k, t) &&
            !arkiv_knowledge_is_first_name(k, w[*i - 1]))
            break;
    }
    char *saved = w[*i];
    w[*i] = NULL;
    char *cell = g_strjoinv(" ", w + start);
    w[*i] = saved;
    return cell;
}

/* The cells of a row written with single spaces under a word header
 * ("Randi Skjelstad Leder AP"): names by take_name, a role cell by its
 * role word, the last column the rest. */
static GPtrArray *word_row_cells(const arkiv_knowledge_t *k, const char *line, const GArray *kinds)
{
    GPtrArray *cells = g_ptr_array_new_with_free_func(g_free);
    char **w = g_strsplit(line, " ", -1);
    guint n = g_strv_length(w), i = 0;
    for (guint c = 0; c < kinds->len && i < n; c++) {
        col_t kind = g_array_index(kinds, col_t, c);
        guint later = kinds->len - 1 - c;
        if (kind == COL_NAME || kind == COL_FOR) {
            g_ptr_array_add(cells, take_name(k, w, n, &i, later));
        } else if (!later) {
            g_ptr_array_add(cells, g_strjoinv(" ", w + i));
            i = n;
        } else if (kind != COL_ROLE || arkiv_person_is_role_word(k, w[i])) {
            g_ptr_array_add(cells, g_strdup(w[i++]));
        } else {
            g_ptr_array_add(cells, g_strdup(""));
        }
    }
    g_strfreev(w);
    return cells;
}

/* A rule ("|---|---|") or a header ("Navn | Funksjon | Org"): the column
 * kinds go to *kinds (NULL for a rule). */
static gboolean is_header_row(const arkiv_tag_attendance_t *m, const char *line, GArray **kinds)
{
    if (g_hash_table_contains(m->not_header, line))
        return FALSE;
    const arkiv_knowledge_t *k = m->k;
    gboolean rule = TRUE;
    for (const char *p = line; *p; p++)
        rule &= strchr("|-:+= \t", *p) != NULL;
    if (rule && strchr(line, '-'))
        return TRUE;
    GPtrArray *cells = cells_of(line);
    if (cells->len == 1) {
        g_ptr_array_unref(cells);
        cells = word_header_cells(k, line);
    }
    gboolean head = cells->len >= 2 && column_kind(k, cells->pdata[0]) == COL_NAME;
    if (head && kinds) {
        if (*kinds)
            g_array_unref(*kinds);
        *kinds = g_array_new(FALSE, TRUE, sizeof(col_t));
        for (guint i = 0; i < cells->len; i++) {
            col_t kind = column_kind(k, cells->pdata[i]);
            g_array_append_val(*kinds, kind);
        }
    }
    g_ptr_array_unref(cells);
    if (!head)
        g_hash_table_add(m->not_header, g_strdup(line));
    return head;
}

/* One person per line with more columns: "Kari Holm   Leder   HNT", or
 * with single spaces under a word header (kinds). */
static gboolean is_row(const arkiv_tag_attendance_t *m, const char *line, const GArray *kinds)
{
    const char *p = line;
    while (*p == ' ' || *p == '|')
        p++;
    gboolean gaps = strchr(p, '\t') || strchr(p, '|') || strstr(p, "  ");
    if (!gaps && !(kinds && kinds->len >= 2))
        return FALSE;
    GPtrArray *cells = gaps ? cells_of(line) : word_row_cells(m->k, line, kinds);
    gboolean row = cells->len >= 2 && !has_depth0_comma(cells->pdata[0]) &&
                   entry_is_person(m, cells->pdata[0]);
    g_ptr_array_unref(cells);
    return row;
}

/* A function cell: a role word ("Vara", "Sekretær") sets its role; a seat
 * on the council ("Leder", "Nestleder", "Ordfører") also makes a member;
 * a job title ("Kommunalsjef") is not an organisation and is dropped. */
static void append_role_cell(const arkiv_knowledge_t *k, GString *out, const char *cell)
{
    if (!arkiv_person_is_role_word(k, cell))
        return;
    guint r = arkiv_person_role_word(k, cell);
    g_string_append_printf(out, "\t%s", cell);
    if (!(r & (ARKIV_ROLE_SUBSTITUTE | ARKIV_ROLE_SECRETARY | ARKIV_ROLE_OBSERVER)))
        g_string_append(out, "\tmedlem");
}

/* A row as the entry clean() reads: the name, then its other cells
 * separated by tabs, and the person stood in for last as "for X". Without
 * a header, a name in the second cell of a substitutes' list is that
 * person ("Astri Lysgård   Ivar Skjærstad"); otherwise cells are
 * organisations or roles. */
static char *row_entry(const arkiv_tag_attendance_t *m, const char *line, const GArray *kinds,
                       gboolean substitutes)
{
    GPtrArray *cells = cells_of(line);
    if (cells->len == 1 && kinds && kinds->len >= 2) {
        g_ptr_array_unref(cells);
        cells = word_row_cells(m->k, line, kinds);
    }
    guint name_col = 0;
    for (guint i = 0; kinds && i < kinds->len && i < cells->len; i++)
        if (g_array_index(kinds, col_t, i) == COL_NAME) {
            name_col = i;
            break;
        }
    GString *out = g_string_new(name_col < cells->len ? cells->pdata[name_col] : "");
    const char *stood_for = NULL;
    for (guint i = 0; i < cells->len; i++) {
        col_t kind = kinds && i < kinds->len ? g_array_index(kinds, col_t, i) : COL_OTHER;
        const char *cell = cells->pdata[i];
        if (i == name_col)
            continue;
        if (!kinds && i == 1 && substitutes && entry_is_person(m, cell))
            kind = COL_FOR;
        if (kind == COL_FOR)
            stood_for = cell;
        else if (kind == COL_ROLE)
            append_role_cell(m->k, out, cell);
        else
            g_string_append_printf(out, "\t%s", cell);
    }
    if (stood_for)
        g_string_append_printf(out, "\tfor %s", stood_for);
    g_ptr_array_unref(cells);
    return g_string_free(out, FALSE);
}

/* ---- splitting a list into entries ---- */

typedef struct {
    char *text; /* what clean() reads */
    char *raw;  /* a table row as written, or NULL when that is text */
    char sep;   /* what ended it: ',', ';', '/', 'o' ("og"), ')', '\n', or 0 */
} entry_t;

static void entry_free(entry_t *e)
{
    g_free(e->text);
    g_free(e->raw);
    g_free(e);
}

static void push_entry(GPtrArray *entries, char *text, char sep)
{
    entry_t *e = g_new0(entry_t, 1);
    e->text = text;
    e->sep = sep;
    g_ptr_array_add(entries, e);
}

typedef struct {
    const arkiv_knowledge_t *k;
    GPtrArray *entries; /* entry_t* */
    GString *cur;
    int depth;
    gsize soft; /* end of a "(Word)" in cur that may be a nickname, or 0 */
} splitter_t;

static splitter_t splitter_new(const arkiv_knowledge_t *k)
{
    splitter_t sp = {k, g_ptr_array_new_with_free_func((GDestroyNotify)entry_free),
                     g_string_new(NULL), 0, 0};
    return sp;
}

static guint count_tokens_before_paren(const char *s)
{
    guint n = 0;
    gboolean in_tok = FALSE;
    for (; *s && *s != '('; s++) {
        gboolean sp = *s == ' ';
        n += !sp && !in_tok;
        in_tok = !sp;
    }
    return n;
}

/* Ends the entry in cur. "Kjesbu (Værnesregionen) Karin W. Holmen" was
 * held together in case "(Værnesregionen)" was a nickname; a full name
 * (2+ words) after it shows it was an organisation and a missing comma. */
static void flush(splitter_t *sp, char sep)
{
    if (sp->soft && count_tokens_before_paren(sp->cur->str + sp->soft) >= 2) {
        char *head = g_strndup(sp->cur->str, sp->soft);
        push_entry(sp->entries, g_strstrip(head), ')');
        g_string_erase(sp->cur, 0, (gssize)sp->soft);
    }
    sp->soft = 0;
    push_entry(sp->entries, g_strdup(g_strstrip(sp->cur->str)), sep);
    g_string_truncate(sp->cur, 0);
}

/* cur ends in "Name (Word)": one capitalised word in parentheses after a
 * name may be a nickname, and the name go on after it. The group is looked
 * for from the end: cur may have grown long ("A (B) C (D) E …" without a
 * comma), and each ")" would otherwise scan it all again. */
static gboolean ends_with_nickname(const arkiv_knowledge_t *k, const GString *cur)
{
    const char *open = memrchr(cur->str, '(', cur->len);
    if (!open || open == cur->str || open[-1] != ' ')
        return FALSE;
    char *inner = g_strndup(open + 1, strlen(open + 1) - 1);
    gboolean word =
        *inner && g_unichar_isupper(g_utf8_get_char(inner)) && !arkiv_person_is_role_word(k, inner);
    gboolean lower = FALSE;
    for (const char *p = inner; word && *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        word = g_unichar_isalpha(c) || c == '-';
        lower |= g_unichar_islower(c);
    }
    g_free(inner);
    /* An acronym ("(HNT)", "(Sp)" a party) is an organisation. */
    return word && lower && g_utf8_strlen(open + 1, -1) > 4;
}

static gboolean starts_word_og(const char *p)
{
    return p[0] == 'o' && p[1] == 'g' && (p[2] == ' ' || p[2] == '\0' || p[2] == '\t');
}

/* Appends one line's characters, ending entries at separators outside
 * parentheses. */
static void split_line(splitter_t *sp, const char *l)
{
    for (const char *p = l; *p; p++) {
        char c = *p;
        if (c == '(')
            sp->depth++;
        if (c == ')' && sp->depth > 0) {
            sp->depth--;
            g_string_append_c(sp->cur, c);
            const char *q = p + 1;
            while (*q == ' ')
                q++;
            /* "(HNT, KMN) Elin Steinland Vinje": a comma went missing. */
            if (sp->depth == 0 && g_unichar_isupper(g_utf8_get_char(q))) {
                if (!ends_with_nickname(sp->k, sp->cur))
                    flush(sp, ')');
                else
                    sp->soft = sp->cur->len;
            }
            continue;
        }
        if (sp->depth == 0 && (c == ',' || c == ';' || c == '/')) {
            flush(sp, c);
            continue;
        }
        gboolean at_word = p == l || p[-1] == ' ';
        if (sp->depth == 0 && at_word && starts_word_og(p)) {
            flush(sp, 'o');
            p++;
            continue;
        }
        g_string_append_c(sp->cur, c);
    }
}

static gboolean single_token_or_initial(const char *cur)
{
    char *s = g_strstrip(g_strdup(cur));
    const char *last = strrchr(s, ' ');
    gboolean yes = !last;
    if (last) {
        gunichar c = g_utf8_get_char(last + 1);
        const char *n = g_utf8_next_char(last + 1);
        yes = g_unichar_isupper(c) && (*n == '\0' || g_str_equal(n, "."));
    }
    g_free(s);
    return yes;
}

/* Whether the line break between cur (the entry so far) and the next line
 * ends the entry. A wrapped comma list breaks names anywhere ("Svenn
 * Morten\nIversen"), so only its ")" ends an entry at a break; in a
 * one-per-line list every break does, unless the name is visibly cut. */
static gboolean newline_separates(const char *cur, const char *next, gboolean comma_mode)
{
    gsize n = strlen(cur);
    while (n && cur[n - 1] == ' ')
        n--;
    /* "Mari-Ann Fossum (Sp)\nfor Liv Åse Kolstad", "og Jonas": the line
     * goes on with the entry. */
    gunichar c = g_utf8_get_char(next);
    if (c == '(' || g_unichar_islower(c))
        return FALSE;
    if (n && cur[n - 1] == ')')
        return TRUE;
    if (single_token_or_initial(cur))
        return FALSE;
    return !comma_mode;
}

/* A list is a wrapped comma list when some line holds two names joined by
 * a separator. */
static gboolean is_comma_mode(const arkiv_tag_attendance_t *m, char **lines)
{
    gboolean comma = FALSE;
    for (char **l = lines; *l && !comma; l++) {
        splitter_t sp = splitter_new(m->k);
        split_line(&sp, skip_bullet(*l));
        flush(&sp, '\n');
        guint names = 0;
        for (guint i = 0; i < sp.entries->len; i++)
            names += entry_is_person(m, ((entry_t *)sp.entries->pdata[i])->text);
        g_ptr_array_unref(sp.entries);
        g_string_free(sp.cur, TRUE);
        comma = names >= 2;
    }
    return comma;
}

static void append_to_entry(entry_t *e, const char *part)
{
    char *joined = g_strconcat(e->text, ", ", part, NULL);
    g_free(e->text);
    e->text = joined;
}

/* "Kari Holm, Vestrevisjon IKS": a capitalised non-name after a name and a
 * comma is that name's organisation. */
static gboolean looks_like_org(const arkiv_tag_attendance_t *m, const char *s)
{
    if (!g_unichar_isupper(g_utf8_get_char(s)) || entry_is_person(m, s))
        return FALSE;
    char **w = g_strsplit_set(s, " ", -1);
    guint n = g_strv_length(w);
    g_strfreev(w);
    for (const char *p = s; *p; p++)
        if (g_ascii_isdigit(*p))
            return FALSE;
    return n <= 6;
}

/* Attaches entries that are no people to the person before them: role
 * words (", leder", ", vara for Kari Holm") and organisations after a
 * comma. An organisation after "A og B," belongs to both. */
/* An organisation on a line of its own, as a table's second column read
 * cell by cell gives it: capitalised, at most four words, one of them an
 * acronym ("HF", "HNT") or ending as organisations do ([names]
 * not_name_suffixes: "Kystby kommune", "Pensjonistforbundet"). A heading
 * ("Merknader") or a sentence has none. */
static gboolean org_line(const arkiv_tag_attendance_t *m, const char *s)
{
    if (!looks_like_org(m, s))
        return FALSE;
    char **w = g_strsplit(s, " ", -1);
    guint n = g_strv_length(w);
    gboolean org = FALSE;
    for (guint i = 0; i < n && n <= 4 && !org; i++)
        org = is_acronym(w[i]) ||
              arkiv_knowledge_has_suffix(m->k, "names", "not_name_suffixes", w[i]);
    g_strfreev(w);
    return org;
}

/* "Kari Holm\nKystby kommune\nPer Dahl\nHelse Nord HF": names, each with
 * its organisation on the line after it. Only entries that alternate so
 * throughout; the lines list_like weighs may start with the organisation
 * of a name before them. The index of the first name, or -1. */
static int pairs_by_line(const arkiv_tag_attendance_t *m, const GPtrArray *entries)
{
    if (entries->len < 2)
        return -1;
    const entry_t *e0 = entries->pdata[0];
    guint first = entry_is_person(m, e0->text) ? 0 : 1;
    if (first && (entries->len < 3 || e0->sep != '\n' || !org_line(m, e0->text)))
        return -1;
    for (guint i = first; i < entries->len; i++) {
        const entry_t *e = entries->pdata[i];
        gboolean ok =
            (i - first) % 2 == 0
                ? entry_is_person(m, e->text)
                : ((const entry_t *)entries->pdata[i - 1])->sep == '\n' && org_line(m, e->text);
        if (!ok)
            return -1;
    }
    return (int)first;
}

static void attach_parts(const arkiv_tag_attendance_t *m, GPtrArray *entries)
{
    int first = pairs_by_line(m, entries);
    for (guint i = first >= 0 ? (guint)first + 1 : entries->len; i < entries->len; i++) {
        entry_t *org = entries->pdata[i], *prev = entries->pdata[i - 1];
        append_to_entry(prev, org->text);
        prev->sep = org->sep;
        g_ptr_array_remove_index(entries, i);
    }
    for (guint i = 1; i < entries->len;) {
        entry_t *e = entries->pdata[i], *prev = entries->pdata[i - 1];
        char *first = g_strndup(e->text, strcspn(e->text, " "));
        gboolean role =
            g_unichar_islower(g_utf8_get_char(e->text)) && arkiv_person_is_role_word(m->k, first);
        g_free(first);
        gboolean org = !role && prev->sep == ',' && !strchr(prev->text, '(') &&
                       looks_like_org(m, e->text) && entry_is_person(m, prev->text);
        if (!role && !org) {
            i++;
            continue;
        }
        append_to_entry(prev, e->text);
        for (guint j = i - 1; org && j > 0; j--) {
            entry_t *before = entries->pdata[j - 1];
            if (before->sep != 'o' || strchr(before->text, '(') ||
                !entry_is_person(m, before->text))
                break;
            append_to_entry(before, e->text);
        }
        prev->sep = e->sep;
        g_ptr_array_remove_index(entries, i);
    }
}

/* The entries of a list's text (see the top of the file). substitutes:
 * the list names substitutes, so a name in a row's second cell is the
 * member stood in for. */
static GPtrArray *split_entries(const arkiv_tag_attendance_t *m, const char *text,
                                gboolean substitutes)
{
    char **lines = g_strsplit_set(text, "\n", -1);
    gboolean comma_mode = is_comma_mode(m, lines);
    splitter_t sp = splitter_new(m->k);
    GArray *kinds = NULL;
    gboolean word_table = FALSE; /* the header had single spaces, so have its rows */
    for (char **lp = lines; *lp; lp++) {
        char *l = g_strchomp(g_strdup(skip_bullet(*lp)));
        if (!*l || (sp.depth == 0 && is_header_row(m, l, &kinds))) {
            if (*l)
                word_table = !strchr(l, '\t') && !strchr(l, '|') && !strstr(l, "  ");
            g_free(l);
            continue;
        }
        if (sp.depth == 0 && is_row(m, l, word_table ? kinds : NULL)) {
            if (sp.cur->len)
                flush(&sp, '\n');
            push_entry(sp.entries, row_entry(m, l, kinds, substitutes), '\n');
            entry_t *row = g_ptr_array_index(sp.entries, sp.entries->len - 1);
            row->raw = g_strdup(l);
        } else {
            if (sp.cur->len) {
                if (sp.depth > 0 || !newline_separates(sp.cur->str, l, comma_mode))
                    g_string_append_c(sp.cur, ' ');
                else
                    flush(&sp, '\n');
            }
            split_line(&sp, l);
        }
        g_free(l);
    }
    if (sp.cur->len)
        flush(&sp, 0);
    g_string_free(sp.cur, TRUE);
    g_strfreev(lines);
    if (kinds)
        g_array_unref(kinds);
    for (guint i = 0; i < sp.entries->len;) {
        entry_t *e = sp.entries->pdata[i];
        if (*e->text) {
            i++;
            continue;
        }
        if (i > 0) /* ", ,": keep the separator before the gap */
            ((entry_t *)sp.entries->pdata[i - 1])->sep = e->sep;
        g_ptr_array_remove_index(sp.entries, i);
    }
    attach_parts(m, sp.entries);
    return sp.entries;
}

/* A row of the single-spaced table that list all starts with: its header
 * may be further back than the lines list_like compares. */
static gboolean word_table_row(const arkiv_tag_attendance_t *m, const char *all, const char *line)
{
    const char *nl = strchr(all, '\n');
    if (!*all || strchr(line, '\t') || strstr(line, "  "))
        return FALSE;
    char *head = nl ? g_strndup(all, (gsize)(nl - all)) : g_strdup(all);
    GArray *kinds = NULL;
    gboolean row = !strchr(head, '\t') && !strstr(head, "  ") && is_header_row(m, head, &kinds) &&
                   kinds && is_row(m, line, kinds);
    if (kinds)
        g_array_unref(kinds);
    g_free(head);
    return row;
}

/* Does line continue a list whose text so far is text? Compares the
 * entries with and without it: those the line adds or changes must hold a
 * name, and no more non-names than names. */
static gboolean list_like(const arkiv_tag_attendance_t *m, const char *all, const char *line)
{
    if (is_header_row(m, line, NULL))
        return TRUE;
    if (word_table_row(m, all, line))
        return TRUE;
    /* The last lines are context enough (a name or parenthesis spans two
     * or three), and keep long lists linear. */
    const char *text = all + strlen(all);
    for (int lines = 0; text > all && lines < 4;) {
        text--;
        lines += text > all && text[-1] == '\n';
    }
    while (*text == '\n')
        text++;
    GPtrArray *before = split_entries(m, text, FALSE);
    char *joined = *text ? g_strconcat(text, "\n", line, NULL) : g_strdup(line);
    GPtrArray *after = split_entries(m, joined, FALSE);
    guint start = before->len;
    if (start > 0 && start - 1 < after->len &&
        !g_str_equal(((entry_t *)before->pdata[start - 1])->text,
                     ((entry_t *)after->pdata[start - 1])->text))
        start--;
    guint names = 0, others = 0;
    gboolean first_is_name = FALSE;
    for (guint i = start; i < after->len; i++) {
        gboolean name = entry_is_person(m, ((entry_t *)after->pdata[i])->text);
        names += name;
        others += !name;
        first_is_name |= name && i == start;
    }
    g_ptr_array_unref(before);
    g_ptr_array_unref(after);
    g_free(joined);
    /* A list line starts with a name or the rest of one; prose that
     * happens to name people does not. */
    return first_is_name && names >= others;
}

/* ------------------------------------------------------------------------
 * People from entries
 * ---------------------------------------------------------------------- */

static void add_person(const arkiv_tag_attendance_t *m, arkiv_entities_t *e, const char *name,
                       const char *written, char *org, arkiv_attendance_t status, guint roles,
                       gboolean resolve)
{
    arkiv_person_t *known = resolve ? arkiv_person_resolve(e->people, name) : NULL;
    char *key = known ? g_strdup(known->key) : arkiv_person_key(m->k, name);
    arkiv_person_t *p = arkiv_person_new(name, key);
    g_free(p->as_written);
    p->as_written = g_strdup(written);
    p->org = org;
    p->status = status;
    p->roles = roles;
    g_free(key);
    arkiv_person_merge(e, p);
}

/* One entry of list c: the person, and the member a substitute stands in
 * for ("Per Olsen (Sp) for Kari Holm": Kari Holm is absent). */
static void emit_entry(const arkiv_tag_attendance_t *m, const chunk_t *c, const entry_t *en,
                       arkiv_entities_t *e)
{
    const char *entry = en->text;
    char *rest = NULL;
    char *stood_for = arkiv_person_split_for(m->k, entry, &rest);
    const char *ent = stood_for ? rest : entry;
    guint extra = 0;
    if (stood_for) {
        extra = ARKIV_ROLE_SUBSTITUTE;
        add_person(m, e, stood_for, stood_for, NULL, ARKIV_ABSENT, 0, TRUE);
    }
    const cleaned_t *cl = clean(m, ent);
    char *org = g_strdup(cl->org);
    guint roles = cl->roles;
    char *name = g_strdup(cl->name);
    if (!name && c->role_line) {
        /* "Møteleder: Vegard Ø.": a short form of someone listed. */
        arkiv_person_t *p = arkiv_person_resolve(e->people, ent);
        name = p ? g_strdup(p->name) : NULL;
    }
    if (name && !arkiv_knowledge_council(m->k, name)) {
        char *written = g_strdelimit(g_strstrip(g_strdup(en->raw ? en->raw : entry)), "\t\n", ' ');
        add_person(m, e, name, written, org ? org : g_strdup(c->org), c->status,
                   c->roles | roles | extra, c->role_line);
        g_free(written);
    } else {
        g_free(org);
    }
    g_free(name);
    g_free(rest);
    g_free(stood_for);
}

static void emit_chunk(const arkiv_tag_attendance_t *m, const chunk_t *c, arkiv_entities_t *e)
{
    gboolean subs = (c->roles & ARKIV_ROLE_SUBSTITUTE) != 0;
    GPtrArray *entries = split_entries(m, c->text->str, subs);
    for (guint i = 0; i < entries->len; i++)
        emit_entry(m, c, entries->pdata[i], e);
    g_ptr_array_unref(entries);
}

/* ------------------------------------------------------------------------
 * Reading the header
 * ---------------------------------------------------------------------- */

typedef struct {
    const arkiv_tag_attendance_t *m;
    GPtrArray *chunks; /* chunk_t*, in document order */
    chunk_t *cur;      /* the open list, or NULL */
    /* The open top-level list ("Til stede:"), whose status sub-lists take
     * while it is a bare heading. */
    gboolean parent_active, parent_heading;
    arkiv_attendance_t parent_status;
    guint parent_roles;
    chunk_t *parent_chunk;
    gboolean seen;        /* an attendance label has been read */
    gboolean seen_status; /* … and a present/absent one */
} reader_t;

static void close_lists(reader_t *r)
{
    r->cur = NULL;
    r->parent_active = FALSE;
    r->parent_chunk = NULL;
}

/* Where the sentence in line ends: a '.', '!' or '?' outside parentheses
 * before a space or the end, not after an initial ("Kristin A. Sund");
 * strlen(line) when it goes on. */
static gsize sentence_end(const char *line)
{
    int depth = 0;
    for (const char *p = line; *p; p++) {
        depth += *p == '(' ? 1 : (*p == ')' && depth > 0) ? -1 : 0;
        if (depth || !strchr(".!?", *p) || (p[1] && p[1] != ' '))
            continue;
        gboolean initial = p > line && g_ascii_isupper(p[-1]) && (p - 1 == line || p[-2] == ' ');
        if (!initial)
            return (gsize)(p - line);
    }
    return strlen(line);
}

static void append_line(reader_t *r, const char *line)
{
    if (!*line || r->cur->ended)
        return;
    gsize len = strlen(line);
    if (r->cur->sentence) {
        len = sentence_end(line);
        r->cur->ended = line[len] != '\0';
    }
    if (r->cur->text->len)
        g_string_append_c(r->cur->text, '\n');
    g_string_append_len(r->cur->text, line, (gssize)len);
    if (r->cur == r->parent_chunk)
        r->parent_heading = FALSE;
}

/* Opens the list a classified label starts. */
static void open_list(reader_t *r, const label_t *lab)
{
    guint roles = label_roles(lab);
    chunk_t *c;
    if (label_is_role_line(lab)) {
        c = chunk_new(ARKIV_PRESENT, roles, TRUE, lab->org);
    } else if (label_has_status(lab)) {
        r->seen_status = TRUE;
        r->parent_active = r->parent_heading = TRUE;
        r->parent_status = label_status(lab);
        r->parent_roles = roles;
        c = chunk_new(r->parent_status, roles, FALSE, lab->org);
        r->parent_chunk = c;
    } else {
        gboolean under = r->parent_active && r->parent_heading;
        arkiv_attendance_t st = under ? r->parent_status : ARKIV_PRESENT;
        guint rl = roles ? roles : under ? r->parent_roles : 0;
        c = chunk_new(st, rl, FALSE, lab->org);
        if (!under) {
            r->parent_active = TRUE;
            r->parent_heading = FALSE;
            r->parent_chunk = c;
        }
    }
    g_ptr_array_add(r->chunks, c);
    r->cur = c;
    r->seen = TRUE;
}

/* The text after a label, split where another label starts in the same
 * line ("Møteleder: X  Referent: Y"). */
static void feed_rest(reader_t *r, const char *rest)
{
    GMatchInfo *mi = NULL;
    gsize from = 0;
    r->cur->bare = rest[strspn(rest, " \t")] == '\0';
    g_regex_match(r->m->label_mid, rest, 0, &mi);
    while (g_match_info_matches(mi)) {
        int s, e;
        g_match_info_fetch_pos(mi, 0, &s, &e);
        char *word = g_match_info_fetch_named(mi, "lab");
        label_t lab;
        if (classify(r->m, word, &lab)) {
            char *part = g_strstrip(g_strndup(rest + from, (gsize)s - from));
            append_line(r, part);
            g_free(part);
            open_list(r, &lab);
            from = (gsize)e;
        }
        g_free(lab.org);
        g_free(word);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    char *part = g_strstrip(g_strdup(rest + from));
    append_line(r, part);
    g_free(part);
}

/* An unknown label right under a heading ("HNT:", "Kommunene:", a council
 * in a joint meeting) is the organisation of the people after it. */
static gboolean org_sublabel(reader_t *r, const char *text, const char *rest)
{
    if (!r->parent_active || !r->parent_heading)
        return FALSE;
    if (!g_unichar_isupper(g_utf8_get_char(text)))
        return FALSE;
    char **w = g_strsplit_set(text, " ", -1);
    guint n = g_strv_length(w);
    g_strfreev(w);
    if (n > 4 && !arkiv_knowledge_council(r->m->k, text))
        return FALSE;
    char *trimmed = g_strstrip(g_strdup(rest));
    gboolean ok = !*trimmed || list_like(r->m, "", trimmed);
    g_free(trimmed);
    return ok;
}

static gboolean is_agenda(const arkiv_tag_attendance_t *m, const char *line)
{
    GMatchInfo *mi = NULL;
    gboolean yes = g_regex_match(m->agenda, line, 0, &mi);
    if (yes) {
        char *num = g_match_info_fetch_named(mi, "num");
        /* "1. Kari Holm (HNT)" is a numbered attendance line. */
        if (num && *num && entry_is_person(m, num))
            yes = FALSE;
        g_free(num);
    }
    g_match_info_free(mi);
    return yes;
}

/* The named groups "lab" (stripped) and "rest" of rx's match in line,
 * new strings, when it matches. */
static gboolean match_label(const GRegex *rx, const char *line, char **text, char **rest)
{
    GMatchInfo *mi = NULL;
    gboolean found = g_regex_match(rx, line, 0, &mi);
    if (found) {
        *text = g_strstrip(g_match_info_fetch_named(mi, "lab"));
        *rest = g_match_info_fetch_named(mi, "rest");
    }
    g_match_info_free(mi);
    return found;
}

/* A label at the start of line: its text and what follows it. A line that
 * is nothing but a list label ("Til stede") counts too; chair and secretary
 * need their colon, since "Leder" alone is often a table cell. */
static gboolean line_label(const arkiv_tag_attendance_t *m, const char *line, char **text,
                           char **rest)
{
    if (match_label(m->label_start, line, text, rest))
        return TRUE;
    char *t = g_strstrip(g_strdup(skip_bullet(line)));
    label_t lab = {0};
    gboolean bare = *t && g_utf8_strlen(t, -1) <= 40 && classify(m, t, &lab) &&
                    !label_is_role_line(&lab) && !lab.org && !lab.bare_fra;
    g_free(lab.org);
    if (bare) {
        *text = t;
        *rest = g_strdup("");
        return TRUE;
    }
    g_free(t);
    return FALSE;
}

/* A status label opening a sentence of prose ("Møtet ble holdt på Teams.
 * Til stede var Kari Holm (leder), …"): its text and what follows it. */
static gboolean sentence_label(const arkiv_tag_attendance_t *m, const char *line, char **text,
                               char **rest)
{
    return match_label(m->sentence, line, text, rest);
}

static void read_label_line(reader_t *r, const char *text, const char *rest)
{
    label_t lab;
    if (classify(r->m, text, &lab) && (r->seen || !lab.bare_fra)) {
        open_list(r, &lab);
        feed_rest(r, rest);
    } else if (org_sublabel(r, text, rest) && !g_regex_match(r->m->other_label, text, 0, NULL)) {
        label_t org = {.org = g_strdup(text)};
        open_list(r, &org);
        g_free(org.org);
        feed_rest(r, rest);
    } else {
        close_lists(r);
    }
    g_free(lab.org);
}

/* Reads the header's lists into r->chunks; returns where the header ends. */
static gsize read_header(reader_t *r, const char *text)
{
    const char *p = text;
    while (*p) {
        const char *end = strchr(p, '\n');
        gsize len = end ? (gsize)(end - p) : strlen(p);
        char *line = g_strchomp(g_strndup(p, len));
        char *ltext = NULL, *rest = NULL;
        if (line[strspn(line, " \t")] == '\0') {
            /* blank lines neither end nor continue a list */
        } else if (is_agenda(r->m, line)) {
            if (r->seen) {
                g_free(line);
                return (gsize)(p - text);
            }
            close_lists(r);
        } else if (line_label(r->m, line, &ltext, &rest)) {
            read_label_line(r, ltext, rest);
        } else if (sentence_label(r->m, line, &ltext, &rest)) {
            read_label_line(r, ltext, rest);
            if (r->cur)
                r->cur->sentence = TRUE;
        } else if (r->cur && r->cur->ended) {
            close_lists(r);
        } else if (r->cur) {
            /* "Referent: X" is one line; only an empty role label goes on. */
            if (r->cur->role_line && r->cur->text->len)
                close_lists(r);
            else if (list_like(r->m, r->cur->text->str, skip_bullet(line)))
                append_line(r, line);
            else
                close_lists(r);
        }
        g_free(ltext);
        g_free(rest);
        g_free(line);
        p = end ? end + 1 : p + len;
    }
    return (gsize)(p - text);
}

/* Chair and secretary lines after the header ("Referent: …" at the end of
 * the minutes): one line each, no continuation. */
static void read_role_lines(reader_t *r, const char *text)
{
    char **lines = g_strsplit_set(text, "\n", -1);
    for (char **l = lines; *l; l++) {
        char *ltext = NULL, *rest = NULL;
        label_t lab = {0};
        if (line_label(r->m, *l, &ltext, &rest) && classify(r->m, ltext, &lab) &&
            label_is_role_line(&lab)) {
            open_list(r, &lab);
            feed_rest(r, rest);
        }
        close_lists(r);
        g_free(lab.org);
        g_free(ltext);
        g_free(rest);
    }
    g_strfreev(lines);
}

void arkiv_tag_attendance_run(const arkiv_tag_attendance_t *module, const arkiv_tagtext_t *t,
                              arkiv_entities_t *e)
{
    if (!module || !t || !t->text || !e)
        return;
    arkiv_tag_attendance_t run = *module;
    run.cleaned = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, cleaned_free);
    run.not_header = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    const arkiv_tag_attendance_t *m = &run;
    reader_t r = {.m = m, .chunks = g_ptr_array_new_with_free_func((GDestroyNotify)chunk_free)};
    gsize end = read_header(&r, t->text);
    close_lists(&r);
    read_role_lines(&r, t->text + end);
    /* Lists first, so that role lines find the people they name. */
    for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < r.chunks->len; i++) {
            const chunk_t *c = r.chunks->pdata[i];
            /* "Leiar:\nJenny Raftevold" in a plan names a group's leader,
             * not a meeting's: a bare role label counts only in minutes
             * that have attendance lists. */
            if (c->role_line && c->bare && !r.seen_status)
                continue;
            if (c->role_line == (pass == 1))
                emit_chunk(m, c, e);
        }
    g_ptr_array_unref(r.chunks);
    g_hash_table_unref(run.cleaned);
    g_hash_table_unref(run.not_header);
}
