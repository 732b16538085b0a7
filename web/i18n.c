/* i18n.c — labels in bokmål and English (see i18n.h). */
#include "i18n.h"

#include <glib.h>
#include <string.h>

typedef struct {
    const char *nb, *en;
} label_t;

/* Indexed by web_text_t; the static assertion below keeps it complete. */
static const label_t labels[] = {
    [T_HTML_LANG] = {"nb", "en"},
    [T_SITE] = {"Møtearkiv", "Meeting archive"},
    [T_SEARCH] = {"Søk", "Search"},
    [T_QUERY_LABEL] = {"Søk i referater og protokoller", "Search minutes and records"},
    [T_SYNTAX_HELP] = {"Alle ordene må finnes. \"palliativ plan\" er en frase; legevakt* "
                       "finner ord som begynner slik; OR, NOT og parenteser virker; felt: "
                       "council:ASU year:2024 case:12/24 person:\"kari nordvik\" "
                       "date:2024-01-01..2024-06-30.",
                       "All words must match. \"palliativ plan\" is a phrase; legevakt* finds "
                       "words starting so; OR, NOT and parentheses work; fields: council:ASU "
                       "year:2024 case:12/24 person:\"kari nordvik\" date:2024-01-01..2024-06-30."},
    [T_SORT_LABEL] = {"Sortering", "Sort"},
    [T_SORT_RELEVANCE] = {"Relevans", "Relevance"},
    [T_SORT_NEWEST] = {"Nyeste først", "Newest first"},
    [T_SORT_OLDEST] = {"Eldste først", "Oldest first"},
    [T_RESULTS_COUNT] = {"%u treff", "%u results"},
    [T_RESULTS_ABOUT] = {"omtrent %u treff", "about %u results"},
    [T_SHOWING] = {"viser %u–%u", "showing %u–%u"},
    [T_NO_HITS] = {"Ingen treff.", "No results."},
    [T_DID_YOU_MEAN] = {"Mente du", "Did you mean"},
    [T_PREV] = {"Forrige", "Previous"},
    [T_NEXT] = {"Neste", "Next"},
    [T_PAGE] = {"Side", "Page"},
    [T_FILTERS] = {"Avgrens", "Refine"},
    [T_FACETS_SAMPLE] = {"Tallene gjelder de første treffene søket så på (derfor «+»).",
                         "Counts cover the first matches the search looked at (hence \"+\")."},
    [T_TRACE_PARTIAL] =
        {"Bare de best treffende dokumentene er fulgt: avgrens søket for å se alle.",
         "Only the best-matching documents were followed: narrow the query to see "
         "all."},
    [T_REMOVE_FILTER] = {"fjern", "remove"},
    [T_FACET_COUNCIL] = {"Utvalg", "Council"},
    [T_FACET_YEAR] = {"År", "Year"},
    [T_FACET_KIND] = {"Type", "Kind"},
    [T_FACET_PERSON] = {"Person", "Person"},
    [T_ITEM] = {"Sak", "Case"},
    [T_POINT] = {"Punkt", "Item"},
    [T_DECISION] = {"Vedtak", "Decision"},
    [T_MORE_IN_MEETING] = {"%u treff til i samme møte", "%u more hits in the same meeting"},
    [T_FEED] = {"Atom-feed for dette søket", "Atom feed for this search"},
    [T_JSON] = {"JSON", "JSON"},
    [T_COUNCIL] = {"Utvalg", "Council"},
    [T_DATE] = {"Dato", "Date"},
    [T_DATE_SOURCE] = {"Datokilde", "Date source"},
    [T_PLACE] = {"Sted", "Place"},
    [T_KIND] = {"Type", "Kind"},
    [T_PAGES] = {"Sider", "Pages"},
    [T_ORIGINAL] = {"Originalfil", "Original file"},
    [T_ATTENDANCE] = {"Deltakere", "Attendance"},
    [T_PRESENT] = {"Til stede", "Present"},
    [T_ABSENT] = {"Forfall", "Absent"},
    [T_MENTIONED] = {"Nevnt", "Mentioned"},
    [T_AGENDA] = {"Saker", "Agenda"},
    [T_PRESENTERS] = {"Saksansvarlig", "Presented by"},
    [T_PROJECTS] = {"Prosjekter", "Projects"},
    [T_REFERENCES] = {"Viser til", "Refers to"},
    [T_TEXT] = {"Tekst", "Text"},
    [T_NO_TEXT] = {"Dokumentet har ingen tekst (skannet?).",
                   "The document has no text (scanned?)."},
    [T_PERSON] = {"Person", "Person"},
    [T_VARIANTS] = {"Skrevet som", "Written as"},
    [T_MEETINGS] = {"Møter", "Meetings"},
    [T_STATUS] = {"Oppmøte", "Attendance"},
    [T_ROLE] = {"Rolle", "Role"},
    [T_DOCUMENT] = {"Dokument", "Document"},
    [T_COUNTS] = {"Antall", "Counts"},
    [T_BY_COUNCIL] = {"Per utvalg", "By council"},
    [T_BY_YEAR] = {"Per år", "By year"},
    [T_TOTAL] = {"Totalt", "Total"},
    [T_CANDIDATES] = {"Flere personer passer. Velg en:", "Several people match. Pick one:"},
    [T_PERSON_LABEL] = {"Navn", "Name"},
    [T_TRACE] = {"Spor", "Trace"},
    [T_TRACE_LABEL] = {"Prosjekt, frase eller sak", "Project, phrase or case"},
    [T_TRACE_HELP] = {"For eksempel HARMONI, \"Hjem til hjem\" eller ASU 08/25. Eldste først.",
                      "For example HARMONI, \"Hjem til hjem\" or ASU 08/25. Oldest first."},
    [T_NO_EVENTS] = {"Ingenting funnet.", "Nothing found."},
    [T_CASE] = {"Sak", "Case"},
    [T_CASE_NUMBER] = {"Saksnummer", "Case number"},
    [T_SHOW] = {"Vis", "Show"},
    [T_ERROR] = {"Feil", "Error"},
    [T_BAD_REQUEST] = {"Forespørselen kan ikke besvares", "The request cannot be answered"},
    [T_NOT_FOUND] = {"Finnes ikke", "Not found"},
    [T_UNAVAILABLE] = {"Arkivet er ikke tilgjengelig akkurat nå",
                       "The archive is not available right now"},
    [T_PARTIAL] = {"Svarene er ufullstendige. Deler av arkivet som ikke svarer:",
                   "These answers are incomplete. Parts of the archive not answering:"},
    [T_SERVER_ERROR] = {"Noe gikk galt", "Something went wrong"},
    [T_LANGUAGE_SWITCH] = {"English", "Norsk"},
    [T_ROLE_MEMBER] = {"Medlem", "Member"},
    [T_ROLE_CHAIR] = {"Møteleder", "Chair"},
    [T_ROLE_SECRETARY] = {"Referent", "Secretary"},
    [T_ROLE_OBSERVER] = {"Observatør", "Observer"},
    [T_ROLE_SUBSTITUTE] = {"Vara", "Substitute"},
    [T_ROLE_PRESENTER] = {"Saksansvarlig", "Presenter"},
    [T_NO_ROLE] = {"Uten rolle", "No role"},
    [T_ALL_MEETINGS] = {"Alle møter", "All meetings"},
    [T_MENTIONED_IN] = {"Nevnt i", "Mentioned in"},
    [T_CASE_TRACE] = {"Saken i alle møter", "This case in every meeting"},
};

G_STATIC_ASSERT(G_N_ELEMENTS(labels) == T_COUNT_);

const char *web_t(web_lang_t lang, web_text_t id)
{
    if ((int)id < 0 || id >= T_COUNT_ || !labels[id].nb)
        return "";
    return lang == WEB_LANG_EN ? labels[id].en : labels[id].nb;
}

const char *web_role(web_lang_t lang, const char *role)
{
    static const struct {
        const char *name;
        web_text_t text;
    } roles[] = {{"member", T_ROLE_MEMBER},         {"chair", T_ROLE_CHAIR},
                 {"secretary", T_ROLE_SECRETARY},   {"observer", T_ROLE_OBSERVER},
                 {"substitute", T_ROLE_SUBSTITUTE}, {"presenter", T_ROLE_PRESENTER}};
    for (size_t i = 0; role && i < G_N_ELEMENTS(roles); i++)
        if (strcmp(role, roles[i].name) == 0)
            return web_t(lang, roles[i].text);
    return role ? role : "";
}

int web_lang_parse(const char *value, web_lang_t *out)
{
    if (!value)
        return 0;
    if (g_ascii_strncasecmp(value, "en", 2) == 0 && (value[2] == '\0' || value[2] == '-')) {
        *out = WEB_LANG_EN;
        return 1;
    }
    static const char *const nb[] = {"nb", "no", "nn"};
    for (size_t i = 0; i < G_N_ELEMENTS(nb); i++)
        if (g_ascii_strncasecmp(value, nb[i], 2) == 0 && (value[2] == '\0' || value[2] == '-')) {
            *out = WEB_LANG_NB;
            return 1;
        }
    return 0;
}

/* One "en-GB;q=0.8" entry: its language if ours, and its weight. */
static int parse_range(const char *range, web_lang_t *lang, double *q)
{
    char **parts = g_strsplit(range, ";", -1);
    /* An empty range ("en,,nb", "en,") splits into no parts at all. */
    if (!parts[0]) {
        g_strfreev(parts);
        return 0;
    }
    char *tag = g_strstrip(parts[0]);
    int ok = web_lang_parse(tag, lang);
    *q = 1.0;
    for (char **p = parts + 1; *p; p++) {
        char *param = g_strstrip(*p);
        if (g_ascii_strncasecmp(param, "q=", 2) == 0)
            *q = g_ascii_strtod(param + 2, NULL);
    }
    g_strfreev(parts);
    return ok;
}

web_lang_t web_lang_negotiate(const char *accept_language)
{
    web_lang_t best = WEB_LANG_NB;
    double best_q = 0.0;
    if (!accept_language)
        return best;
    char **ranges = g_strsplit(accept_language, ",", 32);
    for (char **r = ranges; *r; r++) {
        web_lang_t lang;
        double q;
        if (parse_range(*r, &lang, &q) && q > best_q) {
            best = lang;
            best_q = q;
        }
    }
    g_strfreev(ranges);
    return best;
}
