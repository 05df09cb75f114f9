/**
 * The units a draft is analysed in. The checker analyses a draft paragraph by paragraph
 * (each cached, and each the smallest piece of work a check can pause after); a paragraph
 * of a hundred thousand characters (a pasted wall of text, one very long line) would be
 * analysed in one go, holding up every request for seconds. Such a paragraph is analysed in
 * pieces of at most {@link MAX_DRAFT_PIECE_CHARS}, cut at a line break, else after a
 * sentence, else at a space. Shorter paragraphs, all real ones seen so far, are untouched.
 */

/** Longer draft paragraphs are analysed in pieces (the longest in the real documents is 8,916). */
export const MAX_DRAFT_PIECE_CHARS = 10_000;

/** `paragraphs` (offsets into `text`) with every one longer than `max` cut into pieces. */
export function boundedParagraphs(text: string, paragraphs: readonly [number, number][], max = MAX_DRAFT_PIECE_CHARS): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of paragraphs) {
    let from = start;
    while (end - from > max) {
      const cut = cutPoint(text, from, from + max);
      out.push([from, cut]);
      from = cut;
      while (from < end && /\s/.test(text[from])) from++;
    }
    if (end > from) out.push([from, end]);
  }
  return out;
}

/** Where to end a piece starting at `from` at or before `limit`: the last line break, sentence end or space in its second half. */
function cutPoint(text: string, from: number, limit: number): number {
  const window = text.slice(from + ((limit - from) >> 1), limit);
  const base = limit - window.length;
  const lineBreak = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('\r'));
  if (lineBreak >= 0) return base + lineBreak;
  let sentence = -1;
  for (const m of window.matchAll(/[.!?]["”’')\]]*\s/g)) sentence = m.index! + m[0].length - 1;
  if (sentence >= 0) return base + sentence;
  const space = window.search(/\s\S*$/);
  if (space >= 0) return base + space;
  // No space at all: cut anywhere but inside a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
