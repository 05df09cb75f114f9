// The evaluation data in one place: the labelled sets in test/eval/, the real documents in
// test/real/ (a copy of ../shared/real), and the setups they are checked in. Shared by
// score.js, golden.js and real.js. Needs `npm run build` (it loads the engine from out/).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const engine = require(path.join(root, 'out', 'server', 'src', 'engine', 'index.js'));
const evalDir = path.join(root, 'test', 'eval');
const realDir = path.join(root, 'test', 'real');
const BUNDLED = ['roadmap-2021-02-23', 'roadmap-statement-2021-02-23'];

function readInput(file, bundled) {
  const rel = path.relative(root, file);
  return { uri: bundled ? `verbatim-source:/${path.basename(file)}` : `file://${file}`, displayPath: rel, content: fs.readFileSync(file, 'utf8'), bundled };
}

/** The index and engine of a user's default setup: the bundled sources plus `extraFiles`. */
function loadSetup(extraFiles, { bundled = true } = {}) {
  const inputs = [
    ...(bundled ? BUNDLED.map(n => readInput(path.join(root, 'corpus', `${n}.md`), true)) : []),
    ...extraFiles.map(f => readInput(f, false)),
  ];
  const index = engine.loadCorpus(inputs);
  return { index, engine: engine.createEngine(index) };
}

/** `loadSetup` once per list of extra sources: `setupFor(sources)`. */
function setupCache() {
  const setups = new Map();
  return sources => {
    const key = sources.join('\n');
    if (!setups.has(key)) setups.set(key, loadSetup(sources));
    return setups.get(key);
  };
}

function mdFiles(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter(f => /\.(md|txt)$/.test(f)).sort().map(f => path.join(dir, f)) : [];
}

/**
 * Every labelled set in test/eval/, as `{ name, file, about, kind, drafts }`. `kind` is
 * `sentences` for the older sets (`checks`: short drafts, expectations by category) and
 * `documents` for whole-document sets (`documents`: whole drafts, expectations by kind).
 * Whole-document sets may name their sources (`sources`: paths under test/real/).
 * A set marked `"heldOut": true` has not been scored yet: it is scored once, at first
 * contact, by naming it (`score.js --held-out NAME`), and is left out of everything else.
 */
function labelledSets() {
  const out = [];
  for (const f of fs.readdirSync(evalDir).filter(f => f.endsWith('.json')).sort()) {
    const data = JSON.parse(fs.readFileSync(path.join(evalDir, f), 'utf8'));
    const name = f.replace(/\.json$/, '');
    if (Array.isArray(data.documents)) {
      out.push({ name, file: path.join(evalDir, f), about: data.about, kind: 'documents', heldOut: data.heldOut === true, sources: (data.sources ?? []).map(s => path.join(root, s)), drafts: data.documents });
    } else {
      out.push({ name, file: path.join(evalDir, f), about: data.about, kind: 'sentences', heldOut: data.heldOut === true, sources: [], drafts: data.checks });
    }
  }
  return out;
}

/** The real follow-up folders and the sources each is checked against (with the bundled ones on). */
function realFolders() {
  const folders = [];
  for (const name of ['canada', 'japan', 'quad']) {
    const sources = mdFiles(path.join(realDir, name, 'source'));
    const followups = mdFiles(path.join(realDir, name, 'followups')).map(file => ({ file, text: fs.readFileSync(file, 'utf8') }));
    if (followups.length) folders.push({ name, sources, followups });
  }
  return folders;
}

module.exports = { root, engine, loadSetup, setupCache, labelledSets, realFolders, mdFiles };
