#!/bin/sh
# tests/test_crash.sh — the index survives what happens to it in real
# life (docs/reliability.md):
#
#   1. crash safety: `arkiv index` killed with SIGKILL at 20 moments (timed
#      over the run, right after a commit, while a commit is written); after
#      each kill the index opens and holds whole committed meetings only, a
#      re-run completes, and the end result has exactly the documents of a
#      clean reference index: nothing lost, nothing twice, agenda items counted the same;
#   2. two indexers: the second stops at once naming the first's pid, or
#      waits with --wait; a killed indexer's lock file blocks nothing;
#   3. disk full and read-only: a clear error, exit 1, the index keeps
#      what its last commit held, and a re-run after freeing space
#      completes (needs mount, i.e. root: skipped with a message otherwise);
#   4. readers during writes: CLI searches and HTTP requests to the real
#      FastCGI frontend while the indexer commits small batches: no failed
#      request, and every answer is a committed state.
#
# usage: tests/test_crash.sh ARKIV GEN_CORPUS
# Sizes: CRASH_DOCS (default 240) and READ_DOCS (default 900) generated
# minutes; CRASH_KILLS (default 20).
set -eu

ARKIV=$1
GEN=$2
CGI=$(dirname "$ARKIV")/web/arkiv.cgi
DOCS=${CRASH_DOCS:-240}
READ_DOCS=${READ_DOCS:-900}
KILLS=${CRASH_KILLS:-20}
BATCH=10

for tool in xapian-delve jq curl lighttpd; do
    command -v $tool >/dev/null || {
        echo "test_crash: $tool is missing" >&2
        exit 1
    }
done

W=$(mktemp -d /tmp/arkiv-crash.XXXXXX)
PIDS=""
MOUNTS=""
SERVE=""
cleanup() {
    # arkiv serve stops its lighttpd on SIGTERM.
    [ -z "$SERVE" ] || kill -TERM "$SERVE" 2>/dev/null || true
    for p in $PIDS; do
        kill -KILL "$p" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    for m in $MOUNTS; do
        umount "$m" 2>/dev/null || true
    done
    rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

fail() {
    echo "test_crash: FAIL: $*" >&2
    exit 1
}
say() {
    echo "test_crash: $*"
}
now_ms() {
    echo $(($(date +%s%N) / 1000000))
}

# The corpus: generated minutes and files that fail or are skipped.
mkdir -p "$W/corpus/broken" "$W/empty"
"$GEN" "$DOCS" "$W/corpus/generated" >/dev/null 2>&1
: >"$W/corpus/broken/tom.txt"
printf '%%PDF-1.4\nthis is not a pdf\n' >"$W/corpus/broken/skadet.pdf"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$W/corpus/broken/bilde.pdf"
head -c 3000 /dev/urandom >"$W/corpus/broken/stoy.bin"

# index DB [OPTIONS]: a complete run; exit 3 (some files failed) is expected.
index() {
    db=$1
    shift
    rc=0
    "$ARKIV" index -q --jobs 2 --batch $BATCH --db "$db" "$@" "$W/corpus" >"$W/index.out" 2>&1 ||
        rc=$?
    [ $rc -eq 0 ] || [ $rc -eq 3 ] || { cat "$W/index.out" >&2; fail "arkiv index $* exited $rc"; }
}

# ids DB OUT: the stable ids in DB, one per line, sorted, each with its
# number of documents; and OUT.parents: the parent terms' meeting ids with
# their number of items.
ids() {
    xapian-delve -1 -v -A Q "$1" | sed -n 's/^Q//p' | sort >"$2"
    xapian-delve -1 -v -A XP "$1" | sed -n 's/^XP//p' | sort >"$2.parents"
}

# check_state DB LABEL: DB opens and holds whole meetings of the reference
# (each with exactly its items), each id once, no orphan items, and as many
# documents as ids.
check_state() {
    db=$1
    label=$2
    "$ARKIV" stats --json --db "$db" >"$W/stats.json" 2>"$W/stats.err" ||
        { cat "$W/stats.err" >&2; fail "$label: arkiv stats cannot open the index"; }
    ids "$db" "$W/state"
    awk '$2 != 1 { print; bad = 1 } END { exit bad }' "$W/state" >&2 ||
        fail "$label: ids stored in more than one document"
    docs=$(jq .documents "$W/stats.json")
    n=$(wc -l <"$W/state")
    [ "$docs" -eq "$n" ] || fail "$label: $docs documents but $n ids"
    # The reference's documents of the meetings present must be exactly
    # what is there: an orphan item, a missing item or a stranger differs.
    awk '$1 !~ /:/ { print $1 }' "$W/state" >"$W/state.meetings"
    awk 'NR == FNR { m[$1] = 1; next } { split($1, p, ":") } p[1] in m' \
        "$W/state.meetings" "$W/ref" >"$W/want"
    cmp -s "$W/want" "$W/state" || {
        diff "$W/want" "$W/state" | head >&2
        fail "$label: not whole committed meetings"
    }
    awk 'NR == FNR { m[$1] = 1; next } $1 in m' "$W/state.meetings" "$W/ref.parents" \
        >"$W/want.parents"
    cmp -s "$W/want.parents" "$W/state.parents" || {
        diff "$W/want.parents" "$W/state.parents" | head >&2
        fail "$label: parent links differ"
    }
    MEETINGS=$(wc -l <"$W/state.meetings")
}

# check_final DB LABEL: exactly the reference.
check_final() {
    check_state "$1" "$2"
    cmp -s "$W/ref" "$W/state" || fail "$2: $(wc -l <"$W/state") ids, reference $(wc -l <"$W/ref")"
    for k in files failed meetings items; do
        [ "$(jq .$k "$W/stats.json")" = "$(jq .$k "$W/ref.json")" ] ||
            fail "$2: $k $(jq .$k "$W/stats.json"), reference $(jq .$k "$W/ref.json")"
    done
}

# ---------------------------------------------------------------- 1. crash
T0=$(now_ms)
index "$W/ref.db"
DUR=$(($(now_ms) - T0))
ids "$W/ref.db" "$W/ref"
"$ARKIV" stats --json --db "$W/ref.db" >"$W/ref.json"
[ "$(jq .meetings "$W/ref.json")" -eq "$DOCS" ] || fail "reference: not $DOCS meetings"
[ "$(jq .failed "$W/ref.json")" -ge 2 ] || fail "reference: the broken files did not fail"
[ "$(jq .items "$W/ref.json")" -gt 0 ] || fail "reference: no agenda items"
# Items live inside their meeting's document: no item documents, no
# parent links.
! grep -q ':' "$W/ref" || fail "reference: item documents"
[ ! -s "$W/ref.parents" ] || fail "reference: parent links"
say "reference: $DOCS files + 4 bad, $(wc -l <"$W/ref") documents, $DUR ms"

# version_of DB FILE: changes whenever Xapian writes FILE anew.
version_of() {
    stat -c '%i %s %y' "$1/$2" 2>/dev/null || echo none
}

# kill_when TRIGGER PID DB: SIGKILL PID when TRIGGER happens; "ms N" after
# N ms, "commit N" right after the N-th commit (Xapian renames a new
# iamglass into place last), "commit N+M" M ms after it (mid-batch),
# "writing N" as soon as the table files change after the N-th commit (the
# next commit is being written: within a transaction Xapian keeps changes
# in memory). Counting commits, not time, keeps the kills spread over the
# run however busy the machine is. KILLED=1 if PID was alive.
kill_when() {
    what=$1
    n=${2%+*}
    ms=0
    [ "$n" = "$2" ] || ms=${2#*+}
    pid=$3
    db=$4
    case $what in
    ms) ms=$n ;;
    *)
        seen=0
        last=$(version_of "$db" iamglass)
        while [ $seen -lt "$n" ] && kill -0 "$pid" 2>/dev/null; do
            v=$(version_of "$db" iamglass)
            [ "$v" = "$last" ] || seen=$((seen + 1))
            last=$v
        done
        if [ "$what" = writing ]; then
            last=$(version_of "$db" postlist.glass)
            while [ "$(version_of "$db" postlist.glass)" = "$last" ] && kill -0 "$pid" 2>/dev/null; do
                :
            done
        fi
        ;;
    esac
    [ "$ms" -eq 0 ] || sleep "$(echo "$ms" | awk '{ printf "%.3f", $1 / 1000 }')"
    KILLED=0
    if kill -KILL "$pid" 2>/dev/null; then
        KILLED=1
    fi
    wait "$pid" 2>/dev/null || true
}

KILLED_N=0
PARTIAL=0
i=0
while [ $i -lt "$KILLS" ]; do
    i=$((i + 1))
    # Odd trials start from nothing, even ones re-index (--rebuild) the
    # index the previous trial completed, replacing every document.
    if [ $((i % 2)) -eq 1 ]; then
        rm -rf "$W/crash.db"
        extra=""
    else
        extra=--rebuild
    fi
    # At start-up, then mid-batch after every other of the ~25 commits,
    # then right after a commit and while one is being written.
    case $i in
    1) trigger="ms 50" ;;
    15) trigger="commit 1" ;;
    16) trigger="commit 8" ;;
    17) trigger="commit 20" ;;
    18) trigger="writing 1" ;;
    19) trigger="writing 5" ;;
    20) trigger="writing 12" ;;
    *) trigger="commit $((1 + (i - 2) * 22 / 12))+$((i * 37 % 150))" ;;
    esac
    # shellcheck disable=SC2086
    "$ARKIV" index -q --jobs 2 --batch $BATCH --db "$W/crash.db" $extra "$W/corpus" \
        >"$W/killed.out" 2>&1 &
    pid=$!
    PIDS="$PIDS $pid"
    # shellcheck disable=SC2086
    kill_when $trigger "$pid" "$W/crash.db"
    KILLED_N=$((KILLED_N + KILLED))
    MEETINGS="no index yet: 0"
    if [ -d "$W/crash.db" ] && [ -f "$W/crash.db/iamglass" ]; then
        check_state "$W/crash.db" "kill $i ($trigger)"
        [ "$MEETINGS" -lt "$DOCS" ] && [ -z "$extra" ] && PARTIAL=$((PARTIAL + 1))
        [ -s "$W/crash.db/arkiv.lock" ] || fail "kill $i: no pid in the lock file"
    fi
    [ $KILLED = 1 ] && how=killed || how="had finished"
    say "  run $i ${extra:-(new index)} $trigger: $how, $MEETINGS meetings committed"
    # The dead indexer's lock file is there; it must not block.
    index "$W/crash.db"
    check_final "$W/crash.db" "re-run after kill $i ($trigger)"
done
# A kill while Xapian creates the index (run 1 hits it now and then)
# leaves tables without iamglass, which Xapian writes last; made by hand
# here as a kill left it, so it is tested every time.
rm -rf "$W/crash.db"
mkdir "$W/crash.db"
: >"$W/crash.db/postlist.glass"
: >"$W/crash.db/termlist.glass"
: >"$W/crash.db/flintlock"
printf 'x' >"$W/crash.db/v.tmp"
index "$W/crash.db"
check_final "$W/crash.db" "after a creation that never finished"
[ $KILLED_N -ge $((KILLS - 2)) ] || fail "only $KILLED_N of $KILLS runs were still running when killed"
[ "$KILLS" -lt 10 ] || [ $PARTIAL -ge 3 ] || fail "only $PARTIAL kills left a partial index: kills came too late"
say "crash: $KILLED_N of $KILLS runs killed ($PARTIAL mid-way from empty), every state whole," \
    "every re-run equal to the reference ($(($(now_ms) - T0)) ms)"

# ---------------------------------------------------------- 2. two indexers
T0=$(now_ms)
rm -rf "$W/two.db"
"$ARKIV" index -q --jobs 1 --batch 1 --db "$W/two.db" "$W/corpus" >"$W/first.out" 2>&1 &
first=$!
PIDS="$PIDS $first"
while ! [ -s "$W/two.db/arkiv.lock" ] && kill -0 $first 2>/dev/null; do
    sleep 0.01
done
# Stopped, the first indexer holds its lock for as long as this part
# needs, however fast indexing gets.
kill -STOP $first 2>/dev/null || fail "the first indexer ended before it could be held"
rc=0
"$ARKIV" index -q --db "$W/two.db" "$W/corpus" >"$W/second.out" 2>&1 || rc=$?
[ $rc -eq 1 ] || fail "a second indexer exited $rc, not 1"
grep -q "another indexer (pid $first) is updating $W/two.db" "$W/second.out" ||
    { cat "$W/second.out" >&2; fail "the second indexer did not name the first"; }
t=$(now_ms)
rc=0
"$ARKIV" index -q --wait 1 --db "$W/two.db" "$W/corpus" >"$W/second.out" 2>&1 || rc=$?
[ $rc -eq 1 ] && grep -q "(pid $first) is updating .*waited 1 s" "$W/second.out" ||
    { cat "$W/second.out" >&2; fail "--wait 1 did not give up after a second (exit $rc)"; }
[ $(($(now_ms) - t)) -ge 1000 ] || fail "--wait 1 gave up before a second"
kill -0 $first 2>/dev/null || fail "the first indexer ended too soon for the test"
kill -CONT $first
rc=0
"$ARKIV" index --json --wait 120 --jobs 2 --db "$W/two.db" "$W/corpus" >"$W/second.out" \
    2>"$W/second.err" || rc=$?
[ $rc -eq 0 ] || [ $rc -eq 3 ] || { cat "$W/second.err" >&2; fail "--wait 120 exited $rc"; }
# Had it not waited for the first to finish, it would have indexed files too.
[ "$(jq .indexed "$W/second.out")" -eq 0 ] ||
    { cat "$W/second.out" >&2; fail "--wait ran beside the first indexer"; }
wait $first || [ $? -eq 3 ] || fail "the first indexer failed"
check_final "$W/two.db" "two indexers"
# A dead indexer's lock: the file stays, with its pid, and blocks nothing.
"$ARKIV" index -q --rebuild --db "$W/two.db" "$W/corpus" >/dev/null 2>&1 &
pid=$!
sleep 0.3
kill -KILL $pid
wait $pid 2>/dev/null || true
[ "$(cat "$W/two.db/arkiv.lock")" = "$pid" ] || fail "the lock file does not hold the pid"
index "$W/two.db"
check_final "$W/two.db" "after a stale lock"
say "two indexers: refused naming the pid, --wait gives up and waits, stale lock ignored" \
    "($(($(now_ms) - T0)) ms)"

# ------------------------------------------------ 3. disk full, read-only
T0=$(now_ms)
mkdir -p "$W/small"
# A third of the finished index fits.
kb=$(du -sk "$W/ref.db" | cut -f1)
if mount -t tmpfs -o size=$((kb / 3))k tmpfs "$W/small" 2>/dev/null; then
    MOUNTS="$W/small"
    rc=0
    "$ARKIV" index -q --jobs 2 --batch $BATCH --db "$W/small/db" "$W/corpus" >"$W/full.out" 2>&1 ||
        rc=$?
    [ $rc -eq 1 ] || { cat "$W/full.out" >&2; fail "a full disk: exit $rc, not 1"; }
    grep -q "disk holding the index is full" "$W/full.out" &&
        grep -q "keeps what its last commit wrote" "$W/full.out" ||
        { cat "$W/full.out" >&2; fail "a full disk: no clear error"; }
    check_state "$W/small/db" "disk full"
    [ "$MEETINGS" -gt 0 ] && [ "$MEETINGS" -lt "$DOCS" ] ||
        fail "disk full: $MEETINGS meetings, expected some committed batches"
    full_meetings=$MEETINGS
    # Still full: fails again and loses nothing.
    rc=0
    "$ARKIV" index -q --jobs 2 --batch $BATCH --db "$W/small/db" "$W/corpus" >"$W/full.out" 2>&1 ||
        rc=$?
    [ $rc -eq 1 ] || fail "still full: exit $rc"
    check_state "$W/small/db" "disk still full"
    [ "$MEETINGS" -ge "$full_meetings" ] || fail "still full: lost meetings"
    mount -o remount,size=$((kb * 3 + 8192))k "$W/small"
    index "$W/small/db"
    check_final "$W/small/db" "after freeing space"
    say "disk full at $((kb / 3)) kB: exit 1 with a clear error, $full_meetings meetings kept," \
        "re-run after freeing space complete"
    # Read-only: a new file to index, and a file system that refuses.
    for f in "$W"/corpus/generated/*.txt; do
        sed 's/Sak /Sak 9/' "$f" >"$W/corpus/ny.txt"
        break
    done
    mount -o remount,ro "$W/small"
    rc=0
    "$ARKIV" index -q --db "$W/small/db" "$W/corpus" >"$W/ro.out" 2>&1 || rc=$?
    [ $rc -eq 1 ] || { cat "$W/ro.out" >&2; fail "read-only: exit $rc, not 1"; }
    grep -q "Read-only file system" "$W/ro.out" || { cat "$W/ro.out" >&2; fail "read-only: unclear error"; }
    check_final "$W/small/db" "read-only"
    "$ARKIV" search --json --db "$W/small/db" plan >/dev/null || fail "read-only: search fails"
    rm "$W/corpus/ny.txt"
    umount "$W/small"
    MOUNTS=""
    say "read-only file system: exit 1, \"$(head -1 "$W/ro.out")\", index unchanged" \
        "($(($(now_ms) - T0)) ms)"
else
    say "SKIPPED disk full and read-only: cannot mount a tmpfs (not root?)"
fi

# ------------------------------------------------- 4. readers during writes
T0=$(now_ms)
"$GEN" --seed 7 "$READ_DOCS" "$W/big" >/dev/null 2>&1
"$ARKIV" index -q --db "$W/live.db" "$W/empty" # an empty index to serve
"$ARKIV" serve --port 0 --db "$W/live.db" --cgi "$CGI" >"$W/serve.out" 2>&1 &
serve_pid=$!
SERVE=$serve_pid
URL=""
n=0
while [ -z "$URL" ] && [ $n -lt 100 ]; do
    URL=$(sed -n 's|^\(http://127.0.0.1:[0-9]*/\)$|\1|p' "$W/serve.out")
    sleep 0.05
    n=$((n + 1))
done
[ -n "$URL" ] || { cat "$W/serve.out" >&2; fail "arkiv serve printed no URL"; }
n=0
until curl -sf -o /dev/null "${URL}?format=json"; do
    n=$((n + 1))
    [ $n -lt 100 ] || fail "the web frontend does not answer"
    sleep 0.05
done
"$ARKIV" index -q --jobs 2 --batch 5 --db "$W/live.db" "$W/big" >"$W/live.out" 2>&1 &
writer=$!
PIDS="$PIDS $writer"

# consistent FILE LIMIT: the hits, total and year counts of one answer
# agree; prints the total, or "-" when the answer says it is an estimate
# (a big match is not counted to the end: answer/search.c).
consistent() {
    jq -er --argjson limit "$2" '(.total_exact != false) as $exact |
        if (.results | length) != (if $exact then [.total, $limit] | min else $limit end)
        then error("hits") elif $exact and .facets_exact != false and
            ([.facets.year[]?] | add // 0) != .total then error("years")
        elif $exact then .total else "-" end' "$1"
}

# A loop of requests while the writer runs; writes its count and last total.
reader() {
    kind=$1
    last=0
    count=0
    seen=0
    last_m=0
    seen_m=0
    while kill -0 $writer 2>/dev/null; do
        if [ "$kind" = cli ]; then
            "$ARKIV" search --json -n 300 --db "$W/live.db" "" >"$W/r.$kind" 2>"$W/r.$kind.err" ||
                { cat "$W/r.$kind.err" >&2; fail "search $count exited non-zero"; }
            limit=300
            # stats counts exactly however big the index: documents are
            # its meetings, and meetings only grow.
            "$ARKIV" stats --json --db "$W/live.db" >"$W/s.json" 2>"$W/r.$kind.err" ||
                { cat "$W/r.$kind.err" >&2; fail "stats $count exited non-zero"; }
            m=$(jq -e 'if .documents == .meetings then .meetings else error("counts")
                end' "$W/s.json") || fail "stats $count is not a committed state"
            [ "$m" -ge "$last_m" ] || fail "stats $count: meetings went from $last_m to $m"
            [ "$m" -eq "$last_m" ] || seen_m=$((seen_m + 1))
            last_m=$m
        else
            code=$(curl -s -o "$W/r.$kind" -w '%{http_code}' "${URL}search?q=&format=json&limit=50")
            [ "$code" = 200 ] || { cat "$W/r.$kind" >&2; fail "HTTP request $count: $code"; }
            limit=50
        fi
        total=$(consistent "$W/r.$kind" $limit) ||
            fail "$kind answer $count is not a committed state"
        if [ "$total" != - ]; then
            [ "$total" -ge "$last" ] || fail "$kind answer $count: total went from $last to $total"
            [ "$total" -eq "$last" ] || seen=$((seen + 1))
            last=$total
        fi
        count=$((count + 1))
    done
    echo "$count $seen $seen_m" >"$W/count.$kind"
}
reader cli &
cli_pid=$!
reader http &
http_pid=$!
wait $cli_pid || fail "the CLI reader failed"
wait $http_pid || fail "the HTTP reader failed"
wait $writer || [ $? -eq 3 ] || { cat "$W/live.out" >&2; fail "the indexer under readers failed"; }
kill -TERM $serve_pid
wait $serve_pid || true
SERVE=""
read -r cli_n cli_seen stats_seen <"$W/count.cli"
read -r http_n http_seen _ <"$W/count.http"
[ "$cli_n" -ge 20 ] && [ "$http_n" -ge 20 ] ||
    fail "too few requests while indexing: $cli_n CLI, $http_n HTTP"
[ "$cli_seen" -ge 3 ] && [ "$http_seen" -ge 3 ] && [ "$stats_seen" -ge 10 ] ||
    fail "the readers saw the index grow only $cli_seen, $http_seen and $stats_seen times"
final=$("$ARKIV" search --json -n 1 --db "$W/live.db" "" | jq .total)
[ "$final" -eq "$READ_DOCS" ] || fail "after the readers: $final meetings, not $READ_DOCS"
say "readers during writes: $cli_n CLI searches and stats, $http_n HTTP requests while" \
    "indexing $READ_DOCS files in batches of 5, all answered, exact totals non-decreasing," \
    "seen growing $cli_seen (search), $stats_seen (stats), $http_seen (HTTP) times" \
    "($(($(now_ms) - T0)) ms)"
