#!/bin/sh
# Serve an arkiv index with lighttpd and arkiv.cgi (FastCGI, plus plain
# CGI under /cgi/), in the foreground until interrupted: `arkiv serve`
# with positional arguments, for scripts (bench/web-latency).
#
#   web/serve.sh CGI DB STATE PORT
#
# CGI is arkiv.cgi, DB the index, STATE a folder (created) under which
# arkiv serve makes its run folder (configuration, socket, logs), PORT a
# port on 127.0.0.1. The data files are $ARKIV_DATA, else data/ of this
# tree. The arkiv binary is $ARKIV, else the one of the CGI's build
# folder (BUILD/web/arkiv.cgi: BUILD/arkiv).
#
# Only arkiv serve fills in web/lighttpd.conf.in (search/serveconf.c,
# which the web tests use too), so every server runs the same
# configuration.
set -eu
[ $# -eq 4 ] || { echo "usage: $0 CGI DB STATE PORT" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
cgi=$(abs "$1"); db=$(abs "$2"); state=$(abs "$3"); port=$4
data=$(abs "${ARKIV_DATA:-$here/../data}")
arkiv=${ARKIV:-$(dirname "$(dirname "$cgi")")/arkiv}

case $port in *[!0-9]*|'') echo "serve.sh: bad port '$port'" >&2; exit 2 ;; esac
[ -x "$arkiv" ] || { echo "serve.sh: no arkiv binary at $arkiv (set ARKIV)" >&2; exit 2; }

mkdir -p "$state"
XDG_RUNTIME_DIR=$state
export XDG_RUNTIME_DIR
exec "$arkiv" serve --cgi "$cgi" --db "$db" --port "$port" --data "$data"
