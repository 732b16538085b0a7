/* test_extract.c - file typing, PDF/text extraction and the worker pool.
 *
 * Every input is generated at run time in a private temp directory: PDFs
 * with cairo (and a few hand-written ones for hostile cases), encrypted
 * PDFs with qpdf.  No mocks: hostile input goes through the real code.
 */
#include "extract.h"
#include "fileid.h"
#include "filetype.h"
#include "pool.h"
#include "entities_wire.h"
#include "prepared_wire.h"
#include "textfile.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <check.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* LeakSanitizer reads this hook from the test binary.  Fontconfig, which
 * cairo uses to draw our test PDFs, keeps its parsed configuration and
 * pattern caches for the life of the process. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

/* One suppression report per forked test would bury the results. */
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}

#define LEFT_LINE "venstre alfa beta gamma"
#define RIGHT_LINE "høyre delta epsilon zeta"
#define COLUMN_LINES 12

/* ---- scratch directory ------------------------------------------------ */

static char *make_tmpdir(void)
{
    GError *error = NULL;
    char *dir = g_dir_make_tmp("arkiv-extract-XXXXXX", &error);

    ck_assert_msg(dir != NULL, "g_dir_make_tmp: %s", error ? error->message : "?");
    return dir;
}

/* Flat directories only: that is all these tests create. */
static void remove_tmpdir(char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;

    ck_assert_ptr_nonnull(d);
    while ((name = g_dir_read_name(d)) != NULL) {
        char *path = g_build_filename(dir, name, NULL);
        ck_assert_int_eq(g_unlink(path), 0);
        g_free(path);
    }
    g_dir_close(d);
    ck_assert_int_eq(g_rmdir(dir), 0);
    g_free(dir);
}

/* Returns the new file's path (g_free). */
static char *write_file(const char *dir, const char *name, const void *data, gsize len)
{
    char *path = g_build_filename(dir, name, NULL);
    GError *error = NULL;

    ck_assert_msg(g_file_set_contents(path, data, (gssize)len, &error), "write %s: %s", path,
                  error ? error->message : "?");
    return path;
}

static char *write_string(const char *dir, const char *name, const char *text)
{
    return write_file(dir, name, text, strlen(text));
}

static GBytes *read_bytes(const char *path)
{
    char *data = NULL;
    gsize len = 0;

    ck_assert(g_file_get_contents(path, &data, &len, NULL));
    return g_bytes_new_take(data, len);
}

/* ---- PDF makers ------------------------------------------------------- */

typedef struct {
    const char *title;
    const char *author;
    const char *created; /* ISO 8601, as cairo wants it */
} pdf_meta_t;

static cairo_t *start_pdf(const char *path, const pdf_meta_t *meta, cairo_surface_t **surface)
{
    cairo_t *cr;

    *surface = cairo_pdf_surface_create(path, 595, 842);
    ck_assert_int_eq(cairo_surface_status(*surface), CAIRO_STATUS_SUCCESS);
    if (meta != NULL && meta->title != NULL)
        cairo_pdf_surface_set_metadata(*surface, CAIRO_PDF_METADATA_TITLE, meta->title);
    if (meta != NULL && meta->author != NULL)
        cairo_pdf_surface_set_metadata(*surface, CAIRO_PDF_METADATA_AUTHOR, meta->author);
    if (meta != NULL && meta->created != NULL)
        cairo_pdf_surface_set_metadata(*surface, CAIRO_PDF_METADATA_CREATE_DATE, meta->created);
    cr = cairo_create(*surface);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 12);
    return cr;
}

static void end_pdf(cairo_t *cr, cairo_surface_t *surface)
{
    ck_assert_int_eq(cairo_status(cr), CAIRO_STATUS_SUCCESS);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    ck_assert_int_eq(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy(surface);
}

/* One page per entry of pages; '\n' starts a new line. */
static char *make_text_pdf(const char *dir, const char *name, const char *const *pages,
                           const pdf_meta_t *meta)
{
    char *path = g_build_filename(dir, name, NULL);
    cairo_surface_t *surface;
    cairo_t *cr = start_pdf(path, meta, &surface);

    for (gsize p = 0; pages[p] != NULL; p++) {
        char **lines = g_strsplit(pages[p], "\n", -1);
        for (gsize i = 0; lines[i] != NULL; i++) {
            cairo_move_to(cr, 72, 72 + 18 * (double)i);
            cairo_show_text(cr, lines[i]);
        }
        g_strfreev(lines);
        cairo_show_page(cr);
    }
    end_pdf(cr, surface);
    return path;
}

/* Left and right lines alternate in the content stream, so a reader that
 * followed drawing order instead of layout would interleave the columns.
 * The gutter is two ems wide, as in a typical two-column minute. */
static char *make_two_column_pdf(const char *dir, const char *name)
{
    char *path = g_build_filename(dir, name, NULL);
    cairo_surface_t *surface;
    cairo_t *cr = start_pdf(path, NULL, &surface);
    cairo_text_extents_t ext;

    cairo_text_extents(cr, LEFT_LINE, &ext);
    for (int i = 0; i < COLUMN_LINES; i++) {
        cairo_move_to(cr, 60, 80 + 16 * i);
        cairo_show_text(cr, LEFT_LINE);
        cairo_move_to(cr, 60 + ext.x_advance + 24, 80 + 16 * i);
        cairo_show_text(cr, RIGHT_LINE);
    }
    cairo_show_page(cr);
    end_pdf(cr, surface);
    return path;
}

static char *make_rectangle_pdf(const char *dir, const char *name, const pdf_meta_t *meta)
{
    char *path = g_build_filename(dir, name, NULL);
    cairo_surface_t *surface;
    cairo_t *cr = start_pdf(path, meta, &surface);

    cairo_rectangle(cr, 100, 100, 300, 200);
    cairo_fill(cr);
    cairo_show_page(cr);
    end_pdf(cr, surface);
    return path;
}

/* Write a PDF from object bodies (object i+1 = objs[i]) with a correct
 * xref table, for hostile structures cairo would never produce. */
static char *write_raw_pdf(const char *dir, const char *name, GPtrArray *objs)
{
    GString *pdf = g_string_new("%PDF-1.4\n");
    GArray *offsets = g_array_new(FALSE, FALSE, sizeof(gsize));
    gsize xref;
    char *path;

    for (guint i = 0; i < objs->len; i++) {
        g_array_append_val(offsets, pdf->len);
        g_string_append_printf(pdf, "%u 0 obj\n%s\nendobj\n", i + 1,
                               (const char *)g_ptr_array_index(objs, i));
    }
    xref = pdf->len;
    g_string_append_printf(pdf, "xref\n0 %u\n0000000000 65535 f \n", objs->len + 1);
    for (guint i = 0; i < offsets->len; i++)
        g_string_append_printf(pdf, "%010zu 00000 n \n", g_array_index(offsets, gsize, i));
    g_string_append_printf(pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                           objs->len + 1, xref);
    path = write_file(dir, name, pdf->str, pdf->len);
    g_array_free(offsets, TRUE);
    g_string_free(pdf, TRUE);
    return path;
}

static char *stream_object(const char *dict, const char *data)
{
    return g_strdup_printf("<< %s /Length %zu >>\nstream\n%s\nendstream", dict, strlen(data), data);
}

/* A "billion laughs" page: each form XObject draws the next level ten
 * times, so rendering the one page means 10^9 form invocations.  Tiny on
 * disk, effectively endless in poppler: a real input that hangs a worker. */
static char *make_endless_pdf(const char *dir, const char *name)
{
    enum { DEPTH = 9, FANOUT = 10, FIRST_FORM = 5 };
    GPtrArray *objs = g_ptr_array_new_with_free_func(g_free);
    GString *calls = g_string_new("");
    char *path;

    for (int i = 0; i < FANOUT; i++)
        g_string_append(calls, "/X Do\n");
    g_ptr_array_add(objs, g_strdup("<< /Type /Catalog /Pages 2 0 R >>"));
    g_ptr_array_add(objs, g_strdup("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
    g_ptr_array_add(objs, g_strdup_printf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
                                          "/Resources << /XObject << /X %d 0 R >> >> "
                                          "/Contents 4 0 R >>",
                                          FIRST_FORM));
    g_ptr_array_add(objs, stream_object("", "/X Do"));
    for (int level = 0; level < DEPTH; level++) {
        char *dict = level + 1 < DEPTH
                         ? g_strdup_printf("/Type /XObject /Subtype /Form /BBox [0 0 200 200] "
                                           "/Resources << /XObject << /X %d 0 R >> >>",
                                           FIRST_FORM + level + 1)
                         : g_strdup("/Type /XObject /Subtype /Form /BBox [0 0 200 200]");
        g_ptr_array_add(objs, stream_object(dict, level + 1 < DEPTH ? calls->str : "0 0 m"));
        g_free(dict);
    }
    path = write_raw_pdf(dir, name, objs);
    g_string_free(calls, TRUE);
    g_ptr_array_unref(objs);
    return path;
}

/* One 20000 pt square page whose form XObject (100 lines of 1000 glyphs)
 * is drawn 16 times, each copy lower down: 1.6 million glyphs at distinct
 * places.  Poppler keeps about 100 bytes per glyph while laying out the
 * text, so this 100 kB file needs some 170 MB to extract.  (Glyphs under
 * 3 pt or stacked on one another would be dropped or merged.) */
static char *make_huge_text_pdf(const char *dir, const char *name)
{
    enum { LINES = 100, RUN = 1000, COPIES = 16 };
    GPtrArray *objs = g_ptr_array_new_with_free_func(g_free);
    GString *form = g_string_new("BT /F1 10 Tf 1 0 0 1 10 19990 Tm\n");
    GString *page = g_string_new("");
    char run[RUN + 1];
    char *form_dict, *path;

    memset(run, 'a', RUN);
    run[RUN] = '\0';
    for (int i = 0; i < LINES; i++)
        g_string_append_printf(form, "0 -12 Td (%s) Tj\n", run);
    g_string_append(form, "ET");
    for (int k = 0; k < COPIES; k++)
        g_string_append_printf(page, "q 1 0 0 1 0 -%d cm /B Do Q\n", 12 * LINES * k);
    form_dict = g_strdup("/Type /XObject /Subtype /Form /BBox [0 0 20000 20000] "
                         "/Resources << /Font << /F1 6 0 R >> >>");
    g_ptr_array_add(objs, g_strdup("<< /Type /Catalog /Pages 2 0 R >>"));
    g_ptr_array_add(objs, g_strdup("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
    g_ptr_array_add(objs, g_strdup("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 20000 20000] "
                                   "/Resources << /XObject << /B 5 0 R >> >> /Contents 4 0 R >>"));
    g_ptr_array_add(objs, stream_object("", page->str));
    g_ptr_array_add(objs, stream_object(form_dict, form->str));
    g_ptr_array_add(objs, g_strdup("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
    path = write_raw_pdf(dir, name, objs);
    g_free(form_dict);
    g_string_free(form, TRUE);
    g_string_free(page, TRUE);
    g_ptr_array_unref(objs);
    return path;
}

static void run_qpdf(const char *user_pw, const char *in, const char *out)
{
    const char *argv[] = {"qpdf", "--encrypt", user_pw, "ownerpw", "256", "--", in, out, NULL};
    GError *error = NULL;
    int status = 0;
    char *err_text = NULL;

    ck_assert_msg(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               &err_text, &status, &error),
                  "qpdf: %s", error ? error->message : "?");
    ck_assert_msg(g_spawn_check_wait_status(status, NULL), "qpdf failed: %s", err_text);
    g_free(err_text);
}

/* ---- extraction helpers ----------------------------------------------- */

static arkiv_filetype_t *open_filetype(void)
{
    arkiv_filetype_t *ft = NULL;
    GError *error = NULL;

    ck_assert_msg(arkiv_filetype_open(&ft, &error), "%s", error ? error->message : "?");
    return ft;
}

/* Extract path in-process into *r (which it clears first). */
static void extract(const char *path, arkiv_extract_result_t *r)
{
    arkiv_filetype_t *ft = open_filetype();

    memset(r, 0, sizeof *r);
    ck_assert_int_eq(arkiv_extract_file(ft, path, r), r->outcome);
    arkiv_filetype_free(ft);
}

static void assert_outcome(const arkiv_extract_result_t *r, arkiv_extract_outcome_t want)
{
    ck_assert_msg(r->outcome == want, "outcome %s (%s), want %s",
                  arkiv_extract_outcome_name(r->outcome), r->reason ? r->reason : "-",
                  arkiv_extract_outcome_name(want));
}

static guint n_pages(const arkiv_extract_result_t *r)
{
    return r->pages != NULL ? g_strv_length(r->pages) : 0;
}

/* The page's words that belong to the two-column test, in reading order. */
static char *column_words(const char *page)
{
    static const char *const known[] = {"venstre", "alfa",  "beta",    "gamma",
                                        "høyre",   "delta", "epsilon", "zeta"};
    char **words = g_regex_split_simple("\\s+", page, 0, 0);
    GString *out = g_string_new("");

    for (gsize i = 0; words[i] != NULL; i++)
        for (gsize k = 0; k < G_N_ELEMENTS(known); k++)
            if (strcmp(words[i], known[k]) == 0)
                g_string_append_printf(out, "%s%s", out->len ? " " : "", words[i]);
    g_strfreev(words);
    return g_string_free(out, FALSE);
}

static char *repeat_line(const char *line, int n)
{
    GString *out = g_string_new("");

    for (int i = 0; i < n; i++)
        g_string_append_printf(out, "%s%s", out->len ? " " : "", line);
    return g_string_free(out, FALSE);
}

/* ---- /proc: our child processes --------------------------------------- */

static gint compare_pids(gconstpointer a, gconstpointer b)
{
    pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;

    return (x > y) - (x < y);
}

/* Pids (zombies included) whose parent is this process, sorted. */
static GArray *child_pids(void)
{
    GArray *pids = g_array_new(FALSE, FALSE, sizeof(pid_t));
    GDir *proc = g_dir_open("/proc", 0, NULL);
    const char *name;

    ck_assert_ptr_nonnull(proc);
    while ((name = g_dir_read_name(proc)) != NULL) {
        char *stat_path, *text = NULL, *close_paren;
        int ppid = 0;
        char state;
        if (!g_ascii_isdigit(name[0]))
            continue;
        stat_path = g_build_filename("/proc", name, "stat", NULL);
        /* A process can vanish between readdir and reading its stat. */
        if (g_file_get_contents(stat_path, &text, NULL, NULL) &&
            (close_paren = strrchr(text, ')')) != NULL &&
            sscanf(close_paren + 1, " %c %d", &state, &ppid) == 2 && ppid == (int)getpid()) {
            pid_t pid = (pid_t)atoi(name);
            g_array_append_val(pids, pid);
        }
        g_free(text);
        g_free(stat_path);
    }
    g_dir_close(proc);
    g_array_sort(pids, compare_pids);
    return pids;
}

/* VmSize of this process in bytes: a forked worker starts the same size,
 * so a memory cap has to be set relative to it. */
static gsize own_vm_size(void)
{
    char *status = NULL;
    const char *line;
    unsigned long kb = 0;

    ck_assert(g_file_get_contents("/proc/self/status", &status, NULL, NULL));
    line = strstr(status, "VmSize:");
    ck_assert_ptr_nonnull(line);
    ck_assert_int_eq(sscanf(line, "VmSize: %lu kB", &kb), 1);
    g_free(status);
    return (gsize)kb * 1024;
}

static char *write_big_text(const char *dir, const char *name, gsize megabytes)
{
    char *path = g_build_filename(dir, name, NULL);
    gsize chunk = 1024 * 1024;
    char *line = g_malloc(chunk);
    FILE *f = fopen(path, "wb");

    ck_assert_ptr_nonnull(f);
    for (gsize i = 0; i < chunk; i++)
        line[i] = (i % 64 == 63) ? '\n' : "referat fra bystyret "[i % 21];
    for (gsize i = 0; i < megabytes; i++)
        ck_assert_uint_eq(fwrite(line, 1, chunk, f), chunk);
    ck_assert_int_eq(fclose(f), 0);
    g_free(line);
    return path;
}

static arkiv_pool_t *new_pool(unsigned n, unsigned timeout_s, gsize mem_limit)
{
    arkiv_pool_t *pool = NULL;
    GError *error = NULL;

    ck_assert_msg(arkiv_pool_new(n, timeout_s, mem_limit, NULL, &pool, &error), "%s",
                  error ? error->message : "?");
    return pool;
}

static const unsigned char png_1x1[] = {
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
    0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};

static const char *const norwegian_pages[] = {"Møte i bystyret\nSak 1: Bærum økonomi",
                                              "Side to: årsmelding ÆØÅ godkjent", NULL};

/* ---- result type ------------------------------------------------------ */

START_TEST(test_outcome_names)
{
    ck_assert_str_eq(arkiv_extract_outcome_name(ARKIV_EXTRACT_OK), "ok");
    ck_assert_str_eq(arkiv_extract_outcome_name(ARKIV_EXTRACT_NO_TEXT), "no-text");
    ck_assert_str_eq(arkiv_extract_outcome_name(ARKIV_EXTRACT_EMPTY), "empty");
    ck_assert_str_eq(arkiv_extract_outcome_name(ARKIV_EXTRACT_UNSUPPORTED), "unsupported");
    ck_assert_str_eq(arkiv_extract_outcome_name(ARKIV_EXTRACT_ENCRYPTED), "encrypted");
    ck_assert_str_eq(arkiv_extract_outcome_name(ARKIV_EXTRACT_DAMAGED), "damaged");
    ck_assert_str_eq(arkiv_extract_outcome_name(ARKIV_EXTRACT_TIMEOUT), "timeout");
    ck_assert_str_eq(arkiv_extract_outcome_name(ARKIV_EXTRACT_CRASHED), "crashed");
    ck_assert_str_eq(arkiv_extract_outcome_name(ARKIV_EXTRACT_IO), "io");
    ck_assert_str_eq(arkiv_extract_outcome_name((arkiv_extract_outcome_t)99), "unknown");
}
END_TEST

START_TEST(test_result_roundtrip)
{
    char *pages[] = {"første side", "", "\xff\xfe not UTF-8", NULL};
    arkiv_extract_result_t in = {.outcome = ARKIV_EXTRACT_NO_TEXT,
                                 .reason = "no text layer (scanned?)",
                                 .mime = "",
                                 .pages = pages,
                                 .meta_title = "Tittel",
                                 .meta_created = -5,
                                 .hash = "9f86d081"};
    arkiv_extract_result_t out = {0};
    GBytes *bytes = NULL;

    arkiv_extract_result_serialise(&in, &bytes);
    ck_assert(arkiv_extract_result_deserialise(bytes, &out, NULL));
    ck_assert_int_eq(out.outcome, ARKIV_EXTRACT_NO_TEXT);
    ck_assert_str_eq(out.reason, in.reason);
    ck_assert_str_eq(out.mime, "");
    ck_assert_uint_eq(n_pages(&out), 3);
    ck_assert_str_eq(out.pages[0], pages[0]);
    ck_assert_str_eq(out.pages[1], "");
    ck_assert_str_eq(out.pages[2], pages[2]);
    ck_assert_ptr_null(out.encoding);
    ck_assert_str_eq(out.meta_title, "Tittel");
    ck_assert_ptr_null(out.meta_author);
    ck_assert_int_eq(out.meta_created, -5);
    ck_assert_str_eq(out.hash, "9f86d081");
    arkiv_extract_result_clear(&out);
    ck_assert_ptr_null(out.pages);
    ck_assert_int_eq(out.meta_created, -1);
    g_bytes_unref(bytes);

    in.pages = NULL;
    in.hash = NULL;
    arkiv_extract_result_serialise(&in, &bytes);
    ck_assert(arkiv_extract_result_deserialise(bytes, &out, NULL));
    ck_assert_ptr_null(out.pages);
    ck_assert_ptr_null(out.hash);
    arkiv_extract_result_clear(&out);
    g_bytes_unref(bytes);
}
END_TEST

START_TEST(test_result_rejects_garbage)
{
    static const char junk[] = "this is not a GVariant of the right shape";
    GBytes *bytes = g_bytes_new_static(junk, sizeof junk);
    arkiv_extract_result_t out = {0};
    GError *error = NULL;

    ck_assert(!arkiv_extract_result_deserialise(bytes, &out, &error));
    ck_assert_ptr_nonnull(error);
    ck_assert_ptr_null(out.reason);
    g_error_free(error);
    g_bytes_unref(bytes);
}
END_TEST

/* ---- worker reply (prepared_wire.h) ----------------------------------- */

static arkiv_person_t *person(const char *name, const char *as_written, const char *key,
                              const char *org, arkiv_attendance_t status, guint roles)
{
    arkiv_person_t *p = g_new0(arkiv_person_t, 1);

    p->name = g_strdup(name);
    p->as_written = g_strdup(as_written);
    p->key = g_strdup(key);
    p->org = g_strdup(org);
    p->status = status;
    p->roles = roles;
    return p;
}

static arkiv_ref_t *ref(const char *council, const char *number)
{
    arkiv_ref_t *r = g_new0(arkiv_ref_t, 1);

    r->council = g_strdup(council);
    r->number = g_strdup(number);
    return r;
}

/* Every member set, each kind of value once: NULL where a member may be
 * NULL, "", bytes that are not UTF-8, a span beyond 32 bits, empty arrays. */
static arkiv_entities_t *full_entities(void)
{
    arkiv_entities_t *e = arkiv_entities_new();
    arkiv_item_t *sak = arkiv_item_new("09/24"), *punkt = arkiv_item_new("1");

    e->kind = g_strdup("referat");
    g_ptr_array_add(e->councils, g_strdup("Arbeidsmiljøutvalget"));
    g_ptr_array_add(e->councils, g_strdup(""));
    e->date = g_strdup("2024-04-17");
    e->date_source = ARKIV_DATE_PDF_METADATA;
    e->place = NULL;
    g_ptr_array_add(e->people, person("Anne Kristine Vevelstad", "Anne Kristine (Stine) Vevelstad",
                                      "anne vevelstad", "HNT, KMR", ARKIV_ABSENT,
                                      ARKIV_ROLE_MEMBER | ARKIV_ROLE_CHAIR));
    g_ptr_array_add(e->people, person("Ola", NULL, NULL, NULL, ARKIV_MENTIONED, 0));
    sak->title = g_strdup("Budsjett \xff\xfe");
    sak->decision = g_strdup("Vedtatt som innstilt.");
    g_ptr_array_add(sak->presenters, g_strdup("Kari Nordmann"));
    g_ptr_array_add(sak->presenters, g_strdup(""));
    sak->start = 12;
    sak->end = (gsize)G_MAXUINT32 + 5;
    sak->page = 3;
    g_ptr_array_add(e->items, sak);
    punkt->start = punkt->end = 0;
    punkt->page = 0;
    g_ptr_array_add(e->items, punkt);
    g_ptr_array_add(e->refs, ref("Bystyret", "08/25"));
    g_ptr_array_add(e->refs, ref(NULL, "1/24"));
    g_ptr_array_add(e->projects, g_strdup("hjem til hjem"));
    return e;
}

static void assert_strings_equal(const GPtrArray *got, const GPtrArray *want)
{
    ck_assert_uint_eq(got->len, want->len);
    for (guint i = 0; i < want->len; i++)
        ck_assert_pstr_eq(got->pdata[i], want->pdata[i]);
}

static void assert_person_equal(const arkiv_person_t *got, const arkiv_person_t *want)
{
    ck_assert_pstr_eq(got->name, want->name);
    ck_assert_pstr_eq(got->as_written, want->as_written);
    ck_assert_pstr_eq(got->key, want->key);
    ck_assert_pstr_eq(got->org, want->org);
    ck_assert_int_eq(got->status, want->status);
    ck_assert_uint_eq(got->roles, want->roles);
}

static void assert_item_equal(const arkiv_item_t *got, const arkiv_item_t *want)
{
    ck_assert_pstr_eq(got->number, want->number);
    ck_assert_pstr_eq(got->title, want->title);
    ck_assert_pstr_eq(got->decision, want->decision);
    assert_strings_equal(got->presenters, want->presenters);
    ck_assert_uint_eq(got->start, want->start);
    ck_assert_uint_eq(got->end, want->end);
    ck_assert_uint_eq(got->page, want->page);
}

static void assert_entities_equal(const arkiv_entities_t *got, const arkiv_entities_t *want)
{
    ck_assert_pstr_eq(got->kind, want->kind);
    assert_strings_equal(got->councils, want->councils);
    ck_assert_pstr_eq(got->date, want->date);
    ck_assert_int_eq(got->date_source, want->date_source);
    ck_assert_pstr_eq(got->place, want->place);
    ck_assert_uint_eq(got->people->len, want->people->len);
    for (guint i = 0; i < want->people->len; i++)
        assert_person_equal(got->people->pdata[i], want->people->pdata[i]);
    ck_assert_uint_eq(got->items->len, want->items->len);
    for (guint i = 0; i < want->items->len; i++)
        assert_item_equal(got->items->pdata[i], want->items->pdata[i]);
    ck_assert_uint_eq(got->refs->len, want->refs->len);
    for (guint i = 0; i < want->refs->len; i++) {
        const arkiv_ref_t *g = got->refs->pdata[i], *w = want->refs->pdata[i];
        ck_assert_pstr_eq(g->council, w->council);
        ck_assert_pstr_eq(g->number, w->number);
    }
    assert_strings_equal(got->projects, want->projects);
}

static void assert_pages_equal(char **got, char **want)
{
    ck_assert_uint_eq(got != NULL ? g_strv_length(got) : 0, want != NULL ? g_strv_length(want) : 0);
    ck_assert((got == NULL) == (want == NULL));
    for (gsize i = 0; want != NULL && want[i] != NULL; i++)
        ck_assert_str_eq(got[i], want[i]);
}

/* Serialise ex and prep, deserialise them into *ex_out and *prep_out. */
static void reply_roundtrip(const arkiv_extract_result_t *ex, const arkiv_prep_result_t *prep,
                            arkiv_extract_result_t *ex_out, arkiv_prep_result_t *prep_out)
{
    GBytes *bytes = NULL;
    GError *error = NULL;

    arkiv_worker_reply_serialise(ex, prep, &bytes);
    ck_assert_msg(arkiv_worker_reply_deserialise(bytes, ex_out, prep_out, &error), "%s",
                  error ? error->message : "?");
    g_bytes_unref(bytes);
}

START_TEST(test_reply_roundtrip_full)
{
    char *raw[] = {"Referat\nSide 1 av 2", "Side 2 av 2", NULL};
    char *clean[] = {"Referat", "", "\xff not UTF-8", NULL};
    arkiv_extract_result_t ex = {.outcome = ARKIV_EXTRACT_OK,
                                 .mime = "text/plain",
                                 .pages = raw,
                                 .encoding = "windows-1252",
                                 .meta_created = 1700000000};
    arkiv_prep_result_t prep = {.state = ARKIV_PREP_OK};
    arkiv_extract_result_t ex_out = {0};
    arkiv_prep_result_t prep_out = {0};

    prep.prepared.pages = g_strdupv(clean);
    prep.prepared.headers = g_strdup("Side 1 av 2\n");
    prep.prepared.entities = full_entities();
    reply_roundtrip(&ex, &prep, &ex_out, &prep_out);
    assert_outcome(&ex_out, ARKIV_EXTRACT_OK);
    ck_assert_ptr_null(ex_out.reason);
    ck_assert_str_eq(ex_out.mime, "text/plain");
    assert_pages_equal(ex_out.pages, raw);
    ck_assert_str_eq(ex_out.encoding, "windows-1252");
    ck_assert_ptr_null(ex_out.meta_title);
    ck_assert_int_eq(ex_out.meta_created, 1700000000);
    ck_assert_int_eq(prep_out.state, ARKIV_PREP_OK);
    ck_assert_ptr_null(prep_out.error);
    assert_pages_equal(prep_out.prepared.pages, clean);
    ck_assert_str_eq(prep_out.prepared.headers, "Side 1 av 2\n");
    assert_entities_equal(prep_out.prepared.entities, prep.prepared.entities);
    arkiv_extract_result_clear(&ex_out);
    arkiv_prep_result_clear(&prep_out);
    ck_assert_ptr_null(prep_out.prepared.entities);
    arkiv_prep_result_clear(&prep);
}
END_TEST

/* What a scanned PDF prepares to: no pages, no headers, entities that are
 * all NULL and empty arrays (arrays left NULL come back empty). */
START_TEST(test_reply_roundtrip_empty)
{
    arkiv_extract_result_t ex = {
        .outcome = ARKIV_EXTRACT_NO_TEXT, .reason = "no text layer (scanned?)", .meta_created = -1};
    arkiv_prep_result_t prep = {.state = ARKIV_PREP_OK};
    arkiv_extract_result_t ex_out = {0};
    arkiv_prep_result_t prep_out = {0};
    arkiv_entities_t *empty = arkiv_entities_new();

    prep.prepared.entities = g_new0(arkiv_entities_t, 1);
    reply_roundtrip(&ex, &prep, &ex_out, &prep_out);
    assert_outcome(&ex_out, ARKIV_EXTRACT_NO_TEXT);
    ck_assert_ptr_null(ex_out.pages);
    ck_assert_int_eq(prep_out.state, ARKIV_PREP_OK);
    ck_assert_ptr_null(prep_out.prepared.pages);
    ck_assert_ptr_null(prep_out.prepared.headers);
    assert_entities_equal(prep_out.prepared.entities, empty);
    g_free(prep.prepared.entities);
    arkiv_extract_result_clear(&ex_out);
    arkiv_prep_result_clear(&prep_out);
    arkiv_entities_free(empty);
}
END_TEST

START_TEST(test_reply_roundtrip_states)
{
    arkiv_extract_result_t ex = {.outcome = ARKIV_EXTRACT_EMPTY, .meta_created = -1};
    arkiv_prep_result_t failed = {.state = ARKIV_PREP_FAILED,
                                  .error = "text could not be normalised"};
    arkiv_extract_result_t ex_out = {0};
    arkiv_prep_result_t prep_out = {0};

    reply_roundtrip(&ex, NULL, &ex_out, &prep_out);
    assert_outcome(&ex_out, ARKIV_EXTRACT_EMPTY);
    ck_assert_int_eq(prep_out.state, ARKIV_PREP_NONE);
    ck_assert_ptr_null(prep_out.error);
    ck_assert_ptr_null(prep_out.prepared.entities);
    arkiv_extract_result_clear(&ex_out);
    arkiv_prep_result_clear(&prep_out);
    ex.outcome = ARKIV_EXTRACT_OK;
    reply_roundtrip(&ex, &failed, &ex_out, &prep_out);
    ck_assert_int_eq(prep_out.state, ARKIV_PREP_FAILED);
    ck_assert_str_eq(prep_out.error, "text could not be normalised");
    ck_assert_ptr_null(prep_out.prepared.pages);
    ck_assert_ptr_null(prep_out.prepared.entities);
    arkiv_extract_result_clear(&ex_out);
    arkiv_prep_result_clear(&prep_out);
}
END_TEST

/* Serialise what a confused worker might send and expect it refused. */
static void assert_reply_refused(const arkiv_prep_result_t *prep)
{
    arkiv_extract_result_t ex = {.outcome = ARKIV_EXTRACT_OK, .meta_created = -1};
    arkiv_extract_result_t ex_out = {0};
    arkiv_prep_result_t prep_out = {0};
    GBytes *bytes = NULL;
    GError *error = NULL;

    arkiv_worker_reply_serialise(&ex, prep, &bytes);
    ck_assert(!arkiv_worker_reply_deserialise(bytes, &ex_out, &prep_out, &error));
    ck_assert_ptr_nonnull(error);
    ck_assert_int_eq(prep_out.state, ARKIV_PREP_NONE);
    ck_assert_ptr_null(prep_out.error);
    ck_assert_ptr_null(prep_out.prepared.entities);
    ck_assert_ptr_null(ex_out.mime);
    g_error_free(error);
    g_bytes_unref(bytes);
}

START_TEST(test_reply_rejects_garbage)
{
    static const char junk[] = "this is not a GVariant of the right shape";
    GBytes *bytes = g_bytes_new_static(junk, sizeof junk);
    arkiv_extract_result_t ex_out = {0};
    arkiv_prep_result_t prep = {0}, prep_out = {0};
    arkiv_person_t *who;

    ck_assert(!arkiv_worker_reply_deserialise(bytes, &ex_out, &prep_out, NULL));
    g_bytes_unref(bytes);
    prep.state = (arkiv_prep_state_t)7;
    assert_reply_refused(&prep);
    prep.state = ARKIV_PREP_FAILED; /* without an error */
    assert_reply_refused(&prep);
    prep.state = ARKIV_PREP_NONE;
    prep.error = "an error for nothing";
    assert_reply_refused(&prep);
    prep.error = NULL;
    prep.state = ARKIV_PREP_OK;
    prep.prepared.entities = full_entities();
    prep.prepared.entities->date_source = (arkiv_date_source_t)9;
    assert_reply_refused(&prep);
    prep.prepared.entities->date_source = ARKIV_DATE_TEXT;
    who = prep.prepared.entities->people->pdata[1];
    who->status = (arkiv_attendance_t)9;
    assert_reply_refused(&prep);
    arkiv_prep_result_clear(&prep);
}
END_TEST

/* The flat entity layout (entities_wire.h) read from hand-made arrays:
 * the smallest valid one, then each way a half-dead worker could break it. */
static arkiv_entities_t *from_flat(const guint64 *nums, gsize n_nums, const guint64 *offs,
                                   gsize n_offs, const char *strs, gsize n_strs)
{
    GVariant *m[] = {
        g_variant_new_fixed_array(G_VARIANT_TYPE_UINT64, nums, n_nums, sizeof(guint64)),
        g_variant_new_fixed_array(G_VARIANT_TYPE_UINT64, offs, n_offs, sizeof(guint64)),
        g_variant_new_fixed_array(G_VARIANT_TYPE_BYTE, strs, n_strs, 1)};
    GVariant *v = g_variant_ref_sink(g_variant_new_tuple(m, G_N_ELEMENTS(m)));
    arkiv_entities_t *e = arkiv_entities_from_wire(v);
    g_variant_unref(v);
    return e;
}

START_TEST(test_entities_wire_layout)
{
    const guint64 none = G_MAXUINT64;
    /* #councils, date_source, #people, #items, #refs, #projects */
    const guint64 nums[] = {0, 0, 0, 0, 0, 0};
    /* kind, date, place */
    guint64 offs[] = {0, none, none};
    arkiv_entities_t *e = from_flat(nums, 6, offs, 3, "referat", 8);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->kind, "referat");
    ck_assert_ptr_null(e->date);
    arkiv_entities_free(e);
    /* A string outside the strings, without its NUL, not where the one
     * before it ended, or bytes after the last. */
    offs[0] = 8;
    ck_assert_ptr_null(from_flat(nums, 6, offs, 3, "referat", 8));
    offs[0] = 0;
    ck_assert_ptr_null(from_flat(nums, 6, offs, 3, "referat", 7));
    offs[0] = 2;
    ck_assert_ptr_null(from_flat(nums, 6, offs, 3, "referat", 8));
    offs[0] = 0;
    ck_assert_ptr_null(from_flat(nums, 6, offs, 3, "referat\0x", 10));
    /* Members left over, or too few for the counts. */
    ck_assert_ptr_null(from_flat(nums, 5, offs, 3, "referat", 8));
    const guint64 more[] = {0, 0, 0, 0, 0, 0, 7};
    ck_assert_ptr_null(from_flat(more, 7, offs, 3, "referat", 8));
    const guint64 people[] = {0, 0, 1000000000, 0, 0, 0};
    ck_assert_ptr_null(from_flat(people, 6, offs, 3, "referat", 8));
    /* An enum out of range. */
    const guint64 source[] = {0, 4, 0, 0, 0, 0};
    ck_assert_ptr_null(from_flat(source, 6, offs, 3, "referat", 8));
}
END_TEST

/* Replies fuzz/fuzz_wire.c found accepted that the writer (docbuild.c)
 * would crash on.  Made with the encoder rather than kept as the fuzzer's
 * bytes, which are 35 KB in host byte order and would be refused for
 * another reason as soon as the format changes. */
START_TEST(test_reply_rejects_what_the_writer_cannot_take)
{
    arkiv_prep_result_t prep = {.state = ARKIV_PREP_OK};
    arkiv_item_t *it;

    /* fallback_date dereferences the entities of every OK result. */
    assert_reply_refused(&prep);
    /* An item without a number: docbuild.c takes strchr(number, '/'). */
    prep.prepared.entities = full_entities();
    it = prep.prepared.entities->items->pdata[1];
    g_clear_pointer(&it->number, g_free);
    assert_reply_refused(&prep);
    arkiv_prep_result_clear(&prep);
}
END_TEST

/* ---- type detection --------------------------------------------------- */

START_TEST(test_kind_table)
{
    ck_assert_int_eq(arkiv_filetype_kind("application/pdf"), ARKIV_FILETYPE_PDF);
    ck_assert_int_eq(arkiv_filetype_kind("text/plain"), ARKIV_FILETYPE_TEXT);
    ck_assert_int_eq(arkiv_filetype_kind("text/x-c"), ARKIV_FILETYPE_TEXT);
    ck_assert_int_eq(arkiv_filetype_kind("text/csv"), ARKIV_FILETYPE_TEXT);
    ck_assert_int_eq(arkiv_filetype_kind("inode/x-empty"), ARKIV_FILETYPE_EMPTY);
    ck_assert_int_eq(arkiv_filetype_kind("application/octet-stream"), ARKIV_FILETYPE_UNSUPPORTED);
    ck_assert_int_eq(arkiv_filetype_kind("textual/plain"), ARKIV_FILETYPE_UNSUPPORTED);
    ck_assert_int_eq(arkiv_filetype_kind("image/png"), ARKIV_FILETYPE_UNSUPPORTED);
    ck_assert_int_eq(arkiv_filetype_kind(NULL), ARKIV_FILETYPE_UNSUPPORTED);
}
END_TEST

START_TEST(test_missing_file_is_io)
{
    char *dir = make_tmpdir();
    char *path = g_build_filename(dir, "finnes-ikke.pdf", NULL);
    arkiv_extract_result_t r;

    extract(path, &r);
    assert_outcome(&r, ARKIV_EXTRACT_IO);
    ck_assert_str_eq(r.reason, "cannot read: No such file or directory");
    arkiv_extract_result_clear(&r);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_fifo_is_not_opened)
{
    char *dir = make_tmpdir();
    char *path = g_build_filename(dir, "fifo.txt", NULL);
    arkiv_extract_result_t r;

    ck_assert_int_eq(mkfifo(path, 0600), 0);
    extract(path, &r); /* would block forever if anything opened it */
    assert_outcome(&r, ARKIV_EXTRACT_UNSUPPORTED);
    ck_assert_str_eq(r.reason, "unsupported type inode/fifo");
    arkiv_extract_result_clear(&r);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_random_bytes_named_pdf)
{
    char *dir = make_tmpdir();
    GRand *rand = g_rand_new_with_seed(20240601);
    guint32 noise[1024];
    char *path;
    arkiv_extract_result_t r;

    for (gsize i = 0; i < G_N_ELEMENTS(noise); i++)
        noise[i] = g_rand_int(rand);
    path = write_file(dir, "x.pdf", noise, sizeof noise);
    extract(path, &r);
    assert_outcome(&r, ARKIV_EXTRACT_UNSUPPORTED);
    ck_assert_str_eq(r.mime, "application/octet-stream");
    ck_assert_str_eq(r.reason, "unsupported type application/octet-stream");
    ck_assert_ptr_null(r.pages);
    arkiv_extract_result_clear(&r);
    g_rand_free(rand);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_zero_byte_file)
{
    char *dir = make_tmpdir();
    char *path = write_file(dir, "tom.pdf", "", 0);
    arkiv_extract_result_t r;

    extract(path, &r);
    assert_outcome(&r, ARKIV_EXTRACT_EMPTY);
    ck_assert_str_eq(r.mime, "inode/x-empty");
    ck_assert_ptr_null(r.pages);
    arkiv_extract_result_clear(&r);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_png_named_txt)
{
    char *dir = make_tmpdir();
    char *path = write_file(dir, "bilde.txt", png_1x1, sizeof png_1x1);
    arkiv_extract_result_t r;

    extract(path, &r);
    assert_outcome(&r, ARKIV_EXTRACT_UNSUPPORTED);
    ck_assert_str_eq(r.mime, "image/png");
    ck_assert_str_eq(r.reason, "unsupported type image/png");
    arkiv_extract_result_clear(&r);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

/* ---- text files ------------------------------------------------------- */

/* The digest an extraction reports is that of the whole file. */
static void assert_hash_of(const arkiv_extract_result_t *r, const char *path)
{
    char *want = NULL;
    ck_assert(arkiv_file_hash(path, &want, NULL));
    ck_assert_ptr_nonnull(r->hash);
    ck_assert_str_eq(r->hash, want);
    g_free(want);
}

START_TEST(test_text_without_extension)
{
    char *dir = make_tmpdir();
    char *path = write_string(dir, "referat", "Referat fra møtet i Tromsø\nSak 2/24\n");
    arkiv_extract_result_t r;

    extract(path, &r);
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_str_eq(r.mime, "text/plain");
    ck_assert_str_eq(r.encoding, "UTF-8");
    ck_assert_uint_eq(n_pages(&r), 1);
    ck_assert_str_eq(r.pages[0], "Referat fra møtet i Tromsø\nSak 2/24\n");
    ck_assert_ptr_null(r.reason);
    ck_assert_int_eq(r.meta_created, -1);
    assert_hash_of(&r, path);
    arkiv_extract_result_clear(&r);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_text_legacy_encodings)
{
    char *dir = make_tmpdir();
    char *cp1252 = write_string(dir, "gammel.txt",
                                "bl\xe5"
                                "b\xe6r og r\xf8mme\n");
    static const char utf16[] = "\xff\xfe"
                                "h\0e\0i\0 \0\xe5\0\n\0";
    char *u16 = write_file(dir, "utf16.txt", utf16, sizeof utf16 - 1);
    arkiv_extract_result_t r;

    extract(cp1252, &r);
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_str_eq(r.encoding, "WINDOWS-1252");
    ck_assert_str_eq(r.pages[0], "blåbær og rømme\n");
    arkiv_extract_result_clear(&r);
    extract(u16, &r);
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_str_eq(r.mime, "text/plain");
    ck_assert_str_eq(r.encoding, "UTF-16LE");
    ck_assert_str_eq(r.pages[0], "hei å\n");
    arkiv_extract_result_clear(&r);
    g_free(cp1252);
    g_free(u16);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_whitespace_text_is_empty)
{
    char *dir = make_tmpdir();
    char *path = write_string(dir, "blank.txt", "  \n\t \n\n");
    arkiv_extract_result_t r;

    extract(path, &r);
    assert_outcome(&r, ARKIV_EXTRACT_EMPTY);
    ck_assert_ptr_null(r.pages);
    arkiv_extract_result_clear(&r);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_text_over_cap_refused)
{
    char *dir = make_tmpdir();
    char *path = write_file(dir, "stor.txt", "", 0);
    arkiv_extract_result_t r = {0};

    /* Sparse: costs no disk, only the size matters. */
    ck_assert_int_eq(truncate(path, (off_t)ARKIV_TEXTFILE_MAX_BYTES + 1), 0);
    ck_assert_int_eq(arkiv_textfile_extract(path, &r), ARKIV_EXTRACT_IO);
    ck_assert_str_eq(r.reason, "cannot read: File too large");
    arkiv_extract_result_clear(&r);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

/* ---- PDFs ------------------------------------------------------------- */

START_TEST(test_pdf_norwegian_pages)
{
    char *dir = make_tmpdir();
    char *path = make_text_pdf(dir, "protokoll.pdf", norwegian_pages, NULL);
    arkiv_extract_result_t r;

    extract(path, &r);
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_str_eq(r.mime, "application/pdf");
    ck_assert_ptr_null(r.encoding);
    ck_assert_ptr_null(r.reason);
    ck_assert_uint_eq(n_pages(&r), 2);
    ck_assert_ptr_nonnull(strstr(r.pages[0], "Møte i bystyret"));
    ck_assert_ptr_nonnull(strstr(r.pages[0], "Bærum økonomi"));
    ck_assert_ptr_null(strstr(r.pages[0], "årsmelding"));
    ck_assert_ptr_nonnull(strstr(r.pages[1], "årsmelding ÆØÅ godkjent"));
    ck_assert(g_utf8_validate(r.pages[1], -1, NULL));
    assert_hash_of(&r, path);
    arkiv_extract_result_clear(&r);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_pdf_two_columns_not_interleaved)
{
    char *dir = make_tmpdir();
    char *path = make_two_column_pdf(dir, "spalter.pdf");
    char *left = repeat_line(LEFT_LINE, COLUMN_LINES);
    char *right = repeat_line(RIGHT_LINE, COLUMN_LINES);
    char *want = g_strconcat(left, " ", right, NULL);
    char *got;
    arkiv_extract_result_t r;

    extract(path, &r);
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_uint_eq(n_pages(&r), 1);
    got = column_words(r.pages[0]);
    ck_assert_str_eq(got, want);
    g_free(got);
    g_free(want);
    g_free(left);
    g_free(right);
    arkiv_extract_result_clear(&r);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_pdf_metadata)
{
    char *dir = make_tmpdir();
    const pdf_meta_t meta = {"Protokoll bystyret 14. mars", "Kari Nordmann",
                             "2023-03-14T10:00:00Z"};
    char *with = make_text_pdf(dir, "med.pdf", norwegian_pages, &meta);
    char *without = make_text_pdf(dir, "uten.pdf", norwegian_pages, NULL);
    GDateTime *when = g_date_time_new_utc(2023, 3, 14, 10, 0, 0);
    arkiv_extract_result_t r;

    extract(with, &r);
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_str_eq(r.meta_title, meta.title);
    ck_assert_str_eq(r.meta_author, meta.author);
    ck_assert_int_eq(r.meta_created, g_date_time_to_unix(when));
    arkiv_extract_result_clear(&r);
    extract(without, &r);
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_ptr_null(r.meta_title);
    ck_assert_ptr_null(r.meta_author);
    arkiv_extract_result_clear(&r);
    g_date_time_unref(when);
    g_free(with);
    g_free(without);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_pdf_named_txt)
{
    char *dir = make_tmpdir();
    char *path = make_text_pdf(dir, "egentlig-pdf.txt", norwegian_pages, NULL);
    arkiv_extract_result_t r;

    extract(path, &r);
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_str_eq(r.mime, "application/pdf");
    ck_assert_uint_eq(n_pages(&r), 2);
    ck_assert_ptr_nonnull(strstr(r.pages[0], "Bærum"));
    arkiv_extract_result_clear(&r);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_pdf_without_text)
{
    char *dir = make_tmpdir();
    const pdf_meta_t meta = {"Skannet vedlegg", NULL, NULL};
    char *path = make_rectangle_pdf(dir, "skannet.pdf", &meta);
    arkiv_extract_result_t r;

    extract(path, &r);
    assert_outcome(&r, ARKIV_EXTRACT_NO_TEXT);
    ck_assert_str_eq(r.reason, "no text layer (scanned?)");
    ck_assert_str_eq(r.mime, "application/pdf");
    ck_assert_ptr_null(r.pages);
    ck_assert_str_eq(r.meta_title, "Skannet vedlegg");
    arkiv_extract_result_clear(&r);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_pdf_user_password_is_encrypted)
{
    char *dir = make_tmpdir();
    char *plain = make_text_pdf(dir, "klar.pdf", norwegian_pages, NULL);
    char *locked = g_build_filename(dir, "laast.pdf", NULL);
    arkiv_extract_result_t r;

    run_qpdf("userpw", plain, locked);
    extract(locked, &r);
    assert_outcome(&r, ARKIV_EXTRACT_ENCRYPTED);
    ck_assert_str_eq(r.reason, "encrypted");
    ck_assert_str_eq(r.mime, "application/pdf");
    ck_assert_ptr_null(r.pages);
    arkiv_extract_result_clear(&r);
    g_free(plain);
    g_free(locked);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_pdf_owner_password_only_opens)
{
    char *dir = make_tmpdir();
    char *plain = make_text_pdf(dir, "klar.pdf", norwegian_pages, NULL);
    char *protected = g_build_filename(dir, "beskyttet.pdf", NULL);
    arkiv_extract_result_t r;

    run_qpdf("", plain, protected);
    extract(protected, &r);
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_uint_eq(n_pages(&r), 2);
    ck_assert_ptr_nonnull(strstr(r.pages[1], "årsmelding"));
    arkiv_extract_result_clear(&r);
    g_free(plain);
    g_free(protected);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_pdf_truncated)
{
    char *dir = make_tmpdir();
    char *path = make_text_pdf(dir, "hel.pdf", norwegian_pages, NULL);
    GBytes *whole = read_bytes(path);
    gsize len = g_bytes_get_size(whole);
    const gsize cuts[] = {9, 64, 400, len / 4, len / 2, len * 3 / 4, len - 200, len - 30, len - 1};

    /* Cairo writes the catalog and page tree last, so every cut up to three
     * quarters loses them.  Cuts into the xref table are often repaired by
     * poppler's reconstruction; then the text must be whole. */

    for (gsize i = 0; i < G_N_ELEMENTS(cuts); i++) {
        char *name = g_strdup_printf("kuttet-%zu.pdf", cuts[i]);
        char *cut = write_file(dir, name, g_bytes_get_data(whole, NULL), cuts[i]);
        arkiv_extract_result_t r;
        extract(cut, &r);
        if (cuts[i] <= len * 3 / 4 || r.outcome != ARKIV_EXTRACT_OK) {
            assert_outcome(&r, ARKIV_EXTRACT_DAMAGED);
            ck_assert(g_str_has_prefix(r.reason, "damaged: "));
        } else {
            ck_assert_uint_eq(n_pages(&r), 2);
            ck_assert_ptr_nonnull(strstr(r.pages[1], "årsmelding"));
        }
        arkiv_extract_result_clear(&r);
        g_free(cut);
        g_free(name);
    }
    g_bytes_unref(whole);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

/* ---- worker pool ------------------------------------------------------ */

enum { MANY = 20 };

/* File i of the batch and the outcome it must produce. */
static char *make_batch_file(const char *dir, int i, arkiv_extract_outcome_t *want)
{
    char *name = g_strdup_printf("fil-%02d%s", i, i % 5 == 4 ? "" : i % 5 == 0 ? ".pdf" : ".txt");
    char *text = g_strdup_printf("fil nummer %d på bokmål", i);
    const char *pages[] = {text, NULL};
    char *path;

    switch (i % 5) {
    case 0:
        path = make_text_pdf(dir, name, pages, NULL);
        *want = ARKIV_EXTRACT_OK;
        break;
    case 2:
        path = write_file(dir, name, "", 0);
        *want = ARKIV_EXTRACT_EMPTY;
        break;
    case 3:
        path = write_file(dir, name, png_1x1, sizeof png_1x1);
        *want = ARKIV_EXTRACT_UNSUPPORTED;
        break;
    default:
        path = write_string(dir, name, text);
        *want = ARKIV_EXTRACT_OK;
        break;
    }
    g_free(text);
    g_free(name);
    return path;
}

static void check_batch_result(int i, arkiv_extract_outcome_t want, const arkiv_extract_result_t *r)
{
    char *text = g_strdup_printf("fil nummer %d på bokmål", i);

    assert_outcome(r, want);
    if (want == ARKIV_EXTRACT_OK) {
        ck_assert_uint_ge(n_pages(r), 1);
        ck_assert_msg(strstr(r->pages[0], text) != NULL, "file %d gave \"%s\"", i, r->pages[0]);
    }
    g_free(text);
}

static gboolean same_pids(GArray *a, GArray *b)
{
    return a->len == b->len && memcmp(a->data, b->data, a->len * sizeof(pid_t)) == 0;
}

START_TEST(test_pool_many_files_reuses_workers)
{
    char *dir = make_tmpdir();
    char *paths[MANY];
    arkiv_extract_outcome_t want[MANY];
    gboolean seen[MANY] = {FALSE};
    arkiv_pool_t *pool = new_pool(2, 30, 0);
    GArray *before = child_pids(), *after;
    int next = 0;

    for (int i = 0; i < MANY; i++)
        paths[i] = make_batch_file(dir, i, &want[i]);
    ck_assert_uint_eq(before->len, 2);
    for (int done = 0; done < MANY; done++) {
        arkiv_extract_result_t r = {0};
        gpointer tag = NULL;
        int i;
        while (next < MANY && arkiv_pool_submit(pool, paths[next], GINT_TO_POINTER(next + 1)))
            next++;
        ck_assert_uint_le(arkiv_pool_in_flight(pool), 4); /* two per worker */
        ck_assert(arkiv_pool_collect(pool, &tag, &r));
        i = GPOINTER_TO_INT(tag) - 1;
        ck_assert(i >= 0 && i < MANY && !seen[i]);
        seen[i] = TRUE;
        check_batch_result(i, want[i], &r);
        arkiv_extract_result_clear(&r);
    }
    after = child_pids();
    ck_assert_msg(same_pids(before, after), "workers were replaced: not reused");
    ck_assert_uint_eq(arkiv_pool_in_flight(pool), 0);
    arkiv_pool_free(pool);
    for (int i = 0; i < MANY; i++)
        g_free(paths[i]);
    g_array_unref(before);
    g_array_unref(after);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_pool_submit_when_busy)
{
    char *dir = make_tmpdir();
    char *path = write_string(dir, "a.txt", "alfa\n");
    arkiv_pool_t *pool = new_pool(1, 30, 0);
    arkiv_extract_result_t r = {0};
    gpointer tag = NULL;

    ck_assert(!arkiv_pool_collect(pool, &tag, &r));
    ck_assert(arkiv_pool_submit(pool, path, GINT_TO_POINTER(7)));
    ck_assert(arkiv_pool_submit(pool, path, GINT_TO_POINTER(8))); /* queued behind 7 */
    ck_assert(!arkiv_pool_submit(pool, path, GINT_TO_POINTER(9)));
    ck_assert(!arkiv_pool_extract(pool, path, &r));
    ck_assert_uint_eq(arkiv_pool_in_flight(pool), 2);
    ck_assert(arkiv_pool_collect(pool, &tag, &r));
    ck_assert_ptr_eq(tag, GINT_TO_POINTER(7));
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_uint_eq(arkiv_pool_in_flight(pool), 1);
    ck_assert(!arkiv_pool_extract(pool, path, &r));
    ck_assert(arkiv_pool_collect(pool, &tag, &r));
    ck_assert_ptr_eq(tag, GINT_TO_POINTER(8));
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert(!arkiv_pool_collect(pool, &tag, &r));
    ck_assert(arkiv_pool_extract(pool, path, &r));
    ck_assert_str_eq(r.pages[0], "alfa\n");
    arkiv_extract_result_clear(&r);
    arkiv_pool_free(pool);
    g_free(path);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_pool_reports_io_and_fifo)
{
    char *dir = make_tmpdir();
    char *missing = g_build_filename(dir, "borte.txt", NULL);
    char *fifo = g_build_filename(dir, "kanal", NULL);
    arkiv_pool_t *pool = new_pool(1, 30, 0);
    gint64 start = g_get_monotonic_time();
    arkiv_extract_result_t r = {0};

    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    ck_assert(arkiv_pool_extract(pool, missing, &r));
    assert_outcome(&r, ARKIV_EXTRACT_IO);
    ck_assert_str_eq(r.reason, "cannot read: No such file or directory");
    ck_assert(arkiv_pool_extract(pool, fifo, &r));
    assert_outcome(&r, ARKIV_EXTRACT_UNSUPPORTED);
    ck_assert_str_eq(r.reason, "unsupported type inode/fifo");
    ck_assert_int_lt(g_get_monotonic_time() - start, 5 * G_USEC_PER_SEC);
    arkiv_extract_result_clear(&r);
    arkiv_pool_free(pool);
    g_free(missing);
    g_free(fifo);
    remove_tmpdir(dir);
}
END_TEST

/* A PDF that makes poppler loop until its worker is stopped, and a
 * short text file beside it, in a folder of their own. */
typedef struct {
    char *dir, *endless, *text;
} hang_files_t;

static hang_files_t hang_files_new(void)
{
    hang_files_t f;
    f.dir = make_tmpdir();
    f.endless = make_endless_pdf(f.dir, "uendelig.pdf");
    f.text = write_string(f.dir, "kort.txt", "kort referat\n");
    return f;
}

static void hang_files_free(hang_files_t *f)
{
    g_free(f->endless);
    g_free(f->text);
    remove_tmpdir(f->dir);
}

START_TEST(test_pool_timeout)
{
    hang_files_t f = hang_files_new();
    arkiv_pool_t *pool = new_pool(2, 1, 0);
    GArray *before = child_pids(), *after;
    arkiv_extract_result_t r = {0};
    gpointer tag = NULL;
    gint64 start = g_get_monotonic_time();

    ck_assert(arkiv_pool_submit(pool, f.endless, GINT_TO_POINTER(1)));
    ck_assert(arkiv_pool_submit(pool, f.text, GINT_TO_POINTER(2)));
    ck_assert(arkiv_pool_collect(pool, &tag, &r));
    ck_assert_ptr_eq(tag, GINT_TO_POINTER(2));
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert(arkiv_pool_collect(pool, &tag, &r));
    ck_assert_ptr_eq(tag, GINT_TO_POINTER(1));
    assert_outcome(&r, ARKIV_EXTRACT_TIMEOUT);
    ck_assert_str_eq(r.reason, "timed out after 1 s");
    ck_assert_int_ge(g_get_monotonic_time() - start, G_USEC_PER_SEC);
    ck_assert_int_lt(g_get_monotonic_time() - start, 10 * G_USEC_PER_SEC);
    after = child_pids();
    ck_assert_uint_eq(after->len, 2);
    ck_assert(!same_pids(before, after)); /* the hung worker was replaced */
    ck_assert(arkiv_pool_extract(pool, f.text, &r));
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    arkiv_extract_result_clear(&r);
    arkiv_pool_free(pool);
    g_array_unref(before);
    g_array_unref(after);
    hang_files_free(&f);
}
END_TEST

/* A worker killed mid-file (as the OOM killer or a poppler crash would)
 * is reported, replaced, and the pool carries on. */
START_TEST(test_pool_worker_killed)
{
    hang_files_t f = hang_files_new();
    arkiv_pool_t *pool = new_pool(1, 30, 0);
    GArray *workers = child_pids();
    arkiv_extract_result_t r = {0};
    gpointer tag = NULL;

    ck_assert_uint_eq(workers->len, 1);
    ck_assert(arkiv_pool_submit(pool, f.endless, GINT_TO_POINTER(1)));
    ck_assert_int_eq(kill(g_array_index(workers, pid_t, 0), SIGKILL), 0);
    ck_assert(arkiv_pool_collect(pool, &tag, &r));
    assert_outcome(&r, ARKIV_EXTRACT_CRASHED);
    ck_assert_str_eq(r.reason, "extractor crashed (signal 9)");
    ck_assert(arkiv_pool_extract(pool, f.text, &r));
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    arkiv_extract_result_clear(&r);
    arkiv_pool_free(pool);
    g_array_unref(workers);
    hang_files_free(&f);
}
END_TEST

/* The file queued behind one that hangs its worker is not blamed: it goes
 * to the replacement and comes back whole. */
START_TEST(test_pool_queued_behind_timeout)
{
    hang_files_t f = hang_files_new();
    arkiv_pool_t *pool = new_pool(1, 1, 0);
    GArray *before = child_pids(), *after;
    arkiv_extract_result_t r = {0};
    gpointer tag = NULL;
    gint64 start = g_get_monotonic_time();

    ck_assert(arkiv_pool_submit(pool, f.endless, GINT_TO_POINTER(1)));
    ck_assert(arkiv_pool_submit(pool, f.text, GINT_TO_POINTER(2)));
    ck_assert(arkiv_pool_collect(pool, &tag, &r));
    ck_assert_ptr_eq(tag, GINT_TO_POINTER(1));
    assert_outcome(&r, ARKIV_EXTRACT_TIMEOUT);
    ck_assert_str_eq(r.reason, "timed out after 1 s");
    ck_assert_uint_eq(arkiv_pool_in_flight(pool), 1);
    ck_assert(arkiv_pool_collect(pool, &tag, &r));
    ck_assert_ptr_eq(tag, GINT_TO_POINTER(2));
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_uint_eq(n_pages(&r), 1);
    ck_assert_str_eq(r.pages[0], "kort referat\n");
    ck_assert_int_lt(g_get_monotonic_time() - start, 10 * G_USEC_PER_SEC);
    ck_assert(!arkiv_pool_collect(pool, &tag, &r));
    after = child_pids();
    ck_assert_uint_eq(after->len, 1);
    ck_assert(!same_pids(before, after)); /* the hung worker was replaced */
    arkiv_extract_result_clear(&r);
    arkiv_pool_free(pool);
    g_array_unref(before);
    g_array_unref(after);
    hang_files_free(&f);
}
END_TEST

/* The same when the worker is killed under the file ahead. */
START_TEST(test_pool_queued_behind_killed)
{
    hang_files_t f = hang_files_new();
    arkiv_pool_t *pool = new_pool(1, 30, 0);
    GArray *workers = child_pids();
    arkiv_extract_result_t r = {0};
    gpointer tag = NULL;

    ck_assert_uint_eq(workers->len, 1);
    ck_assert(arkiv_pool_submit(pool, f.endless, GINT_TO_POINTER(1)));
    ck_assert(arkiv_pool_submit(pool, f.text, GINT_TO_POINTER(2)));
    ck_assert_int_eq(kill(g_array_index(workers, pid_t, 0), SIGKILL), 0);
    ck_assert(arkiv_pool_collect(pool, &tag, &r));
    ck_assert_ptr_eq(tag, GINT_TO_POINTER(1));
    assert_outcome(&r, ARKIV_EXTRACT_CRASHED);
    ck_assert_str_eq(r.reason, "extractor crashed (signal 9)");
    ck_assert(arkiv_pool_collect(pool, &tag, &r));
    ck_assert_ptr_eq(tag, GINT_TO_POINTER(2));
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert_uint_eq(n_pages(&r), 1);
    ck_assert_str_eq(r.pages[0], "kort referat\n");
    ck_assert(!arkiv_pool_collect(pool, &tag, &r));
    arkiv_extract_result_clear(&r);
    arkiv_pool_free(pool);
    g_array_unref(workers);
    hang_files_free(&f);
}
END_TEST

/* One worker, always kept full: every tag comes back once, in submit
 * order, queued jobs included.  Every fourth job is an empty path, a
 * result the pool knows without the worker, in either slot. */
START_TEST(test_pool_one_worker_every_tag_once)
{
    enum { JOBS = MANY + MANY / 3 };
    char *dir = make_tmpdir();
    char *paths[MANY];
    arkiv_extract_outcome_t want[MANY];
    arkiv_pool_t *pool = new_pool(1, 30, 0);
    int next = 0;

    for (int i = 0; i < MANY; i++)
        paths[i] = make_batch_file(dir, i, &want[i]);
    for (int done = 0; done < JOBS; done++) {
        arkiv_extract_result_t r = {0};
        gpointer tag = NULL;
        int job;
        while (next < JOBS && arkiv_pool_submit(pool, next % 4 == 3 ? "" : paths[next - next / 4],
                                                GINT_TO_POINTER(next + 1)))
            next++;
        ck_assert_uint_le(arkiv_pool_in_flight(pool), 2);
        ck_assert_uint_eq(arkiv_pool_in_flight(pool), (unsigned)MIN(next - done, 2));
        ck_assert(arkiv_pool_collect(pool, &tag, &r));
        job = GPOINTER_TO_INT(tag) - 1;
        ck_assert_int_eq(job, done);
        if (job % 4 == 3) {
            assert_outcome(&r, ARKIV_EXTRACT_IO);
            ck_assert_str_eq(r.reason, "cannot read: invalid path length");
        } else {
            check_batch_result(job - job / 4, want[job - job / 4], &r);
        }
        arkiv_extract_result_clear(&r);
    }
    ck_assert_uint_eq(arkiv_pool_in_flight(pool), 0);
    arkiv_pool_free(pool);
    for (int i = 0; i < MANY; i++)
        g_free(paths[i]);
    remove_tmpdir(dir);
}
END_TEST

/* Skipped under ASan: its shadow memory reservation cannot live with
 * RLIMIT_AS.  The cap is relative to our own size, which a forked worker
 * starts with. */
START_TEST(test_pool_memory_limit)
{
    char *dir, *big_text, *big_pdf, *text;
    arkiv_pool_t *pool;
    arkiv_extract_result_t r = {0};

    if (UNDER_ASAN) {
        g_print("test_pool_memory_limit: skipped under AddressSanitizer\n");
        return;
    }
    dir = make_tmpdir();
    big_text = write_big_text(dir, "stor.txt", 200);
    big_pdf = make_huge_text_pdf(dir, "tett.pdf");
    text = write_string(dir, "kort.txt", "kort referat\n");
    pool = new_pool(1, 60, own_vm_size() + 64 * 1024 * 1024);
    ck_assert(arkiv_pool_extract(pool, text, &r));
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert(arkiv_pool_extract(pool, big_text, &r)); /* malloc fails: reported by the worker */
    assert_outcome(&r, ARKIV_EXTRACT_CRASHED);
    ck_assert_str_eq(r.reason, "out of memory");
    ck_assert(arkiv_pool_extract(pool, big_pdf, &r)); /* poppler aborts: the worker dies */
    assert_outcome(&r, ARKIV_EXTRACT_CRASHED);
    ck_assert_msg(g_str_has_prefix(r.reason, "out of memory or crashed (signal "), "reason: %s",
                  r.reason);
    ck_assert(arkiv_pool_extract(pool, text, &r));
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    arkiv_extract_result_clear(&r);
    arkiv_pool_free(pool);
    g_free(big_text);
    g_free(big_pdf);
    g_free(text);
    remove_tmpdir(dir);
}
END_TEST

/* Under ASan the cap is on each worker's resident size, which the pool
 * watches (pool.h), relative to ours: a worker starts with our pages. */
START_TEST(test_pool_memory_limit_resident)
{
    char *dir, *big_text, *text, *status = NULL;
    const char *line;
    unsigned long rss_kb = 0;
    arkiv_pool_t *pool;
    arkiv_extract_result_t r = {0};

    if (!UNDER_ASAN) {
        g_print("test_pool_memory_limit_resident: only under AddressSanitizer\n");
        return;
    }
    ck_assert(g_file_get_contents("/proc/self/status", &status, NULL, NULL));
    line = strstr(status, "VmRSS:");
    ck_assert_ptr_nonnull(line);
    ck_assert_int_eq(sscanf(line, "VmRSS: %lu kB", &rss_kb), 1);
    g_free(status);
    dir = make_tmpdir();
    big_text = write_big_text(dir, "stor.txt", 200);
    text = write_string(dir, "kort.txt", "kort referat\n");
    pool = new_pool(1, 60, (gsize)rss_kb * 1024 + 96 * 1024 * 1024);
    ck_assert(arkiv_pool_extract(pool, text, &r));
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert(arkiv_pool_extract(pool, big_text, &r)); /* 200 MB read whole: killed */
    assert_outcome(&r, ARKIV_EXTRACT_CRASHED);
    ck_assert_msg(g_str_has_prefix(r.reason, "out of memory (over "), "reason: %s", r.reason);
    ck_assert(arkiv_pool_extract(pool, text, &r)); /* a new worker */
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    arkiv_extract_result_clear(&r);
    arkiv_pool_free(pool);
    g_free(big_text);
    g_free(text);
    remove_tmpdir(dir);
}
END_TEST

START_TEST(test_pool_free_leaves_no_children)
{
    hang_files_t f = hang_files_new();
    arkiv_pool_t *pool = new_pool(3, 1, 0);
    arkiv_extract_result_t r = {0};
    GArray *left;

    ck_assert(arkiv_pool_extract(pool, f.endless, &r)); /* a timeout forks a replacement */
    assert_outcome(&r, ARKIV_EXTRACT_TIMEOUT);
    ck_assert(arkiv_pool_extract(pool, f.text, &r));
    assert_outcome(&r, ARKIV_EXTRACT_OK);
    ck_assert(arkiv_pool_submit(pool, f.endless, NULL)); /* still busy when freed */
    ck_assert(arkiv_pool_submit(pool, f.text, NULL));
    arkiv_pool_free(pool);
    arkiv_pool_free(NULL);
    left = child_pids();
    ck_assert_uint_eq(left->len, 0);
    g_array_unref(left);
    arkiv_extract_result_clear(&r);
    hang_files_free(&f);
}
END_TEST

/* ---- preparing in the workers ----------------------------------------- */

/* Stands in for a tagger: the pool only hands the pointer on. */
static const int fake_tagger_storage = 1;
#define FAKE_TAGGER ((const arkiv_tagger_t *)&fake_tagger_storage)

/* The prepare step of these tests.  The real one, arkiv_docbuild_prepare,
 * lives beside the database writer, which this program does not link (the
 * CLI tests run it).  This one leaves evidence of where it ran (headers:
 * its pid) and with which tagger (kind), fails and hangs on cue. */
static gboolean prepare_for_test(const arkiv_extract_result_t *ex, const arkiv_tagger_t *tagger,
                                 arkiv_textgen_t *textgen, arkiv_prepared_t *out, GError **error)
{
    (void)textgen;
    const char *text = ex->pages != NULL ? ex->pages[0] : "";

    if (strstr(text, "unormaliserbar") != NULL) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "text could not be normalised");
        return FALSE;
    }
    while (strstr(text, "evig") != NULL)
        g_usleep(G_USEC_PER_SEC);
    out->pages = g_strdupv(ex->pages);
    out->headers = g_strdup_printf("%d", (int)getpid());
    out->entities = arkiv_entities_new();
    out->entities->kind = g_strdup(tagger == FAKE_TAGGER ? "tagged"
                                   : tagger == NULL      ? "untagged"
                                                         : "wrong tagger");
    return TRUE;
}

static arkiv_pool_t *new_preparing_pool(unsigned n, unsigned timeout_s,
                                        const arkiv_tagger_t *tagger)
{
    arkiv_pool_prepare_t prepare = {prepare_for_test, tagger, NULL};
    arkiv_pool_t *pool = NULL;
    GError *error = NULL;

    ck_assert_msg(arkiv_pool_new(n, timeout_s, 0, &prepare, &pool, &error), "%s",
                  error ? error->message : "?");
    return pool;
}

/* Submit path alone and collect it with what was prepared. */
static void extract_prepared(arkiv_pool_t *pool, const char *path, arkiv_extract_result_t *ex,
                             arkiv_prep_result_t *prep)
{
    gpointer tag = NULL;

    ck_assert_uint_eq(arkiv_pool_in_flight(pool), 0);
    ck_assert(arkiv_pool_submit(pool, path, GINT_TO_POINTER(1)));
    ck_assert(arkiv_pool_collect_prepared(pool, &tag, ex, prep));
    ck_assert_ptr_eq(tag, GINT_TO_POINTER(1));
}

static gboolean is_child(const char *pid_text)
{
    GArray *pids = child_pids();
    pid_t pid = (pid_t)atoi(pid_text);
    gboolean found = FALSE;

    for (guint i = 0; i < pids->len; i++)
        found = found || g_array_index(pids, pid_t, i) == pid;
    g_array_unref(pids);
    return found;
}

START_TEST(test_pool_prepares_in_workers)
{
    char *dir = make_tmpdir();
    char *text = write_string(dir, "kort.txt", "kort referat\n");
    char *bad = write_string(dir, "feil.txt", "unormaliserbar tekst\n");
    char *empty = write_file(dir, "tom.txt", "", 0);
    char *scanned = make_rectangle_pdf(dir, "skannet.pdf", NULL);
    arkiv_pool_t *pool = new_preparing_pool(2, 30, FAKE_TAGGER);
    arkiv_extract_result_t ex = {0};
    arkiv_prep_result_t prep = {0};

    extract_prepared(pool, text, &ex, &prep);
    assert_outcome(&ex, ARKIV_EXTRACT_OK);
    ck_assert_str_eq(ex.pages[0], "kort referat\n"); /* the raw text still comes along */
    ck_assert_int_eq(prep.state, ARKIV_PREP_OK);
    ck_assert_str_eq(prep.prepared.pages[0], "kort referat\n");
    ck_assert_msg(is_child(prep.prepared.headers), "prepared by %s, not a worker",
                  prep.prepared.headers);
    ck_assert_str_eq(prep.prepared.entities->kind, "tagged");

    extract_prepared(pool, scanned, &ex, &prep);
    assert_outcome(&ex, ARKIV_EXTRACT_NO_TEXT);
    ck_assert_int_eq(prep.state, ARKIV_PREP_OK);
    ck_assert_ptr_null(prep.prepared.pages);
    ck_assert_str_eq(prep.prepared.entities->kind, "tagged");

    extract_prepared(pool, empty, &ex, &prep); /* no text: nothing to prepare */
    assert_outcome(&ex, ARKIV_EXTRACT_EMPTY);
    ck_assert_int_eq(prep.state, ARKIV_PREP_NONE);
    ck_assert_ptr_null(prep.prepared.entities);

    extract_prepared(pool, bad, &ex, &prep);
    assert_outcome(&ex, ARKIV_EXTRACT_OK);
    ck_assert_int_eq(prep.state, ARKIV_PREP_FAILED);
    ck_assert_str_eq(prep.error, "text could not be normalised");
    ck_assert_ptr_null(prep.prepared.pages);
    ck_assert_ptr_null(prep.prepared.entities);

    ck_assert(arkiv_pool_extract(pool, text, &ex)); /* plain extraction still works */
    assert_outcome(&ex, ARKIV_EXTRACT_OK);
    ck_assert_str_eq(ex.pages[0], "kort referat\n");

    arkiv_extract_result_clear(&ex);
    arkiv_prep_result_clear(&prep);
    arkiv_pool_free(pool);
    g_free(text);
    g_free(bad);
    g_free(empty);
    g_free(scanned);
    remove_tmpdir(dir);
}
END_TEST

/* --no-tagging: the step still runs (text must be normalised), without a
 * tagger. */
START_TEST(test_pool_prepares_without_tagger)
{
    char *dir = make_tmpdir();
    char *text = write_string(dir, "kort.txt", "kort referat\n");
    arkiv_pool_t *pool = new_preparing_pool(1, 30, NULL);
    arkiv_extract_result_t ex = {0};
    arkiv_prep_result_t prep = {0};

    extract_prepared(pool, text, &ex, &prep);
    ck_assert_int_eq(prep.state, ARKIV_PREP_OK);
    ck_assert_str_eq(prep.prepared.entities->kind, "untagged");
    arkiv_extract_result_clear(&ex);
    arkiv_prep_result_clear(&prep);
    arkiv_pool_free(pool);
    g_free(text);
    remove_tmpdir(dir);
}
END_TEST

/* A text that makes preparing hang costs its worker, not the collector. */
START_TEST(test_pool_prepare_timeout)
{
    char *dir = make_tmpdir();
    char *endless = write_string(dir, "evig.txt", "evig referat\n");
    char *text = write_string(dir, "kort.txt", "kort referat\n");
    arkiv_pool_t *pool = new_preparing_pool(1, 1, FAKE_TAGGER);
    arkiv_extract_result_t ex = {0};
    arkiv_prep_result_t prep = {0};
    gint64 start = g_get_monotonic_time();

    extract_prepared(pool, endless, &ex, &prep);
    assert_outcome(&ex, ARKIV_EXTRACT_TIMEOUT);
    ck_assert_str_eq(ex.reason, "timed out after 1 s");
    ck_assert_int_eq(prep.state, ARKIV_PREP_NONE);
    ck_assert_int_lt(g_get_monotonic_time() - start, 10 * G_USEC_PER_SEC);
    extract_prepared(pool, text, &ex, &prep);
    assert_outcome(&ex, ARKIV_EXTRACT_OK);
    ck_assert_int_eq(prep.state, ARKIV_PREP_OK);
    arkiv_extract_result_clear(&ex);
    arkiv_prep_result_clear(&prep);
    arkiv_pool_free(pool);
    g_free(endless);
    g_free(text);
    remove_tmpdir(dir);
}
END_TEST

/* ---- runner ----------------------------------------------------------- */

static TCase *tcase(const char *name, int timeout_s)
{
    TCase *tc = tcase_create(name);

    tcase_set_timeout(tc, timeout_s);
    return tc;
}

static Suite *extract_suite(void)
{
    Suite *s = suite_create("extract");
    TCase *result = tcase("result", 10), *type = tcase("filetype", 10);
    TCase *text = tcase("textfile", 30), *pdf = tcase("pdf", 60), *pool = tcase("pool", 120);

    tcase_add_test(result, test_outcome_names);
    tcase_add_test(result, test_result_roundtrip);
    tcase_add_test(result, test_result_rejects_garbage);
    tcase_add_test(result, test_reply_roundtrip_full);
    tcase_add_test(result, test_reply_roundtrip_empty);
    tcase_add_test(result, test_reply_roundtrip_states);
    tcase_add_test(result, test_reply_rejects_garbage);
    tcase_add_test(result, test_entities_wire_layout);
    tcase_add_test(result, test_reply_rejects_what_the_writer_cannot_take);
    tcase_add_test(type, test_kind_table);
    tcase_add_test(type, test_missing_file_is_io);
    tcase_add_test(type, test_fifo_is_not_opened);
    tcase_add_test(type, test_random_bytes_named_pdf);
    tcase_add_test(type, test_zero_byte_file);
    tcase_add_test(type, test_png_named_txt);
    tcase_add_test(text, test_text_without_extension);
    tcase_add_test(text, test_text_legacy_encodings);
    tcase_add_test(text, test_whitespace_text_is_empty);
    tcase_add_test(text, test_text_over_cap_refused);
    tcase_add_test(pdf, test_pdf_norwegian_pages);
    tcase_add_test(pdf, test_pdf_two_columns_not_interleaved);
    tcase_add_test(pdf, test_pdf_metadata);
    tcase_add_test(pdf, test_pdf_named_txt);
    tcase_add_test(pdf, test_pdf_without_text);
    tcase_add_test(pdf, test_pdf_user_password_is_encrypted);
    tcase_add_test(pdf, test_pdf_owner_password_only_opens);
    tcase_add_test(pdf, test_pdf_truncated);
    tcase_add_test(pool, test_pool_many_files_reuses_workers);
    tcase_add_test(pool, test_pool_submit_when_busy);
    tcase_add_test(pool, test_pool_reports_io_and_fifo);
    tcase_add_test(pool, test_pool_timeout);
    tcase_add_test(pool, test_pool_worker_killed);
    tcase_add_test(pool, test_pool_queued_behind_timeout);
    tcase_add_test(pool, test_pool_queued_behind_killed);
    tcase_add_test(pool, test_pool_one_worker_every_tag_once);
    tcase_add_test(pool, test_pool_memory_limit);
    tcase_add_test(pool, test_pool_memory_limit_resident);
    tcase_add_test(pool, test_pool_free_leaves_no_children);
    tcase_add_test(pool, test_pool_prepares_in_workers);
    tcase_add_test(pool, test_pool_prepares_without_tagger);
    tcase_add_test(pool, test_pool_prepare_timeout);
    suite_add_tcase(s, result);
    suite_add_tcase(s, type);
    suite_add_tcase(s, text);
    suite_add_tcase(s, pdf);
    suite_add_tcase(s, pool);
    return s;
}

int main(void)
{
    SRunner *runner = srunner_create(extract_suite());
    int failed;

    srunner_run_all(runner, CK_NORMAL);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
