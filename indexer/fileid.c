/* fileid.c — stable document ids and content hashes. */
#include "fileid.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

char *arkiv_file_id(const char *abs_path)
{
    char *full = g_compute_checksum_for_string(G_CHECKSUM_SHA256, abs_path, -1);
    char *id = g_strndup(full, 16);
    g_free(full);
    return id;
}

/* Streamed, so a 100 MB file costs a 64 KiB buffer, not 100 MB. */
gboolean arkiv_file_hash(const char *path, char **hash_out, GError **error)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno), "cannot read: %s",
                    g_strerror(errno));
        return FALSE;
    }
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    guchar buf[65536];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(e), "cannot read: %s",
                        g_strerror(e));
            g_checksum_free(sum);
            close(fd);
            return FALSE;
        }
        g_checksum_update(sum, buf, (gsize)n);
    }
    close(fd);
    *hash_out = g_strdup(g_checksum_get_string(sum));
    g_checksum_free(sum);
    return TRUE;
}
