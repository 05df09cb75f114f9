/**
 * Other statements of the commitment a clause restates. Joint statements are restated and
 * updated by later ones (series.ts): a draft clause may restate an older sentence best, yet say
 * what a later statement of the same commitment says where the two differ (`the two leaders
 * reaffirmed` where 2021 has `President Biden reaffirmed` and 2022 `The two leaders
 * reaffirmed`; a 2023 trade figure in the 2021 sentence's words). It follows the latest official
 * wording, and that is never a contradiction of the older wording.
 *
 * The rule, in one sentence: a finding against a source sentence is dropped when the clause
 * also restates a later statement of the same commitment and the words it flags are that
 * later statement's own words there.
 *
 * Which statement a clause follows (for the report's "updated since" and the source it cites)
 * is decided where the statements differ: the words of one and not the other, who speaks and
 * the figures included. Retrieval may pick either of two statements that a clause restates
 * equally well; this does not depend on which.
 */
import { align } from '../align';
import { checkIndexOf, type SourceSentence } from '../checkIndex';
import type { CorpusIndex } from '../corpusIndex';
import { english } from '../lang/en';
import type { LanguagePack } from '../lang/pack';
import { seriesOf, SERIES_COVERAGE, type SeriesTable } from '../series';
import { wordsOf, type Word } from '../text/words';
import { gateLexicon } from './gate';
import type { Paragraph } from '../types';
import { restatementOf, type RestatementLexicon } from './restatement';
import type { ClauseUnit, FindingInput } from './types';

/** Another statement of the commitment a clause restates, aligned with the clause. */
export interface OtherStatement {
  readonly sentence: SourceSentence;
  /** Its document's date (ISO). */
  readonly date: string;
  /** True if dated after the sentence of the restated source it restates. */
  readonly later: boolean;
  /** Draft word index (in the unit) → the statement's word it equals in the alignment. */
  readonly same: ReadonlyMap<number, number>;
  /**
   * Where this statement and the sentence the clause restates differ (the words of one and not
   * the other, in the clauses that restate each other): how many of this statement's words the
   * clause has, and how many of the restated sentence's.
   */
  readonly sides: { readonly other: number; readonly restated: number };
}

/** The draft words compared (a clause unit, or the words of a restatement the report reads again). */
export interface DraftWords {
  readonly words: readonly Word[];
  readonly keys: readonly string[];
}

/** The source sentence restated best: its paragraph, and its span and words there. */
export interface Restated {
  readonly para: Paragraph;
  readonly src: { readonly start: number; readonly end: number; readonly words: readonly Word[] };
}

const cache = new WeakMap<object, readonly OtherStatement[]>();

/**
 * The other statements of the commitment of the source sentence `unit` restates, latest first,
 * leaving out those of documents the draft cannot be restating (`excluded`). Empty for a clause
 * with no restatement or a sentence in no series; computed once per unit.
 */
export function otherStatements(unit: ClauseUnit, table: SeriesTable, excluded: ReadonlySet<string>, lex: RestatementLexicon): readonly OtherStatement[] {
  const cached = cache.get(unit);
  if (cached) return cached;
  const v = unit.restatement ? othersOf(unit, unit.restatement, table, lex, excluded) : [];
  cache.set(unit, v);
  return v;
}

/** The other statements of the commitment of `restated`, aligned with `draft`, latest first. */
export function othersOf(draft: DraftWords, restated: Restated, table: SeriesTable, lex: RestatementLexicon, excluded: ReadonlySet<string> = new Set()): OtherStatement[] {
  const { para, src } = restated;
  const v: OtherStatement[] = [];
  // Each sentence of the source restated (a clause may restate two adjacent ones), with its own series.
  const keys = new Set(draft.keys);
  for (const own of para.sentences.filter(x => x.start < src.end && src.start < x.end)) {
    const ownWords = src.words.filter(w => w.start >= own.start && w.start < own.end);
    const history = table.historyOf(para, own.start, own.end) ?? [];
    const date = history.find(e => e.paragraph === para && e.start === own.start)?.date;
    for (const e of history) {
      if (e.date === date || excluded.has(e.paragraph.documentId) || v.some(o => o.sentence === e.sentence)) continue;
      const same = new Map<number, number>();
      for (const o of align(draft.keys, e.sentence.keys, { local: true }).ops) if (o.t === 'eq') same.set(o.a, o.b);
      v.push({ sentence: e.sentence, date: e.date, later: !!date && e.date > date, same, sides: sides(keys, ownWords, para.text, e.sentence, lex) });
    }
  }
  return v.sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * Where two statements differ: the clause of the restated sentence that the other statement
 * restates, and the other's clause that restates it; each one's words the other lacks (function
 * words aside; who speaks, the verb and the figures count). How many of each side the draft has.
 */
function sides(draft: ReadonlySet<string>, own: readonly Word[], ownText: string, other: SourceSentence, lex: RestatementLexicon): OtherStatement['sides'] {
  const [oa, ob] = restatementOf(other.words, own, ownText, lex).clause;
  const ownClause = own.slice(oa, ob + 1);
  const [la, lb] = restatementOf(ownClause, other.words, other.paragraph.text, lex).clause;
  const keys = (ws: readonly Word[]) => new Set(ws.map(w => w.key).filter(k => !lex.isStop(k)));
  const o = keys(ownClause);
  const l = keys(other.words.slice(la, lb + 1));
  let toOther = 0;
  let toRestated = 0;
  for (const k of l) if (!o.has(k) && draft.has(k)) toOther++;
  for (const k of o) if (!l.has(k) && draft.has(k)) toRestated++;
  return { other: toOther, restated: toRestated };
}

/** True if the clause restates the statement: most of the distinctive content of its clause holding word `focus` (or of its best clause), in order. */
export function restates(unit: DraftWords, other: OtherStatement, lex: RestatementLexicon, focus?: number): boolean {
  const s = other.sentence;
  const r = restatementOf(unit.words, s.words, s.paragraph.text, lex, focus);
  return r.matched >= 3 && r.coverage >= SERIES_COVERAGE;
}

/**
 * The statement the clause follows when it is not the sentence it restates best: one it
 * restates, having more of its words than of the restated sentence's where the two differ (the
 * most so; the latest among equals). Undefined when the clause follows the sentence it restates.
 */
export function followedStatement(unit: DraftWords, others: readonly OtherStatement[], lex: RestatementLexicon): OtherStatement | undefined {
  let best: OtherStatement | undefined;
  for (const o of others) {
    const lead = o.sides.other - o.sides.restated;
    if (lead > 0 && (!best || lead > best.sides.other - best.sides.restated) && restates(unit, o, lex)) best = o;
  }
  return best;
}

/**
 * The later statement whose own words the finding `f` flags, every one of them (`did not
 * reaffirm` is not the later `reaffirmed`), in a clause that restates it there; undefined when
 * the finding stands.
 */
export function followedLater(unit: ClauseUnit, f: FindingInput, others: readonly OtherStatement[], lex: RestatementLexicon): OtherStatement | undefined {
  const later = others.filter(o => o.later);
  if (!later.length) return undefined;
  const flagged: number[] = [];
  unit.words.forEach((w, i) => {
    if (w.start < f.end && f.start < w.end) flagged.push(i);
  });
  if (!flagged.length) return undefined;
  return later.find(l => flagged.every(i => l.same.has(i)) && restates(unit, l, lex, l.same.get(flagged[0])));
}

/**
 * For the report: which statement a draft restatement follows. Given the draft's span and the
 * source sentence it restates best (`paragraphId`, `evidence`), the other statement of the same
 * commitment it follows more closely, or undefined when it follows that sentence.
 */
export function statementFollowed(index: CorpusIndex, lang: LanguagePack = english): (text: string, start: number, end: number, paragraphId: string, evidence: { start: number; end: number }) => SourceSentence | undefined {
  const table = seriesOf(index, lang);
  let lex: RestatementLexicon | undefined;
  return (text, start, end, paragraphId, evidence) => {
    const para = index.getParagraph(paragraphId);
    if (!para || !para.sentences.some(x => x.start < evidence.end && evidence.start < x.end && table.historyOf(para, x.start, x.end))) return undefined;
    lex ??= gateLexicon(checkIndexOf(index), lang);
    const words = wordsOf(text, start, end, lang);
    const draft = { words, keys: words.map(w => w.key) };
    const src = { start: evidence.start, end: evidence.end, words: wordsOf(para.text, evidence.start, evidence.end, lang) };
    return followedStatement(draft, othersOf(draft, { para, src }, table, lex), lex)?.sentence;
  };
}
