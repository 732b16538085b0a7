/* fuzz_decode.c — libFuzzer target: raw bytes in any encoding to clean
 * UTF-8 (decode.h), then page and document normalisation (normalise.h)
 * and folding (fold.h), as an indexed text file goes through them.
 *
 * Checks what the headers promise: decoding never fails on any bytes,
 * its output and every normalised page are valid UTF-8, and
 * normalisation is stable (normalising twice changes nothing more). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "fuzz_common.h"
#include "fold.h"
#include "normalise.h"

/* Cap on input size: the code under test is linear, and a long input
 * only slows the fuzzer down. */
#define FUZZ_MAX_INPUT (64 * 1024)

static void fold_words(const char *text)
{
    char **words = g_strsplit_set(text, " \n", 64);
    for (char **w = words; *w; w++) {
        char *f = arkiv_fold(*w);
        char **v = arkiv_fold_variants(*w);
        fuzz_must(f && v && g_utf8_validate(f, -1, NULL), "fold failed on valid UTF-8");
        g_free(f);
        g_strfreev(v);
    }
    g_strfreev(words);
}

/* Page text normalised again must come out unchanged. */
static void check_page(const char *text)
{
    char *once = NULL, *twice = NULL;
    fuzz_must(arkiv_normalise_page(text, &once) == ARKIV_NORM_OK, "normalise_page failed");
    fuzz_must(g_utf8_validate(once, -1, NULL), "normalise_page gave invalid UTF-8");
    fuzz_must(arkiv_normalise_page(once, &twice) == ARKIV_NORM_OK, "second normalise_page failed");
    fuzz_must(strcmp(once, twice) == 0, "normalise_page is not idempotent");
    fold_words(once);
    g_free(once);
    g_free(twice);
}

/* Form feeds split pages, as in text extracted from a PDF. */
static void check_pages(const char *text)
{
    char **pages = g_strsplit(text, "\f", 32);
    char **out = NULL, *headers = NULL;
    guint n = g_strv_length(pages);
    fuzz_must(arkiv_normalise_pages((const char *const *)pages, n, &out, &headers) == ARKIV_NORM_OK,
              "normalise_pages failed");
    fuzz_must(g_strv_length(out) == n, "normalise_pages lost pages");
    for (guint i = 0; i < n; i++)
        fuzz_must(g_utf8_validate(out[i], -1, NULL), "normalise_pages gave invalid UTF-8");
    fuzz_must(g_utf8_validate(headers, -1, NULL), "headers not UTF-8");
    g_strfreev(out);
    g_free(headers);
    g_strfreev(pages);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    char *text = NULL;
    const char *enc = NULL;
    arkiv_decode_status_t st = arkiv_decode_text((const char *)data, size, &text, &enc);
    fuzz_must(st != ARKIV_DECODE_ERROR, "decoding failed");
    fuzz_must(text && enc && g_utf8_validate(text, -1, NULL), "decoded text is not UTF-8");
    fuzz_must(!strchr(text, '\r'), "a CR survived decoding");
    /* normalise.h refuses invalid UTF-8 rather than crash on it. */
    char *bad = NULL;
    if (!g_utf8_validate((const char *)data, (gssize)size, NULL)) {
        char *raw = g_strndup((const char *)data, size);
        if (!g_utf8_validate(raw, -1, NULL))
            fuzz_must(arkiv_normalise_page(raw, &bad) == ARKIV_NORM_INVALID && !bad,
                      "invalid UTF-8 accepted");
        g_free(raw);
    }
    check_page(text);
    check_pages(text);
    g_free(text);
    return 0;
}
