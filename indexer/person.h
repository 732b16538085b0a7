/* person.h — person names in minutes: cleaning one raw attendance-list
 * entry into a name, the identity key that decides when two spellings are
 * one person, and resolving/merging people within one document.
 *
 * A person name here is 2–5 capitalised tokens: words ("Kvam", hyphenated
 * "Leth-Olsen", "Lill-Merethe"), initials ("W." or "W"), and the particles
 * van/von/de/… between them. Anything else (lowercase words, acronyms such
 * as "HNT", digits) is not a name, so sentence fragments and organisations
 * are rejected rather than emitted.
 *
 * The words these rules use — role words, titles, words and endings that
 * are no part of a name, particles, connectors — are minutes.ini [roles]
 * and [names] (docs/data-files.md), read through the knowledge handle k
 * that the functions below take. k may be NULL: then no word is in any
 * list (for tests of the shape rules alone).
 *
 * Ownership: every char* returned is newly allocated and freed by the caller
 * with g_free. */
#ifndef ARKIV_PERSON_H
#define ARKIV_PERSON_H

#include <glib.h>

#include "entities.h"
#include "knowledge.h"

/* One raw list entry -> the clean full name, or NULL when the entry is not a
 * person (empty, "og", "m.fl.", an organisation, a sentence fragment).
 *   "Anne Kristine (Stine) Vevelstad"  -> "Anne Kristine Vevelstad"
 *   "Elisabeth Tronstad (HNT, KMR)"    -> name, org "HNT, KMR"
 *   "Wenche Kluken (vara HNT)"         -> name, org "HNT", SUBSTITUTE
 *   "Per Olsen, vara for Kari Holm"    -> "Per Olsen", SUBSTITUTE
 *   "Kari Holm  HNT" (2+ spaces / tab) -> name, org "HNT"
 *   "Gunnhild Øyås (leder, kommunene)" -> name, org "kommunene", CHAIR
 *   "og Jonas Sjømæling."              -> "Jonas Sjømæling"
 * Names broken over lines are joined; leading titles ("lege", "dr.") are
 * dropped. On success *org_out (when non-NULL) receives the organisation or
 * NULL, and *roles_out (when non-NULL) the ARKIV_ROLE_* bits the entry
 * itself states. On NULL both are cleared. */
char *arkiv_person_clean(const arkiv_knowledge_t *k, const char *entry, char **org_out,
                         guint *roles_out);

/* "Per Olsen (Sp) for Kari Holm", "Per Olsen (vara for Kari Holm)",
 * "Per Olsen, vara for Kari Holm": returns the clean name of the person
 * stood in for ("Kari Holm") and sets *rest_out to the entry without that
 * part ("Per Olsen (Sp)", "Per Olsen (vara)", "Per Olsen, vara"). Returns
 * NULL (and *rest_out NULL) when the entry names no such person. */
char *arkiv_person_split_for(const arkiv_knowledge_t *k, const char *entry, char **rest_out);

/* TRUE when s, as it stands, has the shape of a person name (see above). */
gboolean arkiv_person_is_name(const arkiv_knowledge_t *k, const char *s);

/* A word that is never part of a name: [names] not_name_words, or ending
 * in one of not_name_suffixes ("Pensjonistforbundet", "Kommunedirektør"). */
gboolean arkiv_person_is_not_name_word(const arkiv_knowledge_t *k, const char *word);

/* The ARKIV_ROLE_* bits of a role word, from the minutes.ini [roles] key
 * it is under ("leder" -> CHAIR, "vara" -> SUBSTITUTE, "medlem"/"ordfører"
 * -> MEMBER, "nestleder" -> none), any case; 0 when it is none. */
guint arkiv_person_role_word(const arkiv_knowledge_t *k, const char *word);
/* TRUE for any role word, also those without a bit of their own
 * ([roles] none: "nestleder"). */
gboolean arkiv_person_is_role_word(const arkiv_knowledge_t *k, const char *word);

/* Identity key: folded lowercase first given name + " " + last surname
 * token ("Elisabeth Kvam Tronstad" -> "elisabeth tronstad", "Liv
 * Leth-Olsen" -> "liv leth-olsen"). With k: a people.ini [same] variant
 * takes the key of its canonical name; a [distinct] name keys on the whole
 * folded name. k may be NULL (rules only). */
char *arkiv_person_key(const arkiv_knowledge_t *k, const char *name);

/* The one person of people (arkiv_person_t*) that a partial name written in
 * the same document means: same key; given names + surname initial
 * ("Elisabeth R." -> "Elisabeth B. Romuld", "Jan Erik H." -> "Jan Erik
 * Haugsbø"); first initial + surname ("E.
 * Romuld"); or first name + one of the person's middle names ("Julie Røstad"
 * -> "Julie Røstad Kvam"). NULL when nobody or more than one fits. The
 * result belongs to people. */
arkiv_person_t *arkiv_person_resolve(GPtrArray *people, const char *name);

/* Adds p to e->people, or merges it into the person with the same key:
 * roles ORed; status kept unless the old one is only "mentioned"; org kept,
 * or taken from p when the old has none; name (and as_written) become the
 * fuller form (more full words, then more tokens). Takes ownership of p. */
void arkiv_person_merge(arkiv_entities_t *e, arkiv_person_t *p);

#endif
