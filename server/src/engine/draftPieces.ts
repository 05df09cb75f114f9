/**
 * The units a draft is analysed in. The checker analyses a draft paragraph by paragraph
 * (each cached, and each the smallest piece of work a check can pause after); a paragraph
 * of a hundred thousand characters (a pasted wall of text, one very long line) would be
 * analysed in one go, holding up every request for seconds. Such a paragraph is analysed in
 * pieces of at most {@link MAX_DRAFT_PIECE_CHARS}, cut at a line break, else after a
 * sentence, else at a space; and any paragraph is cut at a run of more than
 * {@link MAX_BLANK_RUN} white-space characters. Other paragraphs, all the real ones seen so
 * far, are untouched.
 */

/** Longer draft paragraphs are analysed in pieces. Real ones reach 8,916 characters (a transcript), and cutting them at 4,000 changes none of their findings (the golden snapshot). */
export const MAX_DRAFT_PIECE_CHARS = 5_000;

/**
 * A run of white space longer than this (a long comment, which checks see blanked out, or a
 * gap of spaces) ends a piece: some of the checker's clause patterns take time in proportion
 * to the square of the longest run of white space in a sentence (a 9,000-character comment
 * made one edit's check take 300 ms).
 */
export const MAX_BLANK_RUN = 1000;

/** `paragraphs` (offsets into `text`) cut at long runs of white space, and every piece longer than `max` cut again. */
export function boundedParagraphs(text: string, paragraphs: readonly [number, number][], max = MAX_DRAFT_PIECE_CHARS): [number, number][] {
  const out: [number, number][] = [];
  for (const paragraph of paragraphs) for (const piece of splitAtBlankRuns(text, paragraph)) cutLong(text, piece, max, out);
  return out;
}

const BLANK_RUN = new RegExp(`\\s{${MAX_BLANK_RUN + 1},}`, 'g');

function splitAtBlankRuns(text: string, [start, end]: [number, number]): [number, number][] {
  if (end - start <= MAX_BLANK_RUN) return [[start, end]];
  const out: [number, number][] = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(BLANK_RUN)) {
    const at = start + m.index!;
    if (at > from) out.push([from, at]);
    from = at + m[0].length;
  }
  if (end > from) out.push([from, end]);
  return out;
}

function cutLong(text: string, [start, end]: [number, number], max: number, out: [number, number][]): void {
  let from = start;
  while (end - from > max) {
    const cut = cutPoint(text, from, from + max);
    out.push([from, cut]);
    from = cut;
    while (from < end && /\s/.test(text[from])) from++;
  }
  if (end > from) out.push([from, end]);
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
