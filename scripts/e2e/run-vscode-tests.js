#!/usr/bin/env node
// Runs an extension's VS Code mocha suite inside a real VS Code workbench
// (code-server 4.100.3 = VS Code 1.100 with a Node extension host), driven
// by Debian's Chromium through playwright-core. Plain CommonJS, no build.
//
//   node scripts/e2e/run-vscode-tests.js --extension <dir> --tests <index.js> \
//        --workspace <dir> [--timeout-ms N] [--screenshots <dir>] [--keep-run-dir]
//   node scripts/e2e/run-vscode-tests.js --ui-script <module.js> --workspace <dir> \
//        [--extension <dir>] [--screenshots <dir>] ...
//
// Test mode: the workbench loads the extension under development, calls the
// run() exported by --tests in the extension host, streams the output
// through window.codeAutomationLog and reports the result through
// window.codeAutomationExit; we exit with that code.
// UI mode: the workbench loads the extension; the module given by
// --ui-script (exporting `async (page, ctx) => {}`) drives the live page;
// we exit 0 if it resolves and 1 if it throws.
//
// Exit codes: suite's code (0 pass / 1 fail), 1 UI script failed,
// 2 bad usage or setup, 124 overall timeout, 130/143 interrupted.
// Install the tools first: bash scripts/e2e/install.sh
'use strict';

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const os = require('os');
const util = require('util');

const ROOT = path.resolve(__dirname, '..', '..');
const E2E = path.join(ROOT, '.e2e');
const TOOLS = path.join(E2E, 'tools', 'node_modules');
const CODE_SERVER_ENTRY = path.join(TOOLS, 'code-server', 'out', 'node', 'entry.js');
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
const CODE_SERVER_START_TIMEOUT_MS = 60 * 1000;
const KILL_GRACE_MS = 5000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const WORKBENCH_SETTINGS = {
  'git.openRepositoryInParentFolders': 'never',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
};

const EXIT = { usage: 2, timeout: 124, sigint: 130, sigterm: 143 };

// ------------------------------------------------------------------ output
const t0 = Date.now();
function info(msg) {
  process.stderr.write(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}\n`);
}
class UsageError extends Error {}
class SetupError extends Error {}
class TimeoutError extends Error {}
class InterruptedError extends Error {}

// ------------------------------------------------------------------ args
const USAGE = `usage:
  node scripts/e2e/run-vscode-tests.js --extension <dir> --tests <compiled index.js> --workspace <dir>
      [--timeout-ms N] [--screenshots <dir>] [--keep-run-dir] [--verbose]
  node scripts/e2e/run-vscode-tests.js --ui-script <module.js> --workspace <dir> [--extension <dir>]
      [--timeout-ms N] [--screenshots <dir>] [--keep-run-dir] [--verbose]
environment: VERBATIM_E2E_TIMEOUT_MS (default ${DEFAULT_TIMEOUT_MS}), VERBATIM_E2E_CHROMIUM (default /usr/bin/chromium),
  VERBATIM_E2E_KEEP_RUN_DIR=1, VERBATIM_E2E_VERBOSE=1`;

function parseArgs(argv) {
  const valued = new Set(['extension', 'tests', 'workspace', 'timeout-ms', 'screenshots', 'ui-script']);
  const flags = new Set(['keep-run-dir', 'verbose', 'help']);
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument: ${arg}`);
    const [, name, inline] = m;
    if (flags.has(name)) {
      out[name] = true;
    } else if (valued.has(name)) {
      const value = inline !== undefined ? inline : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      out[name] = value;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return out;
}

function resolveOptions(args) {
  const abs = (p) => path.resolve(process.cwd(), p);
  const mustExist = (p, what, kind) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      throw new UsageError(`${what} does not exist: ${p}`);
    }
    if (kind === 'dir' && !st.isDirectory()) throw new UsageError(`${what} is not a directory: ${p}`);
    if (kind === 'file' && !st.isFile()) throw new UsageError(`${what} is not a file: ${p}`);
    return p;
  };
  const opts = {
    uiScript: args['ui-script'] ? mustExist(abs(args['ui-script']), '--ui-script', 'file') : undefined,
    extension: args.extension ? mustExist(abs(args.extension), '--extension', 'dir') : undefined,
    tests: args.tests ? mustExist(abs(args.tests), '--tests', 'file') : undefined,
    screenshots: args.screenshots ? abs(args.screenshots) : undefined,
    keepRunDir: Boolean(args['keep-run-dir']) || process.env.VERBATIM_E2E_KEEP_RUN_DIR === '1',
    verbose: Boolean(args.verbose) || process.env.VERBATIM_E2E_VERBOSE === '1',
    chromium: process.env.VERBATIM_E2E_CHROMIUM || '/usr/bin/chromium',
  };
  if (!args.workspace) throw new UsageError('--workspace is required');
  opts.workspace = mustExist(abs(args.workspace), '--workspace', 'dir');
  if (opts.uiScript) {
    if (opts.tests) throw new UsageError('--tests and --ui-script are exclusive');
  } else {
    if (!opts.extension) throw new UsageError('--extension is required (or use --ui-script)');
    if (!opts.tests) throw new UsageError('--tests is required (or use --ui-script)');
  }
  const rawTimeout = args['timeout-ms'] ?? process.env.VERBATIM_E2E_TIMEOUT_MS ?? String(DEFAULT_TIMEOUT_MS);
  if (!/^\d+$/.test(rawTimeout) || Number(rawTimeout) <= 0) {
    throw new UsageError(`timeout must be a positive integer of milliseconds, got "${rawTimeout}"`);
  }
  opts.timeoutMs = Number(rawTimeout);
  return opts;
}

// ------------------------------------------------------------------ run dir
// Failed runs keep their dir for the logs; keep the newest few of those
// whose runner is gone (the pid is part of the name), delete the rest.
const KEEP_OLD_RUN_DIRS = 5;
function pruneOldRunDirs() {
  let entries;
  try {
    entries = fs.readdirSync(E2E).filter((n) => /^run-[0-9a-z]+-\d+$/.test(n));
  } catch {
    return;
  }
  const stale = entries
    .filter((n) => {
      const pid = Number(n.split('-')[2]);
      try {
        process.kill(pid, 0);
        return false; // that runner is still going
      } catch (err) {
        return err.code === 'ESRCH';
      }
    })
    .map((n) => ({ n, mtime: fs.statSync(path.join(E2E, n)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { n } of stale.slice(KEEP_OLD_RUN_DIRS)) {
    fs.rmSync(path.join(E2E, n), { recursive: true, force: true });
  }
}

function makeRunDir() {
  pruneOldRunDirs();
  // Short names: VS Code puts unix sockets in the user-data dir, and socket
  // paths are limited to ~107 bytes.
  const dir = path.join(E2E, `run-${Date.now().toString(36)}-${process.pid}`);
  const sub = {
    dir,
    home: path.join(dir, 'home'),
    config: path.join(dir, 'xdg-config'),
    data: path.join(dir, 'xdg-data'),
    cache: path.join(dir, 'xdg-cache'),
    userData: path.join(dir, 'u'),
    extensions: path.join(dir, 'exts'),
    chromium: path.join(dir, 'chromium'),
    logs: path.join(dir, 'logs'),
  };
  const socket = path.join(sub.userData, 'code-server-ipc.sock');
  if (Buffer.byteLength(socket) > 100) {
    info(`warning: ${socket} is ${Buffer.byteLength(socket)} bytes; unix socket paths over ~107 bytes fail. Use a shorter checkout path.`);
  }
  // TMPDIR/XDG_RUNTIME_DIR for code-server: the extension host, the git
  // extension and tsserver put sockets and temp files there, and they are
  // not removed when the group is killed. Inside the run dir they go away
  // with it; only if the path is too long for "vscode-ipc-<uuid>.sock"
  // (about 52 bytes more) do we fall back to a private dir under /tmp.
  const runTmp = path.join(dir, 't');
  if (Buffer.byteLength(runTmp) + 53 < 104) {
    sub.tmp = runTmp;
  } else {
    sub.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vbt-'));
    sub.tmpOutside = true;
  }
  for (const p of Object.values(sub)) if (typeof p === 'string') fs.mkdirSync(p, { recursive: true, mode: 0o700 });
  // Quiet, deterministic workbench: no prompts or tips that change what a
  // screenshot shows (e.g. "a git repository was found in the parent folders").
  fs.mkdirSync(path.join(sub.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(sub.userData, 'User', 'settings.json'), `${JSON.stringify(WORKBENCH_SETTINGS, null, 2)}\n`);
  return sub;
}

// ------------------------------------------------------------------ code-server
// Starts code-server detached (own process group) on an OS-chosen loopback
// port and resolves with { port, child } once it logs that it listens.
function startCodeServer(run, opts, state) {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new SetupError(`code-server is not installed (${CODE_SERVER_ENTRY} missing); run: bash scripts/e2e/install.sh`);
  }
  const env = {
    ...process.env,
    HOME: run.home,
    XDG_CONFIG_HOME: run.config,
    XDG_DATA_HOME: run.data,
    XDG_CACHE_HOME: run.cache,
    TMPDIR: run.tmp,
    XDG_RUNTIME_DIR: run.tmp,
  };
  delete env.VSCODE_IPC_HOOK_CLI; // never talk to an editor this shell may run in
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', run.userData,
    '--extensions-dir', run.extensions,
  ];
  const logPath = path.join(run.logs, 'code-server.log');
  const log = fs.createWriteStream(logPath);
  const started = Date.now();
  const child = spawn(process.execPath, args, {
    cwd: run.dir,
    env,
    detached: true, // own process group: we kill the whole group later
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  state.codeServer = child;
  state.codeServerLog = logPath;

  return new Promise((resolve, reject) => {
    let buffered = '';
    let done = false;
    const timer = setTimeout(
      () => finish(new SetupError(`code-server did not report listening within ${CODE_SERVER_START_TIMEOUT_MS} ms; log: ${logPath}\n${tail(buffered)}`)),
      CODE_SERVER_START_TIMEOUT_MS
    );
    const finish = (err, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk) => {
      log.write(chunk);
      if (opts.verbose) process.stderr.write(`[code-server] ${chunk}`);
      if (done) return;
      buffered += chunk.toString();
      const m = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)\//.exec(buffered);
      if (m) {
        const port = Number(m[1]);
        info(`code-server ready on 127.0.0.1:${port} after ${Date.now() - started} ms (pid ${child.pid})`);
        finish(null, { port, child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => finish(new SetupError(`cannot start code-server: ${err.message}`)));
    child.on('exit', (code, signal) => {
      state.codeServerExited = true;
      finish(new SetupError(`code-server exited early (code ${code}, signal ${signal}); log: ${logPath}\n${tail(buffered)}`));
      if (!state.stopping) state.onUnexpectedExit?.(new Error(`code-server exited unexpectedly (code ${code}, signal ${signal}); log: ${logPath}`));
    });
  });
}

function tail(text, lines = 20) {
  return text.split('\n').slice(-lines).join('\n');
}

function killGroup(child, signal) {
  if (!child || child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch (err) {
    if (err.code !== 'ESRCH') info(`could not send ${signal} to code-server group ${child.pid}: ${err.message}`);
    return false;
  }
}

async function stopCodeServer(state) {
  const child = state.codeServer;
  if (!child) return;
  state.stopping = true;
  if (!state.codeServerExited) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killGroup(child, 'SIGTERM');
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise((resolve) => setTimeout(resolve, KILL_GRACE_MS, true)).then((v) => v),
    ]);
    if (timedOut) info(`code-server did not stop within ${KILL_GRACE_MS} ms of SIGTERM; sending SIGKILL`);
  }
  // The leader may be gone while children (extension host, file watcher)
  // linger in the group: sweep the group regardless.
  killGroup(child, 'SIGKILL');
  state.codeServer = undefined;
}

// ------------------------------------------------------------------ browser
function loadPlaywright() {
  try {
    return require(path.join(TOOLS, 'playwright-core'));
  } catch (err) {
    throw new SetupError(`playwright-core is not installed under .e2e/tools (${err.message}); run: bash scripts/e2e/install.sh`);
  }
}

async function launchBrowser(run, opts, state) {
  if (!fs.existsSync(opts.chromium)) {
    throw new SetupError(`Chromium not found at ${opts.chromium}; run: bash scripts/e2e/install.sh (or set VERBATIM_E2E_CHROMIUM)`);
  }
  const { chromium } = loadPlaywright();
  // A persistent context keeps Chromium's profile inside the run dir
  // instead of os.tmpdir(). Signals are handled by us, not Playwright.
  const launching = chromium.launchPersistentContext(run.chromium, {
    executablePath: opts.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: run.home, XDG_CONFIG_HOME: run.config, XDG_CACHE_HOME: run.cache },
    viewport: { width: 1400, height: 900 },
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60000,
  });
  // Remember the launch itself: a signal during launch must still close
  // the browser cleanly (else Chromium leaves its singleton dir in /tmp).
  state.launching = launching;
  const context = await launching;
  state.context = context;
  return context;
}

async function closeBrowser(state) {
  const grace = () => new Promise((r) => setTimeout(r, KILL_GRACE_MS, undefined));
  let context = state.context;
  if (!context && state.launching) {
    context = await Promise.race([state.launching.catch(() => undefined), grace()]);
  }
  state.context = undefined;
  state.launching = undefined;
  if (!context) return;
  await Promise.race([context.close().catch(() => {}), grace()]);
}

// ------------------------------------------------------------------ workbench URL
function workbenchUrl(port, opts) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [];
  if (opts.extension) payload.push(['extensionDevelopmentPath', remote(opts.extension)]);
  if (opts.tests) payload.push(['extensionTestsPath', remote(opts.tests)]);
  payload.push(['skipWelcome', 'true']);
  return (
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`
  );
}

// ------------------------------------------------------------------ logs
function openingInfo(url, run, opts) {
  fs.writeFileSync(path.join(run.logs, 'workbench-url.txt'), `${url}\n`);
  info(`opening the workbench: folder ${path.relative(ROOT, opts.workspace) || '.'}` +
    (opts.verbose ? `\n  ${url}` : ` (full URL in ${path.relative(ROOT, run.logs)}/workbench-url.txt)`));
}

function saveWorkbenchLogs(run, logs) {
  if (!Array.isArray(logs)) return;
  const base = path.join(run.logs, 'workbench');
  for (const entry of logs) {
    if (!entry || typeof entry.relativePath !== 'string') continue;
    const target = path.resolve(base, entry.relativePath);
    if (!target.startsWith(base + path.sep)) continue; // stay inside the run dir
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, String(entry.contents ?? ''));
  }
}

function attachPageDiagnostics(page, run, opts) {
  const consoleLog = fs.createWriteStream(path.join(run.logs, 'browser-console.log'));
  page.on('console', (msg) => {
    const line = `[${msg.type()}] ${msg.text()}\n`;
    consoleLog.write(line);
    if (opts.verbose) process.stderr.write(`[browser] ${line}`);
  });
  page.on('pageerror', (err) => {
    consoleLog.write(`[pageerror] ${err.stack || err.message}\n`);
    if (opts.verbose) process.stderr.write(`[browser pageerror] ${err.message}\n`);
  });
}

async function screenshot(page, dir, name) {
  if (!page || !dir) return undefined;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.png`);
    await page.screenshot({ path: file, timeout: 10000 });
    info(`screenshot: ${file}`);
    return file;
  } catch (err) {
    info(`screenshot ${name} failed: ${err.message}`);
    return undefined;
  }
}

// The workbench sends its own log lines through the same channel as the
// extension host's console (and at the same level), so drop the few known
// start-up lines that carry no information for a test run. They are still
// written to logs/automation.log; --verbose prints them too.
const WORKBENCH_NOISE = [
  /^Resolving connection token \(/,
  /^Resolved connection token \(/,
  /^Creating a socket \(renderer-/,
  /^Updating additional builtin extensions cache$/,
  /^\[Service Worker\] registered$/,
  /^ChatSessionStore: /,
  /ENOTFOUND open-vsx\.org/, // the marketplace is unreachable offline: harmless
];
function isWorkbenchNoise(text) {
  return WORKBENCH_NOISE.some((re) => re.test(text));
}

function formatAutomationArgs(args) {
  if (typeof args === 'string') return args;
  if (!Array.isArray(args)) return util.inspect(args);
  return util.format(...args);
}

// ------------------------------------------------------------------ modes
// Test mode: the workbench runs the suite and tells us the exit code.
async function runSuite(page, context, url, run, opts, state) {
  let exitResolve;
  const exitCode = new Promise((resolve) => {
    exitResolve = resolve;
  });
  const automationLog = fs.createWriteStream(path.join(run.logs, 'automation.log'));
  await context.exposeFunction('codeAutomationLog', (type, args) => {
    const text = formatAutomationArgs(args);
    automationLog.write(`[${type}] ${text}\n`);
    if (!opts.verbose && isWorkbenchNoise(text)) return;
    // The extension host's console output (mocha's reporter) arrives here,
    // console-style: [format, ...params]. Warnings and errors go to stderr.
    const stream = type === 'error' || type === 'warn' ? process.stderr : process.stdout;
    stream.write(text.endsWith('\n') ? text : `${text}\n`);
  });
  await context.exposeFunction('codeAutomationExit', (code, logs) => {
    saveWorkbenchLogs(run, logs);
    exitResolve(typeof code === 'number' ? code : 1);
  });
  state.phase = 'loading the workbench and running the suite';
  openingInfo(url, run, opts);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  const code = await exitCode;
  info(`suite finished with exit code ${code}`);
  if (opts.screenshots) await screenshot(page, opts.screenshots, code === 0 ? 'final' : 'final-failed');
  return code;
}

// UI mode: a script drives the live workbench.
async function runUiScript(page, url, run, opts, state, port) {
  let script = require(opts.uiScript);
  if (script && typeof script.default === 'function') script = script.default;
  if (typeof script !== 'function') {
    throw new UsageError(`--ui-script ${opts.uiScript} must export an async function (page, ctx)`);
  }
  const helpers = require('./ui-helpers');
  const screenshotsDir = opts.screenshots || path.join(run.dir, 'screenshots');
  const ctx = {
    port,
    url,
    workspace: opts.workspace,
    extension: opts.extension,
    runDir: run.dir,
    screenshotsDir,
    helpers,
    log: (msg) => process.stdout.write(`${msg}\n`),
    screenshot: (name, options) => helpers.screenshot(page, screenshotsDir, name, options),
  };
  state.phase = 'loading the workbench';
  openingInfo(url, run, opts);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await helpers.waitForWorkbench(page);
  info('workbench ready; running UI script');
  state.phase = `running UI script ${path.relative(ROOT, opts.uiScript)}`;
  try {
    await script(page, ctx);
  } catch (err) {
    process.stdout.write(`UI script failed: ${err && err.stack ? err.stack : err}\n`);
    await screenshot(page, screenshotsDir, 'ui-script-failed');
    return 1;
  }
  info('UI script passed');
  return 0;
}

// ------------------------------------------------------------------ main
async function main() {
  let opts;
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    opts = resolveOptions(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`run-vscode-tests: ${err.message}\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw err;
  }

  const run = makeRunDir();
  const state = { phase: 'starting code-server' };
  info(`run dir ${path.relative(ROOT, run.dir)}; overall timeout ${opts.timeoutMs} ms`);

  // Synchronous last resort: whatever happens, never leave code-server's
  // process group behind (Playwright kills its own Chromium on exit).
  process.on('exit', () => {
    if (state.codeServer) killGroup(state.codeServer, 'SIGKILL');
  });

  let cleanedUp = false;
  const cleanup = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    await closeBrowser(state);
    await stopCodeServer(state);
  };

  // A signal is one more outcome of the race below, so there is a single
  // shutdown path. A second signal while shutting down forces the exit.
  let interrupted;
  let interruptReject;
  const interruption = new Promise((_, reject) => {
    interruptReject = reject;
  });
  interruption.catch(() => {});
  const onSignal = (signal, code) => {
    if (interrupted) {
      info(`${signal} again: killing code-server's process group and exiting`);
      process.exit(code); // the 'exit' handler SIGKILLs the group
    }
    interrupted = code;
    info(`${signal} received: stopping Chromium and code-server`);
    interruptReject(new InterruptedError(signal));
  };
  process.on('SIGINT', () => onSignal('SIGINT', EXIT.sigint));
  process.on('SIGTERM', () => onSignal('SIGTERM', EXIT.sigterm));
  process.on('SIGHUP', () => onSignal('SIGHUP', EXIT.sigterm));

  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), opts.timeoutMs);
  });
  const unexpected = new Promise((_, reject) => {
    state.onUnexpectedExit = reject;
  });
  timeout.catch(() => {});
  unexpected.catch(() => {});

  let code;
  try {
    const work = (async () => {
      const { port } = await startCodeServer(run, opts, state);
      state.phase = 'launching Chromium';
      const context = await launchBrowser(run, opts, state);
      context.on('close', () => {
        if (!state.stopping && !cleanedUp) state.onUnexpectedExit?.(new Error('Chromium closed unexpectedly'));
      });
      const page = context.pages()[0] || (await context.newPage());
      state.page = page;
      page.on('crash', () => state.onUnexpectedExit?.(new Error('the workbench page crashed')));
      attachPageDiagnostics(page, run, opts);
      const url = workbenchUrl(port, opts);
      return opts.uiScript ? runUiScript(page, url, run, opts, state, port) : runSuite(page, context, url, run, opts, state);
    })();
    code = await Promise.race([work, timeout, unexpected, interruption]);
  } catch (err) {
    if (err instanceof InterruptedError) {
      code = interrupted;
    } else if (err instanceof TimeoutError) {
      process.stderr.write(
        `\nrun-vscode-tests: TIMEOUT after ${opts.timeoutMs} ms while ${state.phase}.\n` +
          `  Raise it with --timeout-ms N or VERBATIM_E2E_TIMEOUT_MS. Logs: ${run.logs}\n`
      );
      await screenshot(state.page, opts.screenshots || path.join(run.dir, 'screenshots'), 'timeout');
      code = EXIT.timeout;
    } else if (err instanceof UsageError) {
      process.stderr.write(`run-vscode-tests: ${err.message}\n`);
      code = EXIT.usage;
    } else if (err instanceof SetupError) {
      process.stderr.write(`run-vscode-tests: ${err.message}\n`);
      code = EXIT.usage;
    } else {
      process.stderr.write(`run-vscode-tests: failed while ${state.phase}: ${err && err.stack ? err.stack : err}\n  Logs: ${run.logs}\n`);
      await screenshot(state.page, opts.screenshots || path.join(run.dir, 'screenshots'), 'error');
      code = 1;
    }
  } finally {
    clearTimeout(timer);
    await cleanup();
    if (run.tmpOutside) fs.rmSync(run.tmp, { recursive: true, force: true });
  }

  if (code === 0 && !opts.keepRunDir) {
    try {
      fs.rmSync(run.dir, { recursive: true, force: true, maxRetries: 3 });
    } catch (err) {
      info(`could not remove ${run.dir} (${err.message}); it will be pruned by a later run`);
    }
  } else {
    info(`kept run dir (logs, profiles): ${run.dir}`);
  }
  return code;
}

// Exit explicitly: a stray handle (a half-closed pipe of a killed child)
// must not keep a finished run alive. stdout/stderr writes to files and
// pipes are synchronous on Linux, so nothing is lost.
main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`run-vscode-tests: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  }
);
