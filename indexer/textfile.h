/* textfile.h - a plain-text file as one page of UTF-8. */
#ifndef ARKIV_TEXTFILE_H
#define ARKIV_TEXTFILE_H

#include "extract.h"

/* Larger text files are refused (IO, "File too large") instead of being
 * pulled into memory whole: nothing that size is a meeting minute. */
#define ARKIV_TEXTFILE_MAX_BYTES ((gsize)256 * 1024 * 1024)

/* Fill *out (zeroed or cleared; out->mime is left alone) from the text
 * file at path and return the outcome: OK with out->pages holding one page
 * and out->encoding the detected source encoding, EMPTY for whitespace
 * only, IO when it cannot be read, CRASHED "out of memory" when its bytes
 * do not fit in memory.  Everything stored in *out is owned by *out
 * (arkiv_extract_result_clear). */
arkiv_extract_outcome_t arkiv_textfile_extract(const char *path, arkiv_extract_result_t *out);

#endif /* ARKIV_TEXTFILE_H */
