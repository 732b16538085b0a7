/* foldsyn.c — folded spellings as Xapian synonyms.
 *
 * Why synonyms and not extra folded terms in every document: a synonym is
 * stored once per word for the whole index, costs no postings, and leaves
 * an exact query ("Bjørn") matching only exact spellings. */
#include "foldsyn.h"

#include "fold.h"

typedef struct {
    arkiv_db_t *db;
    GError **error;
    gboolean ok;
} adding_t;

static gboolean add_variants(arkiv_db_t *db, const char *word, GError **error)
{
    char **variants = arkiv_fold_variants(word);
    gboolean ok = TRUE;
    for (char **v = variants; ok && v && *v; v++) {
        arkiv_status_t st = arkiv_db_add_synonym(db, *v, word);
        if (st != ARKIV_STATUS_OK) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", arkiv_status_string(st),
                        arkiv_db_last_error(db));
            ok = FALSE;
        }
    }
    g_strfreev(variants);
    return ok;
}

static int add_word(const char *word, void *user)
{
    adding_t *a = user;
    if (arkiv_fold_changes(word))
        a->ok = add_variants(a->db, word, a->error);
    return !a->ok;
}

gboolean arkiv_foldsyn_add(arkiv_db_t *db, arkiv_doc_t *doc, GError **error)
{
    adding_t a = {db, error, TRUE};
    arkiv_status_t st = arkiv_doc_foreach_word(doc, add_word, &a);
    if (st != ARKIV_STATUS_OK && a.ok) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: %s", arkiv_status_string(st),
                    arkiv_db_last_error(db));
        return FALSE;
    }
    return a.ok;
}
