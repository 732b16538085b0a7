/* fuzz_common.c — what the libFuzzer harnesses share (fuzz_common.h). */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>

void fuzz_must(gboolean cond, const char *what)
{
    if (!cond) {
        fprintf(stderr, "%s: %s\n", g_get_prgname() ? g_get_prgname() : "fuzz", what);
        abort();
    }
}

void fuzz_load_tagger(arkiv_knowledge_t **knowledge, arkiv_tagger_t **tagger)
{
    GError *err = NULL;
    const char *dir = getenv("ARKIV_DATA") ? getenv("ARKIV_DATA") : "data";
    if (!arkiv_knowledge_load(dir, knowledge, &err) ||
        !arkiv_tagger_new(*knowledge, tagger, &err)) {
        fprintf(stderr, "fuzz: %s: %s\n", dir, err ? err->message : "no knowledge");
        exit(1);
    }
}
