/* entities_json.h — the tagger's findings as members of the stored JSON
 * (docs/schema.md), the shape `arkiv show` prints. */
#ifndef ARKIV_ENTITIES_JSON_H
#define ARKIV_ENTITIES_JSON_H

#include <json-glib/json-glib.h>

#include "entities.h"

/* Adds members kind, councils, council, date, date_source, place, people,
 * items, references and projects to the object b is building. */
void arkiv_entities_to_json(const arkiv_entities_t *e, JsonBuilder *b);
/* One agenda item as an object {number, title, decision, presenters, page}. */
void arkiv_item_to_json(const arkiv_item_t *it, JsonBuilder *b);

#endif
