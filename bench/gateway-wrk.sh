#!/usr/bin/env bash
# Gateway overhead with wrk (Debian package `wrk`) as the load generator, as DESIGN.md asks: a loopback
# fake backend that takes BACKEND_MS per answer, the same closed-loop load straight at it and through
# the gateway, and the difference.
# Usage: bench/gateway-wrk.sh [CLIENTS] [SECONDS] [BACKEND_MS] [WARMUP_SECONDS] [JITTER_MS]
#
# JITTER_MS (default 0) makes each backend answer take BACKEND_MS plus or minus up to that much, drawn uniformly.
# With a fixed delay, wrk's connections, which all start at once, stay in step: all of them arrive within a few
# milliseconds of each other once per BACKEND_MS, and the last of each wave waits for the others' CPU time.
#
# The warm-up runs the same load through the gateway first. It defaults to 120 s because the JIT needs that long
# on 2 cores: after 20 s the C2 compiler thread still took about a quarter of the process's CPU and much of the hot
# code still ran at the profiling tier (ADR 0006, "Measuring the gateway").
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-200}
seconds=${2:-60}
backend_ms=${3:-200}
warmup=${4:-120}
jitter=${5:-0}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
log=$(mktemp)
CLINIGATE_JAVA_OPTS="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn" \
  ./clinigate bench gateway --external-load $((seconds * 2 + warmup + 60)) --backend-delay-ms "$backend_ms" --backend-jitter-ms "$jitter" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 600); do grep -q '^serving' "$log" && break; sleep 1; done
gw=$(awk '/^gateway/ {print $2}' "$log")
be=$(awk '/^backend/ {print $2}' "$log")
bodies=$(awk '/bodies/ {print $NF}' "$log")
run() { wrk -t2 -c"$clients" -d"$1"s --latency -s bench/bodies.lua "$2" -- "$bodies"; }
echo "warm-up ($warmup s through the gateway)"; run "$warmup" "$gw" >/dev/null
echo "== direct to the backend: $clients connections, $seconds s, backend $backend_ms ± $jitter ms"; run "$seconds" "$be" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|75|90|99)%'
echo "== through the gateway: $clients connections, $seconds s, backend $backend_ms ± $jitter ms"; run "$seconds" "$gw" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|75|90|99)%'
