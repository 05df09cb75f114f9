/**
 * Quotations in a paragraph of a draft: Markdown block quotes (`> …`), double quotes
 * (straight `"…"`, typographic `“…”` and French guillemets `«…»`) and single quotes (`'…'`,
 * `‘…’`) that open before a word and close after one, so that apostrophes (`Canada's`,
 * `peoples' culture`) are not taken for quote marks. The marks are the same in every language:
 * an English draft may quote a French source in guillemets, a French draft in `“…”`.
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

/**
 * The quoted words of a block quote: the whole block, or, when the block opens with a quote
 * mark that closes before its end, the words inside the marks (`> "…" (Joint statement of the
 * President and the Prime Minister)`: what follows is the attribution).
 */
function quotedInBlock(p: string, from: number, end: number): { innerStart: number; innerEnd: number } {
  const open = p.slice(from, end).search(/\S/) + from;
  const mark = p[open];
  const close = mark === '"' ? p.indexOf('"', open + 1) : mark === '\u201c' ? p.indexOf('\u201d', open + 1) : -1;
  const rest = p.slice(close + 1, end);
  if (close < 0 || close >= end || !/\S/.test(rest) || /["\u201c\u201d]/.test(rest)) return { innerStart: from, innerEnd: end };
  return { innerStart: open + 1, innerEnd: close };
}

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
    spans.push({ start, end, ...quotedInBlock(p, innerStart, end), block: true });
    i = j;
  }
  const inBlock = (i: number) => spans.some(s => i >= s.start && i < s.end);
  const inline: QuoteSpan[] = [];
  const taken = (i: number) => inline.some(s => i >= s.start && i < s.end);
  // Double quotes (straight and typographic) and guillemets, the first to open holding any inside it.
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c !== '"' && c !== '\u201c' && c !== '\u00ab') continue;
    if (inBlock(i) || taken(i)) continue;
    const close = c === '"' ? p.indexOf('"', i + 1) : c === '\u201c' ? p.indexOf('\u201d', i + 1) : closingGuillemet(p, i);
    if (close < 0) continue;
    // An unclosed guillemet running to the paragraph's end has no closing mark to include.
    const end = /["\u201d\u00bb]/.test(p[close] ?? '') ? close + 1 : close;
    inline.push(inner(p, i, end, close));
    i = end - 1;
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
 * The `»` that closes the `«` at `open`, guillemets nested inside counted; -1 when none does. A
 * `«` opening the paragraph that nothing closes runs to its end: in French a quotation over
 * several paragraphs opens each of them with `«` and closes only the last.
 */
function closingGuillemet(p: string, open: number): number {
  let depth = 0;
  for (let k = open + 1; k < p.length; k++) {
    if (p[k] === '\u00ab') depth++;
    else if (p[k] === '\u00bb' && depth-- === 0) return k;
  }
  return /^[\s>*+-]*$/.test(p.slice(0, open)) && /\p{L}/u.test(p.slice(open)) ? p.trimEnd().length : -1;
}

/** White space a typographer puts inside the marks: `« texte »` with (narrow) no-break spaces. */
const INSIDE_SPACE = /[ \t\u00a0\u202f\u2009\u2007]/;

/** A quotation from `start` to `end` whose closing mark is at `closeAt`, its inner text without the spaces inside the marks. */
function inner(p: string, start: number, end: number, closeAt: number): QuoteSpan {
  let innerStart = start + 1;
  let innerEnd = closeAt;
  while (innerStart < innerEnd && INSIDE_SPACE.test(p[innerStart])) innerStart++;
  while (innerEnd > innerStart && INSIDE_SPACE.test(p[innerEnd - 1])) innerEnd--;
  return { start, end, innerStart, innerEnd };
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
