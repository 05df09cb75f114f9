/**
 * Sources that follow one another. Joint statements are restated and updated by later ones
 * (the 2022 Japan-U.S. statement restates much of the 2021 one, with new figures and new
 * wording). Given sources with dates, every sentence of a later source that restates a
 * sentence of an earlier one is linked to it, so that:
 *  - a draft that follows the later wording or figure is not told it contradicts the earlier;
 *  - hover can show a commitment's history (first stated, restated, updated, with dates);
 *  - the report can say a draft follows wording that has been updated since.
 *
 * A link needs the same restatement the checker asks of a draft (see `check/restatement.ts`):
 * most of the earlier sentence's distinctive content, in order, in the later one. Built once
 * per index, on first use.
 */
import { checkIndexOf, type CheckIndex, type SourceSentence } from './checkIndex';
import { isStopKey } from './text/words';
import { restatementOf, type RestatementLexicon } from './check/restatement';
import type { CorpusIndex } from './corpusIndex';
import type { Paragraph } from './types';

/** One statement of a commitment in the series: a source sentence and its document's date. */
export interface SeriesEntry {
  readonly paragraph: Paragraph;
  /** Offsets of the sentence in `paragraph.text`. */
  readonly start: number;
  readonly end: number;
  /** The document's date (ISO). */
  readonly date: string;
  /** How this entry relates to the one before it: the first statement, the same words again, or changed words. */
  readonly kind: 'first' | 'restated' | 'updated';
}

export interface SeriesTable {
  /**
   * The history of the commitment stated by the source sentence at `[start, end)` of
   * `paragraph`, oldest first (the sentence itself included), or undefined when no other
   * dated source restates it.
   */
  historyOf(paragraph: Paragraph, start: number, end: number): readonly SeriesEntry[] | undefined;
}

/** Minimum share of the earlier sentence's distinctive content a later sentence must restate. */
export const SERIES_COVERAGE = 0.75;

/** The series links of an index (computed once per index). */
export function seriesOf(index: CorpusIndex, neutral: (key: string) => boolean = () => false): SeriesTable {
  return index.derive('engine.series', () => build(index, neutral));
}

interface Node {
  readonly s: SourceSentence;
  readonly date: string;
  earlier?: { node: Node; kind: 'restated' | 'updated' };
  later: Node[];
}

function build(index: CorpusIndex, neutral: (key: string) => boolean): SeriesTable {
  const ci = checkIndexOf(index);
  const dated = index.documents.filter(d => d.date);
  const nodes = new Map<string, Node>();
  const keyOf = (s: SourceSentence) => `${s.paragraph.id}@${s.start}`;
  if (new Set(dated.map(d => d.date)).size < 2) return { historyOf: () => undefined };
  const lex: RestatementLexicon = { idf: k => ci.idf(k), isStop: isStopKey, isNeutral: neutral };
  const paragraphIndex = new Map(index.paragraphs.map((p, i) => [p, i]));
  const docDate = new Map(dated.map(d => [d.id, d.date!]));
  const nodeOf = (s: SourceSentence): Node => {
    const k = keyOf(s);
    let n = nodes.get(k);
    if (!n) nodes.set(k, (n = { s, date: docDate.get(s.paragraph.documentId)!, later: [] }));
    return n;
  };
  // Each sentence of a later document is linked to the earlier sentence it restates best.
  for (const doc of dated) {
    for (const p of doc.paragraphs) {
      const pi = paragraphIndex.get(p)!;
      for (const later of ci.sentencesOf(pi)) {
        const best = bestEarlier(ci, later, doc.date!, docDate, lex);
        if (!best) continue;
        const node = nodeOf(later);
        const prev = nodeOf(best.s);
        node.earlier = { node: prev, kind: best.same ? 'restated' : 'updated' };
        prev.later.push(node);
      }
    }
  }
  return {
    historyOf(paragraph, start, end) {
      const pi = paragraphIndex.get(paragraph);
      if (pi === undefined) return undefined;
      const s = ci.sentencesOf(pi).find(x => x.start < end && start < x.end);
      const node = s ? nodes.get(keyOf(s)) : undefined;
      if (!node) return undefined;
      // Walk back to the first statement, then forward along the latest links.
      let first = node;
      while (first.earlier) first = first.earlier.node;
      const out: SeriesEntry[] = [];
      const seen = new Set<Node>();
      const visit = (n: Node, kind: SeriesEntry['kind']) => {
        if (seen.has(n)) return;
        seen.add(n);
        out.push({ paragraph: n.s.paragraph, start: n.s.start, end: n.s.end, date: n.date, kind });
        for (const l of [...n.later].sort((a, b) => a.date.localeCompare(b.date))) visit(l, l.earlier!.kind);
      };
      visit(first, 'first');
      return out.length > 1 ? out.sort((a, b) => a.date.localeCompare(b.date)) : undefined;
    },
  };
}

function bestEarlier(
  ci: CheckIndex,
  later: SourceSentence,
  date: string,
  docDate: ReadonlyMap<string, string>,
  lex: RestatementLexicon,
): { s: SourceSentence; same: boolean } | undefined {
  const content = [...later.content].filter(k => !lex.isNeutral(k));
  if (content.length < 4) return undefined;
  // Candidate paragraphs: those of earlier documents sharing the later sentence's rarest words.
  const scores = new Map<number, number>();
  for (const k of content) {
    const list = ci.postings.get(k);
    if (!list || list.length > 2000) continue;
    const w = ci.idf(k);
    for (const pi of list) {
      const d = docDate.get(ci.index.paragraphs[pi].documentId);
      if (!d || d >= date) continue;
      scores.set(pi, (scores.get(pi) ?? 0) + w);
    }
  }
  const top = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4);
  let best: { s: SourceSentence; coverage: number } | undefined;
  for (const [pi] of top) {
    for (const earlier of ci.sentencesOf(pi)) {
      // The earlier sentence's content must be in the later one, and the later one must be mostly about it.
      const r = restatementOf(later.words, earlier.words, earlier.paragraph.text, lex);
      if (r.matched < 4 || r.coverage < SERIES_COVERAGE) continue;
      const back = restatementOf(earlier.words, later.words, later.paragraph.text, lex);
      if (back.coverage < 0.5) continue;
      const coverage = Math.min(r.coverage, back.coverage);
      if (!best || coverage > best.coverage) best = { s: earlier, coverage };
    }
  }
  if (!best) return undefined;
  const same = best.s.keys.filter(k => !isStopKey(k)).join(' ') === later.keys.filter(k => !isStopKey(k)).join(' ');
  return { s: best.s, same };
}
