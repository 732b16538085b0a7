/* fold.h - diacritic folding of words for search.
 *
 * Input is NFC-normalised and lowercased (g_utf8_strdown) first, so upper-
 * case letters and decomposed sequences ("a" + U+030A) fold like their
 * lowercase precomposed forms.  Folding table (after lowercasing):
 *
 *   letter        arkiv_fold   variant 2   variant 3
 *   æ  (Æ)        ae           ae          e
 *   ø  (Ø)        o            oe          o
 *   å  (Å)        a            aa          a
 *   ä  (Ä)        a            a           a
 *   ö  (Ö)        o            o           o
 *   ü  (Ü)        u            u           u
 *   é è ê         e            e           e
 *   á à           a            a           a
 *   ó ò ô         o            o           o
 *   í             i            i           i
 *   ú             u            u           u
 *   ñ             n            n           n
 *   ç             c            c           c
 *
 * Every other character is kept as it is after lowercasing.
 *
 * ø -> o and å -> a are the canonical folded forms.  Queries may be typed
 * with the older ASCII spellings "oe"/"aa", or with "e" for æ, so the index
 * also stores the variant forms from arkiv_fold_variants():
 *   variant 1 = arkiv_fold()                      (ø->o,  æ->ae, å->a)
 *   variant 2 = Scandinavian transliteration      (ø->oe, æ->ae, å->aa)
 *   variant 3 = loose spelling                    (ø->o,  æ->e,  å->a)
 * Example: "Sjømæling" -> { "sjomaeling", "sjoemaeling", "sjomeling" }.
 */
#ifndef ARKIV_FOLD_H
#define ARKIV_FOLD_H

#include <glib.h>

/* Lowercased, folded form (variant 1).  Returns a newly allocated string the
 * caller frees with g_free, or NULL if utf8 is NULL or not valid UTF-8. */
char *arkiv_fold(const char *utf8);

/* Variant-1 folding of one lowercase, precomposed letter ("ø" -> "o"), or
 * NULL when it folds to itself. The string is static. */
const char *arkiv_fold_char(gunichar lower);

/* TRUE when arkiv_fold(utf8) differs from the lowercased word, i.e. the word
 * contains a letter from the table; callers add folded terms only then.
 * FALSE for NULL or invalid UTF-8. */
gboolean arkiv_fold_changes(const char *utf8);

/* The distinct folded forms, in the order variant 1, 2, 3 with duplicates
 * dropped (a word without table letters yields just its lowercased form).
 * Returns a NULL-terminated vector the caller frees with g_strfreev, or NULL
 * if utf8 is NULL or not valid UTF-8. */
char **arkiv_fold_variants(const char *utf8);

#endif /* ARKIV_FOLD_H */
