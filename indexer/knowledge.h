/* knowledge.h — the region-specific knowledge the tagger reads: council
 * gazetteer, label words, month names, first names, person overrides.
 * All of it lives in user-editable files in one data directory (format in
 * docs/data-files.md):
 *
 *   councils.ini    one group per council: [Canonical name] acronyms=; aliases=
 *   minutes.ini     words by group and key: labels ([attendance] present=…),
 *                   role words ([roles]), words around names ([names]), …
 *   firstnames.txt  one first name per line
 *   people.ini      [same] Variant=Canonical name; [distinct] names=…
 *
 * A knowledge handle is immutable after loading, so one can serve many
 * documents. Ownership: arkiv_knowledge_load() returns a handle the caller
 * frees with arkiv_knowledge_free(); every const pointer returned by the
 * accessors belongs to the handle. */
#ifndef ARKIV_KNOWLEDGE_H
#define ARKIV_KNOWLEDGE_H

#include <glib.h>

typedef struct arkiv_knowledge arkiv_knowledge_t;

/* The data directory to use: override when non-NULL, else $ARKIV_DATA, else
 * ../share/arkiv beside the running executable (installed), else ../data
 * beside it (build tree). Returns a newly allocated path, or NULL with
 * error set when none exists. */
char *arkiv_knowledge_find_dir(const char *override, GError **error);

/* Loads every file of dir. A missing or malformed file is an error that
 * names the file and line. */
gboolean arkiv_knowledge_load(const char *dir, arkiv_knowledge_t **out, GError **error);
void arkiv_knowledge_free(arkiv_knowledge_t *k);

/* A digest of everything loaded, so an index can tell that the data files
 * changed since it was built. */
const char *arkiv_knowledge_digest(const arkiv_knowledge_t *k);

/* The digest arkiv_knowledge_digest() gives for the data files in dir,
 * without parsing them (a run that reads no file needs no tagger). FALSE
 * with *error naming the file when a required one cannot be read.
 * *digest_out is new (g_free). */
gboolean arkiv_knowledge_dir_digest(const char *dir, char **digest_out, GError **error);

/* Canonical council name for a name, alias or acronym (case and spacing
 * ignored, acronyms matched case-sensitively), or NULL. */
const char *arkiv_knowledge_council(const arkiv_knowledge_t *k, const char *name);

/* Every name of every council in councils.ini: for each council, fn is
 * called once with name == canonical, then once per alias and acronym as
 * written there (acronym TRUE for acronyms), in file order. The strings
 * belong to k. Used to register the gazetteer in the index
 * (arkiv_db_add_council_name) and to show councils by their acronym. */
typedef void (*arkiv_council_name_fn)(const char *canonical, const char *name, gboolean acronym,
                                      void *user);
void arkiv_knowledge_foreach_council_name(const arkiv_knowledge_t *k, arkiv_council_name_fn fn,
                                          void *user);

/* A regex that finds any council name or alias (case-insensitive) or
 * acronym (case-sensitive) as whole words, longest first. Pass the match to
 * arkiv_knowledge_council(). */
const GRegex *arkiv_knowledge_council_regex(const arkiv_knowledge_t *k);

/* The words of minutes.ini [group] key, NULL-terminated; an empty vector
 * when the key is absent or k is NULL. */
const char *const *arkiv_knowledge_words(const arkiv_knowledge_t *k, const char *group,
                                         const char *key);

/* The same words as a regex alternation "(?:a|b c|…)", longest first, each
 * escaped and with spaces matching any run of blanks. Caller g_frees. */
char *arkiv_knowledge_alternation(const arkiv_knowledge_t *k, const char *group, const char *key);

/* TRUE when word is one of the words of minutes.ini [group] key. Both are
 * compared folded: lowercase, diacritics folded as in fold.h ("Sekretær",
 * "SEKRETÆR" and "sekretaer" are one word), runs of blanks one space, ends
 * trimmed. A hash lookup, built at load. FALSE when k is NULL or the key is
 * absent. */
gboolean arkiv_knowledge_has_word(const arkiv_knowledge_t *k, const char *group, const char *key,
                                  const char *word);

/* TRUE when word, folded as above, ends with one of the words of
 * minutes.ini [group] key (the whole word counts: "rådet" ends with
 * "rådet"). */
gboolean arkiv_knowledge_has_suffix(const arkiv_knowledge_t *k, const char *group, const char *key,
                                    const char *word);

/* Month number 1..12 for a month name or abbreviation in bokmål or
 * nynorsk ("april", "apr.", "mai"), case-insensitive; 0 when not a month. */
int arkiv_knowledge_month(const arkiv_knowledge_t *k, const char *word);

/* TRUE when word (any case) is in firstnames.txt. */
gboolean arkiv_knowledge_is_first_name(const arkiv_knowledge_t *k, const char *word);

/* people.ini: the canonical name a variant is merged into, or NULL.
 * Lookups fold case and diacritics. */
const char *arkiv_knowledge_person_same(const arkiv_knowledge_t *k, const char *name);
/* people.ini: TRUE when name must keep an identity of its own. */
gboolean arkiv_knowledge_person_distinct(const arkiv_knowledge_t *k, const char *name);

#endif
