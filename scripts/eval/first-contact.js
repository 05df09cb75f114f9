#!/usr/bin/env node
// The first-contact scores of the whole-document sets (test/first-contact.json): each set as it
// scored the one time it was first checked, before anyone read a miss, and the scores pooled
// over every set (never only the best one). Sets that are still held out are also scored now,
// on the current build, without printing a single miss: an honest second reading.
//
// Usage (after `npm run build`): node scripts/eval/first-contact.js [--json]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { labelledSets, setupCache } = require('./sets.js');
const { scoreDocuments } = require('./score.js');

const root = path.join(__dirname, '..', '..');
const recorded = JSON.parse(fs.readFileSync(path.join(root, 'test', 'first-contact.json'), 'utf8')).sets;
const sets = new Map(labelledSets().map(s => [s.name, s]));
const setupFor = setupCache();

const rows = [];
for (const [name, r] of Object.entries(recorded)) {
  const set = sets.get(name);
  const now = set && set.heldOut ? scoreDocuments(setupFor(set.sources).engine, set.drafts) : undefined;
  rows.push({ name, ...r, heldOut: !!set?.heldOut, now });
}

const sum = (xs, f) => xs.reduce((n, x) => n + (f(x) ?? 0), 0);
const counted = rows.filter(r => r.reported !== undefined);
const pooled = {
  sets: rows.length,
  documents: sum(rows, r => r.documents),
  recall: sum(rows, r => r.caught) / sum(rows, r => r.expected),
  caught: sum(rows, r => r.caught),
  expected: sum(rows, r => r.expected),
  // Precision needs the number of findings shown; the first set's record predates it.
  precisionSets: counted.map(r => r.name),
  precision: (sum(counted, r => r.reported) - sum(counted, r => r.falsePositives)) / sum(counted, r => r.reported),
  falsePositives: sum(counted, r => r.falsePositives),
  reported: sum(counted, r => r.reported),
  faithfulFlagged: sum(rows, r => r.faithfulFlagged),
  faithful: sum(rows, r => r.faithful),
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ rows, pooled }, null, 2));
} else {
  const f = x => (x === undefined ? '   -  ' : x.toFixed(3));
  console.log('set       sources                     docs  at first contact: precision recall  faithful flagged   (commit)   now, still held out: precision recall flagged');
  for (const r of rows) {
    const now = r.now ? `${f(r.now.precision)}  ${f(r.now.recall)}  ${r.now.cleanAlarms}/${r.now.clean}` : '';
    console.log(`${r.name.padEnd(9)} ${String(r.sources).slice(0, 27).padEnd(27)} ${String(r.documents).padStart(4)}  ${f(r.precision).padStart(27)} ${f(r.recall)}  ${String(r.faithfulFlagged).padStart(3)}/${r.faithful}          (${r.commit})  ${now}`);
  }
  console.log(`pooled over ${pooled.sets} sets (${pooled.documents} documents): recall ${pooled.recall.toFixed(3)} (${pooled.caught}/${pooled.expected}); precision ${pooled.precision.toFixed(3)} (${pooled.falsePositives} false of ${pooled.reported} shown, sets ${pooled.precisionSets.join(', ')}); faithful documents flagged ${pooled.faithfulFlagged}/${pooled.faithful}`);
}
