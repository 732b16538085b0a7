/* csv.h — RFC 4180 output for --csv: comma-separated, CRLF-free (one
 * "\n" per row), a cell quoted when it holds a comma, quote or line
 * break, quotes doubled. */
#ifndef ARKIV_CLI_CSV_H
#define ARKIV_CLI_CSV_H

#include <stddef.h>
#include <stdio.h>

/* One row of n cells; a NULL cell is empty. */
void arkiv_csv_row(FILE *out, const char *const *cells, size_t n);

#endif
