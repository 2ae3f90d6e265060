#!/usr/bin/env bash
# Issue 16's fault suite (bench/FaultSuite.java says what it does and checks): the real ./run.sh on a fresh temporary
# data directory, a steady mix of writes through the gateway, and in turn: one instance of each service killed (-9),
# the broker stopped 20 s, MongoDB's connections cut 10 s (a TCP proxy on 127.0.0.1:27127), a power cut. Prints a
# table: fault, writes/s before, during and after, acknowledged, lost, doubled, drain time of the outboxes.
#   bench/faults.sh [embedded|rabbitmq|both] [replicas]          (defaults: both, 2)
# embedded: ./run.sh's own broker (its connections are cut at a proxy on 127.0.0.1:5683: it lives in the launcher).
# rabbitmq: the RabbitMQ installed on this machine (127.0.0.1:5672, guest/guest), in a virtual host of its own that
# is deleted afterwards; stopped and started with rabbitmqctl. Skipped, saying so, when none answers.
# Needs the ports of ./run.sh free, a JDK, python3; 10-20 minutes per mode on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-both}
replicas=${2:-2}
source bench/lib.sh
started=$SECONDS
build_platform_if_needed

status=0
run_mode() {
  local broker=$1 tmp vhost=/
  tmp=$(platform_folder "faults-$broker")
  if [ "$broker" = rabbitmq ]; then
    vhost="union-faults-$$"
    rabbitmqctl -q add_vhost "$vhost"
    rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*'
  fi
  echo "== fault suite: $broker broker, $replicas instance(s) of each service; data in $tmp"
  "$JAVA" bench/FaultSuite.java "$tmp" "$broker" "$replicas" "$vhost" || status=1
  if [ "$broker" = rabbitmq ]; then rabbitmqctl -q delete_vhost "$vhost" || true; fi
  rm -rf "$tmp"
}

rabbit_answers() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null && command -v rabbitmqctl >/dev/null; }

if [ "$mode" = embedded ] || [ "$mode" = both ]; then run_mode embedded; fi
if [ "$mode" = rabbitmq ] || [ "$mode" = both ]; then
  if rabbit_answers; then run_mode rabbitmq; else echo "== no RabbitMQ (and rabbitmqctl) on 127.0.0.1:5672: the rabbitmq mode is skipped"; fi
fi
echo "fault suite done in $((SECONDS - started)) s"
exit "$status"
