/* document.cc — the document builder. */
#include "arkiv-private.h"

#include "items-private.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

/* What a detached document indexes with (arkiv.h): a worker makes one per
 * file and shares it between the file's documents, since a stopper is a
 * set of a few hundred words. */
struct arkiv_textgen {
    Xapian::Stem stemmer = arkiv_stemmer();
    std::unique_ptr<Xapian::Stopper> stopper{arkiv_new_stopper()};
    std::string error;
};

struct arkiv_doc {
    arkiv_db_t *db = nullptr;       /* nullptr for a detached document */
    arkiv_textgen_t *gen = nullptr; /* a detached document's, else nullptr */
    std::string id;
    std::string text;                   /* body text kept for snippets */
    std::string pages;                  /* term position where each body page starts */
    std::vector<arkiv_item_span> items; /* agenda items (items-private.h) */
    int open_item = -1;                 /* index into items while one is open */
    bool from_text = false;             /* made by arkiv_doc_new_from_text: no more text */
    Xapian::Document doc;
    Xapian::TermGenerator tg;
};

/* Where a call on `doc` leaves its message. */
static std::string &doc_error(arkiv_doc_t *doc)
{
    return doc->db ? doc->db->error : doc->gen->error;
}

/* No spelling here: the writer adds a meeting's words to the spelling data
 * in one step when it stores the document (add_spelling), from the term
 * list, rather than word by word while indexing; that is what lets text
 * be indexed in another process. */
void arkiv_setup_tg(Xapian::TermGenerator &tg, const Xapian::Stem &stemmer,
                    Xapian::Stopper *stopper, Xapian::Document &doc)
{
    tg.set_stemmer(stemmer);
    /* Stemmed terms without positions: they would double the positions
     * stored, and a hit's page is found from the words a stem stands for
     * (search.cc, hit_page). Phrases and NEAR use unstemmed terms. */
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.set_stopper(stopper);
    tg.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
    tg.set_document(doc);
}

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
        arkiv_setup_tg(d->tg, db->stemmer, db->stopper.get(), d->doc);
        d->doc.add_boolean_term(arkiv_id_term(id));
        d->doc.add_value(ARKIV_SLOT_ID, id);
    } catch (...) {
        delete d;
        return arkiv_map_exception(db->error);
    }
    *doc_out = d;
    return ARKIV_STATUS_OK;
}

extern "C" arkiv_status_t arkiv_textgen_new(arkiv_textgen_t **gen_out)
{
    if (!gen_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *gen_out = nullptr;
    std::string detail;
    try {
        *gen_out = new arkiv_textgen_t;
    } catch (...) {
        return arkiv_map_exception(detail);
    }
    return ARKIV_STATUS_OK;
}

extern "C" void arkiv_textgen_free(arkiv_textgen_t *gen)
{
    delete gen;
}

extern "C" const char *arkiv_textgen_last_error(const arkiv_textgen_t *gen)
{
    return gen ? gen->error.c_str() : "";
}

extern "C" arkiv_status_t arkiv_doc_new_detached(arkiv_textgen_t *gen, arkiv_doc_t **doc_out)
{
    if (!gen || !doc_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    *doc_out = nullptr;
    arkiv_doc_t *d = nullptr;
    try {
        d = new arkiv_doc_t;
        d->gen = gen;
        arkiv_setup_tg(d->tg, gen->stemmer, gen->stopper.get(), d->doc);
    } catch (...) {
        delete d;
        return arkiv_map_exception(gen->error);
    }
    *doc_out = d;
    return ARKIV_STATUS_OK;
}

/* The text part is a Xapian document (Document::serialise keeps terms,
 * wdf, positions and values) holding what arkiv_doc_add_text and
 * the item calls made: terms, and the snippet text, page starts and
 * item spans in their value slots, as arkiv_db_replace would store them. */
extern "C" arkiv_status_t arkiv_doc_serialise_text(arkiv_doc_t *doc, char **bytes_out,
                                                   size_t *len_out)
{
    if (bytes_out)
        *bytes_out = nullptr;
    if (!doc || doc->db || !bytes_out || !len_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc_error(doc), {
        Xapian::Document part = doc->doc;
        if (!doc->text.empty())
            part.add_value(ARKIV_SLOT_TEXT, doc->text);
        if (!doc->pages.empty())
            part.add_value(ARKIV_SLOT_PAGES, doc->pages);
        if (!doc->items.empty())
            part.add_value(ARKIV_SLOT_ITEMS, arkiv_items_encode(doc->items));
        std::string bytes = part.serialise();
        /* The same document (a handle): back as it was, for more text. */
        if (!doc->text.empty())
            part.remove_value(ARKIV_SLOT_TEXT);
        if (!doc->pages.empty())
            part.remove_value(ARKIV_SLOT_PAGES);
        if (!doc->items.empty())
            part.remove_value(ARKIV_SLOT_ITEMS);
        char *p = static_cast<char *>(malloc(bytes.size() ? bytes.size() : 1));
        if (!p)
            return ARKIV_STATUS_NO_MEMORY;
        memcpy(p, bytes.data(), bytes.size());
        *bytes_out = p;
        *len_out = bytes.size();
        return ARKIV_STATUS_OK;
    })
}

/* Only what text indexing makes: words ("plan"), stems ("Zplan"), title
 * and decision words with their prefixes ("Splan", "XDplan", "ZSplan"),
 * and the text value slots. The bytes come from another process that read
 * an untrusted file; they must not carry an id, a parent link or a filter
 * term that would tie the document to another one. */
static bool text_term(const std::string &term)
{
    size_t i = term[0] == 'Z' ? 1 : 0;
    if (term.compare(i, 1, "S") == 0)
        i += 1;
    else if (term.compare(i, 2, "XD") == 0)
        i += 2;
    return i < term.size() && !(term[i] >= 'A' && term[i] <= 'Z');
}

static bool text_part(const Xapian::Document &part)
{
    if (!part.get_data().empty())
        return false;
    for (Xapian::ValueIterator v = part.values_begin(); v != part.values_end(); ++v) {
        Xapian::valueno slot = v.get_valueno();
        if (slot != ARKIV_SLOT_TEXT && slot != ARKIV_SLOT_PAGES && slot != ARKIV_SLOT_ITEMS)
            return false;
    }
    for (Xapian::TermIterator t = part.termlist_begin(); t != part.termlist_end(); ++t)
        if ((*t).empty() || !text_term(*t))
            return false;
    return true;
}

extern "C" arkiv_status_t arkiv_doc_new_from_text(arkiv_db_t *db, const char *id, const void *bytes,
                                                  size_t len, arkiv_doc_t **doc_out)
{
    if (doc_out)
        *doc_out = nullptr;
    if (!db || !db->wdb || !id || !*id || !bytes || !doc_out)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    arkiv_doc_t *d = nullptr;
    try {
        Xapian::Document part =
            Xapian::Document::unserialise(std::string(static_cast<const char *>(bytes), len));
        if (!text_part(part)) {
            db->error = "not a text part";
            return ARKIV_STATUS_INVALID_ARGUMENT;
        }
        d = new arkiv_doc_t;
        d->db = db;
        d->id = id;
        d->from_text = true;
        d->doc = part;
        arkiv_setup_tg(d->tg, db->stemmer, db->stopper.get(), d->doc);
        d->doc.add_boolean_term(arkiv_id_term(id));
        d->doc.add_value(ARKIV_SLOT_ID, id);
    } catch (const Xapian::Error &e) {
        /* Bytes cut short or garbled on their way. */
        delete d;
        db->error = "not a text part: " + e.get_description();
        return ARKIV_STATUS_INVALID_ARGUMENT;
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

/* The open item's span grows by what one call indexed: words at
 * positions (before, after] of the body or the decision, text bytes
 * [t_start, t_end) of the snippet text. */
static void note_item(arkiv_doc_t *doc, bool body, Xapian::termpos before, size_t t_start)
{
    if (doc->open_item < 0)
        return;
    arkiv_item_span &it = doc->items[(size_t)doc->open_item];
    Xapian::termpos after = doc->tg.get_termpos();
    if (!body) {
        if (after > before && it.d0 == 0)
            it.d0 = before + 1;
        if (after > before)
            it.d1 = after;
        return;
    }
    if (after > before && it.p0 == 0)
        it.p0 = before + 1;
    if (after > before)
        it.p1 = after;
    if (it.t1 == 0)
        it.t0 = t_start;
    it.t1 = doc->text.size();
}

/* An item's first body text begins with its heading (its first line):
 * indexed in two steps (a line break separates words either way), so the
 * heading's last position is known. */
static void index_body(arkiv_doc_t *doc, const char *text)
{
    arkiv_item_span *it = doc->open_item >= 0 ? &doc->items[(size_t)doc->open_item] : nullptr;
    const char *nl = it && it->p0 == 0 ? strchr(text, '\n') : nullptr;
    if (!it || it->p0 != 0) {
        doc->tg.index_text(text);
        return;
    }
    Xapian::termpos before = doc->tg.get_termpos();
    std::string heading = nl ? std::string(text, (size_t)(nl - text)) : std::string(text);
    doc->tg.index_text(heading);
    Xapian::termpos after = doc->tg.get_termpos();
    if (after > before)
        it->h = after;
    /* The heading is the item's title: title: finds it, phrases too, as
     * it finds the meeting's; its words keep their body positions. */
    doc->tg.set_termpos(before);
    doc->tg.index_text(heading, 1, arkiv_field_lookup(ARKIV_FIELD_TITLE)->prefix);
    doc->tg.set_termpos(after);
    if (nl)
        doc->tg.index_text(nl);
}

/* Body text, on a new page or going on with the current one. */
static void add_body(arkiv_doc_t *doc, const char *text, bool new_page)
{
    if (new_page && !doc->text.empty())
        doc->text += '\n';
    size_t t_start = doc->text.size();
    doc->text += text;
    if (new_page || doc->pages.empty()) {
        if (!doc->pages.empty())
            doc->pages += ',';
        doc->pages += std::to_string(doc->tg.get_termpos() + 1);
    }
    Xapian::termpos before = doc->tg.get_termpos();
    index_body(doc, text);
    note_item(doc, true, before, t_start);
}

extern "C" arkiv_status_t arkiv_doc_add_text(arkiv_doc_t *doc, arkiv_field_t field,
                                             const char *text)
{
    if (!doc || !text || doc->from_text)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    const arkiv_field_def *def = arkiv_field_lookup(field);
    if (!def || def->type != ARKIV_FREE_TEXT) {
        doc_error(doc) = "not a free-text field";
        return ARKIV_STATUS_INVALID_ARGUMENT;
    }
    ARKIV_GUARD(doc_error(doc), {
        if (field == ARKIV_FIELD_BODY) {
            add_body(doc, text, true);
        } else {
            /* Words of a prefixed field also match unprefixed queries, as
             * in Omega; a gap keeps phrases from spanning fields. */
            Xapian::termpos before = doc->tg.get_termpos();
            doc->tg.index_text(text, 1, def->prefix);
            if (field == ARKIV_FIELD_DECISION)
                note_item(doc, false, before, 0);
            doc->tg.increase_termpos(100);
            if (def->also_body) {
                doc->tg.index_text(text);
                doc->tg.increase_termpos(100);
            }
        }
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_doc_add_body_more(arkiv_doc_t *doc, const char *text)
{
    if (!doc || !text || doc->from_text)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc_error(doc), {
        add_body(doc, text, false);
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_doc_item_begin(arkiv_doc_t *doc, unsigned n, const char *number)
{
    if (!doc || n == 0 || doc->open_item >= 0 || doc->from_text || n > 100000)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc_error(doc), {
        if (doc->items.size() < n)
            doc->items.resize(n);
        doc->open_item = (int)(n - 1);
        if (number && *number)
            doc->items[n - 1].number = arkiv_collapse_space(number);
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_doc_item_end(arkiv_doc_t *doc)
{
    if (!doc || doc->open_item < 0)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    doc->open_item = -1;
    return ARKIV_STATUS_OK;
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
    if (!doc || !doc->db || !value)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    const arkiv_field_def *def = arkiv_field_lookup(field);
    if (!def || def->type != ARKIV_BOOLEAN) {
        doc_error(doc) = "not a boolean field";
        return ARKIV_STATUS_INVALID_ARGUMENT;
    }
    ARKIV_GUARD(doc_error(doc), {
        doc->doc.add_boolean_term(arkiv_boolean_term(*def, value));
        if (def->facet_slot != ARKIV_NO_SLOT)
            add_facet_value(doc->doc, def->facet_slot, value);
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_doc_set_date(arkiv_doc_t *doc, int year, int month, int day)
{
    if (!doc || !doc->db || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > 31)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc_error(doc), {
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
    if (!doc || !doc->db || !info || !info->path || !*info->path)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc_error(doc), {
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
    if (!doc || !doc->db || !data)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc_error(doc), {
        doc->doc.set_data(data);
        return ARKIV_STATUS_OK;
    })
}

/* Level, meeting key and the sort and facet keys. A document with agenda
 * items is also level:item, so Xapian finds it for "level:item"; which
 * of its items match is decided at query time (items.cc). */
static void link_document(arkiv_doc_t *doc)
{
    const arkiv_field_def &level = *arkiv_field_lookup(ARKIV_FIELD_LEVEL);
    doc->doc.add_boolean_term(arkiv_boolean_term(level, "meeting"));
    if (!doc->doc.get_value(ARKIV_SLOT_ITEMS).empty())
        doc->doc.add_boolean_term(arkiv_boolean_term(level, "item"));
    doc->doc.add_value(ARKIV_SLOT_MEETING, doc->id);
    doc->doc.add_value(ARKIV_SLOT_SORT_DATE, doc->doc.get_value(ARKIV_SLOT_DATE) + " " + doc->id);
    doc->doc.add_value(ARKIV_SLOT_FACETS, arkiv_facet_key(doc->doc, doc->id));
}

/* A meeting's words go to the spelling data (the "Mente du …"
 * suggestions), as many times as the text has them: its unprefixed terms
 * with their wdf, which count exactly the words the TermGenerator indexed
 * unprefixed (body, title, council expansion). Prefixes are capitals,
 * words are lowercase. Spelling goes to the lexicon of a sharded index,
 * like synonyms, so there is one table whichever shard a word came from. */
static void add_spelling(Xapian::WritableDatabase &wdb, const Xapian::Document &doc)
{
    for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string &term = *t;
        if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z') && t.get_wdf() > 0)
            wdb.add_spelling(term, t.get_wdf());
    }
}

extern "C" arkiv_status_t arkiv_doc_foreach_word(arkiv_doc_t *doc, arkiv_word_fn fn, void *user)
{
    if (!doc || !fn)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(doc_error(doc), {
        /* Prefixes are capitals; a word term starts with anything else. */
        for (Xapian::TermIterator t = doc->doc.termlist_begin(); t != doc->doc.termlist_end();
             ++t) {
            const std::string &term = *t;
            if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z') && fn(term.c_str(), user))
                break;
        }
        return ARKIV_STATUS_OK;
    })
}

extern "C" arkiv_status_t arkiv_db_replace(arkiv_db_t *db, arkiv_doc_t *doc)
{
    if (!db || !db->wdb || !doc || doc->db != db || doc->open_item >= 0)
        return ARKIV_STATUS_INVALID_ARGUMENT;
    ARKIV_GUARD(db->error, {
        if (!doc->text.empty())
            doc->doc.add_value(ARKIV_SLOT_TEXT, doc->text);
        if (!doc->pages.empty())
            doc->doc.add_value(ARKIV_SLOT_PAGES, doc->pages);
        if (!doc->items.empty())
            doc->doc.add_value(ARKIV_SLOT_ITEMS, arkiv_items_encode(doc->items));
        arkiv_expand_councils(db, doc->doc);
        add_spelling(*db->wdb, doc->doc);
        Xapian::WritableDatabase &home = arkiv_home_shard(db, doc->id);
        link_document(doc);
        home.replace_document(arkiv_id_term(doc->id), doc->doc);
        arkiv_forget_failure(home, doc->id);
        return ARKIV_STATUS_OK;
    })
}
