/* decode.h - turn the raw bytes of a text file into clean UTF-8.
 *
 * Encoding detection, in order:
 *   1. EF BB BF            -> UTF-8 with BOM (BOM stripped)   "UTF-8 (BOM)"
 *   2. FF FE               -> UTF-16LE (BOM stripped)          "UTF-16LE"
 *   3. FE FF               -> UTF-16BE (BOM stripped)          "UTF-16BE"
 *   4. valid UTF-8         -> taken as is                      "UTF-8"
 *   5. anything else       -> Windows-1252                     "WINDOWS-1252"
 * A UTF-8 BOM followed by invalid UTF-8 falls through to Windows-1252.
 *
 * Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; those bytes
 * are decoded as ISO-8859-1 (U+0081 ...) so that decoding never fails on
 * arbitrary bytes.  Unpaired UTF-16 surrogates become U+FFFD and a dangling
 * odd byte at the end of UTF-16 input is dropped, for the same reason.
 *
 * After decoding, NUL characters are removed and CRLF / lone CR become LF.
 * Everything is linear in the input size; line length is unlimited.
 */
#ifndef ARKIV_DECODE_H
#define ARKIV_DECODE_H

#include <glib.h>

typedef enum {
    ARKIV_DECODE_OK = 0, /* *utf8_out holds text with visible content */
    ARKIV_DECODE_EMPTY,  /* decoded fine, but only whitespace (or nothing) */
    ARKIV_DECODE_ERROR   /* conversion failed; practically unreachable */
} arkiv_decode_status_t;

/* Decode len bytes (bytes may be NULL when len is 0).
 *
 * On OK and EMPTY, *utf8_out is a newly allocated NUL-terminated valid UTF-8
 * string (possibly "") that the caller frees with g_free, and *encoding_out
 * points to one of the static strings listed above (never freed).
 * On ERROR, *utf8_out is NULL and *encoding_out names the encoding that was
 * attempted.  utf8_out and encoding_out must not be NULL. */
arkiv_decode_status_t arkiv_decode_text(const char *bytes, gsize len, char **utf8_out,
                                        const char **encoding_out);

#endif /* ARKIV_DECODE_H */
