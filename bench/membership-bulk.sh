#!/usr/bin/env bash
# Bulk enrolment benchmark (membership-service). Generates a 100,000-row GBK CSV with 1% bad rows, enrols it into
# one union through the service's HTTP API, then uploads the same file again; prints the time until each upload is
# done, the service's peak heap, and that the second upload adds nobody.
# The service runs in a 512 MB heap; MongoDB is the embedded default (mongo-java-server, H2 file backend) in a
# process of its own, so the database's memory is not counted as the service's; the broker is whatever the tests
# choose (RABBITMQ_HOST, else the embedded one).
#   bench/membership-bulk.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-100000}"
PORT="${BENCH_MONGO_PORT:-27219}"
WORK="$(mktemp -d)"
./mvnw -B -q -pl embedded-infrastructure -am compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null
java -Xmx1g ${BENCH_MONGO_JVM_OPTS:-} -cp "embedded-infrastructure/target/classes:$(cat "$WORK/cp.txt")" bench/EmbeddedMongoServer.java \
  "$WORK/bench.mv.db" "$PORT" &
MONGO_PID=$!
trap 'kill $MONGO_PID 2>/dev/null; wait $MONGO_PID 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 5
MONGODB_URI="mongodb://127.0.0.1:$PORT" ./mvnw -B -pl membership-service -am verify -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BulkEnrolmentBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.rows="$ROWS" -Dmembership.it.heap="-Xmx512m ${BENCH_JVM_OPTS:-}" 2>&1 | grep -E '^\[bench\]|Tests run:|BUILD|\[test-infrastructure\]|Bulk enrolment .* failed'
