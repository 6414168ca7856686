#!/usr/bin/env bash
# Runs everything locally on the embedded default:
#   private MariaDB (127.0.0.1:3307) and Redis (127.0.0.1:6380) under .local/dev, migrations, reference and demo data,
#   the WeChat sandbox (http://127.0.0.1:8081) and the API (http://127.0.0.1:8080), in the foreground.
# Ctrl-C stops the API and the sandbox; `scripts/dev.sh stop` stops the private servers too. Data is kept between runs.
# Overrides: MYSQL_PORT, REDIS_PORT, API_PORT, SANDBOX_PORT.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
api_port="${API_PORT:-8080}"
sandbox_port="${SANDBOX_PORT:-8081}"
state="$root/.local/dev"
mkdir -p "$state"

stop_apps() {
  for name in api sandbox; do
    if [ -f "$state/$name.pid" ]; then
      kill "$(cat "$state/$name.pid")" 2>/dev/null || true
      rm -f "$state/$name.pid"
    fi
  done
}

if [ "${1:-}" = "stop" ]; then
  stop_apps
  scripts/services.sh stop dev
  exit 0
fi

command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is needed (dotnet on PATH); see README.md." >&2; exit 1; }
command -v curl >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }

scripts/services.sh start dev
eval "$(scripts/services.sh env dev)"

# Local secrets, made once and kept so data sealed in an earlier run still opens. Production sets its own.
secrets="$state/secrets.env"
if [ ! -f "$secrets" ]; then
  umask 077
  cat >"$secrets" <<EOF
export Auth__SigningKey='$(head -c 48 /dev/urandom | base64 -w0)'
export Privacy__ActiveKeyId='k1'
export Privacy__Keys__k1='$(head -c 32 /dev/urandom | base64 -w0)'
export Privacy__LookupKey='$(head -c 32 /dev/urandom | base64 -w0)'
EOF
fi
# shellcheck disable=SC1090
source "$secrets"

export ASPNETCORE_ENVIRONMENT=Development
export DOTNET_ENVIRONMENT=Development
export WeChat__BaseUrl="http://127.0.0.1:$sandbox_port"
export WeChat__AppId="${WeChat__AppId:-wxsandbox00000001}"
export WeChat__AppSecret="${WeChat__AppSecret:-sandbox-secret-0001}"
export Sandbox__AppId="$WeChat__AppId"
export Sandbox__AppSecret="$WeChat__AppSecret"

echo "[dev] building"
dotnet build MiniApp.Backend.sln -c Debug -nologo -v quiet -clp:ErrorsOnly
api_dir="$root/src/MiniApp.Api/bin/Debug/net10.0"
api_dll="$api_dir/MiniApp.Api.dll"
sandbox_dll="src/MiniApp.WeChat.Sandbox/bin/Debug/net10.0/MiniApp.WeChat.Sandbox.dll"

echo "[dev] applying migrations and loading demo data"
dotnet "$api_dll" seed-demo --contentRoot "$api_dir"

stop_apps
trap 'echo; echo "[dev] stopping the API and the sandbox"; stop_apps; exit 0' INT TERM
trap 'stop_apps' EXIT

dotnet "$sandbox_dll" --urls "http://127.0.0.1:$sandbox_port" >"$state/sandbox.log" 2>&1 &
echo $! >"$state/sandbox.pid"
dotnet "$api_dll" --urls "http://127.0.0.1:$api_port" --contentRoot "$api_dir" &
echo $! >"$state/api.pid"

for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$api_port/health/ready" >/dev/null 2>&1 && \
    curl -fsS "http://127.0.0.1:$sandbox_port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$api_port/health/ready" >/dev/null || { echo "[dev] the API did not become ready" >&2; exit 1; }

cat <<EOF

================================================================================
 API        http://127.0.0.1:$api_port        (reference: /docs, OpenAPI: /openapi/v1.json)
 Health     http://127.0.0.1:$api_port/health/ready
 Sandbox    http://127.0.0.1:$sandbox_port        (WeChat emulator; log in .local/dev/sandbox.log)
 MariaDB    127.0.0.1:${MYSQL_PORT:-3307}  database miniapp, user miniapp
 Redis      127.0.0.1:${REDIS_PORT:-6380}

 Demo staff (local only):  xp-admin / demo-Passw0rd     county admin, 新平县总工会
                           xp-guishan / demo-Passw0rd   reviewer, 桂山街道总工会
                           xp-transport / demo-Passw0rd department user, 县交通运输局
 Demo station QR scene:    s=XP0001 (桂山街道司机之家)

 Try a worker login:
   code=\$(curl -s -X POST localhost:$sandbox_port/__sandbox/login-codes -H 'Content-Type: application/json' -d '{}' | sed 's/.*"code":"\\([^"]*\\)".*/\\1/')
   token=\$(curl -s -X POST localhost:$api_port/api/auth/login -H 'Content-Type: application/json' -d "{\"code\":\"\$code\"}" | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
   curl -s localhost:$api_port/api/me -H "Authorization: Bearer \$token"
   curl -s -X POST localhost:$api_port/api/auth/login -H 'Content-Type: application/json' -d "{\"code\":\"\$code\"}"   # used code: 400
 Staff login:
   staff=\$(curl -s -X POST localhost:$api_port/api/staff/auth/login -H 'Content-Type: application/json' -d '{"username":"xp-admin","password":"demo-Passw0rd"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
   curl -s "localhost:$api_port/api/staff/enterprises?minStaff=100" -H "Authorization: Bearer \$staff"
   curl -s "localhost:$api_port/api/staff/reports/coverage?by=township" -H "Authorization: Bearer \$staff"

 Ctrl-C stops the API and the sandbox; scripts/dev.sh stop also stops MariaDB and Redis.
================================================================================
EOF

wait "$(cat "$state/api.pid")"
