/* cli_query.h — the shape shared by the commands that ask one answer of
 * libarkiv-answer (`arkiv search`, `decisions`, `trace`, `attendance`,
 * and through cli_list.h `people` and `cases`): --db, --json, --csv, the
 * command's own options, the QUERY words (or NAME) joined into one
 * string, the answer printed as JSON, CSV or text. */
#ifndef ARKIV_CLI_QUERY_H
#define ARKIV_CLI_QUERY_H

#include "answer.h"
#include "cli.h"

/* What the runner hands to the command's answer: all borrowed. */
typedef struct {
    const char *query; /* the words joined by spaces */
    arkiv_out_t out;
    const void *opts; /* the command's own options */
} arkiv_cli_query_in_t;

typedef struct {
    const char *name;        /* the command word: "trace" */
    const char *summary;     /* --help's summary */
    const char *description; /* --help's closing text, exit status included */
    const char *json_help;
    const char *csv_help; /* NULL: no --csv (print_csv is never called) */
    /* The usage line's operand: "QUERY...". NULL: the command takes no
     * words, and a word is a usage error ("unexpected 'x'", exit 2). */
    const char *operand;
    /* "QUERY": the words are stripped and must not be empty ("no QUERY
     * given", exit 2). NULL: an empty query is a query. */
    const char *required;
    /* Checks of the command's own options, run in this order: check_first,
     * then --json against --csv, then check; each prints why and returns
     * FALSE for a usage error (exit 2). NULL: nothing to check. */
    gboolean (*check_first)(void *opts);
    gboolean (*check)(void *opts);
    /* After the operand, before the index opens: load what the answer
     * needs into opts; FALSE (message printed) is exit 1. NULL: nothing. */
    gboolean (*prepare)(void *opts);
    arkiv_status_t (*answer)(arkiv_db_t *db, const arkiv_cli_query_in_t *in, JsonNode **out,
                             char **error);
    void (*print_text)(JsonObject *answer, const void *opts);
    void (*print_csv)(JsonObject *answer, const void *opts);
} arkiv_cli_query_t;

/* Parses argv for the command and runs it; returns the exit code. own:
 * the command's options (listed in --help after --csv; NULL for none),
 * storing into opts; what GOption allocates there, the caller frees. */
int arkiv_cli_run_query(const arkiv_cli_query_t *cmd, const GOptionEntry *own, void *opts, int argc,
                        char **argv);

#endif
