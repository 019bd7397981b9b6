#!/usr/bin/env bash
# Insights benchmark: 1M messages in 100k conversations on PostgreSQL, then every call the dashboard makes, timed.
#
#   bench/insights.sh [CONVERSATIONS] [MESSAGES_PER_CONVERSATION] [DAYS] [REPEATS]    e.g. bench/insights.sh 100000 10
#
# Needs a PostgreSQL server at 127.0.0.1:5432 with trust auth for user postgres (override with PGHOST, PGPORT, PGUSER),
# and Maven's local repository filled (it builds offline). What it does, from the project root:
#   1. builds target/throughline-*.jar unless it is there (BENCH_REBUILD=1 rebuilds), compiles the benchmark
#   2. creates a fresh database and starts the app on it (Flyway creates Throughline's tables, Camunda its own and
#      deploys processes/), waits for /actuator/health
#   3. runs io.throughline.bench.InsightsBenchmark: fills the database with set-based SQL (customers, conversations,
#      messages, timeline events, decisions, article views, and general-support's Camunda history), then times each
#      insights call and a full dashboard load for the last 30 days and for the whole range
#   4. stops the app and drops the database (BENCH_KEEP_DB=1 keeps it and prints its name; BENCH_DB=<name> measures
#      again on a kept database, without generating)
# The app's log is kept in target/bench/insights-app.log. BENCH_APP_JAVA_OPTS (default -Xmx2g) for the app's JVM,
# BENCH_APP_ARGS for more of its settings (e.g. --throughline.insights.report-max-age=PT0S: every report read afresh).
set -euo pipefail

CONVERSATIONS=${1:-100000}
PER=${2:-10}
DAYS=${3:-90}
REPEATS=${4:-5}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

cd "$(dirname "$0")/.."
mkdir -p target/bench
LOG=target/bench/insights-app.log
DB="${BENCH_DB:-bench_insights_$(date +%s)_$$}"
APP_PID=""
BENCH_PID=""
CREATED=""

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "$1"; }

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$BENCH_PID" ]] && kill -0 "$BENCH_PID" 2>/dev/null; then kill "$BENCH_PID" 2>/dev/null || true; fi
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    echo "stopping the app (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  if [[ -n "$CREATED" ]]; then
    if [[ "${BENCH_KEEP_DB:-0}" == 1 ]]; then
      echo "kept database $DB (drop it with: psql -d postgres -c 'drop database $DB with (force)')"
    else
      echo "dropping database $DB"
      psql_admin "drop database if exists $DB with (force)" || echo "could not drop $DB: drop it by hand" >&2
    fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ "${BENCH_REBUILD:-0}" == 1 ]] || ! ls target/throughline-*.jar >/dev/null 2>&1; then
  echo "building the jar"
  ./mvnw -q -o package -DskipTests
fi
JAR=$(ls target/throughline-*.jar | grep -v -- '-plain' | head -1)
echo "compiling the benchmark"
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath

if [[ -z "${BENCH_DB:-}" ]]; then
  psql_admin "create database $DB"
  CREATED=1
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
echo "starting $JAR on $BASE (database $DB, log $LOG)"
# shellcheck disable=SC2086
java ${BENCH_APP_JAVA_OPTS:--Xmx2g} -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
  --throughline.demo-user=true ${BENCH_APP_ARGS:-} >"$LOG" 2>&1 &
APP_PID=$!
for i in $(seq 1 240); do
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app exited during start-up:" >&2; tail -40 "$LOG" >&2; exit 1; fi
  if curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then echo "the app is up after ${i} s"; break; fi
  if [[ $i == 240 ]]; then echo "the app was not healthy within 240 s:" >&2; tail -40 "$LOG" >&2; exit 1; fi
  sleep 1
done

# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -Dbench.jdbc.user="$PGUSER" -Dbench.skip.data="$([[ -n "${BENCH_DB:-}" ]] && echo true || echo false)" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.throughline.bench.InsightsBenchmark \
  "$BASE" "jdbc:postgresql://$PGHOST:$PGPORT/$DB" "$CONVERSATIONS" "$PER" "$DAYS" "$REPEATS" &
BENCH_PID=$!
wait "$BENCH_PID"
