#!/usr/bin/env bash
# Check-ins through the gateway, sustained, on the running platform (./run.sh in another terminal): 200 stations,
# 64 attendant accounts (each its own token, so the gateway's per-client rate limit applies as in real use),
# unique visits, a separate load-generator JVM, warm-up first. Prints "[bench] ..." figures.
#
#   bench/stations-gateway.sh [connections] [seconds] [warm-up seconds]      (defaults 64 40 30)
#   ADMIN_PASSWORD=... DEMO_PASSWORD=... bench/stations-gateway.sh    (else read from data/local-secrets.properties)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
connections=${1:-64}
seconds=${2:-40}
warmup=${3:-30}
source bench/lib.sh
ensure_bench_jar
require_up http://127.0.0.1:8080/actuator/health/liveness
require_up http://127.0.0.1:8083/actuator/health/liveness
secret() { sed -n "s/^$1=//p" data/local-secrets.properties 2>/dev/null; }
admin_password=${ADMIN_PASSWORD:-$(secret 'admin\.password')}
demo_password=${DEMO_PASSWORD:-$(secret 'demo\.password')}
[ -n "$admin_password$demo_password" ] || { echo "no passwords: set ADMIN_PASSWORD/DEMO_PASSWORD or run from the platform's folder" >&2; exit 1; }
clients=$(mktemp)
trap 'rm -f "$clients"' EXIT
python3 bench/stations/prepare-checkins.py "$admin_password" "$demo_password" "$clients" 200 64
"$JAVA" -jar bench/target/bench.jar --label "[bench] check-ins via gateway" \
  --url http://127.0.0.1:8080/api/checkins --method POST --workers-file "$clients" \
  --body '{"visitId":"{{uuid}}","stationId":"{{pick}}","workerType":"COURIER","services":["REST","WATER"],"visitedAt":"{{now}}"}' \
  --concurrency "$connections" --warmup "$warmup" --duration "$seconds"
