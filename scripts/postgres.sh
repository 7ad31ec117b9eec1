#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL cluster for the tests, on a loopback
# port with trust authentication. Prints the connection string on start.
#   scripts/postgres.sh start <dir> [port]
#   scripts/postgres.sh stop <dir>
set -euo pipefail

action="$1"
dir="$2"
port="${3:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && su postgres -s /bin/sh -c "$*"); else sh -c "$*"; fi
}

case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_postgres "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 >'$dir/initdb.log'"
    fi
    # fsync off: a test cluster trades durability for speed.
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start >/dev/null"
    echo "postgresql://postgres@127.0.0.1:$port"
    ;;
  stop)
    [ -f "$dir/data/postmaster.pid" ] && as_postgres "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true
    ;;
  *)
    echo "usage: $0 start|stop <dir> [port]" >&2
    exit 2
    ;;
esac
