#!/usr/bin/env bash
# Private MariaDB and Redis instances under .local/<profile>/, on loopback only.
#   scripts/services.sh start dev|test|drills [mariadb|redis]   install if missing, start (or reuse), create the
#                                                                database and app user; with a name, that server only
#   scripts/services.sh stop  dev|test|drills [mariadb|redis]   a real shutdown (new connections are refused)
#   scripts/services.sh status dev|test|drills
#   scripts/services.sh env   dev|test|drills    print the connection settings as shell exports
# Ports: dev 3307/6380, test 3317/6390, drills 3327/6400 (scripts/drills.sh stops and starts its servers, so they are
# never the ones the dev stack or the tests use); override with MYSQL_PORT / REDIS_PORT (dev), TEST_MYSQL_PORT /
# TEST_REDIS_PORT (test) or DRILLS_MYSQL_PORT / DRILLS_REDIS_PORT (drills).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
action="${1:-}"
profile="${2:-dev}"
only="${3:-}"
case "$only" in
  "" | mariadb | redis) ;;
  *) echo "unknown server '$only' (mariadb or redis)" >&2; exit 2 ;;
esac

case "$profile" in
  dev)
    mysql_port="${MYSQL_PORT:-3307}"; redis_port="${REDIS_PORT:-6380}"
    db_name="${MYSQL_DATABASE:-miniapp}"; ;;
  test)
    mysql_port="${TEST_MYSQL_PORT:-3317}"; redis_port="${TEST_REDIS_PORT:-6390}"
    db_name="${TEST_MYSQL_DATABASE:-miniapp_test}"; ;;
  drills)
    mysql_port="${DRILLS_MYSQL_PORT:-3327}"; redis_port="${DRILLS_REDIS_PORT:-6400}"
    db_name="${DRILLS_MYSQL_DATABASE:-miniapp_drills}"; ;;
  *) echo "unknown profile '$profile' (dev, test or drills)" >&2; exit 2 ;;
esac

dir="$root/.local/$profile"
mysql_dir="$dir/mariadb"
mysql_sock="$dir/mariadb.sock"
redis_dir="$dir/redis"
db_user="miniapp"
# A local-only password for a server bound to 127.0.0.1; production passes its own through configuration.
db_password="${MYSQL_APP_PASSWORD:-miniapp-local}"

log() { echo "[services:$profile] $*" >&2; }

install_packages() {
  local missing=()
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} with apt-get"
  if [ "$(id -u)" -ne 0 ]; then echo "need root to apt-get install ${missing[*]}" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The packages try to start system services and are refused without an init system; that is expected.
  apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || apt-get install -y "${missing[@]}"
}

mysql_root() { mariadb --no-defaults --socket="$mysql_sock" -uroot "$@"; }

mysql_running() { mariadb-admin --no-defaults --socket="$mysql_sock" -uroot ping >/dev/null 2>&1; }

start_mysql() {
  mkdir -p "$dir"
  if mysql_running; then log "MariaDB already running on 127.0.0.1:$mysql_port"; return 0; fi
  if [ ! -d "$mysql_dir/mysql" ]; then
    log "initialising MariaDB data in $mysql_dir"
    mkdir -p "$mysql_dir"
    mariadb-install-db --no-defaults --datadir="$mysql_dir" --user=root \
      --auth-root-authentication-method=normal >"$dir/mariadb-install.log" 2>&1
  fi
  local mariadbd_bin; mariadbd_bin="$(command -v mariadbd || echo /usr/sbin/mariadbd)"
  nohup "$mariadbd_bin" --no-defaults --datadir="$mysql_dir" --user=root --socket="$mysql_sock" \
    --port="$mysql_port" --bind-address=127.0.0.1 --skip-log-bin --pid-file="$dir/mariadb.pid" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=128M --max-connections=300 \
    --log-error="$dir/mariadb.err" >/dev/null 2>&1 &
  for _ in $(seq 1 100); do
    mysql_running && break
    sleep 0.2
  done
  mysql_running || { log "MariaDB did not start; see $dir/mariadb.err"; tail -n 20 "$dir/mariadb.err" >&2; exit 1; }
  log "MariaDB ready on 127.0.0.1:$mysql_port"
}

create_database() {
  mysql_root <<SQL
CREATE DATABASE IF NOT EXISTS \`$db_name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$db_user'@'127.0.0.1' IDENTIFIED BY '$db_password';
CREATE USER IF NOT EXISTS '$db_user'@'localhost' IDENTIFIED BY '$db_password';
GRANT ALL PRIVILEGES ON \`$db_name\`.* TO '$db_user'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`$db_name\`.* TO '$db_user'@'localhost';
GRANT ALL PRIVILEGES ON \`${db_name}\\_%\`.* TO '$db_user'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
}

redis_running() { redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG; }

start_redis() {
  mkdir -p "$redis_dir"
  if redis_running; then log "Redis already running on 127.0.0.1:$redis_port"; return 0; fi
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$redis_dir" --maxmemory-policy noeviction \
    --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save 60 1000 --appendonly no
  for _ in $(seq 1 50); do redis_running && break; sleep 0.1; done
  redis_running || { log "Redis did not start; see $dir/redis.log"; exit 1; }
  log "Redis ready on 127.0.0.1:$redis_port"
}

stop_mysql() {
  if mysql_running; then
    mariadb-admin --no-defaults --socket="$mysql_sock" -uroot shutdown && log "MariaDB stopped"
  fi
}

stop_redis() {
  if redis_running; then
    redis-cli -h 127.0.0.1 -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
    log "Redis stopped"
  fi
}

print_env() {
  cat <<ENV
export ConnectionStrings__MySql='Server=127.0.0.1;Port=$mysql_port;Database=$db_name;User ID=$db_user;Password=$db_password;CharacterSet=utf8mb4'
export ConnectionStrings__Redis='127.0.0.1:$redis_port'
ENV
}

case "$action" in
  start)
    install_packages
    if [ "$only" != "redis" ]; then start_mysql; create_database; fi
    if [ "$only" != "mariadb" ]; then start_redis; fi ;;
  stop)
    if [ "$only" != "redis" ]; then stop_mysql; fi
    if [ "$only" != "mariadb" ]; then stop_redis; fi ;;
  status)
    mysql_running && echo "MariaDB: running on 127.0.0.1:$mysql_port" || echo "MariaDB: stopped"
    redis_running && echo "Redis: running on 127.0.0.1:$redis_port" || echo "Redis: stopped" ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|status|env dev|test|drills [mariadb|redis]" >&2; exit 2 ;;
esac
