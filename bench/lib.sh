# Shared by the bench scripts: find a JDK >= 21 and build the bench jar once.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
if [ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then :; else
  JAVA_HOME=$(ls -d /usr/lib/jvm/*/ | while read -r d; do d=${d%/}; [ -x "$d/bin/javac" ] && echo "$(java_major "$d") $d"; done | sort -n | tail -1 | cut -d' ' -f2)
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

ensure_bench_jar() {
  if [ ! -f bench/target/bench.jar ] || [ -n "$(find bench/src bench/pom.xml -newer bench/target/bench.jar 2>/dev/null | head -1)" ]; then
    echo "building bench/target/bench.jar ..."
    ./mvnw -B -q -Pbench -pl bench -am -DskipTests package
  fi
}

require_up() {
  curl -fsS -o /dev/null --max-time 3 "$1" || { echo "$1 is not answering: start the platform first (./run.sh)" >&2; exit 1; }
}

# ---- for the scripts that run the real ./run.sh (broker-restart.sh, power-cut.sh, faults.sh) ----
readonly PLATFORM_MODULES=(local-launcher gateway organization-service membership-service station-service benefits-service)

# The same rule as run.sh: build when a jar is missing or a pom or main source is newer than the oldest jar.
build_platform_if_needed() {
  local module jar oldest=""
  for module in "${PLATFORM_MODULES[@]}"; do
    jar="$module/target/$module.jar"
    if [ ! -f "$jar" ]; then oldest=""; break; fi
    if [ -z "$oldest" ] || [ "$jar" -ot "$oldest" ]; then oldest=$jar; fi
  done
  if [ -z "$oldest" ] || [ -n "$(find . \( -name .git -o -name data -o -name target -o -name node_modules \) -prune -o \
      -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$oldest" -print -quit)" ]; then
    echo "building the platform's jars ..."
    ./mvnw -B -q -o -DskipTests package -pl "$(IFS=,; echo "${PLATFORM_MODULES[*]}")" -am
  fi
}

# run.sh keeps its data in ./data next to itself (LauncherSettings: <working dir>/data, not configurable), so a run
# happens in a temporary folder holding links to run.sh, each module and bench/: run.sh cds there, the launcher finds
# <module>/target/<module>.jar through the links and writes data/ (MongoDB, broker store, logs) there. The
# repository's own ./data is not touched. Prints the folder.
platform_folder() {
  local root tmp module
  root=$(pwd)
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  ln -s "$root/run.sh" "$tmp/run.sh"
  ln -s "$root/bench" "$tmp/bench"
  for module in "${PLATFORM_MODULES[@]}"; do ln -s "$root/$module" "$tmp/$module"; done
  printf '%s' "$tmp"
}

# SIGTERM to ./run.sh's pid ($pid; run.sh execs the launcher, which stops its children), -KILL after 120 s.
stop_platform() {
  [ -n "${pid:-}" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    local waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 120 ]; do sleep 1; waited=$((waited + 1)); done
    if kill -0 "$pid" 2>/dev/null; then
      echo "./run.sh (pid $pid) did not stop within 120 s: killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    else
      echo "./run.sh (pid $pid) stopped after ${waited} s"
    fi
  fi
  wait "$pid" 2>/dev/null || true
  pid=""
}
