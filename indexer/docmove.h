/* docmove.h — the indexer's half of re-filing a moved file: the stored
 * data is the indexer's JSON (docs/schema.md), so rewriting it for the
 * new id and path is the indexer's job; lib/move.cc does the rest. */
#ifndef ARKIV_DOCMOVE_H
#define ARKIV_DOCMOVE_H

#include "arkiv.h"

/* An arkiv_data_rewrite_fn: `data` with "id", "path", "size" and
 * "mtime" set to those of `to`. The result is malloc'ed (the library
 * frees it); NULL if `data` is not a JSON object. `user` is unused. */
char *arkiv_docmove_rewrite(void *user, const char *data, const arkiv_file_info_t *to);

#endif
