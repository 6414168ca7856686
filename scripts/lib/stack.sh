# Sourced by scripts/journeys.sh and scripts/drills.sh: loads the demo data, starts the WeChat sandbox and the API (role
# all) on loopback ports, and waits until both are ready. The caller owns the `pids` array (its exit trap stops them)
# and its `log`. On failure it prints the log tail and a reason in $stack_error, and returns 1.
#   stack_start APP_DIR SANDBOX_DLL STATE_DIR API_PORT SANDBOX_PORT SEED_TIMEOUT_SECONDS
stack_start() {
  local app="$1" sandbox="$2" state="$3" api_port="$4" sandbox_port="$5" seed_timeout="$6"
  log "migrations and demo data"
  if ! timeout "$seed_timeout" dotnet "$app/MiniApp.Api.dll" seed-demo --contentRoot "$app" >"$state/seed.log" 2>&1; then
    tail -n 30 "$state/seed.log" >&2; stack_error="seed-demo failed"; return 1
  fi
  dotnet "$sandbox" --urls "http://127.0.0.1:$sandbox_port" >"$state/sandbox.log" 2>&1 &
  pids+=($!)
  dotnet "$app/MiniApp.Api.dll" --urls "http://127.0.0.1:$api_port" --contentRoot "$app" --role all >"$state/api.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$api_port/health/ready" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$sandbox_port/health" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  tail -n 30 "$state/api.log" >&2
  stack_error="the API or the sandbox did not become ready in 60 s"
  return 1
}
