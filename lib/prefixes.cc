/* prefixes.cc — the single prefix table. Indexing (document.cc) and query
 * parsing (query.cc) both read it, so a field can never be indexed under
 * one prefix and searched under another. Omega's conventions where they
 * exist (S title, P path, T mime type, Q id); X-prefixed for ours. */
#include "arkiv-private.h"

static const arkiv_field_def fields[] = {
    {ARKIV_FIELD_BODY, "", "", ARKIV_FREE_TEXT, false, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_TITLE, "title", "S", ARKIV_FREE_TEXT, false, true, ARKIV_NO_SLOT},
    {ARKIV_FIELD_PATH, "path", "P", ARKIV_BOOLEAN, false, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_MIME, "mime", "T", ARKIV_BOOLEAN, true, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_KIND, "kind", "XK", ARKIV_BOOLEAN, true, false, ARKIV_SLOT_KIND},
    {ARKIV_FIELD_COUNCIL, "council", "XC", ARKIV_BOOLEAN, true, false, ARKIV_SLOT_COUNCIL},
    {ARKIV_FIELD_YEAR, "year", "XY", ARKIV_BOOLEAN, true, false, ARKIV_SLOT_YEAR},
    {ARKIV_FIELD_ENCODING, "encoding", "XE", ARKIV_BOOLEAN, true, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_PERSON, "person", "XN", ARKIV_BOOLEAN, true, false, ARKIV_SLOT_PERSON},
    {ARKIV_FIELD_PRESENT, "present", "XNP", ARKIV_BOOLEAN, true, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_ABSENT, "absent", "XNA", ARKIV_BOOLEAN, true, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_ROLE, "role", "XR", ARKIV_BOOLEAN, true, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_CASE, "case", "XS", ARKIV_BOOLEAN, true, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_REF, "ref", "XF", ARKIV_BOOLEAN, true, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_PROJECT, "project", "XJ", ARKIV_BOOLEAN, true, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_ORG, "org", "XO", ARKIV_BOOLEAN, true, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_PLACE, "place", "XL", ARKIV_BOOLEAN, true, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_DECISION, "decision", "XD", ARKIV_FREE_TEXT, false, false, ARKIV_NO_SLOT},
    {ARKIV_FIELD_LEVEL, "level", "XV", ARKIV_BOOLEAN, true, false, ARKIV_NO_SLOT},
};

const arkiv_field_def *arkiv_field_table(size_t *n_out)
{
    *n_out = sizeof fields / sizeof fields[0];
    return fields;
}

const arkiv_field_def *arkiv_field_lookup(arkiv_field_t field)
{
    for (const arkiv_field_def &f : fields)
        if (f.field == field)
            return &f;
    return nullptr;
}

static const char *const facet_names[] = {"council", "year", "kind", "person", nullptr};

extern "C" const char *const *arkiv_facet_names(void)
{
    return facet_names;
}
