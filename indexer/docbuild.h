/* docbuild.h — turn an extracted file into an index document. */
#ifndef ARKIV_DOCBUILD_H
#define ARKIV_DOCBUILD_H

#include <glib.h>

#include "arkiv.h"
#include "extract.h"
#include "tagger.h"

/* Normalise the pages of `ex`, tag them with `tagger` (NULL: no entities
 * beyond the date fallback) and write one document for the file described
 * by `info` (info->failure must be NULL) into `db`. FALSE with *error on a
 * database error. */
gboolean arkiv_docbuild_write(arkiv_db_t *db, const arkiv_file_info_t *info,
                              const arkiv_extract_result_t *ex, const arkiv_tagger_t *tagger,
                              GError **error);

#endif
