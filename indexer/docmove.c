/* docmove.c — stored data for a moved file (docmove.h). */
#include "docmove.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

char *arkiv_docmove_rewrite(void *user, const char *data, const arkiv_file_info_t *to)
{
    (void)user;
    JsonNode *root = json_from_string(data, NULL);
    if (!root || !JSON_NODE_HOLDS_OBJECT(root)) {
        if (root)
            json_node_unref(root);
        return NULL;
    }
    JsonObject *o = json_node_get_object(root);
    json_object_set_string_member(o, "id", to->id);
    json_object_set_string_member(o, "path", to->path);
    json_object_set_int_member(o, "size", (gint64)to->size);
    json_object_set_int_member(o, "mtime", to->mtime);
    char *s = json_to_string(root, FALSE);
    json_node_unref(root);
    /* The library frees with free(), which need not be GLib's allocator. */
    char *out = s ? strdup(s) : NULL;
    g_free(s);
    return out;
}
