#!/usr/bin/env sh
# Evaluates the offline answerer on a labelled question set and prints hit@k, MRR, "don't know" precision and recall,
# invented numbers and a calibration table. Usage, from the repository root:
#   eval/answers.sh [questions.csv [knowledge-dir]]      (default: eval/questions.csv over knowledge/)
set -eu
cd "$(dirname "$0")/.."
./mvnw -q -o compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:$(cat target/cp.txt)" io.throughline.eval.AnswerEval "$@"
