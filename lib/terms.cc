/* terms.cc — how values become terms, identically at index and query time. */
#include "arkiv-private.h"

#include <algorithm>
#include <unordered_map>

#include <glib.h>

/* Xapian refuses terms over 245 bytes. Like Omega we keep short terms as
 * they are; a longer one keeps its first 200 bytes (cut on a UTF-8
 * boundary so the term stays valid text) and gains a hash of the whole,
 * so two long values that share a beginning stay distinct. */
static const size_t max_term = 240;

std::string arkiv_fit_term(const std::string &term)
{
    if (term.size() <= max_term)
        return term;
    const char *start = term.c_str();
    const char *end = start + 200;
    while (end > start && ((unsigned char)*end & 0xC0) == 0x80)
        end--;
    gchar *sum =
        g_compute_checksum_for_data(G_CHECKSUM_SHA1, (const guchar *)term.data(), term.size());
    if (!sum)
        throw std::bad_alloc();
    std::string out(start, end);
    out += '#';
    out.append(sum, 16);
    g_free(sum);
    return out;
}

/* Values are trimmed and inner whitespace collapsed to one space. */
std::string arkiv_collapse_space(const std::string &value)
{
    std::string out;
    bool space = false;
    for (char c : value) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

/* Unicode-aware, so "ÆRESRÅD" and "æresråd" are the same key. */
std::string arkiv_fold(const std::string &value)
{
    std::string out = arkiv_collapse_space(value);
    out.erase(std::find(out.begin(), out.end(), '\0'), out.end()); /* as g_utf8_strdown reads it */
    /* Most values (person keys, case numbers, years) are ASCII, where
     * lowercasing needs no Unicode tables or copy. */
    if (std::all_of(out.begin(), out.end(), [](char c) { return (unsigned char)c < 0x80; })) {
        for (char &c : out)
            c = g_ascii_tolower(c);
        return out;
    }
    gchar *lower = g_utf8_strdown(out.c_str(), (gssize)out.size());
    if (!lower)
        throw std::bad_alloc();
    std::string folded(lower);
    g_free(lower);
    return folded;
}

/* Fields marked fold_case are lowercased, so "council:ASU" and
 * "council:asu" are the same filter. */
std::string arkiv_normalise_value(const arkiv_field_def &def, const std::string &value)
{
    return def.fold_case ? arkiv_fold(value) : arkiv_collapse_space(value);
}

std::string arkiv_boolean_term(const arkiv_field_def &def, const std::string &value)
{
    return arkiv_fit_term(def.prefix + arkiv_normalise_value(def, value));
}

std::string arkiv_id_term(const std::string &id)
{
    return arkiv_fit_term(ARKIV_PREFIX_ID + id);
}

/* Snowball works each word out from scratch, and a worker indexes the
 * same few thousand words in file after file: its stems are kept. The
 * table starts over when it reaches max_words, which bounds its memory (a
 * few MB). Like the handles that hold it, not for use from two threads. */
class cached_stem : public Xapian::StemImplementation
{
  public:
    explicit cached_stem(const std::string &language) : language_(language), stem_(language) {}
    std::string operator()(const std::string &word) override
    {
        auto hit = stems_.find(word);
        if (hit != stems_.end())
            return hit->second;
        if (stems_.size() >= max_words)
            stems_.clear();
        return stems_.emplace(word, stem_(word)).first->second;
    }
    /* As Xapian's own for the language, which is what it stems like. */
    std::string get_description() const override
    {
        return language_;
    }

  private:
    static constexpr size_t max_words = 50000;
    std::string language_;
    Xapian::Stem stem_;
    std::unordered_map<std::string, std::string> stems_;
};

Xapian::Stem arkiv_stemmer()
{
    return Xapian::Stem(new cached_stem("norwegian"));
}

Xapian::Stopper *arkiv_new_stopper()
{
    Xapian::SimpleStopper *stopper = new Xapian::SimpleStopper();
    for (const char *const *w = arkiv_stopwords; *w; w++)
        stopper->add(*w);
    return stopper;
}
