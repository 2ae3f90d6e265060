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
