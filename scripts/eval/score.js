#!/usr/bin/env node
// Scores the checker on the labelled sets: the seed set (../shared/eval/dev-cases.json, skipped
// with a note if absent), the tuning sets (test/eval/cases.json, tuning-2.json, holdout-1.json,
// holdout-2.json to holdout-12.json) and the held-out set (test/eval/holdout-13.json). An expected finding is caught by a Warning or Error whose
// data.category is in its `category` list and whose range overlaps its `span`; a Warning or
// Error that catches nothing is a false positive; a clean case must draw no Warning or Error.
// Usage: node scripts/eval/score.js [--verbose] [--json]   (after `npm run build`)
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const engine = require(path.join(root, 'out', 'server', 'src', 'engine', 'index.js'));

function bundledIndex() {
  const inputs = ['roadmap-2021-02-23', 'roadmap-statement-2021-02-23'].map(name => ({
    uri: `verbatim-source:/${name}.md`,
    displayPath: `${name}.md`,
    content: fs.readFileSync(path.join(root, 'corpus', `${name}.md`), 'utf8'),
    bundled: true,
  }));
  return engine.loadCorpus(inputs);
}

function offsetAt(text, pos) {
  let line = 0;
  let i = 0;
  while (line < pos.line) {
    const n = text.indexOf('\n', i);
    if (n < 0) return text.length;
    i = n + 1;
    line++;
  }
  return i + pos.character;
}

/** Scores one set of checks; returns counts and the per-case outcomes. */
function scoreChecks(eng, checks) {
  const r = { cases: checks.length, expected: 0, caught: 0, reported: 0, falsePositives: 0, clean: 0, cleanAlarms: 0, failures: [] };
  for (const c of checks) {
    const diags = eng.check({ uri: `eval:/${c.id}.md`, text: c.text }).filter(d => d.severity === 1 || d.severity === 2);
    const ranges = diags.map(d => ({ d, start: offsetAt(c.text, d.range.start), end: offsetAt(c.text, d.range.end), used: false }));
    r.reported += diags.length;
    const missed = [];
    for (const e of c.expect) {
      r.expected++;
      const at = c.text.indexOf(e.span);
      const end = at + e.span.length;
      const hit = ranges.find(x => e.category.includes(x.d.data.category) && x.start < end && at < x.end);
      if (hit) {
        r.caught++;
        hit.used = true;
      } else missed.push(e.span);
    }
    // A finding overlapping an expected span (even of another category) is not counted twice as a false alarm.
    const fps = ranges.filter(x => !x.used && !c.expect.some(e => {
      const at = c.text.indexOf(e.span);
      return e.category.includes(x.d.data.category) && x.start < at + e.span.length && at < x.end;
    }));
    r.falsePositives += fps.length;
    if (!c.expect.length) {
      r.clean++;
      if (diags.length) r.cleanAlarms++;
    }
    if (missed.length || fps.length) r.failures.push({ id: c.id, missed, falseAlarms: fps.map(x => `${x.d.code}: ${c.text.slice(x.start, x.end)} — ${x.d.message}`) });
  }
  r.precision = r.reported ? (r.reported - r.falsePositives) / r.reported : 1;
  r.recall = r.expected ? r.caught / r.expected : 1;
  r.falseAlarmRate = r.clean ? r.cleanAlarms / r.clean : 0;
  return r;
}

function sets() {
  const out = [];
  const seed = path.resolve(root, '..', 'shared', 'eval', 'dev-cases.json');
  const seedAlt = '/work/shared/eval/dev-cases.json';
  const seedPath = fs.existsSync(seed) ? seed : fs.existsSync(seedAlt) ? seedAlt : undefined;
  if (seedPath) out.push({ name: 'dev-cases', file: seedPath });
  else out.push({ name: 'dev-cases', file: undefined });
  const own = name => path.join(root, 'test', 'eval', `${name}.json`);
  // Tuning data: the checker has been tuned on these (the holdout-1 to -12 sets were
  // held out first, and became tuning data once their misses had been read).
  out.push({ name: 'cases', file: own('cases') });
  out.push({ name: 'tuning-2', file: own('tuning-2') });
  out.push({ name: 'holdout-1', file: own('holdout-1') });
  out.push({ name: 'holdout-2', file: own('holdout-2') });
  out.push({ name: 'holdout-3', file: own('holdout-3') });
  out.push({ name: 'holdout-4', file: own('holdout-4') });
  out.push({ name: 'holdout-5', file: own('holdout-5') });
  out.push({ name: 'holdout-6', file: own('holdout-6') });
  out.push({ name: 'holdout-7', file: own('holdout-7') });
  out.push({ name: 'holdout-8', file: own('holdout-8') });
  out.push({ name: 'holdout-9', file: own('holdout-9') });
  out.push({ name: 'holdout-10', file: own('holdout-10') });
  out.push({ name: 'holdout-11', file: own('holdout-11') });
  out.push({ name: 'holdout-12', file: own('holdout-12') });
  // Held out: scored and reported, never tuned on; its misses are not printed.
  out.push({ name: 'holdout-13', file: own('holdout-13'), heldOut: true });
  return out;
}

function evaluate(names) {
  const eng = engine.createEngine(bundledIndex());
  const results = {};
  for (const s of sets()) {
    if (names && !names.includes(s.name)) continue;
    if (!s.file || !fs.existsSync(s.file)) {
      results[s.name] = { skipped: true };
      continue;
    }
    results[s.name] = { ...scoreChecks(eng, JSON.parse(fs.readFileSync(s.file, 'utf8')).checks), heldOut: s.heldOut === true };
  }
  return results;
}

module.exports = { evaluate, scoreChecks };

if (require.main === module) {
  const verbose = process.argv.includes('--verbose');
  const only = process.argv.filter(a => !a.startsWith('--')).slice(2);
  const results = evaluate(only.length ? only : undefined);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
    process.exit(0);
  }
  const fmt = x => x.toFixed(3);
  const total = { expected: 0, caught: 0, reported: 0, falsePositives: 0, clean: 0, cleanAlarms: 0 };
  console.log('set         cases  precision  recall  false-alarm-rate(clean)');
  for (const [name, r] of Object.entries(results)) {
    if (r.skipped) {
      console.log(`${name.padEnd(11)} skipped (file not found)`);
      continue;
    }
    for (const k of Object.keys(total)) total[k] += r[k];
    console.log(`${name.padEnd(11)} ${String(r.cases).padStart(5)}  ${fmt(r.precision).padStart(9)}  ${fmt(r.recall).padStart(6)}  ${fmt(r.falseAlarmRate)} (${r.cleanAlarms}/${r.clean})`);
    if (verbose && !r.heldOut) for (const f of r.failures) console.log(`   ✗ ${f.id}: missed [${f.missed.join(' | ')}] ${f.falseAlarms.map(a => `\n       FP ${a}`).join('')}`);
  }
  const p = total.reported ? (total.reported - total.falsePositives) / total.reported : 1;
  console.log(`${'overall'.padEnd(11)}        ${fmt(p).padStart(9)}  ${fmt(total.expected ? total.caught / total.expected : 1).padStart(6)}  ${fmt(total.clean ? total.cleanAlarms / total.clean : 0)} (${total.cleanAlarms}/${total.clean})`);
}
