#!/usr/bin/env bash
# Evaluates the offline answerer on a labelled question set and prints citation hit@1/hit@5, MRR, the answer rate,
# "don't know" precision and recall on the out-of-scope questions, answers with an invented number, and a confidence
# calibration table.
#   eval/answers.sh [questions.csv [knowledge-dir]]      (default: knowledge/eval/questions.csv over knowledge/)
# The question set lives here, next to knowledge/ and not inside it (everything in knowledge/ is ingested): it belongs to
# whoever edits the articles, and a business points the command at its own set.
set -euo pipefail
args=()
for arg in "$@"; do args+=("$(realpath -m -- "$arg")"); done
cd "$(dirname "$0")/.."
./mvnw -q -o compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:$(cat target/cp.txt)" io.throughline.eval.AnswerEval "${args[@]}"
