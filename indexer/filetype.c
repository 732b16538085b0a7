/* filetype.c - libmagic type detection and the MIME -> extractor table. */
#include "filetype.h"

#include <errno.h>
#include <fcntl.h>
#include <magic.h>
#include <string.h>
#include <unistd.h>

/* Two libmagic handles. The full one runs the whole magic database; on a
 * text file that costs about 1 ms, because hundreds of soft-magic tests
 * (scripts, source code, mail, …) scan it, which is more than arkiv needs
 * to index the file. The text one skips soft magic and only asks libmagic
 * whether the bytes are text in some encoding (~0.03 ms). Minutes are
 * mostly text or PDF, so the text handle answers first and the full one
 * runs for everything it does not call text, and for text-based formats
 * that soft magic must name (PDF, PostScript, XML, SVG, RTF). */
struct arkiv_filetype {
    magic_t magic; /* full database */
    magic_t text;  /* encodings only */
};

static const int common_flags = MAGIC_MIME_TYPE | MAGIC_SYMLINK | MAGIC_ERROR;
static const int text_flags = MAGIC_NO_CHECK_SOFT | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_TAR |
                              MAGIC_NO_CHECK_CDF | MAGIC_NO_CHECK_ELF | MAGIC_NO_CHECK_APPTYPE |
                              MAGIC_NO_CHECK_JSON | MAGIC_NO_CHECK_CSV;

/* Exact types before wildcards; the first match wins.  Deliberately strict:
 * application/octet-stream and friends stay unsupported rather than being
 * guessed at. */
static const struct {
    const char *pattern;
    arkiv_filetype_kind_t kind;
} handlers[] = {
    {"application/pdf", ARKIV_FILETYPE_PDF},
    {"inode/x-empty", ARKIV_FILETYPE_EMPTY},
    {"text/*", ARKIV_FILETYPE_TEXT},
};

static gboolean open_magic(int flags, magic_t *out, GError **error)
{
    magic_t magic = magic_open(flags);

    *out = NULL;
    if (magic == NULL) {
        int saved = errno;
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(saved), "cannot open libmagic: %s",
                    g_strerror(saved));
        return FALSE;
    }
    if (magic_load(magic, NULL) != 0) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    "cannot load the libmagic database: %s", magic_error(magic));
        magic_close(magic);
        return FALSE;
    }
    *out = magic;
    return TRUE;
}

gboolean arkiv_filetype_open(arkiv_filetype_t **out, GError **error)
{
    magic_t full, text;

    *out = NULL;
    if (!open_magic(common_flags, &full, error))
        return FALSE;
    if (!open_magic(common_flags | text_flags, &text, error)) {
        magic_close(full);
        return FALSE;
    }
    *out = g_new0(arkiv_filetype_t, 1);
    (*out)->magic = full;
    (*out)->text = text;
    return TRUE;
}

void arkiv_filetype_free(arkiv_filetype_t *ft)
{
    if (ft == NULL)
        return;
    magic_close(ft->magic);
    magic_close(ft->text);
    g_free(ft);
}

/* Text-based formats whose first bytes soft magic must see to name them. */
static gboolean needs_soft_magic(const char *path)
{
    static const char *const signatures[] = {"%PDF", "%!",     "<?xml",
                                             "<svg", "{\\rtf", "\xef\xbb\xbf<?xml"};
    char head[8] = {0};
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, head, sizeof head) : -1;

    if (fd >= 0)
        close(fd);
    if (n <= 0)
        return TRUE; /* let the full handle report the problem */
    for (gsize i = 0; i < G_N_ELEMENTS(signatures); i++)
        if ((gsize)n >= strlen(signatures[i]) &&
            memcmp(head, signatures[i], strlen(signatures[i])) == 0)
            return TRUE;
    return FALSE;
}

gboolean arkiv_filetype_detect(arkiv_filetype_t *ft, const char *path, char **mime_out,
                               GError **error)
{
    const char *mime = magic_file(ft->text, path);
    int err;

    *mime_out = NULL;
    if (mime == NULL || strcmp(mime, "text/plain") != 0 || needs_soft_magic(path))
        mime = magic_file(ft->magic, path);
    if (mime != NULL) {
        *mime_out = g_strdup(mime);
        return TRUE;
    }
    err = magic_errno(ft->magic);
    if (err != 0)
        g_set_error_literal(error, G_FILE_ERROR, g_file_error_from_errno(err), g_strerror(err));
    else
        g_set_error_literal(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                            magic_error(ft->magic) != NULL ? magic_error(ft->magic)
                                                           : "unknown libmagic error");
    return FALSE;
}

static gboolean pattern_matches(const char *pattern, const char *mime)
{
    gsize n = strlen(pattern);

    if (n >= 2 && pattern[n - 1] == '*' && pattern[n - 2] == '/')
        return strncmp(pattern, mime, n - 1) == 0;
    return strcmp(pattern, mime) == 0;
}

arkiv_filetype_kind_t arkiv_filetype_kind(const char *mime)
{
    if (mime == NULL)
        return ARKIV_FILETYPE_UNSUPPORTED;
    for (gsize i = 0; i < G_N_ELEMENTS(handlers); i++)
        if (pattern_matches(handlers[i].pattern, mime))
            return handlers[i].kind;
    return ARKIV_FILETYPE_UNSUPPORTED;
}
