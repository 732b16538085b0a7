/* fuzz_tagger.c — libFuzzer target: the minutes tagger (tagger.h) on any
 * text, as the indexer runs it: bytes decoded (decode.h), pages split on
 * form feeds and normalised (normalise.h), then tagged with the real
 * knowledge from data/, loaded once.
 *
 * Checks the invariants of entities.h: every string the tagger returns
 * is valid UTF-8, item numbers are never NULL, item pages lie within the
 * document and item spans are ordered. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "decode.h"
#include "fuzz_common.h"
#include "normalise.h"
#include "tagger.h"

#define FUZZ_MAX_INPUT (64 * 1024)

/* Loaded once for the whole run; read-only afterwards. */
static arkiv_knowledge_t *knowledge;
static arkiv_tagger_t *tagger;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_load_tagger(&knowledge, &tagger);
    return 0;
}

static gboolean utf8_or_null(const char *s)
{
    return !s || g_utf8_validate(s, -1, NULL);
}

static gboolean strings_ok(const GPtrArray *a)
{
    for (guint i = 0; a && i < a->len; i++)
        if (!a->pdata[i] || !g_utf8_validate(a->pdata[i], -1, NULL))
            return FALSE;
    return TRUE;
}

static void check_entities(const arkiv_entities_t *e, guint n_pages)
{
    fuzz_must(e->kind && utf8_or_null(e->kind), "kind");
    fuzz_must(strings_ok(e->councils) && strings_ok(e->projects), "councils/projects");
    fuzz_must(utf8_or_null(e->date) && utf8_or_null(e->place), "date/place");
    for (guint i = 0; i < e->people->len; i++) {
        const arkiv_person_t *p = e->people->pdata[i];
        fuzz_must(p->name && p->key && utf8_or_null(p->name) && utf8_or_null(p->key), "person");
        fuzz_must(utf8_or_null(p->as_written) && utf8_or_null(p->org), "person text");
    }
    for (guint i = 0; i < e->items->len; i++) {
        const arkiv_item_t *it = e->items->pdata[i];
        fuzz_must(it->number && utf8_or_null(it->number), "item number");
        fuzz_must(utf8_or_null(it->title) && utf8_or_null(it->decision), "item text");
        fuzz_must(strings_ok(it->presenters), "presenters");
        fuzz_must(it->start <= it->end, "item span");
        fuzz_must(it->page >= 1 && it->page <= MAX(n_pages, 1), "item page");
    }
    for (guint i = 0; i < e->refs->len; i++) {
        const arkiv_ref_t *r = e->refs->pdata[i];
        fuzz_must(r->number && utf8_or_null(r->number) && utf8_or_null(r->council), "reference");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_INPUT)
        return 0;
    char *text = NULL;
    const char *enc = NULL;
    if (arkiv_decode_text((const char *)data, size, &text, &enc) == ARKIV_DECODE_ERROR)
        return 0;
    char **pages = g_strsplit(text, "\f", 32), **clean = NULL, *headers = NULL;
    guint n = g_strv_length(pages);
    if (arkiv_normalise_pages((const char *const *)pages, n, &clean, &headers) == ARKIV_NORM_OK) {
        arkiv_entities_t *e = arkiv_tagger_run(tagger, (const char *const *)clean, n, headers);
        fuzz_must(e != NULL, "no entities");
        check_entities(e, n);
        arkiv_entities_free(e);
        g_strfreev(clean);
        g_free(headers);
    }
    g_strfreev(pages);
    g_free(text);
    return 0;
}
