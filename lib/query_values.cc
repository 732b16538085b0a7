/* query_values.cc — a boolean field value as the user types it, turned
 * into the value the indexer wrote: "council:ASU" into the canonical
 * council name, "person:Elisabeth Kvam Tronstad" into the identity key,
 * "case:ASU 9/2024" into "administrativt samarbeidsutvalg 09/24". A value
 * that names nothing known is used as typed, so a key or a canonical name
 * typed in full always works. */
#include "arkiv-private.h"

#include "query-private.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>

static std::string council_value(arkiv_db_t *db, const std::string &value)
{
    std::string canonical;
    return arkiv_council_lookup(db, value, canonical) ? canonical : value;
}

static std::string person_value(arkiv_db_t *db, const std::string &value)
{
    std::string key;
    return arkiv_person_key(db, value, key) ? key : value;
}

/* "chair" stays; "chair:Elisabeth Kvam Tronstad" names the person as the
 * indexer does, by identity key. */
static std::string role_value(arkiv_db_t *db, const std::string &value)
{
    size_t colon = value.find(':');
    if (colon == std::string::npos || colon + 1 == value.size())
        return value;
    std::string name = arkiv_collapse_space(value.substr(colon + 1));
    return value.substr(0, colon + 1) + person_value(db, name);
}

static size_t digits_back(const std::string &s, size_t end)
{
    size_t i = end;
    while (i > 0 && isdigit((unsigned char)s[i - 1]))
        i--;
    return i;
}

/* Splits "ASU 12 / 2024" into "ASU" and "12/24", the spelling of
 * indexer/case_number.c (number zero-padded to two digits, two-digit
 * year). False when the value does not end in a case number. */
static bool split_case(const std::string &v, std::string &council, std::string &number)
{
    size_t slash = v.rfind('/');
    if (slash == std::string::npos)
        return false;
    size_t ystart = slash + 1;
    while (ystart < v.size() && v[ystart] == ' ')
        ystart++;
    size_t ylen = v.size() - ystart;
    if ((ylen != 2 && ylen != 4) || digits_back(v, v.size()) != ystart)
        return false;
    size_t nend = slash;
    while (nend > 0 && v[nend - 1] == ' ')
        nend--;
    size_t nstart = digits_back(v, nend);
    if (nend == nstart || nend - nstart > 3 || (nstart > 0 && v[nstart - 1] != ' '))
        return false;
    char buf[16];
    snprintf(buf, sizeof buf, "%02d/%02d", atoi(v.c_str() + nstart),
             atoi(v.c_str() + ystart) % 100);
    number = buf;
    council = arkiv_collapse_space(v.substr(0, nstart));
    return true;
}

/* The indexer writes a case alone and with each council's canonical
 * name (indexer/docbuild.c), so the council part is mapped like
 * council:. */
static std::string case_value(arkiv_db_t *db, const std::string &value)
{
    std::string council, number;
    if (!split_case(arkiv_collapse_space(value), council, number))
        return value;
    if (council.empty())
        return number;
    return council_value(db, council) + " " + number;
}

std::string arkiv_query_value(arkiv_db_t *db, const arkiv_field_def &def, const std::string &value)
{
    switch (def.field) {
    case ARKIV_FIELD_COUNCIL:
        return council_value(db, value);
    case ARKIV_FIELD_PERSON:
    case ARKIV_FIELD_PRESENT:
    case ARKIV_FIELD_ABSENT:
        return person_value(db, value);
    case ARKIV_FIELD_ROLE:
        return role_value(db, value);
    case ARKIV_FIELD_CASE:
    case ARKIV_FIELD_REF:
        return case_value(db, value);
    default:
        return value;
    }
}
