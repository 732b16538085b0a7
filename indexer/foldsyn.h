/* foldsyn.h — make queries without Norwegian letters find words with them. */
#ifndef ARKIV_FOLDSYN_H
#define ARKIV_FOLDSYN_H

#include <glib.h>

#include "arkiv.h"

/* For every distinct word in `pages` (NULL-terminated) that folding
 * changes (fold.h), register each folded variant as a synonym of the word,
 * so "Sjomeling" and "Sjomaeling" find "Sjømæling" while "Sjømæling" itself
 * matches only exact spellings. FALSE with *error on a database error. */
gboolean arkiv_foldsyn_add(arkiv_db_t *db, char *const *pages, GError **error);

#endif
