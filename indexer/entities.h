/* entities.h — what the tagger finds in one document's clean text.
 *
 * Ownership: arkiv_entities_new() returns a struct the caller frees with
 * arkiv_entities_free(); every string and array inside belongs to it. The
 * arrays free their elements (g_ptr_array_new_with_free_func), so code that
 * adds to them hands the element over. */
#ifndef ARKIV_ENTITIES_H
#define ARKIV_ENTITIES_H

#include <glib.h>

typedef enum {
    ARKIV_PRESENT = 0,
    ARKIV_ABSENT,
    ARKIV_MENTIONED /* named in running text, not in an attendance list */
} arkiv_attendance_t;

/* Role bits; a person may hold several (member and chair). */
enum {
    ARKIV_ROLE_MEMBER = 1 << 0,
    ARKIV_ROLE_CHAIR = 1 << 1,
    ARKIV_ROLE_SECRETARY = 1 << 2,
    ARKIV_ROLE_OBSERVER = 1 << 3,
    ARKIV_ROLE_SUBSTITUTE = 1 << 4,
    ARKIV_ROLE_PRESENTER = 1 << 5
};

typedef struct {
    char *name;       /* cleaned full name as written: "Anne Kristine Vevelstad" */
    char *as_written; /* the raw list entry: "Anne Kristine (Stine) Vevelstad" */
    char *key;        /* identity key (person.h): "anne vevelstad" */
    char *org;        /* organisation(s) as written, or NULL: "HNT, KMR" */
    arkiv_attendance_t status;
    guint roles; /* ARKIV_ROLE_* bits */
} arkiv_person_t;

typedef struct {
    char *number;          /* normalised "09/24", or "1" for a numbered point; never NULL */
    char *title;           /* may be NULL */
    char *decision;        /* decision text, or NULL */
    GPtrArray *presenters; /* char*: names as written, resolved to full names when possible */
    gsize start, end;      /* byte span of the item in the tagger's joined text */
    guint page;            /* 1-based page where the item starts */
} arkiv_item_t;

typedef struct {
    char *council; /* canonical council name, or NULL when the text does not say */
    char *number;  /* normalised "08/25" */
} arkiv_ref_t;

typedef enum {
    ARKIV_DATE_NONE = 0,
    ARKIV_DATE_TEXT,
    ARKIV_DATE_PDF_METADATA,
    ARKIV_DATE_MTIME
} arkiv_date_source_t;

typedef struct {
    char *kind;          /* "referat", "protokoll", "møteinnkalling", "saksframlegg",
                            "handlingsplan" or "annet" */
    GPtrArray *councils; /* char*: canonical names, the meeting body first */
    char *date;          /* "YYYY-MM-DD" or NULL */
    arkiv_date_source_t date_source;
    char *place;         /* or NULL */
    GPtrArray *people;   /* arkiv_person_t*, one per identity key */
    GPtrArray *items;    /* arkiv_item_t*, in text order */
    GPtrArray *refs;     /* arkiv_ref_t* */
    GPtrArray *projects; /* char*: normalised project names ("hjem til hjem", "harmoni") */
} arkiv_entities_t;

arkiv_entities_t *arkiv_entities_new(void);
void arkiv_entities_free(arkiv_entities_t *e);

arkiv_person_t *arkiv_person_new(const char *name, const char *key);
void arkiv_person_free(arkiv_person_t *p);
arkiv_item_t *arkiv_item_new(const char *number);
void arkiv_item_free(arkiv_item_t *it);
void arkiv_ref_free(arkiv_ref_t *r);

const char *arkiv_attendance_name(arkiv_attendance_t s);   /* "present" … */
const char *arkiv_date_source_name(arkiv_date_source_t s); /* "text", "pdf-metadata", "mtime" */
/* Role names for the bits set in roles, in bit order; the caller frees the
 * array with g_free (the strings are static). */
const char **arkiv_role_names(guint roles);

#endif
