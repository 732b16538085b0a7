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
int arkiv_cmd_show(int argc, char **argv);
int arkiv_cmd_attendance(int argc, char **argv);
int arkiv_cmd_trace(int argc, char **argv);
int arkiv_cmd_decisions(int argc, char **argv);
int arkiv_cmd_people(int argc, char **argv);
int arkiv_cmd_cases(int argc, char **argv);
int arkiv_cmd_stats(int argc, char **argv);
int arkiv_cmd_serve(int argc, char **argv);

/* How a command prints its answer. */
typedef enum { ARKIV_OUT_TEXT, ARKIV_OUT_JSON, ARKIV_OUT_CSV } arkiv_out_t;

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

/* Print an answer node, pretty, on stdout (the caller keeps the node). */
void arkiv_cli_print_node(JsonNode *n);

/* --json and --csv: the output mode, or FALSE (message printed) when
 * both are given. */
gboolean arkiv_cli_out_mode(const char *cmd, gboolean json, gboolean csv, arkiv_out_t *out);

/* relevance, date, -date (NULL: dflt); FALSE (message printed) for
 * anything else. */
gboolean arkiv_cli_parse_sort(const char *cmd, const char *s, arkiv_sort_t dflt, arkiv_sort_t *out);

/* FALSE (message printed: "arkiv CMD: WHAT must not be negative") when
 * n is negative; WHAT names the options, "--limit". */
gboolean arkiv_cli_not_negative(const char *cmd, const char *what, gint n);

/* The QUERY... arguments joined by spaces; "" for none. Caller g_frees. */
char *arkiv_cli_join(char **words);

/* An answer command: get the answer (libarkiv-answer) and print it. */
typedef struct {
    arkiv_status_t (*answer)(arkiv_db_t *db, const void *user, JsonNode **out, char **error);
    void (*print)(JsonNode *answer, const void *user);
} arkiv_cli_answer_t;

/* Opens the index read-only (--db db_opt), runs how->answer and hands
 * the answer to how->print. Returns the exit code: 0 for any answer
 * (also an empty one), 2 for a query that cannot be parsed, 1 for any
 * other failure (said on stderr). */
int arkiv_cli_run_answer(const char *cmd, const char *db_opt, const arkiv_cli_answer_t *how,
                         const void *user);

#endif
