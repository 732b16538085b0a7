/* files.cc — the facts the incremental indexer keeps about each file. */
#include "arkiv-private.h"

#include <algorithm>
#include <cstdlib>
#include <memory>

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

/* One value stream per slot, read in step with the path stream: a
 * re-run lists every file, and fetching each document's values one by
 * one costs several reads per file where the streams cost a few per
 * thousand files. */
struct slot_stream {
    Xapian::ValueIterator it, end;
    slot_stream(Xapian::Database &xdb, Xapian::valueno slot)
        : it(xdb.valuestream_begin(slot)), end(xdb.valuestream_end(slot))
    {
    }
    std::string at(Xapian::docid did)
    {
        if (it != end && it.get_docid() < did)
            it.skip_to(did);
        return it != end && it.get_docid() == did ? *it : std::string();
    }
};

/* Only file documents carry a path value, so the path stream is exactly
 * the list of files, without touching item documents. */
static void list_documents(Xapian::Database &xdb, std::vector<file_row> &rows)
{
    slot_stream id(xdb, ARKIV_SLOT_ID), hash(xdb, ARKIV_SLOT_HASH), size(xdb, ARKIV_SLOT_SIZE),
        mtime(xdb, ARKIV_SLOT_MTIME);
    for (Xapian::ValueIterator v = xdb.valuestream_begin(ARKIV_SLOT_PATH);
         v != xdb.valuestream_end(ARKIV_SLOT_PATH); ++v) {
        Xapian::docid did = v.get_docid();
        file_row r;
        r.id = id.at(did);
        r.path = *v;
        r.hash = hash.at(did);
        r.size = strtoull(size.at(did).c_str(), nullptr, 10);
        r.mtime = strtoll(mtime.at(did).c_str(), nullptr, 10);
        rows.push_back(std::move(r));
    }
}

static bool by_id(const file_row &a, const file_row &b)
{
    return a.id < b.id;
}

/* Failure records live in the database that holds (or would hold) the
 * file's document, so every part is asked. */
static void list_failures(arkiv_db_t *db, std::vector<file_row> &rows)
{
    for (arkiv_part &p : db->parts)
        if (p.up)
            arkiv_list_failures(p.db, rows);
}

extern "C" arkiv_status_t arkiv_db_list_files(arkiv_db_t *db, arkiv_files_t **files_out)
{
    if (!db || !files_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *files_out = nullptr;
    ARKIV_DB_GUARD(db, {
        std::unique_ptr<arkiv_files_t> files(new arkiv_files_t);
        list_documents(db->db(), files->rows);
        list_failures(db, files->rows);
        /* In id order: Xapian's document order depends on the layout
         * (shards interleave), and the answer must not. */
        std::sort(files->rows.begin(), files->rows.end(), by_id);
        *files_out = files.release();
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_find_file(arkiv_db_t *db, const char *id,
                                             arkiv_files_t **files_out)
{
    if (!db || !id || !files_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *files_out = nullptr;
    ARKIV_DB_GUARD(db, {
        /* A writer knows the file's shard; a reader asks them all. */
        Xapian::Database xdb = db->writable ? Xapian::Database(arkiv_home_shard(db, id)) : db->db();
        std::unique_ptr<arkiv_files_t> files(new arkiv_files_t);
        std::string idterm = arkiv_id_term(id);
        Xapian::PostingIterator p = xdb.postlist_begin(idterm);
        bool found = p != xdb.postlist_end(idterm);
        if (found)
            files->rows.push_back(row_from_document(xdb.get_document(*p)));
        else if (db->writable)
            found = arkiv_find_failure(xdb, id, files->rows);
        else
            for (arkiv_part &part : db->parts)
                if (!found && part.up)
                    found = arkiv_find_failure(part.db, id, files->rows);
        if (!found) {
            db->error = std::string("no document with id ") + id;
            return ARKIV_STATUS_NOT_FOUND;
        }
        *files_out = files.release();
        return ARKIV_STATUS_OK;
    })
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

/* Failed files are remembered in the database's user metadata, not as
 * documents, so that the index holds exactly the files that were read and
 * a failure never shows up as a search hit. Value: "size mtime path\nreason".
 * A path may hold newlines, a reason never does (they become spaces), so
 * the last newline is the separator. */
static const std::string failed_key_prefix = "failed:";

std::string arkiv_failed_key(const std::string &id)
{
    return arkiv_fit_term(failed_key_prefix + id);
}

static bool parse_failure(const std::string &id, const std::string &val, file_row &r)
{
    size_t nl = val.rfind('\n');
    if (nl == std::string::npos)
        return false;
    char *end = nullptr;
    r.id = id;
    r.size = strtoull(val.c_str(), &end, 10);
    r.mtime = strtoll(end, &end, 10);
    if (*end != ' ')
        return false;
    r.path = val.substr(end + 1 - val.c_str(), nl - (end + 1 - val.c_str()));
    r.failure = val.substr(nl + 1);
    r.failed = true;
    return true;
}

void arkiv_list_failures(Xapian::Database &xdb, std::vector<file_row> &rows)
{
    for (Xapian::TermIterator k = xdb.metadata_keys_begin(failed_key_prefix);
         k != xdb.metadata_keys_end(failed_key_prefix); ++k) {
        file_row r;
        std::string id = (*k).substr(failed_key_prefix.size());
        if (parse_failure(id, xdb.get_metadata(*k), r))
            rows.push_back(std::move(r));
    }
}

bool arkiv_find_failure(Xapian::Database &xdb, const std::string &id, std::vector<file_row> &rows)
{
    std::string val = xdb.get_metadata(arkiv_failed_key(id));
    file_row r;
    if (val.empty() || !parse_failure(id, val, r))
        return false;
    rows.push_back(std::move(r));
    return true;
}

void arkiv_forget_failure(Xapian::WritableDatabase &wdb, const std::string &id)
{
    wdb.set_metadata(arkiv_failed_key(id), "");
}

extern "C" arkiv_status_t arkiv_db_record_failure(arkiv_db_t *db, const arkiv_file_info_t *info)
{
    if (!db || !db->wdb || !info || !info->id || !info->path || !info->failure)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        /* A file that now fails must not keep an older, good document. */
        arkiv_delete_with_items(db, info->id);
        std::string reason = info->failure;
        std::replace(reason.begin(), reason.end(), '\n', ' ');
        std::string val = std::to_string(info->size) + " " + std::to_string(info->mtime) + " " +
                          info->path + "\n" + reason;
        arkiv_home_shard(db, info->id).set_metadata(arkiv_failed_key(info->id), val);
        return ARKIV_STATUS_OK;
    })
}
