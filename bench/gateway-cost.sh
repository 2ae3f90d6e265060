#!/usr/bin/env bash
# The gateway's cost: the same trivial route (a service's liveness probe) called directly and through the
# gateway, one after the other, with the same load. Needs the platform running (./run.sh in another terminal).
# Usage: bench/gateway-cost.sh [concurrency] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
concurrency=${1:-32}
seconds=${2:-20}
source bench/lib.sh
ensure_bench_jar
require_up http://127.0.0.1:8080/actuator/health
require_up http://127.0.0.1:8081/actuator/health

echo "gateway cost: ${concurrency} connections, ${seconds} s each after a 10 s warm-up"
"$JAVA" -jar bench/target/bench.jar --label "direct   organization-service" \
  --url http://127.0.0.1:8081/actuator/health/liveness --concurrency "$concurrency" --duration "$seconds"
"$JAVA" -jar bench/target/bench.jar --label "gateway  organization-service" \
  --url http://127.0.0.1:8080/organization-service/actuator/health/liveness --concurrency "$concurrency" --duration "$seconds"
