#!/usr/bin/env node
// Findings on the real documents in test/real/ (a copy of ../shared/real), joined with the
// verdicts people gave them in test/real/judged.json, and the false-alarm rates that follow.
// Each folder is checked in a user's default setup: the bundled sources on, plus the folder's
// own source/ (Japan, Quad). A finding with no verdict is listed: it must be judged (by
// someone who did not write the rule that raised it) before the rates mean anything.
//
// Usage (after `npm run build`):
//   node scripts/eval/real.js               rates per folder and overall; lists unjudged findings
//   node scripts/eval/real.js --json        the same as JSON
//   node scripts/eval/real.js --unjudged    every unjudged finding with both sides, for a judge
//   node scripts/eval/real.js --all         every finding with both sides and its verdict
'use strict';
const fs = require('fs');
const path = require('path');
const { root, loadSetup, realFolders } = require('./sets.js');

const judgedFile = path.join(root, 'test', 'real', 'judged.json');

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function wordsIn(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * A finding's identity for its verdict: file, code, where it is and what it flags. (Not the
 * source passage's id: ids follow the parser's sections, and a verdict is about what the
 * drafter sees flagged.)
 */
function keyOf(f) {
  return `${f.folder}/${f.file}|${f.code}|${f.line}:${f.column}|${f.flagged}`;
}

/** The sentence (or line group) around a draft offset, for a judge to read. */
function contextAround(text, start, end) {
  const before = text.lastIndexOf('\n\n', start);
  const after = text.indexOf('\n\n', end);
  let s = before < 0 ? 0 : before + 2;
  let e = after < 0 ? text.length : after;
  if (start - s > 600) s = start - 600;
  if (e - end > 600) e = end + 600;
  return text.slice(s, e).replace(/\s+/g, ' ').trim();
}

function collect() {
  const findings = [];
  const folders = [];
  for (const folder of realFolders()) {
    const setup = loadSetup(folder.sources);
    let words = 0;
    for (const f of folder.followups) {
      words += wordsIn(f.text);
      const starts = lineStarts(f.text);
      const diags = setup.engine.check({ uri: `file://${f.file}`, text: f.text });
      for (const d of diags) {
        const start = starts[d.range.start.line] + d.range.start.character;
        const end = starts[d.range.end.line] + d.range.end.character;
        const para = setup.index.getParagraph(d.data.paragraphId);
        const doc = para ? setup.index.getDocument(para.documentId) : undefined;
        findings.push({
          folder: folder.name,
          file: path.basename(f.file),
          code: d.code,
          severity: d.severity,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          flagged: f.text.slice(start, end).replace(/\s+/g, ' '),
          message: d.message,
          paragraphId: d.data.paragraphId,
          draftContext: contextAround(f.text, start, end),
          sourceDocument: doc ? doc.title : undefined,
          sourcePassage: para ? para.text : undefined,
        });
      }
    }
    folders.push({ name: folder.name, files: folder.followups.length, words });
  }
  return { findings, folders };
}

function loadVerdicts() {
  if (!fs.existsSync(judgedFile)) return new Map();
  const data = JSON.parse(fs.readFileSync(judgedFile, 'utf8'));
  return new Map(data.verdicts.map(v => [v.key, v]));
}

function summarise() {
  const { findings, folders } = collect();
  const verdicts = loadVerdicts();
  const rows = [];
  const unjudged = [];
  for (const folder of folders) {
    const mine = findings.filter(f => f.folder === folder.name);
    const row = { folder: folder.name, files: folder.files, words: folder.words, warnings: 0, visible: 0, falseWarnings: 0, falseVisible: 0, real: 0, unjudged: 0 };
    for (const f of mine) {
      const visible = f.severity <= 3;
      const warning = f.severity <= 2;
      if (!visible) continue;
      row.visible++;
      if (warning) row.warnings++;
      const v = verdicts.get(keyOf(f));
      if (!v) {
        row.unjudged++;
        unjudged.push(f);
        continue;
      }
      f.verdict = v.verdict;
      f.why = v.why;
      if (v.verdict === 'real') row.real++;
      else {
        row.falseVisible++;
        if (warning) row.falseWarnings++;
      }
    }
    row.falseWarningsPer10k = (row.falseWarnings * 10000) / folder.words;
    row.falseVisiblePer10k = (row.falseVisible * 10000) / folder.words;
    rows.push(row);
  }
  const total = rows.reduce((t, r) => {
    for (const k of ['files', 'words', 'warnings', 'visible', 'falseWarnings', 'falseVisible', 'real', 'unjudged']) t[k] = (t[k] ?? 0) + r[k];
    return t;
  }, { folder: 'all' });
  total.falseWarningsPer10k = (total.falseWarnings * 10000) / total.words;
  total.falseVisiblePer10k = (total.falseVisible * 10000) / total.words;
  const stale = [...verdicts.keys()].filter(k => !findings.some(f => keyOf(f) === k));
  return { rows, total, unjudged, findings, stale };
}

module.exports = { summarise, keyOf, collect, judgedFile };

if (require.main === module) {
  const r = summarise();
  const args = process.argv.slice(2);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ rows: r.rows, total: r.total, unjudged: r.unjudged.map(f => ({ key: keyOf(f), ...f })) }, null, 2));
    process.exit(0);
  }
  if (args.includes('--unjudged') || args.includes('--all')) {
    const list = args.includes('--all') ? r.findings.filter(f => f.severity <= 3) : r.unjudged;
    for (const f of list) {
      console.log(`key: ${keyOf(f)}`);
      console.log(`  ${f.severity <= 2 ? 'WARNING' : 'INFO'} ${f.code} at ${f.folder}/${f.file}:${f.line}:${f.column} on "${f.flagged}"`);
      console.log(`  message: ${f.message}`);
      console.log(`  draft:   ${f.draftContext}`);
      console.log(`  source:  ${f.sourceDocument ?? '?'} — ${f.sourcePassage ?? '?'}`);
      if (f.verdict) console.log(`  verdict: ${f.verdict} — ${f.why}`);
      console.log('');
    }
  }
  const fmt = x => x.toFixed(1);
  console.log('folder   files   words  warnings visible  real  false-warn  false-visible  unjudged  false-warn/10k  false-visible/10k');
  for (const row of [...r.rows, r.total]) {
    console.log(`${row.folder.padEnd(7)} ${String(row.files).padStart(6)} ${String(row.words).padStart(7)} ${String(row.warnings).padStart(9)} ${String(row.visible).padStart(7)} ${String(row.real).padStart(5)} ${String(row.falseWarnings).padStart(11)} ${String(row.falseVisible).padStart(14)} ${String(row.unjudged).padStart(9)} ${fmt(row.falseWarningsPer10k).padStart(15)} ${fmt(row.falseVisiblePer10k).padStart(18)}`);
  }
  if (r.stale.length) console.log(`${r.stale.length} verdicts in test/real/judged.json match no current finding (kept: the finding may return).`);
  if (r.total.unjudged) console.log(`${r.total.unjudged} findings have no verdict: run with --unjudged and have someone who did not write the rule judge them.`);
}
