#!/bin/sh
# Lints the journeys with bpmnlint's recommended rules (.bpmnlintrc at the repository root), as BpmnLintTest does.
# Needs Node.js; installs the pinned bpmnlint from package-lock.json on first use.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ ! -x "$here/node_modules/.bin/bpmnlint" ]; then
  npm ci --prefix "$here" --no-audit --no-fund >&2
fi
cd "$root"
exec "$here/node_modules/.bin/bpmnlint" --config .bpmnlintrc processes/*.bpmn src/main/resources/journey/wake-up.bpmn "$@"
