#!/usr/bin/env bash
# The seal of issued certificates (org.madoguchi.issuance.signing): raw ECDSA P-256 signatures, in-process TSA
# tokens, PAdES B-T seals of a 2-page certificate per second, and the seal check's latency. Run from the repository
# root with JDK 17:  bench/issuance-bench.sh [threads] [warmupSeconds] [seconds] [checkIterations]
# Results go to $OUT (default /tmp/madoguchi-issuance-bench).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-/tmp/madoguchi-issuance-bench}"; mkdir -p "$OUT"
THREADS="${1:-2}"; WARMUP="${2:-5}"; SECONDS_RUN="${3:-15}"; CHECKS="${4:-3000}"

timeout 900 ./mvnw -q -B -DskipTests test-compile
timeout 300 ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"

{ echo "date: $(date -u +%FT%TZ)"; echo "nproc: $(nproc)"; lscpu | grep 'Model name'; java -version 2>&1; uptime; } \
  | tee "$OUT/machine.txt"

echo "== SigningBench ($THREADS threads)"
timeout 900 java -Xmx512m -cp "$CP" org.madoguchi.issuance.signing.SigningBench "$THREADS" "$WARMUP" "$SECONDS_RUN" "$CHECKS" \
  2> >(grep -v 'Format 14 cmap' >&2) | tee "$OUT/signing.txt"
