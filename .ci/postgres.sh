#!/usr/bin/env bash
# Sourced: starts a throwaway PostgreSQL 15 on a free loopback port and exports
# DATABASE_URL. Installs the server from Debian's packages when it is missing. The
# server refuses to run as root, so the cluster belongs to the `postgres` OS user.
# Call pg_stop (or rely on the EXIT trap set by the caller) to remove it.
pg_bin=""
for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  [ -x "$d/initdb" ] && pg_bin="$d" && break
done
if [ -z "$pg_bin" ]; then
  echo "postgres: installing PostgreSQL from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && pg_bin="$d" && break
  done
fi
[ -n "$pg_bin" ] || { echo "postgres: no initdb found after install" >&2; return 1; }

pg_run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

pg_dir=$(mktemp -d -t wenming-pg.XXXXXX)
chmod 755 "$pg_dir"
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
pg_port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
pg_run "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null"
pg_run "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/log' -w -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >/dev/null" || {
  cat "$pg_dir/log" >&2
  return 1
}
pg_run "'$pg_bin/psql' -h 127.0.0.1 -p $pg_port -U postgres -qc 'create database wenming_test'" >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/wenming_test"
export PG_BIN="$pg_bin"
echo "postgres: $("$pg_bin/postgres" --version) on port $pg_port" >&2

pg_stop() {
  [ -n "${pg_dir:-}" ] && [ -d "$pg_dir" ] || return 0
  pg_run "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop >/dev/null 2>&1" || true
  rm -rf "$pg_dir"
}
