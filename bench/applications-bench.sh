#!/usr/bin/env bash
# Reproduces the applications figures in docs/benchmarks.md. Run from the repository root on a machine with
# PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), JDK 17, psql, pgbench and curl on PATH.
#   bench/applications-bench.sh [all|build|app|raw|submit|queue|stop]...
# Results go to $OUT (default /tmp/madoguchi-apps-bench); every step is bounded with `timeout`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT="${OUT:-/tmp/madoguchi-apps-bench}"; mkdir -p "$OUT"
DB="${DB:-madoguchi_bench_apps}"
CLIENTS="${CLIENTS:-64}"
QUEUE_ROWS="${QUEUE_ROWS:-1000000}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
JDBC="jdbc:postgresql://127.0.0.1:5432/$DB"
PORT="${PORT:-18090}"; BASE="http://127.0.0.1:$PORT"
JAR=target/madoguchi-0.1.0-SNAPSHOT.jar
# dev profile (demo staff accounts) on PostgreSQL, without the demo city: the benchmark measures applications
APP_ARGS=(--spring.profiles.active=dev "--spring.datasource.url=$JDBC" --spring.datasource.username=postgres
  --madoguchi.citygen.seed-on-first-start=0 "--madoguchi.data-dir=$OUT/data" --spring.thymeleaf.cache=true)
log() { echo "[$(date +%T)] $*" | tee -a "$OUT/log.txt"; }

machine() {
  { echo "nproc: $(nproc)"; free -g; lscpu | grep 'Model name'; "${PSQL[@]}" -d postgres -Atc 'select version()'
    java -version 2>&1; uptime; } > "$OUT/machine.txt"
}

build() { timeout 600 ./mvnw -q -B -DskipTests package; }

app() {
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  rm -rf "$OUT/data" "$OUT/token"
  nohup java -Xmx2g -jar "$JAR" "${APP_ARGS[@]}" --server.port="$PORT" --spring.datasource.hikari.maximum-pool-size="${POOL:-32}" \
    --server.tomcat.threads.max=100 --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
  echo $! > "$OUT/app.pid"
  for _ in $(seq 1 120); do curl -fs "$BASE/actuator/health" >/dev/null && { log "app up (pid $(cat "$OUT/app.pid"))"; return; }; sleep 1; done
  log "app did not come up"; return 1
}

token() {     # an API client allowed to submit, and a client-credentials access token for it
  local secret
  secret=$(timeout 120 java -jar "$JAR" add-client "${APP_ARGS[@]}" --id=bench-intake --name=bench \
    --scopes=applications:submit 2>/dev/null | grep '^mdg_cs_' | tail -1)
  curl -fs -u "bench-intake:$secret" -d grant_type=client_credentials "$BASE/api/oauth2/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/' > "$OUT/token"
}

raw() {       # PostgreSQL's own rate: 64 clients inserting one row per transaction
  "${PSQL[@]}" -d "$DB" -c "DROP TABLE IF EXISTS bench_raw" -c "CREATE TABLE bench_raw (id bigserial primary key, body text)"
  echo "INSERT INTO bench_raw (body) VALUES (repeat('x', 600));" > "$OUT/raw.sql"
  log "pgbench: single-row inserts, $CLIENTS clients"
  timeout 90 pgbench -h 127.0.0.1 -U postgres -n -c "$CLIENTS" -j 2 -T 30 -f "$OUT/raw.sql" "$DB" 2>&1 \
    | tee "$OUT/pgbench-raw.txt" | grep -E 'latency|tps'
  "${PSQL[@]}" -d "$DB" -c "DROP TABLE bench_raw"
}

submit() {    # submissions over HTTP: 住民票の写し, complete, submitted at once
  [ -s "$OUT/token" ] || token
  cat > "$OUT/body.json" <<'JSON'
{"procedureId": "juminhyo-copy", "applicantName": "東雲 太郎", "applicantEmail": "taro@example.jp", "language": "ja",
 "submit": true, "answers": {"name": "東雲 太郎", "kana": "シノノメ　タロウ", "birthDate": "1970-01-31",
 "address": {"postalCode": "299-0001", "address": "千葉県東雲野市本町一丁目2番3号", "building": ""},
 "phone": "043-123-4567", "scope": "whole", "copies": "1", "purpose": "pension", "deliveryMethod": "counter"}}
JSON
  log "submissions: $CLIENTS clients, 10 s warm-up, 30 s measured"
  timeout 120 java bench/SubmitLoad.java submit "$BASE" "$(cat "$OUT/token")" "$OUT/body.json" "$CLIENTS" 10 30 \
    2>&1 | tee "$OUT/submit.txt"
  "${PSQL[@]}" -d "$DB" -Atc "SELECT 'applications stored: ' || count(*) FROM application" | tee -a "$OUT/submit.txt"
}

queue() {     # the staff queue page over $QUEUE_ROWS stored applications
  local have; have=$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM application")
  if [ "$have" -lt "$QUEUE_ROWS" ]; then
    log "adding $((QUEUE_ROWS - have)) applications spread over 33 procedures and 8 statuses"
    timeout 900 "${PSQL[@]}" -d "$DB" -c "
      INSERT INTO application (id, receipt_number, procedure_id, procedure_version, status, applicant_name, language,
        answers, step_index, created_at, updated_at, submitted_at, due_at, row_version, fee_yen)
      SELECT gen_random_uuid(), '2025-' || lpad((g + 5000000)::text, 7, '0'),
        (ARRAY(SELECT DISTINCT procedure_id FROM procedure_version ORDER BY 1))[1 + g % 33], 1,
        (ARRAY['SUBMITTED','IN_REVIEW','INFO_REQUESTED','ACCEPTED','COMPLETED','COMPLETED','COMPLETED','REJECTED'])[1 + g % 8],
        '申請者 ' || g, 'ja', '{\"name\":\"申請者\"}', 0, now() - (g || ' seconds')::interval, now(),
        now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval + interval '5 days', 0, NULL
      FROM generate_series(1, $((QUEUE_ROWS - have))) g" -c "VACUUM ANALYZE application"
  fi
  "${PSQL[@]}" -d "$DB" -Atc "SELECT 'applications stored: ' || count(*) FROM application" | tee "$OUT/queue.txt"
  # a staff session: sign in as the demo 審査 account and keep the SESSION cookie
  rm -f "$OUT/cookies"
  local csrf; csrf=$(curl -fs -c "$OUT/cookies" "$BASE/login" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
  curl -fs -b "$OUT/cookies" -c "$OUT/cookies" -o /dev/null --data-urlencode "_csrf=$csrf" \
    -d username=shinsa -d password=shinsa-demo "$BASE/login"
  local cookie; cookie="SESSION=$(awk '$6 == "SESSION" {print $7}' "$OUT/cookies")"
  for spec in "/staff/applications 1" "/staff/applications 4" "/staff/applications 8" \
      "/staff/applications?procedure=juminhyo-copy&status=SUBMITTED 8"; do
    set -- $spec
    log "queue page $1: $2 clients, 10 s warm-up, 30 s measured"
    timeout 90 java bench/SubmitLoad.java get "$BASE$1" "$cookie" "$2" 10 30 2>&1 | tee -a "$OUT/queue.txt"
  done
}

stop() { [ -f "$OUT/app.pid" ] && kill "$(cat "$OUT/app.pid")" 2>/dev/null || true; rm -f "$OUT/app.pid"; }

for step in "${@:-all}"; do
  case "$step" in
    all) machine; build; app; raw; submit; queue; stop ;;
    machine|build|app|raw|submit|queue|stop|token) "$step" ;;
    *) echo "unknown step $step"; exit 1 ;;
  esac
done
