#!/usr/bin/env bash
# Issue 16: a power cut loses no acknowledged write. Runs the real ./run.sh on a fresh, temporary data directory
# (127.0.0.1 only), then five rounds of: check-ins through the gateway from 16 attendants and grants from four
# officers' sessions; once KILL_AFTER writes were acknowledged, kill -9 of every platform process at once (the
# launcher holding the embedded MongoDB and broker, and its five children); ./run.sh again on the same data; each
# acknowledged check-in sent again (a duplicate answer means it was kept) and each acknowledged grant read back.
# Prints acknowledged / present / lost per round. Needs the ports of ./run.sh free. Takes 15-30 minutes on 2 cores.
# Usage: bench/power-cut.sh [rounds] [writes acknowledged before each kill]      (defaults 5 and 400)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
kill_after=${2:-400}
readonly UP_TIMEOUT=600
source bench/lib.sh
started=$SECONDS

tmp=$(platform_folder power-cut)

pid=""
cleanup() {
  stop_platform
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_platform_if_needed

client() { "$JAVA" bench/PowerCut.java "$@"; }

start_platform() {
  local out="$tmp/run-$1.out" waited=0
  ( cd "$tmp" && exec ./run.sh ) >"$out" 2>&1 &
  pid=$!
  while ! grep -qs 'applications are UP' "$out"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "./run.sh exited while starting:" >&2; tail -n 30 "$out" >&2; exit 1; fi
    if [ "$waited" -ge "$UP_TIMEOUT" ]; then echo "./run.sh not UP after ${UP_TIMEOUT} s" >&2; tail -n 30 "$out" >&2; exit 1; fi
    sleep 1; waited=$((waited + 1))
  done
  # On a loaded machine the launcher's own 180 s may pass first: then wait for each application's readiness here.
  local port
  for port in 8081 8082 8083 8084 8080; do
    until curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$port/actuator/health/readiness"; do
      if ! kill -0 "$pid" 2>/dev/null; then echo "./run.sh exited while starting:" >&2; tail -n 30 "$out" >&2; exit 1; fi
      if [ "$waited" -ge "$UP_TIMEOUT" ]; then echo "port $port not ready after ${UP_TIMEOUT} s" >&2; tail -n 30 "$out" >&2; exit 1; fi
      sleep 2; waited=$((waited + 2))
    done
  done
  echo "start $1: every application ready ${waited} s after ./run.sh started"
}

# The launcher (run.sh execs it, so it has run.sh's pid) and its children: every process of the platform.
platform_pids() { printf '%s %s' "$pid" "$(ps -o pid= --ppid "$pid" | tr '\n' ' ')"; }

secret() { sed -n "s/^$1=//p" "$tmp/data/local-secrets.properties"; }

start_platform 0
admin_password=$(secret 'admin\.password')
demo_password=$(secret 'demo\.password')
python3 bench/stations/prepare-checkins.py "$admin_password" "$demo_password" "$tmp/clients" 48 16 >/dev/null
client grants-setup "$admin_password:$demo_password" "$tmp/grants"

results=()
for round in $(seq 1 "$rounds"); do
  # Tokens last 10 minutes: sign the attendants in again each round (the script is idempotent).
  python3 bench/stations/prepare-checkins.py "$admin_password" "$demo_password" "$tmp/clients" 48 16 >/dev/null
  client load "$tmp/clients" "$tmp/grants" "$admin_password:$demo_password" "$kill_after" "$(platform_pids)" "$round" "$tmp"
  wait "$pid" 2>/dev/null || true
  pid=""
  start_platform "$round"
  results+=("$(client verify "$admin_password:$demo_password" "$round" "$tmp")")
  echo "${results[-1]}"
done
stop_platform

echo
echo "power cut, $rounds rounds of kill -9 of every process under load ($((SECONDS - started)) s in all):"
printf '%s\n' "${results[@]}"
awk '{ ca += $6; cp += $8; cl += $10; ga += $14; gp += $16; gl += $18 }
     END { printf "total   | check-ins acknowledged %d, present %d, lost %d | grants acknowledged %d, present %d, lost %d\n", ca, cp, cl, ga, gp, gl }' \
  < <(printf '%s\n' "${results[@]}" | tr -d ',')
