/* text.c — helpers for the aligned text output of the arkiv commands. */
#include "text.h"

#include <string.h>

#include "answer_json.h"
#include "knowledge.h"

char *arkiv_text_date(const char *iso)
{
    int y, m, d;
    if (!iso)
        return g_strdup("");
    if (strlen(iso) == 10 && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
        return g_strdup_printf("%02d.%02d.%04d", d, m, y);
    return g_strdup(iso);
}

char *arkiv_text_flat(const char *s)
{
    GString *out = g_string_new(NULL);
    gboolean blank = FALSE;
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
            blank = TRUE;
            continue;
        }
        if (blank && out->len)
            g_string_append_c(out, ' ');
        blank = FALSE;
        g_string_append_c(out, *p);
    }
    return g_string_free(out, FALSE);
}

void arkiv_text_wrap(FILE *out, int indent, const char *lead, const char *text, int width)
{
    char *flat = arkiv_text_flat(text);
    if (*flat) {
        const char *l = lead ? lead : "";
        long start = indent + g_utf8_strlen(l, -1), col = start;
        char **words = g_strsplit(flat, " ", -1);
        fprintf(out, "%*s%s", indent, "", l);
        for (char **w = words; *w; w++) {
            long len = g_utf8_strlen(*w, -1);
            if (col > start && col + 1 + len > width) {
                fprintf(out, "\n%*s", (int)start, "");
                col = start;
            }
            if (col > start) {
                fputc(' ', out);
                col++;
            }
            fputs(*w, out);
            col += len;
        }
        fputc('\n', out);
        g_strfreev(words);
    }
    g_free(flat);
}

void arkiv_text_pad(FILE *out, const char *s, int width)
{
    const char *v = s ? s : "";
    long n = g_utf8_strlen(v, -1);
    fprintf(out, "%s%*s", v, n < width ? (int)(width - n) : 0, "");
}

char *arkiv_text_item(const char *number)
{
    if (!number)
        return g_strdup("");
    return strchr(number, '/') ? g_strdup_printf("Sak %s", number) : g_strdup_printf("%s.", number);
}

void arkiv_text_row(FILE *out, int indent, const char *const *cells, const int *widths, int n)
{
    GString *line = g_string_new(NULL);
    g_string_append_printf(line, "%*s", indent, "");
    for (int i = 0; i < n; i++) {
        const char *v = cells[i] ? cells[i] : "";
        long len = g_utf8_strlen(v, -1);
        g_string_append(line, v);
        if (i + 1 < n)
            g_string_append_printf(line, "%*s", (int)(len < widths[i] ? widths[i] - len : 0) + 2,
                                   "");
    }
    while (line->len && line->str[line->len - 1] == ' ')
        g_string_truncate(line, line->len - 1);
    fprintf(out, "%s\n", line->str);
    g_string_free(line, TRUE);
}

struct arkiv_text_councils {
    GHashTable *acronym; /* canonical -> first acronym, both owned */
};

static void take_acronym(const char *canonical, const char *name, gboolean acronym, void *user)
{
    GHashTable *t = user;
    if (acronym && !g_hash_table_contains(t, canonical))
        g_hash_table_insert(t, g_strdup(canonical), g_strdup(name));
}

arkiv_text_councils_t *arkiv_text_councils_new(void)
{
    arkiv_text_councils_t *c = g_new(arkiv_text_councils_t, 1);
    c->acronym = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    arkiv_knowledge_t *k = NULL;
    char *dir = arkiv_knowledge_find_dir(NULL, NULL);
    /* Short names are a nicety: without data files, full names it is. */
    if (dir && arkiv_knowledge_load(dir, &k, NULL))
        arkiv_knowledge_foreach_council_name(k, take_acronym, c->acronym);
    arkiv_knowledge_free(k);
    g_free(dir);
    return c;
}

void arkiv_text_councils_free(arkiv_text_councils_t *c)
{
    if (!c)
        return;
    g_hash_table_unref(c->acronym);
    g_free(c);
}

const char *arkiv_text_council(const arkiv_text_councils_t *c, const char *canonical)
{
    if (!canonical)
        return "";
    const char *a = c ? g_hash_table_lookup(c->acronym, canonical) : NULL;
    return a ? a : canonical;
}

char *arkiv_text_councils_join(JsonArray *councils, const arkiv_text_councils_t *c)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < arkiv_json_array_len(councils); i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "",
                               arkiv_text_council(c, arkiv_json_array_str(councils, i)));
    return g_string_free(s, FALSE);
}
