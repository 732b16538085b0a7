/* filetype.h - decide how a file is extracted, from its content not its name.
 *
 * libmagic's handle is not thread-safe and its database load is slow, so
 * each pool worker opens one arkiv_filetype_t after fork and reuses it.
 * Ownership: the arkiv_filetype_t belongs to whoever opened it and is
 * released with arkiv_filetype_free().
 */
#ifndef ARKIV_FILETYPE_H
#define ARKIV_FILETYPE_H

#include <glib.h>

typedef struct arkiv_filetype arkiv_filetype_t;

typedef enum {
    ARKIV_FILETYPE_UNSUPPORTED, /* anything not listed below */
    ARKIV_FILETYPE_EMPTY,       /* inode/x-empty: zero bytes */
    ARKIV_FILETYPE_PDF,         /* application/pdf */
    ARKIV_FILETYPE_TEXT,        /* any text/... (libmagic says text/plain
                                   for cp1252 and BOM-marked UTF-16) */
} arkiv_filetype_kind_t;

/* Open libmagic with its default database.  *out is new; on FALSE it is
 * NULL and *error says why. */
gboolean arkiv_filetype_open(arkiv_filetype_t **out, GError **error);

/* NULL is fine. */
void arkiv_filetype_free(arkiv_filetype_t *ft);

/* MIME type of path, following symlinks; special files (FIFOs, devices)
 * are typed from their inode ("inode/fifo") without being opened, so this
 * never blocks on them.  *mime_out is new (g_free).  On FALSE, *error is in
 * G_FILE_ERROR and its message is the strerror() text when libmagic gave
 * an errno, else libmagic's own message. */
gboolean arkiv_filetype_detect(arkiv_filetype_t *ft, const char *path, char **mime_out,
                               GError **error);

/* Which extractor handles mime: exact matches first, then wildcards
 * such as "text/" followed by a star. */
arkiv_filetype_kind_t arkiv_filetype_kind(const char *mime);

#endif /* ARKIV_FILETYPE_H */
