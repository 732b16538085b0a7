/* trace_query.c — a case's story includes the minutes that refer to it,
 * and a project's name is a phrase as often as it is a tag. */
#include "trace_query.h"

#include <glib.h>
#include <string.h>

#include "answer_util.h"

/* Words the query parser reads as operators, in any case
 * (FLAG_BOOLEAN_ANY_CASE). */
static gboolean operator_word(const char *w)
{
    static const char *const ops[] = {"and", "or", "not", "xor", "near", "adj"};
    for (gsize i = 0; i < G_N_ELEMENTS(ops); i++) {
        gsize n = strlen(ops[i]);
        if (g_ascii_strncasecmp(w, ops[i], n) == 0 && (w[n] == '\0' || w[n] == '/'))
            return TRUE;
    }
    return FALSE;
}

/* Words and nothing else: no fields, quotes, brackets, wildcards,
 * +/- or operators. Sets *n_words. */
static gboolean plain_words(const char *q, guint *n_words)
{
    if (strpbrk(q, ":\"()*+"))
        return FALSE;
    char **words = g_strsplit_set(q, " \t\n", -1);
    gboolean plain = TRUE;
    *n_words = 0;
    for (char **w = words; plain && *w; w++) {
        if (!**w)
            continue;
        plain = **w != '-' && !operator_word(*w);
        (*n_words)++;
    }
    g_strfreev(words);
    return plain && *n_words > 0;
}

static gboolean word_start(const char *q, const char *p)
{
    return p == q || g_ascii_isspace(p[-1]) || p[-1] == '(' || p[-1] == '-' || p[-1] == '+';
}

/* The end of a field value starting at v: a quoted value up to its
 * closing quote, else up to a blank or a closing bracket. */
static const char *value_end(const char *v)
{
    if (*v == '"') {
        const char *close = strchr(v + 1, '"');
        return close ? close + 1 : v + strlen(v);
    }
    while (*v && !g_ascii_isspace(*v) && *v != ')')
        v++;
    return v;
}

static char *widen_cases(const char *q)
{
    GString *out = g_string_new(NULL);
    const char *p = q;
    for (const char *hit; (hit = strstr(p, "case:")) != NULL;) {
        g_string_append_len(out, p, hit - p);
        if (!word_start(q, hit)) {
            g_string_append(out, "case:");
            p = hit + 5;
            continue;
        }
        const char *v = hit + 5, *end = value_end(v);
        int len = (int)(end - v);
        g_string_append_printf(out, "(case:%.*s OR ref:%.*s)", len, v, len, v);
        p = end;
    }
    g_string_append(out, p);
    return g_string_free(out, FALSE);
}

char *ans_trace_query(const char *query)
{
    guint n = 0;
    if (!plain_words(query, &n))
        return widen_cases(query);
    char *words = g_strstrip(g_strdup(query));
    char *quoted = ans_quote(words);
    char *out = g_strdup_printf("%s OR project:%s", n > 1 ? quoted : words, quoted);
    g_free(quoted);
    g_free(words);
    return out;
}
