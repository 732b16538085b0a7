/* index-dump — every document of a Xapian database in stable-id order
 * (terms with wdf and positions, values, data), then its spelling table,
 * synonyms and user metadata, as text: two indexes of the same files are
 * the same index exactly when their dumps are equal, whatever the docids.
 * For checking that a change to the indexer leaves the index alone; like
 * floor-xapian it is a measuring stick, not part of arkiv, which is why it
 * may include <xapian.h> outside lib/.
 *
 * usage: index-dump DB_DIR */
#include <xapian.h>

#include <iostream>
#include <map>
#include <sstream>
#include <string>

static const Xapian::valueno slot_id = 4; /* ARKIV_SLOT_ID, docs/schema.md */

static std::string describe(const Xapian::Document &d)
{
    std::ostringstream o;
    o << "doc " << d.get_value(slot_id) << "\n";
    for (Xapian::TermIterator t = d.termlist_begin(); t != d.termlist_end(); ++t) {
        o << " term " << *t << " " << t.get_wdf();
        for (Xapian::PositionIterator p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
            o << " " << *p;
        o << "\n";
    }
    for (Xapian::ValueIterator v = d.values_begin(); v != d.values_end(); ++v)
        o << " value " << v.get_valueno() << " " << *v << "\n";
    o << " data " << d.get_data() << "\n";
    return o.str();
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: index-dump DB_DIR\n";
        return 2;
    }
    try {
        Xapian::Database db(argv[1]);
        std::map<std::string, std::string> docs;
        for (Xapian::PostingIterator p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
            Xapian::Document d = db.get_document(*p);
            docs[d.get_value(slot_id)] = describe(d);
        }
        for (const auto &d : docs)
            std::cout << d.second;
        for (Xapian::TermIterator s = db.spellings_begin(); s != db.spellings_end(); ++s)
            std::cout << "spelling " << *s << " " << s.get_termfreq() << "\n";
        for (Xapian::TermIterator k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
            std::cout << "synonym " << *k;
            for (Xapian::TermIterator s = db.synonyms_begin(*k); s != db.synonyms_end(*k); ++s)
                std::cout << " " << *s;
            std::cout << "\n";
        }
        for (Xapian::TermIterator k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k)
            std::cout << "metadata " << *k << " = " << db.get_metadata(*k) << "\n";
    } catch (const Xapian::Error &e) {
        std::cerr << "index-dump: " << e.get_description() << "\n";
        return 1;
    }
    return 0;
}
