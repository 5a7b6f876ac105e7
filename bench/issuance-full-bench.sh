#!/usr/bin/env bash
# Whole counter issuances per second (register, rules, render, PAdES B-T seal with the PKCS#12 key and the development
# TSA, log entry, history row, access log) and the public verification's p50/p99, with the database's own row rate in
# the same run. From the repository root with JDK 17:
#   bench/issuance-full-bench.sh [jdbc-url] [threads] [seconds]
# Default: an H2 file under /tmp/madoguchi-issuance-bench. For PostgreSQL give e.g.
#   jdbc:postgresql://127.0.0.1:5432/issuance_bench   (the database is created if missing and must be empty of others' data)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-/tmp/madoguchi-issuance-bench}"; mkdir -p "$OUT"
URL="${1:-jdbc:h2:file:$OUT/h2;DB_CLOSE_DELAY=-1}"; THREADS="${2:-2}"; SECONDS_RUN="${3:-20}"
if [[ "$URL" == jdbc:postgresql://* ]]; then
  db="${URL##*/}"; db="${db%%\?*}"
  psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" >/dev/null
fi
timeout 900 ./mvnw -q -B -DskipTests test-compile
[ -s "$OUT/cp.txt" ] || timeout 300 ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"
{ echo "date: $(date -u +%FT%TZ)"; echo "nproc: $(nproc)"; lscpu | grep 'Model name'; java -version 2>&1 | head -1; uptime; } \
  | tee "$OUT/machine.txt"
timeout 1200 java -Xmx1g -Duser.timezone=Asia/Tokyo -cp "$CP" org.madoguchi.issuance.IssuanceBench "$URL" "$THREADS" "$SECONDS_RUN" \
  2> >(grep -v 'Format 14 cmap\|WARN' >&2) | tee "$OUT/issuance.txt"
uptime | tee -a "$OUT/machine.txt"
