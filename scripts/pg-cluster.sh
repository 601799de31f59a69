#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: scripts/pg-cluster.sh start|stop|url
#
# start  initdb a cluster in a temporary folder, start it on 127.0.0.1:$PGPORT (55432),
#        and print its URL (postgresql+psycopg://cobranza@127.0.0.1:55432/postgres).
# stop   stop it and remove the folder.
# url    print the URL of the running cluster.
#
# PostgreSQL refuses to run as root: as root the cluster belongs to the user
# "cobranza-ci" (created when missing). Trust authentication on 127.0.0.1 only: the
# cluster lives as long as a test run and holds nothing but test books.
set -euo pipefail
action="${1:-start}"
port="${PGPORT:-55432}"
state="${COBRANZA_PG_STATE:-${TMPDIR:-/tmp}/cobranza-pg-$port}"
url="postgresql+psycopg://cobranza@127.0.0.1:$port/postgres"

bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bindir="$candidate"
done
if [ -z "$bindir" ]; then
  echo "PostgreSQL server not found: install the Debian package postgresql (scripts/system-deps.sh test)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u cobranza-ci -- "$@"
  else
    "$@"
  fi
}

case "$action" in
  start)
    if [ "$(id -u)" -eq 0 ] && ! id cobranza-ci >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin cobranza-ci
    fi
    if [ -f "$state/data/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$state/data" status >/dev/null 2>&1; then
      echo "$url"
      exit 0
    fi
    rm -rf "$state"
    mkdir -p "$state"
    [ "$(id -u)" -eq 0 ] && chown cobranza-ci "$state"
    as_owner "$bindir/initdb" -D "$state/data" -U cobranza -A trust -E UTF8 --locale=C.UTF-8 \
      --no-sync >"$state/initdb.log" 2>&1 || { cat "$state/initdb.log" >&2; exit 1; }
    # Fast and disposable: no fsync, sockets in the state folder, enough connections
    # for the concurrency tests.
    as_owner "$bindir/pg_ctl" -D "$state/data" -l "$state/server.log" -w -s \
      -o "-p $port -k $state -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
      start || { cat "$state/server.log" >&2; exit 1; }
    echo "$url"
    ;;
  stop)
    if [ -d "$state/data" ]; then
      as_owner "$bindir/pg_ctl" -D "$state/data" -m fast -w -s stop || true
    fi
    rm -rf "$state"
    ;;
  url)
    echo "$url"
    ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
