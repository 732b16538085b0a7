/* person_lookup.h — from a name as a user types it to a person in the
 * index; private to answer/. */
#ifndef ARKIV_ANSWER_PERSON_LOOKUP_H
#define ARKIV_ANSWER_PERSON_LOOKUP_H

#include <json-glib/json-glib.h>

#include "arkiv.h"
#include "knowledge.h"

/* The identity key `name` means: a written form the index has seen, else
 * the key the tagger's rules give (k may be NULL) when the index has
 * that person. *key_out (g_free) or NOT_FOUND with *key_out NULL; other
 * statuses are database errors, with *error set. */
arkiv_status_t ans_person_key(arkiv_db_t *db, const arkiv_knowledge_t *k, const char *name,
                              char **key_out, char **error);

/* The people whose key or any written form has every word of `name`
 * (case and diacritics folded): [{"person", "key", "meetings"}], most
 * meetings first. *out is the caller's (json_array_unref). */
arkiv_status_t ans_person_candidates(arkiv_db_t *db, const char *name, JsonArray **out,
                                     char **error);

#endif
