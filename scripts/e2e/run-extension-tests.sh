#!/usr/bin/env bash
# Runs Verbatim's end-to-end suite (out/test/e2e/index.js) in a real VS Code workbench
# (code-server + headless Chromium), on a fresh copy of the fixture workspace, because
# the tests change settings and add files there.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f out/test/e2e/index.js ] && [ -f dist/extension.js ] || { echo "run-extension-tests: build first (npm run build)" >&2; exit 2; }
ws="$root/.e2e/workspace-$$"
rm -rf "$ws"
mkdir -p "$root/.e2e"
cp -R test/e2e/workspace "$ws"
trap 'rm -rf "$ws"' EXIT
node scripts/e2e/run-vscode-tests.js --extension "$root" --tests "$root/out/test/e2e/index.js" --workspace "$ws" "$@"
