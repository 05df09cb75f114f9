/** Test helpers: a source file's passages are its official words, and each character maps back to the file. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Paragraph, SourceDocument } from '../../server/src/engine';
import { parseSource } from '../../server/src/engine/sources/parse';
import { repoRoot } from './corpus';

/** Every `.md`/`.txt` file under `dir` (relative to the repository), recursively, sorted. */
export function sourceFiles(dir: string): string[] {
  const abs = path.join(repoRoot, dir);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(md|txt)$/.test(entry.name) && entry.name !== 'README.md') out.push(rel);
  }
  return out.sort();
}

/** Parses a file of the repository as a user source (as `--source` would). */
export function parseFile(rel: string): SourceDocument {
  const file = path.join(repoRoot, rel);
  const r = parseSource({ uri: `file://${file}`, displayPath: rel, content: fs.readFileSync(file, 'utf8') });
  assert.ok(r.document, `${rel}: ${r.problems.map(p => p.message).join('; ')}`);
  return r.document;
}

/** Markup that must never reach a passage. */
const MARKUP: [RegExp, string][] = [
  [/\*\*/, '`**`'],
  [/__/, '`__`'],
  [/#\s*#\s*#/, 'an end mark'],
  [/\]\(/, 'link syntax `](`'],
  [/!\[/, 'image syntax `![`'],
  [/\\[!-/:-@[-`{-~ ]/, 'a backslash escape'],
  [/<\/?(?:span|u|b|i|em|strong|a|sup|sub|br)\b[^>]*>/i, 'an HTML tag'],
  [/&(?:amp|nbsp|quot|#\d+);/, 'an HTML entity'],
];

export function assertClean(p: Paragraph): void {
  for (const [re, what] of MARKUP) assert.doesNotMatch(p.text, re, `${p.id} contains ${what}: ${JSON.stringify(p.text.slice(0, 120))}`);
  assert.equal(p.text, p.text.trim(), `${p.id} has white space at an end`);
  assert.ok(p.text.length > 0, `${p.id} is empty`);
}

/**
 * Every character of the passage is the file's character at its offset (a space may stand
 * for a line break or for a non-breaking escape such as `\_`; a decoded entity maps to its
 * `&`), offsets only increase, and what the passage skips between two of its characters is
 * markup: white space, list and quote markers, emphasis, escapes, brackets, tags, link
 * targets and images. A word silently dropped from the middle of a passage fails here.
 */
export function assertMapsBack(doc: SourceDocument, p: Paragraph): void {
  const file = doc.text;
  const at = (i: number) => p.sourceOffsets.at(i);
  for (let i = 0; i < p.text.length; i++) {
    const c = p.text[i];
    const f = file[at(i)];
    const ok = c === f || (/\s/.test(c) && (/\s/.test(f) || f === '_' || f === '<' || f === '&')) || f === '&';
    assert.ok(ok, `${p.id}: char ${i} ${JSON.stringify(c)} maps to ${JSON.stringify(f)} in ${JSON.stringify(p.text.slice(Math.max(0, i - 20), i + 20))}`);
  }
  for (let i = 0; i + 1 < p.text.length; i++) {
    assert.ok(at(i + 1) > at(i), `${p.id}: offsets go backwards at ${i}`);
    let gap = file.slice(at(i) + 1, at(i + 1));
    if (file[at(i)] === '&') gap = gap.replace(/^#?\w+;/, '');
    const rest = gap
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\]\((?:[^()]|\([^()]*\))*\)/g, '')
      .replace(/<[^<>]*>/g, '')
      .replace(/(^|\n)[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])?(?=[ \t])/g, '$1');
    assert.match(rest, /^[\s*_\\[\]!\u00ad\u200b]*$/, `${p.id}: between ${JSON.stringify(p.text.slice(Math.max(0, i - 15), i + 1))} and the next character the passage skips ${JSON.stringify(gap)}`);
  }
  if (p.text.length) assert.equal(p.range.start.line, lineOf(file, at(0)), `${p.id}: range starts on another line`);
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset; i++) if (text[i] === '\n') n++;
  return n;
}
