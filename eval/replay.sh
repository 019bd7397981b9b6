#!/usr/bin/env bash
# The replay command from a checkout, without packaging the jar first: the same as
#   java -jar target/throughline-*.jar replay ARGS...
# e.g. eval/replay.sh --conversations eval/conversations/demo.jsonl --rules /tmp/changed-rules
# Runs in the project folder (processes/, rules/, forms/ and knowledge/ are found there); paths given are kept as meant.
set -euo pipefail
args=()
for arg in "$@"; do
  if [[ "$arg" != --* && ( -e "$arg" || "$arg" == */* || "$arg" == *.jsonl ) ]]; then args+=("$(realpath -m -- "$arg")"); else args+=("$arg"); fi
done
cd "$(dirname "$0")/.."
./mvnw -q -o compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:$(cat target/cp.txt)" io.throughline.ThroughlineApplication replay "${args[@]}"
