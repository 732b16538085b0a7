#!/bin/sh
# make demo: index the sample minutes and show what to try next.
# (The web frontend joins the demo when it exists.)
set -u
O=${O:-build}
DB="$O/demo.db"
ARKIV="$O/arkiv"

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
EOT
