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
 * most of the earlier sentence's distinctive content, in order, in the later one. Who speaks
 * and the verb of commitment may change (`President Biden reaffirmed` → `The two leaders
 * reaffirmed`): those are the words an update changes, not what the commitment is about.
 *
 * Links are found on demand, one sentence at a time, and remembered for the index's lifetime:
 * a history costs a few look-ups in the word index, never a pass over every source, so a
 * corpus of thousands of dated sources pays only for the sentences it is asked about.
 */
import { checkIndexOf, type CheckIndex, type SourceSentence } from './checkIndex';
import { gateLexicon } from './check/gate';
import { restatementOf, type RestatementLexicon } from './check/restatement';
import type { CorpusIndex } from './corpusIndex';
import { english } from './lang/en';
import type { LanguagePack } from './lang/pack';
import type { Paragraph } from './types';

/** One statement of a commitment in the series: a source sentence and its document's date. */
export interface SeriesEntry {
  readonly paragraph: Paragraph;
  /** Offsets of the sentence in `paragraph.text`. */
  readonly start: number;
  readonly end: number;
  /** The sentence with its words (as the checker reads it). */
  readonly sentence: SourceSentence;
  /** The document's date (ISO). */
  readonly date: string;
  /** How this entry relates to the one it restates: the first statement, the same words again, or changed words. */
  readonly kind: 'first' | 'restated' | 'updated';
}

export interface SeriesTable {
  /**
   * The history of the commitment stated by the source sentence at `[start, end)` of
   * `paragraph`, oldest first (the sentence itself included), or undefined when no other
   * dated source restates it.
   */
  historyOf(paragraph: Paragraph, start: number, end: number): readonly SeriesEntry[] | undefined;
  /**
   * The statements of the same commitment dated after the source sentences at `[start, end)` of
   * `paragraph` (every sentence overlapping the span: a draft may restate two adjacent ones),
   * latest first; empty when there are none.
   */
  laterThan(paragraph: Paragraph, start: number, end: number): readonly SeriesEntry[];
  /**
   * When the wording at `[start, end)` of `paragraph` has been changed by a later statement of
   * the same commitment: the statement there (`followed`, the first such sentence of the span)
   * and the latest statement, whose words differ from it. Undefined when the span's wording is
   * the latest (or has no history).
   */
  updatedSince(paragraph: Paragraph, start: number, end: number): { readonly followed: SeriesEntry; readonly latest: SeriesEntry } | undefined;
}

/** Minimum share of the earlier sentence's distinctive content a later sentence must restate. */
export const SERIES_COVERAGE = 0.75;

/** Paragraphs of other documents looked at for a link, by shared weight of rare words. */
const CANDIDATE_PARAGRAPHS = 4;
/** Looking forward, a few more: the later sentence chose its earlier one from its own candidates. */
const LATER_CANDIDATE_PARAGRAPHS = 8;

/** The series links of an index, for the checker's language (built once per index, filled in on demand). */
export function seriesOf(index: CorpusIndex, lang: LanguagePack = english): SeriesTable {
  return index.derive(`engine.series.${lang.code}`, () => build(index, lang));
}

const NONE: SeriesTable = Object.freeze({ historyOf: () => undefined, laterThan: () => [], updatedSince: () => undefined });

interface Link {
  readonly s: SourceSentence;
  readonly same: boolean;
}

function build(index: CorpusIndex, lang: LanguagePack): SeriesTable {
  const dated = index.documents.filter(d => d.date);
  if (new Set(dated.map(d => d.date)).size < 2) return NONE;
  const ci = checkIndexOf(index);
  const lex = gateLexicon(ci, lang);
  const docDate = new Map(dated.map(d => [d.id, d.date!]));
  let paragraphIndex: Map<Paragraph, number> | undefined;
  const indexOf = (p: Paragraph) => (paragraphIndex ??= new Map(index.paragraphs.map((x, i) => [x, i]))).get(p);
  const dateOf = (s: SourceSentence) => docDate.get(s.paragraph.documentId);
  const earlier = new Map<SourceSentence, Link | null>();
  const later = new Map<SourceSentence, SourceSentence[]>();

  const earlierOf = (s: SourceSentence): Link | undefined => {
    let v = earlier.get(s);
    if (v === undefined) earlier.set(s, (v = bestEarlier(ci, s, dateOf(s), docDate, lex) ?? null));
    return v ?? undefined;
  };
  // The sentences of later documents whose best earlier statement is `s`.
  const laterOf = (s: SourceSentence): SourceSentence[] => {
    let v = later.get(s);
    if (v) return v;
    v = [];
    const date = dateOf(s);
    if (date) {
      for (const pi of candidates(ci, s, lex, d => d > date, docDate, LATER_CANDIDATE_PARAGRAPHS)) {
        // `c` must restate `s` to link to it (bestEarlier's first test): one comparison before the full search.
        for (const c of ci.sentencesOf(pi)) if (restates(c, s, lex) !== undefined && earlierOf(c)?.s === s) v.push(c);
      }
    }
    later.set(s, v);
    return v;
  };
  const sentenceAt = (paragraph: Paragraph, start: number, end: number): SourceSentence[] => {
    const pi = indexOf(paragraph);
    if (pi === undefined || !docDate.has(paragraph.documentId)) return [];
    return ci.sentencesOf(pi).filter(x => x.start < end && start < x.end);
  };
  const entry = (s: SourceSentence, kind: SeriesEntry['kind']): SeriesEntry => ({ paragraph: s.paragraph, start: s.start, end: s.end, sentence: s, date: dateOf(s)!, kind });
  const history = (s: SourceSentence): SeriesEntry[] => {
    // Back to the first statement, then forward along every later link.
    let first = s;
    const back = new Set<SourceSentence>([first]);
    for (let e = earlierOf(first); e && !back.has(e.s); e = earlierOf(first)) back.add((first = e.s));
    const out: SeriesEntry[] = [];
    const seen = new Set<SourceSentence>();
    const visit = (n: SourceSentence, kind: SeriesEntry['kind']) => {
      if (seen.has(n)) return;
      seen.add(n);
      out.push(entry(n, kind));
      for (const l of laterOf(n)) visit(l, earlierOf(l)!.same ? 'restated' : 'updated');
    };
    visit(first, 'first');
    return out.sort((a, b) => a.date.localeCompare(b.date));
  };
  return Object.freeze({
    historyOf(paragraph: Paragraph, start: number, end: number) {
      const s = sentenceAt(paragraph, start, end)[0];
      const h = s ? history(s) : [];
      return h.length > 1 ? h : undefined;
    },
    laterThan(paragraph: Paragraph, start: number, end: number) {
      const out: SeriesEntry[] = [];
      for (const s of sentenceAt(paragraph, start, end)) {
        const date = dateOf(s)!;
        for (const e of history(s)) if (e.date > date && !out.some(o => o.sentence === e.sentence)) out.push(e);
      }
      return out.sort((a, b) => b.date.localeCompare(a.date));
    },
    updatedSince(paragraph: Paragraph, start: number, end: number) {
      const words = (x: SourceSentence) => x.keys.filter(k => !lex.isStop(k)).join(' ');
      for (const s of sentenceAt(paragraph, start, end)) {
        const h = history(s);
        const followed = h.find(e => e.sentence === s);
        const latest = h[h.length - 1];
        if (followed && latest.date > followed.date && words(latest.sentence) !== words(s)) return { followed, latest };
      }
      return undefined;
    },
  });
}

/**
 * Paragraphs (by index) of documents whose date passes `when`, sharing the most weight of rare
 * words with `s`, best first.
 */
function candidates(ci: CheckIndex, s: SourceSentence, lex: RestatementLexicon, when: (date: string) => boolean, docDate: ReadonlyMap<string, string>, limit: number): number[] {
  const content = [...s.content].filter(k => !lex.isNeutral(k));
  if (content.length < 4) return [];
  const scores = new Map<number, number>();
  for (const k of content) {
    const list = ci.postings.get(k);
    if (!list || list.length > 2000) continue;
    const w = ci.idf(k);
    for (const pi of list) {
      const d = docDate.get(ci.index.paragraphs[pi].documentId);
      if (!d || !when(d)) continue;
      scores.set(pi, (scores.get(pi) ?? 0) + w);
    }
  }
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([pi]) => pi);
}

/** How much of `earlier`'s distinctive content `later` restates, in order, when that is most of it; else undefined. */
function restates(later: SourceSentence, earlier: SourceSentence, lex: RestatementLexicon): number | undefined {
  const r = restatementOf(later.words, earlier.words, earlier.paragraph.text, lex);
  return r.matched >= 4 && r.coverage >= SERIES_COVERAGE ? r.coverage : undefined;
}

/** The sentence of an earlier document that `later` restates best, if it restates one. */
function bestEarlier(ci: CheckIndex, later: SourceSentence, date: string | undefined, docDate: ReadonlyMap<string, string>, lex: RestatementLexicon): Link | undefined {
  if (!date) return undefined;
  let best: { s: SourceSentence; coverage: number } | undefined;
  for (const pi of candidates(ci, later, lex, d => d < date, docDate, CANDIDATE_PARAGRAPHS)) {
    for (const earlier of ci.sentencesOf(pi)) {
      // The earlier sentence's content must be in the later one, and the later one must be mostly about it.
      const forth = restates(later, earlier, lex);
      if (forth === undefined) continue;
      const back = restatementOf(earlier.words, later.words, later.paragraph.text, lex);
      if (back.coverage < 0.5) continue;
      const coverage = Math.min(forth, back.coverage);
      if (!best || coverage > best.coverage) best = { s: earlier, coverage };
    }
  }
  if (!best) return undefined;
  const words = (s: SourceSentence) => s.keys.filter(k => !lex.isStop(k)).join(' ');
  return { s: best.s, same: words(best.s) === words(later) };
}
