#!/bin/sh
# Serve an arkiv index with lighttpd and arkiv.cgi (FastCGI, plus plain
# CGI under /cgi/), in the foreground until interrupted.
#
#   web/serve.sh CGI DB STATE PORT
#
# CGI is arkiv.cgi, DB the index, STATE a folder for the generated
# configuration, socket and logs (created), PORT a free port on
# 127.0.0.1. The data files are $ARKIV_DATA, else data/ of this tree.
# Used by `make demo` and by the web tests, so both run the
# configuration in web/lighttpd.conf.in.
set -eu
[ $# -eq 4 ] || { echo "usage: $0 CGI DB STATE PORT" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
cgi=$(abs "$1"); db=$(abs "$2"); state=$(abs "$3"); port=$4
data=$(abs "${ARKIV_DATA:-$here/../data}")

case $port in *[!0-9]*|'') echo "serve.sh: bad port '$port'" >&2; exit 2 ;; esac
for p in "$cgi" "$db" "$state" "$here" "$data"; do
    case $p in *[\"\\@|]*) echo "serve.sh: unsupported character in $p" >&2; exit 2 ;; esac
done

mkdir -p "$state/docroot" "$state/cgi"
ln -sf "$cgi" "$state/cgi/arkiv.cgi"
sed -e "s|@PORT@|$port|g" -e "s|@STATE@|$state|g" -e "s|@CGI@|$cgi|g" \
    -e "s|@DB@|$db|g" -e "s|@STATIC@|$here/static|g" -e "s|@DATA@|$data|g" \
    "$here/lighttpd.conf.in" > "$state/lighttpd.conf"
lighttpd -tt -f "$state/lighttpd.conf" >/dev/null
exec lighttpd -D -f "$state/lighttpd.conf"
