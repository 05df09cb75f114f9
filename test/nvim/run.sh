#!/usr/bin/env bash
# Verbatim's language server in a second, independent LSP client: headless Neovim.
# Opens test/nvim/draft.md and asserts a misquote diagnostic, a hover naming the
# source section, and a completion with the official wording.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ -f "$root/dist/server.js" ] || { echo "test/nvim/run.sh: build first (npm run build)" >&2; exit 2; }
export VERBATIM_SERVER="node $root/bin/verbatim-language-server.js --stdio"
export VERBATIM_DRAFT="$root/test/nvim/draft.md"
export VERBATIM_EXPECT_DIAG_CODE=misquote
# 1-based lines as Neovim counts them; columns are 0-based byte offsets.
export VERBATIM_HOVER_LINE=5 VERBATIM_HOVER_COL=10 VERBATIM_EXPECT_HOVER_SUBSTR="Building Global Alliances"
export VERBATIM_COMPLETION_LINE=7 VERBATIM_COMPLETION_COL=45 VERBATIM_EXPECT_COMPLETION_SUBSTR="Climate Ministerial"
if bash "$root/scripts/nvim/run.sh"; then
  echo "nvim: 3 passed, 0 failed"
else
  code=$?
  echo "nvim: 0 passed, 1 failed"
  exit $code
fi
