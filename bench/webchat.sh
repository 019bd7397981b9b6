#!/usr/bin/env bash
# Web-chat benchmark: the app through its public contract, next to a bare Camunda engine doing the same engine work.
#
#   bench/webchat.sh [N] [K] [WARMUP]        e.g. bench/webchat.sh 400 20
#
#   N       messages to measure (default 400)
#   K       concurrent visitors, each with its event stream open (default 20)
#   WARMUP  messages sent first by other visitors, not counted (default 2K)
#
# Needs a PostgreSQL server at 127.0.0.1:5432 with trust auth for user postgres (override with PGHOST, PGPORT, PGUSER),
# and Maven's local repository filled (it builds offline). What it does, from the project root:
#   1. builds target/throughline-*.jar unless it is there (./mvnw -o package -DskipTests), compiles the benchmark
#      (./mvnw -o test-compile) and writes the test classpath to target/bench.classpath
#   2. creates two fresh databases: one for the app, one for the bare engine
#   3. starts the app on its database (--throughline.demo-user=true, rate limits off: one client address sends it all)
#      on a free port, waits for /actuator/health
#   4. runs io.throughline.bench.WebChatBenchmark (see its Javadoc for what it measures) and prints its table
#   5. stops the app and drops both databases, also when anything above fails or is interrupted (trap)
# The app's log is kept in target/bench/app.log. Environment: BENCH_APP_JAVA_OPTS (default -Xmx1g) for the app's JVM,
# BENCH_JAVA_OPTS for the benchmark's, BENCH_REBUILD=1 to rebuild the jar even when one exists.
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
LOG=target/bench/app.log

suffix="$(date +%s)_$$"
APP_DB="bench_app_${suffix}"
BARE_DB="bench_bare_${suffix}"
APP_PID=""
BENCH_PID=""
CREATED_DBS=()

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "$1"; }

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

# 1. build
if [[ "${BENCH_REBUILD:-0}" == 1 ]] || ! ls target/throughline-*.jar >/dev/null 2>&1; then
  echo "building the jar"
  ./mvnw -q -o package -DskipTests
fi
JAR=$(ls target/throughline-*.jar | grep -v -- '-plain' | head -1)
echo "compiling the benchmark"
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath

# 2. databases
psql_admin "create database $APP_DB"
CREATED_DBS+=("$APP_DB")
psql_admin "create database $BARE_DB"
CREATED_DBS+=("$BARE_DB")

# 3. the app
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
echo "starting $JAR on $BASE (database $APP_DB, log $LOG)"
# shellcheck disable=SC2086
java ${BENCH_APP_JAVA_OPTS:--Xmx1g} -jar "$JAR" --server.port="$PORT" \
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

# 4. the benchmark (in the background and waited for, so a TERM or Ctrl-C reaches the trap at once)
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -Dbench.jdbc.user="$PGUSER" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.throughline.bench.WebChatBenchmark \
  "$BASE" "$N" "$K" "jdbc:postgresql://$PGHOST:$PGPORT/$BARE_DB" "$WARMUP" &
BENCH_PID=$!
wait "$BENCH_PID"
# 5. cleanup runs on exit (trap), with the benchmark's exit status
