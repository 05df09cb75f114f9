#!/usr/bin/env node
// Validates the labelled evaluation sets (test/eval/cases.json, tuning-2.json, holdout-1.json to holdout-13.json):
// JSON shape, spans inside their text, unique ids, minimum counts, hover sections and
// completion targets against the bundled corpus, and (as warnings) quoted fragments of clean
// checks against the sources. Usage: node scripts/eval/validate-cases.js [--seed path]
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const seedIdx = args.indexOf('--seed');
const seedPath = seedIdx >= 0 ? args[seedIdx + 1] : '/work/shared/eval/dev-cases.json';

const SECTIONS = ['Combating COVID-19', 'Building Back Better', 'Accelerating Climate Ambitions',
  'Advancing Diversity and Inclusion', 'Bolstering Security and Defense', 'Building Global Alliances'];
const KINDS = ['figure', 'actor', 'negation', 'strength', 'opposite', 'name', 'wording'];
const CATEGORIES = ['contradiction', 'misquote'];

const errors = [];
const warnings = [];
const err = (m) => errors.push(m);
const warn = (m) => warnings.push(m);

function norm(s) {
  return s.toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/(\w)-\s+(\w)/g, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---- corpus -------------------------------------------------------------
function readCorpus() {
  const roadmap = fs.readFileSync(path.join(root, 'corpus/roadmap-2021-02-23.md'), 'utf8');
  const statement = fs.readFileSync(path.join(root, 'corpus/roadmap-statement-2021-02-23.md'), 'utf8');
  const bySection = {};
  let current = null;
  for (const line of roadmap.split(/\r?\n/)) {
    const h = line.match(/^\*\*(.+?)\*\*\s*$/);
    if (h) { current = SECTIONS.includes(h[1]) ? h[1] : null; continue; }
    if (current) bySection[current] = (bySection[current] || '') + ' ' + line;
  }
  const stmtBySection = {};
  for (const line of statement.split(/\r?\n/)) {
    const m = line.match(/^([A-Za-z0-9 -]+):\s/);
    if (m && SECTIONS.includes(m[1])) stmtBySection[m[1]] = line;
  }
  const body = (t) => t.replace(/^---[\s\S]*?---/, '');
  return {
    all: norm(body(roadmap) + ' \n ' + body(statement)),
    roadmap: Object.fromEntries(Object.entries(bySection).map(([k, v]) => [k, norm(v)])),
    statement: Object.fromEntries(Object.entries(stmtBySection).map(([k, v]) => [k, norm(v)])),
  };
}

// ---- quotations (heuristic, for warnings only) ----------------------------
function quotations(text) {
  const out = [];
  const re = /"([^"]+)"|\u201c([^\u201d]+)\u201d|\u2018([\s\S]+?)\u2019(?![A-Za-z])|(?:^|[\s(])'([^']+?(?:'[a-z][^']*?)*)'(?![A-Za-z])/g;
  let m;
  while ((m = re.exec(text))) out.push(m[1] || m[2] || m[3] || m[4]);
  const block = text.split(/\r?\n/).filter((l) => /^\s*>/.test(l)).map((l) => l.replace(/^\s*>\s?/, ''));
  if (block.length) out.push(block.join(' '));
  return out;
}
function fragments(q) {
  return q.split(/\.\.\.|\u2026|\[[^\]]*\]/).map((f) => norm(f).replace(/^[\s,.;:]+|[\s,.;:]+$/g, '')).filter((f) => f.length > 0);
}

// ---- file checks ----------------------------------------------------------
function load(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { err(`${file}: not valid JSON (${e.message})`); return null; }
}

function validateFile(label, data, corpus, allIds, seedTexts, minimums) {
  if (!data) return;
  if (typeof data.about !== 'string' || !data.about) err(`${label}: missing "about"`);
  const checks = data.checks || [];
  const kindCount = Object.fromEntries(KINDS.concat(['entity']).map((k) => [k, 0]));
  let clean = 0;
  for (const c of checks) {
    const where = `${label}:${c.id}`;
    if (!c.id || typeof c.text !== 'string' || !Array.isArray(c.expect)) { err(`${where}: bad shape`); continue; }
    if (allIds.has(c.id)) err(`${where}: duplicate id`);
    allIds.add(c.id);
    if (seedTexts.has(c.text)) err(`${where}: repeats a seed check or a check of another file`);
    seedTexts.add(c.text);
    if (c.expect.length === 0) {
      clean++;
      for (const q of quotations(c.text)) {
        for (const f of fragments(q)) {
          if (f.split(' ').length >= 2 && !corpus.all.includes(f)) warn(`${where}: clean quotation fragment not found in sources: "${f}"`);
        }
      }
    }
    if (c.expect.length) {
      // Quotations holding a misquote span must differ from the sources; other quotations
      // in a findings draft should be verbatim (so the draft has no unlabelled misquote).
      for (const q of quotations(c.text)) {
        const spans = c.expect.filter((e) => typeof e.span === 'string' && norm(q).includes(norm(e.span)));
        const frags = fragments(q).filter((f) => f.split(' ').length >= 2);
        const verbatim = frags.every((f) => corpus.all.includes(f));
        if (spans.some((e) => (e.category || []).includes('misquote')) && verbatim) warn(`${where}: misquote-labelled quotation is verbatim in sources: "${q}"`);
        if (!spans.length && !verbatim) warn(`${where}: unlabelled quotation differs from sources: "${q}"`);
      }
    }
    for (const e of c.expect) {
      if (typeof e.span !== 'string' || !e.span) { err(`${where}: empty span`); continue; }
      const first = c.text.indexOf(e.span);
      if (first < 0) err(`${where}: span not in text: "${e.span}"`);
      else if (c.text.indexOf(e.span, first + 1) >= 0) warn(`${where}: span occurs more than once (first is taken): "${e.span}"`);
      if (!Array.isArray(e.category) || !e.category.length || e.category.some((x) => !CATEGORIES.includes(x))) err(`${where}: bad category`);
      if (e.kind) {
        if (!(e.kind in kindCount)) err(`${where}: unknown kind ${e.kind}`);
        else kindCount[e.kind]++;
      }
    }
  }
  const comps = data.completions || [];
  for (const [i, c] of comps.entries()) {
    if (typeof c.before !== 'string' || typeof c.want !== 'string') { err(`${label}: completion ${i} bad shape`); continue; }
    if (!corpus.all.includes(norm(c.want))) err(`${label}: completion want not in sources: "${c.want}"`);
  }
  const hovers = data.hovers || [];
  for (const h of hovers) {
    if (!h.line || !h.phrase || !h.section) { err(`${label}: hover bad shape`); continue; }
    if (!h.line.includes(h.phrase)) err(`${label}: hover phrase not in line: "${h.phrase}"`);
    if (!SECTIONS.includes(h.section)) err(`${label}: hover unknown section "${h.section}"`);
    const p = norm(h.phrase);
    const inRoad = Object.keys(corpus.roadmap).filter((s) => corpus.roadmap[s].includes(p));
    const inStmt = Object.keys(corpus.statement).filter((s) => corpus.statement[s].includes(p));
    const found = inRoad.length ? inRoad : inStmt;
    if (!found.length) err(`${label}: hover phrase not found in any section: "${h.phrase}"`);
    else if (!found.includes(h.section)) err(`${label}: hover "${h.phrase}" is in ${found.join(', ')}, not ${h.section}`);
    else if (found.length > 1) warn(`${label}: hover "${h.phrase}" appears in several sections: ${found.join(', ')}`);
  }
  const summary = { checks: checks.length, clean, withFindings: checks.length - clean, completions: comps.length, hovers: hovers.length, kinds: kindCount };
  console.log(`${label}: ${JSON.stringify(summary)}`);
  const m = minimums;
  if (checks.length < m.checks) err(`${label}: ${checks.length} checks < ${m.checks}`);
  if (clean < m.clean) err(`${label}: ${clean} clean < ${m.clean}`);
  if (comps.length < m.completions) err(`${label}: ${comps.length} completions < ${m.completions}`);
  if (hovers.length < m.hovers) err(`${label}: ${hovers.length} hovers < ${m.hovers}`);
  for (const k of KINDS) if (kindCount[k] < m.perKind) err(`${label}: kind ${k} ${kindCount[k]} < ${m.perKind}`);
}

const corpus = readCorpus();
for (const s of SECTIONS) if (!corpus.roadmap[s]) err(`corpus: section not found: ${s}`);
const allIds = new Set();
const seedTexts = new Set();
if (fs.existsSync(seedPath)) {
  const seed = load(seedPath);
  if (seed) for (const c of seed.checks || []) { allIds.add(c.id); seedTexts.add(c.text); }
} else warn(`seed not found at ${seedPath}; skipping seed overlap checks`);

validateFile('cases', load(path.join(root, 'test/eval/cases.json')), corpus, allIds, seedTexts,
  { checks: 120, clean: 55, completions: 20, hovers: 15, perKind: 6 });
validateFile('tuning-2', load(path.join(root, 'test/eval/tuning-2.json')), corpus, allIds, seedTexts,
  { checks: 100, clean: 50, completions: 0, hovers: 0, perKind: 6 });
validateFile('holdout-1', load(path.join(root, 'test/eval/holdout-1.json')), corpus, allIds, seedTexts,
  { checks: 60, clean: 25, completions: 0, hovers: 0, perKind: 3 });
validateFile('holdout-2', load(path.join(root, 'test/eval/holdout-2.json')), corpus, allIds, seedTexts,
  { checks: 100, clean: 50, completions: 0, hovers: 0, perKind: 6 });
validateFile('holdout-3', load(path.join(root, 'test/eval/holdout-3.json')), corpus, allIds, seedTexts,
  { checks: 90, clean: 45, completions: 0, hovers: 0, perKind: 3 });
validateFile('holdout-4', load(path.join(root, 'test/eval/holdout-4.json')), corpus, allIds, seedTexts,
  { checks: 95, clean: 45, completions: 0, hovers: 0, perKind: 6 });
validateFile('holdout-5', load(path.join(root, 'test/eval/holdout-5.json')), corpus, allIds, seedTexts,
  { checks: 95, clean: 45, completions: 0, hovers: 0, perKind: 6 });
validateFile('holdout-6', load(path.join(root, 'test/eval/holdout-6.json')), corpus, allIds, seedTexts,
  { checks: 90, clean: 45, completions: 0, hovers: 0, perKind: 6 });
validateFile('holdout-7', load(path.join(root, 'test/eval/holdout-7.json')), corpus, allIds, seedTexts,
  { checks: 90, clean: 45, completions: 0, hovers: 0, perKind: 6 });
validateFile('holdout-8', load(path.join(root, 'test/eval/holdout-8.json')), corpus, allIds, seedTexts,
  { checks: 75, clean: 38, completions: 0, hovers: 0, perKind: 3 });
validateFile('holdout-9', load(path.join(root, 'test/eval/holdout-9.json')), corpus, allIds, seedTexts,
  { checks: 100, clean: 50, completions: 0, hovers: 0, perKind: 6 });
validateFile('holdout-10', load(path.join(root, 'test/eval/holdout-10.json')), corpus, allIds, seedTexts,
  { checks: 110, clean: 55, completions: 0, hovers: 0, perKind: 7 });
validateFile('holdout-11', load(path.join(root, 'test/eval/holdout-11.json')), corpus, allIds, seedTexts,
  { checks: 95, clean: 50, completions: 0, hovers: 0, perKind: 6 });
validateFile('holdout-12', load(path.join(root, 'test/eval/holdout-12.json')), corpus, allIds, seedTexts,
  { checks: 100, clean: 50, completions: 0, hovers: 0, perKind: 5 });
validateFile('holdout-13', load(path.join(root, 'test/eval/holdout-13.json')), corpus, allIds, seedTexts,
  { checks: 80, clean: 42, completions: 0, hovers: 0, perKind: 4 });

for (const w of warnings) console.log(`warning: ${w}`);
for (const e of errors) console.log(`ERROR: ${e}`);
console.log(errors.length ? `${errors.length} error(s)` : 'OK');
process.exit(errors.length ? 1 : 0);
