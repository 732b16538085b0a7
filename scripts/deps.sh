#!/bin/sh
# Make sure the Debian packages arkiv builds and tests with are installed.
# As root with apt-get: install what is missing (after apt-get update).
# Otherwise: print the exact apt-get line and stop, so nobody is left
# guessing why the build failed.
set -u

PACKAGES="make gcc g++ pkg-config libxapian-dev libglib2.0-dev libjson-glib-dev \
libpoppler-glib-dev libmagic-dev libmagic-mgc check qpdf libcairo2-dev fonts-dejavu-core \
python3 python3-cairo lighttpd libfcgi-dev chromium curl \
xapian-tools xapian-omega poppler-utils wrk time"

# `make fuzz` (fuzz/): clang with libFuzzer and the sanitizer runtimes,
# which Debian ships in libclang-rt-dev (clang only recommends it).
PACKAGES="$PACKAGES clang libclang-rt-dev"

# The browser test runs playwright-core with Node 20 or later. Machines
# that already have node and npm (often from NodeSource, whose nodejs
# package bundles npm and conflicts with Debian's npm) keep theirs;
# otherwise Debian's nodejs and npm are installed.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    PACKAGES="$PACKAGES nodejs npm"
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "arkiv: installing missing Debian packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q || { echo "arkiv: apt-get update failed" >&2; exit 1; }
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing ||
        { echo "arkiv: apt-get install failed" >&2; exit 1; }
    exit 0
fi

echo "arkiv: missing Debian packages:$missing" >&2
echo "arkiv: install them with:" >&2
echo "    sudo apt-get install$missing" >&2
exit 1
