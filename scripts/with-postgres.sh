#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: a private cluster in a temp folder, owned by a non-root
# user (initdb refuses root), on a free port of 127.0.0.1. The command sees its connection string in
# SC_TEST_POSTGRES; the server and its files are gone when the command ends. Installs Debian's postgresql
# when it is missing. If the server cannot start, the command still runs, without SC_TEST_POSTGRES.
#   scripts/with-postgres.sh dotnet run -c Release --project tests/SocialCommerce.Bench -- cluster
set -uo pipefail

log() { printf '[with-postgres] %s\n' "$*" >&2; }

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
pg_bin=$(find_pg_bin)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  log "installing postgresql"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql; } >/dev/null 2>&1 \
    || log "could not install postgresql"
  pg_bin=$(find_pg_bin)
fi

pg_dir=$(mktemp -d /tmp/sc-pg.XXXXXX)
pg_user=$(id -un)
as_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  pg_user=postgres
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
  as_pg() { su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; }
fi
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
started=0
cleanup() {
  [ "$started" -eq 1 ] && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$pg_dir"
}
trap cleanup EXIT

if [ -n "$pg_bin" ] && as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" --auth=trust -E UTF8 >"$pg_dir/initdb.log" 2>&1 \
   && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" start >/dev/null 2>&1; then
  started=1
  export SC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=postgres;Maximum Pool Size=50"
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
else
  log "PostgreSQL did not start; PostgreSQL tests fail under CI=true"
  cat "$pg_dir"/*.log >&2 2>/dev/null
fi

"$@"
