/* dbcall.h — calling the index while an indexer may be committing. */
#ifndef ARKIV_WEB_DBCALL_H
#define ARKIV_WEB_DBCALL_H

#include "arkiv.h"

typedef arkiv_status_t (*web_db_fn)(arkiv_db_t *db, void *data);

/* Run fn(db, data). When the index changed under the reader
 * (ARKIV_STATUS_MODIFIED), reopen and run it again, a few times: a commit
 * racing a request is never an error for the user. fn must leave its
 * outputs clean when it fails, since it may run again. */
arkiv_status_t web_db_call(arkiv_db_t *db, web_db_fn fn, void *data);

#endif
