/* normalise.c - text clean-up for indexing; the rule list is in normalise.h
 * and each rule is restated where it is implemented. */
#include "normalise.h"

#include <string.h>

/* ------------------------------------------------------------------------
 * Character level (C1..C6)
 * ---------------------------------------------------------------------- */

/* C5: invisible characters that would otherwise split or glue tokens
 * silently: ZWSP, ZWNJ, ZWJ, LRM, RLM, WORD JOINER, BOM/ZWNBSP. */
static gboolean is_zero_width(gunichar c)
{
    return (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF;
}

/* C3: NFC keeps ligatures (only NFKC would split them), and PDF text often
 * carries them, so "ﬁnansiering" would never match "finansiering". */
static const char *ligature_expansion(gunichar c)
{
    static const char *const expansions[] = {
        "ff", "fi", "fl", "ffi", "ffl", "st", "st" /* U+FB00..U+FB06 */
    };

    if (c < 0xFB00 || c > 0xFB06)
        return NULL;
    return expansions[c - 0xFB00];
}

/* C4: tabs and every Unicode space separator (NBSP, en/em spaces, thin and
 * narrow spaces, ideographic space ...) become one plain space, so later
 * rules only have to know about ' '. */
static gboolean is_odd_space(gunichar c)
{
    return c == '\t' || g_unichar_type(c) == G_UNICODE_SPACE_SEPARATOR;
}

/* C1: other line breaks; a form feed inside a page is a page break the
 * caller did not split on, so it is at least a line break. */
static gboolean is_other_line_break(gunichar c)
{
    return c == '\f' || c == '\v' || c == 0x0085 || c == 0x2028 || c == 0x2029;
}

static void map_char(GString *out, gunichar c)
{
    const char *lig = ligature_expansion(c);

    if (c == 0x00AD || is_zero_width(c)) /* C2, C5 */
        return;
    if (lig != NULL) /* C3 */
        g_string_append(out, lig);
    else if (is_odd_space(c)) /* C4 */
        g_string_append_c(out, ' ');
    else if (is_other_line_break(c)) /* C1 */
        g_string_append_c(out, '\n');
    else if (c != '\n' && g_unichar_iscntrl(c)) /* C5: e.g. stray C1 bytes */
        return;
    else
        g_string_append_unichar(out, c);
}

/* Applies C1..C5; input must be valid UTF-8.  Caller frees with g_free. */
static char *map_chars(const char *utf8)
{
    GString *out = g_string_sized_new(strlen(utf8) + 1);
    const char *p = utf8;

    while (*p != '\0') {
        /* Printable ASCII and newlines, most of any page, map to
         * themselves: copied a run at a time. */
        gsize run = 0;
        while ((p[run] >= 0x20 && p[run] < 0x7F) || p[run] == '\n')
            run++;
        if (run > 0) {
            g_string_append_len(out, p, (gssize)run);
            p += run;
            continue;
        }
        gunichar c = g_utf8_get_char(p);

        p = g_utf8_next_char(p);
        if (c == '\r') { /* C1: CRLF and lone CR */
            g_string_append_c(out, '\n');
            if (*p == '\n')
                p++;
            continue;
        }
        map_char(out, c);
    }
    return g_string_free(out, FALSE);
}

/* TRUE when NFC would leave the text as it is because no character in
 * it is one NFC changes or composes: below U+0300 (where no combining
 * mark is), or punctuation common in minutes that has no canonical
 * decomposition ("–", "’", "…", "•", "€"). Most pages are such, and
 * normalising them was half the cost of cleaning a page. */
static gboolean nfc_stable(const char *utf8)
{
    for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = (guchar)*p < 0x80 ? (gunichar)*p : g_utf8_get_char(p);
        if (c < 0x300 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x203A) ||
            c == 0x20AC)
            continue;
        return FALSE;
    }
    return TRUE;
}

/* C1..C6.  NFC runs last so that characters brought together by removals
 * (e.g. a base letter and a combining mark split by a ZWSP) still compose.
 * On OK, *out is freed by the caller with g_free. */
static arkiv_norm_status_t clean_chars(const char *utf8, char **out)
{
    char *mapped;

    *out = NULL;
    if (utf8 == NULL || !g_utf8_validate(utf8, -1, NULL))
        return ARKIV_NORM_INVALID;
    mapped = map_chars(utf8);
    if (nfc_stable(mapped)) {
        *out = mapped;
        return ARKIV_NORM_OK;
    }
    *out = g_utf8_normalize(mapped, -1, G_NORMALIZE_NFC); /* C6 */
    g_free(mapped);
    return *out != NULL ? ARKIV_NORM_OK : ARKIV_NORM_ERROR;
}

/* ------------------------------------------------------------------------
 * Line level (L1..L4)
 * ---------------------------------------------------------------------- */

/* L1: after C4 the only horizontal whitespace left is ' '. */
static void rtrim(GString *line)
{
    gsize n = line->len;

    while (n > 0 && line->str[n - 1] == ' ')
        n--;
    g_string_truncate(line, n);
}

static gsize skip_spaces(const char *s, gsize pos)
{
    while (s[pos] == ' ')
        pos++;
    return pos;
}

/* L2: U+F000..U+F0FF is where PDF extractors put Symbol/Wingdings glyphs
 * (U+F0B7 is the Word bullet); at line start they are always bullets. */
static gboolean is_bullet(gunichar c)
{
    static const gunichar bullets[] = {0x2022, 0x25AA, 0x25E6, 0x00B7, 0x25CF,
                                       0x25A0, 0x2023, 0x2043, 0x2219};

    if (c >= 0xF000 && c <= 0xF0FF)
        return TRUE;
    for (gsize i = 0; i < G_N_ELEMENTS(bullets); i++)
        if (bullets[i] == c)
            return TRUE;
    return FALSE;
}

/* L2: one canonical bullet so the tagger and tokenizer see one form;
 * indentation before the bullet is kept. */
static void normalise_bullet(GString *line)
{
    gsize start = skip_spaces(line->str, 0);
    const char *p = line->str + start;
    gsize end;

    if (*p == '\0' || !is_bullet(g_utf8_get_char(p)))
        return;
    end = skip_spaces(line->str, (gsize)(g_utf8_next_char(p) - line->str));
    g_string_erase(line, (gssize)start, (gssize)(end - start));
    g_string_insert(line, (gssize)start, "\xE2\x80\xA2 "); /* "• " */
    rtrim(line);
}

/* ---- L3 dehyphenation helpers ---- */

/* Byte offset of a final "-" / U+2010 preceded by a letter, or -1.  A lone
 * "-" or " -" (separator, "Side - 1 -") has no letter before it. */
static gssize hyphen_at_end(const GString *line)
{
    const char *end = line->str + line->len;
    const char *hyphen;
    const char *before;

    if (line->len == 0)
        return -1;
    hyphen = g_utf8_find_prev_char(line->str, end);
    if (hyphen == NULL)
        return -1;
    if (*hyphen != '-' && g_utf8_get_char(hyphen) != 0x2010)
        return -1;
    before = g_utf8_find_prev_char(line->str, hyphen);
    if (before == NULL || !g_unichar_isalpha(g_utf8_get_char(before)))
        return -1;
    return hyphen - line->str;
}

/* The prefix checks below look back a bounded distance so that a long
 * chain of joins onto one line ("ab-\nab-\nab-...") stays linear. */
#define MAX_LOOKBACK_CHARS 64
#define MAX_LOOKBACK_BYTES 256

/* Start of the alphanumeric run that ends at byte offset end (at most
 * MAX_LOOKBACK_CHARS back). */
static gsize word_start(const char *s, gsize end)
{
    const char *p = s + end;

    for (int n = 0; p > s && n < MAX_LOOKBACK_CHARS; n++) {
        const char *prev = g_utf8_find_prev_char(s, p);
        if (prev == NULL || !g_unichar_isalnum(g_utf8_get_char(prev)))
            break;
        p = prev;
    }
    return (gsize)(p - s);
}

/* Prefixes whose hyphen is part of the spelling even before a lowercase
 * continuation: single letters ("e-post"), abbreviations ("DMS-ene",
 * "ROS-analyse") and anything with digits ("covid19-vaksine"). */
static gboolean prefix_keeps_hyphen(const char *s, gsize start, gsize end)
{
    glong n_chars = g_utf8_strlen(s + start, (gssize)(end - start));
    guint upper = 0;
    gboolean lower = FALSE;

    if (n_chars == 1)
        return TRUE;
    for (const char *p = s + start; p < s + end; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isdigit(c))
            return TRUE;
        upper += g_unichar_isupper(c) ? 1 : 0;
        lower = lower || g_unichar_islower(c);
    }
    return upper >= 2 && !lower;
}

/* A capital at line start or after ".", ":", a bullet, a dash or a number
 * may just start a sentence or list item, so it says nothing about the word
 * being a name. */
static gboolean at_sentence_start(const char *s, gsize start)
{
    static const char openers[] = " (\"'[";
    const char *p = s + start;
    gunichar c;

    while (p > s && strchr(openers, p[-1]) != NULL)
        p--;
    p = g_utf8_find_prev_char(s, p);
    if (p == NULL)
        return TRUE;
    c = g_utf8_get_char(p);
    if (c < 0x80 && strchr(".!?:;-", (int)c) != NULL)
        return TRUE;
    return g_unichar_isdigit(c) || c == 0x2022 || c == 0x2013 || c == 0x2014 || c == 0x00AB ||
           c == 0x201C;
}

/* Norwegian writes name + common noun with a hyphen ("Romsdal-dokumentet",
 * "Oslo-kontoret"); a capitalised word in mid-sentence is a name, since
 * common nouns are not capitalised. */
static gboolean is_name_prefix(const char *s, gsize start, gsize end)
{
    if (start >= end || !g_unichar_isupper(g_utf8_get_char(s + start)))
        return FALSE;
    return !at_sentence_start(s, start);
}

/* Hyphens inside URLs and host names are significant ("helse-\nmr.no"). */
static gboolean looks_like_url(const char *s, gsize len)
{
    for (gsize i = 0; i + 1 < len; i++) {
        if (s[i] == '.' && g_ascii_isalpha(s[i + 1]))
            return TRUE;
        if (s[i] == ':' && s[i + 1] == '/')
            return TRUE;
    }
    return FALSE;
}

/* Last space-separated token of line before byte offset end (at most
 * MAX_LOOKBACK_BYTES back; the cut may split a UTF-8 sequence, which is
 * harmless because looks_like_url only inspects ASCII bytes). */
static gsize token_start(const char *s, gsize end)
{
    gsize limit = end > MAX_LOOKBACK_BYTES ? end - MAX_LOOKBACK_BYTES : 0;

    while (end > limit && s[end - 1] != ' ')
        end--;
    return end;
}

/* "helse- og omsorg": a compound ellipsis, the hyphen is real and the
 * conjunction must stay a separate word. */
static gboolean is_ellipsis_conjunction(const char *word)
{
    static const char *const conjunctions[] = {"og", "eller", "samt", "and", "or"};
    const char *p = word;
    gsize len;

    while (*p != '\0' && g_unichar_isalpha(g_utf8_get_char(p)))
        p = g_utf8_next_char(p);
    len = (gsize)(p - word);
    for (gsize i = 0; i < G_N_ELEMENTS(conjunctions); i++)
        if (strlen(conjunctions[i]) == len && g_ascii_strncasecmp(word, conjunctions[i], len) == 0)
            return TRUE;
    return FALSE;
}

static gboolean hyphen_is_kept(const GString *prev, gsize hyphen, const char *next_word,
                               gsize next_len)
{
    gsize ws = word_start(prev->str, hyphen);
    gsize ts = token_start(prev->str, hyphen);

    if (!g_unichar_islower(g_utf8_get_char(next_word)))
        return TRUE; /* "Inn-\nTrøndelag", "Leth-\nOlsen" */
    return prefix_keeps_hyphen(prev->str, ws, hyphen) || is_name_prefix(prev->str, ws, hyphen) ||
           looks_like_url(prev->str + ts, hyphen - ts) || looks_like_url(next_word, next_len);
}

/* L3: if prev ends in a hyphenated word start and line continues it, move
 * the continuation (up to the next space) onto prev and cut it, plus the
 * spaces after it, from line.  Returns TRUE when a join happened. */
static gboolean join_hyphenated(GString *prev, GString *line)
{
    gssize hyphen = hyphen_at_end(prev);
    gsize start = skip_spaces(line->str, 0);
    const char *word = line->str + start;
    gsize end = start;

    if (hyphen < 0 || *word == '\0' || !g_unichar_isalpha(g_utf8_get_char(word)) ||
        is_ellipsis_conjunction(word))
        return FALSE;
    while (line->str[end] != '\0' && line->str[end] != ' ')
        end++;
    if (!hyphen_is_kept(prev, (gsize)hyphen, word, end - start))
        g_string_truncate(prev, (gsize)hyphen);
    g_string_append_len(prev, word, (gssize)(end - start));
    g_string_erase(line, 0, (gssize)skip_spaces(line->str, end));
    return TRUE;
}

/* Output lines built so far plus blank lines not yet written (L4 writes a
 * blank line only when a non-blank line follows, so runs collapse and
 * trailing blanks vanish). */
typedef struct {
    GPtrArray *lines; /* GString*, owned, freed with the array */
    guint pending_blanks;
} line_sink_t;

static void sink_push(line_sink_t *sink, GString *line)
{
    if (sink->pending_blanks > 0 && sink->lines->len > 0) { /* L4 */
        const GString *prev = g_ptr_array_index(sink->lines, sink->lines->len - 1);
        g_ptr_array_add(sink->lines, g_string_new(""));
        /* Two blank lines after a line ending in a hyphen stay two: L3
         * does not join across them, and one would let the next pass join
         * ("ASU-\n\n\nSak" must not become "ASU-Sak" when normalised
         * again). */
        if (sink->pending_blanks > 1 && hyphen_at_end(prev) >= 0)
            g_ptr_array_add(sink->lines, g_string_new(""));
    }
    sink->pending_blanks = 0;
    g_ptr_array_add(sink->lines, line);
}

/* L3 looks back across at most one blank line because some extractors
 * double-space every line ("Inn-\n\nTrøndelag"); two or more blank lines
 * are a real paragraph break. */
static gboolean sink_try_join(line_sink_t *sink, GString *line)
{
    GString *prev;

    if (sink->lines->len == 0 || sink->pending_blanks > 1)
        return FALSE;
    prev = g_ptr_array_index(sink->lines, sink->lines->len - 1);
    return join_hyphenated(prev, line);
}

/* Takes ownership of line. */
static void sink_add(line_sink_t *sink, GString *line)
{
    rtrim(line);            /* L1 */
    normalise_bullet(line); /* L2 */
    if (line->len == 0) {
        sink->pending_blanks++;
        g_string_free(line, TRUE);
        return;
    }
    if (sink_try_join(sink, line)) { /* L3 */
        /* A moved word that ends in a hyphen ("helse-" of "kommune-\nhelse-
         * Tjeneste") ends the line it joined, which the next pass would
         * join to the rest: join it now, so that normalising twice gives
         * what once does. */
        GString *prev = g_ptr_array_index(sink->lines, sink->lines->len - 1);
        while (line->len > 0 && join_hyphenated(prev, line))
            ;
        if (line->len == 0) { /* whole line moved up: no empty line */
            g_string_free(line, TRUE);
            return;
        }
        /* What is left starts a line, as the next pass will see it: "it
         * · legn" after "Ä-" leaves a bullet ("· legn") at its start. */
        normalise_bullet(line); /* L2 */
    }
    sink_push(sink, line);
}

static void free_gstring(gpointer data)
{
    g_string_free(data, TRUE);
}

/* L1..L4 over lines whose removed[i] is FALSE (removed may be NULL).
 * Caller frees the result with g_free. */
static char *process_lines(char *const *lines, const gboolean *removed, gsize n_lines)
{
    line_sink_t sink = {g_ptr_array_new_with_free_func(free_gstring), 0};
    GString *out = g_string_new(NULL);

    for (gsize i = 0; i < n_lines; i++)
        if (removed == NULL || !removed[i])
            sink_add(&sink, g_string_new(lines[i]));
    for (guint i = 0; i < sink.lines->len; i++) {
        GString *line = g_ptr_array_index(sink.lines, i);
        if (i > 0)
            g_string_append_c(out, '\n');
        g_string_append_len(out, line->str, (gssize)line->len);
    }
    g_ptr_array_free(sink.lines, TRUE);
    return g_string_free(out, FALSE);
}

arkiv_norm_status_t arkiv_normalise_page(const char *utf8, char **out)
{
    char *clean = NULL;
    char **lines;
    arkiv_norm_status_t status;

    if (out == NULL)
        return ARKIV_NORM_INVALID;
    status = clean_chars(utf8, &clean);
    *out = NULL;
    if (status != ARKIV_NORM_OK)
        return status;
    lines = g_strsplit_set(clean, "\n", -1);
    g_free(clean);
    *out = process_lines(lines, NULL, g_strv_length(lines));
    g_strfreev(lines);
    return ARKIV_NORM_OK;
}

/* ------------------------------------------------------------------------
 * Page level (P1..P3)
 * ---------------------------------------------------------------------- */

#define ZONE_LINES 3 /* P1/P2: first and last 3 non-blank lines */
#define MAX_ZONE (2 * ZONE_LINES)

typedef struct {
    char **lines; /* g_strv, owned */
    gsize n_lines;
    gboolean *removed;    /* n_lines flags, owned */
    gsize zone[MAX_ZONE]; /* indices of the zone lines, ascending */
    gsize n_zone;
} page_t;

typedef struct {
    GRegex *side; /* P2: "Side 3 av 12", "Side - 1 -", "side 2" */
    GRegex *bare; /* P3: "- 2 -", "2 / 12", "2" */
} page_number_re_t;

static const char SIDE_PATTERN[] =
    "^(?:side|sida|page)\\s*[-\xE2\x80\x93]?\\s*\\d+\\s*[-\xE2\x80\x93]?"
    "(?:\\s*(?:av|of|/)\\s*\\d+)?$";
static const char BARE_PATTERN[] =
    "^(?:[-\xE2\x80\x93]\\s*\\d+\\s*[-\xE2\x80\x93]|\\d+(?:\\s*/\\s*\\d+)?)$";

static gboolean is_blank_line(const char *line)
{
    return line[skip_spaces(line, 0)] == '\0';
}

/* P1 key: trimmed, whitespace runs -> " ", digit runs -> "#", so
 * "Side - 1 -" and "Side - 12 -" compare equal.  Caller frees with g_free. */
static char *line_key(const char *line)
{
    GString *key = g_string_new(NULL);
    gboolean space = FALSE;
    gboolean digits = FALSE;

    for (const char *p = line; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c)) {
            space = key->len > 0;
            digits = FALSE;
            continue;
        }
        if (space)
            g_string_append_c(key, ' ');
        space = FALSE;
        if (g_unichar_isdigit(c) && !digits)
            g_string_append_c(key, '#');
        else if (!g_unichar_isdigit(c))
            g_string_append_unichar(key, c);
        digits = g_unichar_isdigit(c);
    }
    return g_string_free(key, FALSE);
}

/* Letter-less keys ("#", "- # -") are page numbers, handled by P2/P3 with
 * their stricter position rule instead of P1. */
static gboolean key_has_letter(const char *key)
{
    for (const char *p = key; *p != '\0'; p = g_utf8_next_char(p))
        if (g_unichar_isalpha(g_utf8_get_char(p)))
            return TRUE;
    return FALSE;
}

static void compute_zone(page_t *page)
{
    gsize nonblank = 0;
    gsize seen = 0;

    for (gsize i = 0; i < page->n_lines; i++)
        nonblank += is_blank_line(page->lines[i]) ? 0 : 1;
    page->n_zone = 0;
    for (gsize i = 0; i < page->n_lines; i++) {
        if (is_blank_line(page->lines[i]))
            continue;
        if (seen < ZONE_LINES || seen + ZONE_LINES >= nonblank)
            page->zone[page->n_zone++] = i;
        seen++;
    }
}

/* C1..C6 on one page, then split into lines.  On OK the page owns its
 * arrays; free with page_clear. */
static arkiv_norm_status_t page_init(page_t *page, const char *utf8)
{
    char *clean = NULL;
    arkiv_norm_status_t status = clean_chars(utf8, &clean);

    memset(page, 0, sizeof *page);
    if (status != ARKIV_NORM_OK)
        return status;
    page->lines = g_strsplit_set(clean, "\n", -1);
    g_free(clean);
    page->n_lines = g_strv_length(page->lines);
    page->removed = g_new0(gboolean, page->n_lines + 1);
    compute_zone(page);
    return ARKIV_NORM_OK;
}

static void page_clear(page_t *page)
{
    g_strfreev(page->lines);
    g_free(page->removed);
    memset(page, 0, sizeof *page);
}

static void free_pages(page_t *pages, gsize n_pages)
{
    if (pages == NULL)
        return;
    for (gsize i = 0; i < n_pages; i++)
        page_clear(&pages[i]);
    g_free(pages);
}

/* On OK, *pages_out holds n_pages initialised pages (free_pages). */
static arkiv_norm_status_t load_pages(const char *const *texts, gsize n_pages, page_t **pages_out)
{
    page_t *pages = g_new0(page_t, n_pages + 1);

    *pages_out = NULL;
    for (gsize i = 0; i < n_pages; i++) {
        arkiv_norm_status_t status = page_init(&pages[i], texts[i]);
        if (status != ARKIV_NORM_OK) {
            free_pages(pages, i);
            return status;
        }
    }
    *pages_out = pages;
    return ARKIV_NORM_OK;
}

/* Adds 1 to counts[key] for each distinct zone key of the page. A line
 * ending in ':' is a heading ("Framlegg til vedtak:") that may open several
 * short pages; running headers do not end that way. */
static void count_page_keys(const page_t *page, GHashTable *counts)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    for (gsize z = 0; z < page->n_zone; z++) {
        char *key = line_key(page->lines[page->zone[z]]);
        guint count;

        if (!key_has_letter(key) || g_str_has_suffix(key, ":") ||
            g_hash_table_contains(seen, key)) {
            g_free(key);
            continue;
        }
        count = GPOINTER_TO_UINT(g_hash_table_lookup(counts, key));
        g_hash_table_insert(counts, g_strdup(key), GUINT_TO_POINTER(count + 1));
        g_hash_table_add(seen, key);
    }
    g_hash_table_unref(seen);
}

/* P1: keys in a zone on >= 60 % of pages and >= 2 pages.
 * Returns a set the caller releases with g_hash_table_unref. */
static GHashTable *find_running_keys(const page_t *pages, gsize n_pages)
{
    GHashTable *counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTable *running = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GHashTableIter iter;
    gpointer key;
    gpointer value;

    for (gsize i = 0; i < n_pages; i++)
        count_page_keys(&pages[i], counts);
    g_hash_table_iter_init(&iter, counts);
    while (g_hash_table_iter_next(&iter, &key, &value)) {
        guint count = GPOINTER_TO_UINT(value);
        if (count >= 2 && (guint64)count * 5 >= (guint64)n_pages * 3)
            g_hash_table_add(running, g_strdup(key));
    }
    g_hash_table_unref(counts);
    return running;
}

static gboolean matches_trimmed(GRegex *re, const char *line)
{
    char *trimmed = g_strstrip(g_strdup(line));
    gboolean match = g_regex_match(re, trimmed, 0, NULL);

    g_free(trimmed);
    return match;
}

/* P1 + P2 within the zone. */
static void mark_zone_lines(page_t *page, GHashTable *running, const page_number_re_t *re)
{
    for (gsize z = 0; z < page->n_zone; z++) {
        gsize i = page->zone[z];
        char *key = line_key(page->lines[i]);

        if (g_hash_table_contains(running, key) || matches_trimmed(re->side, page->lines[i]))
            page->removed[i] = TRUE;
        g_free(key);
    }
}

/* Index of the first (step 1) or last (step -1) kept non-blank line, or
 * n_lines when there is none. */
static gsize outer_line(const page_t *page, int step)
{
    for (gsize k = 0; k < page->n_lines; k++) {
        gsize i = step > 0 ? k : page->n_lines - 1 - k;
        if (!page->removed[i] && !is_blank_line(page->lines[i]))
            return i;
    }
    return page->n_lines;
}

/* A lone number is only a page number if such a page can exist: at an
 * arbitrary page edge "2022" or "20" is far more likely a table cell. */
static gboolean plausible_page_number(const char *line, gsize n_pages)
{
    char *trimmed = g_strstrip(g_strdup(line));
    gboolean all_digits = trimmed[0] != '\0';
    guint64 value = 0;

    for (const char *p = trimmed; *p != '\0' && all_digits; p++)
        all_digits = g_ascii_isdigit(*p);
    if (all_digits)
        value = g_ascii_strtoull(trimmed, NULL, 10);
    g_free(trimmed);
    return !all_digits || (value >= 1 && value <= n_pages);
}

/* P3: bare numbers only at the very top or bottom of what is left. */
static void mark_bare_numbers(page_t *page, const page_number_re_t *re, gsize n_pages)
{
    for (int step = 1; step >= -1; step -= 2) {
        gsize i = outer_line(page, step);
        if (i < page->n_lines && matches_trimmed(re->bare, page->lines[i]) &&
            plausible_page_number(page->lines[i], n_pages))
            page->removed[i] = TRUE;
    }
}

static void append_trimmed(GString *out, const char *line)
{
    gsize start = skip_spaces(line, 0);
    gsize end = strlen(line);

    while (end > start && line[end - 1] == ' ')
        end--;
    g_string_append_len(out, line + start, (gssize)(end - start));
}

/* Removed lines, trimmed, first line per key, joined by "\n".
 * Caller frees with g_free. */
static char *collect_headers(const page_t *pages, gsize n_pages)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GString *out = g_string_new(NULL);

    for (gsize p = 0; p < n_pages; p++) {
        for (gsize i = 0; i < pages[p].n_lines; i++) {
            char *key;
            if (!pages[p].removed[i])
                continue;
            key = line_key(pages[p].lines[i]);
            if (!g_hash_table_add(seen, key))
                continue; /* duplicate key; the table owns key either way */
            if (out->len > 0)
                g_string_append_c(out, '\n');
            append_trimmed(out, pages[p].lines[i]);
        }
    }
    g_hash_table_unref(seen);
    return g_string_free(out, FALSE);
}

static arkiv_norm_status_t page_number_re_init(page_number_re_t *re)
{
    re->side = g_regex_new(SIDE_PATTERN, G_REGEX_CASELESS, 0, NULL);
    re->bare = g_regex_new(BARE_PATTERN, 0, 0, NULL);
    return (re->side != NULL && re->bare != NULL) ? ARKIV_NORM_OK : ARKIV_NORM_ERROR;
}

static void page_number_re_clear(page_number_re_t *re)
{
    if (re->side != NULL)
        g_regex_unref(re->side);
    if (re->bare != NULL)
        g_regex_unref(re->bare);
}

/* P1..P3 over all pages. */
static arkiv_norm_status_t mark_headers(page_t *pages, gsize n_pages)
{
    page_number_re_t re = {NULL, NULL};
    arkiv_norm_status_t status = page_number_re_init(&re);
    GHashTable *running;

    if (status != ARKIV_NORM_OK) {
        page_number_re_clear(&re);
        return status;
    }
    running = find_running_keys(pages, n_pages);
    for (gsize i = 0; i < n_pages; i++) {
        mark_zone_lines(&pages[i], running, &re);
        mark_bare_numbers(&pages[i], &re, n_pages);
    }
    g_hash_table_unref(running);
    page_number_re_clear(&re);
    return ARKIV_NORM_OK;
}

static gboolean all_non_null(const char *const *pages, gsize n_pages)
{
    for (gsize i = 0; i < n_pages; i++)
        if (pages[i] == NULL)
            return FALSE;
    return TRUE;
}

arkiv_norm_status_t arkiv_normalise_pages(const char *const *pages, gsize n_pages,
                                          char ***pages_out, char **headers_out)
{
    page_t *loaded = NULL;
    arkiv_norm_status_t status;
    char **result;

    if (pages_out == NULL || headers_out == NULL)
        return ARKIV_NORM_INVALID;
    *pages_out = NULL;
    *headers_out = NULL;
    if ((pages == NULL && n_pages > 0) || !all_non_null(pages, n_pages))
        return ARKIV_NORM_INVALID;
    status = load_pages(pages, n_pages, &loaded);
    if (status == ARKIV_NORM_OK)
        status = mark_headers(loaded, n_pages);
    if (status != ARKIV_NORM_OK) {
        free_pages(loaded, n_pages);
        return status;
    }
    result = g_new0(char *, n_pages + 1);
    for (gsize i = 0; i < n_pages; i++)
        result[i] = process_lines(loaded[i].lines, loaded[i].removed, loaded[i].n_lines);
    *headers_out = collect_headers(loaded, n_pages);
    *pages_out = result;
    free_pages(loaded, n_pages);
    return ARKIV_NORM_OK;
}
