/* floor-xapian — the Xapian floor for bench/run: feed the texts written by
 * `floor-extract --dump DIR` to a plain TermGenerator (positions, no
 * stemming, stopping or spelling) and add one document each to a new
 * database, committing once at the end. It is a measuring stick for what
 * Xapian alone costs, not part of arkiv, which is why it may include
 * <xapian.h> outside lib/.
 *
 * usage: floor-xapian TEXT_DIR DB_DIR */
#include <xapian.h>

#include <dirent.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::cerr << "usage: floor-xapian TEXT_DIR DB_DIR\n";
        return 2;
    }
    try {
        Xapian::WritableDatabase db(argv[2], Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator tg;
        DIR *dir = opendir(argv[1]);
        if (!dir) {
            std::cerr << "floor-xapian: cannot open " << argv[1] << "\n";
            return 1;
        }
        unsigned n = 0;
        while (struct dirent *e = readdir(dir)) {
            std::string name = e->d_name;
            if (name.size() < 5 || name.compare(name.size() - 4, 4, ".txt") != 0)
                continue;
            std::ifstream in(std::string(argv[1]) + "/" + name);
            std::stringstream text;
            text << in.rdbuf();
            Xapian::Document doc;
            tg.set_document(doc);
            tg.index_text(text.str());
            doc.add_boolean_term("Q" + name);
            db.replace_document("Q" + name, doc);
            n++;
        }
        closedir(dir);
        db.commit();
        std::cout << n << " documents\n";
    } catch (const Xapian::Error &e) {
        std::cerr << "floor-xapian: " << e.get_description() << "\n";
        return 1;
    }
    return 0;
}
