/* poppler_dl.c — poppler-glib, loaded when the first PDF is read; see
 * poppler_dl.h. */
#include "poppler_dl.h"

#include <gmodule.h>

/* The Makefile passes the SONAME of the poppler-glib it compiled against,
 * so the library opened is the one the header describes. */
#ifndef ARKIV_POPPLER_SONAME
#define ARKIV_POPPLER_SONAME "libpoppler-glib.so.8"
#endif

/* What one loading attempt left: the table, or why there is none. */
typedef struct {
    arkiv_poppler_t fns;
    char *why; /* NULL when fns is complete */
} loaded_t;

static gboolean find(GModule *m, const char *name, gpointer *fn, char **why)
{
    if (g_module_symbol(m, name, fn) && *fn)
        return TRUE;
    *why = g_strdup_printf("%s has no %s", g_module_name(m), name);
    return FALSE;
}

static gpointer load(gpointer unused)
{
    (void)unused;
    loaded_t *l = g_new0(loaded_t, 1);
    /* Another build of poppler-glib can be named (and the tests name a
     * missing one to see the failure reported). */
    const char *lib = g_getenv("ARKIV_POPPLER_LIBRARY");
    if (!lib || !*lib)
        lib = ARKIV_POPPLER_SONAME;
    GModule *m = g_module_open(lib, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
    if (!m) {
        l->why = g_strdup_printf("PDF text needs %s (Debian package libpoppler-glib8): %s", lib,
                                 g_module_error());
        return l;
    }
    /* poppler-glib registers GObject types: it must never be unloaded. */
    g_module_make_resident(m);
    arkiv_poppler_t *f = &l->fns;
    (void)(find(m, "poppler_document_new_from_bytes", (gpointer *)&f->document_new_from_bytes,
                &l->why) &&
           find(m, "poppler_document_get_n_pages", (gpointer *)&f->document_get_n_pages, &l->why) &&
           find(m, "poppler_document_get_page", (gpointer *)&f->document_get_page, &l->why) &&
           find(m, "poppler_document_get_title", (gpointer *)&f->document_get_title, &l->why) &&
           find(m, "poppler_document_get_author", (gpointer *)&f->document_get_author, &l->why) &&
           find(m, "poppler_document_get_creation_date_time",
                (gpointer *)&f->document_get_creation_date_time, &l->why) &&
           find(m, "poppler_page_get_text", (gpointer *)&f->page_get_text, &l->why) &&
           find(m, "poppler_error_quark", (gpointer *)&f->error_quark, &l->why));
    return l;
}

const arkiv_poppler_t *arkiv_poppler(GError **error)
{
    /* The dynamic linker's state is process-wide whatever we do; this
     * records once what it gave, and is only read afterwards. */
    static GOnce once = G_ONCE_INIT;
    const loaded_t *l = g_once(&once, load, NULL);
    if (l->why) {
        g_set_error_literal(error, G_FILE_ERROR, G_FILE_ERROR_NOENT, l->why);
        return NULL;
    }
    return &l->fns;
}
