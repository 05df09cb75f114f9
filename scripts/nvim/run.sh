#!/usr/bin/env bash
# Checks a language server from a second real LSP client: headless Neovim.
#
#   VERBATIM_SERVER="node /abs/bin/verbatim-language-server.js --stdio" \
#   VERBATIM_DRAFT=/abs/draft.md \
#   VERBATIM_EXPECT_DIAG_CODE=unverified-quote \
#   VERBATIM_HOVER_LINE=3 VERBATIM_HOVER_COL=35 VERBATIM_EXPECT_HOVER_SUBSTR=Roadmap \
#   VERBATIM_COMPLETION_LINE=5 VERBATIM_COMPLETION_COL=18 VERBATIM_EXPECT_COMPLETION_SUBSTR="Net Zero" \
#   bash scripts/nvim/run.sh
#
# All variables are documented at the top of scripts/nvim/check.lua.
# Installs Debian's neovim (0.7.2) if nvim is missing. Exits 0 when every
# given expectation holds, non-zero with a "[nvim-check] FAIL:" line
# otherwise; 124 if Neovim as a whole overran VERBATIM_NVIM_TIMEOUT_S
# (default 120 s).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CHECK="$ROOT/scripts/nvim/check.lua"
TOTAL_TIMEOUT_S="${VERBATIM_NVIM_TIMEOUT_S:-120}"

say() { printf '[nvim-run] %s\n' "$*" >&2; }
# Not `nvim --version | head -n1`: with pipefail an early-closed pipe can fail.
nvim_version() { local v; v=$(nvim --version 2>/dev/null) || true; printf '%s' "${v%%$'\n'*}"; }
die() { printf '[nvim-run] ERROR: %s\n' "$*" >&2; exit 2; }

# Neovim writes lsp.log and state under XDG dirs (even just loading vim.lsp
# opens the log): keep them in the repo, before the first nvim call.
STATE="$ROOT/.e2e/nvim"
mkdir -p "$STATE"
export XDG_CACHE_HOME="$STATE/cache" XDG_STATE_HOME="$STATE/state" XDG_DATA_HOME="$STATE/data" XDG_CONFIG_HOME="$STATE/config"

if ! command -v nvim >/dev/null; then
  say "nvim not found: installing Debian's neovim"
  if [ "$(id -u)" = 0 ]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo -n); else
    die "need root (or passwordless sudo) to apt-get install neovim"
  fi
  "${SUDO[@]}" apt-get update -q >/dev/null || die "apt-get update failed"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends neovim >/dev/null \
    || die "apt-get install neovim failed"
fi
command -v nvim >/dev/null || die "nvim still missing after installing neovim"
# check.lua needs vim.lsp.start_client and vim.diagnostic (Neovim >= 0.6).
nvim --headless --clean -n -c 'lua if not (vim.lsp and vim.lsp.start_client and vim.diagnostic and vim.wait) then vim.cmd("cquit 1") end' -c 'qall!' </dev/null \
  || die "$(nvim_version) lacks vim.lsp.start_client/vim.diagnostic/vim.wait (need >= 0.7)"

[ -n "${VERBATIM_SERVER:-}" ] || die 'VERBATIM_SERVER is not set (e.g. "node /abs/bin/verbatim-language-server.js --stdio")'
[ -n "${VERBATIM_DRAFT:-}" ] || die "VERBATIM_DRAFT is not set"
[ -f "$VERBATIM_DRAFT" ] || die "VERBATIM_DRAFT is not a file: $VERBATIM_DRAFT"
VERBATIM_DRAFT="$(cd "$(dirname "$VERBATIM_DRAFT")" && pwd)/$(basename "$VERBATIM_DRAFT")"
export VERBATIM_DRAFT

# pcall(dofile) so that even a syntax error in check.lua ends Neovim with a
# non-zero status instead of leaving it waiting headless.
LUA_ENTRY="local ok, err = pcall(dofile, [[$CHECK]]); if not ok then io.stderr:write('[nvim-check] FAIL: check.lua error: ' .. tostring(err) .. '\\n'); vim.cmd('cquit 2') end"

say "$(nvim_version); server: $VERBATIM_SERVER"
set +e
timeout --kill-after=5 "$TOTAL_TIMEOUT_S" nvim --headless --clean -n -c "lua $LUA_ENTRY" </dev/null
rc=$?
set -e
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
  printf '[nvim-check] FAIL: Neovim did not finish within %s s (VERBATIM_NVIM_TIMEOUT_S)\n' "$TOTAL_TIMEOUT_S" >&2
  exit 124
fi
exit "$rc"
