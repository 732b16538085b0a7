/* answer_json.h — reading and writing answer JSON without tripping over
 * null or missing members. Used inside answer/ and by whoever formats the
 * answers (search/). Every pointer returned belongs to the node or object
 * it came from; o and a may be NULL everywhere. */
#ifndef ARKIV_ANSWER_JSON_H
#define ARKIV_ANSWER_JSON_H

#include <json-glib/json-glib.h>

/* The member as a string; NULL when missing, null or not a string. */
const char *arkiv_json_str(JsonObject *o, const char *name);
/* The member as an integer; `fallback` when missing or not a number. */
gint64 arkiv_json_int(JsonObject *o, const char *name, gint64 fallback);
/* The member as an array / object; NULL when missing or another type. */
JsonArray *arkiv_json_array(JsonObject *o, const char *name);
JsonObject *arkiv_json_object(JsonObject *o, const char *name);
/* Element i as an object / string; NULL when it is not one. */
JsonObject *arkiv_json_array_object(JsonArray *a, guint i);
const char *arkiv_json_array_str(JsonArray *a, guint i);
guint arkiv_json_array_len(JsonArray *a);
/* The root object of a node, or NULL. */
JsonObject *arkiv_json_root(JsonNode *n);
/* The strings of an array joined with sep ("" for none); caller g_frees. */
char *arkiv_json_join(JsonArray *a, const char *sep);

/* Set a string member, or null when v is NULL. */
void arkiv_json_set_str(JsonObject *o, const char *name, const char *v);
/* Copy member `name` of from (any type) into to; null when from lacks it. */
void arkiv_json_copy(JsonObject *to, JsonObject *from, const char *name);

#endif
