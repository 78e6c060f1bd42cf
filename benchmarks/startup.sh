#!/usr/bin/env bash
# Start-up time and resident memory of the print-events example (Camel Main) and of the Quarkus example (JVM mode),
# measured the same way: each is launched RUNS times against a simulator, configured by the environment only, and
# timed until Preservica has its subscription and until its first delivery is answered 200; its resident memory
# (VmRSS) is read 2 s later; then it is stopped with SIGTERM. Prints a markdown table for docs/benchmarks.md.
#
#   benchmarks/startup.sh            # RUNS=5, JVM_FLAGS="-Xmx256m -XX:+UseSerialGC" for both
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-5}"
JVM_FLAGS="${JVM_FLAGS:--Xmx256m -XX:+UseSerialGC}"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
QUARKUS_JAR="$ROOT/examples/quarkus/target/quarkus-app/quarkus-run.jar"
CLASSPATH_FILE="$ROOT/examples/print-events/target/startup-classpath.txt"

log() { printf '[startup.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [ ! -f "$JAR" ] || [ ! -f "$QUARKUS_JAR" ] || [ "${REBUILD:-0}" = "1" ]; then
    log "building the benchmarks and both examples"
    (cd "$ROOT" && mvn -B -ntp -q install -DskipTests)
fi
(cd "$ROOT" && mvn -B -ntp -q -f examples/print-events dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE")

cd "$ROOT"
echo "| application | to subscribed | to first delivery answered | resident memory | unsubscribed on SIGTERM |"
echo "|---|---:|---:|---:|---:|"
# shellcheck disable=SC2086
java -jar "$JAR" startup --label "print-events (Camel Main, Vert.x)" --runs "$RUNS" -- \
    java $JVM_FLAGS -cp "examples/print-events/target/classes:$(cat "$CLASSPATH_FILE")" \
    io.github.camelpreservica.examples.printevents.PrintEventsApplication
# shellcheck disable=SC2086
java -jar "$JAR" startup --label "quarkus (Camel Quarkus 3.33, JVM mode)" --runs "$RUNS" -- \
    java $JVM_FLAGS -jar "$QUARKUS_JAR"
