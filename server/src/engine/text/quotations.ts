/**
 * Quotations in a paragraph of a draft: Markdown block quotes (`> …`), double quotes
 * (straight `"…"` and typographic `“…”`) and single quotes (`'…'`, `‘…’`) that open before a
 * word and close after one, so that apostrophes (`Canada's`, `peoples' culture`) are not
 * taken for quote marks.
 */

import { draftParagraphs } from './paragraphs';

/** A quotation: offsets of the quote marks (or the block) and of the text inside them. */
export interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  readonly innerStart: number;
  readonly innerEnd: number;
  /** A Markdown block quote (its `>` markers are not words of the quotation). */
  readonly block?: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;

/** Quotations in a paragraph: block quotes first, then inline quote pairs outside them. */
export function findQuotations(p: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const lines = [...p.matchAll(/^[ \t]*>.*$/gm)];
  for (let i = 0; i < lines.length; ) {
    const first = lines[i];
    let last = first;
    let j = i + 1;
    while (j < lines.length && lines[j].index! <= last.index! + last[0].length + 2) { last = lines[j]; j++; }
    const start = first.index!;
    const end = last.index! + last[0].length;
    const innerStart = start + first[0].indexOf('>') + 1;
    spans.push({ start, end, innerStart, innerEnd: end, block: true });
    i = j;
  }
  const inBlock = (i: number) => spans.some(s => i >= s.start && i < s.end);
  const inline: QuoteSpan[] = [];
  const taken = (i: number) => inline.some(s => i >= s.start && i < s.end);
  // Double quotes (straight and typographic).
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c !== '"' && c !== '\u201c') continue;
    if (inBlock(i) || taken(i)) continue;
    const close = c === '"' ? p.indexOf('"', i + 1) : p.indexOf('\u201d', i + 1);
    if (close < 0) continue;
    inline.push({ start: i, end: close + 1, innerStart: i + 1, innerEnd: close });
    i = close;
  }
  // Single quotes: an opening mark not preceded by a letter; a closing mark not followed by one.
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c !== "'" && c !== '\u2018') continue;
    if (inBlock(i) || taken(i)) continue;
    const before = p[i - 1] ?? ' ';
    if (LETTER.test(before) || !LETTER.test(p[i + 1] ?? '')) continue;
    let close = -1;
    for (let k = i + 1; k < p.length; k++) {
      const d = p[k];
      if (d === '\n' && /\n[ \t]*\n/.test(p.slice(k, k + 3))) break;
      if ((d === "'" || d === '\u2019') && !LETTER.test(p[k + 1] ?? '') && /\S/.test(p[k - 1])) {
        // `peoples' culture`: a plural possessive is followed by a space and a lower-case word; keep looking if a later mark closes.
        if (/s$/.test(p[k - 1]) && /^\s+[a-z]/.test(p.slice(k + 1, k + 4)) && p.indexOf(d, k + 1) > 0) continue;
        close = k;
        break;
      }
    }
    if (close < 0) continue;
    inline.push({ start: i, end: close + 1, innerStart: i + 1, innerEnd: close });
    i = close;
  }
  return [...spans, ...inline].sort((a, b) => a.start - b.start);
}


/**
 * Quotations in `text[from, to)`, found paragraph by paragraph (a quotation never spans a
 * blank line); offsets in `text`.
 */
export function quotationsIn(text: string, from = 0, to = text.length): QuoteSpan[] {
  const slice = text.slice(from, to);
  const out: QuoteSpan[] = [];
  for (const [s, e] of draftParagraphs(slice)) {
    for (const q of findQuotations(slice.slice(s, e))) {
      const by = from + s;
      out.push({ ...q, start: q.start + by, end: q.end + by, innerStart: q.innerStart + by, innerEnd: q.innerEnd + by });
    }
  }
  return out;
}
