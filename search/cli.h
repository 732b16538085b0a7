/* cli.h — shared pieces of the arkiv command line. */
#ifndef ARKIV_CLI_H
#define ARKIV_CLI_H

#include <glib.h>
#include <json-glib/json-glib.h>

#include "arkiv.h"

/* Exit codes, documented in arkiv(1). */
enum {
    ARKIV_EXIT_OK = 0,
    ARKIV_EXIT_ERROR = 1,
    ARKIV_EXIT_USAGE = 2,
    ARKIV_EXIT_SOME_FAILED = 3 /* index: some files failed, the index is good */
};

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} arkiv_command_t;

int arkiv_cmd_index(int argc, char **argv);
int arkiv_cmd_search(int argc, char **argv);

/* The index location: --db, else $ARKIV_DB, else ./arkiv.db. Static or
 * the given string; not to be freed. */
const char *arkiv_cli_db_path(const char *opt_db);

/* Parse options with GOption; prints the error and returns FALSE on a
 * usage error. --help prints and exits 0 (GOption's behaviour). */
gboolean arkiv_cli_parse(GOptionContext *ctx, int *argc, char ***argv);

/* Print the builder's document, pretty, on stdout; unrefs the builder. */
void arkiv_cli_print_json(JsonBuilder *b);

/* Open the index read-only; prints the reason on failure. */
arkiv_db_t *arkiv_cli_open_ro(const char *path);

#endif
