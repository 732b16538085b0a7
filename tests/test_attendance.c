/* test_attendance.c — table-driven tests for person.c (cleaning list
 * entries, identity keys, resolution, merging) and tag_attendance.c (the
 * attendance lists of minutes). Several rows quote the awkward attendance
 * blocks of the real minutes in ../shared/seeds (000, 001, 003) and the
 * layouts of tests/tagger/corpus.
 *
 * Run from the project root: the data files are read from ./data (or from
 * $ARKIV_DATA). */
#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "knowledge.h"
#include "normalise.h"
#include "person.h"
#include "tag_attendance.h"

/* Loaded once in main(); each test runs in a forked child that inherits
 * them, and they are freed when main returns. */
static arkiv_knowledge_t *K;
static arkiv_tag_attendance_t *M;

static void assert_str(const char *what, const char *got, const char *want)
{
    gboolean same = g_strcmp0(got, want) == 0;
    ck_assert_msg(same, "%s:\n  got  \"%s\"\n  want \"%s\"", what, got ? got : "(null)",
                  want ? want : "(null)");
}

/* ------------------------------------------------------------------------
 * arkiv_person_clean
 * ---------------------------------------------------------------------- */

#define R_MEM ARKIV_ROLE_MEMBER
#define R_CHAIR ARKIV_ROLE_CHAIR
#define R_SEC ARKIV_ROLE_SECRETARY
#define R_OBS ARKIV_ROLE_OBSERVER
#define R_SUB ARKIV_ROLE_SUBSTITUTE

typedef struct {
    const char *entry;
    const char *name; /* NULL: not a person */
    const char *org;
    guint roles;
} clean_case_t;

static const clean_case_t CLEAN_CASES[] = {
    /* Plain names, hyphens, initials, particles. */
    {"Hanne Frøyshov", "Hanne Frøyshov", NULL, 0},
    {"Lill-Merethe Bye", "Lill-Merethe Bye", NULL, 0},
    {"Liv Leth-Olsen ,", "Liv Leth-Olsen", NULL, 0},
    {"Karin W. Holmen", "Karin W. Holmen", NULL, 0},
    {"Tommy A. Rehn (Innherred)", "Tommy A. Rehn", "Innherred", 0},
    {"Jan van der Berg", "Jan van der Berg", NULL, 0},
    {"Sabine Moshövel", "Sabine Moshövel", NULL, 0},
    /* Broken over lines, also across a blank line. */
    {"Lene\nGustavsen", "Lene Gustavsen", NULL, 0},
    {"Wenche \n\nKluken (vara HNT)", "Wenche Kluken", "HNT", R_SUB},
    {"Turid Eian (Brukerrepresentant \n\nkommunene)", "Turid Eian", "Brukerrepresentant kommunene",
     0},
    /* "og", trailing punctuation, titles. */
    {"og Jonas Sjømæling.", "Jonas Sjømæling", NULL, 0},
    {"lege Kari Holm", "Kari Holm", NULL, 0},
    {"Dr. Kari Holm", "Kari Holm", NULL, 0},
    {"Kommunedirektør Anne-Lise Fjeld", "Anne-Lise Fjeld", NULL, 0},
    {"kommunalsjef Guro Lie Sande", "Guro Lie Sande", NULL, 0},
    /* Nicknames and organisations in parentheses. */
    {"Anne Kristine (Stine) Vevelstad", "Anne Kristine Vevelstad", NULL, 0},
    {"Ingeborg (Inga) Sæther Moen", "Ingeborg Sæther Moen", NULL, 0},
    {"Elisabeth Tronstad (HNT, KMR)", "Elisabeth Tronstad", "HNT, KMR", 0},
    {"Liv Leth-Olsen (Levanger, Verdal, Frosta)", "Liv Leth-Olsen", "Levanger, Verdal, Frosta", 0},
    {"Kari Holm (Ap)", "Kari Holm", "Ap", 0},
    {"Nancy Haugan (sekretariat helsefellesskapet, HNT)", "Nancy Haugan",
     "sekretariat helsefellesskapet, HNT", 0},
    {"Halvor Sandnes (sak 22/23 og 23/23)", "Halvor Sandnes", NULL, 0},
    {"Hege Marit Skjold (Vestfjord HF) – ingen vara", "Hege Marit Skjold", "Vestfjord HF", 0},
    /* After a spaced dash: a role, or a capitalised organisation; a
     * lowercase or numbered note stays a comment. */
    {"Bjarte Solvik – Kystby kommune (leiar)", "Bjarte Solvik", "Kystby kommune", R_CHAIR},
    {"Ragnhild Strand – sekretær", "Ragnhild Strand", NULL, R_SEC},
    {"Ola Dahl - Helse Nordkyst HF", "Ola Dahl", "Helse Nordkyst HF", 0},
    {"Kari Holm – gikk etter sak 3/24", "Kari Holm", NULL, 0},
    {"Kari Holm – Gikk etter sak 3", "Kari Holm", NULL, 0},
    /* Roles. */
    {"Gunnhild Øyås (leder, kommunene)", "Gunnhild Øyås", "kommunene", R_CHAIR},
    {"Kari Holm, leder", "Kari Holm", NULL, R_CHAIR},
    {"Kari Holm (leder)", "Kari Holm", NULL, R_CHAIR},
    {"Kari Holm (sekretær)", "Kari Holm", NULL, R_SEC},
    {"Ragna Mølstrevold (nestleder)", "Ragna Mølstrevold", NULL, 0},
    {"Nils Petter Hauge, leiar (Sp)", "Nils Petter Hauge", "Sp", R_CHAIR},
    {"Vegard Ørsjødal (observatør, Fagråd for legesamarbeid)", "Vegard Ørsjødal",
     "Fagråd for legesamarbeid", R_OBS},
    {"Per Olsen, vara for Kari Holm", "Per Olsen", NULL, R_SUB},
    {"Per Olsen (vara for Kari Holm)", "Per Olsen", NULL, R_SUB},
    {"Jostein Mjelde\tHelse Fonna (vara)", "Jostein Mjelde", "Helse Fonna", R_SUB},
    {"Ellen Bøe Stuevold  Sekretær for rådet", "Ellen Bøe Stuevold", NULL, R_SEC},
    /* A second column: 2+ spaces or a tab; a column glued by one space. */
    {"Kari Holm  HNT", "Kari Holm", "HNT", 0},
    {"Kari Holm\tHNT", "Kari Holm", "HNT", 0},
    {"Randi Sjøvæg                 HNT, Klinikk for medisin", "Randi Sjøvæg",
     "HNT, Klinikk for medisin", 0},
    {"Solveig Hårstad-Nilsen FFO", "Solveig Hårstad-Nilsen", "FFO", 0},
    {"Merete Fossland Pensjonistforbundet", "Merete Fossland", "Pensjonistforbundet", 0},
    /* Not people. */
    {"", NULL, NULL, 0},
    {"  ", NULL, NULL, 0},
    {"og", NULL, NULL, 0},
    {"m.fl.", NULL, NULL, 0},
    {"Ingen.", NULL, NULL, 0},
    {"HNT", NULL, NULL, 0},
    {"HNT, KMR", NULL, NULL, 0},
    {"Helse Nord-Trøndelag", NULL, NULL, 0},
    {"Midtre Namdal", NULL, NULL, 0},
    {"Kirurgisk klinikk Levanger", NULL, NULL, 0},
    {"Se presentasjon", NULL, NULL, 0},
    {"under Sak 13/2024", NULL, NULL, 0},
    {"for Liv Åse Kolstad", NULL, NULL, 0},
    {"Sakliste og referat fra møte i FPS 19.03.24 godkjent", NULL, NULL, 0},
    {"Elisabeth R.", NULL, NULL, 0},
    {"Kari", NULL, NULL, 0},
    {"Kari A", NULL, NULL, 0},
    {"K Holm", "K Holm", NULL, 0},
    {"Anne Berg Olsen Hansen Dahl Moe", NULL, NULL, 0},
    {"KARI HOLM", NULL, NULL, 0},
};

START_TEST(test_clean_table)
{
    const clean_case_t *c = &CLEAN_CASES[_i];
    char *org = (char *)"unset";
    guint roles = 99;
    char *name = arkiv_person_clean(K, c->entry, &org, &roles);
    assert_str(c->entry, name, c->name);
    assert_str(c->entry, org, c->org);
    ck_assert_msg(roles == (c->name ? c->roles : 0), "%s: roles %u want %u", c->entry, roles,
                  c->roles);
    g_free(name);
    g_free(org);
}
END_TEST

START_TEST(test_clean_null_outputs)
{
    char *name = arkiv_person_clean(K, "Kari Holm (HNT)", NULL, NULL);
    assert_str("no outputs", name, "Kari Holm");
    g_free(name);
    ck_assert_ptr_null(arkiv_person_clean(K, NULL, NULL, NULL));
    ck_assert_ptr_null(arkiv_person_clean(K, "Kari \xff Holm", NULL, NULL));
}
END_TEST

/* Hostile entries: every level of parentheses used to read a copy of the
 * text inside it, and every "for" to clean the names after it again, so
 * 40,000 nested groups or 40 "for"s took minutes (or the stack). Deep
 * groups are now dropped and each candidate cleaned once; the test
 * timeout catches a return of the old cost. */
START_TEST(test_clean_hostile_entries)
{
    GString *e = g_string_new("Kari Holm (HNT");
    for (int i = 0; i < 40000; i++)
        g_string_append(e, " (a");
    for (int i = 0; i < 40001; i++)
        g_string_append_c(e, ')');
    char *org = NULL;
    char *name = arkiv_person_clean(K, e->str, &org, NULL);
    assert_str("nested", name, "Kari Holm");
    ck_assert_ptr_nonnull(org);
    ck_assert_msg(strstr(org, "HNT") != NULL, "org %s", org);
    g_free(name);
    g_free(org);
    g_string_assign(e, "Kari Holm");
    for (int i = 0; i < 40; i++)
        g_string_append(e, " for x");
    char *rest = NULL;
    g_free(arkiv_person_split_for(K, e->str, &rest));
    g_free(rest);
    g_string_free(e, TRUE);
}
END_TEST

typedef struct {
    const char *entry, *stood_for, *rest;
} for_case_t;

static const for_case_t FOR_CASES[] = {
    {"Per Olsen (Sp) for Kari Holm", "Kari Holm", "Per Olsen (Sp)"},
    {"Per Olsen (vara for Kari Holm)", "Kari Holm", "Per Olsen (vara)"},
    {"Per Olsen, vara for Kari Holm", "Kari Holm", "Per Olsen, vara"},
    {"Margrethe Lid (KrF), varamedlem for Torleif Brekke", "Torleif Brekke",
     "Margrethe Lid (KrF), varamedlem"},
    {"Per Olsen møtte for Kari Holm", "Kari Holm", "Per Olsen"},
    {"Astri Lysgård\tfor Ivar Skjærstad", "Ivar Skjærstad", "Astri Lysgård"},
    /* "for" that names no person, or a role description. */
    {"Kari Holm (leder for Fagråd for legesamarbeid)", NULL, NULL},
    {"Kari Holm (representant for Helse Nord)", NULL, NULL},
    {"Kari Holm", NULL, NULL},
};

START_TEST(test_split_for_table)
{
    const for_case_t *c = &FOR_CASES[_i];
    char *rest = NULL;
    char *who = arkiv_person_split_for(K, c->entry, &rest);
    assert_str(c->entry, who, c->stood_for);
    assert_str(c->entry, rest, c->rest);
    g_free(who);
    g_free(rest);
}
END_TEST

/* ------------------------------------------------------------------------
 * Identity keys
 * ---------------------------------------------------------------------- */

typedef struct {
    const char *name, *key;
} key_case_t;

static const key_case_t KEY_CASES[] = {
    {"Elisabeth Kvam Tronstad", "elisabeth tronstad"},
    {"Elisabeth Tronstad", "elisabeth tronstad"},
    {"Elisabeth K. Tronstad", "elisabeth tronstad"},
    {"Karin W. Holmen", "karin holmen"},
    {"Karin Wang Holmen", "karin holmen"},
    {"Tommy A. Rehn", "tommy rehn"},
    {"Tommy Aune Rehn", "tommy rehn"},
    {"Liv Leth-Olsen", "liv leth-olsen"},
    {"Lill-Merethe Bye", "lill-merethe bye"},
    {"Jonas Sjømæling", "jonas sjomaeling"},
    {"Øyvind Bull", "oyvind bull"},
    {"Anne Berg", "anne berg"},
    {"Anne Marie Berg", "anne berg"},
    {"ELISABETH TRONSTAD", "elisabeth tronstad"},
    {"Jan van der Berg", "jan berg"},
};

START_TEST(test_key_table)
{
    const key_case_t *c = &KEY_CASES[_i];
    char *key = arkiv_person_key(K, c->name);
    assert_str(c->name, key, c->key);
    g_free(key);
    key = arkiv_person_key(NULL, c->name);
    assert_str(c->name, key, c->key);
    g_free(key);
}
END_TEST

/* Names that share only a surname or only a first name never share a key. */
static const char *const KEY_DIFFERENT[][2] = {
    {"Kari Holm", "Per Holm"},
    {"Kari Holm", "Kari Hansen"},
    {"Elisabeth B. Romuld", "Elisabeth Strugstad"},
    {"Solfrid Romunstad", "Elisabeth Romuld"},
    {"Anne Berg", "Berg"},
};

START_TEST(test_key_different)
{
    char *a = arkiv_person_key(K, KEY_DIFFERENT[_i][0]);
    char *b = arkiv_person_key(K, KEY_DIFFERENT[_i][1]);
    ck_assert_msg(g_strcmp0(a, b) != 0, "%s / %s share key %s", KEY_DIFFERENT[_i][0],
                  KEY_DIFFERENT[_i][1], a);
    g_free(a);
    g_free(b);
}
END_TEST

/* people.ini overrides, in a data directory of their own. */
static char *copy_data_with_people(const char *people_ini)
{
    char *dir = g_dir_make_tmp("arkiv-att-XXXXXX", NULL);
    ck_assert_ptr_nonnull(dir);
    static const char *const FILES[] = {"councils.ini", "minutes.ini"};
    for (gsize i = 0; i < G_N_ELEMENTS(FILES); i++) {
        char *src = g_build_filename("data", FILES[i], NULL);
        char *dst = g_build_filename(dir, FILES[i], NULL);
        char *text = NULL;
        gsize len = 0;
        ck_assert(g_file_get_contents(src, &text, &len, NULL));
        ck_assert(g_file_set_contents(dst, text, (gssize)len, NULL));
        g_free(text);
        g_free(src);
        g_free(dst);
    }
    char *people = g_build_filename(dir, "people.ini", NULL);
    ck_assert(g_file_set_contents(people, people_ini, -1, NULL));
    g_free(people);
    return dir;
}

static void remove_data_dir(char *dir)
{
    static const char *const FILES[] = {"councils.ini", "minutes.ini", "people.ini"};
    for (gsize i = 0; i < G_N_ELEMENTS(FILES); i++) {
        char *f = g_build_filename(dir, FILES[i], NULL);
        g_remove(f);
        g_free(f);
    }
    g_rmdir(dir);
    g_free(dir);
}

START_TEST(test_key_people_ini)
{
    char *dir = copy_data_with_people("[same]\nLise Tronstad=Elisabeth Kvam Tronstad\n"
                                      "[distinct]\nnames=Anne Marie Berg;Anne Berg\n");
    arkiv_knowledge_t *k = NULL;
    GError *err = NULL;
    ck_assert_msg(arkiv_knowledge_load(dir, &k, &err), "%s", err ? err->message : "");
    static const key_case_t CASES[] = {
        {"Lise Tronstad", "elisabeth tronstad"}, {"Elisabeth Tronstad", "elisabeth tronstad"},
        {"Anne Marie Berg", "anne marie berg"},  {"Anne Berg", "anne berg"},
        {"Anne M. Berg", "anne berg"},           {"Per Holm", "per holm"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(CASES); i++) {
        char *key = arkiv_person_key(k, CASES[i].name);
        assert_str(CASES[i].name, key, CASES[i].key);
        g_free(key);
    }
    /* A [distinct] person is found by its exact name only. */
    GPtrArray *people = g_ptr_array_new_with_free_func((GDestroyNotify)arkiv_person_free);
    char *key = arkiv_person_key(k, "Anne Marie Berg");
    g_ptr_array_add(people, arkiv_person_new("Anne Marie Berg", key));
    g_free(key);
    ck_assert_ptr_null(arkiv_person_resolve(people, "Anne Berg"));
    ck_assert_ptr_null(arkiv_person_resolve(people, "Anne Marie"));
    ck_assert_ptr_nonnull(arkiv_person_resolve(people, "Anne Marie Berg"));
    g_ptr_array_unref(people);
    arkiv_knowledge_free(k);
    remove_data_dir(dir);
}
END_TEST

/* ------------------------------------------------------------------------
 * Resolution and merging
 * ---------------------------------------------------------------------- */

static const char *const DOC_PEOPLE[] = {
    "Elisabeth B. Romuld", "Elisabeth Strugstad", "Julie Røstad Kvam",      "Vegard Ørsjødal",
    "Kari Holm",           "Kari Hansen",         "Sverre Bugge Midthjell", "Jan Erik Haugsbø",
};

typedef struct {
    const char *query, *want; /* want NULL: ambiguous or unknown */
} resolve_case_t;

static const resolve_case_t RESOLVE_CASES[] = {
    {"Elisabeth R.", "Elisabeth B. Romuld"},
    {"Elisabeth S.", "Elisabeth Strugstad"},
    {"Elisabeth Romuld", "Elisabeth B. Romuld"},
    {"Elisabeth Bratland Romuld", "Elisabeth B. Romuld"},
    {"E. Romuld", "Elisabeth B. Romuld"},
    {"Julie Røstad", "Julie Røstad Kvam"},
    {"Julie Kvam", "Julie Røstad Kvam"},
    {"Vegard Ø.", "Vegard Ørsjødal"},
    {"Sverre Midthjell", "Sverre Bugge Midthjell"},
    {"Sverre Bugge", "Sverre Bugge Midthjell"},
    {"Jan Erik H.", "Jan Erik Haugsbø"},
    {"Jan Per H.", NULL},
    {"Kari H.", NULL},
    {"Elisabeth", NULL},
    {"Per Holm", NULL},
    {"Anne Romuld", NULL},
    {"", NULL},
};

START_TEST(test_resolve_table)
{
    GPtrArray *people = g_ptr_array_new_with_free_func((GDestroyNotify)arkiv_person_free);
    for (gsize i = 0; i < G_N_ELEMENTS(DOC_PEOPLE); i++) {
        char *key = arkiv_person_key(K, DOC_PEOPLE[i]);
        g_ptr_array_add(people, arkiv_person_new(DOC_PEOPLE[i], key));
        g_free(key);
    }
    const resolve_case_t *c = &RESOLVE_CASES[_i];
    arkiv_person_t *p = arkiv_person_resolve(people, c->query);
    assert_str(c->query, p ? p->name : NULL, c->want);
    g_ptr_array_unref(people);
}
END_TEST

static arkiv_person_t *person(const char *name, arkiv_attendance_t status, guint roles,
                              const char *org)
{
    char *key = arkiv_person_key(K, name);
    arkiv_person_t *p = arkiv_person_new(name, key);
    g_free(key);
    p->status = status;
    p->roles = roles;
    p->org = g_strdup(org);
    return p;
}

START_TEST(test_merge)
{
    arkiv_entities_t *e = arkiv_entities_new();
    arkiv_person_merge(e, person("Ann Sissel Helgesen", ARKIV_PRESENT, R_MEM, NULL));
    arkiv_person_merge(e, person("Ann Sissel Wangberg Helgesen", ARKIV_MENTIONED, R_CHAIR, "HNT"));
    arkiv_person_merge(e, person("Ann S. Helgesen", ARKIV_ABSENT, 0, "KMR"));
    arkiv_person_merge(e, person("Kari Holm", ARKIV_MENTIONED, 0, NULL));
    arkiv_person_merge(e, person("Kari Holm", ARKIV_PRESENT, R_SEC, NULL));
    arkiv_person_merge(e, person("Per Holm", ARKIV_ABSENT, 0, NULL));
    arkiv_person_merge(e, person("Per Holm", ARKIV_PRESENT, 0, NULL));
    ck_assert_uint_eq(e->people->len, 3);
    arkiv_person_t *ann = e->people->pdata[0], *kari = e->people->pdata[1];
    arkiv_person_t *per = e->people->pdata[2];
    assert_str("fullest name", ann->name, "Ann Sissel Wangberg Helgesen");
    assert_str("as written follows", ann->as_written, "Ann Sissel Wangberg Helgesen");
    ck_assert_uint_eq(ann->roles, R_MEM | R_CHAIR);
    ck_assert_int_eq(ann->status, ARKIV_PRESENT);
    assert_str("first org kept", ann->org, "HNT");
    ck_assert_int_eq(kari->status, ARKIV_PRESENT);
    ck_assert_uint_eq(kari->roles, R_SEC);
    ck_assert_int_eq(per->status, ARKIV_ABSENT);
    arkiv_entities_free(e);
}
END_TEST

/* ------------------------------------------------------------------------
 * Word lists: minutes.ini [roles] and [names]
 * ---------------------------------------------------------------------- */

START_TEST(test_word_lookups)
{
    /* Folded: case and diacritics do not matter; blanks collapse. */
    ck_assert(arkiv_knowledge_has_word(K, "roles", "secretary", "Sekretær"));
    ck_assert(arkiv_knowledge_has_word(K, "roles", "secretary", "SEKRETAER"));
    ck_assert(arkiv_knowledge_has_word(K, "roles", "member", " fast  medlem "));
    ck_assert(arkiv_knowledge_has_word(K, "names", "not_name_words", "Rådhuset"));
    ck_assert(arkiv_knowledge_has_word(K, "names", "not_name_words", "radhuset"));
    ck_assert(!arkiv_knowledge_has_word(K, "roles", "secretary", "leder"));
    ck_assert(!arkiv_knowledge_has_word(K, "roles", "nope", "leder"));
    ck_assert(!arkiv_knowledge_has_word(NULL, "roles", "chair", "leder"));
    ck_assert(arkiv_knowledge_has_suffix(K, "names", "not_name_suffixes", "Pensjonistforbundet"));
    ck_assert(arkiv_knowledge_has_suffix(K, "names", "not_name_suffixes", "rådet"));
    ck_assert(arkiv_knowledge_has_suffix(K, "names", "not_name_suffixes", "Innherred Samkommune"));
    ck_assert(!arkiv_knowledge_has_suffix(K, "names", "not_name_suffixes", "Holm"));
    /* Role bits come from the [roles] key. */
    ck_assert_uint_eq(arkiv_person_role_word(K, "Leiar"), R_CHAIR);
    ck_assert_uint_eq(arkiv_person_role_word(K, "varaordfører"), R_MEM);
    ck_assert_uint_eq(arkiv_person_role_word(K, "observatørar"), R_OBS);
    ck_assert_uint_eq(arkiv_person_role_word(K, "vararepresentant"), R_SUB);
    ck_assert_uint_eq(arkiv_person_role_word(K, "nestleder"), 0);
    ck_assert(arkiv_person_is_role_word(K, "nestleder"));
    ck_assert(!arkiv_person_is_role_word(K, "kommunalsjef"));
    ck_assert(arkiv_person_is_name(K, "Jan van der Berg"));
    ck_assert(!arkiv_person_is_name(K, "Midtre Namdal"));
}
END_TEST

/* The lists are data: words added to minutes.ini take effect. */
START_TEST(test_word_lists_from_data)
{
    char *dir = copy_data_with_people("");
    char *path = g_build_filename(dir, "minutes.ini", NULL);
    GKeyFile *kf = g_key_file_new();
    ck_assert(g_key_file_load_from_file(kf, path, G_KEY_FILE_KEEP_COMMENTS, NULL));
    const char *titles[] = {"spesialrådgiver"};
    g_key_file_set_string_list(kf, "names", "titles", titles, 1);
    const char *secretary[] = {"koordinator"};
    g_key_file_set_string_list(kf, "roles", "secretary", secretary, 1);
    ck_assert(g_key_file_save_to_file(kf, path, NULL));
    g_key_file_free(kf);
    arkiv_knowledge_t *k = NULL;
    GError *err = NULL;
    ck_assert_msg(arkiv_knowledge_load(dir, &k, &err), "%s", err ? err->message : "");
    char *org = NULL;
    guint roles = 0;
    char *name = arkiv_person_clean(k, "Spesialrådgiver Kari Holm (koordinator)", &org, &roles);
    assert_str("new title", name, "Kari Holm");
    ck_assert_ptr_null(org);
    ck_assert_uint_eq(roles, R_SEC);
    g_free(name);
    /* "sekretær" is no role word any more: it is kept as the organisation. */
    name = arkiv_person_clean(k, "Per Olsen (sekretær)", &org, &roles);
    assert_str("dropped role word", org, "sekretær");
    ck_assert_uint_eq(roles, 0);
    g_free(name);
    g_free(org);
    arkiv_knowledge_free(k);
    g_free(path);
    remove_data_dir(dir);
}
END_TEST

/* ------------------------------------------------------------------------
 * Attendance lists
 * ---------------------------------------------------------------------- */

/* The people found, one per line: "present: Name | roles | org". */
static char *describe_people(const arkiv_entities_t *e)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < e->people->len; i++) {
        const arkiv_person_t *p = e->people->pdata[i];
        const char **roles = arkiv_role_names(p->roles);
        char *r = g_strjoinv(",", (char **)roles);
        g_string_append_printf(s, "%s%s: %s | %s | %s", i ? "\n" : "",
                               arkiv_attendance_name(p->status), p->name, r, p->org ? p->org : "");
        g_free(r);
        g_free(roles);
    }
    return g_string_free(s, FALSE);
}

/* Runs the matcher on text as the indexer would: normalised pages split at
 * form feeds. */
static char *run_attendance(const char *text)
{
    char **pages = g_strsplit(text, "\f", -1);
    char **clean = NULL, *headers = NULL;
    ck_assert_int_eq(
        arkiv_normalise_pages((const char *const *)pages, g_strv_length(pages), &clean, &headers),
        ARKIV_NORM_OK);
    arkiv_tagtext_t *t =
        arkiv_tagtext_new((const char *const *)clean, g_strv_length(clean), headers);
    arkiv_entities_t *e = arkiv_entities_new();
    arkiv_tag_attendance_run(M, t, e);
    char *got = describe_people(e);
    arkiv_entities_free(e);
    arkiv_tagtext_free(t);
    g_strfreev(clean);
    g_free(headers);
    g_strfreev(pages);
    return got;
}

typedef struct {
    const char *name, *text, *want;
} att_case_t;

static const att_case_t ATT_CASES[] = {
    /* Seed 000: a wrapped comma list, a name broken over a line, ", ,",
     * a space before a comma, "og" after a comma, a full stop at the end,
     * and "Agenda" ending the header. */
    {"seed 000 inline list",
     "Sted: Teams \n\nTil stede: Hanne Frøyshov, Elisabeth Kvam Tronstad, Gro Nina Helberg, "
     "Snorre Ness, Lene \nGustavsen, Karin Wang Holmen, Kristian Børstad, Solveig Kleven, \n"
     "Mona Lersveen, Svenn Morten Iversen, , Mihai Petreaca, Veronika Otervik, Liv Leth-Olsen , "
     "\nSabine Moshövel, Lill-Merethe Bye, Tommy Aune Rehn, og Jonas Sjømæling. \n\n \n\n"
     "Agenda \n \n\n1. Velkommen og kort om hvorfor vi har felles møte  \n"
     "v/ fagrådslederne Hanne Frøyshov og Elisabeth Tronstad \n",
     "present: Hanne Frøyshov |  | \npresent: Elisabeth Kvam Tronstad |  | \n"
     "present: Gro Nina Helberg |  | \npresent: Snorre Ness |  | \n"
     "present: Lene Gustavsen |  | \npresent: Karin Wang Holmen |  | \n"
     "present: Kristian Børstad |  | \npresent: Solveig Kleven |  | \n"
     "present: Mona Lersveen |  | \npresent: Svenn Morten Iversen |  | \n"
     "present: Mihai Petreaca |  | \npresent: Veronika Otervik |  | \n"
     "present: Liv Leth-Olsen |  | \npresent: Sabine Moshövel |  | \n"
     "present: Lill-Merethe Bye |  | \npresent: Tommy Aune Rehn |  | \n"
     "present: Jonas Sjømæling |  | "},
    /* Seed 001: sub-labels "Medlemmer:" under "Til stede:" and "Forfall:",
     * blank lines between all lines, a missing comma, a name broken across
     * a blank line, "(vara HNT)", organisations broken inside parentheses,
     * "Møteleder: X  Referent: Y (nickname)" merged into the list people. */
    {"seed 001 sections",
     "Tid: 11.06.2024 Kl. 10.00-15.00  \n\nTil stede:  \n\n"
     "Medlemmer: Ann Sissel Helgesen (Værnesregionen), Liv Leth-Olsen (Levanger, Verdal, Frosta), "
     "\n\nElisabeth Tronstad (HNT, KMR), Hanne Heglum (HNT, KMN) Elin Steinland Vinje (HNT, KK), "
     "Wenche \n\nKluken (vara HNT), Charlotte Myrvold (vara HNT) \n\n"
     "Observatører/andre: Mona Lersveen (Brukerrepresentant HNT), Turid Eian (Brukerrepresentant "
     "\n\nkommunene), Nancy Haugan (sekretariat helsefellesskapet, HNT), Sverre Bugge Midthjell "
     "(sekretariat \n\nhelsefellesskapet, HNT), Anne Kristine Vevelstad (HNT, KE) \n\n"
     "Forfall: \n\nMedlemmer: Øyvind Bull (Ytre Namdal), Solveig Kleven (Inn-\n\nTrøndelag), "
     "Bine Kristoffersen (HNT, \n\nKBF) Kristian Børstad (HNT, KK), \n\n \n\n"
     "Møteleder: Elisabeth Tronstad  Referent: Anne Kristine (Stine) Vevelstad \n\n \n\n"
     "Sakliste og referat fra møte i FPS 19.03.24 godkjent uten kommentarer   \n\n \n\n"
     "Sak 9/24 Tema: Desentraliserte helsetjenester v/Sverre Bugge Midthjell \n",
     "present: Ann Sissel Helgesen | member | Værnesregionen\n"
     "present: Liv Leth-Olsen | member | Levanger, Verdal, Frosta\n"
     "present: Elisabeth Tronstad | member,chair | HNT, KMR\n"
     "present: Hanne Heglum | member | HNT, KMN\n"
     "present: Elin Steinland Vinje | member | HNT, KK\n"
     "present: Wenche Kluken | member,substitute | HNT\n"
     "present: Charlotte Myrvold | member,substitute | HNT\n"
     "present: Mona Lersveen | observer | Brukerrepresentant HNT\n"
     "present: Turid Eian | observer | Brukerrepresentant kommunene\n"
     "present: Nancy Haugan | observer | sekretariat helsefellesskapet, HNT\n"
     "present: Sverre Bugge Midthjell | observer | sekretariat helsefellesskapet, HNT\n"
     "present: Anne Kristine Vevelstad | secretary,observer | HNT, KE\n"
     "absent: Øyvind Bull | member | Ytre Namdal\n"
     "absent: Solveig Kleven | member | Inn-Trøndelag\n"
     "absent: Bine Kristoffersen | member | HNT, KBF\n"
     "absent: Kristian Børstad | member | HNT, KK"},
    /* Seed 003: missing commas after ")", initials broken over lines, an
     * organisation on the next line, "og" before the last. */
    {"seed 003 missing commas",
     "Sted: Teams \n\nTil stede: Elisabeth B. Romuld (HNT), Solfrid Romunstad \n(HNT), Berit H. "
     "Grandaunet (Indre Namdal), Svenn Morten \nIversen (Midtre Namdal) Annbjørn Johansen (HNT) "
     "Ingvild Kjesbu (Værnesregionen) Karin W. \nHolmen (HNT) Tommy A. Rehn (Innherred), og "
     "Jonas Sjømæling (kommunene) \n\n \n\nForfall: Hanne Frøyshov (HNT), Erik A. Elden (HNT), "
     "Dragan Zerajic \n(Legeforeningen) og Carl Platou (HNT). \n\n \n\nAgenda \n\n"
     "1. Godkjenning av referat fra møtet 27. mars \n",
     "present: Elisabeth B. Romuld |  | HNT\npresent: Solfrid Romunstad |  | HNT\n"
     "present: Berit H. Grandaunet |  | Indre Namdal\n"
     "present: Svenn Morten Iversen |  | Midtre Namdal\npresent: Annbjørn Johansen |  | HNT\n"
     "present: Ingvild Kjesbu |  | Værnesregionen\npresent: Karin W. Holmen |  | HNT\n"
     "present: Tommy A. Rehn |  | Innherred\npresent: Jonas Sjømæling |  | kommunene\n"
     "absent: Hanne Frøyshov |  | HNT\nabsent: Erik A. Elden |  | HNT\n"
     "absent: Dragan Zerajic |  | Legeforeningen\nabsent: Carl Platou |  | HNT"},
    /* Other labels. */
    {"til stades nynorsk",
     "Til stades: Åshild Nærø Hovden (leiar, kommunane), Eirik Rørstad (nestleiar, "
     "helseføretaket)\nog Leiv Arne Sæbø (sekretariatet).\n\nFråverande: Jostein Vågen\n\n"
     "Møteleiar: Åshild Nærø Hovden\n",
     "present: Åshild Nærø Hovden | chair | kommunane\n"
     "present: Eirik Rørstad |  | helseføretaket\npresent: Leiv Arne Sæbø |  | sekretariatet\n"
     "absent: Jostein Vågen |  | "},
    {"deltakere one per line",
     "Deltakere:\nKari Holm\nPer Olsen (HNT)\nAnne Berg\n\nSak 1/24 Godkjenning\nKari Holm "
     "orienterte.\n",
     "present: Kari Holm |  | \npresent: Per Olsen |  | HNT\npresent: Anne Berg |  | "},
    {"frammøtte medlemar with role after comma",
     "Frammøtte medlemar:\nNils Petter Hauge, leiar (Sp)\nGunn Elin Årseth, nestleiar (Ap)\n"
     "Kjell Ove Skeie (H)\n\nFråverande:\nTorleif Brekke (KrF)\n\nVara:\nMargrethe Lid (KrF), "
     "varamedlem for Torleif Brekke\n",
     "present: Nils Petter Hauge | member,chair | Sp\npresent: Gunn Elin Årseth | member | Ap\n"
     "present: Kjell Ove Skeie | member | H\nabsent: Torleif Brekke |  | KrF\n"
     "present: Margrethe Lid | substitute | KrF"},
    {"meldt forfall and fraværende",
     "Meldt forfall: Kari Holm (HNT)\nFraværende: Per Olsen\n\nTil stede: Anne Berg\n",
     "absent: Kari Holm |  | HNT\nabsent: Per Olsen |  | \npresent: Anne Berg |  | "},
    {"semicolons and slashes",
     "Tilstede: Sara Linnea Haugen (leder) / Emil Nygård / Mathias\nBerg-Olsen / Thea "
     "Kristiansen (vara)\nForfall: Jonas Ødegård; Ida Marie Lunde\n",
     "present: Sara Linnea Haugen | chair | \npresent: Emil Nygård |  | \n"
     "present: Mathias Berg-Olsen |  | \npresent: Thea Kristiansen | substitute | \n"
     "absent: Jonas Ødegård |  | \nabsent: Ida Marie Lunde |  | "},
    {"org sub-labels under a heading",
     "Til stede:\nKommunene: Oddny Brekkvassmo (leder), Kristoffer Fossum Grande\n"
     "HNT: Ivar Rønning Kolstad, Torstein Ålmo\nSekretariat: Lise Kverndal\n\n"
     "Forfall: Halvard Løkken Rise (kommunene)\n",
     "present: Oddny Brekkvassmo | chair | Kommunene\n"
     "present: Kristoffer Fossum Grande |  | Kommunene\n"
     "present: Ivar Rønning Kolstad |  | HNT\npresent: Torstein Ålmo |  | HNT\n"
     "absent: Halvard Løkken Rise |  | kommunene\npresent: Lise Kverndal | secretary | "},
    {"members from an organisation",
     "Til stades:\nMedlemar frå kommunane: Kjersti Helle Sandal (leiar), Ola Magnus Reite\n"
     "Medlemar frå Vestfjord HF: Marianne Eggen\nObservatør: Gunnhild Årdal Teigen "
     "(brukarrepresentant)\nSekretariatet: Silje Øyehaug\n",
     "present: Kjersti Helle Sandal | member,chair | kommunane\n"
     "present: Ola Magnus Reite | member | kommunane\n"
     "present: Marianne Eggen | member | Vestfjord HF\n"
     "present: Gunnhild Årdal Teigen | observer | brukarrepresentant\n"
     "present: Silje Øyehaug | secretary | "},
    {"observers from administration",
     "Til stede: Kari Holm\nOgså til stede: ordfører Ellen Tveit (under sak 4/25)\n"
     "Fra kommunen: Kristoffer Wang, ungdomskontakt\n"
     "Frå revisjonen: Øyvind Rasmussen og Aud-Kristin Fevang, Vestrevisjon IKS\n"
     "Fra administrasjonen: Kommunedirektør Petter Holmøy, kommunalsjef Guro Lie Sande\n",
     "present: Kari Holm |  | \npresent: Ellen Tveit | observer | \n"
     "present: Kristoffer Wang | observer | \n"
     "present: Øyvind Rasmussen | observer | Vestrevisjon IKS\n"
     "present: Aud-Kristin Fevang | observer | Vestrevisjon IKS\n"
     "present: Petter Holmøy | observer | \npresent: Guro Lie Sande | observer | "},
    {"chair and secretary lines",
     "Til stede: Randi Sjøvæg (HNT, KMR), Jørund Fløan (kommunene)\n\n"
     "Møteleder: Randi Sjøvæg   Referent: Sunniva Haugrønning\nSekretær: Jørund Fløan\n",
     "present: Randi Sjøvæg | chair | HNT, KMR\npresent: Jørund Fløan | secretary | kommunene\n"
     "present: Sunniva Haugrønning | secretary | "},
    {"chair short form resolves",
     "Til stede: Vegard Ørsjødal (HNT), Torunn S. Haugen (HNT)\n\nMøteleder: Vegard Ø.\n"
     "Referent: Torunn Haugen\n",
     "present: Vegard Ørsjødal | chair | HNT\npresent: Torunn S. Haugen | secretary | HNT"},
    {"referent after the header",
     "Til stede: Kari Holm, Per Olsen\n\nSak 1/24 Godkjenning\nGodkjent.\n\nReferent: Anne "
     "Berg\n",
     "present: Kari Holm |  | \npresent: Per Olsen |  | \npresent: Anne Berg | secretary | "},
    /* Tables. */
    {"municipal tables with substitutes",
     "Faste medlemmer som møtte:\nNavn                        Funksjon        Parti\n"
     "Eli Kristin Nyborg          Ordfører        Ap\n"
     "Trond Olav Sæther           Varaordfører    Sp\n"
     "Marianne Fjellheim          Medlem          H\n\n"
     "Faste medlemmer som ikke møtte:\nSigrun Eggen                Medlem          H\n"
     "Kari Holm                   Medlem          Sp\n\n"
     "Møtende varamedlemmer:\nNavn                        For                 Parti\n"
     "Ragnhild Ødegaard Moen      Sigrun Eggen        H\n\n"
     "Følgende varamedlemmer møtte:\nPer Olsen (Sp) for Kari Holm\n\n"
     "Møteleder: Eli Kristin Nyborg\n\nSAK 31/24: Godkjenning av innkalling\n",
     "present: Eli Kristin Nyborg | member,chair | Ap\n"
     "present: Trond Olav Sæther | member | Sp\n"
     "present: Marianne Fjellheim | member | H\nabsent: Sigrun Eggen | member | H\n"
     "absent: Kari Holm | member | Sp\n"
     "present: Ragnhild Ødegaard Moen | substitute | H\npresent: Per Olsen | substitute | Sp"},
    {"table with organisation and role columns",
     "Varamedlemmer som møtte:\nNavn                          Organisasjon                    "
     "Rolle\nKåre Mølnvik                  Seniornett Vågland              Vara\n\n"
     "Forfall:\nNavn                          Organisasjon                    Rolle\n"
     "Ivar Skjevik                  Seniornett Vågland              Medlem\n",
     "present: Kåre Mølnvik | substitute | Seniornett Vågland\n"
     "absent: Ivar Skjevik | member | Seniornett Vågland"},
    {"pipe table",
     "Til stede:\n\nNavn | Funksjon | Parti/Org\nAnne Grethe Solvik | Ordfører | H\n"
     "Ingeborg (Inga) Sæther Moen | Medlem | H\nRune Hagen | Varamedlem | FrP\n\n"
     "Forfall: Trond Vidar Moe (FrP)\n",
     "present: Anne Grethe Solvik | member | H\npresent: Ingeborg Sæther Moen | member | H\n"
     "present: Rune Hagen | substitute | FrP\nabsent: Trond Vidar Moe |  | FrP"},
    {"second column after spaces",
     "Til stede:\nRandi Sjøvæg                 HNT, Klinikk for medisin og rehabilitering\n"
     "Marte Lien Fjærli            Værnesregionen\n\nMeldt forfall:\n"
     "Marit Ekle                   Inn-Trøndelag\n",
     "present: Randi Sjøvæg |  | HNT, Klinikk for medisin og rehabilitering\n"
     "present: Marte Lien Fjærli |  | Værnesregionen\nabsent: Marit Ekle |  | Inn-Trøndelag"},
    {"substitute beside the member stood in for",
     "Varamedlemmer som møtte:\nAstri Lysgård               Ivar Skjærstad\n",
     "absent: Ivar Skjærstad |  | \npresent: Astri Lysgård | substitute | "},
    {"column lost to a single space",
     "Til stede:\nSolveig Hårstad-Nilsen\tFFO\nMerete Fossland\tPensjonistforbundet\n"
     "Trine Lyngvær\t\tNordfjell sykehus\n",
     "present: Solveig Hårstad-Nilsen |  | FFO\n"
     "present: Merete Fossland |  | Pensjonistforbundet\n"
     "present: Trine Lyngvær |  | Nordfjell sykehus"},
    /* Where lists end. */
    {"blank line then prose ends the list",
     "Til stede: Kari Holm, Per Olsen\n\nMøtet ble åpnet av Anne Berg og Ola Nordmann.\n",
     "present: Kari Holm |  | \npresent: Per Olsen |  | "},
    {"prose right after the list",
     "Forfall: Kari Holm\nDet ble orientert om Helse Nord-Trøndelag.\n", "absent: Kari Holm |  | "},
    {"saksliste ends the header",
     "Til stede: Kari Holm\n\nSaksliste\nPer Olsen\n\nDeltakere: Anne Berg\n",
     "present: Kari Holm |  | "},
    {"dagsorden ends the header", "Til stede: Kari Holm\nDagsorden:\nPer Olsen\n",
     "present: Kari Holm |  | "},
    {"numbered point ends the list", "Til stede: Kari Holm,\n1. Velkommen\nPer Olsen\n",
     "present: Kari Holm |  | "},
    {"numbered attendance line is no agenda", "Til stede:\n1. Kari Holm\n2. Per Olsen\n",
     "present: Kari Holm |  | \npresent: Per Olsen |  | "},
    {"next label ends the list", "Til stede: Kari Holm\nMøtested: Stjørdal Rådhus\n",
     "present: Kari Holm |  | "},
    /* Precision: no people where there are no lists. */
    {"plan with leader cells",
     "Barn og unge\n\nLeiar:\nJenny Raftevold\nLyngstad\n\nNestleiar:\nLene Solheim\n\n"
     "1.Tydelig rolleavklaring\n",
     ""},
    {"forfall instruction sentence",
     "Forfall meldes til sekretær Kari Holm på telefon.\n\nSaksliste\n", ""},
    {"label words in prose",
     "Andre saker: Kari Holm tok opp saken.\nLeder for utvalget er "
     "Per Olsen.\n",
     ""},
    {"no people in an empty list", "Forfall: Ingen.\n\nTil stede:\n\nSak 1/24 Godkjenning\n", ""},
    /* Prose: the list opens inside a line after a sentence ([labels]
     * sentence "var") and ends with its own sentence. */
    /* "PS 24/34." alone on a line ends a wrapped sentence, not the header:
     * the list after it is still attendance. */
    {"case number ending a wrapped sentence",
     "Til stede: Kari Holm\n\nMerknader\nSaken ble behandlet etter\nPS 24/34.\n\n"
     "Forfall: Ole Vikan\n\nPS 24/33 Budsjett\n",
     "present: Kari Holm |  | \nabsent: Ole Vikan |  | "},
    /* A table of names and organisations read cell by cell, as PDF text
     * gives it: each organisation is its line's name's. */
    {"name and organisation on lines of their own",
     "Til stades:\nMarianne Fjellstad (leiar)\nKystby kommune\nSverre Iversen\nHelse Nordkyst "
     "HF\nAstrid Brekke Nilsen\nNordvær kommune\n\nSak 01/25 Godkjenning\n",
     "present: Marianne Fjellstad | chair | Kystby kommune\n"
     "present: Sverre Iversen |  | Helse Nordkyst HF\n"
     "present: Astrid Brekke Nilsen |  | Nordvær kommune"},
    {"attendance in a sentence",
     "Møtet ble holdt på Teams 5. nov. 2024. Til stede var Tonje\nBjørkli (leder, Kystby "
     "kommune), Halvard Strand og Ingeborg Aas (sekretær). Møtet var vedtaksført.\n"
     "Forfall: Ole Vikan (HF).\n\n1. Velkommen\n",
     "present: Tonje Bjørkli | chair | Kystby kommune\npresent: Halvard Strand |  | \n"
     "present: Ingeborg Aas | secretary | \nabsent: Ole Vikan |  | HF"},
    /* Tab tables reach the tagger with single spaces: the header's words
     * give the columns, role words and acronyms end a name, a first name
     * after a surname starts the person stood in for. */
    {"single-spaced table",
     "Faste medlemmer som møtte:\nNavn\tFunksjon\tRepresenterer\n"
     "Randi Skjelstad\tLeder\tAP\nTove Liland Hauge\tMedlem\tH\n\n"
     "Følgende varamedlemmer møtte:\nNavn\tMøtte for\tRepresenterer\n"
     "Leif Harald Nesje\tArnt Inge Solbakk\tH\n\nPS 24/31 Godkjenning\n",
     "present: Randi Skjelstad | member,chair | AP\npresent: Tove Liland Hauge | member | H\n"
     "absent: Arnt Inge Solbakk |  | \npresent: Leif Harald Nesje | substitute | H"},
};

START_TEST(test_attendance_table)
{
    const att_case_t *c = &ATT_CASES[_i];
    char *got = run_attendance(c->text);
    assert_str(c->name, got, c->want);
    g_free(got);
}
END_TEST

START_TEST(test_attendance_merges_into_existing)
{
    /* People already found (a presenter, say) merge by key. */
    arkiv_entities_t *e = arkiv_entities_new();
    arkiv_person_merge(e, person("Kari Holm", ARKIV_MENTIONED, ARKIV_ROLE_PRESENTER, NULL));
    const char *page = "Til stede: Kari Holm (HNT)\n";
    arkiv_tagtext_t *t = arkiv_tagtext_new(&page, 1, "");
    arkiv_tag_attendance_run(M, t, e);
    ck_assert_uint_eq(e->people->len, 1);
    arkiv_person_t *p = e->people->pdata[0];
    ck_assert_int_eq(p->status, ARKIV_PRESENT);
    ck_assert_uint_eq(p->roles, ARKIV_ROLE_PRESENTER);
    assert_str("org", p->org, "HNT");
    assert_str("as written", p->as_written, "Kari Holm");
    arkiv_tagtext_free(t);
    arkiv_entities_free(e);
}
END_TEST

START_TEST(test_attendance_empty_and_null)
{
    const char *page = "";
    arkiv_tagtext_t *t = arkiv_tagtext_new(&page, 1, "");
    arkiv_entities_t *e = arkiv_entities_new();
    arkiv_tag_attendance_run(M, t, e);
    ck_assert_uint_eq(e->people->len, 0);
    arkiv_tag_attendance_run(NULL, t, e);
    arkiv_tag_attendance_run(M, NULL, e);
    arkiv_tag_attendance_free(NULL);
    arkiv_tagtext_free(t);
    arkiv_entities_free(e);
}
END_TEST

/* ------------------------------------------------------------------------ */

static gboolean load_knowledge(void)
{
    GError *err = NULL;
    char *dir = g_file_test("data/minutes.ini", G_FILE_TEST_IS_REGULAR)
                    ? g_strdup("data")
                    : arkiv_knowledge_find_dir(NULL, &err);
    gboolean ok =
        dir && arkiv_knowledge_load(dir, &K, &err) && arkiv_tag_attendance_new(K, &M, &err);
    if (!ok)
        g_printerr("test_attendance: %s\n", err ? err->message : "no data directory");
    g_clear_error(&err);
    g_free(dir);
    return ok;
}

static Suite *attendance_suite(void)
{
    Suite *s = suite_create("attendance");
    TCase *person = tcase_create("person");
    TCase *lists = tcase_create("lists");
    tcase_add_loop_test(person, test_clean_table, 0, (int)G_N_ELEMENTS(CLEAN_CASES));
    tcase_add_test(person, test_clean_null_outputs);
    tcase_add_test(person, test_clean_hostile_entries);
    tcase_add_loop_test(person, test_split_for_table, 0, (int)G_N_ELEMENTS(FOR_CASES));
    tcase_add_loop_test(person, test_key_table, 0, (int)G_N_ELEMENTS(KEY_CASES));
    tcase_add_loop_test(person, test_key_different, 0, (int)G_N_ELEMENTS(KEY_DIFFERENT));
    tcase_add_test(person, test_key_people_ini);
    tcase_add_loop_test(person, test_resolve_table, 0, (int)G_N_ELEMENTS(RESOLVE_CASES));
    tcase_add_test(person, test_merge);
    tcase_add_test(person, test_word_lookups);
    tcase_add_test(person, test_word_lists_from_data);
    tcase_add_loop_test(lists, test_attendance_table, 0, (int)G_N_ELEMENTS(ATT_CASES));
    tcase_add_test(lists, test_attendance_merges_into_existing);
    tcase_add_test(lists, test_attendance_empty_and_null);
    tcase_set_timeout(person, 30);
    tcase_set_timeout(lists, 60);
    suite_add_tcase(s, person);
    suite_add_tcase(s, lists);
    return s;
}

int main(void)
{
    if (!load_knowledge())
        return EXIT_FAILURE;
    SRunner *sr = srunner_create(attendance_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    arkiv_tag_attendance_free(M);
    arkiv_knowledge_free(K);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
