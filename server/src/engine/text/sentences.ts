/**
 * Sentences of a draft paragraph: a sentence ends at `.`, `!` or `?` (closing quotes and
 * brackets included) before white space and a capital, digit, quote or list marker, unless
 * the period ends an abbreviation or an initial; list items, headings and lines ending in a
 * colon are sentences of their own.
 */

/** Sentence ranges of a paragraph (list items and headings are their own sentences). */
export function draftSentences(p: string): [number, number][] {
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
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let k = i + 1;
    while (k < p.length && /["”’')\]]/.test(p[k])) k++;
    if (k < p.length && !/\s/.test(p[k])) continue;
    let n = k;
    while (n < p.length && /\s/.test(p[n])) n++;
    if (n < p.length && !/[A-Z0-9"“‘'(\[*-]/.test(p[n])) continue;
    if (c === '.' && /(?:\b[A-Z]\.[A-Z]|\b(?:Mr|Ms|Mrs|Dr|St|No|Jr|Sr|vs|e\.g|i\.e|U\.S|U\.N))$/.test(p.slice(Math.max(0, i - 6), i))) continue;
    if (c === '.' && /\b[A-Z]$/.test(p.slice(Math.max(0, i - 2), i)) && /\s[A-Z]\.$/.test(p.slice(Math.max(0, i - 3), i + 1))) continue;
    push(k);
  }
  if (from < p.length) push(p.length);
  return out;
}

