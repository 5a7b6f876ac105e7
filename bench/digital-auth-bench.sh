#!/usr/bin/env bash
# Reproduces the "デジタル認証アプリ sign-in round trip" figures in docs/benchmarks.md: starts start-dev on a fresh
# data directory (H2, demo city, demo resident linked to a person), issues that person a virtual card through the
# development identity provider, and runs DigitalAuthSignInBench (sequential round trips, fresh cookies each).
#   bench/digital-auth-bench.sh [rounds=300] [warmup=50] [port=18080]
# Results go to $OUT (default /tmp/madoguchi-digital-auth-bench).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-/tmp/madoguchi-digital-auth-bench}"; mkdir -p "$OUT"
ROUNDS="${1:-300}"; WARMUP="${2:-50}"; PORT="${3:-18080}"
DATA="$OUT/data"; rm -rf "$DATA"

timeout 900 ./mvnw -q -B -DskipTests package
timeout 300 ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"

{ echo "date: $(date -u +%FT%TZ)"; echo "nproc: $(nproc)"; lscpu | grep 'Model name'; java -version 2>&1; uptime; } \
  | tee "$OUT/machine.txt"

bin/madoguchi start-dev --data-dir "$DATA" --port "$PORT" > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://localhost:$PORT/actuator/health" >/dev/null && break
  kill -0 $APP 2>/dev/null || { cat "$OUT/app.log"; exit 1; }
  sleep 1
done
ATENA="$(grep -o '宛名番号 [0-9]\{10\}' "$OUT/app.log" | head -1 | cut -d' ' -f2)"
[ -n "$ATENA" ] || { echo "no linked demo resident in $OUT/app.log"; exit 1; }
echo "demo resident linked to 宛名番号 $ATENA"

timeout 900 java -Xmx256m -cp "$CP" org.madoguchi.identity.DigitalAuthSignInBench "http://localhost:$PORT" "$ATENA" \
  "$ROUNDS" "$WARMUP" | tee "$OUT/signin.txt"
