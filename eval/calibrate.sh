#!/usr/bin/env bash
# Fits the answerer's confidence (io.throughline.answer.ConfidenceModel) on a labelled question set and prints the
# constants, with the calibration error of the constants in use and of a refit on held-out questions (5-fold).
#   eval/calibrate.sh [questions.csv [knowledge-dir]]      (default: knowledge/eval/questions.csv over knowledge/)
set -euo pipefail
args=()
for arg in "$@"; do args+=("$(realpath -m -- "$arg")"); done
cd "$(dirname "$0")/.."
./mvnw -q -o compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:$(cat target/cp.txt)" io.throughline.eval.ConfidenceFit "${args[@]}"
