#!/usr/bin/env bash
# Runs the whole union platform on this machine with nothing installed but a JDK (21 or newer):
# builds what is missing or out of date, then starts the local launcher, which runs an embedded
# MongoDB-wire server (data kept in ./data/mongo) and AMQP broker (unconsumed
# events kept in ./data/broker), the gateway and the four services.
#
#   ./run.sh                  build if needed, then run; Ctrl-C stops everything
#   LOCAL_MONGO_PORT=27118 LOCAL_BROKER_PORT=5674 ./run.sh    other ports for the embedded servers
#   LOCAL_PORT_OFFSET=100 ./run.sh   every application's port moved by 100 (gateway 8180), beside another platform
#   ./run.sh --replicas 2     two instances of each service (or LOCAL_REPLICAS=2), balanced by the gateway:
#                             the second on port +10 (8091-8094); an instance that dies is started again
#   LOCAL_AOT=true ./run.sh   also record JDK AOT caches (data/aot/) for faster later starts; slower Ctrl-C once
#   ./run.sh --repair-store   when a start says the embedded MongoDB's store is damaged: roll it back to its
#                             newest readable version (the damaged file is kept as data/mongo/*.mv.back)
#
# Logs: ./data/logs/ (build.log, launcher.log, one file per application).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
readonly MIN_JAVA=21
readonly APPS=(gateway organization-service membership-service station-service benefits-service)
readonly MODULES=(local-launcher "${APPS[@]}")

say() { printf '%s\n' "$*"; }
fail() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

# Major version of a java binary: "25.0.1" -> 25, "21" -> 21, "1.8.0_392" -> 8; empty when it does not run.
java_major() {
  local version
  version=$("$1" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }') || return 0
  case "$version" in
    1.*) printf '%s' "${version#1.}" | cut -d. -f1 ;;
    *) printf '%s' "$version" | cut -d. -f1 | cut -d- -f1 | cut -d+ -f1 ;;
  esac
}

good_java() {
  local major
  [[ -x "$1" ]] || return 1
  major=$(java_major "$1")
  [[ "$major" =~ ^[0-9]+$ ]] && (( major >= MIN_JAVA ))
}

# JAVA_HOME if it is new enough, else the newest JDK under /usr/lib/jvm (or macOS's folder), else java on PATH.
find_java_home() {
  if [[ -n "${JAVA_HOME:-}" ]] && good_java "$JAVA_HOME/bin/java"; then
    printf '%s' "$JAVA_HOME"
    return
  fi
  local best="" best_major=0 home major
  for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || continue
    major=$(java_major "$home/bin/java")
    if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= MIN_JAVA && major > best_major )); then
      best="$home" best_major=$major
    fi
  done
  if [[ -n "$best" ]]; then
    printf '%s' "$best"
    return
  fi
  local on_path
  if on_path=$(command -v java) && good_java "$on_path"; then
    # Resolve symlinks (/usr/bin/java -> .../bin/java) to find the JDK folder.
    on_path=$(readlink -f "$on_path" 2>/dev/null || printf '%s' "$on_path")
    printf '%s' "$(dirname "$(dirname "$on_path")")"
    return
  fi
  return 1
}

JAVA_HOME=$(find_java_home) || fail "needs a JDK $MIN_JAVA or newer: set JAVA_HOME, or install one (e.g. Temurin 25)."
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

jar_of() { printf '%s/target/%s.jar' "$1" "$1"; }

# A build is needed when a jar is missing or any pom.xml or main source is newer than the oldest jar.
needs_build() {
  local module jar oldest=""
  for module in "${MODULES[@]}"; do
    jar=$(jar_of "$module")
    [[ -f "$jar" ]] || return 0
    if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then
      oldest="$jar"
    fi
  done
  [[ -n $(find . \( -name .git -o -name data -o -name target -o -name node_modules \) -prune -o \
    -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$oldest" -print -quit) ]]
}

build() {
  mkdir -p data/logs
  local log=data/logs/build.log started=$SECONDS status
  say "Building (JDK $(java_major "$JAVA") at $JAVA_HOME; full log in $log)…"
  set +e
  ./mvnw -B -DskipTests package -pl "$(IFS=,; printf '%s' "${MODULES[*]}")" -am 2>&1 \
    | tee "$log" \
    | sed -nu -E 's/^\[INFO\] Building ([^ ]+) [^ ]+ +\[([0-9]+\/[0-9]+)\]$/  [\2] \1/p'
  status=${PIPESTATUS[0]}
  set -e
  if (( status != 0 )); then
    say ""
    say "Build FAILED. Last lines of $log:"
    tail -n 40 "$log"
    exit "$status"
  fi
  say "Built in $((SECONDS - started)) s."
}

if needs_build; then
  build
else
  say "Jars are up to date: no build needed."
fi

# The launcher runs from its own copy, as the services do (data/aot/): a build in this checkout while the platform
# runs (./mvnw verify) rewrites target/*.jar, and a JVM whose jar changes under it fails on its next class load.
# The copy is replaced by a rename, so a launcher already running keeps the file it opened.
launcher_copy() {
  local jar copy=data/launcher/local-launcher.jar
  jar=$(jar_of local-launcher)
  mkdir -p data/launcher
  if ! cmp -s "$jar" "$copy"; then
    cp "$jar" "$copy.partial"
    mv -f "$copy.partial" "$copy"
  fi
  printf '%s' "$copy"
}
LAUNCHER_JAR=$(launcher_copy)

# The launcher itself only holds the embedded servers: a small heap is plenty. LOCAL_JVM_FLAGS (also given to
# every service by the launcher) comes last and so overrides, e.g. LOCAL_JVM_FLAGS=-XX:TieredStopAtLevel=4 for C2.
# shellcheck disable=SC2086
exec "$JAVA" -Xms64m -Xmx384m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ${LOCAL_JVM_FLAGS:-} \
  -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8 \
  -jar "$LAUNCHER_JAR" "$@"
