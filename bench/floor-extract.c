/* floor-extract — the extraction floor for bench/run: open each file under
 * the given folders and pull its text (poppler-glib for PDF, a plain read
 * otherwise), nothing more: no type detection, normalisation, tagging or
 * indexing. With --dump DIR it also writes each text to DIR/N.txt, the
 * input of bench/floor-xapian.
 *
 * usage: floor-extract [--dump DIR] FOLDER... */
#include <glib.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *dump; /* borrowed from argv, or NULL */
    unsigned files;
    guint64 bytes;
} tally_t;

static char *pdf_text(const char *path)
{
    char *uri = g_filename_to_uri(path, NULL, NULL);
    PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, NULL, NULL) : NULL;
    GString *s = g_string_new(NULL);

    g_free(uri);
    for (int i = 0; doc && i < poppler_document_get_n_pages(doc); i++) {
        PopplerPage *page = poppler_document_get_page(doc, i);
        char *t = page ? poppler_page_get_text(page) : NULL;
        if (t)
            g_string_append(g_string_append(s, t), "\n\f");
        g_free(t);
        if (page)
            g_object_unref(page);
    }
    if (doc)
        g_object_unref(doc);
    return g_string_free(s, FALSE);
}

static void take(tally_t *t, const char *path)
{
    char *text = NULL;
    gsize len = 0;

    if (g_str_has_suffix(path, ".pdf"))
        text = pdf_text(path);
    else if (!g_file_get_contents(path, &text, &len, NULL))
        return;
    t->files++;
    t->bytes += strlen(text);
    if (t->dump) {
        char *out = g_strdup_printf("%s/%u.txt", t->dump, t->files);
        if (!g_file_set_contents(out, text, -1, NULL))
            fprintf(stderr, "floor-extract: cannot write %s\n", out);
        g_free(out);
    }
    g_free(text);
}

static void walk(tally_t *t, const char *folder)
{
    GDir *dir = g_dir_open(folder, 0, NULL);
    const char *name;

    while (dir && (name = g_dir_read_name(dir))) {
        char *path = g_build_filename(folder, name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR))
            walk(t, path);
        else if (g_file_test(path, G_FILE_TEST_IS_REGULAR))
            take(t, path);
        g_free(path);
    }
    if (dir)
        g_dir_close(dir);
}

int main(int argc, char **argv)
{
    tally_t t = {NULL, 0, 0};
    int i = 1;

    if (argc > 2 && strcmp(argv[1], "--dump") == 0) {
        t.dump = argv[2];
        i = 3;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: floor-extract [--dump DIR] FOLDER...\n");
        return 2;
    }
    for (; i < argc; i++)
        walk(&t, argv[i]);
    printf("%u files, %" G_GUINT64_FORMAT " bytes of text\n", t.files, t.bytes);
    return 0;
}
