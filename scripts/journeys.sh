#!/usr/bin/env bash
# The mini-program journey tests: builds the TypeScript client (miniprogram-contract/client), checks its generated
# types against openapi.json, starts a live stack of its own (the WeChat sandbox and the API in role `all` on a fresh
# database miniapp_test_journeys, on the test MariaDB and Redis), and runs miniprogram-contract/tests with Node's test
# runner against it. Called by scripts/test.sh after the build (it expects the test services to run and the Debug
# build to exist); runs on its own as well.
# Writes the runner's TAP output to .local/test/journeys/tap.log; its "# pass N" / "# fail N" lines are the totals.
# Overrides: JOURNEYS_API_PORT (18080), JOURNEYS_SANDBOX_PORT (18081), JOURNEYS_TIMEOUT (seconds for the runner, 300).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
api_port="${JOURNEYS_API_PORT:-18080}"
sandbox_port="${JOURNEYS_SANDBOX_PORT:-18081}"
state="$root/.local/test/journeys"
mkdir -p "$state"
tap="$state/tap.log"
: >"$tap"

log() { echo "[journeys] $*" >&2; }
fail() { log "$*"; echo "# pass 0" >>"$tap"; echo "# fail 1" >>"$tap"; exit 1; }

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || fail "Node.js 20+ and npm are needed on the PATH"
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || fail "Node.js 20+ is needed (found $(node --version))"

client="$root/miniprogram-contract/client"
log "npm ci, generated types check, tsc --strict"
(cd "$client" && npm ci --no-audit --no-fund --loglevel=error >"$state/npm.log" 2>&1) || { cat "$state/npm.log" >&2; fail "npm ci failed"; }
(cd "$client" && npm run --silent check-generated) || fail "the generated types are stale"
(cd "$client" && npm run --silent build) || fail "the client does not compile"

scripts/services.sh start test
eval "$(scripts/services.sh env test)"
db="miniapp_test_journeys"
mysql_conn="${ConnectionStrings__MySql/Database=miniapp_test;/Database=$db;}"
mysql_port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$mysql_conn")"
mariadb --no-defaults -h127.0.0.1 -P"$mysql_port" -uminiapp -p"${MYSQL_APP_PASSWORD:-miniapp-local}" \
  -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" \
  || fail "cannot recreate database $db"
redis_port="${ConnectionStrings__Redis##*:}"
redis_prefix="miniapp-journeys:"
redis-cli -h 127.0.0.1 -p "$redis_port" --scan --pattern "${redis_prefix}*" | xargs -r redis-cli -h 127.0.0.1 -p "$redis_port" del >/dev/null

export ConnectionStrings__MySql="$mysql_conn"
export Redis__InstanceName="$redis_prefix"
export Auth__SigningKey="$(head -c 48 /dev/urandom | base64 -w0)"
export Privacy__ActiveKeyId=k1
export Privacy__Keys__k1="$(head -c 32 /dev/urandom | base64 -w0)"
export Privacy__LookupKey="$(head -c 32 /dev/urandom | base64 -w0)"
export WeChat__BaseUrl="http://127.0.0.1:$sandbox_port"
export WeChat__AppId=wxsandbox00000001 WeChat__AppSecret=sandbox-secret-0001
export Sandbox__AppId="$WeChat__AppId" Sandbox__AppSecret="$WeChat__AppSecret"
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export Logging__Console__FormatterName=simple

api_dir="$root/src/MiniApp.Api/bin/Debug/net10.0"
sandbox_dll="$root/src/MiniApp.WeChat.Sandbox/bin/Debug/net10.0/MiniApp.WeChat.Sandbox.dll"
[ -f "$api_dir/MiniApp.Api.dll" ] && [ -f "$sandbox_dll" ] || fail "build the solution first (dotnet build MiniApp.Backend.sln)"

pids=()
stop_apps() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done; }
trap stop_apps EXIT
trap 'exit 130' INT TERM

for port in "$api_port" "$sandbox_port"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then fail "port $port is in use (set JOURNEYS_API_PORT / JOURNEYS_SANDBOX_PORT)"; fi
done

source "$root/scripts/lib/stack.sh"
stack_start "$api_dir" "$sandbox_dll" "$state" "$api_port" "$sandbox_port" 120 || fail "$stack_error"

log "running the journeys against http://127.0.0.1:$api_port"
status=0
MINIAPP_API_URL="http://127.0.0.1:$api_port" MINIAPP_SANDBOX_URL="http://127.0.0.1:$sandbox_port" \
  timeout "${JOURNEYS_TIMEOUT:-300}" node --test --test-reporter=tap --test-concurrency=8 \
  "$root"/miniprogram-contract/tests/*.test.mjs >"$tap" 2>&1 || status=$?
grep -vE '^\s*(duration_ms|\.\.\.|---)' "$tap" | grep -E '^(not )?ok |^# (tests|pass|fail|skipped|cancelled)|^\s+(error|not ok)' >&2 || true
if [ "$status" -eq 124 ]; then
  log "the journeys did not finish in ${JOURNEYS_TIMEOUT:-300} s"
  grep -q '^# fail' "$tap" || echo "# fail 1" >>"$tap"
fi
[ "$status" -ne 0 ] && log "failures: see $tap, $state/api.log and $state/sandbox.log"
exit "$status"
