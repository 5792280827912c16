#!/usr/bin/env bash
# The one test command (README, CI). Installs what the tests need when missing, starts a throwaway PostgreSQL
# on a free local port as a non-root user, runs every test project, stops the server, and prints as its last
# line `tests: N passed, N failed` counted from the test results (TRX files).
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { printf '[test.sh] %s\n' "$*" >&2; }

need_packages=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_packages+=(postgresql)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
if [ ${#need_packages[@]} -gt 0 ]; then
  log "installing ${need_packages[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_packages[@]}" >/dev/null \
    || log "could not install ${need_packages[*]}; tests that need them will fail"
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi

# --- PostgreSQL: a private cluster in a temp folder, owned by a non-root user (initdb refuses root) ---
pg_dir=$(mktemp -d /tmp/sc-pg.XXXXXX)
pg_user=$(id -un)
run_pg() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  pg_user=postgres
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$pg_dir"
  run_pg() { su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; }
fi
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
pg_started=0
stop_pg() {
  if [ "$pg_started" -eq 1 ]; then run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; fi
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
if [ -n "$pg_bin" ] && run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" --auth=trust -E UTF8 >"$pg_dir/initdb.log" 2>&1; then
  if run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
       -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" start >/dev/null 2>&1; then
    pg_started=1
    export SC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=postgres;Pooling=true;Maximum Pool Size=50"
    log "PostgreSQL on 127.0.0.1:$pg_port"
  else
    log "PostgreSQL did not start:"; cat "$pg_dir/server.log" >&2
  fi
else
  log "PostgreSQL could not be initialised; PostgreSQL tests will fail under CI"
fi

# --- build once, then run each test project ---
results="$root/TestResults"
rm -rf "$results"; mkdir -p "$results"
if ! dotnet build "$root/SocialCommerce.sln" -c Release -nologo -v quiet; then
  log "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi
status=0
for project in "$root"/tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  log "running $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=900000 || status=1
done

read -r passed failed < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(passed, failed)
PY
)
passed=${passed:-0}; failed=${failed:-0}
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # a project that crashed before writing results
stop_pg; trap - EXIT
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
