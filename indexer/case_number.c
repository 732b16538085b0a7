/* case_number.c — one spelling for case numbers and name lists, shared by
 * the item and reference taggers. */
#include <stdlib.h>
#include <string.h>

#include "tag_items.h"

char *arkiv_case_number_normalise(const char *s)
{
    const char *p = s;
    while (*p == ' ')
        p++;
    char *end = NULL;
    long n = strtol(p, &end, 10);
    if (end == p || n < 0 || n > 999)
        return NULL;
    p = end;
    while (*p == ' ')
        p++;
    if (*p != '/')
        return NULL;
    p++;
    while (*p == ' ')
        p++;
    long y = strtol(p, &end, 10);
    gsize digits = (gsize)(end - p);
    if (digits != 2 && digits != 4)
        return NULL;
    return g_strdup_printf("%02ld/%02ld", n, y % 100);
}

/* A name token: capitalised word, hyphenated name, initial ("W."), or a
 * particle inside a name. */
static gboolean name_token(const char *w, gboolean inside)
{
    gunichar c = g_utf8_get_char(w);
    if (g_unichar_isupper(c))
        return TRUE;
    return inside && (g_str_equal(w, "van") || g_str_equal(w, "von") || g_str_equal(w, "de") ||
                      g_str_equal(w, "af"));
}

/* The leading run of name tokens of chunk, or NULL when it has fewer than
 * two (a presenter is named in full or as "Elisabeth R."). */
static char *leading_name(const char *chunk)
{
    char **words = g_strsplit_set(chunk, " \t\n", -1);
    GPtrArray *kept = g_ptr_array_new();
    gboolean started = FALSE;
    for (char **w = words; *w; w++) {
        if (!**w)
            continue;
        if (name_token(*w, started)) {
            g_ptr_array_add(kept, *w);
            started = TRUE;
        } else if (started) {
            break;
        }
    }
    while (kept->len && !g_unichar_isupper(g_utf8_get_char(kept->pdata[kept->len - 1])))
        g_ptr_array_remove_index(kept, kept->len - 1);
    char *name = NULL;
    if (kept->len >= 2 && kept->len <= 5) {
        g_ptr_array_add(kept, NULL);
        name = g_strjoinv(" ", (char **)kept->pdata);
    }
    g_ptr_array_unref(kept);
    g_strfreev(words);
    return name;
}

/* Splits at ',', '/', ';', '&' and the words "og"/"and". */
char **arkiv_split_names(const char *s)
{
    GPtrArray *out = g_ptr_array_new();
    char **chunks = g_strsplit_set(s, ",/;&", -1);
    for (char **c = chunks; *c; c++) {
        char **words = g_strsplit_set(*c, " \t\n", -1);
        GString *part = g_string_new(NULL);
        for (char **w = words;; w++) {
            gboolean end = *w == NULL;
            if (end || g_str_equal(*w, "og") || g_str_equal(*w, "and")) {
                char *name = leading_name(part->str);
                if (name)
                    g_ptr_array_add(out, name);
                g_string_truncate(part, 0);
                if (end)
                    break;
            } else if (**w) {
                g_string_append_printf(part, "%s%s", part->len ? " " : "", *w);
            }
        }
        g_string_free(part, TRUE);
        g_strfreev(words);
    }
    g_strfreev(chunks);
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}
