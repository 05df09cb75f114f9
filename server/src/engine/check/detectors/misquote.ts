/**
 * `misquote`: a quotation whose words differ from the source passage it quotes
 * (docs/rules/misquote.md). Every block of differences is one finding, or the whole
 * quotation one finding when there are more than three.
 */
import type { Block } from '../../align';
import { Codes, type FindingKind } from '../../findings';
import type { Word } from '../../text/words';
import { flat } from '../messages';
import type { Detector, QuoteUnit } from '../types';

export const misquote: Detector<QuoteUnit> = {
  id: 'misquote',
  emits: [Codes.misquote],
  unit: 'quotation',
  run(unit, _ctx, emit) {
    const { p, q, words, skipAt, source, blocks } = unit;
    if (!source || !blocks.length) return;
    // A quoted name in title case (`"Strengthen Global Health Architecture"`) is a name, not the
    // source's sentence: official names are the altered-name check's business.
    if (words.filter(w => /^\p{Lu}/u.test(p.slice(w.start, w.end))).length * 2 > words.length && words.length <= 8) return;
    const { para, srcWords, al } = source;
    const evidence = { start: srcWords[al.bFrom].start, end: srcWords[al.bTo].end };
    const fix =
      skipAt.size === 0
        ? { title: 'Replace with the official wording', start: words[0].start, end: words[words.length - 1].end, newText: para.text.slice(evidence.start, evidence.end) }
        : undefined;
    const pieces = blocks.map(b => describeBlock(p, words, para.text, srcWords, b));
    const add = (start: number, end: number, message: string, kind: FindingKind) =>
      emit({ code: Codes.misquote, category: 'misquote', kind, severity: 'warning', start, end, message, paragraphId: para.id, evidence, ...(fix ? { fix } : {}) }, 'misquote');
    if (blocks.length > 3) {
      add(q.start, q.end, `Misquotes ${para.label}: ${pieces.map(x => x.text).join('; ')}.`, 'wording');
    } else {
      for (const piece of pieces) add(piece.start, piece.end, `Misquotes ${para.label}: ${piece.text}.`, piece.kind);
    }
  },
};

function describeBlock(p: string, words: readonly Word[], srcText: string, srcWords: readonly Word[], b: Block): { start: number; end: number; text: string; kind: FindingKind } {
  const dText = b.a.length ? p.slice(words[b.a[0]].start, words[b.a[b.a.length - 1]].end) : '';
  const sText = b.b.length ? srcText.slice(srcWords[b.b[0]].start, srcWords[b.b[b.b.length - 1]].end) : '';
  const kind: FindingKind = /\d/.test(dText + sText) ? 'figure' : 'wording';
  if (b.a.length && b.b.length) {
    return { start: words[b.a[0]].start, end: words[b.a[b.a.length - 1]].end, text: `"${flat(dText)}" where the source says "${flat(sText)}"`, kind };
  }
  const beforeW = b.aBefore >= 0 ? words[b.aBefore] : undefined;
  const afterW = b.aAfter >= 0 ? words[b.aAfter] : undefined;
  if (b.a.length) {
    return { start: words[b.a[0]].start, end: words[b.a[b.a.length - 1]].end, text: `adds "${flat(dText)}", which the source does not have`, kind };
  }
  const start = (beforeW ?? afterW)!.start;
  const end = (afterW ?? beforeW)!.end;
  const ctx = flat(p.slice(start, end));
  return { start, end, text: `"${ctx}" where the source says "${flat(insertAround(ctx, beforeW ? p.slice(beforeW.start, beforeW.end) : '', sText))}"`, kind };
}

function insertAround(ctx: string, before: string, missing: string): string {
  if (!before) return `${missing} ${ctx}`;
  return ctx.replace(before, `${before} ${missing}`);
}
