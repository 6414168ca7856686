#!/usr/bin/env bash
# Runs every test. Starts (or reuses) private MariaDB (127.0.0.1:3317) and Redis (127.0.0.1:6390) under .local/test,
# never the dev servers or data, so it works while scripts/dev.sh runs. Integration tests make their own database per
# run and drop it afterwards. Then scripts/journeys.sh builds the mini-program client (miniprogram-contract/client),
# checks its generated types and runs the journey tests against a live API and WeChat sandbox of its own (ports 18080
# and 18081, database miniapp_test_journeys; JOURNEYS_API_PORT / JOURNEYS_SANDBOX_PORT); Node.js 20+ and npm are needed.
# Ends with one line: "N passed, N failed, N skipped" over every test project and the journeys. Exits non-zero on any
# failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed (dotnet on PATH); see README.md." >&2; exit 1; }

scripts/services.sh start test
eval "$(scripts/services.sh env test)"
export MINIAPP_TEST_MYSQL="$ConnectionStrings__MySql"
export MINIAPP_TEST_REDIS="$ConnectionStrings__Redis"

log="$root/.local/test/test-run.log"
mkdir -p "$(dirname "$log")"

echo "[test] building"
dotnet build MiniApp.Backend.sln -c Debug -nologo -v quiet -clp:ErrorsOnly

status=0
dotnet test MiniApp.Backend.sln -c Debug --no-build -nologo --blame-hang-timeout 5m \
  --results-directory "$root/.local/test/results" 2>&1 | tee "$log" || status=$?

# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12").
read -r passed failed skipped projects < <(grep -E '^(Passed|Failed)!' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6; n++ } END { printf "%d %d %d %d\n", p, f, s, n }')
expected=$(find tests -name '*.csproj' | wc -l)
if [ "$projects" -lt "$expected" ]; then
  echo "[test] only $projects of $expected test projects reported a result" >&2
  status=1
  [ "$failed" -eq 0 ] && failed=$((expected - projects))
fi

# The house style (.editorconfig): whitespace, import order, file-scoped namespaces. It compiles the solution on its
# own, so it runs beside the journeys, which mostly wait on the network.
format_log="$root/.local/test/format.log"
dotnet format MiniApp.Backend.sln --verify-no-changes --no-restore -v q >"$format_log" 2>&1 &
format_pid=$!

# The mini-program journeys (Node's test runner; its TAP summary has "# pass N", "# fail N", "# cancelled N", "# skipped N").
journeys_status=0
scripts/journeys.sh || journeys_status=$?
tap="$root/.local/test/journeys/tap.log"
j_passed=$(grep -E '^# pass [0-9]+' "$tap" 2>/dev/null | tail -n 1 | awk '{print $3}' || true)
j_failed=$(grep -E '^# (fail|cancelled) [0-9]+' "$tap" 2>/dev/null | awk '{ n += $3 } END { print n + 0 }' || true)
j_skipped=$(grep -E '^# (skipped|todo) [0-9]+' "$tap" 2>/dev/null | awk '{ n += $3 } END { print n + 0 }' || true)
j_passed=${j_passed:-0}; j_failed=${j_failed:-0}; j_skipped=${j_skipped:-0}
if [ "$journeys_status" -ne 0 ] && [ "$j_failed" -eq 0 ]; then
  echo "[test] the journeys failed without a test result (exit $journeys_status)" >&2
  j_failed=1
fi
format_failed=0
if ! wait "$format_pid"; then
  echo "[test] dotnet format --verify-no-changes found code off the house style (run: dotnet format MiniApp.Backend.sln):" >&2
  head -n 40 "$format_log" >&2
  format_failed=1
fi
j_failed=$((j_failed + format_failed))
passed=$((passed + j_passed)); failed=$((failed + j_failed)); skipped=$((skipped + j_skipped))

[ "$failed" -gt 0 ] && status=1

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
