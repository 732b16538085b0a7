/* i18n.h — the page labels in bokmål and English. Pages never hold
 * user-visible words of their own: every label is a web_text_t here. */
#ifndef ARKIV_WEB_I18N_H
#define ARKIV_WEB_I18N_H

typedef enum { WEB_LANG_NB, WEB_LANG_EN } web_lang_t;

typedef enum {
    T_HTML_LANG, /* "nb" / "en": the lang attribute */
    T_SITE,
    T_SEARCH,
    T_QUERY_LABEL,
    T_SYNTAX_HELP,
    T_SORT_LABEL,
    T_SORT_RELEVANCE,
    T_SORT_NEWEST,
    T_SORT_OLDEST,
    T_RESULTS_COUNT, /* "%u treff" */
    T_RESULTS_ABOUT, /* "omtrent %u treff": an estimate */
    T_SHOWING,       /* "viser %u–%u" */
    T_NO_HITS,
    T_DID_YOU_MEAN,
    T_PREV,
    T_NEXT,
    T_PAGE,
    T_FILTERS,
    T_FACETS_SAMPLE, /* the facet counts cover the first matches only */
    T_TRACE_PARTIAL, /* a trace followed the best-matching documents only */
    T_REMOVE_FILTER,
    T_FACET_COUNCIL,
    T_FACET_YEAR,
    T_FACET_KIND,
    T_FACET_PERSON,
    T_ITEM,  /* "Sak" */
    T_POINT, /* "Punkt" */
    T_DECISION,
    T_MORE_IN_MEETING, /* "%u treff til i samme møte" */
    T_FEED,
    T_JSON,
    T_COUNCIL,
    T_DATE,
    T_DATE_SOURCE,
    T_PLACE,
    T_KIND,
    T_PAGES,
    T_ORIGINAL,
    T_ATTENDANCE,
    T_PRESENT,
    T_ABSENT,
    T_MENTIONED,
    T_AGENDA,
    T_PRESENTERS,
    T_PROJECTS,
    T_REFERENCES,
    T_TEXT,
    T_NO_TEXT,
    T_PERSON,
    T_VARIANTS,
    T_MEETINGS,
    T_STATUS,
    T_ROLE,
    T_DOCUMENT,
    T_COUNTS,
    T_BY_COUNCIL,
    T_BY_YEAR,
    T_TOTAL,
    T_CANDIDATES,
    T_PERSON_LABEL,
    T_TRACE,
    T_TRACE_LABEL,
    T_TRACE_HELP,
    T_NO_EVENTS,
    T_CASE,
    T_CASE_NUMBER,
    T_SHOW,
    T_ERROR,
    T_BAD_REQUEST,
    T_NOT_FOUND,
    T_UNAVAILABLE,
    T_SERVER_ERROR,
    T_LANGUAGE_SWITCH, /* the link to the other language */
    T_ROLE_MEMBER,
    T_ROLE_CHAIR,
    T_ROLE_SECRETARY,
    T_ROLE_OBSERVER,
    T_ROLE_SUBSTITUTE,
    T_ROLE_PRESENTER,
    T_NO_ROLE,
    T_ALL_MEETINGS,
    T_MENTIONED_IN,
    T_CASE_TRACE,
    T_PARTIAL, /* followed by the number of shards that did not answer */
    T_COUNT_
} web_text_t;

/* The label in `lang`; static storage, plain text (escape it like any
 * other text). */
const char *web_t(web_lang_t lang, web_text_t id);

/* A role name as stored ("chair") in `lang`; unknown roles as given. */
const char *web_role(web_lang_t lang, const char *role);

/* "nb" or "en" from a ?lang= value ("en", "nb", "no", "nn", "en-GB"):
 * TRUE and *out set when it names one of ours. */
int web_lang_parse(const char *value, web_lang_t *out);

/* The best of ours for an Accept-Language header (q-values honoured);
 * bokmål when none matches or the header is missing. */
web_lang_t web_lang_negotiate(const char *accept_language);

#endif
