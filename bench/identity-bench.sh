#!/usr/bin/env bash
# Reproduces the "Identity: CMS signature verification" figures in docs/benchmarks.md. Run from the repository
# root with JDK 17 and openssl on the PATH:  bench/identity-bench.sh [threads] [warmupSeconds] [seconds]
# Results go to $OUT (default /tmp/madoguchi-identity-bench).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-/tmp/madoguchi-identity-bench}"; mkdir -p "$OUT"
THREADS="${1:-2}"; WARMUP="${2:-5}"; SECONDS_RUN="${3:-15}"

timeout 900 ./mvnw -q -B -DskipTests test-compile
timeout 300 ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"

{ echo "date: $(date -u +%FT%TZ)"; echo "nproc: $(nproc)"; lscpu | grep 'Model name'; java -version 2>&1; uptime; } \
  | tee "$OUT/machine.txt"

echo "== VerifyBench ($THREADS threads)"
timeout 600 java -Xmx512m -cp "$CP" org.madoguchi.identity.VerifyBench "$THREADS" "$WARMUP" "$SECONDS_RUN" \
  | tee "$OUT/verify.txt"

# The raw limit: RSA-2048 public-key operations per second, one core and all cores.
echo "== openssl speed rsa2048 (1 process, then $THREADS)"
openssl speed -seconds 5 rsa2048 2>/dev/null | grep -E '^rsa 2048|sign/s' | tee "$OUT/openssl.txt"
openssl speed -seconds 5 -multi "$THREADS" rsa2048 2>/dev/null | grep -E 'rsa 2048|sign/s' | tee -a "$OUT/openssl.txt"
