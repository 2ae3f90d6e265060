#!/usr/bin/env bash
# Cost per request (issue 17), in one run: nginx and the gateway in front of the same trivial route (station-service's
# liveness probe), then check-ins through the gateway. For each phase: requests/s, p50/p99 (wrk) and the CPU each
# process spent per request (utime+stime from /proc/<pid>/stat before and after the timed part): nginx, the
# gateway, each service, the launcher (embedded MongoDB and broker). Then the ratios the issue's goals are written in.
#
#   bench/compare.sh [seconds] [connections] [check-in connections]       (defaults 20 32 32)
#
# With nothing on the platform's ports it starts ./run.sh itself (gateway per-client limit raised: the trivial route
# comes from one client; LOCAL_JVM_FLAGS passes through), waits until all five answer, and stops it (SIGTERM to its
# PID) at the end. With the platform already running it uses it: start it with
#   PLATFORM_GATEWAY_RATE_LIMIT_NORMAL_REPLENISH_RATE=100000 PLATFORM_GATEWAY_RATE_LIMIT_NORMAL_BURST_CAPACITY=200000 ./run.sh
# Needs nginx (its own instance on a free 127.0.0.1 port, stopped at the end), wrk, python3, curl.
# COMPARE_WARMUP (default 20 s) is the warm-up before each timed phase (the gateway's C1 code is slow for ~30 s).
# COMPARE_JFR=<folder>: a flight recording (profile settings) of each platform process during each timed phase,
# started and dumped with jcmd: <folder>/<phase>-<process>.jfr (docs/performance.md reads them).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-20}
connections=${2:-32}
checkin_connections=${3:-32}
warmup=${COMPARE_WARMUP:-20}
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
WRK=${WRK:-$(command -v wrk || echo /usr/bin/wrk)}
for tool in "$NGINX" "$WRK"; do [ -x "$tool" ] || { echo "needs $tool" >&2; exit 1; }; done
TICKS=$(getconf CLK_TCK)
JCMD=${JCMD:-${JAVA_HOME:+$JAVA_HOME/bin/jcmd}}; JCMD=${JCMD:-jcmd}
work=$(mktemp -d)
platform_pid="" nginx_pid=""
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  if [ -n "$platform_pid" ]; then
    kill -TERM "$platform_pid" 2>/dev/null
    wait "$platform_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

up() { curl -fsS -o /dev/null --max-time 3 "$1" 2>/dev/null; }
if ! up http://127.0.0.1:8080/actuator/health/liveness; then
  if ss -ltn | grep -qE ':808[0-4] '; then echo "some platform ports are taken but the gateway is not answering" >&2; exit 1; fi
  echo "starting ./run.sh (per-client limit raised; log: data/logs/compare-run.log)"
  mkdir -p data/logs
  PLATFORM_GATEWAY_RATE_LIMIT_NORMAL_REPLENISH_RATE=100000 PLATFORM_GATEWAY_RATE_LIMIT_NORMAL_BURST_CAPACITY=200000 \
    ./run.sh >data/logs/compare-run.log 2>&1 &
  platform_pid=$!
  started=$SECONDS
  for port in 8080 8081 8082 8083 8084; do
    until up "http://127.0.0.1:$port/actuator/health/readiness"; do
      kill -0 "$platform_pid" 2>/dev/null || { echo "./run.sh stopped; see data/logs/compare-run.log" >&2; exit 1; }
      (( SECONDS - started < ${E2E_STARTUP_TIMEOUT_SECONDS:-900} )) || { echo "platform not ready in time" >&2; exit 1; }
      sleep 2
    done
  done
  echo "platform ready after $((SECONDS - started)) s"
fi

# The platform's processes by their listening ports (the launcher holds the embedded MongoDB).
pid_on() { ss -ltnpH "sport = :$1" | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1; }
declare -A PIDS
PIDS[gateway]=$(pid_on 8080); PIDS[organization]=$(pid_on 8081); PIDS[membership]=$(pid_on 8082)
PIDS[station]=$(pid_on 8083); PIDS[benefits]=$(pid_on 8084); PIDS[launcher]=$(pid_on "${LOCAL_MONGO_PORT:-27117}")
PLATFORM=(gateway station membership organization benefits launcher)
for name in "${PLATFORM[@]}"; do [ -n "${PIDS[$name]}" ] || { echo "no process found for $name (run as the platform's user)" >&2; exit 1; }; done

# nginx: its own instance, one worker per core, keep-alive to the backend as the gateway's pooled client.
nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  upstream station { server 127.0.0.1:8083; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / { proxy_pass http://station; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
EOF
"$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
until up "http://127.0.0.1:$nginx_port/actuator/health/liveness"; do
  kill -0 "$nginx_pid" 2>/dev/null || { cat "$work/nginx/error.log" >&2; exit 1; }
  sleep 0.2
done

# utime+stime in ticks of a process and its children that are alive (nginx's workers).
ticks_of() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$(( total + $(sed -E 's/^.*\) //' "/proc/$pid/stat" | awk '{print $12 + $13}') ))
  done
  echo "$total"
}
nginx_pids() { echo "$nginx_pid" $(pgrep -P "$nginx_pid" || true); }
snapshot() { # -> "name=ticks ..." for nginx and every platform process
  local name out="nginx=$(ticks_of $(nginx_pids))"
  for name in "${PLATFORM[@]}"; do out+=" $name=$(ticks_of "${PIDS[$name]}")"; done
  echo "$out"
}
declare -A RPS P50 P99 REQS CPU ERRS
# run_phase <phase> <url> <connections> [wrk args...]: warm-up, then the timed run with CPU snapshots around it.
run_phase() {
  local phase=$1 url=$2 conns=$3; shift 3
  "$WRK" -t2 -c"$conns" -d"${warmup}s" "$@" "$url" >/dev/null
  local before after out name
  if [ -n "${COMPARE_JFR:-}" ]; then
    mkdir -p "$COMPARE_JFR"
    for name in "${PLATFORM[@]}"; do "$JCMD" "${PIDS[$name]}" JFR.start name=compare settings=profile >/dev/null; done
  fi
  before=$(snapshot)
  out=$("$WRK" -t2 -c"$conns" -d"${seconds}s" --latency "$@" "$url")
  after=$(snapshot)
  if [ -n "${COMPARE_JFR:-}" ]; then
    for name in "${PLATFORM[@]}"; do
      "$JCMD" "${PIDS[$name]}" JFR.stop name=compare filename="$(realpath "$COMPARE_JFR")/$phase-$name.jfr" >/dev/null
    done
  fi
  echo "$out" >"$work/$phase.wrk"
  RPS[$phase]=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  REQS[$phase]=$(awk '/requests in/ {print $1}' <<<"$out")
  ERRS[$phase]=$(awk '/Non-2xx or 3xx/ {print $NF}' <<<"$out"); ERRS[$phase]=${ERRS[$phase]:-0}
  P50[$phase]=$(awk '$1=="50%" {print $2}' <<<"$out")
  P99[$phase]=$(awk '$1=="99%" {print $2}' <<<"$out")
  local pair
  for pair in $after; do
    name=${pair%%=*}
    local b; b=$(tr ' ' '\n' <<<"$before" | sed -n "s/^$name=//p")
    # ms of CPU per request
    CPU[$phase.$name]=$(awk -v a="${pair#*=}" -v b="$b" -v t="$TICKS" -v n="${REQS[$phase]}" 'BEGIN {printf "%.3f", (a-b)*1000/t/n}')
  done
  printf '%-10s %9s req/s  p50 %-9s p99 %-9s %s requests, %s non-2xx\n' "$phase" "${RPS[$phase]}" "${P50[$phase]}" \
    "${P99[$phase]}" "${REQS[$phase]}" "${ERRS[$phase]}"
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); ${warmup} s warm-up + ${seconds} s per phase"
run_phase nginx "http://127.0.0.1:$nginx_port/actuator/health/liveness" "$connections"
run_phase gateway "http://127.0.0.1:8080/station-service/actuator/health/liveness" "$connections"

secret() { sed -n "s/^$1=//p" data/local-secrets.properties 2>/dev/null; }
admin_password=${ADMIN_PASSWORD:-$(secret 'admin\.password')}
demo_password=${DEMO_PASSWORD:-$(secret 'demo\.password')}
python3 bench/stations/prepare-checkins.py "$admin_password" "$demo_password" "$work/clients" 200 64 >/dev/null
CHECKIN_CLIENTS="$work/clients" run_phase checkins http://127.0.0.1:8080/api/checkins "$checkin_connections" \
  -s bench/compare/checkins.lua
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "CPU per request (ms), by process:"
printf '%-10s' phase; for name in nginx "${PLATFORM[@]}"; do printf '%13s' "$name"; done; printf '%13s\n' platform
for phase in nginx gateway checkins; do
  printf '%-10s' "$phase"
  for name in nginx "${PLATFORM[@]}"; do printf '%13s' "${CPU[$phase.$name]}"; done
  printf '%13s\n' "$(for name in "${PLATFORM[@]}"; do echo "${CPU[$phase.$name]}"; done | awk '{s+=$1} END {printf "%.3f", s}')"
done
checkin_cpu=$(for name in "${PLATFORM[@]}"; do echo "${CPU[checkins.$name]}"; done | awk '{s+=$1} END {print s}')
echo
awk -v g="${RPS[gateway]}" -v n="${RPS[nginx]}" -v c="${RPS[checkins]}" -v cc="$checkin_cpu" -v nc="${CPU[nginx.nginx]}" \
  -v gc="${CPU[gateway.gateway]}" 'BEGIN {
    printf "gateway / nginx throughput      %.2f   (goal >= 0.8)\n", g / n
    printf "check-ins / nginx throughput    %.3f  (goal >= 0.25)\n", c / n
    printf "CPU per check-in / nginx CPU    %.1f   (goal <= 15; all platform processes %.2f ms, nginx %.3f ms per request)\n", cc / nc, cc, nc
    printf "gateway CPU / nginx CPU         %.1f   (trivial route, the proxy process alone)\n", gc / nc
  }'
