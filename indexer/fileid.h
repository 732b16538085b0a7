/* fileid.h — stable document ids and content hashes. */
#ifndef ARKIV_FILEID_H
#define ARKIV_FILEID_H

#include <glib.h>

/* The stable id of the file at this absolute path: 16 hex digits of its
 * SHA-256, so the id never depends on Xapian's docids or on indexing
 * order. Caller frees with g_free. */
char *arkiv_file_id(const char *abs_path);

/* SHA-256 of the file's content, hex. FALSE with *error if unreadable.
 * *hash_out: caller frees with g_free. */
gboolean arkiv_file_hash(const char *path, char **hash_out, GError **error);

#endif
