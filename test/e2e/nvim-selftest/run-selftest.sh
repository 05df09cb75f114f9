#!/usr/bin/env bash
# Proves scripts/nvim/run.sh + check.lua against fake-server.js: the right
# expectations pass, and each wrong one fails with its own exit code.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HERE="$ROOT/test/e2e/nvim-selftest"
RUN="$ROOT/scripts/nvim/run.sh"

export VERBATIM_SERVER="node $HERE/fake-server.js --stdio"
export VERBATIM_DRAFT="$HERE/draft.md"
export VERBATIM_EXPECT_DIAG_CODE=unverified-quote VERBATIM_EXPECT_DIAG_LINE=3
export VERBATIM_HOVER_LINE=3 VERBATIM_HOVER_COL=35 VERBATIM_EXPECT_HOVER_SUBSTR="fake source"
export VERBATIM_COMPLETION_LINE=5 VERBATIM_COMPLETION_COL=18 VERBATIM_EXPECT_COMPLETION_SUBSTR="Net Zero"
export VERBATIM_TIMEOUT_MS=5000

failures=0
# expect <name> <wanted exit code> [VAR=value ...]
expect() {
  local name=$1 want=$2; shift 2
  local out rc
  out=$(env "$@" bash "$RUN" 2>&1)
  rc=$?
  if [ "$rc" = "$want" ]; then
    printf 'ok   %-28s exit %s  %s\n' "$name" "$rc" "$(grep -m1 -E 'FAIL:|PASS:' <<<"$out")"
  else
    printf 'FAIL %-28s exit %s, wanted %s\n%s\n' "$name" "$rc" "$want" "$out"
    failures=$((failures + 1))
  fi
}

expect "all expectations met"       0
expect "wrong diagnostic code"      4 VERBATIM_EXPECT_DIAG_CODE=no-such-code
expect "diagnostic on wrong line"   4 VERBATIM_EXPECT_DIAG_LINE=1
expect "wrong hover text"           5 VERBATIM_EXPECT_HOVER_SUBSTR="not in the hover"
expect "missing completion"         6 VERBATIM_EXPECT_COMPLETION_SUBSTR="Not offered"
expect "server crashes at start"    3 FAKE_SERVER_CRASH=1
expect "server command not found"   3 VERBATIM_SERVER="no-such-server --stdio"
expect "server never initializes"   3 VERBATIM_SERVER="sleep 60" VERBATIM_TIMEOUT_MS=1500

if [ "$failures" -gt 0 ]; then
  echo "nvim harness selftest: $failures case(s) did not behave as expected"
  exit 1
fi
echo "nvim harness selftest: all cases behaved as expected"
