#!/bin/sh
# tests/test_readonly.sh — an index its user may read but not write
# (chmod -w; docs/reliability.md, "Disk full and read-only").
#
# usage: tests/test_readonly.sh ARKIV SAMPLES_DIR DATA_DIR
#
# An index of SAMPLES_DIR/text is copied twice and the copies made
# read-only by permission: folder and files (chmod -R a-w), and the files
# alone in a writable folder. Against each, as a user who owns the copy
# but lacks write permission:
#  - arkiv search and arkiv stats answer as they do on the writable index;
#  - arkiv index with a new file to add exits 1 with an error naming the
#    index and "Permission denied", and the copy's files are byte for
#    byte what they were;
#  - once write permission is given back, the same arkiv index succeeds
#    and finds the new file (so it failed for the permission alone).
# Root ignores permissions: as root, the commands run as nobody (uid and
# gid 65534, setpriv) on copies that nobody owns. The binary and the data
# files are copied into the temporary folder, which everyone may reach,
# so a checkout in a private home folder does not matter.
set -eu

ARKIV=$1
SAMPLES=$2
DATA=$3
NOBODY=65534

fail() {
    echo "test_readonly: FAIL: $*" >&2
    exit 1
}

W=$(mktemp -d /tmp/arkiv-readonly.XXXXXX)
cleanup() {
    chmod -R u+w "$W" 2>/dev/null || true
    rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

if [ "$(id -u)" -eq 0 ]; then
    command -v setpriv >/dev/null || fail "running as root and setpriv (util-linux) is missing"
    # as_user CMD...: CMD as nobody, from a folder nobody may enter.
    as_user() { (cd "$W" && setpriv --reuid=$NOBODY --regid=$NOBODY --clear-groups "$@"); }
    own() { chown -R $NOBODY:$NOBODY "$1"; }
    WHO="nobody (run as root)"
else
    as_user() { (cd "$W" && "$@"); }
    own() { :; }
    WHO="$(id -un)"
fi

# mktemp -d makes a 0700 folder: the user must get in.
chmod 755 "$W"
mkdir "$W/bin"
cp "$ARKIV" "$W/bin/arkiv"
cp -r "$DATA" "$W/data"
cp -r "$SAMPLES/text" "$W/corpus"
chmod -R a+rX "$W/bin" "$W/data" "$W/corpus"
A=$W/bin/arkiv
ARKIV_DATA=$W/data
export ARKIV_DATA

"$A" index -q --db "$W/db" "$W/corpus" || fail "indexing the samples failed"
"$A" search --json --db "$W/db" HARMONI >"$W/search.ref" || fail "search on the writable index"
"$A" stats --json --db "$W/db" >"$W/stats.ref" || fail "stats on the writable index"
grep -q '"total" : [1-9]' "$W/search.ref" || fail "the reference search found nothing"
# A new file for the index runs to add; its word is in no sample.
sed 's/HARMONI/SKRIVEVERN/g' "$W/corpus/fls-2025-04-24-referat.txt" >"$W/new.txt"
grep -q SKRIVEVERN "$W/new.txt" || fail "the new file does not hold its word"

# snapshot DB: every name and every file's hash in DB.
snapshot() {
    (cd "$1" && find . -print | sort && find . -type f -exec sha256sum {} + | sort)
}

# check NAME DB: DB is read-only to the user (made by the caller).
check() {
    name=$1
    db=$2
    as_user "$A" search --json --db "$db" HARMONI >"$W/$name.search" ||
        fail "$name: search failed"
    cmp -s "$W/search.ref" "$W/$name.search" || fail "$name: search answers differently"
    as_user "$A" stats --json --db "$db" >"$W/$name.stats" || fail "$name: stats failed"
    cmp -s "$W/stats.ref" "$W/$name.stats" || fail "$name: stats answers differently"

    snapshot "$db" >"$W/$name.before"
    cp "$W/new.txt" "$W/corpus/new.txt"
    chmod a+r "$W/corpus/new.txt"
    rc=0
    as_user "$A" index --db "$db" "$W/corpus" >"$W/$name.out" 2>"$W/$name.err" || rc=$?
    [ $rc -eq 1 ] || { cat "$W/$name.err" >&2; fail "$name: arkiv index exited $rc, not 1"; }
    if ! grep -qF "$db" "$W/$name.err" || ! grep -q "Permission denied" "$W/$name.err"; then
        cat "$W/$name.err" >&2
        fail "$name: the error does not name the index and the cause"
    fi
    snapshot "$db" >"$W/$name.after"
    cmp -s "$W/$name.before" "$W/$name.after" ||
        { diff "$W/$name.before" "$W/$name.after" >&2; fail "$name: the index changed"; }
    echo "test_readonly: $name: \"$(head -1 "$W/$name.err")\", exit 1, index unchanged"

    # The control: with write permission the same run adds the file.
    chmod -R u+w "$db"
    as_user "$A" index -q --db "$db" "$W/corpus" || fail "$name: writable again, index failed"
    [ "$(as_user "$A" search --json --db "$db" SKRIVEVERN | grep -c '"total" : 1,')" -eq 1 ] ||
        fail "$name: writable again, the new file is not found"
    rm "$W/corpus/new.txt"
}

cp -r "$W/db" "$W/ro.db"
own "$W/ro.db"
chmod -R a-w "$W/ro.db"
check "folder and files read-only" "$W/ro.db"

cp -r "$W/db" "$W/rofiles.db"
own "$W/rofiles.db"
chmod a-w "$W/rofiles.db"/*
check "files read-only, folder writable" "$W/rofiles.db"

echo "test_readonly: ok (as $WHO)"
