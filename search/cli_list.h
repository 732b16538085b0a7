/* cli_list.h — the shape shared by the list commands (`arkiv people`,
 * `arkiv cases`): --db, --json, --council, --year, no arguments, one
 * answer from libarkiv-answer printed as JSON or text. */
#ifndef ARKIV_CLI_LIST_H
#define ARKIV_CLI_LIST_H

#include "answer.h"
#include "cli.h"

typedef struct {
    const char *name;        /* the command word: "people" */
    const char *summary;     /* --help's summary */
    const char *description; /* --help's closing text, exit status included */
    const char *council_help, *year_help;
    arkiv_status_t (*answer)(arkiv_db_t *db, const arkiv_answer_filter_t *f, JsonNode **out,
                             char **error);
    void (*print_text)(JsonObject *answer);
} arkiv_cli_list_t;

/* Parses argv for the command and runs it; returns the exit code. */
int arkiv_cli_run_list(const arkiv_cli_list_t *cmd, int argc, char **argv);

#endif
