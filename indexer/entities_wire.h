/* entities_wire.h — a document's entities as one GVariant of three flat
 * arrays, for the worker's reply (prepared_wire.h).
 *
 * A tree of tuples, one per person, item and reference, with a maybe
 * around every string, cost both ends a GVariant instance per member: a
 * sixth of the writer's time went to reading them back. Here every
 * number goes into one "at", every string into one "ay" of NUL-ended
 * strings, and each string's offset into a second "at" (G_MAXUINT64 for
 * NULL), in a fixed order that both functions walk, the strings one
 * right after the other:
 *
 *   kind, #councils, councils..., date, date_source, place,
 *   #people, per person: name, as_written, key, org, status, roles,
 *   #items, per item: number, title, decision, #presenters,
 *                     presenters..., start, end, page,
 *   #refs, per ref: council, number,
 *   #projects, projects...
 *
 * Ownership: arkiv_entities_to_wire returns a floating reference;
 * arkiv_entities_from_wire returns new entities (arkiv_entities_free). */
#ifndef ARKIV_ENTITIES_WIRE_H
#define ARKIV_ENTITIES_WIRE_H

#include <glib.h>

#include "entities.h"

#define ARKIV_ENTITIES_WIRE_TYPE "(atatay)"

GVariant *arkiv_entities_to_wire(const arkiv_entities_t *e);

/* NULL when v, from a worker that may be half dead, breaks the layout:
 * a string that does not start where the one before it ended or has no
 * NUL, an enum out of range, an item without a number, too few members
 * for the counts, or members or bytes left over. */
arkiv_entities_t *arkiv_entities_from_wire(GVariant *v);

#endif
