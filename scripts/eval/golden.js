#!/usr/bin/env node
// The golden snapshot: every finding (code, severity, range, message) the checker gives on
// every labelled draft in test/eval/ (except sets still held out), on the bundled sources checked against themselves, and
// on the real documents in test/real/ (each folder in its default setup). The committed
// snapshot is test/golden/findings.tsv; `test/unit/golden.test.ts` fails on any difference.
//
// Usage (after `npm run build`):
//   node scripts/eval/golden.js            print the differences from the committed snapshot
//   node scripts/eval/golden.js --update   rewrite the snapshot (only in a commit that says why)
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const snapshotFile = path.join(root, 'test', 'golden', 'findings.tsv');
const { loadSetup, setupCache, labelledSets, realFolders } = require('./sets.js');

function fmtRange(r) {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

function clean(s) {
  return String(s).replace(/[\t\r\n]/g, ' ');
}

/** Every finding as one line: `where<TAB>code<TAB>severity<TAB>range<TAB>message`. */
function snapshotLines() {
  const lines = [];
  const push = (where, diags) => {
    for (const d of diags) lines.push([where, d.code, d.severity, fmtRange(d.range), clean(d.message)].join('\t'));
  };
  // Each set is checked in the setup it is scored in: the bundled sources plus its own.
  const setupOf = setupCache();
  const bundled = setupOf([]);
  for (const set of labelledSets()) {
    if (set.heldOut) continue;
    const setup = setupOf(set.sources);
    for (const c of set.drafts) push(`${set.name}/${c.id}`, setup.engine.check({ uri: `eval:/${c.id}.md`, text: c.text }));
  }
  for (const doc of bundled.index.documents) push(`source/${doc.id}`, bundled.engine.check({ uri: `eval:/${doc.id}.md`, text: doc.text }));
  for (const folder of realFolders()) {
    const setup = loadSetup(folder.sources);
    for (const f of folder.followups) push(`real/${folder.name}/${path.basename(f.file)}`, setup.engine.check({ uri: `file://${f.file}`, text: f.text }));
  }
  return lines;
}

module.exports = { snapshotLines, snapshotFile };

if (require.main === module) {
  const now = snapshotLines();
  if (process.argv.includes('--update')) {
    fs.mkdirSync(path.dirname(snapshotFile), { recursive: true });
    fs.writeFileSync(snapshotFile, now.join('\n') + '\n');
    console.log(`wrote ${now.length} findings to ${path.relative(root, snapshotFile)}`);
  } else {
    const before = fs.existsSync(snapshotFile) ? fs.readFileSync(snapshotFile, 'utf8').split('\n').filter(Boolean) : [];
    const a = new Set(before);
    const b = new Set(now);
    const gone = before.filter(l => !b.has(l));
    const added = now.filter(l => !a.has(l));
    for (const l of gone) console.log(`- ${l}`);
    for (const l of added) console.log(`+ ${l}`);
    console.log(`${before.length} findings in the snapshot, ${now.length} now: ${gone.length} gone, ${added.length} new`);
    process.exit(gone.length || added.length ? 1 : 0);
  }
}
