/* test_normalise.c - table-driven Check tests for decode.c, normalise.c and
 * fold.c.  Every rule in decode.h, normalise.h and fold.h has rows here. */
#include <check.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "fold.h"
#include "normalise.h"

/* Literal plus its length without the terminator, so embedded NULs count. */
#define BYTES(s) (s), (sizeof(s) - 1)

/* Escaped copies keep failure messages readable for control characters. */
static void assert_str(const char *name, const char *got, const char *want)
{
    char *g = got != NULL ? g_strescape(got, "\xC2\xC3\xC5\xE2\xEF") : NULL;
    char *w = want != NULL ? g_strescape(want, "\xC2\xC3\xC5\xE2\xEF") : NULL;
    gboolean same =
        (got == NULL && want == NULL) || (got != NULL && want != NULL && strcmp(got, want) == 0);

    ck_assert_msg(same, "%s:\n  got  \"%s\"\n  want \"%s\"", name, g != NULL ? g : "(null)",
                  w != NULL ? w : "(null)");
    g_free(g);
    g_free(w);
}

/* ------------------------------------------------------------------------
 * decode
 * ---------------------------------------------------------------------- */

typedef struct {
    const char *name;
    const char *bytes;
    gsize len;
    arkiv_decode_status_t status;
    const char *utf8;
    const char *encoding;
} decode_case_t;

static const decode_case_t DECODE_CASES[] = {
    {"utf8 plain", BYTES("M\xC3\xB8te i V\xC3\xA6rnes\n"), ARKIV_DECODE_OK, "Møte i Værnes\n",
     "UTF-8"},
    {"utf8 bom stripped", BYTES("\xEF\xBB\xBFM\xC3\xB8te"), ARKIV_DECODE_OK, "Møte", "UTF-8 (BOM)"},
    {"utf16le bom", BYTES("\xFF\xFEM\0\xF8\0t\0e\0"), ARKIV_DECODE_OK, "Møte", "UTF-16LE"},
    {"utf16be bom", BYTES("\xFE\xFF\0M\0\xF8\0t\0e"), ARKIV_DECODE_OK, "Møte", "UTF-16BE"},
    {"utf16le surrogate pair",
     BYTES("\xFF\xFE"
           "a\0\x3D\xD8\x00\xDE"),
     ARKIV_DECODE_OK, "a\xF0\x9F\x98\x80", "UTF-16LE"},
    {"utf16le unpaired surrogate",
     BYTES("\xFF\xFE"
           "a\0\x3D\xD8"
           "b\0"),
     ARKIV_DECODE_OK,
     "a\xEF\xBF\xBD"
     "b",
     "UTF-16LE"},
    {"utf16be lone low surrogate", BYTES("\xFE\xFF\xDC\x00\0z"), ARKIV_DECODE_OK, "\xEF\xBF\xBDz",
     "UTF-16BE"},
    {"utf16le odd trailing byte",
     BYTES("\xFF\xFE"
           "a\0b\0c"),
     ARKIV_DECODE_OK, "ab", "UTF-16LE"},
    {"utf16le crlf",
     BYTES("\xFF\xFE"
           "a\0\r\0\n\0b\0\r\0c\0"),
     ARKIV_DECODE_OK, "a\nb\nc", "UTF-16LE"},
    {"utf16le nul char",
     BYTES("\xFF\xFE"
           "a\0\0\0b\0"),
     ARKIV_DECODE_OK, "ab", "UTF-16LE"},
    {"cp1252 norwegian letters", BYTES("\xE6\xF8\xE5\xC6\xD8\xC5"), ARKIV_DECODE_OK, "æøåÆØÅ",
     "WINDOWS-1252"},
    {"cp1252 euro", BYTES("\x80 100"), ARKIV_DECODE_OK, "€ 100", "WINDOWS-1252"},
    {"cp1252 quotes and dash",
     BYTES("\x93"
           "a\x94 \x96 b\x85"),
     ARKIV_DECODE_OK, "“a” – b…", "WINDOWS-1252"},
    {"cp1252 undefined bytes",
     BYTES("a\x81"
           "b\x8D\x8F\x90\x9D"
           "c\xE6"),
     ARKIV_DECODE_OK,
     "a\xC2\x81"
     "b\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D"
     "cæ",
     "WINDOWS-1252"},
    {"cp1252 only undefined", BYTES("\x81"), ARKIV_DECODE_OK, "\xC2\x81", "WINDOWS-1252"},
    {"cp1252 with nul and crlf", BYTES("\xE6\0r\r\nx"), ARKIV_DECODE_OK, "ær\nx", "WINDOWS-1252"},
    {"invalid utf8 anywhere means cp1252", BYTES("M\xC3\xB8te \xE6"), ARKIV_DECODE_OK, "MÃ¸te æ",
     "WINDOWS-1252"},
    {"bom then invalid utf8", BYTES("\xEF\xBB\xBF\xE6rlig"), ARKIV_DECODE_OK, "ærlig",
     "WINDOWS-1252"},
    {"crlf", BYTES("a\r\nb\r\n"), ARKIV_DECODE_OK, "a\nb\n", "UTF-8"},
    {"lone cr", BYTES("a\rb\r\rc\r"), ARKIV_DECODE_OK, "a\nb\n\nc\n", "UTF-8"},
    {"cr cr lf", BYTES("a\r\r\nb"), ARKIV_DECODE_OK, "a\n\nb", "UTF-8"},
    {"nul bytes removed", BYTES("a\0b\0\0c"), ARKIV_DECODE_OK, "abc", "UTF-8"},
    {"empty", BYTES(""), ARKIV_DECODE_EMPTY, "", "UTF-8"},
    {"whitespace only", BYTES(" \n\t\r\n \f"), ARKIV_DECODE_EMPTY, " \n\t\n \f", "UTF-8"},
    {"nbsp only", BYTES("\xC2\xA0\n"), ARKIV_DECODE_EMPTY, "\xC2\xA0\n", "UTF-8"},
    {"bom only", BYTES("\xEF\xBB\xBF"), ARKIV_DECODE_EMPTY, "", "UTF-8 (BOM)"},
    {"nul only", BYTES("\0\0\0"), ARKIV_DECODE_EMPTY, "", "UTF-8"},
    {"utf16 whitespace only", BYTES("\xFF\xFE \0\n\0"), ARKIV_DECODE_EMPTY, " \n", "UTF-16LE"},
    {"utf16 bom only", BYTES("\xFE\xFF"), ARKIV_DECODE_EMPTY, "", "UTF-16BE"},
};

START_TEST(test_decode_table)
{
    const decode_case_t *c = &DECODE_CASES[_i];
    char *utf8 = NULL;
    const char *encoding = NULL;
    arkiv_decode_status_t status = arkiv_decode_text(c->bytes, c->len, &utf8, &encoding);

    ck_assert_msg(status == c->status, "%s: status %d want %d", c->name, (int)status,
                  (int)c->status);
    assert_str(c->name, utf8, c->utf8);
    assert_str(c->name, encoding, c->encoding);
    g_free(utf8);
}
END_TEST

#define ONE_MB (1024 * 1024)

/* A single 1 MB line must decode completely (no line-length limit). */
START_TEST(test_decode_long_line_utf8)
{
    GString *in = g_string_new(NULL);
    char *utf8 = NULL;
    const char *encoding = NULL;

    while (in->len < ONE_MB)
        g_string_append(in, "Trøndelag ");
    ck_assert_int_eq(arkiv_decode_text(in->str, in->len, &utf8, &encoding), ARKIV_DECODE_OK);
    ck_assert_str_eq(encoding, "UTF-8");
    ck_assert_uint_eq(strlen(utf8), in->len);
    ck_assert_ptr_null(strchr(utf8, '\n'));
    g_free(utf8);
    g_string_free(in, TRUE);
}
END_TEST

START_TEST(test_decode_long_line_cp1252)
{
    char *in = g_malloc(ONE_MB);
    char *utf8 = NULL;
    const char *encoding = NULL;

    for (gsize i = 0; i < ONE_MB; i++)
        in[i] = (i % 10 == 0) ? '\xE6' : (i % 97 == 0 ? '\x81' : 'a');
    ck_assert_int_eq(arkiv_decode_text(in, ONE_MB, &utf8, &encoding), ARKIV_DECODE_OK);
    ck_assert_str_eq(encoding, "WINDOWS-1252");
    ck_assert(g_utf8_validate(utf8, -1, NULL));
    ck_assert_uint_eq(g_utf8_strlen(utf8, -1), ONE_MB);
    g_free(utf8);
    g_free(in);
}
END_TEST

/* ------------------------------------------------------------------------
 * normalise one page
 * ---------------------------------------------------------------------- */

typedef struct {
    const char *name;
    const char *in;
    const char *want;
} norm_case_t;

static const norm_case_t NORM_CASES[] = {
    /* C6 NFC */
    {"nfc decomposed a-ring", "a\u030Apen", "åpen"},
    {"nfc decomposed o-diaeresis", "Mosho\u0308vel", "Moshövel"},
    {"nfc after zero-width removal", "a\u200B\u030A", "å"},
    /* C2 soft hyphen */
    {"soft hyphen", "redeg\u00ADjorde", "redegjorde"},
    {"soft hyphen several", "hel\u00ADse\u00AD\u00ADtje\u00ADneste", "helsetjeneste"},
    /* C3 ligatures */
    {"ligatures", "\uFB01nans \uFB02yt \uFB00 \uFB03 \uFB04 \uFB05 \uFB06",
     "finans flyt ff ffi ffl st st"},
    {"ligature inside word", "pro\uFB01l", "profil"},
    /* C4 odd spaces */
    {"nbsp", "kl.\u00A010", "kl. 10"},
    {"other spaces", "a\u2000b\u2002c\u2009d\u200Ae\u202Ff\u205Fg\u3000h", "a b c d e f g h"},
    {"tab becomes one space", "Sak\t10/24", "Sak 10/24"},
    /* C5 zero width and controls */
    {"zero width", "a\u200Bb\u200Cc\u200Dd\uFEFFe\u2060f", "abcdef"},
    {"c1 control removed",
     "a\xC2\x81"
     "b",
     "ab"},
    /* C1 line breaks */
    {"crlf and cr", "a\r\nb\rc", "a\nb\nc"},
    {"form feed is a line break", "a\fb", "a\nb"},
    /* L2 bullets */
    {"pua bullet f0b7", "\uF0B7 Punkt", "• Punkt"},
    {"pua bullet f0a7 tab", "\uF0A7\tPunkt", "• Punkt"},
    {"pua bullet f076", "\uF076Punkt", "• Punkt"},
    {"pua bullet f0d8", "\uF0D8   Punkt", "• Punkt"},
    {"pua bullet f0fc", "\uF0FC Punkt", "• Punkt"},
    {"pua range f000", "\uF000 Punkt", "• Punkt"},
    {"bullet already canonical", "• Punkt", "• Punkt"},
    {"bullet without space", "•Punkt", "• Punkt"},
    {"bullet small square", "\u25AA Punkt", "• Punkt"},
    {"bullet white", "\u25E6 Punkt", "• Punkt"},
    {"bullet middle dot", "\u00B7Tydelig", "• Tydelig"},
    {"bullet nbsp after", "\uF0B7\u00A0\u00A0Punkt", "• Punkt"},
    {"bullet keeps indent", "  \uF0B7 Punkt", "  • Punkt"},
    {"bullet alone", "\uF0B7  ", "•"},
    {"bullets on every line", "\uF0B7 a\n\uF0A7 b\n\u2022 c", "• a\n• b\n• c"},
    {"pua mid-line untouched", "a \uF0B7 b", "a \uF0B7 b"},
    /* L1 trailing spaces */
    {"trailing spaces", "a  \nb \t\nc\u00A0", "a\nb\nc"},
    {"leading spaces kept", " a", " a"},
    /* L4 blank lines */
    {"one blank line kept", "a\n\nb", "a\n\nb"},
    {"blank run collapses", "a\n\n\n\nb", "a\n\nb"},
    {"whitespace-only lines are blank", "a\n \n\t\n\u00A0\nb", "a\n\nb"},
    {"leading and trailing blanks", "\n \n a\n\n \n", " a"},
    {"all blank", " \n\n\t\n", ""},
    {"empty", "", ""},
    /* L3 dehyphenation */
    {"dehyphen lowercase", "redeg-\njorde", "redegjorde"},
    {"dehyphen rest stays on line 2", "Han redeg-\njorde for saken.", "Han redegjorde\nfor saken."},
    {"dehyphen uppercase keeps hyphen", "Inn-\nTrøndelag", "Inn-Trøndelag"},
    {"dehyphen uppercase with rest", "Solveig Kleven (Inn-\nTrøndelag), Lill-Merethe Bye",
     "Solveig Kleven (Inn-Trøndelag),\nLill-Merethe Bye"},
    {"dehyphen name", "Liv Leth-\nOlsen", "Liv Leth-Olsen"},
    {"ellipsis mid-line", "helse- og omsorgstjenesten", "helse- og omsorgstjenesten"},
    {"ellipsis across lines", "helse-\nog omsorgstjenesten", "helse-\nog omsorgstjenesten"},
    {"ellipsis trailing space", "ansvar- \nog oppgåvefordeling", "ansvar-\nog oppgåvefordeling"},
    {"ellipsis eller", "helse-\neller omsorg", "helse-\neller omsorg"},
    {"ellipsis and", "health-\nand care", "health-\nand care"},
    {"not ellipsis: og as prefix", "saks-\nogså", "saksogså"},
    {"mid-line compound untouched", "Helse Nord-Trøndelag", "Helse Nord-Trøndelag"},
    {"running header dash", "Side - 1 -\nReferat", "Side - 1 -\nReferat"},
    {"dash alone", "-\nneste", "-\nneste"},
    {"space dash at end", "punkt -\nneste", "punkt -\nneste"},
    {"digit before hyphen", "2024-\n2025", "2024-\n2025"},
    {"digit after hyphen", "beslut-\n2025", "beslut-\n2025"},
    {"next line bullet", "ord-\n\uF0B7 punkt", "ord-\n• punkt"},
    {"trailing spaces before hyphen check", "Behandler-   \nsamarbeid  ", "Behandlersamarbeid"},
    {"whole next line moved, no empty line", "Behandler-\nsamarbeid\nNeste",
     "Behandlersamarbeid\nNeste"},
    {"chain", "Inn-\nTrønde-\nlag er", "Inn-Trøndelag\ner"},
    {"two joins", "samarbeids- \nutval for helse- \nberedskap",
     "samarbeidsutval\nfor helseberedskap"},
    /* Known trade-off of the name rule: a capitalised common noun in a
     * title keeps its hyphen. */
    {"capitalised title word keeps hyphen", "utval for Helse- \nberedskap",
     "utval for Helse-beredskap"},
    {"across one blank line", "(Inn-\n\nTrøndelag), Lill", "(Inn-Trøndelag),\n\nLill"},
    {"not across two blank lines, which stay two", "Inn-\n\n\nTrøndelag", "Inn-\n\n\nTrøndelag"},
    {"two blank lines kept only after a hyphen", "ASU-\n\n\n\nSak 09/24\n\n\nx",
     "ASU-\n\n\nSak 09/24\n\nx"},
    /* Found by fuzz_decode: the moved "sDato:bÄ-" ended in a hyphen, and a
     * second pass joined it to "Ï2ne". */
    {"rest of a joined line gets its bullet", "risiko-\nanalyse · neste", "risikoanalyse\n• neste"},
    {"moved word ending in a hyphen joins the rest", "kommune-\nhelse- Tjeneste",
     "kommunehelse-Tjeneste"},
    {"unicode hyphen u2010", "risiko\u2010\nanalyse", "risikoanalyse"},
    {"one-letter prefix keeps hyphen", "send e-\npost", "send e-post"},
    {"abbreviation keeps hyphen", "i DMS-\nene", "i DMS-ene"},
    {"domain keeps hyphen", "(helse-\nmr.no)", "(helse-mr.no)"},
    {"url keeps hyphen", "https://www.helse-\nnord.no", "https://www.helse-nord.no"},
    {"name prefix keeps hyphen", "Møre og Romsdal-\ndokumentet som",
     "Møre og Romsdal-dokumentet\nsom"},
    {"capital at line start may be sentence start", "Behandler-\nsamarbeid", "Behandlersamarbeid"},
    {"capital after full stop", "saken. Behandler-\nsamarbeid", "saken. Behandlersamarbeid"},
    {"capital after numbering", "1. Behandler-\nsamarbeid", "1. Behandlersamarbeid"},
    {"capital after bullet", "\uF0B7 Behandler-\nsamarbeid", "• Behandlersamarbeid"},
    {"capital after opening parenthesis at start", "(Behandler-\nsamarbeid)",
     "(Behandlersamarbeid)"},
    {"bullet line dehyphen", "\u00B7 Økt beslutnings-\nkompetanse / x",
     "• Økt beslutningskompetanse\n/ x"},
    {"indented continuation", "forvent-\n   ninger er", "forventninger\ner"},
};

START_TEST(test_normalise_table)
{
    const norm_case_t *c = &NORM_CASES[_i];
    char *out = NULL;

    ck_assert_msg(arkiv_normalise_page(c->in, &out) == ARKIV_NORM_OK, "%s: status", c->name);
    assert_str(c->name, out, c->want);
    /* Clean text is a fixed point: normalising it again changes nothing. */
    char *again = NULL;
    ck_assert_msg(arkiv_normalise_page(out, &again) == ARKIV_NORM_OK, "%s: status again", c->name);
    assert_str(c->name, again, out);
    g_free(again);
    g_free(out);
}
END_TEST

typedef struct {
    const char *name;
    const char *in;
    arkiv_norm_status_t status;
} norm_error_case_t;

static const norm_error_case_t NORM_ERROR_CASES[] = {
    {"null input", NULL, ARKIV_NORM_INVALID},
    {"invalid utf8",
     "a\xE6"
     "b",
     ARKIV_NORM_INVALID},
    {"truncated sequence", "\xC3", ARKIV_NORM_INVALID},
};

START_TEST(test_normalise_errors)
{
    const norm_error_case_t *c = &NORM_ERROR_CASES[_i];
    char *out = (char *)"sentinel";

    ck_assert_msg(arkiv_normalise_page(c->in, &out) == c->status, "%s", c->name);
    ck_assert_ptr_null(out);
}
END_TEST

START_TEST(test_normalise_long_line)
{
    GString *in = g_string_new(NULL);
    char *out = NULL;

    while (in->len < ONE_MB)
        g_string_append(in, "Trøndelag\u00A0");
    ck_assert_int_eq(arkiv_normalise_page(in->str, &out), ARKIV_NORM_OK);
    ck_assert_ptr_null(strchr(out, '\n'));
    ck_assert_uint_eq(g_utf8_strlen(out, -1), g_utf8_strlen(in->str, -1) - 1); /* trailing nbsp */
    g_free(out);
    g_string_free(in, TRUE);
}
END_TEST

/* Many chained joins onto one line must stay linear. */
START_TEST(test_normalise_long_chain)
{
    GString *in = g_string_new(NULL);
    char *out = NULL;
    const guint n = 200000;

    for (guint i = 0; i < n; i++)
        g_string_append(in, "ab-\n");
    g_string_append(in, "c");
    ck_assert_int_eq(arkiv_normalise_page(in->str, &out), ARKIV_NORM_OK);
    ck_assert_uint_eq(strlen(out), 2 * n + 1);
    ck_assert_ptr_null(strchr(out, '-'));
    g_free(out);
    g_string_free(in, TRUE);
}
END_TEST

/* ------------------------------------------------------------------------
 * normalise pages (running headers / footers)
 * ---------------------------------------------------------------------- */

#define MAX_PAGES 6
#define FAGRAD                                                                                     \
    "Fagråd for legesamarbeid mellom kommunene og Helse "                                         \
    "Nord-Trøndelag"

typedef struct {
    const char *name;
    gsize n_pages;
    const char *pages[MAX_PAGES];
    const char *want[MAX_PAGES];
    const char *headers;
} pages_case_t;

static const pages_case_t PAGES_CASES[] = {
    {"header with page number and Side x av y footer",
     3,
     {"\n \n" FAGRAD " Side - 1 - \n\nReferat fra møte\nTekst en.\n\n"
      "Side 1 av 3\n",
      FAGRAD " Side - 2 -\nSak 2/25 redeg-\njorde\nSide 2 av 3",
      FAGRAD " Side - 3 -\n\nTekst tre.\n \nSide 3 av 3\n\n"},
     {"Referat fra møte\nTekst en.", "Sak 2/25 redegjorde", "Tekst tre."},
     FAGRAD " Side - 1 -\nSide 1 av 3"},
    {"bare page numbers only at the very top/bottom",
     3,
     {"Alfa\n2\nmer\n- 1 -", "Beta\nmindre\n2", "3\nGamma\n2 / 12"},
     {"Alfa\n2\nmer", "Beta\nmindre", "Gamma"},
     "- 1 -\n2\n2 / 12"},
    {"lone numbers beyond the page count are kept",
     2,
     {"Alfa\n2022", "0\nBeta\n3"},
     {"Alfa\n2022", "0\nBeta\n3"},
     ""},
    {"page number lines in zone",
     2,
     {"side 2\nA\nB\nC\nD\nE\nF\nG", "A2\nB2\nPage 4 of 9"},
     {"A\nB\nC\nD\nE\nF\nG", "A2\nB2"},
     "side 2\nPage 4 of 9"},
    {"header on 1 of 3 pages kept",
     3,
     {"Kun her\nAlfa", "Beta", "Gamma"},
     {"Kun her\nAlfa", "Beta", "Gamma"},
     ""},
    {"header on 2 of 3 pages removed",
     3,
     {"Møtebok\nAlfa", "Annet\nMøtebok\nBeta", "Gamma"},
     {"Alfa", "Annet\nBeta", "Gamma"},
     "Møtebok"},
    {"3 of 5 pages is 60 % and removed",
     5,
     {"Alfa\nBunn", "Beta\nBunn", "Gamma\nBunn", "Delta", "Eps"},
     {"Alfa", "Beta", "Gamma", "Delta", "Eps"},
     "Bunn"},
    {"2 of 4 pages is 50 % and kept",
     4,
     {"Alfa\nBunn", "Beta\nBunn", "Gamma", "Delta"},
     {"Alfa\nBunn", "Beta\nBunn", "Gamma", "Delta"},
     ""},
    {"header outside the zone is kept",
     2,
     {"Hode\nen\nto\ntre\nHode\nfire\nfem\nseks", "Hode\nx"},
     {"en\nto\ntre\nHode\nfire\nfem\nseks", "x"},
     "Hode"},
    {"header compared with digits and spaces folded",
     2,
     {"Referat  12.03.2024\nAlfa", "Referat 9.4.2025 \nBeta"},
     {"Alfa", "Beta"},
     "Referat  12.03.2024"},
    {"single page: no running header, page number removed",
     1,
     {"Side 1 av 1\nTekst\nTekst"},
     {"Tekst\nTekst"},
     "Side 1 av 1"},
    {"single page keeps repeated lines", 1, {"Hode\nTekst\nHode"}, {"Hode\nTekst\nHode"}, ""},
    {"pages are normalised too", 2, {"\uF0B7 a\u00A0 \n\n\nb", "\uFB01n"}, {"• a\n\nb", "fin"}, ""},
    {"no pages", 0, {NULL}, {NULL}, ""},
};

START_TEST(test_pages_table)
{
    const pages_case_t *c = &PAGES_CASES[_i];
    char **out = NULL;
    char *headers = NULL;

    ck_assert_msg(arkiv_normalise_pages(c->pages, c->n_pages, &out, &headers) == ARKIV_NORM_OK,
                  "%s: status", c->name);
    ck_assert_uint_eq(g_strv_length(out), c->n_pages);
    for (gsize i = 0; i < c->n_pages; i++)
        assert_str(c->name, out[i], c->want[i]);
    assert_str(c->name, headers, c->headers);
    g_strfreev(out);
    g_free(headers);
}
END_TEST

START_TEST(test_pages_errors)
{
    const char *bad[] = {"ok", "a\xFF"};
    const char *with_null[] = {"ok", NULL};
    char **out = NULL;
    char *headers = NULL;

    ck_assert_int_eq(arkiv_normalise_pages(bad, 2, &out, &headers), ARKIV_NORM_INVALID);
    ck_assert_ptr_null(out);
    ck_assert_ptr_null(headers);
    ck_assert_int_eq(arkiv_normalise_pages(with_null, 2, &out, &headers), ARKIV_NORM_INVALID);
    ck_assert_int_eq(arkiv_normalise_pages(NULL, 1, &out, &headers), ARKIV_NORM_INVALID);
}
END_TEST

/* ------------------------------------------------------------------------
 * fold
 * ---------------------------------------------------------------------- */

typedef struct {
    const char *in;
    const char *folded;
    gboolean changes;
    const char *variants[4]; /* exact, in order, NULL-terminated */
} fold_case_t;

static const fold_case_t FOLD_CASES[] = {
    {"Sjømæling", "sjomaeling", TRUE, {"sjomaeling", "sjoemaeling", "sjomeling", NULL}},
    {"Bjørn", "bjorn", TRUE, {"bjorn", "bjoern", NULL}},
    {"BJØRN", "bjorn", TRUE, {"bjorn", "bjoern", NULL}},
    {"Ærlig", "aerlig", TRUE, {"aerlig", "erlig", NULL}},
    {"Åsen", "asen", TRUE, {"asen", "aasen", NULL}},
    {"a\u030Asen", "asen", TRUE, {"asen", "aasen", NULL}},
    {"Værnes", "vaernes", TRUE, {"vaernes", "vernes", NULL}},
    {"Moshövel", "moshovel", TRUE, {"moshovel", NULL}},
    {"Ärlig Müller", "arlig muller", TRUE, {"arlig muller", NULL}},
    {"éèê ÉÈÊ", "eee eee", TRUE, {"eee eee", NULL}},
    {"áà óòô í ú", "aa ooo i u", TRUE, {"aa ooo i u", NULL}},
    {"Peña Françoise", "pena francoise", TRUE, {"pena francoise", NULL}},
    {"Helse", "helse", FALSE, {"helse", NULL}},
    {"", "", FALSE, {"", NULL}},
    {"Ørland 2024", "orland 2024", TRUE, {"orland 2024", "oerland 2024", NULL}},
};

START_TEST(test_fold_table)
{
    const fold_case_t *c = &FOLD_CASES[_i];
    char *folded = arkiv_fold(c->in);
    char **variants = arkiv_fold_variants(c->in);
    guint n = 0;

    assert_str(c->in, folded, c->folded);
    ck_assert_msg(arkiv_fold_changes(c->in) == c->changes, "%s: changes", c->in);
    ck_assert_ptr_nonnull(variants);
    for (; c->variants[n] != NULL; n++)
        assert_str(c->in, variants[n], c->variants[n]);
    ck_assert_msg(g_strv_length(variants) == n, "%s: %u variants want %u", c->in,
                  g_strv_length(variants), n);
    g_free(folded);
    g_strfreev(variants);
}
END_TEST

static const char *const FOLD_INVALID[] = {NULL, "a\xFF"};

START_TEST(test_fold_invalid)
{
    ck_assert_ptr_null(arkiv_fold(FOLD_INVALID[_i]));
    ck_assert_ptr_null(arkiv_fold_variants(FOLD_INVALID[_i]));
    ck_assert(!arkiv_fold_changes(FOLD_INVALID[_i]));
}
END_TEST

/* ------------------------------------------------------------------------ */

static Suite *normalise_suite(void)
{
    Suite *s = suite_create("normalise");
    TCase *dec = tcase_create("decode");
    TCase *norm = tcase_create("normalise");
    TCase *pages = tcase_create("pages");
    TCase *fold = tcase_create("fold");

    tcase_add_loop_test(dec, test_decode_table, 0, (int)G_N_ELEMENTS(DECODE_CASES));
    tcase_add_test(dec, test_decode_long_line_utf8);
    tcase_add_test(dec, test_decode_long_line_cp1252);
    tcase_add_loop_test(norm, test_normalise_table, 0, (int)G_N_ELEMENTS(NORM_CASES));
    tcase_add_loop_test(norm, test_normalise_errors, 0, (int)G_N_ELEMENTS(NORM_ERROR_CASES));
    tcase_add_test(norm, test_normalise_long_line);
    tcase_add_test(norm, test_normalise_long_chain);
    tcase_add_loop_test(pages, test_pages_table, 0, (int)G_N_ELEMENTS(PAGES_CASES));
    tcase_add_test(pages, test_pages_errors);
    tcase_add_loop_test(fold, test_fold_table, 0, (int)G_N_ELEMENTS(FOLD_CASES));
    tcase_add_loop_test(fold, test_fold_invalid, 0, (int)G_N_ELEMENTS(FOLD_INVALID));
    tcase_set_timeout(dec, 30);
    tcase_set_timeout(norm, 30);
    suite_add_tcase(s, dec);
    suite_add_tcase(s, norm);
    suite_add_tcase(s, pages);
    suite_add_tcase(s, fold);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(normalise_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
