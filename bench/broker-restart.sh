#!/usr/bin/env bash
# Issue 12: no confirmed event is lost when ./run.sh stops and starts again. Runs the real ./run.sh on a fresh,
# temporary data directory, publishes N persistent messages with publisher confirms to a durable queue nobody
# consumes on its embedded broker (127.0.0.1), stops ./run.sh with SIGTERM (its PID), starts it again on the same
# data, consumes and counts, deletes the queue, stops ./run.sh and removes the temporary data.
# Needs the ports of ./run.sh free (nothing else running the platform). Takes a few minutes (two starts).
# Usage: bench/broker-restart.sh [messages]      (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-1000}
readonly UP_TIMEOUT=300
readonly BROKER_PORT=${LOCAL_BROKER_PORT:-5673}
readonly QUEUE=bench.broker-restart
source bench/lib.sh
started=$SECONDS

tmp=$(platform_folder broker-restart)

pid=""
cleanup() {
  stop_platform
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_platform_if_needed

# The AMQP client and what it needs (netty, slf4j-api), as resolved for embedded-infrastructure, from ~/.m2.
cp_file="$tmp/client.classpath"
./mvnw -B -q -o dependency:build-classpath -pl embedded-infrastructure -Dmdep.outputFile="$cp_file" >/dev/null
classpath=$(tr ':' '\n' <"$cp_file" | grep -E '/(amqp-client|netty-[a-z-]+|slf4j-api)-[0-9][^/]*\.jar$' | paste -sd: -)
client() { "$JAVA" -cp "$classpath" bench/BrokerRestart.java "$@" 2> >(grep -v '^SLF4J' >&2); }

# Starts ./run.sh in the temporary folder and waits for the launcher's "All N applications are UP".
start_platform() {
  local out="$tmp/run-$1.out" waited=0
  ( cd "$tmp" && exec ./run.sh ) >"$out" 2>&1 &
  pid=$!
  while ! grep -qs 'applications are UP' "$out"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "./run.sh exited while starting:" >&2; tail -n 30 "$out" >&2; exit 1; fi
    if [ "$waited" -ge "$UP_TIMEOUT" ]; then echo "./run.sh not UP after ${UP_TIMEOUT} s" >&2; tail -n 30 "$out" >&2; exit 1; fi
    sleep 1; waited=$((waited + 1))
  done
  if ! grep -q '^All .* applications are UP' "$out"; then
    echo "not every application is UP:" >&2; grep -E '✗|UP after' "$out" >&2; exit 1
  fi
  echo "start $1: ./run.sh (pid $pid) $(grep '^All .* applications are UP' "$out")"
}

start_platform 1
published=$(client publish "$BROKER_PORT" "$QUEUE" "$messages")
echo "$published"
stop_platform
start_platform 2
set +e
consumed=$(client consume "$BROKER_PORT" "$QUEUE" "$messages")
status=$?
set -e
echo "$consumed"
stop_platform

n_published=$(sed -nE 's/^published ([0-9]+) confirmed.*/\1/p' <<<"$published")
n_consumed=$(sed -nE 's/^after restart ([0-9]+) consumed.*/\1/p' <<<"$consumed")
echo "published ${n_published:-0} confirmed, after restart ${n_consumed:-0} consumed ($((SECONDS - started)) s in all)"
exit "$status"
