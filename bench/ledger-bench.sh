#!/usr/bin/env bash
# Transparency-log benchmarks (figures in /work/notes/bench-ledger.md): (a) durable batched append + sequence vs
# the database's raw batched INSERT; (b) Ledger.inclusionProof p50/p99 in a tree of 10,000,000 entries.
#   bench/ledger-bench.sh [pg-url] [append-entries] [tree-size]
# EMPTIES the PostgreSQL database given (default h_ledger) and an H2 file database under $OUT.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-/tmp/madoguchi-ledger-bench}"; mkdir -p "$OUT"
PG="${1:-jdbc:postgresql://127.0.0.1:5432/h_ledger}"; N="${2:-500000}"; TREE="${3:-10000000}"
timeout 900 ./mvnw -q -B -o -DskipTests test-compile
[ -s "$OUT/cp.txt" ] || timeout 300 ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"
{ echo "date: $(date -u +%FT%TZ)"; echo "nproc: $(nproc)"; lscpu | grep 'Model name'; java -version 2>&1 | head -1; uptime; } \
  | tee "$OUT/machine.txt"
echo "== PostgreSQL"
java -Xmx2g -cp "$CP" org.madoguchi.ledger.LedgerBench "$PG" postgres "" "$N" "$TREE" | tee "$OUT/pg.txt"
echo "== H2 (file)"
rm -f "$OUT"/h2bench.*
java -Xmx2g -cp "$CP" org.madoguchi.ledger.LedgerBench "jdbc:h2:file:$OUT/h2bench" sa "" "$N" "$TREE" | tee "$OUT/h2.txt"
