#!/usr/bin/env bash
# station-service benchmarks: sustained check-ins and the finder over 200,000 stations.
# The service runs inside a test JVM (embedded MongoDB, the broker of the test infrastructure: RabbitMQ on
# 127.0.0.1 when RABBITMQ_HOST is set, else embedded) and is called over real HTTP with real RS256 tokens,
# straight to the service (not through the gateway). Figures are printed as "[bench] ..." lines.
#
#   bench/stations.sh                      both benchmarks
#   bench/stations.sh checkinsSustained    one of them (or finderOverManyStations)
#   BENCH_OPTS="-Dbench.workers=64 -Dbench.duration=60" bench/stations.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
method=${1:-}
selector="StationBenchmarks${method:+#$method}"
./mvnw -B -q -pl station-service -am verify -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false -Dtest=NoUnitTests -Dit.test="$selector" \
  -DargLine="-Xmx1g ${BENCH_OPTS:-}" 2>&1 | tee /tmp/station-bench.log | grep '^\[bench\]' || true
grep -h '^\[bench\]' station-service/target/failsafe-reports/*StationBenchmarks*-output.txt 2>/dev/null || true
