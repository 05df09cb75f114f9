#!/usr/bin/env node
// Adds a judge's verdicts (a JSON file { judge, verdicts: [{ key, verdict, why }] }) to
// test/real/judged.json, keeping earlier verdicts of other findings. A key already judged
// is replaced only with --replace. Usage: node scripts/eval/merge-verdicts.js FILE --round N [--replace]
'use strict';
const fs = require('fs');
const path = require('path');
const { judgedFile } = require('./real.js');

const args = process.argv.slice(2);
const file = args.find(a => !a.startsWith('--') && !/^\d+$/.test(a));
const round = Number(args[args.indexOf('--round') + 1]);
if (!file || !Number.isFinite(round)) {
  console.error('usage: merge-verdicts.js FILE --round N [--replace]');
  process.exit(2);
}
const incoming = JSON.parse(fs.readFileSync(file, 'utf8'));
const current = fs.existsSync(judgedFile)
  ? JSON.parse(fs.readFileSync(judgedFile, 'utf8'))
  : {
      about:
        'Verdicts on every visible finding Verbatim gave on the real documents in test/real/ (see scripts/eval/real.js). Each verdict was given by someone who did not write the rule that raised the finding, by reading the draft and the source. verdict: "real" (a misquote or contradiction a drafter would want pointed out) or "false" (anything else, including defensible forms).',
      verdicts: [],
    };
const byKey = new Map(current.verdicts.map(v => [v.key, v]));
let added = 0;
let replaced = 0;
for (const v of incoming.verdicts) {
  if (v.verdict !== 'real' && v.verdict !== 'false') throw new Error(`bad verdict for ${v.key}: ${v.verdict}`);
  const entry = { key: v.key, verdict: v.verdict, why: v.why, judge: incoming.judge, round };
  if (byKey.has(v.key)) {
    if (!args.includes('--replace')) continue;
    replaced++;
  } else added++;
  byKey.set(v.key, entry);
}
current.verdicts = [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
fs.writeFileSync(judgedFile, JSON.stringify(current, null, 1) + '\n');
console.log(`${added} verdicts added, ${replaced} replaced; ${current.verdicts.length} in ${path.relative(process.cwd(), judgedFile)}`);
