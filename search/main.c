/* main.c — the arkiv command: a table of subcommands, notmuch-style. */
#include <stdio.h>
#include <string.h>

#include <locale.h>

#include "cli.h"

static const arkiv_command_t commands[] = {
    {"index", arkiv_cmd_index, "index folders of minutes (PDF and text)"},
    {"search", arkiv_cmd_search, "search the index"},
    {"show", arkiv_cmd_show, "show one meeting: people, items, decisions"},
    {"attendance", arkiv_cmd_attendance, "the meetings a person attended or missed"},
    {"trace", arkiv_cmd_trace, "a case or project across councils, oldest first"},
    {"decisions", arkiv_cmd_decisions, "decisions matching a query"},
    {"people", arkiv_cmd_people, "people in the minutes, with meeting counts"},
    {"cases", arkiv_cmd_cases, "case numbers with their titles"},
    {"stats", arkiv_cmd_stats, "what the index holds"},
    {"serve", arkiv_cmd_serve, "serve the web frontend on 127.0.0.1 (lighttpd)"},
};

static void usage(FILE *out)
{
    fprintf(out, "Usage: arkiv [--help] [--version] COMMAND [OPTIONS] [ARGS]\n\n"
                 "Full-text search over archives of meeting minutes.\n\nCommands:\n");
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(out, "  %-11s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "  %-11s %s\n", "help", "show help for a command");
    fprintf(out, "\nThe index is --db PATH, else $ARKIV_DB, else ./arkiv.db.\n"
                 "Run 'arkiv COMMAND --help' for the options of each command.\n");
}

static const arkiv_command_t *find_command(const char *name)
{
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc < 2) {
        usage(stderr);
        return ARKIV_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        usage(stdout);
        return ARKIV_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0) {
        printf("arkiv %s\n", ARKIV_VERSION);
        return ARKIV_EXIT_OK;
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            usage(stdout);
            return ARKIV_EXIT_OK;
        }
        const arkiv_command_t *c = find_command(argv[2]);
        if (!c) {
            fprintf(stderr, "arkiv: no such command '%s'\n", argv[2]);
            return ARKIV_EXIT_USAGE;
        }
        char *help_argv[] = {argv[2], "--help", NULL};
        return c->run(2, help_argv);
    }
    const arkiv_command_t *c = find_command(name);
    if (!c) {
        fprintf(stderr, "arkiv: no such command '%s'\n", name);
        usage(stderr);
        return ARKIV_EXIT_USAGE;
    }
    /* GOption prints the program name in usage lines: "arkiv index". */
    char *prgname = g_strdup_printf("arkiv %s", c->name);
    g_set_prgname(prgname);
    int rc = c->run(argc - 1, argv + 1);
    g_free(prgname);
    return rc;
}
