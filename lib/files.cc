/* files.cc — the facts the incremental indexer keeps about each file. */
#include "arkiv-private.h"

#include <cstdlib>

struct file_row {
    std::string id, path, hash, failure;
    uint64_t size = 0;
    int64_t mtime = 0;
    bool failed = false;
};

struct arkiv_files {
    std::vector<file_row> rows;
};

static file_row row_from_document(const Xapian::Document &doc)
{
    file_row r;
    r.id = doc.get_value(ARKIV_SLOT_ID);
    r.path = doc.get_value(ARKIV_SLOT_PATH);
    r.hash = doc.get_value(ARKIV_SLOT_HASH);
    r.failure = doc.get_value(ARKIV_SLOT_FAILURE);
    r.failed = !r.failure.empty();
    r.size = strtoull(doc.get_value(ARKIV_SLOT_SIZE).c_str(), nullptr, 10);
    r.mtime = strtoll(doc.get_value(ARKIV_SLOT_MTIME).c_str(), nullptr, 10);
    return r;
}

extern "C" arkiv_status_t arkiv_db_list_files(arkiv_db_t *db, arkiv_files_t **files_out)
{
    if (!db || !files_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *files_out = nullptr;
    arkiv_files_t *files = nullptr;
    try {
        files = new arkiv_files_t;
        Xapian::Database &xdb = db->db();
        /* Only file documents carry a path value, so the value stream is
         * exactly the list of files, without touching item documents. */
        for (Xapian::ValueIterator v = xdb.valuestream_begin(ARKIV_SLOT_PATH);
             v != xdb.valuestream_end(ARKIV_SLOT_PATH); ++v)
            files->rows.push_back(row_from_document(xdb.get_document(v.get_docid())));
    } catch (...) {
        delete files;
        return arkiv_map_exception(db->error);
    }
    *files_out = files;
    return ARKIV_STATUS_OK;
}

extern "C" arkiv_status_t arkiv_db_find_file(arkiv_db_t *db, const char *id,
                                             arkiv_files_t **files_out)
{
    if (!db || !id || !files_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *files_out = nullptr;
    arkiv_files_t *files = nullptr;
    try {
        Xapian::Database &xdb = db->db();
        Xapian::PostingIterator p = xdb.postlist_begin(arkiv_id_term(id));
        if (p == xdb.postlist_end(arkiv_id_term(id))) {
            db->error = std::string("no document with id ") + id;
            return ARKIV_STATUS_NOT_FOUND;
        }
        files = new arkiv_files_t;
        files->rows.push_back(row_from_document(xdb.get_document(*p)));
    } catch (...) {
        delete files;
        return arkiv_map_exception(db->error);
    }
    *files_out = files;
    return ARKIV_STATUS_OK;
}

extern "C" size_t arkiv_files_count(const arkiv_files_t *files)
{
    return files ? files->rows.size() : 0;
}

extern "C" arkiv_status_t arkiv_files_get(const arkiv_files_t *files, size_t i,
                                          arkiv_file_info_t *info)
{
    if (!files || !info || i >= files->rows.size())
        return ARKIV_STATUS_INVALID_ARGUMENT;
    const file_row &r = files->rows[i];
    info->id = r.id.c_str();
    info->path = r.path.c_str();
    info->hash = r.hash.c_str();
    info->size = r.size;
    info->mtime = r.mtime;
    info->failure = r.failed ? r.failure.c_str() : nullptr;
    return ARKIV_STATUS_OK;
}

extern "C" void arkiv_files_free(arkiv_files_t *files)
{
    delete files;
}

extern "C" arkiv_status_t arkiv_db_record_failure(arkiv_db_t *db, const arkiv_file_info_t *info)
{
    if (!db || !db->wdb || !info || !info->id || !info->path || !info->failure)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    arkiv_doc_t *doc = nullptr;
    arkiv_status_t st = arkiv_doc_new(db, info->id, &doc);
    if (st == ARKIV_STATUS_OK)
        st = arkiv_doc_set_file(doc, info);
    if (st == ARKIV_STATUS_OK)
        st = arkiv_doc_add_term(doc, ARKIV_FIELD_KIND, "failed");
    if (st == ARKIV_STATUS_OK)
        st = arkiv_db_replace(db, doc);
    arkiv_doc_free(doc);
    return st;
}
