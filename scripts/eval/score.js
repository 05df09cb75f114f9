#!/usr/bin/env node
// Scores the checker on every labelled set in test/eval/.
//
// Sentence sets (`checks`, the older sets of short drafts): an expected finding is caught by a
// Warning or Error whose data.category is in its `category` list and whose range overlaps its
// `span`; a Warning or Error that catches nothing is a false positive; a clean case must draw
// no Warning or Error.
//
// Whole-document sets (`documents`): every VISIBLE finding counts (Error, Warning or
// Information: a blue squiggle is still a claim). An expected error is caught by a visible
// finding whose code is one the error's kind allows (KIND_CODES; a quoted error also allows
// `misquote`) and whose range overlaps the error's span. A visible finding that catches no
// expected error is a false alarm. A faithful document must draw no visible finding.
//
// A set whose JSON says `"heldOut": true` has not been scored yet. It is skipped unless it is
// named with --held-out (`score.js --held-out docs-q1`): that is its first contact, to be done
// once and its score committed before any miss is read; its misses are never printed.
// Usage: node scripts/eval/score.js [--verbose] [--json] [--held-out] [set ...]   (after `npm run build`)
'use strict';
const { setupCache, labelledSets } = require('./sets.js');

/** What a whole-document error's kind allows as the finding that catches it. Fixed before the first whole-document set was scored. */
const KIND_CODES = Object.freeze({
  'misquote': ['misquote'],
  'figure': ['changed-figure'],
  'actor': ['changed-actor'],
  'negation': ['negated'],
  'overstated': ['overstated'],
  'understated': ['understated'],
  'opposite': ['opposite'],
  'name': ['altered-name'],
  'term': ['changed-term', 'altered-name'],
  'fabricated-quote': ['unsourced-quote'],
});

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function withOffsets(text, diags) {
  const starts = lineStarts(text);
  const at = p => (starts[p.line] ?? text.length) + p.character;
  return diags.map(d => ({ d, start: at(d.range.start), end: at(d.range.end), used: false }));
}

const overlaps = (x, at, end) => x.start < end && at < x.end;

/** Scores one sentence set; returns counts and the per-case outcomes. */
function scoreChecks(eng, checks) {
  const r = { kind: 'sentences', cases: checks.length, expected: 0, caught: 0, reported: 0, falsePositives: 0, clean: 0, cleanAlarms: 0, failures: [] };
  for (const c of checks) {
    const diags = eng.check({ uri: `eval:/${c.id}.md`, text: c.text }).filter(d => d.severity === 1 || d.severity === 2);
    const ranges = withOffsets(c.text, diags);
    r.reported += diags.length;
    const missed = [];
    for (const e of c.expect) {
      r.expected++;
      const at = c.text.indexOf(e.span);
      const hit = ranges.find(x => e.category.includes(x.d.data.category) && overlaps(x, at, at + e.span.length));
      if (hit) {
        r.caught++;
        hit.used = true;
      } else missed.push(e.span);
    }
    // A finding overlapping an expected span (even of another category) is not counted twice as a false alarm.
    const fps = ranges.filter(x => !x.used && !c.expect.some(e => {
      const at = c.text.indexOf(e.span);
      return e.category.includes(x.d.data.category) && overlaps(x, at, at + e.span.length);
    }));
    r.falsePositives += fps.length;
    if (!c.expect.length) {
      r.clean++;
      if (diags.length) r.cleanAlarms++;
    }
    if (missed.length || fps.length) r.failures.push({ id: c.id, missed, falseAlarms: fps.map(x => `${x.d.code}: ${c.text.slice(x.start, x.end)} — ${x.d.message}`) });
  }
  return finish(r);
}

/** Scores one whole-document set (visible findings of any severity; codes by kind). */
function scoreDocuments(eng, documents) {
  const r = { kind: 'documents', cases: documents.length, expected: 0, caught: 0, reported: 0, falsePositives: 0, clean: 0, cleanAlarms: 0, failures: [], byKind: {} };
  for (const doc of documents) {
    const diags = eng.check({ uri: `eval:/${doc.id}.md`, text: doc.text }).filter(d => d.severity <= 3);
    const ranges = withOffsets(doc.text, diags);
    r.reported += diags.length;
    const missed = [];
    for (const e of doc.errors) {
      r.expected++;
      const k = (r.byKind[e.kind] ??= { expected: 0, caught: 0 });
      k.expected++;
      const codes = [...(KIND_CODES[e.kind] ?? []), ...(e.quoted ? ['misquote'] : [])];
      const at = doc.text.indexOf(e.span);
      const hits = ranges.filter(x => codes.includes(x.d.code) && overlaps(x, at, at + e.span.length));
      if (hits.length) {
        r.caught++;
        k.caught++;
        for (const h of hits) h.used = true;
      } else missed.push(`${e.kind}: ${e.span}`);
    }
    const fps = ranges.filter(x => !x.used);
    r.falsePositives += fps.length;
    if (!doc.errors.length) {
      r.clean++;
      if (diags.length) r.cleanAlarms++;
    }
    if (missed.length || fps.length) r.failures.push({ id: doc.id, missed, falseAlarms: fps.map(x => `${x.d.code} (${['', 'error', 'warning', 'info'][x.d.severity]}): ${doc.text.slice(x.start, x.end)} — ${x.d.message}`) });
  }
  return finish(r);
}

function finish(r) {
  r.precision = r.reported ? (r.reported - r.falsePositives) / r.reported : 1;
  r.recall = r.expected ? r.caught / r.expected : 1;
  r.falseAlarmRate = r.clean ? r.cleanAlarms / r.clean : 0;
  return r;
}

function evaluate(names, includeHeldOut = false) {
  const setupFor = setupCache();
  const results = {};
  for (const s of labelledSets()) {
    if (names && !names.includes(s.name)) continue;
    if (s.heldOut && !(names && includeHeldOut)) continue;
    const eng = setupFor(s.sources).engine;
    results[s.name] = { ...(s.kind === 'documents' ? scoreDocuments(eng, s.drafts) : scoreChecks(eng, s.drafts)), heldOut: s.heldOut };
  }
  return results;
}

module.exports = { evaluate, scoreChecks, scoreDocuments, KIND_CODES };

if (require.main === module) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const only = args.filter(a => !a.startsWith('--'));
  const results = evaluate(only.length ? only : undefined, args.includes('--held-out'));
  if (args.includes('--json')) {
    for (const r of Object.values(results)) if (r.heldOut) delete r.failures;
    console.log(JSON.stringify(results, null, 2));
    process.exit(0);
  }
  const fmt = x => x.toFixed(3);
  for (const kind of ['sentences', 'documents']) {
    const rows = Object.entries(results).filter(([, r]) => r.kind === kind);
    if (!rows.length) continue;
    const total = { expected: 0, caught: 0, reported: 0, falsePositives: 0, clean: 0, cleanAlarms: 0 };
    console.log(kind === 'sentences'
      ? 'sentence sets (Warnings and Errors, by category)   cases  precision  recall  clean drafts flagged'
      : 'whole-document sets (every visible finding, by code) docs  precision  recall  faithful documents flagged');
    for (const [name, r] of rows) {
      for (const k of Object.keys(total)) total[k] += r[k];
      console.log(`  ${(name + (r.heldOut ? ' (held out)' : '')).padEnd(48)} ${String(r.cases).padStart(5)}  ${fmt(r.precision).padStart(9)}  ${fmt(r.recall).padStart(6)}  ${r.cleanAlarms}/${r.clean}`);
      if (r.byKind && (verbose || args.includes('--kinds'))) console.log(`      by kind: ${Object.entries(r.byKind).map(([k, v]) => `${k} ${v.caught}/${v.expected}`).join(', ')}`);
      if (verbose && !r.heldOut) for (const f of r.failures) console.log(`   ✗ ${f.id}: missed [${f.missed.join(' | ')}] ${f.falseAlarms.map(a => `\n       FP ${a}`).join('')}`);
    }
    const p = total.reported ? (total.reported - total.falsePositives) / total.reported : 1;
    console.log(`  ${'overall'.padEnd(48)}        ${fmt(p).padStart(9)}  ${fmt(total.expected ? total.caught / total.expected : 1).padStart(6)}  ${total.cleanAlarms}/${total.clean}`);
  }
}
