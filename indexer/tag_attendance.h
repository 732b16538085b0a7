/* tag_attendance.h — who was at the meeting: the attendance lists in the
 * header of minutes ("Til stede:", "Forfall:", "Medlemmer:",
 * "Observatører/andre:", "Faste medlemmer som møtte:", tables of name /
 * function / organisation) and the chair and secretary lines ("Møteleder:",
 * "Referent:") wherever they stand. Label words come from minutes.ini
 * [attendance]; the rules are described in tag_attendance.c.
 *
 * Ownership: arkiv_tag_attendance_new() returns a matcher the caller frees
 * with arkiv_tag_attendance_free(); it keeps a pointer to k, which must
 * outlive it. The matcher is immutable, so one can serve many documents
 * (and threads) at once. */
#ifndef ARKIV_TAG_ATTENDANCE_H
#define ARKIV_TAG_ATTENDANCE_H

#include <glib.h>

#include "entities.h"
#include "knowledge.h"
#include "tagtext.h"

typedef struct arkiv_tag_attendance arkiv_tag_attendance_t;

/* Compiles the matcher's regexes from k's label words, once. */
gboolean arkiv_tag_attendance_new(const arkiv_knowledge_t *k, arkiv_tag_attendance_t **out,
                                  GError **error);
void arkiv_tag_attendance_free(arkiv_tag_attendance_t *m);

/* Adds the people of t's attendance lists to e->people (merged by identity
 * key with anyone already there). Pure: no I/O. */
void arkiv_tag_attendance_run(const arkiv_tag_attendance_t *m, const arkiv_tagtext_t *t,
                              arkiv_entities_t *e);

#endif
