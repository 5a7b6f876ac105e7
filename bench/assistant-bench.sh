#!/usr/bin/env bash
# Reproduces the "Resident assistant: FAQ retrieval" figures in docs/benchmarks.md. Run from the repository root
# with JDK 17; the LocalgovFAQ files are read from $DATA (default ../shared/datasets/localgovfaq), never copied.
#   bench/assistant-bench.sh [latency|memory|quality|all]...
# Results go to $OUT (default /tmp/madoguchi-assistant-bench).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-/tmp/madoguchi-assistant-bench}"; mkdir -p "$OUT"
DATA="${DATA:-../shared/datasets/localgovfaq}"
log() { echo "[$(date +%T)] $*" | tee -a "$OUT/log.txt"; }

classpath() {
  timeout 900 ./mvnw -q -B -DskipTests test-compile
  timeout 300 ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
  CP="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"
}

machine() {
  { echo "nproc: $(nproc)"; lscpu | grep 'Model name'; free -g | head -2; java -version 2>&1; uptime; } > "$OUT/machine.txt"
  cat "$OUT/machine.txt"
}

latency() { log "latency"; timeout 900 java -Xmx1g -cp "$CP" org.madoguchi.assistant.FaqEngineBench latency "$DATA" | tee "$OUT/latency.txt"; }
memory()  { log "memory (-Xmx512m)"; timeout 900 java -Xmx512m -cp "$CP" org.madoguchi.assistant.FaqEngineBench memory "$DATA" | tee "$OUT/memory.txt"; }
quality() {   # nDCG@10 and friends without feedback, and the two-fold feedback figures
  log "quality"
  timeout 900 java -Xmx1g -cp "$CP" org.madoguchi.assistant.FaqEval --corpus "$DATA/corpus.json" --queries "$DATA/queries.json" \
    --qrels "$DATA/qrels.json" --out "$OUT/run.tsv" | tee "$OUT/quality.txt"
  timeout 900 java -Xmx1g -Dfaq.data="$DATA" -cp "$CP" org.madoguchi.assistant.FaqTune - | tee -a "$OUT/quality.txt"
}

classpath
[ $# -ge 1 ] || set -- all
for step in "$@"; do
  case "$step" in
    all) machine; quality; latency; memory ;;
    latency|memory|quality|machine) "$step" ;;
    *) echo "unknown step $step"; exit 2 ;;
  esac
done
