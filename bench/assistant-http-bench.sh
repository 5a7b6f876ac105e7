#!/usr/bin/env bash
# Reproduces the assistant's HTTP figures in docs/benchmarks.md: chat requests per second over HTTP on this machine,
# against the same server's cheapest endpoint and PostgreSQL's own single-row insert rate (each chat writes one
# question-log row). Needs JDK 17, PostgreSQL at 127.0.0.1:5432 (postgres, trust), psql, pgbench, curl, wrk.
#   bench/assistant-http-bench.sh [all|build|app|questions|raw|chat|stop]...
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-/tmp/madoguchi-assistant-http-bench}"; mkdir -p "$OUT"
DB="${DB:-madoguchi_bench_assistant}"
PORT="${PORT:-18091}"; BASE="http://127.0.0.1:$PORT"
CONNS="${CONNS:-32}"; SECS="${SECS:-30}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
JAR=target/madoguchi-0.1.0-SNAPSHOT.jar
log() { echo "[$(date +%T)] $*" | tee -a "$OUT/log.txt"; }

machine() {
  { echo "nproc: $(nproc)"; free -g; lscpu | grep 'Model name'; java -version 2>&1; uptime; } > "$OUT/machine.txt"
}

build() { timeout 600 ./mvnw -q -B -DskipTests package; }

app() {
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  rm -rf "$OUT/data"
  # production-like: template cache on, no demo city; the per-IP limit is lifted because wrk is one client
  nohup java -Xmx1g -jar "$JAR" --spring.profiles.active=dev "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB" \
    --spring.datasource.username=postgres --madoguchi.citygen.seed-on-first-start=0 "--madoguchi.data-dir=$OUT/data" \
    --spring.thymeleaf.cache=true --madoguchi.assistant.rate-limit=1000000000 --server.port="$PORT" \
    --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
  echo $! > "$OUT/app.pid"
  for _ in $(seq 1 120); do curl -fs "$BASE/actuator/health" >/dev/null && { log "app up"; return; }; sleep 1; done
  log "app did not come up"; return 1
}

questions() { # residents' own wordings: the LocalgovFAQ development queries (read from ../shared, never copied)
  # — almost none is the exact wording of a standard Q&A, so every request runs the full search
  python3 -c 'import json,sys; [print(q.replace("\n"," ")) for q in json.load(open(sys.argv[1])).values()]' \
    "${DATA:-../shared/datasets/localgovfaq}/queries.json" > "$OUT/questions.txt"
  log "$(wc -l < "$OUT/questions.txt") questions"
}

raw() {
  # the same HTTP stack, filter chain, tenant lookup and JSON, without a search: a topic's list of questions
  log "raw: GET /api/v1/assistant/tenants/shinonomeno/categories/WASTE (no search, no log), $CONNS connections"
  timeout 60 wrk -t1 -c"$CONNS" -d20s "$BASE/api/v1/assistant/tenants/shinonomeno/categories/WASTE" > /dev/null
  timeout $((SECS + 30)) wrk -t1 -c"$CONNS" -d"${SECS}s" --latency "$BASE/api/v1/assistant/tenants/shinonomeno/categories/WASTE" \
    | tee "$OUT/wrk-category.txt" | grep -E 'Requests/sec|50%|99%'
  "${PSQL[@]}" -d "$DB" -c "DROP TABLE IF EXISTS bench_raw" -c "CREATE TABLE bench_raw (id bigserial primary key, body text)"
  echo "INSERT INTO bench_raw (body) VALUES (repeat('x', 200));" > "$OUT/raw.sql"
  log "raw: pgbench single-row inserts, $CONNS clients"
  timeout $((SECS + 30)) pgbench -h 127.0.0.1 -U postgres -n -c "$CONNS" -j 2 -T "$SECS" -f "$OUT/raw.sql" "$DB" 2>&1 \
    | tee "$OUT/pgbench-raw.txt" | grep -E 'latency|tps'
  "${PSQL[@]}" -d "$DB" -c "DROP TABLE bench_raw"
}

chat() {
  [ -s "$OUT/questions.txt" ] || questions
  # the JIT needs a while on 2 busy cores before kuromoji and the engine run compiled
  log "warm-up 60 s"
  QUESTIONS="$OUT/questions.txt" timeout 90 wrk -t1 -c"$CONNS" -d60s -s bench/assistant-chat.lua "$BASE" > /dev/null
  log "chat: POST /api/v1/assistant/tenants/shinonomeno/chat, $CONNS connections, ${SECS}s"
  QUESTIONS="$OUT/questions.txt" timeout $((SECS + 30)) wrk -t1 -c"$CONNS" -d"${SECS}s" --latency -s bench/assistant-chat.lua "$BASE" \
    | tee "$OUT/wrk-chat.txt" | grep -E 'Requests/sec|50%|99%|Non-2xx'
  "${PSQL[@]}" -d "$DB" -Atc "select kind, count(*) from assistant_turn group by kind order by 2 desc" | tee "$OUT/kinds.txt"
}

stop() { [ -f "$OUT/app.pid" ] && kill "$(cat "$OUT/app.pid")" 2>/dev/null || true; }

[ $# -eq 0 ] && set -- all
for step in "$@"; do
  case "$step" in
    all) machine; build; app; questions; raw; chat; stop ;;
    build|app|questions|raw|chat|stop|machine) "$step" ;;
    *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done
