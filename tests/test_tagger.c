/* test_tagger.c — table-driven tests for the tagger's header, council,
 * item, decision, presenter, reference and project patterns, each with the
 * text that shows it (several are the awkward lines of real minutes), plus
 * the data-file loader. Attendance has its own suite (test_attendance.c).
 *
 * Run from the project root: the data files are read from ./data. */
#include <check.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "knowledge.h"
#include "normalise.h"
#include "tag_items.h"
#include "tag_refs.h"
#include "tagger.h"

typedef struct {
    const char *name;
    const char *text;
    const char *field; /* see describe() */
    const char *want;  /* NULL: the field is absent */
} tag_case_t;

/* One field of the entities as a string: lists joined with " | ". */
static char *describe(const arkiv_entities_t *e, const char *field)
{
    GString *s = g_string_new(NULL);
    const char *num = strchr(field, ':') ? strchr(field, ':') + 1 : NULL;
    if (g_str_equal(field, "date"))
        return g_strdup(e->date);
    if (g_str_equal(field, "kind"))
        return g_strdup(e->kind);
    if (g_str_equal(field, "place"))
        return g_strdup(e->place);
    if (g_str_equal(field, "councils") || g_str_equal(field, "projects")) {
        const GPtrArray *v = field[0] == 'c' ? e->councils : e->projects;
        for (guint i = 0; i < v->len; i++)
            g_string_append_printf(s, "%s%s", i ? " | " : "", (char *)v->pdata[i]);
    } else if (g_str_equal(field, "items")) {
        for (guint i = 0; i < e->items->len; i++)
            g_string_append_printf(s, "%s%s", i ? " | " : "",
                                   ((arkiv_item_t *)e->items->pdata[i])->number);
    } else if (g_str_equal(field, "mentioned")) {
        for (guint i = 0; i < e->people->len; i++) {
            const arkiv_person_t *p = e->people->pdata[i];
            if (p->status == ARKIV_MENTIONED)
                g_string_append_printf(s, "%s%s", s->len ? " | " : "", p->name);
        }
    } else if (g_str_equal(field, "refs")) {
        for (guint i = 0; i < e->refs->len; i++) {
            const arkiv_ref_t *r = e->refs->pdata[i];
            g_string_append_printf(s, "%s%s %s", i ? " | " : "", r->council ? r->council : "-",
                                   r->number);
        }
    } else if (num) {
        for (guint i = 0; i < e->items->len; i++) {
            const arkiv_item_t *it = e->items->pdata[i];
            if (!g_str_equal(it->number, num))
                continue;
            if (g_str_has_prefix(field, "title:"))
                return g_strdup(it->title);
            if (g_str_has_prefix(field, "decision:"))
                return g_strdup(it->decision);
            if (g_str_has_prefix(field, "page:"))
                return g_strdup_printf("%u", it->page);
            for (guint j = 0; j < it->presenters->len; j++)
                g_string_append_printf(s, "%s%s", j ? " | " : "", (char *)it->presenters->pdata[j]);
        }
    }
    if (!s->len) {
        g_string_free(s, TRUE);
        return NULL;
    }
    return g_string_free(s, FALSE);
}

static const tag_case_t CASES[] = {
    /* Kind, from the title words. */
    {"kind referat", "Referat fra møte i ASU 30.01.2025\n", "kind", "referat"},
    {"kind protokoll", "STORLIA KOMMUNE\n\nMØTEPROTOKOLL\n\nEldrerådet\n", "kind", "protokoll"},
    {"kind innkalling", "\nMØTEINNKALLING\nUtvalg: Administrativt samarbeidsutvalg\n", "kind",
     "moteinnkalling"},
    {"kind saksframlegg", "FJELLNES KOMMUNE\nSaksframlegg\n", "kind", "saksframlegg"},
    {"kind nynorsk", "Referat frå møte i Fagleg samarbeidsutval 3. oktober 2024\n", "kind",
     "referat"},
    {"kind other", "Notat om budsjett\n", "kind", "annet"},
    /* Meeting date. */
    {"date labelled", "Referat\nMøtedato: 17.04.2024  kl. 13.00\n", "date", "2024-04-17"},
    {"date Tid with time", "Referat\nTid: 11.06.2024 Kl. 10.00-15.00\n", "date", "2024-06-11"},
    {"date two-digit year", "Referat\nDato: 11.06.24\n", "date", "2024-06-11"},
    {"date month name", "Referat fra møte i fagråd for legesamarbeid –\n24. april 2025\n", "date",
     "2025-04-24"},
    {"date nynorsk month", "Referat frå møte i FSU 3. oktober 2024\n", "date", "2024-10-03"},
    {"date title end",
     "Referat fra felles møte i fagrådene for\npasientsamarbeid og "
     "legesamarbeid 30.01.2025\n",
     "date", "2025-01-30"},
    {"date not next meeting", "Referat FPS\nNeste møte: 12.09.2024\nDato: 11.06.2024\n", "date",
     "2024-06-11"},
    {"date not cited minutes", "Referat\nSakliste og referat fra møte i FPS 19.03.24 godkjent\n",
     "date", NULL},
    {"date not deadline", "Referat\nFrist for innspill 01.05.2024\n", "date", NULL},
    {"date ISO", "Protokoll 2024-10-22\n", "date", "2024-10-22"},
    {"date invalid", "Referat 31.02.2024\n", "date", NULL},
    /* Place. */
    {"place", "Referat\nMøtested: Kommunestyresalen, kl. 09.00\n", "place", "Kommunestyresalen"},
    {"place column", "Møtedato: 03.04.2025     Møtested: Teams\n", "place", "Teams"},
    {"place nynorsk", "Referat\nStad: Fjordbu rådhus\n", "place", "Fjordbu rådhus"},
    {"place fysisk", "Referat\nMøtested: Fysisk Steinkjer rådhus\n", "place", "Steinkjer rådhus"},
    /* Councils. */
    {"council label", "MØTEINNKALLING\nUtvalg: Administrativt samarbeidsutvalg\n", "councils",
     "Administrativt samarbeidsutvalg"},
    {"council acronym in title", "Referat fra møte i ASU 30.01.2025\n", "councils",
     "Administrativt samarbeidsutvalg"},
    {"council joint plural",
     "Referat fra felles møte i fagrådene for\npasientsamarbeid og "
     "legesamarbeid 30.01.2025\n",
     "councils", "Fagråd for pasientsamarbeid | Fagråd for legesamarbeid"},
    {"council nynorsk alias", "Referat frå møte i Fagleg samarbeidsutval 3. oktober 2024\n",
     "councils", "Faglig samarbeidsutvalg"},
    {"council unknown from header",
     "Referat fra møte i Brukerutvalget ved Nordfjell sykehus\n"
     "Dato: 11.06.24\n",
     "councils", "Brukerutvalget ved Nordfjell sykehus"},
    {"council unknown, trailing dash", "MØTEINNKALLING\nUtvalg: Fjellrådet for Vikøyra –\n",
     "councils", "Fjellrådet for Vikøyra"},
    /* "Ó" is C3 93 and "–" E2 80 93: only whole characters are trimmed. */
    {"council unknown ending in Ó", "MØTEINNKALLING\nUtvalg: Rådet for SAMÓ\n", "councils",
     "Rådet for SAMÓ"},
    {"council X (ACR) line", "\nSamhandlingsforum Indre Vest (SIV)\n\nREFERAT\n", "councils",
     "Samhandlingsforum Indre Vest"},
    {"council gazetteer line", "Vikøyra kommune\nKontrollutvalget\n\nMØTEPROTOKOLL\n", "councils",
     "Kontrollutvalget"},
    {"council table",
     "Saksframlegg\n\nUtvalg                 Utvalgssak     Møtedato\n"
     "Formannskapet          49/24          05.09.2024\n",
     "councils", "Formannskapet"},
    {"council approval line",
     "Referat\nTil stede: Kari Holm\n\nSakliste og referat fra møte i "
     "FPS 19.03.24 godkjent\n",
     "councils", "Fagråd for pasientsamarbeid"},
    /* Items and their numbers. */
    {"items forms", "Sak 9/24 A\ntekst\nSak: 10/24 B\nSAK 03/19: C\nSak 12/2024 D\n", "items",
     "09/24 | 10/24 | 03/19 | 12/24"},
    {"items padded", "Sak 023/24 Tilskudd\n", "items", "23/24"},
    {"items agenda table",
     "SAKSLISTE\n09/24 Godkjenning av innkalling og saksliste.\n10/24\n\n"
     "Helseplattformen\n",
     "items", "09/24 | 10/24"},
    {"item title next line", "SAKSLISTE\n10/24\n\nHelseplattformen\n", "title:10/24",
     "Helseplattformen"},
    {"item title labelled wins",
     "09/24 Godkjenning\n\nSAKSFREMLEGG\nSak: 09/24  Godkjenning av "
     "innkalling og sakliste.\nForslag til vedtak\nGodkjent.\n",
     "title:09/24", "Godkjenning av innkalling og sakliste."},
    {"item wrapped reference", "Sak 23/23 Oppfølging\nsjå sak\n40/22, manglar plan.\n", "items",
     "23/23"},
    {"item not a date", "Sak 1/24 Start\nMøtet 11/06/2024 ble flyttet\n", "items", "01/24"},
    {"points", "Agenda\n\n1. Velkommen\ntekst\n2. Palliativ plan\n• Innspill: a\n3. Eventuelt\n",
     "items", "1 | 2 | 3"},
    {"points with inner list",
     "1. Velkommen\n2. Sak om plan\nASU vedtok:\n1. ASU støtter\n"
     "2. ASU ber\n3. Eventuelt\n",
     "items", "1 | 2 | 3"},
    {"points agenda repeated",
     "Agenda\n1. Velkommen\n2. Plan\n\n1. Velkommen\ntekst\n"
     "Konklusjon: Tatt til orientering.\n2. Plan\n",
     "decision:1", "Tatt til orientering."},
    {"item page", "Sak 1/24 A\n\fSak 2/24 B\n", "page:02/24", "2"},
    /* Decisions. */
    {"decision inline",
     "Sak 12/2024 Godkjenning\nInnstilling: Protokoll godkjennes.\n"
     "Vedtak: Enstemmig som innstilling.\n",
     "decision:12/24", "Protokoll godkjennes. Vedtak: Enstemmig som innstilling."},
    {"decision heading line",
     "Sak: 09/24 Godkjenning\nForslag til vedtak\nInnkalling og "
     "sakliste godkjennes.\n\nVedlegg: ingen\n",
     "decision:09/24", "Innkalling og sakliste godkjennes."},
    {"decision konklusjon", "Sak 5/24 X\nDrøfting.\nKonklusjon: Saken sendes ASU.\n",
     "decision:05/24", "Saken sendes ASU."},
    {"decision nynorsk", "Sak 5/24 X\nFramlegg til vedtak: Utvalet tek saka til vitande.\n",
     "decision:05/24", "Utvalet tek saka til vitande."},
    /* Decision headings of other systems (minutes.ini [item] decision). */
    {"decision vedtak i saka", "Sak 012/24 X\n\nVedtak i saka:\nMøteboka vert godkjend.\n",
     "decision:12/24", "Møteboka vert godkjend."},
    {"decision samrøystes vedteke",
     "Sak 013/24 X\nSamrøystes vedteke:\nUtvalet tek saka til vitande.\n", "decision:13/24",
     "Utvalet tek saka til vitande."},
    {"decision konklusjon/oppfølging",
     "Sak 2/24 Rutine\nTekst.\nKonklusjon/oppfølging: Rutinen vedtas.\n", "decision:02/24",
     "Rutinen vedtas."},
    {"presenter ansvar", "41/24 HMS-avvik\nAnsvar: Anita Bøe\nTekst.\n", "presenters:41/24",
     "Anita Bøe"},
    {"decision possessive",
     "PS 16/24 X\nKommunedirektøren sitt framlegg til vedtak:\nTenesteutvalet "
     "tek rapporten til vitande.\n",
     "decision:16/24", "Tenesteutvalet tek rapporten til vitande."},
    {"decision after debate",
     "Sak 025/24 T\nKommunedirektørens innstilling:\nKr 450 000.\n\n"
     "Behandling:\nEndringsforslag.\n\nVedtak:\nKr 500 000.\n",
     "decision:25/24", "Kr 500 000."},
    {"decision refers back",
     "Sak 04/25 T\nInnstilling:\n1. SSU forlengjer.\n\nVotering: vedteken.\n"
     "Vedtak: Som innstilling.\n",
     "decision:04/25", "1. SSU forlengjer. Som innstilling."},
    {"decision municipal prefix",
     "PS 50/24 Spørsmål\nSvar.\n\nKST- 50/24 Vedtak:\nSvaret tas til "
     "orientering.\n",
     "decision:50/24", "Svaret tas til orientering."},
    {"no decision", "Sak 7/24 Orientering\nTekst uten konklusjon.\n", "decision:07/24", NULL},
    /* Presenters. */
    {"presenter v/", "Sak 9/24 Tema: Desentraliserte helsetjenester v/Sverre Bugge Midthjell\n",
     "presenters:09/24", "Sverre Bugge Midthjell"},
    {"presenter not in title", "Sak 9/24 Tema: Desentraliserte helsetjenester v/Sverre Midthjell\n",
     "title:09/24", "Tema: Desentraliserte helsetjenester"},
    {"presenters fagrådslederne",
     "1. Velkommen\nv/ fagrådslederne Hanne Frøyshov og Elisabeth "
     "Tronstad\n",
     "presenters:1", "Hanne Frøyshov | Elisabeth Tronstad"},
    /* A label may follow a sentence on its line ("… før utskriving.
     * Ansvar: Halvard Strand"), not a word ("vårt ansvar: alle"). */
    {"presenter label after a sentence",
     "1. Utskriving\nKonklusjon: Varsel før utskriving. Ansvar: Halvard Strand\n", "presenters:1",
     "Halvard Strand"},
    {"presenter label not after a word", "1. Utskriving\nDet er vårt ansvar: Halvard Strand\n",
     "presenters:1", NULL},
    {"presenter with title after", "1. Oppdatering v/Janicke Vatn,\nprosjektleder\n",
     "presenters:1", "Janicke Vatn"},
    {"presenters slash",
     "Sak: 10/24 Helseplattformen\nSaksansvarlig: Ingjerd Astad/Tom Christian "
     "Martinsen\n",
     "presenters:10/24", "Ingjerd Astad | Tom Christian Martinsen"},
    {"presenter innleder", "Sak 3/24 X\nInnleder: Kari Nordmann\n", "presenters:03/24",
     "Kari Nordmann"},
    {"presenters saksbehandler",
     "Sak 7/24 X\nSaksansvarlig: Ane Marte Sørbø\nSaksbehandler: Marit Bolstad-Hole/Jostein "
     "Mjelde\n",
     "presenters:07/24", "Ane Marte Sørbø | Marit Bolstad-Hole | Jostein Mjelde"},
    {"presenter label before a second column",
     "Sak 5/24 X\nSaksbehandlar:  Hege Lunde Skaret        Arkiv:   FA-H31\n", "presenters:05/24",
     "Hege Lunde Skaret"},
    {"presenter case paper letter head",
     "FJELLNES KOMMUNE\nArkivsaksnr:  24/812-4\nSaksbehandler:  Ingrid Sæle Håland\n\n"
     "Saksframlegg\n\nUtvalg                 Utvalgssak     Møtedato\n"
     "Formannskapet          49/24          05.09.2024\n\nTilskudd til frivilligsentralen\n",
     "presenters:49/24", "Ingrid Sæle Håland"},
    {"presenter one person in two spellings",
     "Sak 16/24 X\nSaksbehandler: Solveig Cruikshank Tofte\nInnleder: Solveig Tofte\n",
     "presenters:16/24", "Solveig Cruikshank Tofte"},
    {"presenters v/ on two lines, og first",
     "Sak 22/23 Digital hjemmeoppfølging v/ Håvard Lein\nog Linn Tørresdal\nStjørdal har "
     "fulgt opp 40 pasienter.\n",
     "presenters:22/23", "Håvard Lein | Linn Tørresdal"},
    {"presenters v/ on two lines, og last", "Sak 1/24 Status v/ Kari Holm og\nPer Olsen\nTekst.\n",
     "presenters:01/24", "Kari Holm | Per Olsen"},
    {"presenter surname wrapped",
     "1. Velkommen\n2. Heim til heim v/ Hanne Nesheim Vik og Marit Helene\nBø-Sandvik\n"
     "3. Eventuelt\n",
     "presenters:2", "Hanne Nesheim Vik | Marit Helene Bø-Sandvik"},
    {"presenter next line no surname", "Sak 1/24 Status v/ Kari Marie\nOrientering\n",
     "presenters:01/24", "Kari Marie"},
    {"presenter v/ after a wrapped title",
     "Sak 2/24 Status revisjon av særavtaler for LIS i\n\nallmennmedisin (ALIS) og\n\n"
     "rehabilitering (FMR).  v/ Kari Holm\n\nSaken har gått til forhandlingsutvalget.\n",
     "presenters:02/24", "Kari Holm"},
    {"presenter first name alone",
     "Referat\nTil stede: Jonas Sjømæling (kommunene), Ingvild Kjesbu (Værnesregionen), "
     "Elisabeth B. Romuld (HNT)\n\nAgenda\n\n1. Velkommen\n2. Handlingsplan, v/Jonas\n"
     "3. Rutine, v/Elisabeth R. og Ingvild\n",
     "presenters:3", "Elisabeth B. Romuld | Ingvild Kjesbu"},
    {"presenter first name of two people",
     "Referat\nTil stede: Jonas Sjømæling (kommunene), Jonas Berg (HNT)\n\nAgenda\n\n"
     "1. Velkommen\n2. Handlingsplan, v/Jonas\n",
     "presenters:2", NULL},
    /* An agenda table broken cell by cell, with a responsible column. */
    {"presenters agenda column",
     "SAKSLISTE\n\nKl. Saksnr. Saker Ansvarlig Tid\n\n12.00-\n\n15/24 Godkjenning\n\n"
     "Marit Solem Aune 10\n\n16/24\n\nHARMONI-prosjektet – status\n\n Erfaringer\n\n"
     "Torleif Hjelde/\n\nAnne-Lise Brøndbo\n\n50\n\n17/24\n\nHospitering\n\nEirik Bjerkan,\n"
     "Helse Nord-Trøndelag\n\n40\n\nSak 15/24 Godkjenning\nKari Holm\n",
     "presenters:16/24", "Torleif Hjelde | Anne-Lise Brøndbo"},
    {"presenter agenda column, employer after",
     "SAKSLISTE\nKl. Saksnr. Saker Ansvarlig Tid\n17/24\nHospitering\nEirik Bjerkan,\n"
     "Helse Nord-Trøndelag\n40\n",
     "presenters:17/24", "Eirik Bjerkan"},
    {"presenter agenda column ends at the minutes",
     "SAKSLISTE\nKl. Saksnr. Saker Ansvarlig Tid\n15/24 Godkjenning\nMarit Solem Aune 10\n\n"
     "Sak 15/24 Godkjenning\nKari Holm\n",
     "presenters:15/24", "Marit Solem Aune"},
    {"presenter agenda without the column",
     "SAKSLISTE\nKl. Saksnr. Saker Tid\n15/24 Godkjenning\nMarit Solem Aune 10\n",
     "presenters:15/24", NULL},
    {"presenter sentence is no column header",
     "SAKSLISTE\nFastlegen er tydelig ansvarlig for pasienten\n15/24 Godkjenning\n"
     "Marit Solem Aune\n",
     "presenters:15/24", NULL},
    /* References. */
    {"ref acronym-sak", "Sak 1/25 X\nStatus, jfr. ASU-sak 08/25.\n", "refs",
     "Administrativt samarbeidsutvalg 08/25"},
    {"ref council before", "Sak 1/23 X\nSSU har i sak 39/22 i møte 16.11.22 avgjort.\n", "refs",
     "Strategisk samarbeidsutvalg 39/22"},
    {"ref genitive", "Sak 1/24 X\njf. formannskapets sak 47/24.\n", "refs", "Formannskapet 47/24"},
    {"ref council after", "Sak 1/24 X\njf. sak 17/24 i ASU.\n", "refs",
     "Administrativt samarbeidsutvalg 17/24"},
    {"ref protokoll fra", "Sak 1/24 X\nse sak 13/24: Protokoll fra ASU 22.05.24\n", "refs",
     "Administrativt samarbeidsutvalg 13/24"},
    {"ref without council", "Sak 1/24 X\nvedtak i ASU våren 2024, jf. sak 13/24.\n", "refs",
     "- 13/24"},
    {"ref own item is not one", "Sak 7/24 X\nMøtte under sak 07/24.\n", "refs", NULL},
    /* The case words of item headings ([item] case) refer in running text. */
    {"ref with a heading's case word", "Sak 1/24 X\nRammen økes, jf. PS 24/12 i kommunestyret.\n",
     "refs", "Kommunestyret 24/12"},
    /* People named in running text: the name stops before a job title,
     * and an organisation is no surname. */
    {"mention before a job title", "Frode Hagenes Kommunedirektør orienterte om saken.\n",
     "mentioned", "Frode Hagenes"},
    {"mention not an organisation", "Innspill fra Merete Pensjonistforbundet ble lest opp.\n",
     "mentioned", NULL},
    /* Projects. */
    {"project guillemets",
     "Oppdatering på prosjektet «helhetlige pasientforløp for hjem til "
     "hjem»\n",
     "projects", "helhetlige pasientforløp for hjem til hjem"},
    {"project quoted suffix", "Om \"Hjem til hjem\"-prosjektet og «hjem til hjem»-prosjekt\n",
     "projects", "hjem til hjem"},
    {"project caps", "Prosjektet HARMONI og HARMONI-prosjektet\n", "projects", "harmoni"},
    /* Without "-prosjekt" the intro form is looked for alone; with it,
     * both forms in one pass, as before: "prosjekt KLAR" is part of the
     * match "HARMONI-prosjekt", not a project of its own. */
    {"project caps without suffix", "Satsinga SAMSPILL og prosjektet LOS\n", "projects",
     "samspill | los"},
    {"project caps after suffix", "HARMONI-prosjekt KLAR\n", "projects", "harmoni"},
    /* "Prosjekt:" as a label names the project to the end of its line. */
    {"project label", "Sak 22/2024 Prosjekt: Felles legevaktsentral v/ Tuva Hammerø\n", "projects",
     "felles legevaktsentral"},
    {"project label not inside a word", "Nytt samhandlingsprosjekt: Oppstart\n", "projects", NULL},
    {"project not plain caps", "Møte med HNT og KS\n", "projects", NULL},
    /* Letters whose UTF-8 shares a byte with a quote mark: "ë" (C3 AB)
     * with "«" (C2 AB), "À" (C3 80) and "û" (C3 BB) with "»" (C2 BB). */
    {"project letters sharing bytes with quotes", "Prosjektet «Noël på Àsen, Brûlé»\n", "projects",
     "noël på àsen, brûlé"},
};

static arkiv_knowledge_t *k;
static arkiv_tagger_t *tagger;

static void setup(void)
{
    GError *err = NULL;
    ck_assert_msg(arkiv_knowledge_load("data", &k, &err), "%s", err ? err->message : "");
    ck_assert(arkiv_tagger_new(k, &tagger, &err));
}

static void teardown(void)
{
    arkiv_tagger_free(tagger);
    arkiv_knowledge_free(k);
}

START_TEST(test_tag_table)
{
    const tag_case_t *c = &CASES[_i];
    char **pages = g_strsplit(c->text, "\f", -1), **clean = NULL, *headers = NULL;
    ck_assert_int_eq(
        arkiv_normalise_pages((const char *const *)pages, g_strv_length(pages), &clean, &headers),
        ARKIV_NORM_OK);
    arkiv_entities_t *e =
        arkiv_tagger_run(tagger, (const char *const *)clean, g_strv_length(clean), headers);
    char *got = describe(e, c->field);
    ck_assert_msg(g_strcmp0(got, c->want) == 0, "%s: %s\n  got  %s\n  want %s", c->name, c->field,
                  got ? got : "(none)", c->want ? c->want : "(none)");
    g_free(got);
    arkiv_entities_free(e);
    g_strfreev(pages);
    g_strfreev(clean);
    g_free(headers);
}
END_TEST

static const char *const NUMBER_CASES[][2] = {
    {"9/24", "09/24"},    {"09/24", "09/24"}, {"12/2024", "12/24"}, {"023/24", "23/24"},
    {"12 / 24", "12/24"}, {"1/2", NULL},      {"x/24", NULL},       {"1234/24", NULL},
};

START_TEST(test_case_numbers)
{
    char *got = arkiv_case_number_normalise(NUMBER_CASES[_i][0]);
    ck_assert_msg(g_strcmp0(got, NUMBER_CASES[_i][1]) == 0, "%s -> %s", NUMBER_CASES[_i][0],
                  got ? got : "(null)");
    g_free(got);
}
END_TEST

START_TEST(test_knowledge_lookups)
{
    ck_assert_str_eq(arkiv_knowledge_council(k, "ASU"), "Administrativt samarbeidsutvalg");
    ck_assert_ptr_null(arkiv_knowledge_council(k, "asu")); /* acronyms keep their case */
    ck_assert_str_eq(arkiv_knowledge_council(k, "fagleg  samarbeidsutval"),
                     "Faglig samarbeidsutvalg");
    ck_assert_str_eq(arkiv_knowledge_council(k, "Formannskapets"), "Formannskapet");
    ck_assert_int_eq(arkiv_knowledge_month(k, "April"), 4);
    ck_assert_int_eq(arkiv_knowledge_month(k, "okt."), 10);
    ck_assert_int_eq(arkiv_knowledge_month(k, "Mandag"), 0);
    ck_assert(arkiv_knowledge_words(k, "attendance", "present")[0] != NULL);
    ck_assert_ptr_null(arkiv_knowledge_words(k, "nope", "nope")[0]);
    ck_assert_int_eq(strlen(arkiv_knowledge_digest(k)), 64);
}
END_TEST

/* A broken data file is an error that names the file. */
START_TEST(test_knowledge_errors)
{
    char *dir = g_dir_make_tmp("arkiv-data-XXXXXX", NULL);
    char *councils = g_build_filename(dir, "councils.ini", NULL);
    char *minutes = g_build_filename(dir, "minutes.ini", NULL);
    GError *err = NULL;
    arkiv_knowledge_t *kk = NULL;
    ck_assert(!arkiv_knowledge_load(dir, &kk, &err));
    ck_assert_msg(strstr(err->message, "councils.ini") != NULL, "%s", err->message);
    g_clear_error(&err);
    ck_assert(g_file_set_contents(councils, "[ASU\nacronyms=ASU\n", -1, NULL));
    ck_assert(g_file_set_contents(minutes, "[kind]\nreferat=referat\n", -1, NULL));
    ck_assert(!arkiv_knowledge_load(dir, &kk, &err));
    ck_assert_msg(strstr(err->message, "councils.ini") != NULL, "%s", err->message);
    g_clear_error(&err);
    ck_assert(g_file_set_contents(councils, "[Utvalg X]\nacronyms=UX\n", -1, NULL));
    ck_assert_msg(arkiv_knowledge_load(dir, &kk, &err), "%s", err ? err->message : "");
    ck_assert_str_eq(arkiv_knowledge_council(kk, "UX"), "Utvalg X");
    /* The digest of the files alone is the loaded knowledge's. */
    char *digest = NULL;
    ck_assert(arkiv_knowledge_dir_digest(dir, &digest, &err));
    ck_assert_str_eq(digest, arkiv_knowledge_digest(kk));
    g_free(digest);
    ck_assert(arkiv_knowledge_dir_digest("data", &digest, &err));
    ck_assert_str_eq(digest, arkiv_knowledge_digest(k));
    g_free(digest);
    arkiv_knowledge_free(kk);
    g_unlink(minutes);
    ck_assert(!arkiv_knowledge_dir_digest(dir, &digest, &err));
    ck_assert_msg(strstr(err->message, "minutes.ini") != NULL, "%s", err->message);
    g_clear_error(&err);
    g_unlink(councils);
    g_rmdir(dir);
    g_free(councils);
    g_free(minutes);
    g_free(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tagger");
    TCase *tc = tcase_create("patterns");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_tag_table, 0, (int)G_N_ELEMENTS(CASES));
    tcase_add_loop_test(tc, test_case_numbers, 0, (int)G_N_ELEMENTS(NUMBER_CASES));
    tcase_add_test(tc, test_knowledge_lookups);
    tcase_add_test(tc, test_knowledge_errors);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
