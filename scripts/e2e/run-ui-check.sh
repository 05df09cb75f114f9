#!/usr/bin/env bash
# Takes screenshots of Verbatim in a real VS Code workbench (squiggle, Problems panel,
# hovers) into docs/images/, for the README. Needs `npm run build` and the e2e install.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
ws="$root/.e2e/ui-workspace-$$"
rm -rf "$ws"; mkdir -p "$root/.e2e"; cp -R test/e2e/workspace "$ws"
trap 'rm -rf "$ws"' EXIT
node scripts/e2e/run-vscode-tests.js --ui-script "$root/test/e2e/ui-check.js" --extension "$root" --workspace "$ws" --screenshots "${1:-$root/docs/images}"
