/* foldsyn.h — make queries without Norwegian letters find words with them. */
#ifndef ARKIV_FOLDSYN_H
#define ARKIV_FOLDSYN_H

#include <glib.h>

#include "arkiv.h"

/* For every distinct word of `doc`'s text (arkiv_doc_foreach_word: the
 * words as indexed, not split again here) that folding changes (fold.h),
 * register each folded variant as a synonym of the word, so "Sjomeling"
 * and "Sjomaeling" find "Sjømæling" while "Sjømæling" itself matches only
 * exact spellings. FALSE with *error on a database error. */
gboolean arkiv_foldsyn_add(arkiv_db_t *db, arkiv_doc_t *doc, GError **error);

#endif
