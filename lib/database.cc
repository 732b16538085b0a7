/* database.cc — opening, committing and closing an index. */
#include "arkiv-private.h"

#include <cstdlib>
#include <cstring>

static void set_error_out(char **error_out, const std::string &msg)
{
    if (!error_out)
        return;
    *error_out = strdup(msg.c_str()); /* NULL on failure is acceptable */
}

static void open_handles(arkiv_db_t *db, arkiv_db_mode_t mode)
{
    if (mode == ARKIV_DB_WRITABLE) {
        db->wdb = new Xapian::WritableDatabase(db->path, Xapian::DB_CREATE_OR_OPEN);
        db->writable = true;
        /* All changes live in a transaction until arkiv_db_commit(), so a
         * handle closed without commit leaves the index exactly as it was
         * at the last commit (Xapian would otherwise auto-commit). */
        db->wdb->begin_transaction(true);
    } else {
        db->rdb = new Xapian::Database(db->path);
    }
}

static arkiv_status_t describe_open_failure(arkiv_status_t st, const std::string &path,
                                            std::string &detail)
{
    if (st == ARKIV_STATUS_LOCKED)
        detail = "another indexer is updating " + path;
    else if (st == ARKIV_STATUS_NOT_FOUND)
        detail = "no index at " + path;
    else
        detail = path + ": " + detail;
    return st;
}

extern "C" arkiv_status_t arkiv_db_open(const char *path, arkiv_db_mode_t mode, arkiv_db_t **db_out,
                                        char **error_out)
{
    if (error_out)
        *error_out = nullptr;
    if (!db_out || !path || !*path) {
        set_error_out(error_out, "no database path given");
        return ARKIV_STATUS_INVALID_ARGUMENT;
    }
    *db_out = nullptr;
    arkiv_db_t *db = nullptr;
    std::string detail;
    try {
        db = new arkiv_db_t;
        db->path = path;
        open_handles(db, mode);
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

extern "C" void arkiv_db_free(arkiv_db_t *db)
{
    if (!db)
        return;
    try {
        /* Drop uncommitted changes explicitly; the destructor would
         * otherwise decide for us and swallow any error. */
        if (db->wdb)
            db->wdb->cancel_transaction();
    } catch (...) {
    }
    try {
        delete db->wdb;
        delete db->rdb;
    } catch (...) {
    }
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
        arkiv_flush_people(db);
        arkiv_flush_councils(db);
        db->wdb->commit_transaction();
        db->wdb->begin_transaction(true);
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_reopen(arkiv_db_t *db)
{
    if (!db)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        db->db().reopen();
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_doc_count(arkiv_db_t *db, unsigned *count_out)
{
    if (!db || !count_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        *count_out = db->db().get_doccount();
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_delete(arkiv_db_t *db, const char *id)
{
    if (!db || !db->wdb || !id)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        std::string idterm = arkiv_id_term(id);
        if (db->wdb->get_termfreq(idterm) == 0) {
            if (!db->wdb->get_metadata(arkiv_failed_key(id)).empty()) {
                arkiv_forget_failure(*db->wdb, id);
                return ARKIV_STATUS_OK;
            }
            db->error = std::string("no document with id ") + id;
            return ARKIV_STATUS_NOT_FOUND;
        }
        db->wdb->delete_document(idterm);
        /* Items point at their meeting with a parent term; deleting the
         * meeting must not leave orphans behind. */
        db->wdb->delete_document(arkiv_fit_term(ARKIV_PREFIX_PARENT + std::string(id)));
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_add_synonym(arkiv_db_t *db, const char *term,
                                               const char *synonym)
{
    if (!db || !db->wdb || !term || !*term || !synonym || !*synonym)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        db->wdb->add_synonym(arkiv_fit_term(term), arkiv_fit_term(synonym));
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
    ARKIV_GUARD(db->error, {
        std::string v = db->db().get_metadata(setting_key(name));
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
