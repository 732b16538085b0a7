/* database.cc — opening, committing and closing an index (the layouts
 * themselves are in shards.cc). */
#include "arkiv-private.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

static void set_error_out(char **error_out, const std::string &msg)
{
    if (!error_out)
        return;
    *error_out = strdup(msg.c_str()); /* NULL on failure is acceptable */
}

static arkiv_status_t describe_open_failure(arkiv_status_t st, const std::string &path,
                                            std::string &detail)
{
    if (st == ARKIV_STATUS_LOCKED)
        detail = "another indexer is updating " + path;
    else if (st == ARKIV_STATUS_NOT_FOUND)
        detail = "no index at " + path;
    else if (st != ARKIV_STATUS_UNAVAILABLE && detail.compare(0, path.size(), path) != 0)
        detail = path + ": " + detail;
    return st;
}

extern "C" void arkiv_db_options_init(arkiv_db_options_t *options)
{
    if (!options)
        return;
    options->shards = 0;
    options->allow_partial = 0;
    options->lock_wait_s = 0;
}

extern "C" arkiv_status_t arkiv_db_open_with(const char *path, arkiv_db_mode_t mode,
                                             const arkiv_db_options_t *options, arkiv_db_t **db_out,
                                             char **error_out)
{
    if (error_out)
        *error_out = nullptr;
    if (!db_out || !path || !*path) {
        set_error_out(error_out, "no database path given");
        return ARKIV_STATUS_INVALID_ARGUMENT;
    }
    *db_out = nullptr;
    arkiv_db_options_t defaults;
    arkiv_db_options_init(&defaults);
    const arkiv_db_options_t &o = options ? *options : defaults;
    arkiv_db_t *db = nullptr;
    std::string detail;
    try {
        db = new arkiv_db_t;
        db->path = path;
        db->allow_partial = o.allow_partial != 0;
        db->stemmer = arkiv_stemmer();
        db->stopper.reset(arkiv_new_stopper());
        if (mode == ARKIV_DB_WRITABLE) {
            arkiv_status_t st = arkiv_lock_index(db->path, o.lock_wait_s, &db->lock_fd, detail);
            if (st != ARKIV_STATUS_OK) {
                set_error_out(error_out, detail);
                arkiv_db_free(db);
                return st;
            }
            if (db->lock_fd >= 0)
                arkiv_clear_unfinished_create(db->path);
        }
        arkiv_open_parts(db, mode, o.shards);
    } catch (...) {
        arkiv_status_t st = arkiv_map_exception(detail);
        try {
            describe_open_failure(st, path, detail);
            set_error_out(error_out, detail);
        } catch (...) {
        }
        arkiv_db_free(db);
        return st;
    }
    *db_out = db;
    return ARKIV_STATUS_OK;
}

extern "C" arkiv_status_t arkiv_db_open(const char *path, arkiv_db_mode_t mode, arkiv_db_t **db_out,
                                        char **error_out)
{
    return arkiv_db_open_with(path, mode, nullptr, db_out, error_out);
}

extern "C" void arkiv_db_free(arkiv_db_t *db)
{
    if (!db)
        return;
    arkiv_close_parts(db);
    /* After Xapian let go of its own lock, so whoever gets this one
     * finds the database free too. */
    if (db->lock_fd >= 0)
        close(db->lock_fd);
    delete db;
}

extern "C" const char *arkiv_db_last_error(const arkiv_db_t *db)
{
    return db ? db->error.c_str() : "";
}

extern "C" arkiv_status_t arkiv_db_commit(arkiv_db_t *db)
{
    if (!db || !db->wdb)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        uint64_t before = arkiv_commit_room(db);
        arkiv_flush_people(db);
        arkiv_flush_councils(db);
        /* Shards first, the lexicon last: not one atomic step across
         * databases, but a shard committed without the rest only holds
         * files that the next run finds unchanged, and the lexicon only
         * ever gains names. */
        for (Xapian::WritableDatabase *w : db->shard_w) {
            w->commit_transaction();
            w->begin_transaction(true);
        }
        db->wdb->commit_transaction();
        db->synonyms_pending.clear();
        db->wdb->begin_transaction(true);
        arkiv_note_growth(db, before);
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_reopen(arkiv_db_t *db)
{
    if (!db)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_DB_GUARD(db, {
        arkiv_retry_missing(db);
        db->has_facet_slots = -1;
        db->db().reopen();
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_doc_count(arkiv_db_t *db, unsigned *count_out)
{
    if (!db || !count_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_DB_GUARD(db, {
        *count_out = db->db().get_doccount();
        return ARKIV_STATUS_OK;
    })
}

bool arkiv_delete_with_items(arkiv_db_t *db, const std::string &id)
{
    std::string idterm = arkiv_id_term(id);
    bool found = false;
    for (Xapian::WritableDatabase *w : arkiv_doc_shards(db)) {
        if (w->get_termfreq(idterm) == 0)
            continue;
        w->delete_document(idterm);
        /* Items point at their meeting with a parent term; deleting the
         * meeting must not leave orphans behind. */
        w->delete_document(arkiv_fit_term(ARKIV_PREFIX_PARENT + id));
        found = true;
    }
    return found;
}

extern "C" arkiv_status_t arkiv_db_delete(arkiv_db_t *db, const char *id)
{
    if (!db || !db->wdb || !id)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        if (arkiv_delete_with_items(db, id))
            return ARKIV_STATUS_OK;
        bool forgot = false;
        for (Xapian::WritableDatabase *w : arkiv_doc_shards(db))
            if (!w->get_metadata(arkiv_failed_key(id)).empty()) {
                arkiv_forget_failure(*w, id);
                forgot = true;
            }
        if (forgot)
            return ARKIV_STATUS_OK;
        db->error = std::string("no document with id ") + id;
        return ARKIV_STATUS_NOT_FOUND;
    })
}

extern "C" arkiv_status_t arkiv_db_add_synonym(arkiv_db_t *db, const char *term,
                                               const char *synonym)
{
    if (!db || !db->wdb || !term || !*term || !synonym || !*synonym)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        std::string t = arkiv_fit_term(term), syn = arkiv_fit_term(synonym);
        if (db->synonyms_pending.insert(t + '\0' + syn).second)
            db->wdb->add_synonym(t, syn);
        return ARKIV_STATUS_OK;
    })
}

static std::string setting_key(const char *name)
{
    return std::string("setting:") + name;
}

extern "C" arkiv_status_t arkiv_db_get_setting(arkiv_db_t *db, const char *name, char **value_out)
{
    if (!db || !name || !*name || !value_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *value_out = nullptr;
    ARKIV_DB_GUARD(db, {
        std::string v = db->get_metadata(setting_key(name));
        if (!v.empty()) {
            *value_out = strdup(v.c_str());
            if (!*value_out)
                return ARKIV_STATUS_NO_MEMORY;
        }
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_set_setting(arkiv_db_t *db, const char *name, const char *value)
{
    if (!db || !db->wdb || !name || !*name || !value)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        db->wdb->set_metadata(setting_key(name), value);
        return ARKIV_STATUS_OK;
    })
}

/* Item documents of an older index: the documents with a parent term. */
extern "C" arkiv_status_t arkiv_db_old_items(arkiv_db_t *db, unsigned *count_out)
{
    if (count_out)
        *count_out = 0;
    if (!db || !count_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_DB_GUARD(db, {
        Xapian::Database &xdb = db->db();
        const std::string prefix = ARKIV_PREFIX_PARENT;
        for (Xapian::TermIterator t = xdb.allterms_begin(prefix); t != xdb.allterms_end(prefix);
             ++t)
            *count_out += t.get_termfreq();
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_delete_old_items(arkiv_db_t *db)
{
    if (!db || !db->wdb)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        const std::string prefix = ARKIV_PREFIX_PARENT;
        for (Xapian::WritableDatabase *w : arkiv_doc_shards(db)) {
            std::vector<std::string> parents;
            for (Xapian::TermIterator t = w->allterms_begin(prefix); t != w->allterms_end(prefix);
                 ++t)
                parents.push_back(*t);
            for (const std::string &p : parents)
                w->delete_document(p);
        }
        return ARKIV_STATUS_OK;
    })
}
