/* extract.h - what extracting one file produced, and how to get it.
 *
 * arkiv_extract_file() runs inside a pool worker (pool.h) so that a file
 * that crashes or hangs poppler takes down only that worker.  The result
 * crosses the worker pipe as a GVariant, hence the (de)serialisers here.
 *
 * Ownership: every pointer member of arkiv_extract_result_t is owned by the
 * struct (g_free / g_strfreev) and released by arkiv_extract_result_clear().
 */
#ifndef ARKIV_EXTRACT_H
#define ARKIV_EXTRACT_H

#include <glib.h>

#include "filetype.h"

/* Values are serialised: append only, never renumber. */
typedef enum {
    ARKIV_EXTRACT_OK,          /* text extracted */
    ARKIV_EXTRACT_NO_TEXT,     /* PDF without text layer; metadata only.
                                  reason "no text layer (scanned?)" */
    ARKIV_EXTRACT_EMPTY,       /* zero-byte or whitespace-only file */
    ARKIV_EXTRACT_UNSUPPORTED, /* reason "unsupported type image/png" */
    ARKIV_EXTRACT_ENCRYPTED,   /* reason "encrypted" */
    ARKIV_EXTRACT_DAMAGED,     /* reason "damaged: <poppler's message>" */
    ARKIV_EXTRACT_TIMEOUT,     /* reason "timed out after 30 s" */
    ARKIV_EXTRACT_CRASHED,     /* worker died or ran out of memory: reason
                                  "extractor crashed (signal 11)",
                                  "out of memory or crashed (signal 6)"
                                  or "out of memory" */
    ARKIV_EXTRACT_IO           /* reason "cannot read: <strerror>" */
} arkiv_extract_outcome_t;

typedef struct {
    arkiv_extract_outcome_t outcome;
    char *reason;        /* NULL when OK, unless the text was cut to
                            ARKIV_EXTRACT_MAX_TEXT_BYTES: "truncated: ..." */
    char *mime;          /* libmagic MIME type, e.g. "application/pdf";
                            NULL when the file could not be typed */
    char **pages;        /* NULL-terminated raw page texts in UTF-8, not
                            yet normalised; a text file is one page.
                            NULL unless outcome is OK */
    char *encoding;      /* text files: source encoding; NULL for PDF */
    char *meta_title;    /* PDF metadata, NULL if absent */
    char *meta_author;   /* PDF metadata, NULL if absent */
    gint64 meta_created; /* PDF creation date, unix seconds, -1 if absent */
    char *hash;          /* hex SHA-256 of the file's bytes as they were
                            read for extraction; NULL when they were not
                            all read (arkiv_file_hash, fileid.h, gives the
                            same digest of the same bytes) */
} arkiv_extract_result_t;

/* Text kept per file, all pages together: the rest is not indexed and the
 * file is reported (outcome OK, reason "truncated: only the first 2 MiB of
 * text is indexed").  Minutes hold tens of kilobytes; the cap bounds what
 * one file costs the workers (tagging a 2 MiB line takes seconds), the
 * wire and the writer. */
#define ARKIV_EXTRACT_MAX_TEXT_BYTES ((gsize)2 * 1024 * 1024)

/* Frees the members and leaves *r zeroed with meta_created = -1, ready for
 * reuse.  Accepts a zeroed struct. */
void arkiv_extract_result_clear(arkiv_extract_result_t *r);

/* "ok", "no-text", "empty", "unsupported", "encrypted", "damaged",
 * "timeout", "crashed", "io"; "unknown" for values outside the enum. */
const char *arkiv_extract_outcome_name(arkiv_extract_outcome_t o);

/* Sets outcome and a printf-formatted reason (replacing any old reason). */
void arkiv_extract_result_fail(arkiv_extract_result_t *r, arkiv_extract_outcome_t outcome,
                               const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* The GVariant type of a serialised result, for wire formats that carry
 * one inside a larger message (prepared_wire.h).  Byte strings ("ay")
 * rather than "s": GVariant asserts on invalid UTF-8 in "s", and a worker
 * must never abort while reporting a result.  Maybe types keep NULL apart
 * from "". */
#define ARKIV_EXTRACT_RESULT_TYPE "(umaymaymaaymaymaymayxmay)"

/* *r as a new floating GVariant of ARKIV_EXTRACT_RESULT_TYPE; text that
 * is not valid UTF-8 cannot make this fail. */
GVariant *arkiv_extract_result_to_variant(const arkiv_extract_result_t *r);

/* Inverse of the above.  v must be of ARKIV_EXTRACT_RESULT_TYPE; a child
 * out of normal form reads as its type's default.  Fills *out (zeroed or cleared) with newly
 * allocated members; on FALSE, *out is left cleared and *error set. */
gboolean arkiv_extract_result_from_variant(GVariant *v, arkiv_extract_result_t *out,
                                           GError **error);

/* Serialise *r.  *bytes_out is new; the caller unrefs it. */
void arkiv_extract_result_serialise(const arkiv_extract_result_t *r, GBytes **bytes_out);

/* Inverse of the above.  Fills *out (which must be zeroed or cleared) with
 * newly allocated members; on FALSE, *out is left cleared and *error set. */
gboolean arkiv_extract_result_deserialise(GBytes *bytes, arkiv_extract_result_t *out,
                                          GError **error);

/* Detect the type of path and extract its text into *out (zeroed or
 * cleared); the outcome is also returned.  Bad input yields an outcome,
 * but a hostile PDF may still crash or hang poppler: run this in a pool
 * worker (pool.h), not in a process that must survive. */
arkiv_extract_outcome_t arkiv_extract_file(arkiv_filetype_t *ft, const char *path,
                                           arkiv_extract_result_t *out);

#endif /* ARKIV_EXTRACT_H */
