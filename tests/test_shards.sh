#!/bin/sh
# tests/test_shards.sh — the same answers from one database, from shards
# and from remote shards served by xapian-tcpsrv (docs/scaling.md).
#
# usage: tests/test_shards.sh ARKIV SAMPLES_DIR GEN_CORPUS
#
# Indexes SAMPLES_DIR, a generated corpus (GEN_CORPUS, a few hundred
# minutes) and two files that fail, once into one database and once into
# --shards 2. Then serves the two shards with two xapian-tcpsrv on free
# loopback ports and compares the --json output of every reading command
# over: the single database, the sharded index directory, and a stub file
# with the local lexicon and the two remote shards. They must be equal
# byte for byte. Then one server is stopped: a plain run must fail naming
# it, and --allow-partial must warn and answer exactly what the other
# shard answers alone.
set -eu

ARKIV=$1
SAMPLES=$2
GEN=$3
DOCS=${SHARD_TEST_DOCS:-240}

command -v xapian-tcpsrv >/dev/null || {
    echo "test_shards: xapian-tcpsrv is missing (apt-get install xapian-tools)" >&2
    exit 1
}

W=$(mktemp -d /tmp/arkiv-shards.XXXXXX)
PIDS=""
cleanup() {
    for p in $PIDS; do
        kill "$p" 2>/dev/null || true
    done
    rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

fail() {
    echo "test_shards: FAIL: $*" >&2
    exit 1
}

# serve NAME DB: xapian-tcpsrv on a free loopback port; sets $PORT and
# remembers the pid in $W/NAME.pid. setsid: on SIGTERM xapian-tcpsrv
# kills its whole process group, which must not be this script's.
serve() {
    name=$1
    db=$2
    tries=0
    while :; do
        tries=$((tries + 1))
        [ $tries -le 20 ] || fail "no free port for xapian-tcpsrv"
        PORT=$(( ($$ * 7 + tries * 7919 + $(date +%N | sed 's/^0*//;s/^$/0/') ) % 30000 + 20000 ))
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$PORT" "$db" >"$W/$name.log" 2>&1 &
        pid=$!
        i=0
        while [ $i -lt 100 ]; do
            if ! kill -0 "$pid" 2>/dev/null; then
                break # the port was taken: try another
            fi
            if grep -q Listening "$W/$name.log" 2>/dev/null; then
                PIDS="$PIDS $pid"
                echo "$pid" >"$W/$name.pid"
                return 0
            fi
            sleep 0.05
            i=$((i + 1))
        done
        kill "$pid" 2>/dev/null || true
    done
}

# A corpus: the samples, generated minutes, an empty file (skipped) and a
# damaged PDF (failed): failure records live in the shards too.
mkdir -p "$W/corpus/broken"
cp -r "$SAMPLES" "$W/corpus/samples"
"$GEN" "$DOCS" "$W/corpus/generated" >/dev/null
: >"$W/corpus/broken/tom.txt"
printf '%%PDF-1.4\nthis is not a pdf\n' >"$W/corpus/broken/skadet.pdf"

index() { # index DB [OPTIONS]: exit 3 (some files failed) is expected
    db=$1
    shift
    rc=0
    "$ARKIV" index -q --db "$db" "$@" "$W/corpus" >"$W/index.out" 2>&1 || rc=$?
    [ $rc -eq 0 ] || [ $rc -eq 3 ] || { cat "$W/index.out" >&2; fail "arkiv index $* exited $rc"; }
}

index "$W/one.db"
index "$W/sharded.db" --shards 2
[ -f "$W/sharded.db/XAPIANDB" ] || fail "no stub file in the sharded index"
# A re-run keeps the layout and finds every file unchanged.
index "$W/sharded.db" --json
grep -q '"indexed" : 0,' "$W/index.out" || { cat "$W/index.out" >&2; fail "re-run re-indexed files"; }
if "$ARKIV" index -q --shards 3 --db "$W/sharded.db" "$W/corpus" >"$W/index.out" 2>&1; then
    fail "--shards 3 on an index of 2 shards was accepted"
fi
grep -q "2 shards" "$W/index.out" || fail "no reason given for refusing --shards 3"

serve shard0 "$W/sharded.db/shard0"
P0=$PORT
serve shard1 "$W/sharded.db/shard1"
P1=$PORT
# Xapian 1.4's own stub syntax ("remote HOST:PORT"); arkiv also reads
# "remote tcp HOST:PORT".
printf 'auto %s\nremote 127.0.0.1:%s\nremote tcp 127.0.0.1:%s\n' \
    "$W/sharded.db/lexicon" "$P0" "$P1" >"$W/remote.stub"
printf 'auto %s\nremote 127.0.0.1:%s\n' "$W/sharded.db/lexicon" "$P0" >"$W/only0.stub"

# The commands there are (others are being written).
HELP=$("$ARKIV" --help)
has() { echo "$HELP" | grep -q "^  $1 "; }

CHECKS=0
# same LABEL ARGS...: `arkiv ARGS --json` equal over the three layouts.
same() {
    label=$1
    shift
    for layout in one.db sharded.db remote.stub; do
        rc=0
        "$ARKIV" "$@" --json --db "$W/$layout" >"$W/out.$layout" 2>"$W/err.$layout" || rc=$?
        echo "exit $rc" >>"$W/out.$layout"
    done
    for layout in sharded.db remote.stub; do
        if ! cmp -s "$W/out.one.db" "$W/out.$layout"; then
            echo "--- $label: one database vs $layout" >&2
            diff "$W/out.one.db" "$W/out.$layout" | head -20 >&2
            cat "$W/err.$layout" >&2
            fail "$label differs"
        fi
    done
    CHECKS=$((CHECKS + 1))
}

for q in "" plan "palliativ plan" "council:ASU" "kind:protokoll" "budsjett OR økonomi" \
    "budsjet" "okonomi" "level:item" "date:2023..2024" "year:2024 NOT council:ASU" "sak*" \
    "title:møte* OR plan*" "person:\"Randi Sjøvæg\""; do
    same "search [$q]" search -n 25 "$q"
    same "search --sort date [$q]" search -n 25 --sort date "$q"
    same "search --sort -date [$q]" search -n 25 --sort -date "$q"
    same "search --no-collapse [$q]" search -n 40 --offset 3 --no-collapse "$q"
done
same "search, deep page" search -n 10 --offset 100 --sort date ""

IDS=$("$ARKIV" search --json -n 6 --no-collapse --db "$W/one.db" "plan" |
    sed -n 's/^ *"id" : "\([^"]*\)",$/\1/p')
[ -n "$IDS" ] || fail "no ids to show"
if has show; then
    for id in $IDS; do same "show $id" show "$id"; done
fi
if has stats; then same stats stats; fi
if has people; then
    same people people
    same "people --council ASU" people --council ASU
fi
if has cases; then
    same cases cases
    same "cases --year 2024" cases --year 2024
fi
if has decisions; then
    same "decisions" decisions ""
    same "decisions godkjennes" decisions --sort -date godkjennes
fi
if has attendance; then
    NAME=$("$ARKIV" people --json --db "$W/one.db" | sed -n 's/^ *"person" : "\([^"]*\)",$/\1/p' |
        head -1)
    same "attendance $NAME" attendance "$NAME"
fi
if has trace; then
    CASE=$("$ARKIV" cases --json --db "$W/one.db" | sed -n 's/^ *"number" : "\([^"]*\)",$/\1/p' |
        head -1)
    same "trace case:$CASE" trace "case:$CASE"
    same "trace palliativ plan" trace palliativ plan
fi

# One server goes away.
kill "$(cat "$W/shard1.pid")"
rc=0
"$ARKIV" search --json --db "$W/remote.stub" plan >"$W/out" 2>"$W/err" || rc=$?
[ $rc -eq 1 ] || fail "search without a shard exited $rc, not 1"
grep -q "127.0.0.1:$P1" "$W/err" || { cat "$W/err" >&2; fail "the error does not name the shard"; }
for args in "search -n 25 plan" "search -n 25 --sort date" "stats"; do
    rc=0
    # shellcheck disable=SC2086
    "$ARKIV" $args --json --allow-partial --db "$W/remote.stub" >"$W/out" 2>"$W/err" || rc=$?
    [ $rc -eq 0 ] || { cat "$W/err" >&2; fail "--allow-partial $args exited $rc"; }
    grep -q "warning: shard remote 127.0.0.1:$P1" "$W/err" ||
        { cat "$W/err" >&2; fail "--allow-partial $args gave no warning"; }
    # shellcheck disable=SC2086
    "$ARKIV" $args --json --db "$W/only0.stub" >"$W/want" 2>&1
    cmp -s "$W/want" "$W/out" || { diff "$W/want" "$W/out" | head >&2; fail "partial $args"; }
    CHECKS=$((CHECKS + 1))
done

# The web frontend over the same broken stub: 503 without a notice of
# which host failed, or, with ARKIV_ALLOW_PARTIAL, the page with a notice.
CGI=$(dirname "$ARKIV")/web/arkiv.cgi
if [ -x "$CGI" ]; then
    ARKIV_DB="$W/remote.stub" "$CGI" q=plan >"$W/page" 2>"$W/cgi.err" || true
    grep -q "^Status: 503" "$W/page" || { head -3 "$W/page" >&2; fail "web without a shard: no 503"; }
    grep -q "127.0.0.1" "$W/page" && fail "the web's 503 page names an internal host"
    ARKIV_ALLOW_PARTIAL=1 ARKIV_DB="$W/remote.stub" "$CGI" q=plan >"$W/page" 2>"$W/cgi.err" ||
        true
    grep -q '<p class="notice"' "$W/page" || { head -20 "$W/page" >&2; fail "no partial notice"; }
    grep -q "^Status: 200" "$W/page" || head -1 "$W/page" | grep -qv "^Status" ||
        fail "partial web page is not 200"
    grep -q "127.0.0.1:$P1" "$W/cgi.err" || fail "the server log does not name the shard"
    CHECKS=$((CHECKS + 3))
fi

echo "test_shards: $CHECKS answers equal over one database, 2 shards and 2 remote shards"
