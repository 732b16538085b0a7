/* cmd_cases.c — `arkiv cases`: the numbered cases with their titles
 * (answer/cases.c). */
#include <stdio.h>

#include "answer_json.h"
#include "cli_list.h"
#include "text.h"

static void print_text(JsonObject *a)
{
    JsonArray *cases = arkiv_json_array(a, "cases");
    guint n = arkiv_json_array_len(cases);
    if (!n) {
        printf("No cases.\n");
        return;
    }
    printf("%u case%s\n\n", n, n == 1 ? "" : "s");
    arkiv_text_councils_t *names = arkiv_text_councils_new();
    for (guint i = 0; i < n; i++) {
        JsonObject *c = arkiv_json_array_object(cases, i);
        char *date = arkiv_text_date(arkiv_json_str(c, "date"));
        printf("%-10s  ", date);
        arkiv_text_pad(stdout, arkiv_text_council(names, arkiv_json_str(c, "council")), 8);
        printf("  %-6s %s\n", arkiv_json_str(c, "number"),
               arkiv_json_str(c, "title") ? arkiv_json_str(c, "title") : "");
        g_free(date);
    }
    arkiv_text_councils_free(names);
}

static const arkiv_cli_list_t cases = {
    "cases",
    "Every agenda item with a case number (sak 12/24), oldest first, with its\n"
    "council, date and title.",
    "arkiv trace case:12/24 follows one case. See arkiv-cases(1).\n\n"
    "Exit status: 0 ok, 1 error, 2 usage error.\n",
    "Only cases of this council (any of its names: ASU)",
    "Only cases of meetings in this year",
    arkiv_answer_cases,
    print_text};

int arkiv_cmd_cases(int argc, char **argv)
{
    return arkiv_cli_run_list(&cases, argc, argv);
}
