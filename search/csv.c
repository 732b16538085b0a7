/* csv.c — RFC 4180 rows for --csv. */
#include "csv.h"

#include <string.h>

static void cell(FILE *out, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

void arkiv_csv_row(FILE *out, const char *const *cells, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', out);
        cell(out, cells[i]);
    }
    fputc('\n', out);
}
