/* dbcall.c — reopen and retry on ARKIV_STATUS_MODIFIED (see dbcall.h). */
#include "dbcall.h"

/* As many as answer/answer_util.c allows, for the same reason: a
 * request slower than two commits fails about every other try. */
enum { max_attempts = 50 };

arkiv_status_t web_db_call(arkiv_db_t *db, web_db_fn fn, void *data)
{
    arkiv_status_t st = fn(db, data);
    for (int i = 1; i < max_attempts && st == ARKIV_STATUS_MODIFIED; i++) {
        if (arkiv_db_reopen(db) != ARKIV_STATUS_OK)
            break;
        st = fn(db, data);
    }
    return st;
}
