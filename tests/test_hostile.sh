#!/bin/sh
# tests/test_hostile.sh — `arkiv index` over broken and hostile input
# (docs/reliability.md, "Hostile and broken input").
#
# usage: tests/test_hostile.sh ARKIV SAMPLES_DIR
#
# tests/hostile/make-corpus writes, in a temporary folder, a few good
# minutes from SAMPLES_DIR beside truncated and bit-flipped PDFs, PDFs
# with cyclic page trees, 10,000 pages or a 50 MB content stream, a
# 100 MB one-line text file, invalid UTF-8, folder and symlink loops,
# unreadable files and file names with newlines and invalid UTF-8.
# Then, with a low --timeout:
#  - arkiv index exits 3 (some files failed), not by a signal, in time;
#  - every bad file is named in the --json report, every good file is a
#    search hit (tests/hostile/check), and the JSON is valid UTF-8;
#  - a second run reads nothing again;
#  - the plain report keeps one line per problem, names escaped;
#  - a folder bind-mounted inside itself is walked once (where unshare -rm
#    may make a private mount namespace).
# Running as root, chmod 000 stops no read: the unreadable files are then
# expected to be indexed, and the test says so.
set -eu

ARKIV=$1
SAMPLES=$2
HERE=$(dirname "$0")/hostile
PER_FILE=${HOSTILE_TIMEOUT:-20} # --timeout, seconds per file
BOUND=${HOSTILE_BOUND:-300}     # seconds for a whole run

W=$(mktemp -d /tmp/arkiv-hostile.XXXXXX)
cleanup() {
    chmod -R u+rwX "$W" 2>/dev/null || true # the chmod 000 files and folders
    rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

fail() {
    echo "test_hostile: FAIL: $*" >&2
    exit 1
}

"$HERE/make-corpus" "$SAMPLES" "$W"
if [ "$(id -u)" -eq 0 ]; then
    echo "test_hostile: running as root, chmod 000 does not stop reads:" \
        "unreadable files are expected to be indexed, not failed"
fi

# index OUT [OPTIONS]: one bounded run over the corpus; sets $RC and $SECS.
index() {
    out=$1
    shift
    start=$(date +%s)
    RC=0
    timeout -s KILL "$BOUND" "$ARKIV" index --db "$W/db" --jobs 2 --timeout "$PER_FILE" "$@" \
        "$W/corpus" >"$W/$out" 2>"$W/$out.err" || RC=$?
    SECS=$(($(date +%s) - start))
    [ "$RC" -ne 137 ] || fail "arkiv index did not finish within $BOUND s"
    [ "$RC" -lt 128 ] || { cat "$W/$out.err" >&2; fail "arkiv index died of signal $((RC - 128))"; }
    # Sanitizer reports go to stderr; the exit status alone may not show them.
    if grep -q "Sanitizer" "$W/$out.err"; then
        cat "$W/$out.err" >&2
        fail "a sanitizer reported an error"
    fi
}

index first.json --json
[ "$RC" -eq 3 ] || { cat "$W/first.json.err" >&2; fail "first run exited $RC, not 3 (some files failed)"; }
echo "test_hostile: first run: exit 3 in $SECS s (--timeout $PER_FILE)"
"$ARKIV" search --json --no-collapse --limit 100000 --db "$W/db" "" >"$W/search.json" ||
    fail "search over the corpus failed"
"$ARKIV" stats --json --db "$W/db" >"$W/stats.json" || fail "stats over the corpus failed"
python3 "$HERE/check" first "$W/manifest.json" "$W/first.json" "$W/search.json" "$W/stats.json" ||
    fail "first run (see above)"

index second.json --json
[ "$RC" -eq 0 ] || [ "$RC" -eq 3 ] || fail "second run exited $RC"
echo "test_hostile: second run: exit $RC in $SECS s"
python3 "$HERE/check" second "$W/manifest.json" "$W/second.json" || fail "second run (see above)"

# The plain report over the folder whose names hold newlines, tabs and
# bytes that are not UTF-8.
RC=0
"$ARKIV" index --db "$W/odd.db" "$W/corpus/odd" >"$W/odd.txt" 2>&1 || RC=$?
[ "$RC" -eq 3 ] || { cat "$W/odd.txt" >&2; fail "index of odd/ exited $RC, not 3"; }
python3 "$HERE/check" text "$W/manifest.json" "$W/odd.txt" || fail "plain report (see above)"
# A folder inside itself through a bind mount, which no symlink check
# sees: in a private user and mount namespace, where they are allowed.
mkdir -p "$W/bind/a/b"
cp "$SAMPLES/text/fls-2025-04-24-referat.txt" "$W/bind/a/referat.txt"
if unshare -rm true 2>/dev/null; then
    RC=0
    # shellcheck disable=SC2016 # expanded by the inner shell
    timeout -s KILL "$BOUND" unshare -rm sh -c \
        'mount --bind "$1/a" "$1/a/b" && exec "$2" index --json --db "$1/db" "$1/a"' \
        sh "$W/bind" "$ARKIV" >"$W/bind.json" 2>"$W/bind.err" || RC=$?
    [ "$RC" -eq 0 ] || { cat "$W/bind.err" >&2; fail "index over a bind mount loop exited $RC"; }
    grep -q '"files" : 1,' "$W/bind.json" || { cat "$W/bind.json" >&2; fail "bind mount loop walked"; }
    echo "test_hostile: a folder bind-mounted inside itself is walked once"
else
    echo "test_hostile: no user namespaces here: bind mount loop not tried"
fi
echo "test_hostile: ok"
