/* move.cc — re-filing the documents of a file that moved or was renamed.
 *
 * A document's id is the hash of its path, so a moved file gets a new id.
 * Its text did not change (the indexer checked the content hash), so the
 * document (its agenda items inside) is copied under the new id instead of
 * being extracted and tagged again: for a PDF that is the difference
 * between microseconds and seconds. */
#include "arkiv-private.h"

#include <cstdlib>
#include <cstring>
#include <vector>

/* The boolean terms `path:` matches for a file: the file and every
 * folder above it (as arkiv_doc_set_file adds them). */
static std::vector<std::string> path_terms(const std::string &path)
{
    const arkiv_field_def &def = *arkiv_field_lookup(ARKIV_FIELD_PATH);
    std::vector<std::string> terms{arkiv_boolean_term(def, path)};
    for (size_t slash = path.find('/', 1); slash != std::string::npos;
         slash = path.find('/', slash + 1))
        terms.push_back(arkiv_boolean_term(def, path.substr(0, slash)));
    return terms;
}

/* Removing a term loads the document's whole term list (positions
 * included), so the copy no longer depends on the old document. */
static void drop_term(Xapian::Document &doc, const std::string &term)
{
    try {
        doc.remove_term(term);
    } catch (const Xapian::InvalidArgumentError &) {
        /* Not there (an index written before the term existed). */
    }
}

static void swap_term(Xapian::Document &doc, const std::string &from, const std::string &to)
{
    drop_term(doc, from);
    doc.add_boolean_term(to);
}

/* `value` starts (facet key) or ends (sort key) with the meeting id. */
static std::string rekey_prefix(const std::string &value, const std::string &from,
                                const std::string &to)
{
    return value.compare(0, from.size(), from) == 0 ? to + value.substr(from.size()) : value;
}

static std::string rekey_suffix(const std::string &value, const std::string &from,
                                const std::string &to)
{
    size_t n = value.size();
    return n >= from.size() && value.compare(n - from.size(), from.size(), from) == 0
               ? value.substr(0, n - from.size()) + to
               : value;
}

/* What the document carries of its id besides the id term, moved to
 * the new one. */
static void rekey_meeting(Xapian::Document &doc, const std::string &from, const std::string &to)
{
    doc.add_value(ARKIV_SLOT_MEETING, to);
    doc.add_value(ARKIV_SLOT_SORT_DATE,
                  rekey_suffix(doc.get_value(ARKIV_SLOT_SORT_DATE), from, to));
    doc.add_value(ARKIV_SLOT_FACETS, rekey_prefix(doc.get_value(ARKIV_SLOT_FACETS), from, to));
}

static std::string new_data(const Xapian::Document &doc, const arkiv_file_info_t *to,
                            arkiv_data_rewrite_fn rewrite, void *user)
{
    char *data = rewrite(user, doc.get_data().c_str(), to);
    if (!data)
        throw Xapian::InvalidArgumentError("the stored data could not be rewritten");
    std::string s(data);
    free(data);
    return s;
}

/* A copy of the meeting `from` under the new id, read from the writable
 * database that holds it. */
static Xapian::Document copy_meeting(Xapian::WritableDatabase &w, const std::string &from,
                                     const arkiv_file_info_t *to, arkiv_data_rewrite_fn rewrite,
                                     void *user)
{
    Xapian::PostingIterator p = w.postlist_begin(arkiv_id_term(from));
    Xapian::Document meeting = w.get_document(*p);
    const std::string old_path = meeting.get_value(ARKIV_SLOT_PATH);
    for (const std::string &t : path_terms(old_path))
        drop_term(meeting, t);
    for (const std::string &t : path_terms(to->path))
        meeting.add_boolean_term(t);
    swap_term(meeting, arkiv_id_term(from), arkiv_id_term(to->id));
    meeting.add_value(ARKIV_SLOT_ID, to->id);
    meeting.add_value(ARKIV_SLOT_PATH, to->path);
    meeting.add_value(ARKIV_SLOT_SIZE, std::to_string(to->size));
    meeting.add_value(ARKIV_SLOT_MTIME, std::to_string(to->mtime));
    rekey_meeting(meeting, from, to->id);
    meeting.set_data(new_data(meeting, to, rewrite, user));
    return meeting;
}

extern "C" arkiv_status_t arkiv_db_move_file(arkiv_db_t *db, const char *old_id,
                                             const arkiv_file_info_t *to,
                                             arkiv_data_rewrite_fn rewrite, void *user)
{
    if (!db || !db->wdb || !old_id || !to || !to->id || !to->path || !*to->path || !rewrite ||
        strcmp(old_id, to->id) == 0)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        std::string idterm = arkiv_id_term(old_id);
        for (Xapian::WritableDatabase *w : arkiv_doc_shards(db)) {
            if (w->get_termfreq(idterm) == 0)
                continue;
            /* Copied in full before anything is written: the new id may
             * live in another shard, and the old document goes last. */
            Xapian::Document moved = copy_meeting(*w, old_id, to, rewrite, user);
            arkiv_home_shard(db, to->id).replace_document(arkiv_id_term(to->id), moved);
            arkiv_delete_with_items(db, old_id);
            return ARKIV_STATUS_OK;
        }
        db->error = std::string("no document with id ") + old_id;
        return ARKIV_STATUS_NOT_FOUND;
    })
}
