#!/usr/bin/env bash
# Leave-one-business-out evaluation of the bot's first reply on every labelled business (the demo and eval/businesses/*):
# right source first, handed over or asked for details although answerable, answered wrongly, off-topic refused, reply in
# the customer's language, with the bare all-MiniLM-L6-v2 cosine search beside each.
#   eval/businesses.sh            the labelled businesses, each held out in turn
#   eval/businesses.sh --final    the businesses in eval/final/ (measure them once, never tune on them)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile
[ -f target/cp.txt ] || ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" io.throughline.eval.business.HeldOutBusinesses "$@"
