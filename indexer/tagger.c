/* tagger.c — runs the tagging modules in the order their inputs need:
 * header and council first, attendance before items (presenters resolve
 * against the attendance), references after items (they skip item
 * headings), people mentioned in the text last (the lists say who they
 * are). */
#include "tagger.h"

#include "person.h"
#include "tag_attendance.h"
#include "tag_council.h"
#include "tag_header.h"
#include "tag_items.h"
#include "tag_mentions.h"
#include "tag_refs.h"
#include "tagtext.h"

struct arkiv_tagger {
    const arkiv_knowledge_t *k;
    arkiv_tag_header_t *header;
    arkiv_tag_council_t *council;
    arkiv_tag_attendance_t *attendance;
    arkiv_tag_items_t *items;
    arkiv_tag_refs_t *refs;
    arkiv_tag_mentions_t *mentions;
};

gboolean arkiv_tagger_new(const arkiv_knowledge_t *k, arkiv_tagger_t **out, GError **error)
{
    arkiv_tagger_t *t = g_new0(arkiv_tagger_t, 1);
    t->k = k;
    gboolean ok = arkiv_tag_header_new(k, &t->header, error) &&
                  arkiv_tag_council_new(k, &t->council, error) &&
                  arkiv_tag_attendance_new(k, &t->attendance, error) &&
                  arkiv_tag_items_new(k, &t->items, error) &&
                  arkiv_tag_refs_new(k, &t->refs, error) &&
                  arkiv_tag_mentions_new(k, &t->mentions, error);
    if (!ok) {
        arkiv_tagger_free(t);
        t = NULL;
    }
    *out = t;
    return ok;
}

void arkiv_tagger_free(arkiv_tagger_t *t)
{
    if (!t)
        return;
    arkiv_tag_header_free(t->header);
    arkiv_tag_council_free(t->council);
    arkiv_tag_attendance_free(t->attendance);
    arkiv_tag_items_free(t->items);
    arkiv_tag_refs_free(t->refs);
    arkiv_tag_mentions_free(t->mentions);
    g_free(t);
}

/* Presenters are written short ("v/ Elisabeth R."); the attendance list
 * says who that is. A presenter not in the lists becomes a person of the
 * document with the presenter role only. */
static void resolve_presenters(const arkiv_tagger_t *t, arkiv_entities_t *e)
{
    for (guint i = 0; i < e->items->len; i++) {
        arkiv_item_t *it = e->items->pdata[i];
        for (guint j = 0; j < it->presenters->len; j++) {
            const char *written = it->presenters->pdata[j];
            arkiv_person_t *p = arkiv_person_resolve(e->people, written);
            if (!p) {
                char *key = arkiv_person_key(t->k, written);
                if (!key || !*key) {
                    g_free(key);
                    continue;
                }
                arkiv_person_t *np = arkiv_person_new(written, key);
                np->roles = ARKIV_ROLE_PRESENTER;
                g_free(key);
                arkiv_person_merge(e, np);
                p = arkiv_person_resolve(e->people, written);
            }
            if (!p)
                continue;
            /* "v/ Ann Sissel Wangberg Helgesen" is fuller than the list's
             * "Ann Sissel Helgesen": merging keeps the fuller name. */
            arkiv_person_t *as_presenter = arkiv_person_new(written, p->key);
            as_presenter->roles = ARKIV_ROLE_PRESENTER;
            arkiv_person_merge(e, as_presenter);
            p = arkiv_person_resolve(e->people, written);
            if (!p)
                continue;
            p->roles |= ARKIV_ROLE_PRESENTER;
            if (!g_str_equal(p->name, written)) {
                g_free(it->presenters->pdata[j]);
                it->presenters->pdata[j] = g_strdup(p->name);
            }
        }
    }
}

arkiv_entities_t *arkiv_tagger_run(const arkiv_tagger_t *t, const char *const *pages, guint n_pages,
                                   const char *headers)
{
    arkiv_tagtext_t *text = arkiv_tagtext_new(pages, n_pages, headers);
    arkiv_entities_t *e = arkiv_entities_new();
    arkiv_tag_header_run(t->header, text, e);
    arkiv_tag_council_run(t->council, text, e);
    arkiv_tag_attendance_run(t->attendance, text, e);
    arkiv_tag_items_run(t->items, text, e);
    resolve_presenters(t, e);
    arkiv_tag_refs_run(t->refs, text, e);
    arkiv_tag_mentions_run(t->mentions, text, e);
    arkiv_tagtext_free(text);
    return e;
}
