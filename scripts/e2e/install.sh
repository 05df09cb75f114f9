#!/usr/bin/env bash
# Installs what the real-editor (code-server + headless Chromium) tests need.
#
#   bash scripts/e2e/install.sh        (or: npm run test:e2e:install)
#
# Idempotent: every step checks whether its result is already there and
# working, and skips itself if so. Safe to run with CI=true and no stdin.
#
# Sources used: Debian apt and the npm registry only. Nothing is downloaded
# from GitHub or nodejs.org:
#   * code-server is installed with --ignore-scripts and its postinstall
#     steps are done here by hand (its own postinstall runs a nested
#     `npm install` that breaks under npm 11);
#   * native addons are built from source with node-gyp against the local
#     Node headers (prebuilt downloads are switched off);
#   * @vscode/ripgrep's download cache is seeded with Debian's /usr/bin/rg.
#     The cache lives under os.tmpdir(); we point TMPDIR at .e2e/cache/tmp
#     for that step so the cache stays inside the repo.
#
# Everything lands in <repo>/.e2e/ (git-ignored); outside the repo only apt
# packages and npm's own cache are touched. See
# /work/shared/notes/real-editor-testing.md for how this recipe was measured.

set -Eeuo pipefail
exec </dev/null

# ---------------------------------------------------------------- settings
CODE_SERVER_VERSION=4.100.3     # last 4.x whose engines accept Node 20
PLAYWRIGHT_CORE_VERSION=1.65.1  # only the driver; the browser is Debian's
APT_PACKAGES=(chromium libkrb5-dev ripgrep)
# @vscode/ripgrep 1.15.x looks for this exact asset name in its cache.
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
# Native addons of VS Code's server that we build from source. The
# windows-* ones are no-ops on Linux; @parcel/watcher ships a prebuilt
# linux-x64 binary as an optional dependency, so it needs no build.
NATIVE_MODULES=(kerberos node-pty @vscode/spdlog native-watchdog @vscode/deviceid)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
E2E="$ROOT/.e2e"
TOOLS="$E2E/tools"
LOGS="$E2E/logs"
CS="$TOOLS/node_modules/code-server"
VSC="$CS/lib/vscode"
START=$SECONDS
CURRENT_STEP="start"

# ---------------------------------------------------------------- helpers
say()  { printf '[e2e-install %4ss] %s\n' "$((SECONDS - START))" "$*"; }
die()  { printf '\n[e2e-install] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'rc=$?; printf "\n[e2e-install] FAILED in step \"%s\" (exit %s). Logs: %s\n" "$CURRENT_STEP" "$rc" "$LOGS" >&2' ERR

# run_logged <logname> <cmd...>: run quietly into .e2e/logs/<logname>.log;
# on failure show the end of the log and stop.
run_logged() {
  local name=$1; shift
  local log="$LOGS/$name.log"
  if ! "$@" >"$log" 2>&1; then
    printf '\n[e2e-install] command failed: %s\n--- last 40 lines of %s ---\n' "$*" "$log" >&2
    tail -n 40 "$log" >&2 || true
    printf -- '--- end of log ---\n' >&2
    die "step \"$CURRENT_STEP\" failed (see $log)"
  fi
}

step() { CURRENT_STEP=$1; say "== $1"; }

pkg_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = 'install ok installed' ]
}

# First line of a command's output. Not `cmd | head -n1`: with pipefail,
# head closing the pipe early makes cmd die of SIGPIPE and the line fail.
first_line() { local out; out=$("$@") || return $?; printf '%s\n' "${out%%$'\n'*}"; }

# node -e helpers that answer yes/no without noise
node_ok() { node -e "$1" >/dev/null 2>&1; }

# ---------------------------------------------------------------- preflight
step "preflight"
[ "$(uname -s)" = Linux ] || die "only Linux is supported (got $(uname -s))"
[ "$(uname -m)" = x86_64 ] || die "only x86_64 is supported (got $(uname -m)); the ripgrep asset name is x86_64-specific"
command -v node >/dev/null || die "node is not on PATH"
command -v npm >/dev/null  || die "npm is not on PATH"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" = 20 ] || die "code-server $CODE_SERVER_VERSION needs Node 20 (engines: \"20\"); this is Node $(node -v)"
mkdir -p "$LOGS" "$TOOLS"
say "repo: $ROOT  node $(node -v)  npm $(npm -v 2>/dev/null)"

# ---------------------------------------------------------------- apt
step "debian packages"
want=("${APT_PACKAGES[@]}")
# node-gyp needs a compiler, make and python3; add them only if absent.
command -v python3 >/dev/null || want+=(python3)
command -v make    >/dev/null || want+=(make)
command -v g++     >/dev/null || want+=(g++)
command -v tar     >/dev/null || want+=(tar)
command -v gzip    >/dev/null || want+=(gzip)
missing=()
for p in "${want[@]}"; do pkg_installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then
  say "already installed: ${want[*]}"
else
  if [ "$(id -u)" = 0 ]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo -n); else
    die "need root (or passwordless sudo) to apt-get install: ${missing[*]}"
  fi
  say "apt-get install ${missing[*]}"
  run_logged apt-update "${SUDO[@]}" apt-get update
  run_logged apt-install "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
  say "installed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after installing the chromium package"
command -v rg >/dev/null || die "rg missing after installing the ripgrep package"

# ---------------------------------------------------------------- node headers
step "node headers for node-gyp"
# node-gyp downloads headers from nodejs.org unless told where they are;
# that host is not reachable here, so point it at the local install.
if [ -n "${npm_config_nodedir:-}" ]; then
  say "npm_config_nodedir=$npm_config_nodedir (from the environment)"
elif nd=$(npm config get nodedir 2>/dev/null) && [ -n "$nd" ] && [ "$nd" != undefined ] && [ "$nd" != null ]; then
  say "nodedir=$nd (from npm config)"
else
  prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  if [ -f "$prefix/include/node/node_api.h" ]; then
    export npm_config_nodedir="$prefix"
    say "using Node headers in $prefix/include/node"
  else
    say "WARNING: no local Node headers found (looked in $prefix/include/node);"
    say "         node-gyp will try to download them from nodejs.org"
  fi
fi

# ---------------------------------------------------------------- npm tools
step "code-server $CODE_SERVER_VERSION + playwright-core $PLAYWRIGHT_CORE_VERSION"
have_version() { # <package> <version>
  [ "$(node -p "require('$TOOLS/node_modules/$1/package.json').version" 2>/dev/null)" = "$2" ]
}
if have_version code-server "$CODE_SERVER_VERSION" && have_version playwright-core "$PLAYWRIGHT_CORE_VERSION"; then
  say "already installed in .e2e/tools"
else
  # A private manifest keeps these out of the repo's package.json/lock.
  cat >"$TOOLS/package.json" <<EOF
{
  "name": "verbatim-e2e-tools",
  "private": true,
  "description": "Generated by scripts/e2e/install.sh; do not edit.",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_CORE_VERSION"
  }
}
EOF
  say "npm install --ignore-scripts (code-server's own postinstall is replaced by the steps below)"
  run_logged npm-tools npm install --prefix "$TOOLS" --ignore-scripts --no-audit --no-fund --loglevel=warn
  have_version code-server "$CODE_SERVER_VERSION" || die "code-server $CODE_SERVER_VERSION not found after npm install"
  have_version playwright-core "$PLAYWRIGHT_CORE_VERSION" || die "playwright-core $PLAYWRIGHT_CORE_VERSION not found after npm install"
  say "installed in .e2e/tools"
fi

step "argon2 (code-server password hashing addon)"
if node_ok "require('$TOOLS/node_modules/argon2')"; then
  say "argon2 loads"
else
  # Naming the package makes npm run its install script even though npm's
  # allowScripts policy blocks dependency scripts by default; with
  # build-from-source node-pre-gyp skips its GitHub download.
  run_logged argon2 env npm_config_build_from_source=true \
    npm rebuild --prefix "$TOOLS" argon2 --foreground-scripts
  node_ok "require('$TOOLS/node_modules/argon2')" || die "argon2 still does not load after rebuild (see $LOGS/argon2.log)"
  say "argon2 built"
fi

step "VS Code server dependencies (lib/vscode)"
# Stamps live inside the code-server copy, so reinstalling code-server (a
# version bump) invalidates them; an interrupted install leaves no stamp.
VSC_DEPS_STAMP="$VSC/.verbatim-e2e-deps-installed"
if [ -f "$VSC_DEPS_STAMP" ]; then
  say "lib/vscode/node_modules present"
else
  run_logged vscode-deps npm install --prefix "$VSC" --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=warn
  touch "$VSC_DEPS_STAMP"
  say "installed (install scripts deferred to the next steps)"
fi

step "native addons (node-gyp, from source)"
native_ok() {
  local m
  for m in "${NATIVE_MODULES[@]}"; do
    node_ok "require('$VSC/node_modules/$m')" || return 1
  done
}
if native_ok; then
  say "all load: ${NATIVE_MODULES[*]}"
else
  say "building: ${NATIVE_MODULES[*]} (about 30 s)"
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which must
  # not ask a question (the user npmrc may say yes=false).
  # npm_config_build_from_source: kerberos tries prebuild-install (GitHub)
  # first; this makes it go straight to node-gyp.
  run_logged native-addons env npm_config_yes=true npm_config_build_from_source=true \
    npm rebuild --prefix "$VSC" --foreground-scripts "${NATIVE_MODULES[@]}"
  for m in "${NATIVE_MODULES[@]}"; do
    node_ok "require('$VSC/node_modules/$m')" || die "native module $m does not load after the build (see $LOGS/native-addons.log)"
  done
  say "all load"
fi

step "ripgrep for VS Code search (Debian's rg, no GitHub download)"
RG_BIN="$VSC/node_modules/@vscode/ripgrep/bin/rg"
if [ -x "$RG_BIN" ] && "$RG_BIN" --version >/dev/null 2>&1; then
  say "$(first_line "$RG_BIN" --version) in @vscode/ripgrep/bin"
else
  RG_PKG_VERSION=$(node -p "require('$VSC/node_modules/@vscode/ripgrep/package.json').version")
  CACHE_TMP="$E2E/cache/tmp"
  CACHE_DIR="$CACHE_TMP/vscode-ripgrep-cache-$RG_PKG_VERSION"
  mkdir -p "$CACHE_DIR" "$E2E/cache/rg-stage"
  cp /usr/bin/rg "$E2E/cache/rg-stage/rg"
  tar -czf "$CACHE_DIR/$RG_ASSET" -C "$E2E/cache/rg-stage" rg
  say "seeded $CACHE_DIR/$RG_ASSET"
  # The postinstall exits early if bin/ exists; remove a broken one.
  rm -rf "$VSC/node_modules/@vscode/ripgrep/bin"
  # os.tmpdir() honours TMPDIR, so the package finds the seeded cache
  # inside the repo instead of /tmp.
  run_logged ripgrep env TMPDIR="$CACHE_TMP" npm rebuild --prefix "$VSC" --foreground-scripts @vscode/ripgrep
  grep -q 'Using cached download' "$LOGS/ripgrep.log" || die "@vscode/ripgrep did not use the seeded cache (see $LOGS/ripgrep.log)"
  "$RG_BIN" --version >/dev/null 2>&1 || die "$RG_BIN does not run"
  say "@vscode/ripgrep installed from the seeded cache"
fi

step "links code-server's postinstall would make"
ln -sfn node_modules "$VSC/node_modules.asar"
ln -sfn code-linux.sh "$VSC/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VSC/bin/helpers/browser.sh"
say "node_modules.asar, bin/remote-cli/code-server, bin/helpers/browser.sh"

step "built-in extensions' shared dependencies (lib/vscode/extensions)"
EXT_DEPS_STAMP="$VSC/extensions/.verbatim-e2e-deps-installed"
if [ -f "$EXT_DEPS_STAMP" ] && [ -f "$VSC/extensions/node_modules/typescript/package.json" ]; then
  say "present"
else
  # Root-package scripts (its postinstall trims typescript) still run.
  run_logged vscode-extensions npm install --prefix "$VSC/extensions" --omit=dev --no-audit --no-fund --loglevel=warn
  [ -f "$VSC/extensions/node_modules/typescript/package.json" ] || die "typescript missing in lib/vscode/extensions after npm install"
  touch "$EXT_DEPS_STAMP"
  say "installed"
fi

step "smoke check"
# code-server writes a config file and a log dir even for --version, so
# give it a HOME/XDG inside .e2e/ like the test runner does.
SMOKE="$E2E/cache/smoke-home"
mkdir -p "$SMOKE"
CS_VERSION_OUT=$(HOME="$SMOKE" XDG_CONFIG_HOME="$SMOKE/config" XDG_DATA_HOME="$SMOKE/data" \
  XDG_CACHE_HOME="$SMOKE/cache" node "$CS/out/node/entry.js" --version 2>&1) || die "code-server --version failed: $CS_VERSION_OUT"
CS_VERSION_OUT=${CS_VERSION_OUT##*$'\n'} # the version is the last line
case "$CS_VERSION_OUT" in "$CODE_SERVER_VERSION"*) ;; *) die "unexpected code-server --version output: $CS_VERSION_OUT" ;; esac
node_ok "require('$TOOLS/node_modules/playwright-core').chromium" || die "playwright-core does not load"
CHROMIUM_VERSION=$(first_line /usr/bin/chromium --version 2>/dev/null) || die "/usr/bin/chromium --version failed"
say "code-server $CS_VERSION_OUT"
say "$CHROMIUM_VERSION"
say "size of .e2e: $(du -sh "$E2E" | cut -f1)"
CURRENT_STEP="done"
say "done in $((SECONDS - START)) s. Next: npm run test:e2e:selftest"
