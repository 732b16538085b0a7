/* foldsyn.c — folded spellings as Xapian synonyms.
 *
 * Why synonyms and not extra folded terms in every document: a synonym is
 * stored once per word for the whole index, costs no postings, and leaves
 * an exact query ("Bjørn") matching only exact spellings. */
#include "foldsyn.h"

#include "fold.h"

/* Collect lowercased words (letters and digits) that contain a letter the
 * folding table changes. */
static void collect_words(const char *text, GHashTable *words)
{
    const char *p = text;
    while (*p) {
        while (*p && !g_unichar_isalnum(g_utf8_get_char(p)))
            p = g_utf8_next_char(p);
        const char *start = p;
        gboolean ascii = TRUE;
        while (*p && g_unichar_isalnum(g_utf8_get_char(p))) {
            if ((guchar)*p >= 0x80)
                ascii = FALSE;
            p = g_utf8_next_char(p);
        }
        if (p == start || ascii)
            continue;
        char *word = g_utf8_strdown(start, p - start);
        if (arkiv_fold_changes(word))
            g_hash_table_add(words, word);
        else
            g_free(word);
    }
}

static gboolean add_variants(arkiv_db_t *db, const char *word, GError **error)
{
    char **variants = arkiv_fold_variants(word);
    gboolean ok = TRUE;
    for (char **v = variants; ok && v && *v; v++) {
        arkiv_status_t st = arkiv_db_add_synonym(db, *v, word);
        if (st != ARKIV_STATUS_OK) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", arkiv_status_string(st),
                        arkiv_db_last_error(db));
            ok = FALSE;
        }
    }
    g_strfreev(variants);
    return ok;
}

gboolean arkiv_foldsyn_add(arkiv_db_t *db, char *const *pages, GError **error)
{
    GHashTable *words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (char *const *p = pages; p && *p; p++)
        collect_words(*p, words);
    GHashTableIter it;
    gpointer key;
    gboolean ok = TRUE;
    g_hash_table_iter_init(&it, words);
    while (ok && g_hash_table_iter_next(&it, &key, NULL))
        ok = add_variants(db, key, error);
    g_hash_table_unref(words);
    return ok;
}
