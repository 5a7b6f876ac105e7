#!/usr/bin/env bash
# Reproduces docs/benchmarks.md. Run from the repository root on a machine with PostgreSQL at 127.0.0.1:5432
# (user postgres, trust auth), JDK 17, psql and pgbench on PATH.
#   bench/register-bench.sh [all|build|pg-load|copy|h2-load|app|lookup|pgbench|feed|stop]...
# Results go to $OUT (default /tmp/madoguchi-bench); every run is bounded with `timeout`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-/tmp/madoguchi-bench}"; mkdir -p "$OUT"
N="${RESIDENTS:-500000}"
DB="${DB:-madoguchi_bench}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
JDBC="jdbc:postgresql://127.0.0.1:5432/$DB"
PORT="${PORT:-18080}"; BASE="http://127.0.0.1:$PORT"
JAR=target/madoguchi-0.1.0-SNAPSHOT.jar
APP_ARGS=(--spring.profiles.active=dev "--spring.datasource.url=$JDBC" --spring.datasource.username=postgres
  --madoguchi.citygen.seed-on-first-start=0)
TOOL_FIX=()  # extra arguments for the tools, if ever needed
log() { echo "[$(date +%T)] $*" | tee -a "$OUT/log.txt"; }

machine() {
  { echo "nproc: $(nproc)"; free -g; lscpu | grep 'Model name'; "${PSQL[@]}" -d postgres -Atc 'select version()'
    java -version 2>&1; uptime; } > "$OUT/machine.txt"
}

build() { timeout 600 ./mvnw -q -B -o -DskipTests package; }

pg_load() {   # 1a: generate-city into a fresh PostgreSQL database
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  log "generate-city $N on PostgreSQL"
  /usr/bin/time -v -o "$OUT/pg-load.time" env SPRING_DATASOURCE_USERNAME=postgres timeout 1200 \
    bin/madoguchi generate-city --residents="$N" --seed=42 --db-url "$JDBC?reWriteBatchedInserts=true" "${TOOL_FIX[@]}" \
    2>&1 | tee "$OUT/pg-load.log" | tail -5
}

copy_limit() {  # 1b: PostgreSQL's own COPY of the very rows just written
  local t total=0
  for t in resident_record resident register_change; do
    "${PSQL[@]}" -d "$DB" -c "\\copy (SELECT * FROM $t) TO '/tmp/bench-$t.csv' CSV"
    "${PSQL[@]}" -d "$DB" -c "DROP TABLE IF EXISTS ${t}_copy" -c "CREATE TABLE ${t}_copy (LIKE $t INCLUDING ALL)" \
      -c "TRUNCATE ${t}_copy" -c CHECKPOINT
    local s e; s=$(date +%s.%N)
    timeout 600 "${PSQL[@]}" -d "$DB" -c "\\copy ${t}_copy FROM '/tmp/bench-$t.csv' CSV"
    e=$(date +%s.%N)
    local rows; rows=$("${PSQL[@]}" -d "$DB" -Atc "select count(*) from ${t}_copy")
    local secs; secs=$(echo "$e - $s" | bc -l)
    total=$(echo "$total + $secs" | bc -l)
    printf '%s rows=%s copy_seconds=%.2f rows_per_s=%.0f\n' "$t" "$rows" "$secs" "$(echo "$rows / $secs" | bc -l)" \
      | tee -a "$OUT/copy.txt"
  done
  printf 'total_copy_seconds=%.2f persons_per_s=%.0f\n' "$total" "$(echo "$N / $total" | bc -l)" | tee -a "$OUT/copy.txt"
  for t in resident_record resident register_change; do "${PSQL[@]}" -d "$DB" -c "DROP TABLE ${t}_copy"; rm -f "/tmp/bench-$t.csv"; done
}

h2_load() {   # 1c: the same generation on embedded H2
  rm -rf /tmp/bench-h2
  log "generate-city $N on H2"
  /usr/bin/time -v -o "$OUT/h2-load.time" timeout 1200 \
    bin/madoguchi generate-city --residents="$N" --seed=42 --data-dir /tmp/bench-h2 "${TOOL_FIX[@]}" 2>&1 | tee "$OUT/h2-load.log" | tail -5
}

app() {       # start the app against the loaded database
  "${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE"
  nohup java -Xmx1g -jar "$JAR" "${APP_ARGS[@]}" --server.port="$PORT" --spring.datasource.hikari.maximum-pool-size=40 \
    > "$OUT/app.log" 2>&1 &
  echo $! > "$OUT/app.pid"
  for _ in $(seq 1 120); do curl -fs "$BASE/actuator/health" >/dev/null && { log "app up (pid $(cat "$OUT/app.pid"))"; return; }; sleep 1; done
  log "app did not come up"; return 1
}

token() {     # token for a demo account: the stdout line with prefix mdg_ (shutdown log lines follow it on stdout)
  timeout 120 java -jar "$JAR" issue-token "${APP_ARGS[@]}" "${TOOL_FIX[@]}" --username="$1" --label=bench 2>/dev/null | grep "^mdg_" | tail -1
}

lookup() {    # 2: 32 clients, warm-up 5 s, 30 s measured, two phases
  token madoguchi > "$OUT/token.madoguchi"
  grep -q '^mdg_' "$OUT/token.madoguchi" || { log "no token"; return 1; }
  "${PSQL[@]}" -d "$DB" -Atc "SELECT atena_number FROM resident_record WHERE latest ORDER BY random() LIMIT 2000" > "$OUT/atena.txt"
  "${PSQL[@]}" -d "$DB" -Atc "SELECT left(kana_search, 2 + (random() < 0.5)::int) FROM resident_record
      WHERE latest AND kana_search IS NOT NULL AND length(kana_search) >= 3 ORDER BY random() LIMIT 2000" > "$OUT/kana.txt"
  for kind in atena kana; do
    log "lookup load: $kind"
    timeout 90 java bench/LookupLoad.java "$BASE" "$(cat "$OUT/token.madoguchi")" "$kind" "$OUT/$kind.txt" 32 "${WARMUP:-20}" 30 \
      | tee "$OUT/lookup-$kind.txt"
    for c in 1 4; do   # the same requests from fewer clients: latency without queueing on two cores
      timeout 40 java bench/LookupLoad.java "$BASE" "$(cat "$OUT/token.madoguchi")" "$kind" "$OUT/$kind.txt" "$c" 3 15 \
        | tee -a "$OUT/lookup-$kind-low.txt"
    done
  done
}

pgbench_limit() {  # 2b: the same SQL straight against PostgreSQL
  "${PSQL[@]}" -d "$DB" -c "DROP TABLE IF EXISTS bench_atena, bench_kana" \
    -c "CREATE TABLE bench_atena (i serial primary key, v text)" -c "CREATE TABLE bench_kana (i serial primary key, v text)"
  "${PSQL[@]}" -d "$DB" -c "\\copy bench_atena(v) FROM '$OUT/atena.txt'" -c "\\copy bench_kana(v) FROM '$OUT/kana.txt'"
  # \gset pulls a random sampled value (as a quoted literal) so the main query sees a constant, as the app's does.
  cat > "$OUT/atena.sql" <<'SQL'
\set i random(1, 2000)
SELECT quote_literal(v) AS val FROM bench_atena WHERE i = :i \gset
SELECT r.* FROM resident_record r WHERE r.latest AND r.atena_number = :val AND r.status = 'RESIDENT' ORDER BY r.kana_search, r.atena_number LIMIT 20;
SQL
  cat > "$OUT/kana.sql" <<'SQL'
\set i random(1, 2000)
SELECT quote_literal(v || '%') AS pat FROM bench_kana WHERE i = :i \gset
SELECT r.* FROM resident_record r WHERE r.latest AND r.kana_search LIKE :pat AND r.status = 'RESIDENT' ORDER BY r.kana_search, r.atena_number LIMIT 20;
SQL
  for kind in atena kana; do
    log "pgbench: $kind"
    timeout 60 pgbench -h 127.0.0.1 -U postgres -n -c 32 -j 2 -T 20 -f "$OUT/$kind.sql" "$DB" 2>&1 | tee "$OUT/pgbench-$kind.txt" | grep -E 'latency|tps|failed'
  done
  "${PSQL[@]}" -d "$DB" -c "DROP TABLE bench_atena, bench_kana"
}

feed() {      # 3: 10,000 changes as 2×5,000 and as 10×1,000
  token renkei > "$OUT/token.renkei"
  local tok; tok=$(cat "$OUT/token.renkei")
  local head; head=$("${PSQL[@]}" -d "$DB" -Atc "select max(seq) from register_change")
  local start=$(( head / 2 ))
  for spec in "5000 2" "1000 10" "5000 2"; do
    set -- $spec
    local after=$start n=0 i total=0 t
    for i in $(seq 1 "$2"); do
      # time of the HTTP exchange only (curl's own clock); counting with jq happens outside the timing
      t=$(curl -fsS --max-time 30 -o "$OUT/feed-page.json" -w '%{time_total}' -H "Authorization: Bearer $tok" \
        "$BASE/api/v1/register/feed?after=$after&limit=$1")
      total=$(echo "$total + $t" | bc -l)
      n=$(( n + $(jq '.changes|length' "$OUT/feed-page.json") )); after=$(jq '.nextCursor' "$OUT/feed-page.json")
    done
    printf 'feed pages=%s x limit=%s after=%s changes=%s seconds=%.3f\n' "$2" "$1" "$start" "$n" "$total" \
      | tee -a "$OUT/feed.txt"
  done
}

stop() { [ -f "$OUT/app.pid" ] && kill "$(cat "$OUT/app.pid")" 2>/dev/null || true; rm -f "$OUT/app.pid"; }

[ $# -gt 0 ] || set -- all
for step in "$@"; do
  case "$step" in
    all) machine; build; pg_load; copy_limit; app; lookup; pgbench_limit; feed; stop; h2_load ;;
    build|machine|pg_load|copy_limit|h2_load|app|lookup|feed|stop) "$step" ;;
    pg-load) pg_load ;; copy) copy_limit ;; h2-load) h2_load ;; pgbench) pgbench_limit ;;
    *) echo "unknown step $step"; exit 1 ;;
  esac
done
