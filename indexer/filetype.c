/* filetype.c - libmagic type detection and the MIME -> extractor table. */
#include "filetype.h"

#include <errno.h>
#include <magic.h>
#include <string.h>

struct arkiv_filetype {
    magic_t magic;
};

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

gboolean arkiv_filetype_open(arkiv_filetype_t **out, GError **error)
{
    magic_t magic = magic_open(MAGIC_MIME_TYPE | MAGIC_SYMLINK | MAGIC_ERROR);

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
    *out = g_new0(arkiv_filetype_t, 1);
    (*out)->magic = magic;
    return TRUE;
}

void arkiv_filetype_free(arkiv_filetype_t *ft)
{
    if (ft == NULL)
        return;
    magic_close(ft->magic);
    g_free(ft);
}

gboolean arkiv_filetype_detect(arkiv_filetype_t *ft, const char *path, char **mime_out,
                               GError **error)
{
    const char *mime = magic_file(ft->magic, path);
    int err;

    *mime_out = NULL;
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
