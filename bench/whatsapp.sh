#!/usr/bin/env bash
# WhatsApp webhook benchmark: signed WhatsApp webhooks accepted per second next to web-chat messages per second, in the
# same run against the same app.
#
#   bench/whatsapp.sh [N] [K] [WARMUP]        e.g. bench/whatsapp.sh 400 20
#
#   N       messages to measure on each side (default 400)
#   K       concurrent senders on each side: K WhatsApp numbers and K web-chat visitors (default 20)
#   WARMUP  messages sent first on each side, not counted (default 2K)
#
# Needs a PostgreSQL server at 127.0.0.1:5432 with trust auth for user postgres (override with PGHOST, PGPORT, PGUSER),
# and Maven's local repository filled (it builds offline). What it does, from the project root:
#   1. compiles the app and the benchmark (./mvnw -o test-compile) and writes the app's runtime classpath to
#      target/app.classpath and the test classpath to target/bench.classpath (the app runs from target/classes, so it is
#      always the current code; no repackaged jar needed)
#   2. creates a fresh database for the app
#   3. starts the app on it on a free port, with the WhatsApp channel's settings in its environment
#      (THROUGHLINE_CHANNELS_WHATSAPP_*) and its api-base-url pointing at a second free port, where the benchmark runs
#      a stand-in for the Graph API; waits for /actuator/health
#   4. runs io.throughline.bench.WhatsAppWebhookBenchmark (see its Javadoc for what it measures) and prints its table
#   5. stops the app and drops the database, also when anything above fails or is interrupted (trap)
# The app's log is kept in target/bench/app-whatsapp.log. Environment: BENCH_APP_JAVA_OPTS (default -Xmx1g) for the
# app's JVM, BENCH_JAVA_OPTS for the benchmark's.
set -euo pipefail

N=${1:-400}
K=${2:-20}
WARMUP=${3:-$((2 * K))}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

cd "$(dirname "$0")/.."
mkdir -p target/bench
LOG=target/bench/app-whatsapp.log

APP_DB="bench_whatsapp_$(date +%s)_$$"
APP_PID=""
BENCH_PID=""
CREATED_DBS=()
# the app's WhatsApp settings; the benchmark signs with the same secret
APP_SECRET="bench-app-secret-$$"
PHONE_NUMBER_ID="100000000000001"

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "$1"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$BENCH_PID" ]] && kill -0 "$BENCH_PID" 2>/dev/null; then
    kill "$BENCH_PID" 2>/dev/null || true
    wait "$BENCH_PID" 2>/dev/null || true
  fi
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    echo "stopping the app (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  for db in "${CREATED_DBS[@]}"; do
    echo "dropping database $db"
    psql_admin "drop database if exists $db with (force)" || echo "could not drop $db: drop it by hand" >&2
  done
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. build: the app runs from target/classes on its runtime classpath, so it always holds the current sources (and no
#    repackaged jar is needed)
echo "compiling the app and the benchmark"
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/app.classpath

# 2. database
psql_admin "create database $APP_DB"
CREATED_DBS+=("$APP_DB")

# 3. the app, with the WhatsApp channel on and its replies going to the benchmark's stub
PORT=$(free_port)
STUB_PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
echo "starting the app on $BASE (database $APP_DB, log $LOG); WhatsApp replies go to 127.0.0.1:$STUB_PORT"
# shellcheck disable=SC2086
THROUGHLINE_CHANNELS_WHATSAPP_APP_SECRET="$APP_SECRET" \
THROUGHLINE_CHANNELS_WHATSAPP_VERIFY_TOKEN="bench-verify-token" \
THROUGHLINE_CHANNELS_WHATSAPP_ACCESS_TOKEN="bench-access-token" \
THROUGHLINE_CHANNELS_WHATSAPP_PHONE_NUMBER_ID="$PHONE_NUMBER_ID" \
THROUGHLINE_CHANNELS_WHATSAPP_API_BASE_URL="http://127.0.0.1:$STUB_PORT/whatsapp" \
java ${BENCH_APP_JAVA_OPTS:--Xmx1g} -cp "target/classes:$(cat target/app.classpath)" io.throughline.ThroughlineApplication \
  --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$APP_DB" --spring.datasource.username="$PGUSER" \
  --throughline.demo-user=true --throughline.rate-limits.enabled=false >"$LOG" 2>&1 &
APP_PID=$!
for i in $(seq 1 180); do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    echo "the app exited during start-up:" >&2; tail -40 "$LOG" >&2; exit 1
  fi
  if curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then
    echo "the app is up after ${i} s"
    break
  fi
  if [[ $i == 180 ]]; then
    echo "the app was not healthy within 180 s:" >&2; tail -40 "$LOG" >&2; exit 1
  fi
  sleep 1
done
if grep -q "the whatsapp channel is off" "$LOG"; then
  echo "the app says the whatsapp channel is off:" >&2; grep "the whatsapp channel is off" "$LOG" >&2; exit 1
fi

# 4. the benchmark (in the background and waited for, so a TERM or Ctrl-C reaches the trap at once)
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -Dbench.whatsapp.app-secret="$APP_SECRET" -Dbench.whatsapp.phone-number-id="$PHONE_NUMBER_ID" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.throughline.bench.WhatsAppWebhookBenchmark \
  "$BASE" "$N" "$K" "$STUB_PORT" "$WARMUP" &
BENCH_PID=$!
wait "$BENCH_PID"
# 5. cleanup runs on exit (trap), with the benchmark's exit status
