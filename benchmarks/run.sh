#!/usr/bin/env bash
# The one command behind docs/benchmarks.md: receiver against baseline under wrk, pair by pair, then JMH.
#
#   benchmarks/run.sh                 # full run: load pairs at 1, 8, 32 connections, then JMH with -prof gc
#   DURATION=10s ROUNDS=3 CONNECTIONS="1 8 32" JMH=0 benchmarks/run.sh
#   REFERENCE_PORT=8092 REFERENCE_PID=1234 benchmarks/run.sh   # also load a receiver you started yourself
#
# A reference receiver (e.g. pyPreservica's, see docs/benchmarks.md) gets the same deliveries in the same rounds
# (receiver, baseline, reference); it must use the secret in PRESERVICA_WEBHOOK_SECRET, so set that too.
#
# Builds benchmarks/target/benchmarks.jar when missing (REBUILD=1 forces it), installs wrk from Debian's
# packages when missing, starts both servers on 127.0.0.1 with the same JVM flags, stops them on exit, and
# writes docs/benchmarks-results.md and docs/benchmarks-throughput.svg.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/benchmarks/target/benchmarks.jar"
LUA="$ROOT/benchmarks/wrk/signed-delivery.lua"
RESULTS="$ROOT/benchmarks/target/load-results"

DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-1 8 32}"
WRK_THREADS="${WRK_THREADS:-1}"
BODY_BYTES="${BODY_BYTES:-1024}"
CHUNK_BYTES="${CHUNK_BYTES:-512}"
# distinct deliveries to cycle through: more than the receiver's default memory of 10000 seen deliveries
DELIVERY_COUNT="${DELIVERY_COUNT:-30000}"
JVM_FLAGS="${JVM_FLAGS:--Xmx512m -XX:+UseG1GC}"
RECEIVER_PORT="${RECEIVER_PORT:-8090}"
BASELINE_PORT="${BASELINE_PORT:-8091}"
REFERENCE_PORT="${REFERENCE_PORT:-}"
REFERENCE_PID="${REFERENCE_PID:-}"
JMH="${JMH:-1}"
JMH_OPTIONS="${JMH_OPTIONS:--f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc}"

log() { printf '[run.sh %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
    log "wrk is missing: installing it from Debian's packages"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q wrk
fi

if [ ! -f "$JAR" ] || [ "${REBUILD:-0}" = "1" ]; then
    log "building $JAR"
    (cd "$ROOT" && mvn -B -ntp -q -pl benchmarks -am package -DskipTests)
fi

# A fresh secret each run (unless one is given for a reference receiver), handed over in the environment so it
# never shows in the process list.
PRESERVICA_WEBHOOK_SECRET="${PRESERVICA_WEBHOOK_SECRET:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"
export PRESERVICA_WEBHOOK_SECRET

PIDS=()
stop_servers() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}
trap stop_servers EXIT INT TERM

rm -rf "$RESULTS" && mkdir -p "$RESULTS"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_server() { # name port
    if port_in_use "$2"; then
        # something else would answer the checks and take the load: refuse rather than measure it
        log "port $2 on 127.0.0.1 is already in use; stop what listens there or set ${1^^}_PORT"; exit 1
    fi
    # shellcheck disable=SC2086 # JVM_FLAGS is a list of flags
    java $JVM_FLAGS -jar "$JAR" "$1" --port "$2" >"$RESULTS/$1.log" 2>&1 &
    PIDS+=("$!")
    eval "${1}_PID=$!"
}

wait_until_ready() { # name port [--verifies]
    local name="$1" port="$2" pid_var="${1}_PID"; shift 2
    for _ in $(seq 1 60); do
        if [ -n "${!pid_var:-}" ] && ! kill -0 "${!pid_var}" 2>/dev/null; then
            log "$name exited before it was ready; its log:"; tail -40 "$RESULTS/$name.log" >&2
            exit 1
        fi
        if java -jar "$JAR" check --url "http://127.0.0.1:$port/hook" "$@" >>"$RESULTS/$name.check" 2>&1; then
            log "$name on 127.0.0.1:$port accepts signed chunked deliveries$([ $# -gt 0 ] && echo ' and refuses tampered ones')"
            return 0
        fi
        sleep 1
    done
    log "$name never became ready on 127.0.0.1:$port; its log:"; tail -40 "$RESULTS/$name.log" >&2
    cat "$RESULTS/$name.check" >&2
    exit 1
}

start_server receiver "$RECEIVER_PORT"
start_server baseline "$BASELINE_PORT"
wait_until_ready receiver "$RECEIVER_PORT" --verifies
wait_until_ready baseline "$BASELINE_PORT"
SERVERS="receiver baseline"
if [ -n "$REFERENCE_PORT" ]; then
    wait_until_ready reference "$REFERENCE_PORT"
    SERVERS="receiver baseline reference"
fi

DELIVERIES="$RESULTS/deliveries.tsv"
java -jar "$JAR" deliveries --size "$BODY_BYTES" --count "$DELIVERY_COUNT" --out "$DELIVERIES"

port_of() {
    case "$1" in
        receiver) echo "$RECEIVER_PORT" ;;
        baseline) echo "$BASELINE_PORT" ;;
        *) echo "$REFERENCE_PORT" ;;
    esac
}

# Bytes allocated so far by a server's threads, over plain bash TCP (no HTTP client needed). HTTP/1.0, so the
# answer is not chunked and its last line is the number.
allocated() { # server
    local answer value
    if [ "$1" = reference ]; then
        echo 0; return   # not ours: no counter to read
    fi
    set -- "$(port_of "$1")"
    exec 3<>"/dev/tcp/127.0.0.1/$1"
    printf 'GET /bench/allocated HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    answer="$(timeout 10 cat <&3)"
    exec 3<&-
    value="$(echo "${answer##*$'\n'}" | tr -dc '0-9')"
    if [ -z "$value" ]; then
        log "could not read /bench/allocated on port $1"; exit 1
    fi
    echo "$value"
}

load() { # server connections duration -> prints the RESULT fields
    local threads="$WRK_THREADS"
    [ "$2" -lt "$threads" ] && threads="$2"
    # a server that stops answering must not end the whole run: the run is recorded as failed (one socket error,
    # no requests) and the report marks it
    wrk -t"$threads" -c"$2" -d"$3" -s "$LUA" "http://127.0.0.1:$(port_of "$1")/hook" \
        -- "$DELIVERIES" "$CHUNK_BYTES" >"$RESULTS/wrk-last.txt" 2>&1 || log "wrk failed against $1: $(tail -1 "$RESULTS/wrk-last.txt")"
    if grep -q '^RESULT' "$RESULTS/wrk-last.txt"; then
        grep '^RESULT' "$RESULTS/wrk-last.txt" | cut -f2-
    else
        printf '0\t1\t0\t0\t0\t1\n'
    fi
}

for server in $SERVERS; do
    log "warming up $server for $WARMUP at 32 connections"
    load "$server" 32 "$WARMUP" >/dev/null
done

printf 'server\tconnections\tround\trequests\tduration_us\tp50_us\tp99_us\tnon2xx\tsocket_errors\tallocated_bytes\n' >"$RESULTS/runs.tsv"
for connections in $CONNECTIONS; do
    for round in $(seq 1 "$ROUNDS"); do
        for server in $SERVERS; do   # A B A B: each pair shares the machine's state of the moment
            before="$(allocated "$server")"
            fields="$(load "$server" "$connections" "$DURATION")"
            after="$(allocated "$server")"
            allocated_bytes="$((after - before))"
            [ "$server" = reference ] && allocated_bytes=-1
            printf '%s\t%s\t%s\t%s\t%s\n' "$server" "$connections" "$round" "$fields" "$allocated_bytes" \
                >>"$RESULTS/runs.tsv"
            log "$server c=$connections round $round: $(printf '%s\t%s' "$fields" "$((after - before))" | awk -F'\t' \
                '{printf "%.0f req/s, p50 %.2f ms, p99 %.2f ms, non-2xx %d, socket errors %d, %.0f bytes allocated a request", $1*1e6/$2, $3/1000, $4/1000, $5, $6, ($1 > 0 ? $7/$1 : 0)}')"
        done
    done
done

printf 'server\trss_kb\n' >"$RESULTS/rss.tsv"
reference_PID="$REFERENCE_PID"
for server in $SERVERS; do
    pid_var="${server}_PID"
    if [ -n "${!pid_var:-}" ]; then
        printf '%s\t%s\n' "$server" "$(ps -o rss= -p "${!pid_var}" | tr -d ' ')" >>"$RESULTS/rss.tsv"
    fi
done

cat >"$RESULTS/meta.properties" <<META
date=$(date -u +%Y-%m-%dT%H:%MZ)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
cores=$(nproc)
java=$(java -version 2>&1 | head -1 | cut -d'"' -f2)
jvmFlags=$JVM_FLAGS
wrk=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)
duration=$DURATION
warmup=$WARMUP
bodyBytes=$BODY_BYTES
chunkBytes=$CHUNK_BYTES
deliveryCount=$DELIVERY_COUNT
wrkThreads=$WRK_THREADS
reference=${REFERENCE_NAME:-}
META

stop_servers
PIDS=()

JMH_ARGS=()
if [ "$JMH" = "1" ]; then
    log "JMH: per-delivery work ($JMH_OPTIONS)"
    # shellcheck disable=SC2086 # JMH_OPTIONS is a list of options
    java -jar "$JAR" jmh $JMH_OPTIONS -rf json -rff "$RESULTS/jmh.json" | tee "$RESULTS/jmh.txt" >&2
    JMH_ARGS=(--jmh "$RESULTS/jmh.json")
    log "JMH: where a 1 KB delivery through the consumer allocates (-prof jfr)"
    java -jar "$JAR" jmh WebhookRequestBenchmark.webhookConsumerHandlesDelivery -p bodyBytes=1024 \
        -f 1 -wi 3 -w 2s -i 3 -r 5s -prof "jfr:dir=$RESULTS/jfr" >"$RESULTS/jmh-jfr.txt" 2>&1
    RECORDING="$(find "$RESULTS/jfr" -name '*.jfr' | head -1)"
    [ -n "$RECORDING" ] && JMH_ARGS+=(--allocations "$RECORDING")
fi

java -jar "$JAR" report --results "$RESULTS" "${JMH_ARGS[@]}" \
    --markdown "$ROOT/docs/benchmarks-results.md" --chart "$ROOT/docs/benchmarks-throughput.svg"
log "wrote docs/benchmarks-results.md and docs/benchmarks-throughput.svg (raw data in $RESULTS)"
