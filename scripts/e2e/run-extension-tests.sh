#!/usr/bin/env bash
# Runs Verbatim's end-to-end checks in a real VS Code workbench (code-server + headless
# Chromium), each on a fresh copy of the fixture workspace (the tests change settings and
# add files there):
#  1. the extension's mocha suite (out/test/e2e/index.js) in the extension host;
#  2. typing at a person's speed with real key presses (test/e2e/typing.ui.js), with
#     Verbatim's default settings (the fixture's .vscode/settings.json removed), as a new
#     user would; screenshots in test-results/e2e-typing/.
# Both always run; the exit code is the first failure's (0 if both pass).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
[ -f out/test/e2e/index.js ] && [ -f dist/extension.js ] || { echo "run-extension-tests: build first (npm run build)" >&2; exit 2; }
mkdir -p "$root/.e2e"
ws="$root/.e2e/workspace-$$"
typing_ws="$root/.e2e/typing-workspace-$$"
trap 'rm -rf "$ws" "$typing_ws"' EXIT
rm -rf "$ws" "$typing_ws"
cp -R test/e2e/workspace "$ws"
cp -R test/e2e/workspace "$typing_ws"
rm -rf "$typing_ws/.vscode"

node scripts/e2e/run-vscode-tests.js --extension "$root" --tests "$root/out/test/e2e/index.js" --workspace "$ws" "$@"
suite=$?
node scripts/e2e/run-vscode-tests.js --ui-script "$root/test/e2e/typing.ui.js" --extension "$root" --workspace "$typing_ws" --screenshots "$root/test-results/e2e-typing" "$@"
typing=$?
echo "e2e: extension suite exit $suite, typing checks exit $typing"
[ "$suite" -ne 0 ] && exit "$suite"
exit "$typing"
