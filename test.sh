#!/usr/bin/env bash
# The one test command (README, CI): installs what the tests need when missing (Debian's postgresql and
# chromium), runs every test project against a throwaway PostgreSQL (scripts/with-postgres.sh), and prints as
# its last line `tests: N passed, N failed`, counted from the test results (TRX files).
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

if [ ! -x /usr/bin/chromium ]; then
  echo "[test.sh] installing chromium" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium; } >/dev/null 2>&1 \
    || echo "[test.sh] could not install chromium; browser tests fail under CI=true" >&2
fi

results="$root/TestResults"
rm -rf "$results"; mkdir -p "$results"

run_all() {
  if ! dotnet build "$root/SocialCommerce.sln" -c Release -nologo -v quiet; then
    echo "[test.sh] build failed" >&2
    return 2
  fi
  local status=0
  for project in "$root"/tests/*.Tests/*.csproj; do
    local name; name=$(basename "$project" .csproj)
    echo "[test.sh] running $name" >&2
    dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
      || status=1
  done
  return $status
}
export -f run_all
export root results
scripts/with-postgres.sh bash -c run_all
status=$?

read -r passed failed < <(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += sum(int(counters.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
print(passed, failed)
PY
)
passed=${passed:-0}; failed=${failed:-0}
# A build failure or a test host that crashed before writing its results still counts as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
