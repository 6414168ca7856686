#!/usr/bin/env bash
# Benchmarks. One scenario so far:
#   scripts/bench.sh nearby    186,000 synthetic stations; wrk at 32 connections against GET /api/stations/nearby
#
# Uses the TEST servers of scripts/services.sh (127.0.0.1:3317 / 6390) with a database of its own, miniapp_bench: never
# the dev data. Builds the API in Release, starts it on a free loopback port with Bench:Enabled=true (which maps the
# bare JSON endpoint /bench/ping, the ceiling), and stops it at the end. Installs wrk (Debian package) if missing.
# Prints requests/s, p50 and p99 per scenario and each one's ratio to the ceiling measured in the same run.
# Settings: BENCH_SECONDS (12, per scenario), BENCH_CONNECTIONS (32), BENCH_RELOAD=1 reloads the stations.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scenario="${1:-}"
[ "$scenario" = "nearby" ] || { echo "usage: scripts/bench.sh nearby" >&2; exit 2; }
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed (dotnet on PATH)." >&2; exit 1; }

seconds="${BENCH_SECONDS:-12}"
connections="${BENCH_CONNECTIONS:-32}"
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 3 && "$seconds" -le 60 ]] || { echo "BENCH_SECONDS must be 3-60" >&2; exit 2; }
[[ "$connections" =~ ^[0-9]+$ && "$connections" -ge 1 && "$connections" -le 256 ]] || { echo "BENCH_CONNECTIONS must be 1-256" >&2; exit 2; }
state="$root/.local/bench"
mkdir -p "$state"
log() { echo "[bench] $*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi

scripts/services.sh start test
test_mysql_port="${TEST_MYSQL_PORT:-3317}"
test_redis_port="${TEST_REDIS_PORT:-6390}"
db="miniapp_bench"
db_user="miniapp"
db_password="${MYSQL_APP_PASSWORD:-miniapp-local}"
mysql_root() { mariadb --no-defaults --socket="$root/.local/test/mariadb.sock" -uroot "$@"; }
mysql_root <<SQL
CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$db_user'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`$db\`.* TO '$db_user'@'localhost';
SQL

log "building the API (Release)"
app="$state/app"
dotnet publish src/MiniApp.Api -c Release -o "$app" -nologo -v quiet -clp:ErrorsOnly >/dev/null

# Throwaway secrets: the bench database holds no personal data. WeChat points at a closed loopback port (never called).
export ConnectionStrings__MySql="Server=127.0.0.1;Port=$test_mysql_port;Database=$db;User ID=$db_user;Password=$db_password;CharacterSet=utf8mb4"
export ConnectionStrings__Redis="127.0.0.1:$test_redis_port"
export Redis__InstanceName="miniapp-bench:"
export Auth__SigningKey="$(head -c 48 /dev/urandom | base64 -w0)"
export Privacy__ActiveKeyId="bench" Privacy__Keys__bench="$(head -c 32 /dev/urandom | base64 -w0)" Privacy__LookupKey="$(head -c 32 /dev/urandom | base64 -w0)"
export WeChat__AppId="wxbench0000000001" WeChat__AppSecret="bench-secret" WeChat__BaseUrl="http://127.0.0.1:9"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
# One log line per request would measure the console, not the API: warnings only, for the ceiling and nearby alike.
export Logging__LogLevel__Default=Warning

dotnet "$app/MiniApp.Api.dll" migrate --contentRoot "$app" >"$state/migrate.log" 2>&1 || { tail -n 20 "$state/migrate.log" >&2; exit 1; }
count="$(mysql_root -N "$db" -e "SELECT COUNT(*) FROM stations")"
if [ "${BENCH_RELOAD:-0}" = "1" ] || [ "$count" != "186000" ]; then
  log "loading 186,000 synthetic stations into $db (about a minute)"
  mysql_root "$db" <scripts/bench/stations.sql >/dev/null
fi
log "$(mysql_root -N "$db" -e "SELECT COUNT(*) FROM stations WHERE status = 'active'") active stations in $db"

port=""
for candidate in $(seq 18300 18399); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port="$candidate"; break; fi
done
[ -n "$port" ] || { log "no free port in 18300-18399"; exit 1; }
base="http://127.0.0.1:$port"

Bench__Enabled=true dotnet "$app/MiniApp.Api.dll" --urls "$base" --role api --contentRoot "$app" \
  --Logging:LogLevel:MiniApp.Api.Stations=Information >"$state/api.log" 2>&1 &
api_pid=$!
trap 'kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "$base/bench/ping" >/dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { tail -n 30 "$state/api.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$base/bench/ping" >/dev/null || { log "the API did not start; see $state/api.log"; exit 1; }

city="$base/api/stations/nearby?lat=31.2304&lng=121.4737&radiusKm=5"        # 上海人民广场, the densest synthetic city
country="$base/api/stations/nearby?lat=33.2000&lng=97.6000&radiusKm=50"     # 青海玉树 countryside, sparse
# The first search waits for the index load; then check the answers are what we mean to measure.
for url in "$city" "$country"; do
  found="$(curl -fsS "$url" | grep -o '"distanceMeters"' | wc -l)"
  log "$(echo "$url" | sed 's/.*?//'): $found stations in the answer"
done
log "$(grep -o 'Station index at version [0-9]*: [0-9]* active stations' "$state/api.log" | tail -n 1)"

to_ms() { # wrk prints 512.00us, 1.23ms or 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

run() { # name url -> "req/s p50 p99"
  local name="$1" url="$2" out
  wrk -t2 -c"$connections" -d3s "$url" >/dev/null 2>&1 || true   # warm-up (JIT, tiered compilation)
  out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url")"
  echo "$out" >"$state/wrk-$name.txt"
  if echo "$out" | grep -q "Non-2xx"; then log "$name: errors in the answers; see $state/wrk-$name.txt"; exit 1; fi
  local rps p50 p99
  rps="$(echo "$out" | awk '/^Requests\/sec:/ { print $2 }')"
  p50="$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")"
  p99="$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")"
  echo "$rps $p50 $p99"
}

log "wrk: 2 threads, $connections connections, ${seconds}s per scenario (after a 3 s warm-up)"
read -r ceiling_rps ceiling_p50 ceiling_p99 < <(run ceiling "$base/bench/ping")
read -r city_rps city_p50 city_p99 < <(run nearby-city-5km "$city")
read -r country_rps country_p50 country_p99 < <(run nearby-country-50km "$country")

echo
printf "%-34s %12s %10s %10s %10s\n" "scenario" "requests/s" "p50 ms" "p99 ms" "vs ceiling"
row() { printf "%-34s %12.0f %10s %10s %10s\n" "$1" "$2" "$3" "$4" "$(awk -v a="$2" -v b="$ceiling_rps" 'BEGIN { printf "%.2f", a / b }')"; }
row "ceiling: GET /bench/ping" "$ceiling_rps" "$ceiling_p50" "$ceiling_p99"
row "nearby 5 km, city centre" "$city_rps" "$city_p50" "$city_p99"
row "nearby 50 km, countryside" "$country_rps" "$country_p50" "$country_p99"
echo
verdict="$(awk -v r="$city_rps" -v c="$ceiling_rps" -v p="$city_p99" 'BEGIN { print (r >= c / 2 && p < 20) ? "met" : "NOT met" }')"
echo "goal (nearby 5 km >= half the ceiling, p99 < 20 ms): $verdict"
