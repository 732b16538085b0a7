/* fuzz_common.h — what the libFuzzer harnesses share. */
#ifndef ARKIV_FUZZ_COMMON_H
#define ARKIV_FUZZ_COMMON_H

#include <glib.h>

#include "tagger.h"

/* A property of the code under test failed: says which on stderr and
 * aborts, so libFuzzer saves the input as a crash. */
void fuzz_must(gboolean cond, const char *what);

/* The knowledge of $ARKIV_DATA (else data/ of the source tree, where the
 * Makefile runs the harnesses) and a tagger over it, for the whole run;
 * exits when they cannot be loaded. Never freed: the process ends. */
void fuzz_load_tagger(arkiv_knowledge_t **knowledge, arkiv_tagger_t **tagger);

#endif
