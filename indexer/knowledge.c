/* knowledge.c — load the editable data files the tagger reads. */
#include "knowledge.h"

#include <string.h>

#include "fold.h"

struct arkiv_knowledge {
    GHashTable *council_by_name;    /* folded, spaces collapsed -> canonical (owned) */
    GHashTable *council_by_acronym; /* exact acronym -> canonical */
    GPtrArray *canonicals;          /* char*: owns the canonical names */
    GPtrArray *council_names;       /* council_name_t*, in file order (owned) */
    GRegex *council_rx;
    GHashTable *words;      /* "group\nkey" -> char** (owned strv) */
    GHashTable *word_sets;  /* group -> (key -> (name_key(word) -> unused)) */
    GHashTable *months;     /* lowercased word -> GINT_TO_POINTER(month) */
    GHashTable *firstnames; /* folded -> unused */
    GHashTable *same;       /* folded variant -> canonical */
    GHashTable *distinct;   /* folded name -> unused */
    char *digest;
};

static const char *const empty_words[] = {NULL};

/* One name of a council as councils.ini writes it; name_key() folds
 * diacritics, so the hash tables cannot give the spelling back. */
typedef struct {
    const char *canonical; /* owned by canonicals */
    char *name;
    gboolean acronym;
} council_name_t;

static void council_name_free(gpointer p)
{
    council_name_t *n = p;
    g_free(n->name);
    g_free(n);
}

static void add_council_name(arkiv_knowledge_t *k, const char *canon, const char *name,
                             gboolean acronym)
{
    council_name_t *n = g_new(council_name_t, 1);
    n->canonical = canon;
    n->name = g_strdup(name);
    n->acronym = acronym;
    g_ptr_array_add(k->council_names, n);
}

/* Lowercased, diacritics folded, runs of blanks one space, trimmed: the
 * form names are compared in. */
static char *name_key(const char *s)
{
    char *f = arkiv_fold(s);
    if (!f)
        return g_strdup("");
    GString *out = g_string_new(NULL);
    gboolean space = FALSE;
    for (const char *p = f; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n') {
            space = TRUE;
            continue;
        }
        if (space && out->len)
            g_string_append_c(out, ' ');
        space = FALSE;
        g_string_append_c(out, *p);
    }
    g_free(f);
    return g_string_free(out, FALSE);
}

/* name_key() for lookups without allocating: words below U+0300 (already
 * NFC, so lowercasing and the fold table are all name_key() does) are
 * keyed in buf; anything else goes through name_key() into *heap, which
 * the caller g_frees. */
static const char *lookup_key(const char *s, char *buf, gsize size, char **heap)
{
    gsize n = 0;
    gboolean space = FALSE;
    *heap = NULL;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        if ((guchar)*p < 0x80 && *p != ' ' && *p != '\t' && *p != '\n' && n + 8 < size) {
            if (space && n)
                buf[n++] = ' ';
            space = FALSE;
            buf[n++] = g_ascii_tolower(*p); /* the fold table has no ASCII letters */
            continue;
        }
        gunichar c = g_utf8_get_char(p);
        if (c >= 0x300 || n + 8 >= size)
            return *heap = name_key(s);
        if (c == ' ' || c == '\t' || c == '\n') {
            space = TRUE;
            continue;
        }
        if (space && n)
            buf[n++] = ' ';
        space = FALSE;
        gunichar lc = g_unichar_tolower(c);
        const char *f = arkiv_fold_char(lc);
        if (f) {
            gsize len = strlen(f);
            memcpy(buf + n, f, len);
            n += len;
        } else {
            n += g_unichar_to_utf8(lc, buf + n);
        }
    }
    buf[n] = '\0';
    return buf;
}

char *arkiv_knowledge_find_dir(const char *override, GError **error)
{
    if (override)
        return g_strdup(override);
    const char *env = g_getenv("ARKIV_DATA");
    if (env && *env)
        return g_strdup(env);
    char *exe = g_file_read_link("/proc/self/exe", NULL);
    if (exe) {
        char *bindir = g_path_get_dirname(exe);
        const char *rel[] = {"../share/arkiv", "../data"};
        for (guint i = 0; i < G_N_ELEMENTS(rel); i++) {
            char *dir = g_build_filename(bindir, rel[i], NULL);
            char *probe = g_build_filename(dir, "councils.ini", NULL);
            gboolean ok = g_file_test(probe, G_FILE_TEST_IS_REGULAR);
            g_free(probe);
            if (ok) {
                g_free(bindir);
                g_free(exe);
                return dir;
            }
            g_free(dir);
        }
        g_free(bindir);
        g_free(exe);
    }
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                "no data directory found (councils.ini, minutes.ini): use --data DIR or "
                "set ARKIV_DATA");
    return NULL;
}

static gboolean load_keyfile(const char *dir, const char *name, gboolean required, GChecksum *sum,
                             GKeyFile **out, GError **error)
{
    char *path = g_build_filename(dir, name, NULL);
    char *text = NULL;
    gsize len = 0;
    GError *e = NULL;
    *out = g_key_file_new();
    if (!g_file_get_contents(path, &text, &len, &e)) {
        gboolean missing_ok = !required && g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT);
        if (!missing_ok)
            g_propagate_prefixed_error(error, e, "%s: ", path);
        else
            g_error_free(e);
        g_free(path);
        return missing_ok;
    }
    g_checksum_update(sum, (const guchar *)text, len);
    gboolean ok = g_key_file_load_from_data(*out, text, len, G_KEY_FILE_NONE, &e);
    if (!ok)
        g_propagate_prefixed_error(error, e, "%s: ", path);
    g_free(text);
    g_free(path);
    return ok;
}

static char **get_list(GKeyFile *kf, const char *group, const char *key)
{
    char **v = g_key_file_get_string_list(kf, group, key, NULL, NULL);
    if (!v)
        return g_new0(char *, 1);
    /* Keep non-empty, trimmed words only: "a;;b; " is a common slip. */
    guint n = 0;
    for (guint i = 0; v[i]; i++) {
        g_strstrip(v[i]);
        if (*v[i])
            v[n++] = v[i];
        else
            g_free(v[i]);
    }
    v[n] = NULL;
    return v;
}

static void add_council(arkiv_knowledge_t *k, GKeyFile *kf, const char *group)
{
    char *canon = g_strdup(group);
    g_strstrip(canon);
    g_ptr_array_add(k->canonicals, canon);
    g_hash_table_replace(k->council_by_name, name_key(canon), canon);
    add_council_name(k, canon, canon, FALSE);
    char **aliases = get_list(kf, group, "aliases");
    for (char **a = aliases; *a; a++) {
        g_hash_table_replace(k->council_by_name, name_key(*a), canon);
        add_council_name(k, canon, *a, FALSE);
    }
    g_strfreev(aliases);
    char **acr = get_list(kf, group, "acronyms");
    for (char **a = acr; *a; a++) {
        g_hash_table_replace(k->council_by_acronym, g_strdup(*a), canon);
        add_council_name(k, canon, *a, TRUE);
    }
    g_strfreev(acr);
}

static gint longer_first(gconstpointer a, gconstpointer b)
{
    gsize la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);
    return la < lb ? 1 : la > lb ? -1 : strcmp(*(char *const *)a, *(char *const *)b);
}

/* A regex fragment for one phrase: escaped, any run of blanks between words. */
static void append_phrase(GString *rx, const char *phrase)
{
    char **parts = g_strsplit_set(phrase, " \t", -1);
    gboolean first = TRUE;
    for (char **p = parts; *p; p++) {
        if (!**p)
            continue;
        char *esc = g_regex_escape_string(*p, -1);
        g_string_append_printf(rx, "%s%s", first ? "" : "\\s+", esc);
        g_free(esc);
        first = FALSE;
    }
    g_strfreev(parts);
}

static gboolean build_council_rx(arkiv_knowledge_t *k, GKeyFile *kf, GError **error)
{
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *acrs = g_ptr_array_new_with_free_func(g_free);
    char **groups = g_key_file_get_groups(kf, NULL);
    for (char **g = groups; *g; g++) {
        g_ptr_array_add(names, g_strstrip(g_strdup(*g)));
        char **v = get_list(kf, *g, "aliases");
        for (char **a = v; *a; a++)
            g_ptr_array_add(names, g_strdup(*a));
        g_strfreev(v);
        v = get_list(kf, *g, "acronyms");
        for (char **a = v; *a; a++)
            g_ptr_array_add(acrs, g_strdup(*a));
        g_strfreev(v);
    }
    g_strfreev(groups);
    g_ptr_array_sort(names, longer_first);
    g_ptr_array_sort(acrs, longer_first);
    GString *rx = g_string_new("(?<![\\w-])(?:(?i:");
    for (guint i = 0; i < names->len; i++) {
        if (i)
            g_string_append_c(rx, '|');
        append_phrase(rx, names->pdata[i]);
    }
    if (!names->len)
        g_string_append(rx, "(?!)");
    g_string_append(rx, ")");
    for (guint i = 0; i < acrs->len; i++) {
        g_string_append_c(rx, '|');
        append_phrase(rx, acrs->pdata[i]);
    }
    /* The genitive "formannskapets sak" names the council too. */
    g_string_append(rx, ")s?(?![\\w])");
    /* Not JIT-compiled (G_REGEX_OPTIMIZE): this alternation of every name
     * in the gazetteer (and tag_refs.c's anchored copy of it) took PCRE2's
     * JIT 1.6 ms to compile, a third of what tagging added to starting a
     * run, and it is matched only against a few header lines and the
     * words before a case reference per file, where the interpreter costs
     * microseconds. */
    k->council_rx = g_regex_new(rx->str, 0, 0, error);
    g_string_free(rx, TRUE);
    g_ptr_array_unref(names);
    g_ptr_array_unref(acrs);
    return k->council_rx != NULL;
}

static GHashTable *new_set(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

/* The folded words of one key, for arkiv_knowledge_has_word(). */
static void add_word_set(arkiv_knowledge_t *k, const char *group, const char *key,
                         const char *const *words)
{
    GHashTable *keys = g_hash_table_lookup(k->word_sets, group);
    if (!keys) {
        keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify)g_hash_table_unref);
        g_hash_table_replace(k->word_sets, g_strdup(group), keys);
    }
    GHashTable *set = new_set();
    for (const char *const *w = words; *w; w++) {
        char *f = name_key(*w);
        if (*f)
            g_hash_table_add(set, f);
        else
            g_free(f);
    }
    g_hash_table_replace(keys, g_strdup(key), set);
}

static void load_words(arkiv_knowledge_t *k, GKeyFile *kf)
{
    char **groups = g_key_file_get_groups(kf, NULL);
    for (char **g = groups; *g; g++) {
        char **keys = g_key_file_get_keys(kf, *g, NULL, NULL);
        for (char **key = keys; key && *key; key++) {
            char **v = get_list(kf, *g, *key);
            if (g_str_equal(*g, "months")) {
                int m = atoi(*key);
                for (char **w = v; *w && m >= 1 && m <= 12; w++)
                    g_hash_table_replace(k->months, g_utf8_strdown(*w, -1), GINT_TO_POINTER(m));
            }
            add_word_set(k, *g, *key, (const char *const *)v);
            g_hash_table_replace(k->words, g_strdup_printf("%s\n%s", *g, *key), v);
        }
        g_strfreev(keys);
    }
    g_strfreev(groups);
}

static gboolean load_firstnames(arkiv_knowledge_t *k, const char *dir, GChecksum *sum,
                                GError **error)
{
    char *path = g_build_filename(dir, "firstnames.txt", NULL);
    char *text = NULL;
    gsize len = 0;
    GError *e = NULL;
    gboolean ok = g_file_get_contents(path, &text, &len, &e);
    if (!ok) {
        ok = g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT);
        if (!ok)
            g_propagate_prefixed_error(error, e, "%s: ", path);
        else
            g_error_free(e);
    } else if (!g_utf8_validate(text, len, NULL)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not valid UTF-8", path);
        ok = FALSE;
    } else {
        g_checksum_update(sum, (const guchar *)text, len);
        char **lines = g_strsplit_set(text, "\n", -1);
        for (char **l = lines; *l; l++) {
            g_strstrip(*l);
            if (**l && **l != '#')
                g_hash_table_add(k->firstnames, name_key(*l));
        }
        g_strfreev(lines);
    }
    g_free(text);
    g_free(path);
    return ok;
}

static void load_people(arkiv_knowledge_t *k, GKeyFile *kf)
{
    char **keys = g_key_file_get_keys(kf, "same", NULL, NULL);
    for (char **key = keys; keys && *key; key++) {
        char *canon = g_key_file_get_string(kf, "same", *key, NULL);
        if (canon && *g_strstrip(canon))
            g_hash_table_replace(k->same, name_key(*key), canon);
        else
            g_free(canon);
    }
    g_strfreev(keys);
    char **v = get_list(kf, "distinct", "names");
    for (char **n = v; *n; n++)
        g_hash_table_add(k->distinct, name_key(*n));
    g_strfreev(v);
}

static arkiv_knowledge_t *knowledge_new(void)
{
    arkiv_knowledge_t *k = g_new0(arkiv_knowledge_t, 1);
    k->council_by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    k->council_by_acronym = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    k->canonicals = g_ptr_array_new_with_free_func(g_free);
    k->council_names = g_ptr_array_new_with_free_func(council_name_free);
    k->words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
    k->word_sets =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_hash_table_unref);
    k->months = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    k->firstnames = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    k->same = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    k->distinct = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return k;
}

gboolean arkiv_knowledge_load(const char *dir, arkiv_knowledge_t **out, GError **error)
{
    *out = NULL;
    arkiv_knowledge_t *k = knowledge_new();
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    GKeyFile *councils = NULL, *minutes = NULL, *people = NULL;
    gboolean ok = load_keyfile(dir, "councils.ini", TRUE, sum, &councils, error) &&
                  load_keyfile(dir, "minutes.ini", TRUE, sum, &minutes, error) &&
                  load_keyfile(dir, "people.ini", FALSE, sum, &people, error) &&
                  load_firstnames(k, dir, sum, error);
    if (ok) {
        char **groups = g_key_file_get_groups(councils, NULL);
        for (char **g = groups; *g; g++)
            add_council(k, councils, *g);
        g_strfreev(groups);
        ok = build_council_rx(k, councils, error);
    }
    if (ok) {
        load_words(k, minutes);
        load_people(k, people);
        k->digest = g_strdup(g_checksum_get_string(sum));
        *out = k;
    } else {
        arkiv_knowledge_free(k);
    }
    if (councils)
        g_key_file_free(councils);
    if (minutes)
        g_key_file_free(minutes);
    if (people)
        g_key_file_free(people);
    g_checksum_free(sum);
    return ok;
}

/* The data files in the order arkiv_knowledge_load() reads them. */
static const struct {
    const char *name;
    gboolean required;
} data_files[] = {{"councils.ini", TRUE},
                  {"minutes.ini", TRUE},
                  {"people.ini", FALSE},
                  {"firstnames.txt", FALSE}};

gboolean arkiv_knowledge_dir_digest(const char *dir, char **digest_out, GError **error)
{
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    gboolean ok = TRUE;
    for (gsize i = 0; ok && i < G_N_ELEMENTS(data_files); i++) {
        char *path = g_build_filename(dir, data_files[i].name, NULL);
        char *text = NULL;
        gsize len = 0;
        GError *e = NULL;
        if (g_file_get_contents(path, &text, &len, &e)) {
            g_checksum_update(sum, (const guchar *)text, len);
            g_free(text);
        } else if (!data_files[i].required &&
                   g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
            g_error_free(e);
        } else {
            g_propagate_prefixed_error(error, e, "%s: ", path);
            ok = FALSE;
        }
        g_free(path);
    }
    *digest_out = ok ? g_strdup(g_checksum_get_string(sum)) : NULL;
    g_checksum_free(sum);
    return ok;
}

void arkiv_knowledge_free(arkiv_knowledge_t *k)
{
    if (!k)
        return;
    g_hash_table_unref(k->council_by_name);
    g_hash_table_unref(k->council_by_acronym);
    g_ptr_array_unref(k->council_names);
    g_ptr_array_unref(k->canonicals);
    if (k->council_rx)
        g_regex_unref(k->council_rx);
    g_hash_table_unref(k->words);
    g_hash_table_unref(k->word_sets);
    g_hash_table_unref(k->months);
    g_hash_table_unref(k->firstnames);
    g_hash_table_unref(k->same);
    g_hash_table_unref(k->distinct);
    g_free(k->digest);
    g_free(k);
}

const char *arkiv_knowledge_digest(const arkiv_knowledge_t *k)
{
    return k->digest;
}

static const char *council_exact(const arkiv_knowledge_t *k, const char *name)
{
    char *trimmed = g_strstrip(g_strdup(name));
    const char *c = g_hash_table_lookup(k->council_by_acronym, trimmed);
    if (!c) {
        char buf[128], *heap = NULL;
        c = g_hash_table_lookup(k->council_by_name, lookup_key(trimmed, buf, sizeof buf, &heap));
        g_free(heap);
    }
    g_free(trimmed);
    return c;
}

const char *arkiv_knowledge_council(const arkiv_knowledge_t *k, const char *name)
{
    const char *c = council_exact(k, name);
    gsize n = strlen(name);
    if (!c && n > 1 && name[n - 1] == 's') {
        char *base = g_strndup(name, n - 1);
        c = council_exact(k, base);
        g_free(base);
    }
    return c;
}

void arkiv_knowledge_foreach_council_name(const arkiv_knowledge_t *k, arkiv_council_name_fn fn,
                                          void *user)
{
    for (guint i = 0; k && i < k->council_names->len; i++) {
        const council_name_t *n = k->council_names->pdata[i];
        fn(n->canonical, n->name, n->acronym, user);
    }
}

const GRegex *arkiv_knowledge_council_regex(const arkiv_knowledge_t *k)
{
    return k->council_rx;
}

const char *const *arkiv_knowledge_words(const arkiv_knowledge_t *k, const char *group,
                                         const char *key)
{
    if (!k)
        return empty_words;
    char *hk = g_strdup_printf("%s\n%s", group, key);
    const char *const *v = g_hash_table_lookup(k->words, hk);
    g_free(hk);
    return v ? v : empty_words;
}

char *arkiv_knowledge_alternation(const arkiv_knowledge_t *k, const char *group, const char *key)
{
    const char *const *words = arkiv_knowledge_words(k, group, key);
    GPtrArray *sorted = g_ptr_array_new();
    for (const char *const *w = words; *w; w++)
        g_ptr_array_add(sorted, (gpointer)*w);
    g_ptr_array_sort(sorted, longer_first);
    GString *rx = g_string_new("(?:");
    for (guint i = 0; i < sorted->len; i++) {
        if (i)
            g_string_append_c(rx, '|');
        append_phrase(rx, sorted->pdata[i]);
    }
    if (!sorted->len)
        g_string_append(rx, "(?!)");
    g_string_append_c(rx, ')');
    g_ptr_array_unref(sorted);
    return g_string_free(rx, FALSE);
}

static GHashTable *word_set(const arkiv_knowledge_t *k, const char *group, const char *key)
{
    if (!k || !group || !key)
        return NULL;
    GHashTable *keys = g_hash_table_lookup(k->word_sets, group);
    return keys ? g_hash_table_lookup(keys, key) : NULL;
}

gboolean arkiv_knowledge_has_word(const arkiv_knowledge_t *k, const char *group, const char *key,
                                  const char *word)
{
    GHashTable *set = word_set(k, group, key);
    if (!set || !word)
        return FALSE;
    char buf[128], *heap = NULL;
    gboolean yes = g_hash_table_contains(set, lookup_key(word, buf, sizeof buf, &heap));
    g_free(heap);
    return yes;
}

gboolean arkiv_knowledge_has_suffix(const arkiv_knowledge_t *k, const char *group, const char *key,
                                    const char *word)
{
    GHashTable *set = word_set(k, group, key);
    if (!set || !word)
        return FALSE;
    char buf[128], *heap = NULL;
    const char *f = lookup_key(word, buf, sizeof buf, &heap);
    gboolean yes = FALSE;
    /* Every tail of the folded word, at character boundaries. */
    for (const char *p = f; *p && !yes; p = g_utf8_next_char(p))
        yes = g_hash_table_contains(set, p);
    g_free(heap);
    return yes;
}

int arkiv_knowledge_month(const arkiv_knowledge_t *k, const char *word)
{
    char *w = g_utf8_strdown(word, -1);
    gsize n = strlen(w);
    if (n && w[n - 1] == '.')
        w[n - 1] = '\0';
    int m = GPOINTER_TO_INT(g_hash_table_lookup(k->months, w));
    g_free(w);
    return m;
}

gboolean arkiv_knowledge_is_first_name(const arkiv_knowledge_t *k, const char *word)
{
    char buf[128], *heap = NULL;
    gboolean yes = g_hash_table_contains(k->firstnames, lookup_key(word, buf, sizeof buf, &heap));
    g_free(heap);
    return yes;
}

const char *arkiv_knowledge_person_same(const arkiv_knowledge_t *k, const char *name)
{
    char buf[128], *heap = NULL;
    const char *c = g_hash_table_lookup(k->same, lookup_key(name, buf, sizeof buf, &heap));
    g_free(heap);
    return c;
}

gboolean arkiv_knowledge_person_distinct(const arkiv_knowledge_t *k, const char *name)
{
    char buf[128], *heap = NULL;
    gboolean yes = g_hash_table_contains(k->distinct, lookup_key(name, buf, sizeof buf, &heap));
    g_free(heap);
    return yes;
}
