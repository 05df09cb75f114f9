/**
 * The one sentence splitter, with an entry point for each kind of text:
 *
 * - `draftSentences`: a draft paragraph. A sentence ends at `.`, `!` or `?` (closing quotes
 *   and brackets included) before white space and a capital, digit, quote or list marker,
 *   unless the period ends an abbreviation or an initial (`sentenceEndAt`); list items,
 *   headings and lines ending in a colon are sentences of their own.
 * - `sentenceEndAfter`: where the sentence holding an offset of a source paragraph ends, by
 *   the same rule, scanning that paragraph only (completion, on every keystroke).
 * - `lastSentenceStart`: where the sentence being typed starts on a line, by the same rule
 *   (completion reads the words of that sentence only).
 * - `sourceSentences`: a source paragraph, by the `sentence-splitter` package with dotted
 *   acronyms masked. The sources' sentences are what drafts are compared with; the package
 *   and the rule above disagree on a few sentences (docs/unification.md), so the sources keep it.
 */
import { split as splitSentences } from 'sentence-splitter';
import { english } from '../lang/en';
import type { LanguagePack } from '../lang/pack';

/** Sentence ranges of a draft paragraph (list items and headings are their own sentences). */
export function draftSentences(p: string, lang: LanguagePack = english): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  const push = (e: number) => {
    let s = from;
    while (s < e && /\s/.test(p[s])) s++;
    if (e > s) out.push([s, e]);
    from = e;
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\n') {
      const rest = p.slice(i + 1, i + 8);
      if (/^[ \t]*(?:[-*+]\s|\d+[.)]\s|#)/.test(rest) || /:\s*$/.test(p.slice(from, i)) || /^#/.test(p.slice(from, i).trim())) push(i);
      continue;
    }
    const k = sentenceEndAt(p, i, lang);
    if (k >= 0) push(k);
  }
  if (from < p.length) push(p.length);
  return out;
}

/** The end of the sentence holding `offset` in `text` (a paragraph): after its final mark and closing quotes, or the text's end. */
export function sentenceEndAfter(text: string, offset: number, lang: LanguagePack = english): number {
  for (let i = Math.max(0, offset); i < text.length; i++) {
    const k = sentenceEndAt(text, i, lang);
    if (k >= 0) return k;
  }
  return text.length;
}

/**
 * Where the last sentence of `text` (a line being typed) starts: after the last sentence end
 * and the white space that follows it; 0 when the text holds one sentence.
 */
export function lastSentenceStart(text: string, lang: LanguagePack = english): number {
  for (let i = text.length - 1; i >= 0; i--) {
    let k = sentenceEndAt(text, i, lang);
    if (k < 0) continue;
    while (k < text.length && /\s/.test(text[k])) k++;
    return k;
  }
  return 0;
}

/**
 * If a sentence ends at the mark `p[i]`, the offset just after it and its closing quotes and
 * brackets; otherwise -1. Abbreviations (`Mr.`, `U.S.`, `e.g.`) and initials (`J. Biden`) end none.
 */
export function sentenceEndAt(p: string, i: number, lang: LanguagePack = english): number {
  const c = p[i];
  if (c !== '.' && c !== '!' && c !== '?') return -1;
  let k = i + 1;
  // Closing quotes and brackets, and Markdown emphasis (`**Vaccines.** The Roadmap …`), belong to the sentence.
  while (k < p.length && /["”’')\]*_]/.test(p[k])) k++;
  if (k < p.length && !/\s/.test(p[k])) return -1;
  let n = k;
  while (n < p.length && /\s/.test(p[n])) n++;
  if (n < p.length && !/[A-Z0-9"“‘'(\[*_-]/.test(p[n])) return -1;
  if (c === '.' && lang.patterns.abbreviationBefore.test(p.slice(Math.max(0, i - 6), i))) return -1;
  if (c === '.' && /\b[A-Z]$/.test(p.slice(Math.max(0, i - 2), i)) && /\s[A-Z]\.$/.test(p.slice(Math.max(0, i - 3), i + 1))) return -1;
  return k;
}

/** Sentence ranges of a source paragraph's text, white space trimmed. */
export function sourceSentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const node of splitSentences(maskAcronyms(text))) {
    if (node.type !== 'Sentence') continue;
    let [start, end] = node.range;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push([start, end]);
  }
  return out;
}

/**
 * Dotted acronyms (`U.S.`, `U.N.`, `E.U.`) end a sentence only at the end of a paragraph
 * in government prose; elsewhere they are followed by `Department`, `border`, `-Canada`.
 * The splitter sees them with their periods masked (same length, so ranges still hold).
 */
function maskAcronyms(text: string): string {
  return text.replace(/\b(?:\p{Lu}\.){2,}(?=\s*\S)/gu, m => m.replace(/\./g, '\u2024'));
}
