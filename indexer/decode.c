/* decode.c - bytes -> UTF-8; see decode.h for the detection rules. */
#include "decode.h"

#include <string.h>

static const char ENC_UTF8[] = "UTF-8";
static const char ENC_UTF8_BOM[] = "UTF-8 (BOM)";
static const char ENC_UTF16LE[] = "UTF-16LE";
static const char ENC_UTF16BE[] = "UTF-16BE";
static const char ENC_CP1252[] = "WINDOWS-1252";

static gboolean has_prefix(const char *bytes, gsize len, const char *prefix, gsize prefix_len)
{
    return len >= prefix_len && memcmp(bytes, prefix, prefix_len) == 0;
}

/* Copy without NUL bytes.  Only valid for byte encodings where 0x00 is
 * always U+0000 (UTF-8, Windows-1252), never for UTF-16.
 * Caller frees with g_free; *out_len excludes the terminator. */
static char *strip_nul_bytes(const char *bytes, gsize len, gsize *out_len)
{
    char *out = g_malloc(len + 1);
    gsize n = 0;

    for (gsize i = 0; i < len; i++)
        if (bytes[i] != '\0')
            out[n++] = bytes[i];
    out[n] = '\0';
    *out_len = n;
    return out;
}

/* Drop NUL, turn CRLF and lone CR into LF.  Input is UTF-8 (may contain
 * U+0000 coming out of UTF-16); CR, LF and NUL are single bytes in UTF-8 and
 * never occur inside multi-byte sequences, so a byte scan is safe.
 * Caller frees with g_free. */
static char *fix_line_ends(const char *utf8, gsize len)
{
    char *out = g_malloc(len + 1);
    gsize n = 0;

    for (gsize i = 0; i < len; i++) {
        char c = utf8[i];
        if (c == '\0')
            continue;
        if (c == '\r') {
            out[n++] = '\n';
            if (i + 1 < len && utf8[i + 1] == '\n')
                i++;
            continue;
        }
        out[n++] = c;
    }
    out[n] = '\0';
    return out;
}

static gboolean is_blank(const char *utf8)
{
    for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char(p))
        if (!g_unichar_isspace(g_utf8_get_char(p)))
            return FALSE;
    return TRUE;
}

static guint16 read_unit(const guchar *p, gboolean big_endian)
{
    return big_endian ? (guint16)((p[0] << 8) | p[1]) : (guint16)((p[1] << 8) | p[0]);
}

static void write_unit(guchar *p, guint16 unit, gboolean big_endian)
{
    p[big_endian ? 0 : 1] = (guchar)(unit >> 8);
    p[big_endian ? 1 : 0] = (guchar)(unit & 0xFF);
}

/* iconv rejects unpaired surrogates and odd lengths; repair them up front
 * so g_convert cannot fail on damaged files.  Caller frees with g_free. */
static guchar *sanitise_utf16(const guchar *in, gsize len, gboolean big_endian, gsize *out_len)
{
    gsize units = len / 2;
    guchar *out = g_malloc(units * 2 + 1);

    for (gsize i = 0; i < units; i++) {
        guint16 u = read_unit(in + 2 * i, big_endian);
        gboolean high = u >= 0xD800 && u <= 0xDBFF;
        gboolean low = u >= 0xDC00 && u <= 0xDFFF;

        if (high && i + 1 < units) {
            guint16 next = read_unit(in + 2 * i + 2, big_endian);
            if (next >= 0xDC00 && next <= 0xDFFF) {
                write_unit(out + 2 * i, u, big_endian);
                write_unit(out + 2 * i + 2, next, big_endian);
                i++;
                continue;
            }
        }
        write_unit(out + 2 * i, (high || low) ? 0xFFFD : u, big_endian);
    }
    *out_len = units * 2;
    return out;
}

/* Caller frees the result with g_free; NULL on conversion failure. */
static char *utf16_to_utf8(const char *bytes, gsize len, gboolean big_endian, gsize *out_len)
{
    gsize clean_len = 0;
    guchar *clean = sanitise_utf16((const guchar *)bytes, len, big_endian, &clean_len);
    GError *error = NULL;
    char *utf8 = g_convert((const char *)clean, (gssize)clean_len, "UTF-8",
                           big_endian ? "UTF-16BE" : "UTF-16LE", NULL, out_len, &error);

    g_free(clean);
    if (utf8 == NULL)
        g_clear_error(&error);
    return utf8;
}

/* 0x81, 0x8D, 0x8F, 0x90, 0x9D have no cp1252 mapping (iconv rejects them). */
static gboolean cp1252_undefined(guchar b)
{
    return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
}

static gboolean append_cp1252_run(GString *out, GIConv cd, const char *run, gsize len)
{
    gsize written = 0;
    GError *error = NULL;
    char *utf8;

    if (len == 0)
        return TRUE;
    utf8 = g_convert_with_iconv(run, (gssize)len, cd, NULL, &written, &error);
    if (utf8 == NULL) {
        g_clear_error(&error);
        return FALSE;
    }
    g_string_append_len(out, utf8, (gssize)written);
    g_free(utf8);
    return TRUE;
}

/* Convert runs of defined bytes with iconv and pass undefined bytes through
 * as ISO-8859-1 code points, so arbitrary bytes always decode.
 * Caller frees with g_free; NULL on failure. */
static char *cp1252_to_utf8(const char *bytes, gsize len, gsize *out_len)
{
    GIConv cd = g_iconv_open("UTF-8", "WINDOWS-1252");
    GString *out;
    gsize run_start = 0;
    gboolean ok = TRUE;

    if (cd == (GIConv)-1)
        return NULL;
    out = g_string_sized_new(len + len / 8 + 1);
    for (gsize i = 0; i < len && ok; i++) {
        if (!cp1252_undefined((guchar)bytes[i]))
            continue;
        ok = append_cp1252_run(out, cd, bytes + run_start, i - run_start);
        g_string_append_unichar(out, (guchar)bytes[i]);
        run_start = i + 1;
    }
    if (ok)
        ok = append_cp1252_run(out, cd, bytes + run_start, len - run_start);
    g_iconv_close(cd);
    if (!ok) {
        g_string_free(out, TRUE);
        return NULL;
    }
    *out_len = out->len;
    return g_string_free(out, FALSE);
}

/* UTF-8 if it validates, else Windows-1252.  Caller frees with g_free. */
static char *byte_encoding_to_utf8(const char *bytes, gsize len, const char *utf8_name,
                                   const char **encoding_out, gsize *out_len)
{
    gsize clean_len = 0;
    char *clean = strip_nul_bytes(bytes, len, &clean_len);
    char *utf8;

    if (g_utf8_validate(clean, (gssize)clean_len, NULL)) {
        *encoding_out = utf8_name;
        *out_len = clean_len;
        return clean;
    }
    *encoding_out = ENC_CP1252;
    utf8 = cp1252_to_utf8(clean, clean_len, out_len);
    g_free(clean);
    return utf8;
}

/* Caller frees with g_free; NULL on conversion failure. */
static char *decode_raw(const char *bytes, gsize len, const char **encoding_out, gsize *out_len)
{
    if (has_prefix(bytes, len, "\xEF\xBB\xBF", 3))
        return byte_encoding_to_utf8(bytes + 3, len - 3, ENC_UTF8_BOM, encoding_out, out_len);
    if (has_prefix(bytes, len, "\xFF\xFE", 2)) {
        *encoding_out = ENC_UTF16LE;
        return utf16_to_utf8(bytes + 2, len - 2, FALSE, out_len);
    }
    if (has_prefix(bytes, len, "\xFE\xFF", 2)) {
        *encoding_out = ENC_UTF16BE;
        return utf16_to_utf8(bytes + 2, len - 2, TRUE, out_len);
    }
    return byte_encoding_to_utf8(bytes, len, ENC_UTF8, encoding_out, out_len);
}

arkiv_decode_status_t arkiv_decode_text(const char *bytes, gsize len, char **utf8_out,
                                        const char **encoding_out)
{
    gsize raw_len = 0;
    char *raw;

    *utf8_out = NULL;
    *encoding_out = ENC_UTF8;
    if (bytes == NULL && len > 0)
        return ARKIV_DECODE_ERROR;
    if (len == 0) {
        *utf8_out = g_strdup("");
        return ARKIV_DECODE_EMPTY;
    }
    raw = decode_raw(bytes, len, encoding_out, &raw_len);
    if (raw == NULL)
        return ARKIV_DECODE_ERROR;
    *utf8_out = fix_line_ends(raw, raw_len);
    g_free(raw);
    return is_blank(*utf8_out) ? ARKIV_DECODE_EMPTY : ARKIV_DECODE_OK;
}
