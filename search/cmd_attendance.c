/* cmd_attendance.c — `arkiv attendance NAME`: the meetings a person
 * attended or missed (answer/attendance.c). */
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "answer_json.h"
#include "cli_query.h"
#include "csv.h"
#include "knowledge.h"
#include "text.h"

/* The options of its own and the data files they name; GOption fills
 * data, prepare loads k, arkiv_cmd_attendance frees both. */
typedef struct {
    char *data;
    arkiv_knowledge_t *k;
} attendance_opts_t;

static arkiv_status_t answer(arkiv_db_t *db, const arkiv_cli_query_in_t *in, JsonNode **out,
                             char **error)
{
    const attendance_opts_t *o = in->opts;
    return arkiv_answer_attendance(db, o->k, in->query, out, error);
}

static void print_candidates(JsonObject *a, arkiv_out_t out)
{
    JsonArray *c = arkiv_json_array(a, "candidates");
    guint n = arkiv_json_array_len(c);
    if (out == ARKIV_OUT_CSV) {
        static const char *const head[] = {"person", "key", "meetings"};
        arkiv_csv_row(stdout, head, 3);
    } else if (n == 0) {
        printf("No such person: %s\n", arkiv_json_str(a, "query"));
        return;
    } else {
        printf("\"%s\" could be %u people; give more of the name:\n\n", arkiv_json_str(a, "query"),
               n);
    }
    for (guint i = 0; i < n; i++) {
        JsonObject *p = arkiv_json_array_object(c, i);
        char *meetings = g_strdup_printf("%" G_GINT64_FORMAT, arkiv_json_int(p, "meetings", 0));
        const char *row[] = {arkiv_json_str(p, "person"), arkiv_json_str(p, "key"), meetings};
        if (out == ARKIV_OUT_CSV) {
            arkiv_csv_row(stdout, row, 3);
        } else {
            printf("  ");
            arkiv_text_pad(stdout, row[0], 32);
            printf(" %4s meeting%s   (key \"%s\")\n", meetings,
                   strcmp(meetings, "1") == 0 ? "" : "s", row[1]);
        }
        g_free(meetings);
    }
}

/* date, councils, status, roles; councils as wide as the widest. */
static void print_rows(JsonArray *rows, const char *status_label,
                       const arkiv_text_councils_t *names)
{
    guint n = arkiv_json_array_len(rows);
    char **councils = g_new0(char *, n + 1);
    int widths[] = {10, 0, 9, 0};
    for (guint i = 0; i < n; i++) {
        councils[i] = arkiv_text_councils_join(
            arkiv_json_array(arkiv_json_array_object(rows, i), "councils"), names);
        widths[1] = MAX(widths[1], (int)g_utf8_strlen(councils[i], -1));
    }
    for (guint i = 0; i < n; i++) {
        JsonObject *m = arkiv_json_array_object(rows, i);
        char *date = arkiv_text_date(arkiv_json_str(m, "date"));
        char *roles = arkiv_json_join(arkiv_json_array(m, "roles"), ", ");
        const char *status = arkiv_json_str(m, "status");
        const char *row[] = {date, councils[i], status ? status : status_label, roles};
        arkiv_text_row(stdout, 2, row, widths, 4);
        g_free(roles);
        g_free(date);
    }
    g_strfreev(councils);
}

static void print_meetings_text(JsonObject *a)
{
    JsonObject *s = arkiv_json_object(a, "summary");
    JsonArray *variants = arkiv_json_array(a, "variants");
    printf("%s", arkiv_json_str(a, "person"));
    if (arkiv_json_array_len(variants) > 1) {
        printf(" (also written:");
        for (guint i = 1; i < arkiv_json_array_len(variants); i++)
            printf("%s %s", i > 1 ? "," : "", arkiv_json_array_str(variants, i));
        printf(")");
    }
    gint64 present = arkiv_json_int(s, "present", 0), absent = arkiv_json_int(s, "absent", 0);
    printf("\n%" G_GINT64_FORMAT " meeting%s: %" G_GINT64_FORMAT " present, %" G_GINT64_FORMAT
           " absent\n\n",
           present + absent, present + absent == 1 ? "" : "s", present, absent);
    arkiv_text_councils_t *names = arkiv_text_councils_new();
    print_rows(arkiv_json_array(a, "meetings"), "", names);
    JsonArray *mentioned = arkiv_json_array(a, "mentioned");
    if (arkiv_json_array_len(mentioned)) {
        printf("\nNamed in the text of %u more:\n", arkiv_json_array_len(mentioned));
        print_rows(mentioned, "mentioned", names);
    }
    arkiv_text_councils_free(names);
}

static void print_meetings_csv(JsonObject *a)
{
    static const char *const head[] = {"date", "councils", "status", "roles", "id", "path"};
    arkiv_csv_row(stdout, head, G_N_ELEMENTS(head));
    JsonArray *m = arkiv_json_array(a, "meetings");
    for (guint i = 0; i < arkiv_json_array_len(m); i++) {
        JsonObject *r = arkiv_json_array_object(m, i);
        char *councils = arkiv_json_join(arkiv_json_array(r, "councils"), "; ");
        char *roles = arkiv_json_join(arkiv_json_array(r, "roles"), "; ");
        const char *row[] = {arkiv_json_str(r, "date"),   councils,
                             arkiv_json_str(r, "status"), roles,
                             arkiv_json_str(r, "id"),     arkiv_json_str(r, "path")};
        arkiv_csv_row(stdout, row, G_N_ELEMENTS(row));
        g_free(councils);
        g_free(roles);
    }
}

/* A NAME that fits several people (or nobody) answers with candidates. */
static void print_text(JsonObject *a, const void *opts)
{
    (void)opts;
    if (json_object_has_member(a, "candidates"))
        print_candidates(a, ARKIV_OUT_TEXT);
    else
        print_meetings_text(a);
}

static void print_csv(JsonObject *a, const void *opts)
{
    (void)opts;
    if (json_object_has_member(a, "candidates"))
        print_candidates(a, ARKIV_OUT_CSV);
    else
        print_meetings_csv(a);
}

/* The data files give names the identity key rules; without them (none
 * installed) the rules alone still work, but files asked for by --data
 * must load. */
static gboolean load_knowledge(void *opts)
{
    attendance_opts_t *o = opts;
    GError *err = NULL;
    char *dir = arkiv_knowledge_find_dir(o->data, NULL);
    gboolean ok = !dir || arkiv_knowledge_load(dir, &o->k, &err);
    if (!ok && o->data)
        fprintf(stderr, "arkiv attendance: %s\n", err->message);
    if (err)
        g_error_free(err);
    g_free(dir);
    return ok || !o->data;
}

static const arkiv_cli_query_t attendance = {
    .name = "attendance",
    .summary = "Every meeting a person attended or was absent from, oldest first, under\n"
               "any of the ways the minutes write the name.",
    .description =
        "NAME is any written form (\"Elisabeth Tronstad\", \"Elisabeth Kvam Tronstad\")\n"
        "or identity key. A NAME that fits several people (a first name or a\n"
        "surname) lists them instead. Meetings that only mention the person in\n"
        "the text are listed apart. See arkiv-attendance(1).\n\n"
        "Exit status: 0 ok (also for nobody by that name), 1 error, 2 usage error.\n",
    .json_help = "Print the answer as JSON",
    .csv_help = "Print the meetings as CSV",
    .operand = "NAME",
    .required = "NAME",
    .prepare = load_knowledge,
    .answer = answer,
    .print_text = print_text,
    .print_csv = print_csv};

int arkiv_cmd_attendance(int argc, char **argv)
{
    attendance_opts_t o = {0};
    GOptionEntry own[] = {{"data", 0, 0, G_OPTION_ARG_FILENAME, &o.data,
                           "Data files for name rules (default $ARKIV_DATA or the installed set)",
                           "DIR"},
                          {NULL, 0, 0, 0, NULL, NULL, NULL}};
    int rc = arkiv_cli_run_query(&attendance, own, &o, argc, argv);
    arkiv_knowledge_free(o.k);
    g_free(o.data);
    return rc;
}
