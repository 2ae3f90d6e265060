#!/usr/bin/env bash
# organization-service: subtree member totals and the monthly report of a province over a ~10,000-organisation
# tree, timed over HTTP (sequential requests after a warm-up) as an organizer scoped to the province.
# Self-contained: runs the service in a test JVM against the embedded MongoDB-wire server (the ./run.sh store)
# and the broker the tests use (RabbitMQ when RABBITMQ_HOST is set). Goal: p95 <= 100 ms.
# Usage: bench/organizations-subtree.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
./mvnw -B -q -pl organization-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SubtreeBench -Dfailsafe.failIfNoSpecifiedTests=false 2>&1 | grep '\[bench\]' || true
grep -h '\[bench\]' organization-service/target/failsafe-reports/*SubtreeBench*-output.txt 2>/dev/null || true
