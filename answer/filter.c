/* filter.c — the --council and --year of people and cases. */
#include "filter.h"

#include <stdlib.h>

#include "answer_util.h"

char *ans_filter_query(const arkiv_answer_filter_t *f, const char *level)
{
    GString *q = g_string_new("level:");
    g_string_append(q, level);
    if (f && f->council && *f->council) {
        char *quoted = ans_quote(f->council);
        g_string_append_printf(q, " council:%s", quoted);
        g_free(quoted);
    }
    if (f && f->year > 0)
        g_string_append_printf(q, " year:%d", f->year);
    return g_string_free(q, FALSE);
}

void ans_filter_members(arkiv_db_t *db, JsonObject *o, const arkiv_answer_filter_t *f)
{
    const char *council = f && f->council && *f->council ? f->council : NULL;
    char *canonical = NULL;
    if (council && arkiv_db_council_canonical(db, council, &canonical) == ARKIV_STATUS_OK)
        council = canonical;
    arkiv_json_set_str(o, "council", council);
    if (f && f->year > 0)
        json_object_set_int_member(o, "year", f->year);
    else
        json_object_set_null_member(o, "year");
    free(canonical);
}
