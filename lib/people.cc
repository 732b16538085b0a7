/* people.cc — the written forms of each person across the archive, kept
 * in user metadata "person:KEY" as lines, the canonical (fullest) form
 * first. Metadata rather than documents: a person is not a search hit,
 * and the forms must survive re-indexing of any one document. Forms are
 * gathered in memory and written at commit, like the documents; each form
 * also gets "personform:FORM" = key, so a query can go back from any
 * written form to the key. */
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "arkiv-private.h"

static std::string person_key(const char *key)
{
    return std::string("person:") + key;
}

/* "personform:" + folded written form -> identity key, so a query can
 * name a person any way a document did. */
static std::string form_key(const std::string &name)
{
    return arkiv_fit_term("personform:" + arkiv_fold(name));
}

static std::vector<std::string> split_lines(const std::string &s)
{
    std::vector<std::string> v;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            v.push_back(line);
    return v;
}

/* Words that are not initials ("W." and "W" do not count). */
static int full_words(const std::string &name)
{
    std::istringstream in(name);
    int n = 0;
    for (std::string w; in >> w;)
        n += w.size() > 2 || (w.size() == 2 && w[1] != '.');
    return n;
}

static bool fuller(const std::string &a, const std::string &b)
{
    int fa = full_words(a), fb = full_words(b);
    if (fa != fb)
        return fa > fb;
    if (a.size() != b.size())
        return a.size() > b.size();
    return a < b;
}

extern "C" arkiv_status_t arkiv_db_add_person_name(arkiv_db_t *db, const char *key,
                                                   const char *name)
{
    if (!db || !db->wdb || !key || !*key || !name || !*name || strchr(name, '\n'))
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        db->people_pending[key].insert(name);
        return ARKIV_STATUS_OK;
    })
}

static void write_forms(Xapian::WritableDatabase &wdb, const std::string &key,
                        const std::set<std::string> &names)
{
    for (const std::string &name : names) {
        std::string mkey = form_key(name);
        if (wdb.get_metadata(mkey) != key)
            wdb.set_metadata(mkey, key);
    }
}

void arkiv_flush_people(arkiv_db_t *db)
{
    for (const auto &entry : db->people_pending) {
        write_forms(*db->wdb, entry.first, entry.second);
        std::string mkey = arkiv_fit_term(person_key(entry.first.c_str()));
        std::vector<std::string> v = split_lines(db->wdb->get_metadata(mkey));
        size_t before = v.size();
        for (const std::string &name : entry.second)
            if (std::find(v.begin(), v.end(), name) == v.end())
                v.push_back(name);
        if (v.size() == before)
            continue;
        std::sort(v.begin(), v.end(), fuller);
        std::string joined;
        for (const std::string &s : v)
            joined += s + "\n";
        db->wdb->set_metadata(mkey, joined);
    }
    db->people_pending.clear();
}

static char *dup(const std::string &s)
{
    char *p = static_cast<char *>(malloc(s.size() + 1));
    if (p)
        memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

extern "C" arkiv_status_t arkiv_db_person_names(arkiv_db_t *db, const char *key,
                                                char **canonical_out, char ***variants_out)
{
    if (canonical_out)
        *canonical_out = nullptr;
    if (variants_out)
        *variants_out = nullptr;
    if (!db || !key || !*key)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_DB_GUARD(db, {
        std::vector<std::string> v = split_lines(db->get_metadata(arkiv_fit_term(person_key(key))));
        if (v.empty())
            return ARKIV_STATUS_NOT_FOUND;
        char *canon = canonical_out ? dup(v[0]) : nullptr;
        char **vars = nullptr;
        if (variants_out) {
            vars = static_cast<char **>(calloc(v.size() + 1, sizeof *vars));
            for (size_t i = 0; vars && i < v.size(); i++)
                if (!(vars[i] = dup(v[i]))) {
                    arkiv_strv_free(vars);
                    vars = nullptr;
                }
        }
        if ((canonical_out && !canon) || (variants_out && !vars)) {
            free(canon);
            arkiv_strv_free(vars);
            return ARKIV_STATUS_NO_MEMORY;
        }
        if (canonical_out)
            *canonical_out = canon;
        if (variants_out)
            *variants_out = vars;
        return ARKIV_STATUS_OK;
    })
}

bool arkiv_person_key(arkiv_db_t *db, const std::string &name, std::string &key)
{
    if (arkiv_collapse_space(name).empty())
        return false;
    key = db->get_metadata(form_key(name));
    return !key.empty();
}

std::string arkiv_person_label(arkiv_db_t *db, const std::string &key)
{
    std::vector<std::string> v =
        split_lines(db->get_metadata(arkiv_fit_term(person_key(key.c_str()))));
    return v.empty() ? key : v[0];
}

extern "C" arkiv_status_t arkiv_db_resolve_person(arkiv_db_t *db, const char *name, char **key_out)
{
    if (key_out)
        *key_out = nullptr;
    if (!db || !name || !key_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_DB_GUARD(db, {
        std::string key;
        if (!arkiv_person_key(db, name, key)) {
            db->error = std::string("no person written as ") + name;
            return ARKIV_STATUS_NOT_FOUND;
        }
        *key_out = dup(key);
        return *key_out ? ARKIV_STATUS_OK : ARKIV_STATUS_NO_MEMORY;
    })
}

extern "C" void arkiv_strv_free(char **v)
{
    if (!v)
        return;
    for (char **p = v; *p; p++)
        free(*p);
    free(v);
}
