#!/bin/sh
# make demo: index the sample minutes, show what to try, and serve the
# web frontend (arkiv serve: arkiv.cgi under lighttpd, FastCGI) on 127.0.0.1 until
# Ctrl-C. PORT=8080 picks the port; DEMO_SERVE=0 stops after indexing.
set -u
O=${O:-build}
DB="$O/demo.db"
ARKIV="$O/arkiv"
CGI="$O/web/arkiv.cgi" # for the shell example; arkiv serve finds it too

"$ARKIV" index --db "$DB" samples/text samples/pdf
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    echo "demo: indexing failed (exit $rc)" >&2
    exit "$rc"
fi
cat <<EOT

The sample minutes are indexed in $DB. Try:

  export ARKIV_DB=$PWD/$DB
  $ARKIV search palliativ plan
  $ARKIV search '"palliativ plan"' --sort -date
  $ARKIV search 'legevakt*' --json
  $ARKIV search 'HARMONI OR "Hjem til hjem"'
  $ARKIV search kind:notext
  $ARKIV search --help
  ARKIV_DB=$PWD/$DB $CGI q=HARMONI format=json    # the web frontend from a shell
EOT

[ "${DEMO_SERVE:-1}" = 0 ] && exit 0

# arkiv serve prints the URL; PORT unset lets it pick a free port.
cat <<EOT

Web frontend (arkiv serve: lighttpd + arkiv.cgi, FastCGI). Try the URL it
prints below, with /search?q=palliativ+plan, /trace?q=HARMONI or
/person?name=Randi+Sj%C3%B8v%C3%A6g. Ctrl-C stops it.
EOT
exec "$ARKIV" serve --db "$DB" --port "${PORT:-0}" --data "${ARKIV_DATA:-$PWD/data}"
