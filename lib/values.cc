/* values.cc — reading back what the index holds: a document's stored data
 * by id, and the values of a boolean field across the archive. */
#include "arkiv-private.h"

#include <cstdlib>
#include <cstring>
#include <memory>

struct arkiv_values {
    std::vector<std::pair<std::string, unsigned>> rows;
};

extern "C" arkiv_status_t arkiv_db_get_data(arkiv_db_t *db, const char *id, char **data_out)
{
    if (data_out)
        *data_out = nullptr;
    if (!db || !id || !*id || !data_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_DB_GUARD(db, {
        Xapian::Database &xdb = db->db();
        std::string idterm = arkiv_id_term(id);
        Xapian::PostingIterator p = xdb.postlist_begin(idterm);
        if (p == xdb.postlist_end(idterm)) {
            db->error = std::string("no document with id ") + id;
            return ARKIV_STATUS_NOT_FOUND;
        }
        std::string data = xdb.get_document(*p).get_data();
        *data_out = strdup(data.c_str());
        return *data_out ? ARKIV_STATUS_OK : ARKIV_STATUS_NO_MEMORY;
    })
}

/* Prefixes are not prefix-free: "XN" (person) begins "XNP" (present) and
 * "XNA" (absent), and "XP" (parent link) begins with X like every field of
 * ours. A term belongs to `def` unless a longer known prefix that extends
 * def's also begins the term. */
static bool owned_by(const arkiv_field_def &def, const std::string &term)
{
    static const char *const others[] = {ARKIV_PREFIX_ID, ARKIV_PREFIX_PARENT};
    size_t n, plen = strlen(def.prefix);
    const arkiv_field_def *fields = arkiv_field_table(&n);
    auto steals = [&](const char *prefix) {
        size_t len = strlen(prefix);
        return len > plen && term.compare(0, len, prefix) == 0;
    };
    for (size_t i = 0; i < n; i++)
        if (steals(fields[i].prefix))
            return false;
    for (const char *prefix : others)
        if (steals(prefix))
            return false;
    return true;
}

static void collect_values(Xapian::Database &xdb, const arkiv_field_def &def,
                           const std::string &starts_with, arkiv_values &out)
{
    std::string from = def.prefix + arkiv_normalise_value(def, starts_with);
    size_t plen = strlen(def.prefix);
    for (Xapian::TermIterator t = xdb.allterms_begin(from); t != xdb.allterms_end(from); ++t) {
        std::string term = *t;
        if (owned_by(def, term))
            out.rows.emplace_back(term.substr(plen), t.get_termfreq());
    }
}

extern "C" arkiv_status_t arkiv_db_field_values(arkiv_db_t *db, arkiv_field_t field,
                                                const char *starts_with,
                                                arkiv_values_t **values_out)
{
    if (values_out)
        *values_out = nullptr;
    const arkiv_field_def *def = arkiv_field_lookup(field);
    if (!db || !values_out || !def || def->type != ARKIV_BOOLEAN)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_DB_GUARD(db, {
        std::unique_ptr<arkiv_values> values(new arkiv_values);
        collect_values(db->db(), *def, starts_with ? starts_with : "", *values);
        *values_out = values.release();
        return ARKIV_STATUS_OK;
    })
}

extern "C" size_t arkiv_values_count(const arkiv_values_t *values)
{
    return values ? values->rows.size() : 0;
}

extern "C" arkiv_status_t arkiv_values_get(const arkiv_values_t *values, size_t i,
                                           const char **value, unsigned *count)
{
    if (!values || !value || !count || i >= values->rows.size())
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *value = values->rows[i].first.c_str();
    *count = values->rows[i].second;
    return ARKIV_STATUS_OK;
}

extern "C" void arkiv_values_free(arkiv_values_t *values)
{
    delete values;
}
