/* prepared_wire.h — what a pool worker prepared from a file it extracted,
 * and the worker's reply that carries it to the writer.
 *
 * Workers normalise and tag (arkiv_docbuild_prepare, docbuild.h) right
 * after extracting, so that the writer only writes.  The prepared text and
 * entities then cross the worker socket beside the extraction result, as
 * one GVariant: the reply.
 *
 * Ownership: every pointer member of arkiv_prep_result_t, including those
 * of its arkiv_prepared_t, is owned by the struct and released by
 * arkiv_prep_result_clear().  The deserialiser allocates them. */
#ifndef ARKIV_PREPARED_WIRE_H
#define ARKIV_PREPARED_WIRE_H

#include <glib.h>

#include "docbuild.h"
#include "extract.h"

/* Values are serialised: append only, never renumber. */
typedef enum {
    ARKIV_PREP_NONE,  /* nothing prepared: the pool only extracts, or the
                         outcome has no text to prepare (EMPTY, IO, ...) */
    ARKIV_PREP_OK,    /* prepared holds the clean pages and entities */
    ARKIV_PREP_FAILED /* preparing failed; error says why, e.g. "text could
                         not be normalised" */
} arkiv_prep_state_t;

typedef struct {
    arkiv_prep_state_t state;
    arkiv_prepared_t prepared; /* all NULL unless state is OK */
    char *error;               /* non-NULL exactly when state is FAILED */
} arkiv_prep_result_t;

/* Frees the members and leaves *r zeroed (state NONE).  Accepts a zeroed
 * struct. */
void arkiv_prep_result_clear(arkiv_prep_result_t *r);

/* Serialise a worker's reply: what extraction gave (*ex) and what was
 * prepared from it (*prep; NULL stands for state NONE).  *bytes_out is
 * new; the caller unrefs it.  Strings travel as byte strings, so text that
 * is not valid UTF-8 cannot make this fail.  Entity arrays that are NULL
 * travel as empty arrays, and so does a NULL prepared.texts (which comes
 * back NULL).  The bytes are a guint64 size, a GVariant of that size, and
 * the texts after it. */
void arkiv_worker_reply_serialise(const arkiv_extract_result_t *ex, const arkiv_prep_result_t *prep,
                                  GBytes **bytes_out);

/* Inverse of the above, for bytes from a worker that may be half dead:
 * every length, every enum and the state's invariants are checked, and
 * what the writer takes for granted: state OK comes with entities, and
 * every item with a number (a reply that breaks these is refused, also
 * one serialised from such a result).  *ex_out and *prep_out must be
 * zeroed or cleared; on TRUE they own newly allocated members (entities
 * arrays are never NULL), on FALSE they are left cleared and *error is
 * set. */
gboolean arkiv_worker_reply_deserialise(GBytes *bytes, arkiv_extract_result_t *ex_out,
                                        arkiv_prep_result_t *prep_out, GError **error);

/* A value of the reply's GVariant type, to hold (g_variant_unref when
 * done) while serialising or reading many replies. GLib keeps what it
 * works out about a type (for a reply's nested tuples, some 70,000
 * instructions' worth) only while a value of that type lives, so without
 * one each reply works it out again. Forked workers inherit it. */
GVariant *arkiv_worker_reply_type_holder(void);

#endif
