/* textfile.c - read a text file and decode it; see textfile.h. */
#include "textfile.h"

#include "decode.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* Double *buf towards cap + 1 bytes: one byte past the cap is how an
 * oversized file is noticed.  Returns 0, EFBIG or ENOMEM (g_try_realloc, so
 * that a memory limit becomes an outcome rather than an abort). */
static int grow(char **buf, gsize *alloc, gsize cap)
{
    gsize want;
    char *bigger;

    if (*alloc > cap)
        return EFBIG;
    want = MIN(*alloc * 2, cap + 1);
    bigger = g_try_realloc(*buf, want);
    if (bigger == NULL)
        return ENOMEM;
    *buf = bigger;
    *alloc = want;
    return 0;
}

/* Read all of fd into *buf_out (g_free) unless it exceeds cap bytes.
 * Returns 0 or an errno value.  The fstat size is only a first guess:
 * the file may grow while we read, and /proc files claim size 0. */
static int read_capped(int fd, gsize cap, char **buf_out, gsize *len_out)
{
    struct stat st;
    gsize alloc, len = 0;
    char *buf;
    int err = 0;

    if (fstat(fd, &st) != 0)
        return errno;
    if ((guint64)st.st_size > cap)
        return EFBIG;
    alloc = (gsize)st.st_size + 1; /* + 1: reach EOF without growing */
    buf = g_try_malloc(alloc);
    if (buf == NULL)
        return ENOMEM;
    for (;;) {
        ssize_t n;
        if (len == alloc && (err = grow(&buf, &alloc, cap)) != 0)
            break;
        n = read(fd, buf + len, alloc - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            err = errno;
            break;
        }
        if (n == 0) {
            *buf_out = buf;
            *len_out = len;
            return 0;
        }
        len += (gsize)n;
    }
    g_free(buf);
    return err;
}

static void decode_into(const char *bytes, gsize len, arkiv_extract_result_t *out)
{
    char *utf8 = NULL;
    const char *encoding = NULL;

    switch (arkiv_decode_text(bytes, len, &utf8, &encoding)) {
    case ARKIV_DECODE_OK:
        out->outcome = ARKIV_EXTRACT_OK;
        out->pages = g_new0(char *, 2);
        out->pages[0] = utf8;
        out->encoding = g_strdup(encoding);
        return;
    case ARKIV_DECODE_EMPTY:
        g_free(utf8);
        out->encoding = g_strdup(encoding);
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_EMPTY, "empty file");
        return;
    case ARKIV_DECODE_ERROR:
    default:
        g_free(utf8);
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_DAMAGED, "damaged: cannot decode as %s",
                                  encoding != NULL ? encoding : "text");
        return;
    }
}

arkiv_extract_outcome_t arkiv_textfile_extract(const char *path, arkiv_extract_result_t *out)
{
    char *bytes = NULL;
    gsize len = 0;
    int err;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0) {
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_IO, "cannot read: %s", g_strerror(errno));
        return out->outcome;
    }
    err = read_capped(fd, ARKIV_TEXTFILE_MAX_BYTES, &bytes, &len);
    if (close(fd) != 0) /* read-only: nothing is lost */
        g_debug("close(%s): %s", path, g_strerror(errno));
    if (err == ENOMEM)
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_CRASHED, "out of memory");
    else if (err != 0)
        arkiv_extract_result_fail(out, ARKIV_EXTRACT_IO, "cannot read: %s", g_strerror(err));
    else {
        /* Every byte was read: their digest is the file's (extract.h). */
        out->hash = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)bytes, len);
        decode_into(bytes, len, out);
    }
    g_free(bytes);
    return out->outcome;
}
