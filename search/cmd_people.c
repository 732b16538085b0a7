/* cmd_people.c — `arkiv people`: who appears in the minutes, with
 * meeting counts (answer/people.c). */
#include <stdio.h>

#include "answer_json.h"
#include "cli_list.h"
#include "text.h"

static void print_text(JsonObject *a)
{
    JsonArray *people = arkiv_json_array(a, "people");
    guint count = arkiv_json_array_len(people);
    printf("%u %s in %" G_GINT64_FORMAT " meeting%s", count, count == 1 ? "person" : "people",
           arkiv_json_int(a, "meetings", 0), arkiv_json_int(a, "meetings", 0) == 1 ? "" : "s");
    if (arkiv_json_str(a, "council"))
        printf(" of %s", arkiv_json_str(a, "council"));
    if (arkiv_json_int(a, "year", 0))
        printf(" in %" G_GINT64_FORMAT, arkiv_json_int(a, "year", 0));
    printf("\n\nMeetings  Person\n");
    for (guint i = 0; i < count; i++) {
        JsonObject *p = arkiv_json_array_object(people, i);
        printf("%8" G_GINT64_FORMAT "  %s\n", arkiv_json_int(p, "meetings", 0),
               arkiv_json_str(p, "person"));
    }
}

static const arkiv_cli_list_t people = {
    "people",
    "Every person named in the minutes, with the number of meetings that name\n"
    "them, most first, by the fullest form of their name.",
    "See arkiv-people(1); arkiv attendance NAME lists one person's meetings.\n\n"
    "Exit status: 0 ok, 1 error, 2 usage error.\n",
    "Only meetings of this council (any of its names: ASU)",
    "Only meetings in this year",
    arkiv_answer_people,
    print_text};

int arkiv_cmd_people(int argc, char **argv)
{
    return arkiv_cli_run_list(&people, argc, argv);
}
