#!/usr/bin/env bash
# Outage drills (not part of the test run):
#   scripts/drills.sh db       20 clients submitting while MariaDB is shut down for 10 s
#   scripts/drills.sh redis    20 clients submitting while Redis is shut down for 15 s; /hangfire, the dashboard link and
#                              /health/ready probed all along
#   scripts/drills.sh wechat   the reviewer approves 40 applications while WeChat's subscribe send fails (-1, 502,
#                              45011, timeouts); the dispatcher is triggered until the outbox drains; every worker must
#                              get exactly one result message
#
# Runs a stack of its own: the `drills` servers of scripts/services.sh (MariaDB 127.0.0.1:3327, Redis 6400, data under
# .local/drills; the drill shuts them down, never the dev or test servers), a fresh database miniapp_drills with the
# demo data (`seed-demo`), the WeChat sandbox and the API (Release, role all) on loopback ports of their own. The
# clients run in one Node process, each driving the compiled mini-program client (miniprogram-contract/client/dist)
# through the journeys' wx shim, so the retries measured are the ones the mini-program ships: each client logs in a new worker,
# binds a phone, submits with an Idempotency-Key and, on an error without a refusal, submits again with the same key
# (the client's stored key, as a user tapping again) until a deadline. scripts/drills/ holds the Node side.
# Each drill prints acknowledged / stored / lost (counted with the mariadb client against the 201 answers), answers by
# status and problem code, 5xx other than 503, time to recover (the drill's own monotonic clock: wall time), and for
# wechat the messages the sandbox received per application; the last line is PASS or FAIL (exit code 1): PASS needs
# 0 lost, 0 answers 5xx other than 503 and, for wechat, exactly one message per approved application.
# Stops everything it started at the end; the servers stay stopped. Logs: .local/drills/ (api.log, sandbox.log,
# seed.log, drill-<name>.log with the report).
# Settings: DRILLS_API_PORT (18390), DRILLS_SANDBOX_PORT (18391), DRILLS_MYSQL_PORT (3327), DRILLS_REDIS_PORT (6400),
# DRILL_CLIENTS (20), DRILL_LEAD_SECONDS (5, load before the outage), DRILL_DOWN_SECONDS (10 db, 15 redis),
# DRILL_AFTER_SECONDS (20, load after the server is back), DRILL_THINK_MS (300, a user's pause between steps),
# DRILL_FORM_MS (2000, filling in the form before submitting); pauses vary from half to one and a half times these.
# Installs MariaDB and Redis (through scripts/services.sh) and Node's client dependencies (npm ci) when missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
drill="${1:-}"
case "$drill" in
  db | redis | wechat) ;;
  *) echo "usage: scripts/drills.sh db|redis|wechat" >&2; exit 2 ;;
esac
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed (dotnet on PATH)." >&2; exit 1; }
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { echo "Node.js 20+ and npm are needed." >&2; exit 1; }
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || { echo "Node.js 20+ is needed." >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

api_port="${DRILLS_API_PORT:-18390}"
sandbox_port="${DRILLS_SANDBOX_PORT:-18391}"
state="$root/.local/drills"
mkdir -p "$state"
log() { echo "[drills] $*" >&2; }

for port in "$api_port" "$sandbox_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is in use (set DRILLS_API_PORT / DRILLS_SANDBOX_PORT)"; exit 1
  fi
done

pids=()
stop_apps() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  scripts/services.sh stop drills >/dev/null 2>&1 || true
}
trap stop_apps EXIT
trap 'exit 130' INT TERM

client="$root/miniprogram-contract/client"
if [ ! -d "$client/node_modules" ]; then
  log "npm ci in miniprogram-contract/client"
  (cd "$client" && npm ci --no-audit --no-fund --loglevel=error >"$state/npm.log" 2>&1) || { cat "$state/npm.log" >&2; exit 1; }
fi
(cd "$client" && npm run --silent build) || { log "the client does not compile"; exit 1; }

log "building the API and the sandbox (Release)"
dotnet publish src/MiniApp.Api -c Release -o "$state/app" -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet publish src/MiniApp.WeChat.Sandbox -c Release -o "$state/sandbox" -nologo -v quiet -clp:ErrorsOnly >/dev/null

scripts/services.sh start drills
eval "$(scripts/services.sh env drills)"
mysql_socket="$state/mariadb.sock"
db="${DRILLS_MYSQL_DATABASE:-miniapp_drills}"
redis_port="${ConnectionStrings__Redis##*:}"
mariadb --no-defaults --socket="$mysql_socket" -uroot \
  -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
redis-cli -h 127.0.0.1 -p "$redis_port" flushall >/dev/null

# Throwaway secrets: the database is made afresh for every run.
export Auth__SigningKey="$(head -c 48 /dev/urandom | base64 -w0)"
export Privacy__ActiveKeyId=k1 Privacy__Keys__k1="$(head -c 32 /dev/urandom | base64 -w0)"
export Privacy__LookupKey="$(head -c 32 /dev/urandom | base64 -w0)"
export WeChat__BaseUrl="http://127.0.0.1:$sandbox_port"
export WeChat__AppId=wxsandbox00000001 WeChat__AppSecret=sandbox-secret-0001
export Sandbox__AppId="$WeChat__AppId" Sandbox__AppSecret="$WeChat__AppSecret"
# A WeChat attempt gives up after 2 s (5 s in production) and a failed message is tried again after 2 s, 4 s, 8 s …
# (30 s …), so the wechat drill's timeouts and retries fit in a minute.
export WeChat__AttemptTimeout=00:00:02
export Notifications__Dispatch__BaseDelay=00:00:02 Notifications__Dispatch__MaxDelay=00:00:15
# All 20 clients come from 127.0.0.1 and each logs a new worker in every few seconds (hundreds a minute): the drill
# measures outages, not the per-address limit, so that one is lifted (an exported value wins). Nothing else differs from
# production.
export RateLimits__WorkerLoginPerAddress__PermitLimit="${RateLimits__WorkerLoginPerAddress__PermitLimit:-100000}"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production

source "$root/scripts/lib/stack.sh"
stack_start "$state/app" "$state/sandbox/MiniApp.WeChat.Sandbox.dll" "$state" "$api_port" "$sandbox_port" 180 \
  || { log "$stack_error"; exit 1; }

log "drill $drill against http://127.0.0.1:$api_port"
status=0
MINIAPP_API_URL="http://127.0.0.1:$api_port" MINIAPP_SANDBOX_URL="http://127.0.0.1:$sandbox_port" \
  DRILL_MYSQL_SOCKET="$mysql_socket" DRILL_DATABASE="$db" DRILL_SANDBOX_LOG="$state/sandbox.log" \
  node "$root/scripts/drills/run.mjs" "$drill" | tee "$state/drill-$drill.log" || status=$?
exit "$status"
