#!/bin/sh
# make demo: index the sample minutes, show what to try, and serve the
# web frontend (arkiv.cgi under lighttpd, FastCGI) on 127.0.0.1 until
# Ctrl-C. PORT=8080 picks the port; DEMO_SERVE=0 stops after indexing.
set -u
O=${O:-build}
DB="$O/demo.db"
ARKIV="$O/arkiv"
CGI="$O/web/arkiv.cgi"

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

port=${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
cat <<EOT

Web frontend: http://127.0.0.1:$port/
  http://127.0.0.1:$port/search?q=palliativ+plan
  http://127.0.0.1:$port/trace?q=HARMONI
  http://127.0.0.1:$port/person?name=Randi+Sj%C3%B8v%C3%A6g
(lighttpd + FastCGI; logs in $O/demo-web/. Ctrl-C stops it.)
EOT
ARKIV_DATA=${ARKIV_DATA:-$PWD/data} exec web/serve.sh "$CGI" "$DB" "$O/demo-web" "$port"
