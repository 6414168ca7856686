#!/usr/bin/env bash
# Benchmarks:
#   scripts/bench.sh nearby     186,000 synthetic stations; wrk at 32 connections against GET /api/stations/nearby
#   scripts/bench.sh coverage   the coverage figures on a national-scale synthetic data set (3,000 townships, 2,000,000
#                               members, 3,000,000 applications, 50,000 enterprises): the full rebuild of a day against
#                               the hourly refresh of the next one after 10,000 decisions
#
# Uses the TEST servers of scripts/services.sh (127.0.0.1:3317 / 6390) with a database of its own per scenario,
# miniapp_bench and miniapp_bench_coverage: never the dev data. Builds the API in Release.
# nearby starts the API on a free loopback port with Bench:Enabled=true (which maps the bare JSON endpoint /bench/ping,
# the ceiling), and stops it at the end. Installs wrk (Debian package) if missing. Prints requests/s, p50 and p99 per
# scenario and each one's ratio to the ceiling measured in the same run.
# coverage generates its data set once (scripts/bench/coverage.sql, several minutes; the data ends with D0, the day
# before the China date of generation, kept in bench_coverage_meta), then on every run: takes the data back to the end
# of D0 (scripts/bench/coverage-reset.sql), runs `coverage-rebuild --date D0`, takes 10,000 decisions on D0+1 with
# their members and journal rows (scripts/bench/coverage-decisions.sql), runs `coverage-refresh --date D0+1`, prints
# both timings, their ratio, the data set and the table sizes, and checks both days' figures against the source tables.
# Settings: BENCH_SECONDS (12, per scenario), BENCH_CONNECTIONS (32), BENCH_RELOAD=1 reloads the stations (nearby) or
# drops and regenerates the database (coverage), BENCH_STATE_DIR (.local/bench) for the build and the logs.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scenario="${1:-}"
case "$scenario" in
  nearby | coverage) ;;
  *) echo "usage: scripts/bench.sh nearby|coverage" >&2; exit 2 ;;
esac
command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed (dotnet on PATH)." >&2; exit 1; }

seconds="${BENCH_SECONDS:-12}"
connections="${BENCH_CONNECTIONS:-32}"
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 3 && "$seconds" -le 60 ]] || { echo "BENCH_SECONDS must be 3-60" >&2; exit 2; }
[[ "$connections" =~ ^[0-9]+$ && "$connections" -ge 1 && "$connections" -le 256 ]] || { echo "BENCH_CONNECTIONS must be 1-256" >&2; exit 2; }
state="${BENCH_STATE_DIR:-$root/.local/bench}"
mkdir -p "$state"
log() { echo "[bench] $*" >&2; }

if [ "$scenario" = "nearby" ] && ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi

scripts/services.sh start test
test_mysql_port="${TEST_MYSQL_PORT:-3317}"
test_redis_port="${TEST_REDIS_PORT:-6390}"
db="miniapp_bench"
if [ "$scenario" = "coverage" ]; then db="miniapp_bench_coverage"; fi
db_user="miniapp"
db_password="${MYSQL_APP_PASSWORD:-miniapp-local}"
mysql_root() { mariadb --no-defaults --socket="$root/.local/test/mariadb.sock" -uroot "$@"; }

# coverage: a data set is reused only when its generation finished (bench_coverage_meta is written last); a partial or
# unwanted one goes with its database, since the generator loads into empty tables.
coverage_ready() {
  [ "$(mysql_root -N -e "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$db' AND TABLE_NAME = 'bench_coverage_meta'")" = "1" ] &&
    [ -n "$(mysql_root -N "$db" -e "SELECT d0 FROM bench_coverage_meta WHERE id = 1")" ]
}
if [ "$scenario" = "coverage" ] && { [ "${BENCH_RELOAD:-0}" = "1" ] || ! coverage_ready; }; then
  log "dropping $db (if present) for a fresh data set"
  mysql_root -e "DROP DATABASE IF EXISTS \`$db\`"
fi
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
# wrk sends everything from one loopback address: lift the per-address limit of nearby, or it would measure the 429s.
export RateLimits__NearbyPerAddress__PermitLimit=1000000000

dotnet "$app/MiniApp.Api.dll" migrate --contentRoot "$app" >"$state/migrate.log" 2>&1 || { tail -n 20 "$state/migrate.log" >&2; exit 1; }

thousands() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
json_number() { sed -n "s/.*\"$2\"[[:space:]]*:[[:space:]]*\([0-9.]*\).*/\1/p" <<<"$1" | head -n 1; }

# One-shot command of the API over one day; prints its JSON line ({"day","mode","deltasRead","rowsRead","elapsedMs"})
# followed by the wall time in ms, start-up included.
run_coverage_command() {
  local command="$1" day="$2" started json
  started="$(date +%s%N)"
  if ! dotnet "$app/MiniApp.Api.dll" "$command" --date "$day" --contentRoot "$app" >"$state/$command.out" 2>"$state/$command.err"; then
    if grep -qs "Unknown command" "$state/$command.out" "$state/$command.err"; then
      log "FAILED: this build of the API has no '$command' command (the coverage aggregation is not in it)"
    else
      log "FAILED: $command --date $day; see $state/$command.err"
      tail -n 20 "$state/$command.err" >&2
    fi
    return 1
  fi
  json="$(grep '^{' "$state/$command.out" | tail -n 1 || true)"
  [ -n "$json" ] || { log "FAILED: $command printed no JSON line; see $state/$command.out"; return 1; }
  echo "$json $(( ($(date +%s%N) - started) / 1000000 ))"
}

bench_coverage() {
  local d0 d1 started
  if ! coverage_ready; then
    d0="$(mysql_root -N -e "SELECT DATE(UTC_TIMESTAMP() + INTERVAL 8 HOUR) - INTERVAL 1 DAY")"
    log "generating the data set into $db, ending with $d0 (China time; several minutes)"
    started="$(date +%s)"
    { echo "SET @d0 = '$d0';"; cat scripts/bench/coverage.sql; } | mysql_root -vvv "$db" >"$state/coverage-generate.log"
    log "generated in $(( $(date +%s) - started )) s (each statement's time: $state/coverage-generate.log)"
  fi
  d0="$(mysql_root -N "$db" -e "SELECT d0 FROM bench_coverage_meta WHERE id = 1")"
  d1="$(mysql_root -N -e "SELECT '$d0' + INTERVAL 1 DAY")"

  log "taking the data back to the end of $d0 (no decisions on $d1, no figures from $d0 on)"
  local reset undone open
  reset="$({ echo "SET @d0 = '$d0';"; cat scripts/bench/coverage-reset.sql; } | mysql_root -N "$db")"
  read -r undone open <<<"$reset"
  log "undid $undone decisions of an earlier run; $open applications open"
  [ "$open" -ge 10000 ] || { log "FAILED: fewer than 10,000 open applications; run again with BENCH_RELOAD=1"; exit 1; }

  local sizes townships members apps submitted approved rejected withdrawn enterprises big surveys
  sizes="$(mysql_root -N "$db" -e "
    SELECT (SELECT COUNT(DISTINCT township_code) FROM group_surveys),
           (SELECT COUNT(*) FROM members WHERE status = 'active'),
           COUNT(*), SUM(status = 'submitted'), SUM(status = 'approved'), SUM(status = 'rejected'), SUM(status = 'withdrawn'),
           (SELECT COUNT(*) FROM enterprises), (SELECT COUNT(*) FROM enterprises WHERE staff_count >= 100),
           (SELECT COUNT(*) FROM group_surveys)
    FROM applications")"
  read -r townships members apps submitted approved rejected withdrawn enterprises big surveys <<<"$sizes"
  log "data set: $townships townships, $members active members, $apps applications, $enterprises enterprises, $surveys surveys"

  log "a. coverage-rebuild --date $d0"
  local full full_wall
  full="$(run_coverage_command coverage-rebuild "$d0")"
  full_wall="${full##* }"; full="${full% *}"
  log "   $full"

  log "b. 10,000 decisions on $d1, with their members and journal rows"
  local decided decisions decided_approved decided_rejected journal
  decided="$({ echo "SET @d0 = '$d0';"; cat scripts/bench/coverage-decisions.sql; } | mysql_root -N "$db")"
  read -r decisions decided_approved decided_rejected journal <<<"$decided"
  log "   $decisions decisions ($decided_approved approved, $decided_rejected rejected), $journal journal rows"
  [ "$decisions" = "10000" ] || { log "FAILED: expected 10,000 decisions"; exit 1; }

  log "c. coverage-refresh --date $d1"
  local refresh refresh_wall
  refresh="$(run_coverage_command coverage-refresh "$d1")"
  refresh_wall="${refresh##* }"; refresh="${refresh% *}"
  log "   $refresh"
  [ "$(json_number "$refresh" deltasRead)" = "$journal" ] ||
    log "note: the refresh read $(json_number "$refresh" deltasRead) journal rows; the day has $journal"

  local full_ms full_rows refresh_ms refresh_deltas
  full_ms="$(json_number "$full" elapsedMs)"; full_rows="$(json_number "$full" rowsRead)"
  refresh_ms="$(json_number "$refresh" elapsedMs)"; refresh_deltas="$(json_number "$refresh" deltasRead)"
  echo
  echo "data set ($db, up to the end of $d0, China time)"
  printf "  %-30s %22s\n" "townships" "$(thousands "$townships")" \
    "active members" "$(thousands "$members")" \
    "applications" "$(thousands "$apps")" \
    "  submitted / approved" "$(thousands "$submitted") / $(thousands "$approved")" \
    "  rejected / withdrawn" "$(thousands "$rejected") / $(thousands "$withdrawn")" \
    "enterprises (100+ staff)" "$(thousands "$enterprises") ($(thousands "$big"))" \
    "group surveys" "$(thousands "$surveys")" \
    "decisions on $d1" "$(thousands "$decisions")" \
    "journal rows on $d1" "$(thousands "$journal")"
  echo
  printf "%-34s %12s %16s %12s\n" "step" "elapsed ms" "read" "wall ms"
  printf "%-34s %12s %16s %12s\n" "a. full rebuild of $d0" "$(thousands "$full_ms")" "$(thousands "$full_rows") rows" "$(thousands "$full_wall")"
  printf "%-34s %12s %16s %12s\n" "c. hourly refresh of $d1" "$(thousands "$refresh_ms")" "$(thousands "$refresh_deltas") deltas" "$(thousands "$refresh_wall")"
  printf "%-34s %12s\n" "refresh / full" "$(awk -v r="$refresh_ms" -v f="$full_ms" 'BEGIN { if (f > 0) printf "%.4f", r / f; else print "-" }')"
  echo "(elapsed ms as the commands report them; wall ms includes the start of the process)"
  echo
  mysql_root "$db" -e "ANALYZE TABLE coverage_deltas, coverage_group_daily, coverage_decision_days, coverage_enterprise_daily" >/dev/null
  echo "table sizes (InnoDB statistics)"
  mysql_root -t "$db" -e "
    SELECT TABLE_NAME AS \`table\`, TABLE_ROWS AS \`rows (est.)\`, ROUND(DATA_LENGTH / 1048576) AS \`data MiB\`,
           ROUND(INDEX_LENGTH / 1048576) AS \`index MiB\`, ROUND((DATA_LENGTH + INDEX_LENGTH) / 1048576) AS \`total MiB\`
    FROM information_schema.TABLES
    WHERE TABLE_SCHEMA = DATABASE() AND (DATA_LENGTH + INDEX_LENGTH >= 4194304 OR TABLE_NAME LIKE 'coverage\\_%')
    ORDER BY DATA_LENGTH + INDEX_LENGTH DESC"

  # The figures must say what the source tables say: D0 as generated, D0+1 after the decisions.
  local figures f0 f1 day_decisions
  figures="$(mysql_root -N "$db" -e "
    SELECT d.day, COALESCE(SUM(g.active_members), 0), COALESCE(SUM(g.open_applications), 0), COALESCE(SUM(g.approved_total), 0),
           COALESCE(SUM(g.rejected_total), 0), COALESCE(SUM(g.withdrawn_total), 0),
           COALESCE(SUM(g.approved_in_day), 0) + COALESCE(SUM(g.rejected_in_day), 0)
    FROM (SELECT '$d0' AS day UNION ALL SELECT '$d1') d LEFT JOIN coverage_group_daily g ON g.day = d.day
    GROUP BY d.day ORDER BY d.day")"
  f0="$(sed -n 1p <<<"$figures" | cut -f2-)"
  f1="$(sed -n 2p <<<"$figures" | cut -f2-)"
  day_decisions="$(mysql_root -N "$db" -e "SELECT COALESCE(SUM(decisions), 0) FROM coverage_decision_days WHERE day = '$d1'")"
  local -a got0 got1 want0 want1
  read -r -a got0 <<<"$f0"
  read -r -a got1 <<<"$f1"
  want0=("$members" "$submitted" "$approved" "$rejected" "$withdrawn")
  want1=("$((members + decided_approved))" "$((submitted - decisions))" "$((approved + decided_approved))"
    "$((rejected + decided_rejected))" "$withdrawn" "$decisions")
  got1[5]="${got1[5]}/$day_decisions"
  want1[5]="$decisions/$decisions"
  local labels=("active members" "open applications" "approved (stock)" "rejected (stock)" "withdrawn (stock)"
    "decided in the day / by days")
  local i mismatches=0 mark0 mark1
  echo
  echo "figures against the source tables"
  printf "%-30s %14s %14s %20s %20s\n" "" "$d0" "expected" "$d1" "expected"
  for i in 0 1 2 3 4 5; do
    mark0=""; mark1=""
    if [ "$i" -lt 5 ] && [ "${got0[$i]:-}" != "${want0[$i]}" ]; then mark0=" *"; mismatches=$((mismatches + 1)); fi
    if [ "${got1[$i]:-}" != "${want1[$i]}" ]; then mark1=" *"; mismatches=$((mismatches + 1)); fi
    printf "%-30s %14s %14s %20s %20s\n" "${labels[$i]}" "$([ "$i" -lt 5 ] && echo "${got0[$i]:-}$mark0")" \
      "$([ "$i" -lt 5 ] && echo "${want0[$i]}")" "${got1[$i]:-}$mark1" "${want1[$i]}"
  done
  if [ "$mismatches" -gt 0 ]; then
    log "FAILED: $mismatches figures (marked *) differ from the source tables"
    return 1
  fi
}

if [ "$scenario" = "coverage" ]; then
  bench_coverage
  exit 0
fi

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
