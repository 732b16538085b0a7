/* normalise.h - clean decoded UTF-8 text for indexing and entity tagging.
 *
 * Rules, applied in this order (details and reasons in normalise.c):
 *
 * Character level
 *   C1  CRLF, lone CR, FF, VT, U+0085, U+2028, U+2029 -> LF.
 *   C2  Soft hyphen U+00AD removed.
 *   C3  Ligatures U+FB00..U+FB06 (ff fi fl ffi ffl ſt st) expanded.
 *   C4  Tab and every space separator (U+00A0, U+1680, U+2000..U+200A,
 *       U+202F, U+205F, U+3000) -> one plain space each.
 *   C5  Zero-width / invisible format chars removed: U+200B..U+200F,
 *       U+2060, U+FEFF; other control characters (except LF) removed.
 *   C6  Unicode NFC.
 *
 * Line level
 *   L1  Trailing spaces removed.
 *   L2  A bullet glyph at line start (after optional indentation) plus the
 *       spaces after it -> "• ".  Bullets: U+F000..U+F0FF (PDF symbol-font
 *       private use, e.g. U+F0B7), • ▪ ◦ · ● ■ ‣ ⁃ ∙.
 *   L3  Dehyphenation: a line ending in letter + "-" (or U+2010) followed by
 *       a line starting with a letter (at most one blank line in between):
 *         next word og/eller/samt/and/or  -> unchanged ("helse-\nog ...")
 *         next letter lowercase           -> joined, hyphen dropped
 *                                            ("redeg-\njorde" -> "redegjorde")
 *         next letter not lowercase       -> joined, hyphen kept
 *                                            ("Inn-\nTrøndelag")
 *       Exceptions that keep the hyphen although the next letter is lower-
 *       case: one-letter prefix ("e-\npost"), abbreviation or digits before
 *       the hyphen ("DMS-\nene"), a capitalised name in mid-sentence
 *       ("Møre og Romsdal-\ndokumentet"; not at line/sentence start, where
 *       "Behandler-\nsamarbeid" still becomes "Behandlersamarbeid"), URL
 *       before it or domain after it ("helse-\nmr.no").  The joined word moves to the first line;
 * the rest of the second line stays on its own line.  "-" alone or " -" at line end (e.g. "Side - 1
 * -") is never a hyphenation. L4  Runs of blank lines collapse to one blank line (two after a
 * line ending in a hyphen, so that L3 does not join across them when the text is normalised
 * again); blank lines at the start and end of the page are removed.
 *
 * Page level (arkiv_normalise_pages only, before L1..L4, after C1..C6)
 *   P1  Running headers/footers: lines compared by key (trimmed, whitespace
 *       runs -> one space, digit runs -> "#").  A key containing a letter
 *       that occurs among the first 3 or last 3 non-blank lines of >= 60 %
 *       of the pages, and of at least 2 pages, and that does not end in ':'
 *       (a heading such as "Vedtak:"), is removed from those
 *       positions on every page.
 *   P2  Page-number lines among the first/last 3 non-blank lines are
 *       removed: "Side 3 av 12", "Side - 1 -", "side 2", "Page 2 of 3".
 *   P3  Bare page numbers "- 2 -", "2 / 12", "2" are removed only when they
 *       are the first or last remaining non-blank line of the page, because
 *       elsewhere they are too often table cells; a lone number ("2") must
 *       also lie in 1..n_pages ("2022" at a page edge is kept).
 */
#ifndef ARKIV_NORMALISE_H
#define ARKIV_NORMALISE_H

#include <glib.h>

typedef enum {
    ARKIV_NORM_OK = 0,
    ARKIV_NORM_INVALID, /* NULL argument or input not valid UTF-8 */
    ARKIV_NORM_ERROR    /* internal failure (normalisation / regex) */
} arkiv_norm_status_t;

/* Normalise one page or one whole text file (rules C*, L*).
 * On OK, *out is a new string the caller frees with g_free (may be "").
 * On failure, *out is NULL. */
arkiv_norm_status_t arkiv_normalise_page(const char *utf8, char **out);

/* Normalise n_pages pages of one document: C* per page, then P1..P3 across
 * pages, then L* per page.  pages may be NULL only when n_pages is 0.
 * On OK, *pages_out is a NULL-terminated vector of n_pages strings (caller
 * frees with g_strfreev) and *headers_out holds the removed header/footer
 * lines, trimmed, one per distinct key in order of first appearance, joined
 * by "\n" (caller frees with g_free; "" when nothing was removed).
 * On failure both are NULL. */
arkiv_norm_status_t arkiv_normalise_pages(const char *const *pages, gsize n_pages,
                                          char ***pages_out, char **headers_out);

#endif /* ARKIV_NORMALISE_H */
