/** Paragraphs of a draft: runs of text between blank lines. */

/** `[start, end)` of each paragraph of `text` holding something other than white space. */
export function draftParagraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\r?\n[ \t]*(?:\r?\n[ \t]*)+/g;
  let from = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > from) out.push([from, m.index!]);
    from = m.index! + m[0].length;
  }
  if (from < text.length) out.push([from, text.length]);
  return out.filter(([s, e]) => /\S/.test(text.slice(s, e)));
}
