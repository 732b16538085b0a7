/* tag_mentions.c — people named in running text. */
#include "tag_mentions.h"

#include <string.h>

#include "person.h"

enum { MAX_TOKENS = 4 };

struct arkiv_tag_mentions {
    const arkiv_knowledge_t *k;
    GRegex *seq_rx; /* runs of capitalised words and initials */
};

gboolean arkiv_tag_mentions_new(const arkiv_knowledge_t *k, arkiv_tag_mentions_t **out,
                                GError **error)
{
    arkiv_tag_mentions_t *m = g_new0(arkiv_tag_mentions_t, 1);
    m->k = k;
    /* A capitalised word (hyphenated parts allowed), then up to three more
     * capitalised words or initials ("W."), on one line. */
    const char *word = "\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?";
    char *p = g_strdup_printf("(?<![\\w.-])%s(?:[ ](?:%s|\\p{Lu}\\.)){1,3}(?![\\w-])", word, word);
    m->seq_rx = g_regex_new(p, G_REGEX_OPTIMIZE, 0, error);
    g_free(p);
    if (!m->seq_rx) {
        g_free(m);
        m = NULL;
    }
    *out = m;
    return m != NULL;
}

void arkiv_tag_mentions_free(arkiv_tag_mentions_t *m)
{
    if (!m)
        return;
    g_regex_unref(m->seq_rx);
    g_free(m);
}

/* A surname is capitalised, longer than an initial, and not a word that
 * follows first names in other roles: a month ("Per Mai"), a council, a
 * word the person rules say is no name's ("Kommunedirektør",
 * "Pensjonistforbundet") or another first name alone ("Anne Marie" is two
 * first names, not a person). */
static gboolean surname_ok(const arkiv_tag_mentions_t *m, const char *w)
{
    return g_utf8_strlen(w, -1) > 2 && !g_str_has_suffix(w, ".") &&
           !arkiv_knowledge_month(m->k, w) && !arkiv_knowledge_council(m->k, w) &&
           !arkiv_person_is_not_name_word(m->k, w);
}

/* The name inside a run of capitalised words: from the first known first
 * name to the last acceptable surname; NULL when there is none. */
static char *name_in_run(const arkiv_tag_mentions_t *m, const char *run)
{
    char **w = g_strsplit_set(run, " ", -1);
    guint n = g_strv_length(w), first = n, last = n;
    for (guint i = 0; i < n && first == n; i++)
        if (arkiv_knowledge_is_first_name(m->k, w[i]))
            first = i;
    for (guint i = n; i > first + 1; i--)
        if (surname_ok(m, w[i - 1]) && !arkiv_knowledge_is_first_name(m->k, w[i - 1])) {
            last = i - 1;
            break;
        }
    char *name = NULL;
    if (first < n && last < n && last > first && last - first < MAX_TOKENS) {
        char *saved = w[last + 1];
        w[last + 1] = NULL; /* join first..last only */
        name = g_strjoinv(" ", w + first);
        w[last + 1] = saved;
    }
    g_strfreev(w);
    return name;
}

void arkiv_tag_mentions_run(const arkiv_tag_mentions_t *m, const arkiv_tagtext_t *t,
                            arkiv_entities_t *e)
{
    /* Resolving compares with every person found so far: do it once per
     * distinct run, not once per occurrence. */
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GMatchInfo *mi = NULL;
    g_regex_match(m->seq_rx, t->text, 0, &mi);
    while (g_match_info_matches(mi)) {
        char *run = g_match_info_fetch(mi, 0);
        char *name = g_hash_table_contains(seen, run) ? NULL : name_in_run(m, run);
        if (name && !arkiv_person_resolve(e->people, name)) {
            char *key = arkiv_person_key(m->k, name);
            if (key && *key)
                arkiv_person_merge(e, arkiv_person_new(name, key));
            g_free(key);
        }
        g_hash_table_add(seen, run);
        g_free(name);
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    g_hash_table_unref(seen);
}
