/**
 * `unsourced-quote`: a quotation of six words or more, attributed to the leaders or the
 * sources by the words around it, that no indexed source contains (docs/rules/unsourced-quote.md).
 */
import { Codes } from '../../findings';
import type { Detector, QuoteUnit } from '../types';

export const unsourcedQuote: Detector<QuoteUnit> = {
  id: 'unsourced-quote',
  emits: [Codes.unsourcedQuote],
  unit: 'quotation',
  run(unit, ctx, emit) {
    const { p, q, words, source } = unit;
    if (source || words.length < 6) return;
    const around = p.slice(Math.max(0, q.start - 200), q.start) + p.slice(q.end, q.end + 80);
    if (!ctx.lang.patterns.attribution.test(around)) return;
    emit(
      {
        code: Codes.unsourcedQuote,
        category: 'unsupported',
        kind: 'unsourced',
        severity: 'information',
        start: q.start,
        end: q.end,
        message: 'This quotation is attributed to the leaders or the sources, but no indexed source contains it.',
        paragraphId: '',
      },
      'unsourced-quote',
    );
  },
};
