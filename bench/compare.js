#!/usr/bin/env node
// Compares the checker's speed with an earlier build: a full check of a 10,000-word draft and
// the re-check after a one-paragraph edit (as bench/check.ts measures them: in a fresh process,
// after one short check), then a full check of another such draft with the code warm; on the
// bundled corpus and the 100x synthetic one,
// as the median of N runs, the two builds interleaved (old, new, old, new, …) so that drift
// in the machine's speed falls on both alike. Each run is a fresh process with a fresh index.
//
// Usage (after `npm run build`):
//   node bench/compare.js [--base <commit>] [--runs 10] [--corpus bundled,100x]
// The base commit is exported with `git archive` into a temporary folder and compiled there
// with this checkout's node_modules (no worktree is registered); the draft and the corpora
// come from this checkout's bench code, so both builds check the same text.
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** One measurement in this process: `--child <engine root> <corpus>`; prints JSON. */
function child(engineRoot, corpus) {
  const engine = require(path.join(engineRoot, 'out', 'server', 'src', 'engine', 'index.js'));
  const { draftOf } = require(path.join(root, 'out', 'bench', 'check.js'));
  const { bundledSourceInputs, syntheticCorpus } = require(path.join(root, 'out', 'bench', 'synthetic.js'));
  const inputs = corpus === 'bundled' ? bundledSourceInputs(root) : syntheticCorpus(root, Number(corpus.replace(/x$/, '')));
  const draft = draftOf(10000);
  const edited = draft.replace('Item 7.', 'Item 7, edited.');
  const index = engine.loadCorpus(inputs);
  const e = engine.createEngine(index);
  // Wall time, and CPU time (user + system), which other work on a shared machine disturbs less.
  const time = fn => {
    global.gc?.();
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    fn();
    const wall = Number(process.hrtime.bigint() - t) / 1e6;
    const cpu = process.cpuUsage(c);
    return { wall, cpu: (cpu.user + cpu.system) / 1e3 };
  };
  time(() => e.check({ uri: 'bench:warm', text: 'The leaders agreed to launch a High Level Climate Ministerial.' }));
  const full = time(() => e.check({ uri: 'bench:draft', text: draft }));
  const edit = time(() => e.check({ uri: 'bench:draft', text: edited }));
  // The same size of draft again, every paragraph new to the cache, once the code is warm
  // (a language server checks many drafts over its life).
  const again = time(() => e.check({ uri: 'bench:other', text: draft.replace(/Item (\d+)\./g, 'Item $1 again.') }));
  process.stdout.write(JSON.stringify({ full, edit, again }));
}

function exportBase(commit) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-base-'));
  const tar = execFileSync('git', ['archive', '--format=tar', commit], { cwd: root, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'server'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function main() {
  const base = arg('base', '4828682');
  const runs = Number(arg('runs', '10'));
  const corpora = arg('corpus', 'bundled,100x').split(',');
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  console.error(`building ${base} in a temporary folder...`);
  const baseDir = exportBase(base);
  const builds = [
    ['base', baseDir],
    ['this', root],
  ];
  const results = {};
  try {
    for (const corpus of corpora) {
      for (let r = 0; r < runs; r++) {
        for (const [name, dir] of r % 2 ? [...builds].reverse() : builds) {
          const out = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', dir, corpus], { encoding: 'utf8', maxBuffer: 1 << 26 });
          if (out.status !== 0) throw new Error(`${name} run failed: ${out.stderr}`);
          const m = JSON.parse(out.stdout);
          const key = `${corpus}`;
          results[key] ??= { base: { full: [], edit: [], again: [] }, this: { full: [], edit: [], again: [] } };
          for (const k of ['full', 'edit', 'again']) results[key][name][k].push(m[k]);
        }
        process.stderr.write('.');
      }
      process.stderr.write('\n');
    }
  } finally {
    fs.rmSync(baseDir, { recursive: true, force: true });
  }
  console.log(`median of ${runs} runs, interleaved; base ${base}, this ${head}; node ${process.version}, ${os.cpus().length} cores`);
  console.log('| corpus | measure | base wall (ms) | this wall (ms) | this / base | base CPU (ms) | this CPU (ms) | this / base |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const [corpus, r] of Object.entries(results)) {
    for (const [label, k] of [
      ['full check, 10,000-word draft', 'full'],
      ['re-check after a one-paragraph edit', 'edit'],
      ['full check of another such draft, code warm', 'again'],
    ]) {
      const cells = ['wall', 'cpu'].flatMap(m => {
        const b = median(r.base[k].map(x => x[m]));
        const t = median(r.this[k].map(x => x[m]));
        return [b.toFixed(1), t.toFixed(1), (t / b).toFixed(2)];
      });
      console.log(`| ${corpus} | ${label} | ${cells.join(' | ')} |`);
    }
  }
}

if (process.argv[2] === '--child') child(process.argv[3], process.argv[4]);
else main();
