/* fuzz_wire.c — libFuzzer target: the worker reply decoder
 * (arkiv_worker_reply_deserialise, prepared_wire.h), which the writer
 * runs on whatever bytes a worker sent, half dead or not.
 *
 * Any input must be refused with an error and cleared outputs, or
 * accepted with what the writer relies on (docbuild.c): the state's
 * invariants, entities whenever the state is OK, items with a number.
 * What is accepted must also survive the writer's own use of the
 * entities (the stored JSON) and encode again into bytes that decode to
 * the same reply.
 *
 * Seeds: with FUZZ_WIRE_SEEDS=DIR the harness writes the replies the
 * encoder makes for every file of samples/text and samples/pdf (prepared
 * as `arkiv index` prepares them, extracted only, failed to prepare, and
 * a file that cannot be read) into DIR and exits, so the fuzzer starts
 * from valid messages of the current wire format.  The paths are from the
 * top of the source tree, where the Makefile runs it. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "docbuild.h"
#include "entities_json.h"
#include "extract.h"
#include "filetype.h"
#include "fuzz_common.h"
#include "prepared_wire.h"

/* Replies are bounded by the pool (1 GiB); a few MiB reach every path. */
#define FUZZ_MAX_INPUT (4 * 1024 * 1024)

static const char *const seed_dirs[] = {"samples/text", "samples/pdf"};

/* ---- seeds ------------------------------------------------------------ */

/* Writes the reply for ex and prep as DIR/NAME-WHAT; exits on failure. */
static void write_seed(const char *dir, const char *name, const char *what,
                       const arkiv_extract_result_t *ex, const arkiv_prep_result_t *prep)
{
    GBytes *bytes = NULL;
    GError *error = NULL;
    char *file = g_strdup_printf("%s/%s-%s", dir, name, what);
    gsize size = 0;
    const char *data;

    arkiv_worker_reply_serialise(ex, prep, &bytes);
    data = g_bytes_get_data(bytes, &size);
    if (!g_file_set_contents(file, data, (gssize)size, &error)) {
        fprintf(stderr, "fuzz_wire: %s\n", error->message);
        exit(1);
    }
    g_bytes_unref(bytes);
    g_free(file);
}

/* What a worker of `arkiv index` sends (pool.c: prepare): OK or NO_TEXT
 * prepared, its failure as FAILED, any other outcome unprepared. */
static void prepare_as_pool(const arkiv_extract_result_t *ex, const arkiv_tagger_t *tagger,
                            arkiv_prep_result_t *prep)
{
    GError *error = NULL;

    if (ex->outcome != ARKIV_EXTRACT_OK && ex->outcome != ARKIV_EXTRACT_NO_TEXT)
        return;
    if (arkiv_docbuild_prepare(ex, tagger, NULL, &prep->prepared, &error)) {
        prep->state = ARKIV_PREP_OK;
        return;
    }
    arkiv_prep_result_clear(prep);
    prep->state = ARKIV_PREP_FAILED;
    prep->error = g_strdup(error->message);
    g_error_free(error);
}

/* The replies for one file: prepared, extracted only, failed. */
static void seeds_for(const char *dir, arkiv_filetype_t *ft, const arkiv_tagger_t *tagger,
                      const char *path)
{
    arkiv_extract_result_t ex = {0};
    arkiv_prep_result_t prep = {0};
    arkiv_prep_result_t failed = {.state = ARKIV_PREP_FAILED,
                                  .error = "text could not be normalised"};
    char *name = g_path_get_basename(path);

    arkiv_extract_file(ft, path, &ex);
    prepare_as_pool(&ex, tagger, &prep);
    write_seed(dir, name, "prepared", &ex, &prep);
    write_seed(dir, name, "extracted", &ex, NULL);
    write_seed(dir, name, "failed", &ex, &failed);
    arkiv_prep_result_clear(&prep);
    arkiv_extract_result_clear(&ex);
    g_free(name);
}

static G_GNUC_NORETURN void write_seeds(const char *dir)
{
    arkiv_knowledge_t *knowledge = NULL;
    arkiv_tagger_t *tagger = NULL;
    arkiv_filetype_t *ft = NULL;
    GError *error = NULL;

    fuzz_load_tagger(&knowledge, &tagger);
    if (g_mkdir_with_parents(dir, 0755) != 0 || !arkiv_filetype_open(&ft, &error)) {
        fprintf(stderr, "fuzz_wire: %s: %s\n", dir, error ? error->message : g_strerror(errno));
        exit(1);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(seed_dirs); i++) {
        GDir *d = g_dir_open(seed_dirs[i], 0, &error);
        const char *entry;
        if (d == NULL) {
            fprintf(stderr, "fuzz_wire: %s\n", error->message);
            exit(1);
        }
        while ((entry = g_dir_read_name(d)) != NULL) {
            char *path = g_build_filename(seed_dirs[i], entry, NULL);
            seeds_for(dir, ft, tagger, path);
            g_free(path);
        }
        g_dir_close(d);
    }
    seeds_for(dir, ft, tagger, "samples/no-such-file.txt");
    arkiv_filetype_free(ft);
    exit(0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (getenv("FUZZ_WIRE_SEEDS") != NULL)
        write_seeds(getenv("FUZZ_WIRE_SEEDS"));
    return 0;
}

/* ---- properties ------------------------------------------------------- */

static void check_refused(const arkiv_extract_result_t *ex, const arkiv_prep_result_t *prep,
                          const GError *error)
{
    fuzz_must(error != NULL, "refused without an error");
    fuzz_must(ex->reason == NULL && ex->mime == NULL && ex->pages == NULL && ex->encoding == NULL &&
                  ex->meta_title == NULL && ex->meta_author == NULL && ex->meta_created == -1,
              "refused but the extraction result is not cleared");
    fuzz_must(prep->state == ARKIV_PREP_NONE && prep->error == NULL &&
                  prep->prepared.pages == NULL && prep->prepared.headers == NULL &&
                  prep->prepared.entities == NULL && prep->prepared.texts == NULL,
              "refused but the prep result is not cleared");
}

/* Reads every byte of every page, so that the sanitizer sees a page that
 * is not a C string inside its allocation. */
static void check_pages(char **pages)
{
    for (char **p = pages; p != NULL && *p != NULL; p++)
        (void)strlen(*p);
}

static void check_strings(const GPtrArray *a, const char *what)
{
    fuzz_must(a != NULL, what);
    for (guint i = 0; i < a->len; i++)
        if (a->pdata[i] != NULL)
            (void)strlen(a->pdata[i]);
}

/* docbuild.c takes strchr of every item number and never checks it. */
static void check_entities(const arkiv_entities_t *e)
{
    check_strings(e->councils, "councils is NULL");
    check_strings(e->projects, "projects is NULL");
    fuzz_must(e->date_source <= ARKIV_DATE_MTIME, "date source out of range");
    fuzz_must(e->people != NULL && e->items != NULL && e->refs != NULL, "an entity array is NULL");
    for (guint i = 0; i < e->people->len; i++) {
        const arkiv_person_t *p = e->people->pdata[i];
        fuzz_must(p != NULL && p->status <= ARKIV_MENTIONED, "bad person");
    }
    for (guint i = 0; i < e->items->len; i++) {
        const arkiv_item_t *it = e->items->pdata[i];
        fuzz_must(it != NULL && it->number != NULL, "an item without a number");
        check_strings(it->presenters, "presenters is NULL");
    }
    for (guint i = 0; i < e->refs->len; i++)
        fuzz_must(e->refs->pdata[i] != NULL, "a NULL reference");
}

/* The stored data of the meeting (docbuild.c: make_data). */
static void entities_as_json(const arkiv_entities_t *e)
{
    JsonBuilder *b = json_builder_new();
    json_builder_begin_object(b);
    arkiv_entities_to_json(e, b);
    json_builder_end_object(b);
    JsonNode *root = json_builder_get_root(b);
    g_free(json_to_string(root, FALSE));
    json_node_unref(root);
    g_object_unref(b);
}

static void check_accepted(const arkiv_extract_result_t *ex, const arkiv_prep_result_t *prep)
{
    const arkiv_prepared_t *p = &prep->prepared;

    fuzz_must(ex->outcome <= ARKIV_EXTRACT_IO, "outcome out of range");
    check_pages(ex->pages);
    fuzz_must(prep->state <= ARKIV_PREP_FAILED, "state out of range");
    fuzz_must((prep->error != NULL) == (prep->state == ARKIV_PREP_FAILED), "error without FAILED");
    if (prep->state != ARKIV_PREP_OK) {
        fuzz_must(p->pages == NULL && p->headers == NULL && p->entities == NULL && p->texts == NULL,
                  "prepared without OK");
        return;
    }
    /* docbuild.c (arkiv_docbuild_write) dereferences them at once. */
    fuzz_must(p->entities != NULL, "OK without entities");
    check_pages(p->pages);
    check_entities(p->entities);
    entities_as_json(p->entities);
    for (guint i = 0; p->texts != NULL && i < p->texts->len; i++)
        fuzz_must(p->texts->pdata[i] != NULL, "a NULL text");
}

/* Encoding what was accepted gives bytes that decode, and encode again
 * to the very same bytes: nothing accepted is lost or made up. */
static void check_round_trip(const arkiv_extract_result_t *ex, const arkiv_prep_result_t *prep)
{
    GBytes *once = NULL, *twice = NULL;
    arkiv_extract_result_t ex2 = {0};
    arkiv_prep_result_t prep2 = {0};
    GError *error = NULL;

    arkiv_worker_reply_serialise(ex, prep, &once);
    if (!arkiv_worker_reply_deserialise(once, &ex2, &prep2, &error))
        fprintf(stderr, "fuzz_wire: %s\n", error != NULL ? error->message : "?");
    fuzz_must(error == NULL, "an accepted reply encodes to one that is refused");
    arkiv_worker_reply_serialise(&ex2, &prep2, &twice);
    fuzz_must(g_bytes_equal(once, twice), "an accepted reply does not encode the same twice");
    arkiv_extract_result_clear(&ex2);
    arkiv_prep_result_clear(&prep2);
    g_bytes_unref(once);
    g_bytes_unref(twice);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arkiv_extract_result_t ex = {0};
    arkiv_prep_result_t prep = {0};
    GError *error = NULL;
    GBytes *bytes;

    if (size > FUZZ_MAX_INPUT)
        return 0;
    /* A copy of exactly size bytes, as the pool hands over (g_byte_array):
     * the sanitizer then sees any read past the end. */
    bytes = g_bytes_new(data, size);
    if (arkiv_worker_reply_deserialise(bytes, &ex, &prep, &error)) {
        fuzz_must(error == NULL, "accepted with an error");
        check_accepted(&ex, &prep);
        check_round_trip(&ex, &prep);
    } else {
        check_refused(&ex, &prep, error);
        g_error_free(error);
    }
    arkiv_extract_result_clear(&ex);
    arkiv_prep_result_clear(&prep);
    g_bytes_unref(bytes);
    return 0;
}
