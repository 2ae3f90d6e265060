#!/usr/bin/env bash
# Bulk enrolment benchmark: generates a 100,000-row GBK CSV with 1% bad rows, enrols it into one union through
# membership-service's HTTP API (the service in a 512 MB heap, embedded MongoDB, the broker the tests choose),
# then uploads the same file again. Prints time until done, peak heap, and that the second upload adds nobody.
#   bench/membership-bulk.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-100000}"
./mvnw -B -pl membership-service -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=BulkEnrolmentBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.rows="$ROWS" -Dmembership.it.heap=-Xmx512m 2>&1 | grep -E '^\[bench\]|Tests run:|BUILD|\[test-infrastructure\]'
