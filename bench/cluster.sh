#!/usr/bin/env bash
# Cluster benchmark: web chat with one node, then with two nodes on the same PostgreSQL, in one run.
#
#   bench/cluster.sh [N] [K] [WARMUP]        e.g. bench/cluster.sh 300 16
#
#   N       messages to measure per configuration (default 300)
#   K       concurrent visitors, each with its event stream open (default 16)
#   WARMUP  messages sent first by other visitors, not counted (default 2K)
#
# Needs a PostgreSQL server at 127.0.0.1:5432 with trust auth for user postgres (override with PGHOST, PGPORT, PGUSER),
# and Maven's local repository filled (it builds offline). What it does, from the project root:
#   1. compiles the app and the benchmark, writes target/bench.classpath (the nodes run from target/classes)
#   2. creates one fresh database
#   3. starts node 1 and runs io.throughline.bench.ClusterBenchmark against it alone
#   4. starts node 2 on the same database and runs it again against both: visitor k streams from one node and posts to
#      the other, so every reply crosses nodes (LISTEN/NOTIFY) and both job executors share the work
#   5. prints both rows as one table, stops the nodes and drops the database (also on failure: trap)
# Logs in target/bench/cluster-node1.log and cluster-node2.log. BENCH_APP_JAVA_OPTS (default -Xmx1g) for each node.
set -euo pipefail

N=${1:-300}
K=${2:-16}
WARMUP=${3:-$((2 * K))}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER

cd "$(dirname "$0")/.."
mkdir -p target/bench
TABLE=target/bench/cluster-table.txt
rm -f "$TABLE"
DB="bench_cluster_$(date +%s)_$$"
PIDS=()
DB_CREATED=""

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "$1"; }

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      echo "stopping node (pid $pid)"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  if [[ -n "$DB_CREATED" ]]; then
    echo "dropping database $DB"
    psql_admin "drop database if exists $DB with (force)" || echo "could not drop $DB: drop it by hand" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "compiling the app and the benchmark"
./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath

psql_admin "create database $DB"
DB_CREATED=1

start_node() { # name -> prints the base URL once the node is healthy
  local name=$1 port log
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  log="target/bench/cluster-$name.log"
  rm -rf "target/bench/index-$name"
  # shellcheck disable=SC2086
  java ${BENCH_APP_JAVA_OPTS:--Xmx1g} -cp "target/classes:$(cat target/bench.classpath)" \
    io.throughline.ThroughlineApplication --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
    --throughline.demo-user=true --throughline.rate-limits.enabled=false \
    --throughline.knowledge.index-dir="target/bench/index-$name" \
    --camunda.bpm.generic-properties.properties.hostname="$name" >"$log" 2>&1 &
  PIDS+=($!)
  local pid=$!
  for i in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited during start-up:" >&2; tail -40 "$log" >&2; exit 1
    fi
    if curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      echo "$name is up after ${i} s on http://127.0.0.1:$port" >&2
      BASE="http://127.0.0.1:$port"
      return
    fi
    sleep 1
  done
  echo "$name was not healthy within 240 s" >&2; tail -40 "$log" >&2; exit 1
}

run() { # label urls
  # shellcheck disable=SC2086
  java ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    io.throughline.bench.ClusterBenchmark "$1" "$N" "$K" "$WARMUP" "$2" "$TABLE" &
  BENCH_PID=$!
  wait "$BENCH_PID"
}

start_node node1
NODE1=$BASE
echo "one node: measuring ($N messages, $K visitors, $WARMUP warm-up)"
run "1 node" "$NODE1" || echo "(one node: some messages went unanswered, see above)"

start_node node2
NODE2=$BASE
echo "two nodes: measuring ($N messages, $K visitors, $WARMUP warm-up)"
run "2 nodes" "$NODE1,$NODE2" || echo "(two nodes: some messages went unanswered, see above)"

echo
echo "Web chat on one PostgreSQL: accept = POST round trip; reply = POST to the bot's reply on the visitor's stream"
echo "$(nproc) cores; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %7s %5s %9s %8s %10s %13s %13s %13s %7s %9s\n' nodes N K accepted "wall s" msg/s "accept p99 ms" \
  "reply p50 ms" "reply p99 ms" errors "load avg"
cat "$TABLE"
