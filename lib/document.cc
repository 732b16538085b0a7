/* document.cc — the document builder. */
#include "arkiv-private.h"

#include <algorithm>
#include <cstdio>

struct arkiv_doc {
    arkiv_db_t *db = nullptr;
    std::string id;
    std::string text;   /* body text kept for snippets */
    std::string pages;  /* term position where each body page starts */
    std::string parent; /* meeting id of an item; "" for a meeting */
    Xapian::Document doc;
    Xapian::TermGenerator tg;
};

extern "C" arkiv_status_t arkiv_doc_new(arkiv_db_t *db, const char *id, arkiv_doc_t **doc_out)
{
    if (!db || !db->wdb || !id || !*id || !doc_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *doc_out = nullptr;
    arkiv_doc_t *d = nullptr;
    try {
        d = new arkiv_doc_t;
        d->db = db;
        d->id = id;
        /* The handle's stemmer and stopper: made once per handle, not
         * per document (arkiv-private.h). */
        d->tg.set_stemmer(db->stemmer);
        /* Stemmed terms get positions too, so a hit on "planen" can say
         * which page it is on (search.cc, hit_page). */
        d->tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME_FULL_POS);
        d->tg.set_stopper(db->stopper.get());
        d->tg.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
        /* Spelling data feeds the "Mente du …" suggestions; it goes to
         * the lexicon of a sharded index, like synonyms, so that there is
         * one spelling table whichever shard a word came from. */
        d->tg.set_database(*db->wdb);
        d->tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
        d->tg.set_document(d->doc);
        d->doc.add_boolean_term(arkiv_id_term(id));
        d->doc.add_value(ARKIV_SLOT_ID, id);
    } catch (...) {
        delete d;
        return arkiv_map_exception(db->error);
    }
    *doc_out = d;
    return ARKIV_STATUS_OK;
}

extern "C" void arkiv_doc_free(arkiv_doc_t *doc)
{
    delete doc;
}

extern "C" arkiv_status_t arkiv_doc_add_text(arkiv_doc_t *doc, arkiv_field_t field,
                                             const char *text)
{
    if (!doc || !text)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    const arkiv_field_def *def = arkiv_field_lookup(field);
    if (!def || def->type != ARKIV_FREE_TEXT) {
        doc->db->error = "not a free-text field";
        return ARKIV_STATUS_INVALID_ARGUMENT;
    }
    ARKIV_GUARD(doc->db->error, {
        if (field == ARKIV_FIELD_BODY) {
            if (!doc->text.empty())
                doc->text += '\n';
            doc->text += text;
            if (!doc->pages.empty())
                doc->pages += ',';
            doc->pages += std::to_string(doc->tg.get_termpos() + 1);
            doc->tg.index_text(text);
        } else {
            /* Words of a prefixed field also match unprefixed queries, as
             * in Omega; a gap keeps phrases from spanning fields. */
            doc->tg.index_text(text, 1, def->prefix);
            doc->tg.increase_termpos(100);
            if (def->also_body) {
                doc->tg.index_text(text);
                doc->tg.increase_termpos(100);
            }
        }
        return ARKIV_STATUS_OK;
    })
}

/* A facet slot holds every value given, each once, joined by
 * ARKIV_FACET_SEP (facetspy.cc splits them again). */
static void add_facet_value(Xapian::Document &doc, Xapian::valueno slot, const char *value)
{
    std::string v = arkiv_collapse_space(value);
    std::replace(v.begin(), v.end(), ARKIV_FACET_SEP, ' ');
    if (v.empty())
        return;
    std::string joined = doc.get_value(slot);
    std::vector<std::string> have = arkiv_facet_split(joined);
    if (std::find(have.begin(), have.end(), v) != have.end())
        return;
    if (!joined.empty())
        joined += ARKIV_FACET_SEP;
    doc.add_value(slot, joined + v);
}

extern "C" arkiv_status_t arkiv_doc_add_term(arkiv_doc_t *doc, arkiv_field_t field,
                                             const char *value)
{
    if (!doc || !value)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    const arkiv_field_def *def = arkiv_field_lookup(field);
    if (!def || def->type != ARKIV_BOOLEAN) {
        doc->db->error = "not a boolean field";
        return ARKIV_STATUS_INVALID_ARGUMENT;
    }
    ARKIV_GUARD(doc->db->error, {
        doc->doc.add_boolean_term(arkiv_boolean_term(*def, value));
        if (def->facet_slot != ARKIV_NO_SLOT)
            add_facet_value(doc->doc, def->facet_slot, value);
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_doc_set_date(arkiv_doc_t *doc, int year, int month, int day)
{
    if (!doc || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc->db->error, {
        char ymd[16], y[8];
        snprintf(ymd, sizeof ymd, "%04d%02d%02d", year, month, day);
        snprintf(y, sizeof y, "%04d", year);
        doc->doc.add_value(ARKIV_SLOT_DATE, ymd);
        doc->doc.add_value(ARKIV_SLOT_YEAR, y);
        doc->doc.add_boolean_term(arkiv_boolean_term(*arkiv_field_lookup(ARKIV_FIELD_YEAR), y));
        return ARKIV_STATUS_OK;
    })
}

/* path: matches the file and every folder above it, so "path:/srv/arkiv/asu"
 * filters one folder of an archive. */
static void add_path_terms(Xapian::Document &doc, const std::string &path)
{
    const arkiv_field_def &def = *arkiv_field_lookup(ARKIV_FIELD_PATH);
    doc.add_boolean_term(arkiv_boolean_term(def, path));
    for (size_t slash = path.find('/', 1); slash != std::string::npos;
         slash = path.find('/', slash + 1))
        doc.add_boolean_term(arkiv_boolean_term(def, path.substr(0, slash)));
}

extern "C" arkiv_status_t arkiv_doc_set_file(arkiv_doc_t *doc, const arkiv_file_info_t *info)
{
    if (!doc || !info || !info->path || !*info->path)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc->db->error, {
        doc->doc.add_value(ARKIV_SLOT_PATH, info->path);
        doc->doc.add_value(ARKIV_SLOT_SIZE, std::to_string(info->size));
        doc->doc.add_value(ARKIV_SLOT_MTIME, std::to_string(info->mtime));
        if (info->hash)
            doc->doc.add_value(ARKIV_SLOT_HASH, info->hash);
        if (info->failure)
            doc->doc.add_value(ARKIV_SLOT_FAILURE, info->failure);
        add_path_terms(doc->doc, info->path);
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_doc_set_data(arkiv_doc_t *doc, const char *data)
{
    if (!doc || !data)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc->db->error, {
        doc->doc.set_data(data);
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_doc_set_parent(arkiv_doc_t *doc, const char *parent_id)
{
    if (!doc || !parent_id || !*parent_id || doc->id == parent_id || doc->tg.get_termpos() != 0)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc->db->error, {
        doc->parent = parent_id;
        /* An item's text is part of its meeting's, whose words already
         * went into the spelling data: counting them twice would skew the
         * suggestions and cost the writer time. */
        doc->tg.set_flags(Xapian::TermGenerator::flags(0));
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_doc_set_page(arkiv_doc_t *doc, unsigned page)
{
    if (!doc || page == 0 || !doc->pages.empty())
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc->db->error, {
        doc->doc.add_value(ARKIV_SLOT_FIRST_PAGE, std::to_string(page));
        return ARKIV_STATUS_OK;
    })
}

/* Level, parent link, collapse key and the sort and facet keys; a
 * meeting's old items go first, since the new text may have fewer of
 * them. */
static void link_document(Xapian::WritableDatabase &wdb, arkiv_doc_t *doc)
{
    const arkiv_field_def &level = *arkiv_field_lookup(ARKIV_FIELD_LEVEL);
    if (doc->parent.empty()) {
        doc->doc.add_boolean_term(arkiv_boolean_term(level, "meeting"));
        doc->doc.add_value(ARKIV_SLOT_MEETING, doc->id);
        wdb.delete_document(arkiv_fit_term(ARKIV_PREFIX_PARENT + doc->id));
    } else {
        doc->doc.add_boolean_term(arkiv_boolean_term(level, "item"));
        doc->doc.add_boolean_term(arkiv_fit_term(ARKIV_PREFIX_PARENT + doc->parent));
        doc->doc.add_value(ARKIV_SLOT_MEETING, doc->parent);
    }
    const std::string &meeting = doc->parent.empty() ? doc->id : doc->parent;
    doc->doc.add_value(ARKIV_SLOT_SORT_DATE, doc->doc.get_value(ARKIV_SLOT_DATE) + " " + meeting);
    doc->doc.add_value(ARKIV_SLOT_FACETS, arkiv_facet_key(doc->doc, meeting));
}

extern "C" arkiv_status_t arkiv_db_replace(arkiv_db_t *db, arkiv_doc_t *doc)
{
    if (!db || !db->wdb || !doc || doc->db != db)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        if (!doc->text.empty())
            doc->doc.add_value(ARKIV_SLOT_TEXT, doc->text);
        if (!doc->pages.empty())
            doc->doc.add_value(ARKIV_SLOT_PAGES, doc->pages);
        arkiv_expand_councils(db, doc->doc, doc->tg);
        /* A meeting and its items share a shard (shards.cc). */
        Xapian::WritableDatabase &home =
            arkiv_home_shard(db, doc->parent.empty() ? doc->id : doc->parent);
        link_document(home, doc);
        home.replace_document(arkiv_id_term(doc->id), doc->doc);
        /* Only files fail, and an item is no file. */
        if (doc->parent.empty())
            arkiv_forget_failure(home, doc->id);
        return ARKIV_STATUS_OK;
    })
}
