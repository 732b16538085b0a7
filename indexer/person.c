/* person.c — cleaning, identity keys, resolution and merging of person
 * names (rules in person.h). */
#include "person.h"

#include <string.h>

#include "fold.h"

/* The word lists live in minutes.ini: [roles] (role words, by the role
 * they give) and [names] (titles, words and endings that are no part of a
 * name, particles, connectors). Lookups fold case and diacritics. */

/* The [roles] keys and the bits they give; "none" holds role words
 * without a bit of their own ("nestleder"). */
static const struct {
    const char *key;
    guint roles;
} ROLE_KEYS[] = {
    {"member", ARKIV_ROLE_MEMBER},         {"chair", ARKIV_ROLE_CHAIR},
    {"secretary", ARKIV_ROLE_SECRETARY},   {"observer", ARKIV_ROLE_OBSERVER},
    {"substitute", ARKIV_ROLE_SUBSTITUTE}, {"none", 0},
};

static gboolean names_word(const arkiv_knowledge_t *k, const char *key, const char *w)
{
    return arkiv_knowledge_has_word(k, "names", key, w);
}

/* Looks word up in [roles]; TRUE when found (its bits may be 0). A word
 * under several keys has all their bits. */
static gboolean role_lookup(const arkiv_knowledge_t *k, const char *word, guint *roles)
{
    gboolean found = FALSE;
    *roles = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(ROLE_KEYS); i++)
        if (arkiv_knowledge_has_word(k, "roles", ROLE_KEYS[i].key, word)) {
            *roles |= ROLE_KEYS[i].roles;
            found = TRUE;
        }
    return found;
}

guint arkiv_person_role_word(const arkiv_knowledge_t *k, const char *word)
{
    guint roles;
    role_lookup(k, word, &roles);
    return roles;
}

gboolean arkiv_person_is_role_word(const arkiv_knowledge_t *k, const char *word)
{
    guint roles;
    return role_lookup(k, word, &roles);
}

/* [names] titles, without a trailing dot ("Dr."). */
static gboolean is_title(const arkiv_knowledge_t *k, const char *tok)
{
    char *w = g_strdup(tok);
    gsize n = strlen(w);
    if (n && w[n - 1] == '.')
        w[n - 1] = '\0';
    gboolean yes = names_word(k, "titles", w);
    g_free(w);
    return yes;
}

/* ------------------------------------------------------------------------
 * Token shapes
 * ---------------------------------------------------------------------- */

/* "W." or "W": one capital letter. */
static gboolean is_initial(const char *tok)
{
    gunichar c = g_utf8_get_char(tok);
    const char *next = g_utf8_next_char(tok);
    return g_unichar_isupper(c) && (*next == '\0' || g_str_equal(next, "."));
}

/* One part of a hyphenated word: letters (apostrophes inside allowed); a
 * part of two letters or more needs a lowercase one, so "HNT" is no name. */
static gboolean is_word_part(const char *s, gsize len, gboolean first)
{
    gboolean lower = FALSE;
    guint letters = 0;
    for (const char *p = s; p < s + len; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (p == s && first && !g_unichar_isupper(c))
            return FALSE;
        if (c == '\'' || c == 0x2019) {
            if (p == s)
                return FALSE;
            continue;
        }
        if (!g_unichar_isalpha(c) && g_unichar_type(c) != G_UNICODE_NON_SPACING_MARK)
            return FALSE;
        lower |= g_unichar_islower(c);
        letters++;
    }
    return letters >= 1 && (letters == 1 || lower);
}

/* "Kvam", "Leth-Olsen", "Lill-Merethe", "O'Neill". */
static gboolean is_word(const char *tok)
{
    const char *start = tok;
    gboolean first = TRUE;
    for (;;) {
        const char *dash = strchr(start, '-');
        gsize len = dash ? (gsize)(dash - start) : strlen(start);
        if (len == 0 || !is_word_part(start, len, first))
            return FALSE;
        if (first && len == 1) /* "K" is an initial, "K-" nothing */
            return FALSE;
        if (!dash)
            return TRUE;
        start = dash + 1;
        first = FALSE;
    }
}

/* Particles are written in lowercase: "van", not "Van" or "VAN". */
static gboolean is_particle(const arkiv_knowledge_t *k, const char *tok)
{
    char *low = g_utf8_strdown(tok, -1);
    gboolean yes = g_str_equal(low, tok) && names_word(k, "particles", tok);
    g_free(low);
    return yes;
}

/* Folded token without trailing dots: how tokens are compared. */
static char *fold_token(const char *tok)
{
    char *f = arkiv_fold(tok);
    if (!f)
        return g_strdup("");
    gsize n = strlen(f);
    while (n && f[n - 1] == '.')
        f[--n] = '\0';
    return f;
}

gboolean arkiv_person_is_not_name_word(const arkiv_knowledge_t *k, const char *tok)
{
    char *f = fold_token(tok);
    gboolean yes = names_word(k, "not_name_words", f) ||
                   arkiv_knowledge_has_suffix(k, "names", "not_name_suffixes", f);
    g_free(f);
    return yes;
}

gboolean arkiv_person_is_name(const arkiv_knowledge_t *k, const char *s)
{
    if (!s || !g_utf8_validate(s, -1, NULL))
        return FALSE;
    char **tok = g_strsplit_set(s, " ", -1);
    guint n = g_strv_length(tok);
    gboolean ok = n >= 2 && n <= 5;
    for (guint i = 0; ok && i < n; i++) {
        gboolean edge = i == 0 || i == n - 1;
        if (is_word(tok[i]))
            ok = !arkiv_person_is_not_name_word(k, tok[i]);
        else if (is_initial(tok[i]))
            ok = i < n - 1; /* the surname is written out */
        else
            ok = !edge && is_particle(k, tok[i]);
    }
    g_strfreev(tok);
    return ok;
}

/* ------------------------------------------------------------------------
 * Cleaning
 * ---------------------------------------------------------------------- */

/* Collapses blanks: a run holding a newline is a name broken over lines and
 * becomes one space; a run of 2+ spaces or a tab separates columns and
 * becomes one tab; ends trimmed. */
static char *squeeze(const char *s)
{
    GString *o = g_string_new(NULL);
    const char *p = s;
    while (*p) {
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
            g_string_append_c(o, *p++);
            continue;
        }
        gboolean nl = FALSE, tab = FALSE;
        gsize n = 0;
        for (; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++, n++) {
            nl |= *p == '\n';
            tab |= *p == '\t';
        }
        if (o->len && *p)
            g_string_append_c(o, nl ? ' ' : (tab || n >= 2) ? '\t' : ' ');
    }
    return g_string_free(o, FALSE);
}

/* Trims blanks and the punctuation that ends a list entry. */
static void trim_punct(char *s)
{
    g_strstrip(s);
    gsize n = strlen(s);
    while (n && strchr(".,;:-", s[n - 1])) {
        s[--n] = '\0';
        g_strchomp(s);
        n = strlen(s);
    }
    /* An en dash is three bytes: "Kari Holm –". */
    while (n >= 3 && g_str_has_suffix(s, "\xe2\x80\x93")) {
        s[n - 3] = '\0';
        g_strchomp(s);
        n = strlen(s);
    }
}

/* "m.fl.", "mfl", "m. fl.": "and others", never a person. */
static gboolean is_mfl(const char *tok)
{
    char *low = g_utf8_strdown(tok, -1);
    GString *c = g_string_new(NULL);
    for (const char *p = low; *p; p++)
        if (*p != '.' && *p != ' ')
            g_string_append_c(c, *p);
    gboolean yes = g_str_equal(c->str, "mfl");
    g_string_free(c, TRUE);
    g_free(low);
    return yes;
}

/* "HNT", "KMR": two or more letters, all capitals. */
static gboolean is_acronym(const char *tok)
{
    guint letters = 0;
    for (const char *p = tok; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_islower(c))
            return FALSE;
        letters += g_unichar_isupper(c);
    }
    return letters >= 2;
}

typedef struct {
    const arkiv_knowledge_t *k;
    GPtrArray *orgs; /* char*: organisation parts in order */
    guint roles;
    guint depth; /* parentheses being read, outermost 1 */
} extras_t;

/* "(vara (HNT))" is as deep as minutes go; each level reads a copy of the
 * text inside it, so a line of thousands of "(" would cost time and stack
 * quadratic in its length. Groups deeper than this are dropped. */
static const guint max_paren_depth = 4;

static char *take_parens(const char *s, extras_t *x);

static gboolean has_digit(const char *s)
{
    for (; *s; s++)
        if (g_ascii_isdigit(*s))
            return TRUE;
    return FALSE;
}

/* rest starts with a [names] role_links word and a space: "for rådet",
 * "i HNT" after a role word. Written in lowercase. */
static gboolean role_link(const arkiv_knowledge_t *k, const char *rest)
{
    const char *sp = strchr(rest, ' ');
    if (!sp || sp == rest || !g_unichar_islower(g_utf8_get_char(rest)))
        return FALSE;
    char *w = g_strndup(rest, (gsize)(sp - rest));
    gboolean yes = names_word(k, "role_links", w);
    g_free(w);
    return yes;
}

/* A part without parentheses: a role word sets bits; "vara HNT" is a
 * substitute of HNT; "sekretær for rådet" only describes the role; titles
 * and notes with numbers ("under sak 4/25") are dropped; anything else is
 * (part of) the organisation. */
static void add_plain_part(extras_t *x, const char *part)
{
    char *p = g_strdup(part);
    trim_punct(p);
    guint r = 0;
    if (role_lookup(x->k, p, &r)) {
        x->roles |= r;
        g_free(p);
        return;
    }
    if (!*p || is_mfl(p) || is_title(x->k, p) || has_digit(p)) {
        g_free(p);
        return;
    }
    char *sp = strchr(p, ' ');
    if (sp) {
        char *head = g_strndup(p, (gsize)(sp - p));
        gboolean role = role_lookup(x->k, head, &r);
        g_free(head);
        const char *rest = sp + 1;
        if (role && role_link(x->k, rest)) {
            x->roles |= r;
            g_free(p);
            return;
        }
        /* The organisation is written without "vara"; other words
         * ("sekretariat helsefellesskapet") are kept as written. */
        if (r & ARKIV_ROLE_SUBSTITUTE) {
            x->roles |= r;
            g_ptr_array_add(x->orgs, g_strdup(rest));
            g_free(p);
            return;
        }
    }
    g_ptr_array_add(x->orgs, p);
}

/* One part written beside a name: in parentheses, after a comma or in a
 * further column; may hold parentheses itself ("leiar (Sp)", "Helse Fonna
 * (vara)"). */
static void add_part(extras_t *x, const char *part)
{
    char *outside = take_parens(part, x);
    g_strstrip(outside);
    if (*outside)
        add_plain_part(x, outside);
    g_free(outside);
}

/* Splits s at commas and semicolons outside parentheses. */
static GPtrArray *split_depth0(const char *s, const char *seps)
{
    GPtrArray *parts = g_ptr_array_new_with_free_func(g_free);
    GString *cur = g_string_new(NULL);
    int depth = 0;
    for (const char *p = s; *p; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')' && depth > 0)
            depth--;
        if (depth == 0 && strchr(seps, *p)) {
            g_ptr_array_add(parts, g_strdup(g_strstrip(cur->str)));
            g_string_truncate(cur, 0);
            continue;
        }
        g_string_append_c(cur, *p);
    }
    g_ptr_array_add(parts, g_strdup(g_strstrip(cur->str)));
    g_string_free(cur, TRUE);
    return parts;
}

/* Takes the parenthesised groups out of s: a single word inside a name is a
 * nickname ("Anne Kristine (Stine) Vevelstad") and is dropped, as is a
 * note with numbers ("(under sak 4/25)"); any other group holds
 * organisations or roles. Returns the text outside. */
static char *take_parens(const char *s, extras_t *x)
{
    GString *out = g_string_new(NULL);
    const char *p = s;
    while (*p) {
        if (*p != '(') {
            g_string_append_c(out, *p++);
            continue;
        }
        const char *open = p + 1, *q = open;
        int depth = 1;
        for (; *q && depth; q++)
            depth += *q == '(' ? 1 : *q == ')' ? -1 : 0;
        gsize len = (gsize)(q - open) - (depth == 0 ? 1 : 0);
        char *inner = g_strstrip(g_strndup(open, len));
        const char *after = q;
        while (*after == ' ')
            after++;
        gboolean mid_name = g_unichar_isupper(g_utf8_get_char(after));
        gboolean nickname = mid_name && is_word(inner) && !strchr(inner, ' ');
        if (!nickname && !has_digit(inner) && x->depth < max_paren_depth) {
            GPtrArray *parts = split_depth0(inner, ",;");
            x->depth++;
            for (guint i = 0; i < parts->len; i++)
                add_part(x, parts->pdata[i]);
            x->depth--;
            g_ptr_array_unref(parts);
        }
        g_free(inner);
        g_string_append_c(out, ' ');
        p = q;
    }
    return g_string_free(out, FALSE);
}

/* Peels words off the front and back of the name: "og", titles and role
 * words in front ("vara Kari Holm"); "m.fl." and role words at the back.
 * Returns the tokens left, joined by single spaces. */
static char *peel_tokens(const char *text, extras_t *x)
{
    char **tok = g_strsplit_set(text, " \t", -1);
    guint n = g_strv_length(tok), a = 0, b;
    /* Entry punctuation goes, but not an initial's dot ("Karin W."). */
    for (guint i = 0; i < n; i++)
        if (!is_initial(tok[i]))
            trim_punct(tok[i]);
    for (b = n; b > 0 && !*tok[b - 1]; b--)
        ;
    for (; a < b; a++) {
        guint r = 0;
        if (!*tok[a] || g_str_equal(tok[a], "og") || is_title(x->k, tok[a]))
            continue;
        if (role_lookup(x->k, tok[a], &r) && g_unichar_islower(g_utf8_get_char(tok[a]))) {
            x->roles |= r;
            continue;
        }
        break;
    }
    for (; b > a; b--) {
        const char *t = tok[b - 1];
        guint r = 0;
        if (!*t || is_mfl(t))
            continue;
        if (role_lookup(x->k, t, &r) && g_unichar_islower(g_utf8_get_char(t))) {
            x->roles |= r;
            continue;
        }
        break;
    }
    GString *name = g_string_new(NULL);
    for (guint i = a; i < b; i++) {
        if (!*tok[i])
            continue;
        if (name->len)
            g_string_append_c(name, ' ');
        g_string_append(name, tok[i]);
    }
    g_strfreev(tok);
    return g_string_free(name, FALSE);
}

static char *join_range(char **tok, guint a, guint b)
{
    GString *s = g_string_new(NULL);
    for (guint i = a; i < b; i++)
        g_string_append_printf(s, "%s%s", i > a ? " " : "", tok[i]);
    return g_string_free(s, FALSE);
}

/* tok[k..n) reads as an organisation ("Ungdomsrådet ved Nordfjell
 * sykehus"), not a sentence ("Møtet ble åpnet av …"): a lowercase word is
 * a connector or the last word. */
static gboolean org_shaped(const arkiv_knowledge_t *k, char **tok, guint from, guint n)
{
    for (guint i = from; i + 1 < n; i++)
        if (g_unichar_islower(g_utf8_get_char(tok[i])) && !names_word(k, "links", tok[i]))
            return FALSE;
    return TRUE;
}

/* Where a name glued to what follows it ends: "Merete Fossland
 * Pensjonistforbundet", "Solveig Hårstad-Nilsen FFO" (a column whose tab
 * became a space) end before an organisation word or acronym, which
 * becomes the organisation; "Guro Lie Sande kommunalsjef" ends before a
 * lowercase title, which is dropped. Returns the end token, or 0. */
static guint glued_name_end(char **tok, guint a, guint n, extras_t *x)
{
    for (guint k = a + 2; k < n; k++) {
        gboolean lower = g_unichar_islower(g_utf8_get_char(tok[k]));
        gboolean org =
            !lower && (is_acronym(tok[k]) || arkiv_person_is_not_name_word(x->k, tok[k]));
        if (!lower && !org)
            continue;
        char *name = join_range(tok, a, k);
        gboolean ok = arkiv_person_is_name(x->k, name) && (!org || org_shaped(x->k, tok, k, n));
        g_free(name);
        if (!ok)
            return 0;
        if (org)
            g_ptr_array_insert(x->orgs, 0, join_range(tok, k, n));
        return k;
    }
    return 0;
}

/* The name in peeled text: as it stands; else without up to two leading
 * lowercase titles ("kommunalsjef Guro Lie Sande"); else cut where it is
 * glued to an organisation. NULL when none of these is a name. */
static char *find_name(const char *text, extras_t *x)
{
    char **tok = g_strsplit_set(text, " ", -1);
    guint n = g_strv_length(tok);
    char *found = NULL;
    for (guint a = 0; a <= 2 && a < n && !found; a++) {
        /* Titles are long words ("økonomisjef"); short ones are function
         * words ("for Kari Holm", "under Sak 4") that a name never
         * follows in a list. */
        if (a > 0 &&
            (!g_unichar_islower(g_utf8_get_char(tok[a - 1])) || g_utf8_strlen(tok[a - 1], -1) < 6))
            break;
        char *all = join_range(tok, a, n);
        if (arkiv_person_is_name(x->k, all)) {
            found = all;
            break;
        }
        g_free(all);
        guint end = glued_name_end(tok, a, n, x);
        if (end)
            found = join_range(tok, a, end);
    }
    g_strfreev(tok);
    return found;
}

/* A spaced dash ends the name: "Hege Skjold (HF) – ingen vara",
 * "Bjarte Solvik – Kystby kommune (leiar)". Cuts s there and returns what
 * follows the dash (caller frees), or NULL when there is no such dash. */
static char *cut_dash(char *s)
{
    int depth = 0;
    for (char *p = s; *p; p++) {
        depth += *p == '(' ? 1 : (*p == ')' && depth > 0) ? -1 : 0;
        if (depth == 0 && p > s && p[-1] == ' ' &&
            (g_str_has_prefix(p, "- ") || g_str_has_prefix(p, "\xe2\x80\x93 "))) {
            char *after = g_strstrip(g_strdup(strchr(p, ' ') + 1));
            *p = '\0';
            return after;
        }
    }
    return NULL;
}

/* What follows the dash is a part of the entry when it is a role ("–
 * sekretær"), or reads as an organisation: capitalised, at most six words,
 * no digits ("– Kystby kommune"). Anything else is a comment ("– ingen
 * vara", "– gikk etter sak 3"), as it always was. */
static gboolean dash_part(const arkiv_knowledge_t *k, const char *after)
{
    char *outside = g_strdup(after);
    char *paren = strchr(outside, '(');
    if (paren)
        *paren = '\0';
    g_strstrip(outside);
    guint r = 0, words = 0;
    gboolean digit = FALSE;
    for (const char *p = outside; *p; p++) {
        digit |= g_ascii_isdigit(*p);
        words += *p != ' ' && (p == outside || p[-1] == ' ');
    }
    gboolean yes =
        *outside && (role_lookup(k, outside, &r) ||
                     (g_unichar_isupper(g_utf8_get_char(outside)) && !digit && words <= 6));
    g_free(outside);
    return yes;
}

/* The names of the candidates after "for" already read in one entry
 * (candidate text -> clean name, or NULL when it is none). A candidate
 * holds the candidates after it, each read again by every candidate
 * before it: without this, "A for B for C for …" costs 2^n. */
typedef GHashTable for_memo_t;

static char *split_for(const arkiv_knowledge_t *k, for_memo_t *memo, const char *entry,
                       char **rest_out);

static char *clean_entry(const arkiv_knowledge_t *k, for_memo_t *memo, const char *entry,
                         char **org_out, guint *roles_out)
{
    if (org_out)
        *org_out = NULL;
    if (roles_out)
        *roles_out = 0;
    if (!entry || !g_utf8_validate(entry, -1, NULL))
        return NULL;
    char *s = squeeze(entry), *rest = NULL;
    char *other = split_for(k, memo, s, &rest);
    if (other) {
        g_free(s);
        s = rest;
        g_free(other);
    }
    char *after = cut_dash(s);
    extras_t x = {k, g_ptr_array_new_with_free_func(g_free), 0, 0};
    char **cells = g_strsplit_set(s, "\t", -1);
    /* Cell 0 holds the name, maybe with parentheses and comma parts after
     * it; further cells are roles or organisations. */
    char *outside = take_parens(cells[0] ? cells[0] : "", &x);
    GPtrArray *parts = split_depth0(outside, ",;");
    for (guint i = 1; i < parts->len; i++)
        add_part(&x, parts->pdata[i]);
    for (guint i = 1; cells[0] && cells[i]; i++)
        add_part(&x, cells[i]);
    if (after && dash_part(k, after))
        add_part(&x, after);
    g_free(after);
    char *peeled = peel_tokens(parts->pdata[0], &x);
    char *name = find_name(peeled, &x);
    if (name) {
        if (org_out && x.orgs->len) {
            g_ptr_array_add(x.orgs, NULL);
            *org_out = g_strjoinv(", ", (char **)x.orgs->pdata);
            g_ptr_array_remove_index(x.orgs, x.orgs->len - 1);
        }
        if (roles_out)
            *roles_out = x.roles;
    }
    g_free(peeled);
    g_free(outside);
    g_ptr_array_unref(parts);
    g_strfreev(cells);
    g_ptr_array_unref(x.orgs);
    g_free(s);
    return name;
}

/* ------------------------------------------------------------------------
 * "… for Kari Holm"
 * ---------------------------------------------------------------------- */

/* A "for " after a blank, with what the entry's parentheses say there. */
typedef struct {
    gsize at;    /* byte offset of "for " */
    int depth;   /* groups open before it */
    gsize open;  /* just after the nearest '(' before it; 0 when none */
    gsize close; /* where the group it is in closes: the first ')' that
                    closes more than opens after it; strlen(entry) when none */
} for_hit_t;

/* Closes of hits, from the end: the first ')' at or after a hit that leaves
 * the balance (opened minus closed, unclamped) below the balance at the
 * hit is the first ')' seen at that balance. */
static void find_closes(const char *entry, gsize n, GArray *hits, const int *balance)
{
    GHashTable *next_close = g_hash_table_new(g_direct_hash, g_direct_equal);
    int b = 0;
    for (gsize j = 0; j < n; j++)
        b += entry[j] == '(' ? 1 : entry[j] == ')' ? -1 : 0;
    guint h = hits->len;
    for (gsize j = n; j-- > 0;) {
        b -= entry[j] == '(' ? 1 : entry[j] == ')' ? -1 : 0; /* balance before j */
        if (entry[j] == ')')
            g_hash_table_insert(next_close, GINT_TO_POINTER(b), GSIZE_TO_POINTER(j + 1));
        for (; h > 0 && g_array_index(hits, for_hit_t, h - 1).at == j; h--) {
            gsize c =
                GPOINTER_TO_SIZE(g_hash_table_lookup(next_close, GINT_TO_POINTER(balance[h - 1])));
            g_array_index(hits, for_hit_t, h - 1).close = c ? c - 1 : n;
        }
    }
    g_hash_table_unref(next_close);
}

/* Every "for " of entry that follows a blank, in order, found in one pass
 * forward and one back: a long entry has many, and measuring each from the
 * start would be quadratic. The caller frees with g_array_unref. */
static GArray *for_hits(const char *entry)
{
    GArray *hits = g_array_new(FALSE, FALSE, sizeof(for_hit_t));
    GArray *balance = g_array_new(FALSE, FALSE, sizeof(int));
    gsize n = strlen(entry), j = 0, open = 0;
    int depth = 0, b = 0;
    for (const char *hit = strstr(entry, "for "); hit; hit = strstr(hit + 1, "for ")) {
        gsize i = (gsize)(hit - entry);
        for (; j < i; j++) {
            depth += entry[j] == '(' ? 1 : (entry[j] == ')' && depth > 0) ? -1 : 0;
            b += entry[j] == '(' ? 1 : entry[j] == ')' ? -1 : 0;
            open = entry[j] == '(' ? j + 1 : open;
        }
        if (i == 0 || (entry[i - 1] != ' ' && entry[i - 1] != '\t'))
            continue;
        for_hit_t fh = {i, depth, open, n};
        g_array_append_val(hits, fh);
        g_array_append_val(balance, b);
    }
    if (hits->len)
        find_closes(entry, n, hits, (const int *)balance->data);
    g_array_unref(balance);
    return hits;
}

/* The words just before "for" inside a group, from open: "vara",
 * "varamedlem". */
static gboolean substitute_before(const arkiv_knowledge_t *k, const char *s, gsize open, gsize i)
{
    char *head = g_strndup(s + open, i - open);
    gboolean yes = (arkiv_person_role_word(k, head) & ARKIV_ROLE_SUBSTITUTE) != 0;
    g_free(head);
    return yes;
}

/* The entry before "for" at depth 0, without the longest [names]
 * before_for phrase it ends with ("Per Olsen møtte for Kari Holm"); a role
 * word ending the phrase stays as the role: "Per Olsen som vara" ->
 * "Per Olsen, vara". */
static char *head_without_met(const arkiv_knowledge_t *k, const char *head)
{
    const char *best = NULL;
    gsize n = strlen(head), best_len = 0;
    for (const char *const *w = arkiv_knowledge_words(k, "names", "before_for"); *w; w++) {
        gsize len = strlen(*w);
        if (len > best_len && n > len && head[n - len - 1] == ' ' &&
            g_str_equal(head + n - len, *w))
            best = *w, best_len = len;
    }
    if (!best)
        return g_strdup(head);
    const char *last = strrchr(best, ' ');
    last = last ? last + 1 : best;
    char *h = g_strndup(head, n - best_len - 1);
    char *out = arkiv_person_is_role_word(k, last) ? g_strconcat(h, ", ", last, NULL) : g_strdup(h);
    g_free(h);
    return out;
}

/* The clean name of cand, read once per entry (see for_memo_t). */
static char *memo_name(const arkiv_knowledge_t *k, for_memo_t *memo, const char *cand)
{
    gpointer known = NULL;
    if (g_hash_table_lookup_extended(memo, cand, NULL, &known))
        return g_strdup(known);
    char *name = clean_entry(k, memo, cand, NULL, NULL);
    g_hash_table_insert(memo, g_strdup(cand), g_strdup(name));
    return name;
}

/* The entry without "for" and the name after it. */
static char *rest_without(const arkiv_knowledge_t *k, const char *entry, const for_hit_t *fh)
{
    char *head = g_strndup(entry, fh->at - 1);
    g_strchomp(head);
    char *rest =
        fh->depth == 0 ? head_without_met(k, head) : g_strconcat(head, entry + fh->close, NULL);
    g_free(head);
    return rest;
}

/* The person stood in for is named in a few words ("vara for Kari Holm
 * (Ap)"): a candidate longer than this is prose, where "for" is a
 * preposition. Bounding it keeps a long entry with many "for" linear. */
enum { MAX_FOR_CANDIDATE = 256 };

static char *split_for(const arkiv_knowledge_t *k, for_memo_t *memo, const char *entry,
                       char **rest_out)
{
    *rest_out = NULL;
    if (!entry)
        return NULL;
    GArray *hits = for_hits(entry);
    char *name = NULL;
    for (guint h = 0; h < hits->len && !name; h++) {
        const for_hit_t *fh = &g_array_index(hits, for_hit_t, h);
        gsize len = fh->close - (fh->at + 4);
        if (len > MAX_FOR_CANDIDATE ||
            (fh->depth > 0 && !substitute_before(k, entry, fh->open, fh->at - 1)))
            continue;
        char *cand = g_strndup(entry + fh->at + 4, len);
        name = memo_name(k, memo, cand);
        g_free(cand);
        if (name)
            *rest_out = rest_without(k, entry, fh);
    }
    g_array_unref(hits);
    return name;
}

static for_memo_t *memo_new(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
}

char *arkiv_person_clean(const arkiv_knowledge_t *k, const char *entry, char **org_out,
                         guint *roles_out)
{
    for_memo_t *memo = memo_new();
    char *name = clean_entry(k, memo, entry, org_out, roles_out);
    g_hash_table_unref(memo);
    return name;
}

char *arkiv_person_split_for(const arkiv_knowledge_t *k, const char *entry, char **rest_out)
{
    for_memo_t *memo = memo_new();
    char *name = split_for(k, memo, entry, rest_out);
    g_hash_table_unref(memo);
    return name;
}

/* ------------------------------------------------------------------------
 * Identity
 * ---------------------------------------------------------------------- */

/* The whole name folded, blanks collapsed: a [distinct] person's key. */
static char *whole_key(const char *name)
{
    char **tok = g_strsplit_set(name, " \t\n", -1);
    GString *k = g_string_new(NULL);
    for (char **t = tok; *t; t++) {
        if (!**t)
            continue;
        char *f = fold_token(*t);
        if (k->len)
            g_string_append_c(k, ' ');
        g_string_append(k, f);
        g_free(f);
    }
    g_strfreev(tok);
    return g_string_free(k, FALSE);
}

/* First token + last token, folded. */
static char *rule_key(const char *name)
{
    char **tok = g_strsplit_set(name, " \t\n", -1);
    GPtrArray *words = g_ptr_array_new();
    for (char **t = tok; *t; t++)
        if (**t)
            g_ptr_array_add(words, *t);
    char *key;
    if (words->len < 2) {
        key = whole_key(name);
    } else {
        char *first = fold_token(words->pdata[0]);
        char *last = fold_token(words->pdata[words->len - 1]);
        key = g_strconcat(first, " ", last, NULL);
        g_free(first);
        g_free(last);
    }
    g_ptr_array_free(words, TRUE);
    g_strfreev(tok);
    return key;
}

static char *key_without_same(const arkiv_knowledge_t *k, const char *name)
{
    if (k && arkiv_knowledge_person_distinct(k, name))
        return whole_key(name);
    return rule_key(name);
}

char *arkiv_person_key(const arkiv_knowledge_t *k, const char *name)
{
    if (!name)
        return NULL;
    const char *canon = k ? arkiv_knowledge_person_same(k, name) : NULL;
    return key_without_same(k, canon ? canon : name);
}

typedef struct {
    char **tok; /* folded tokens, dots dropped */
    guint n;
} ftoks_t;

static ftoks_t ftoks_new(const char *name)
{
    char **raw = g_strsplit_set(name, " \t\n", -1);
    GPtrArray *v = g_ptr_array_new();
    for (char **t = raw; *t; t++)
        if (**t)
            g_ptr_array_add(v, fold_token(*t));
    g_strfreev(raw);
    ftoks_t f = {NULL, v->len};
    g_ptr_array_add(v, NULL);
    f.tok = (char **)g_ptr_array_free(v, FALSE);
    return f;
}

/* Does the partial name q (folded tokens) fit the full name p? */
static gboolean partial_fits(const ftoks_t *q, const ftoks_t *p, gboolean q_first_initial,
                             gboolean q_last_initial)
{
    if (q->n < 2 || p->n < 2)
        return FALSE;
    const char *qf = q->tok[0], *ql = q->tok[q->n - 1];
    const char *pf = p->tok[0], *pl = p->tok[p->n - 1];
    if (q_last_initial) { /* "Elisabeth R.", "Jan Erik H." */
        if (q->n > p->n)
            return FALSE;
        for (guint i = 0; i + 1 < q->n; i++)
            if (!g_str_equal(q->tok[i], p->tok[i]))
                return FALSE;
        return g_str_has_prefix(pl, ql);
    }
    if (q->n != 2)
        return FALSE;
    if (q_first_initial) /* "E. Romuld" */
        return g_str_equal(ql, pl) && g_str_has_prefix(pf, qf);
    /* "Julie Røstad" for "Julie Røstad Kvam": a middle name as surname. */
    if (!g_str_equal(qf, pf))
        return FALSE;
    for (guint i = 1; i + 1 < p->n; i++)
        if (g_str_equal(ql, p->tok[i]))
            return TRUE;
    return FALSE;
}

/* A [distinct] person's key is the whole name, so it has more than one
 * space; such a person is only ever found by the exact key. */
static gboolean is_whole_key(const char *key)
{
    const char *sp = strchr(key, ' ');
    return sp && strchr(sp + 1, ' ');
}

arkiv_person_t *arkiv_person_resolve(GPtrArray *people, const char *name)
{
    if (!people || !name)
        return NULL;
    char *clean = squeeze(name);
    g_strdelimit(clean, "\t", ' ');
    char **raw = g_strsplit_set(clean, " ", -1);
    guint n = g_strv_length(raw);
    gboolean first_initial = n == 2 && is_initial(raw[0]);
    gboolean last_initial = n >= 2 && is_initial(raw[n - 1]) && !is_initial(raw[0]);
    g_strfreev(raw);
    char *key = rule_key(clean);
    char *whole = whole_key(clean);
    ftoks_t q = ftoks_new(clean);
    arkiv_person_t *by_key = NULL, *by_part = NULL;
    guint n_key = 0, n_part = 0;
    for (guint i = 0; i < people->len; i++) {
        arkiv_person_t *p = people->pdata[i];
        if (!p->key)
            continue;
        if (g_str_equal(p->key, key) || g_str_equal(p->key, whole)) {
            by_key = p;
            n_key++;
            continue;
        }
        /* Every partial form starts with the first name or its initial, as
         * the key does: skip the folding for people who cannot fit. */
        if (is_whole_key(p->key) || !p->name || q.n < 2 || p->key[0] != q.tok[0][0])
            continue;
        ftoks_t f = ftoks_new(p->name);
        if (partial_fits(&q, &f, first_initial, last_initial)) {
            by_part = p;
            n_part++;
        }
        g_strfreev(f.tok);
    }
    g_strfreev(q.tok);
    g_free(whole);
    g_free(key);
    g_free(clean);
    if (n_key)
        return n_key == 1 ? by_key : NULL;
    return n_part == 1 ? by_part : NULL;
}

/* How full a written name is: full words count most, then tokens. */
static guint fullness(const char *name)
{
    char **tok = g_strsplit_set(name ? name : "", " ", -1);
    guint words = 0, all = 0;
    for (char **t = tok; *t; t++) {
        if (!**t)
            continue;
        all++;
        words += !is_initial(*t);
    }
    g_strfreev(tok);
    return words * 16 + all;
}

void arkiv_person_merge(arkiv_entities_t *e, arkiv_person_t *p)
{
    arkiv_person_t *old = NULL;
    for (guint i = 0; i < e->people->len && !old; i++) {
        arkiv_person_t *q = e->people->pdata[i];
        if (g_strcmp0(q->key, p->key) == 0)
            old = q;
    }
    if (!old) {
        g_ptr_array_add(e->people, p);
        return;
    }
    old->roles |= p->roles;
    /* The first list decides; a bare mention never outranks a list. */
    if (old->status == ARKIV_MENTIONED)
        old->status = p->status;
    if (!old->org && p->org)
        old->org = g_steal_pointer(&p->org);
    if (fullness(p->name) > fullness(old->name)) {
        g_free(old->name);
        g_free(old->as_written);
        old->name = g_steal_pointer(&p->name);
        old->as_written = g_steal_pointer(&p->as_written);
    }
    arkiv_person_free(p);
}
