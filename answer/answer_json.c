/* answer_json.c — null-safe JSON member access for answers. */
#include "answer_json.h"

static JsonNode *member(JsonObject *o, const char *name)
{
    return o && json_object_has_member(o, name) ? json_object_get_member(o, name) : NULL;
}

const char *arkiv_json_str(JsonObject *o, const char *name)
{
    JsonNode *n = member(o, name);
    return n && JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING
               ? json_node_get_string(n)
               : NULL;
}

gint64 arkiv_json_int(JsonObject *o, const char *name, gint64 fallback)
{
    JsonNode *n = member(o, name);
    if (!n || !JSON_NODE_HOLDS_VALUE(n))
        return fallback;
    GType t = json_node_get_value_type(n);
    if (t == G_TYPE_INT64)
        return json_node_get_int(n);
    if (t == G_TYPE_DOUBLE)
        return (gint64)json_node_get_double(n);
    return fallback;
}

JsonArray *arkiv_json_array(JsonObject *o, const char *name)
{
    JsonNode *n = member(o, name);
    return n && JSON_NODE_HOLDS_ARRAY(n) ? json_node_get_array(n) : NULL;
}

JsonObject *arkiv_json_object(JsonObject *o, const char *name)
{
    JsonNode *n = member(o, name);
    return n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
}

guint arkiv_json_array_len(JsonArray *a)
{
    return a ? json_array_get_length(a) : 0;
}

JsonObject *arkiv_json_array_object(JsonArray *a, guint i)
{
    JsonNode *n = a && i < json_array_get_length(a) ? json_array_get_element(a, i) : NULL;
    return n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
}

const char *arkiv_json_array_str(JsonArray *a, guint i)
{
    JsonNode *n = a && i < json_array_get_length(a) ? json_array_get_element(a, i) : NULL;
    return n && JSON_NODE_HOLDS_VALUE(n) && json_node_get_value_type(n) == G_TYPE_STRING
               ? json_node_get_string(n)
               : NULL;
}

JsonObject *arkiv_json_root(JsonNode *n)
{
    return n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
}

char *arkiv_json_join(JsonArray *a, const char *sep)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < arkiv_json_array_len(a); i++) {
        const char *v = arkiv_json_array_str(a, i);
        if (!v)
            continue;
        if (s->len)
            g_string_append(s, sep);
        g_string_append(s, v);
    }
    return g_string_free(s, FALSE);
}

void arkiv_json_set_str(JsonObject *o, const char *name, const char *v)
{
    if (v)
        json_object_set_string_member(o, name, v);
    else
        json_object_set_null_member(o, name);
}

void arkiv_json_copy(JsonObject *to, JsonObject *from, const char *name)
{
    JsonNode *n = member(from, name);
    if (n)
        json_object_set_member(to, name, json_node_copy(n));
    else
        json_object_set_null_member(to, name);
}
