/* fold.c - diacritic folding; the table is documented in fold.h. */
#include "fold.h"

#include <string.h>

#define ARKIV_FOLD_N_VARIANTS 3

typedef struct {
    gunichar letter;                          /* lowercase, precomposed */
    const char *forms[ARKIV_FOLD_N_VARIANTS]; /* variant 1, 2, 3 */
} fold_entry_t;

static const fold_entry_t FOLD_TABLE[] = {
    {0x00E6, {"ae", "ae", "e"}}, /* æ */
    {0x00F8, {"o", "oe", "o"}},  /* ø */
    {0x00E5, {"a", "aa", "a"}},  /* å */
    {0x00E4, {"a", "a", "a"}},   /* ä */
    {0x00F6, {"o", "o", "o"}},   /* ö */
    {0x00FC, {"u", "u", "u"}},   /* ü */
    {0x00E9, {"e", "e", "e"}},   /* é */
    {0x00E8, {"e", "e", "e"}},   /* è */
    {0x00EA, {"e", "e", "e"}},   /* ê */
    {0x00E1, {"a", "a", "a"}},   /* á */
    {0x00E0, {"a", "a", "a"}},   /* à */
    {0x00F3, {"o", "o", "o"}},   /* ó */
    {0x00F2, {"o", "o", "o"}},   /* ò */
    {0x00F4, {"o", "o", "o"}},   /* ô */
    {0x00ED, {"i", "i", "i"}},   /* í */
    {0x00FA, {"u", "u", "u"}},   /* ú */
    {0x00F1, {"n", "n", "n"}},   /* ñ */
    {0x00E7, {"c", "c", "c"}},   /* ç */
};

static const fold_entry_t *lookup(gunichar c)
{
    for (gsize i = 0; i < G_N_ELEMENTS(FOLD_TABLE); i++)
        if (FOLD_TABLE[i].letter == c)
            return &FOLD_TABLE[i];
    return NULL;
}

const char *arkiv_fold_char(gunichar lower)
{
    const fold_entry_t *e = lookup(lower);
    return e ? e->forms[0] : NULL;
}

/* TRUE when every character is below U+0300, where no combining mark can
 * be: such text is already NFC, and normalising it only costs time (the
 * tagger folds every word it looks up). */
static gboolean trivially_nfc(const char *utf8)
{
    for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char(p))
        if (g_utf8_get_char(p) >= 0x300)
            return FALSE;
    return TRUE;
}

/* NFC first so "a\u030A" is seen as å; then lowercase so only the lowercase
 * letters need table entries.  Caller frees with g_free; NULL if invalid. */
static char *lower_nfc(const char *utf8)
{
    char *nfc;
    char *lower;

    if (utf8 == NULL || !g_utf8_validate(utf8, -1, NULL))
        return NULL;
    if (trivially_nfc(utf8))
        return g_utf8_strdown(utf8, -1);
    nfc = g_utf8_normalize(utf8, -1, G_NORMALIZE_NFC);
    if (nfc == NULL)
        return NULL;
    lower = g_utf8_strdown(nfc, -1);
    g_free(nfc);
    return lower;
}

/* Caller frees with g_free. */
static char *fold_lower(const char *lower, int variant)
{
    GString *out = g_string_sized_new(strlen(lower) + 8);

    for (const char *p = lower; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        const fold_entry_t *e = lookup(c);

        if (e != NULL)
            g_string_append(out, e->forms[variant]);
        else
            g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

static gboolean is_ascii(const char *s)
{
    for (; *s != '\0'; s++)
        if ((guchar)*s >= 0x80)
            return FALSE;
    return TRUE;
}

char *arkiv_fold(const char *utf8)
{
    char *lower;
    char *folded;

    /* Most words the tagger looks up are ASCII, which folding only
     * lowercases: one pass instead of validating, normalising and
     * rebuilding the word character by character. */
    if (utf8 != NULL && is_ascii(utf8))
        return g_ascii_strdown(utf8, -1);
    lower = lower_nfc(utf8);
    if (lower == NULL)
        return NULL;
    folded = fold_lower(lower, 0);
    g_free(lower);
    return folded;
}

gboolean arkiv_fold_changes(const char *utf8)
{
    if (utf8 != NULL && is_ascii(utf8)) /* the table has no ASCII letters */
        return FALSE;
    char *lower = lower_nfc(utf8);
    gboolean changes = FALSE;

    if (lower == NULL)
        return FALSE;
    for (const char *p = lower; *p != '\0' && !changes; p = g_utf8_next_char(p))
        changes = lookup(g_utf8_get_char(p)) != NULL;
    g_free(lower);
    return changes;
}

static gboolean strv_has(char *const *strv, gsize n, const char *s)
{
    for (gsize i = 0; i < n; i++)
        if (strcmp(strv[i], s) == 0)
            return TRUE;
    return FALSE;
}

char **arkiv_fold_variants(const char *utf8)
{
    char *lower = lower_nfc(utf8);
    char **out;
    gsize n = 0;

    if (lower == NULL)
        return NULL;
    out = g_new0(char *, ARKIV_FOLD_N_VARIANTS + 1);
    for (int v = 0; v < ARKIV_FOLD_N_VARIANTS; v++) {
        char *form = fold_lower(lower, v);

        if (strv_has(out, n, form))
            g_free(form);
        else
            out[n++] = form;
    }
    g_free(lower);
    return out;
}
