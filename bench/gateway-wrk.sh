#!/usr/bin/env bash
# Gateway overhead with wrk (Debian package `wrk`) as the load generator, as DESIGN.md asks: a loopback
# fake backend that takes BACKEND_MS per answer, the same closed-loop load straight at it and through
# the gateway, and the difference. Usage: bench/gateway-wrk.sh [CLIENTS] [SECONDS] [BACKEND_MS]
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-200}
seconds=${2:-60}
backend_ms=${3:-200}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
log=$(mktemp)
CLINIGATE_JAVA_OPTS="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn" \
  ./clinigate bench gateway --external-load $((seconds * 2 + 60)) --backend-delay-ms "$backend_ms" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 600); do grep -q '^serving' "$log" && break; sleep 1; done
gw=$(awk '/^gateway/ {print $2}' "$log")
be=$(awk '/^backend/ {print $2}' "$log")
bodies=$(awk '/bodies/ {print $NF}' "$log")
run() { wrk -t2 -c"$clients" -d"$1"s --latency -s bench/bodies.lua "$2" -- "$bodies"; }
echo "warm-up (20 s through the gateway)"; run 20 "$gw" >/dev/null
echo "== direct to the backend: $clients connections, $seconds s, backend $backend_ms ms"; run "$seconds" "$be" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|75|90|99)%'
echo "== through the gateway: $clients connections, $seconds s, backend $backend_ms ms"; run "$seconds" "$gw" | grep -E 'Requests/sec|Non-2xx|Socket errors|^ +(50|75|90|99)%'
