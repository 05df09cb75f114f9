#!/usr/bin/env node
// Imports a whole-document labelled set written by a helper (the format of
// /work/labelled/SPEC.md) into test/eval/<name>.json.
// Usage: node scripts/eval/import-docs.js NAME --from FILE [--from FILE ...] [--source PATH ...] [--held-out] [--about TEXT]
// Sources are paths inside the repository (test/real/...); none means the bundled sources alone.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const name = args[0];
const many = flag => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));
const from = many('--from');
const sources = many('--source');
const about = many('--about')[0];
if (!name || !from.length) {
  console.error('usage: import-docs.js NAME --from FILE [--from FILE ...] [--source PATH ...] [--held-out] [--about TEXT]');
  process.exit(2);
}
const documents = [];
const abouts = [];
const problems = [];
for (const f of from) {
  const data = JSON.parse(fs.readFileSync(f, 'utf8'));
  abouts.push(data.about);
  for (const d of data.documents) {
    for (const e of d.errors) {
      const at = d.text.indexOf(e.span);
      if (at < 0 || d.text.indexOf(e.span, at + 1) >= 0) problems.push(`${d.id}: span "${e.span}" is not unique in the text`);
    }
    if (d.faithful !== (d.errors.length === 0)) problems.push(`${d.id}: faithful=${d.faithful} but ${d.errors.length} errors`);
    documents.push({
      id: d.id,
      genre: d.genre,
      text: d.text,
      errors: d.errors.map(e => ({ span: e.span, kind: e.kind, quoted: e.quoted === true, source: e.source, note: e.note })),
      ...(d.notes ? { notes: d.notes } : {}),
    });
  }
}
const ids = new Set();
for (const d of documents) {
  if (ids.has(d.id)) problems.push(`duplicate id ${d.id}`);
  ids.add(d.id);
}
for (const s of sources) if (!fs.existsSync(path.join(root, s))) problems.push(`source ${s} does not exist`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const out = {
  about: about ?? abouts.join(' '),
  heldOut: args.includes('--held-out'),
  sources,
  documents,
};
const file = path.join(root, 'test', 'eval', `${name}.json`);
fs.writeFileSync(file, JSON.stringify(out, null, 1) + '\n');
console.log(`${documents.length} documents (${documents.filter(d => !d.errors.length).length} faithful, ${documents.reduce((n, d) => n + d.errors.length, 0)} errors) -> ${path.relative(root, file)}${out.heldOut ? ' (held out)' : ''}`);
