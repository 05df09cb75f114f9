/**
 * Later statements of the commitment a clause restates. Joint statements are restated and
 * updated by later ones (series.ts): when a draft clause restates an older sentence best, yet
 * says what a later statement of the same commitment says where the two differ (`the two
 * leaders reaffirmed` where 2021 has `President Biden reaffirmed` and 2022 `The two leaders
 * reaffirmed`; a 2023 trade figure in the 2021 sentence's words), it follows the latest
 * official wording, and that is never a contradiction of the older wording.
 *
 * The rule, in one sentence: a finding against a source sentence is dropped when the clause
 * also restates a later statement of the same commitment and the words it flags are that
 * later statement's own words there.
 */
import { align } from '../align';
import type { SourceSentence } from '../checkIndex';
import type { Word } from '../text/words';
import type { SeriesTable } from '../series';
import { SERIES_COVERAGE } from '../series';
import { restatementOf, type RestatementLexicon } from './restatement';
import type { ClauseUnit, FindingInput } from './types';

/** A later statement of the commitment a clause restates, aligned with the clause. */
export interface LaterStatement {
  readonly sentence: SourceSentence;
  /** The later document's date (ISO). */
  readonly date: string;
  /** Draft word index (in the unit) → the later sentence's word it equals in the alignment. */
  readonly same: ReadonlyMap<number, number>;
  /**
   * Where the later statement changed the older one (the words of one and not the other, in the
   * clauses that restate each other): how many of the later statement's words the clause has,
   * and how many of the older one's.
   */
  readonly sides: { readonly later: number; readonly older: number };
}

const cache = new WeakMap<ClauseUnit, readonly LaterStatement[]>();

/**
 * The statements dated after the source sentence `unit` restates, latest first, leaving out
 * those of documents the draft cannot be restating (`excluded`). Empty for a clause with no
 * restatement or a sentence with no later statement; computed once per unit.
 */
export function laterStatements(unit: ClauseUnit, table: SeriesTable, excluded: ReadonlySet<string>, lex: RestatementLexicon): readonly LaterStatement[] {
  const cached = cache.get(unit);
  if (cached) return cached;
  const r = unit.restatement;
  const v: LaterStatement[] = [];
  if (r) {
    // Each sentence of the source restated (a clause may restate two adjacent ones), with its own later statements.
    const draft = new Set(unit.keys);
    for (const older of r.para.sentences.filter(x => x.start < r.src.end && r.src.start < x.end)) {
      const olderWords = r.src.words.filter(w => w.start >= older.start && w.start < older.end);
      for (const e of table.laterThan(r.para, older.start, older.end)) {
        if (excluded.has(e.paragraph.documentId) || v.some(l => l.sentence === e.sentence)) continue;
        const same = new Map<number, number>();
        for (const o of align(unit.keys, e.sentence.keys, { local: true }).ops) if (o.t === 'eq') same.set(o.a, o.b);
        v.push({ sentence: e.sentence, date: e.date, same, sides: sides(draft, olderWords, r.para.text, e.sentence, lex) });
      }
    }
    v.sort((a, b) => b.date.localeCompare(a.date));
  }
  cache.set(unit, v);
  return v;
}

/**
 * The words the later statement changed: the clause of the older sentence it restates and its own
 * clause that restates it, each one's words the other lacks (function words aside; who speaks,
 * the verb and the figures count). How many of each side the draft has.
 */
function sides(draft: ReadonlySet<string>, older: readonly Word[], olderText: string, later: SourceSentence, lex: RestatementLexicon): LaterStatement['sides'] {
  const [oa, ob] = restatementOf(later.words, older, olderText, lex).clause;
  const olderClause = older.slice(oa, ob + 1);
  const [la, lb] = restatementOf(olderClause, later.words, later.paragraph.text, lex).clause;
  const keys = (ws: readonly Word[]) => new Set(ws.map(w => w.key).filter(k => !lex.isStop(k)));
  const o = keys(olderClause);
  const l = keys(later.words.slice(la, lb + 1));
  let toLater = 0;
  let toOlder = 0;
  for (const k of l) if (!o.has(k) && draft.has(k)) toLater++;
  for (const k of o) if (!l.has(k) && draft.has(k)) toOlder++;
  return { later: toLater, older: toOlder };
}

/** True if the clause restates the later statement: most of the distinctive content of its clause holding word `focus` (or of its best clause), in order. */
export function restates(unit: ClauseUnit, later: LaterStatement, lex: RestatementLexicon, focus?: number): boolean {
  const s = later.sentence;
  const r = restatementOf(unit.words, s.words, s.paragraph.text, lex, focus);
  return r.matched >= 3 && r.coverage >= SERIES_COVERAGE;
}

/**
 * The latest later statement the clause follows: it restates it, and where the later statement
 * changed the older one, the clause has more of the later words than of the older (who spoke,
 * the verb, the figure are what an update changes, and what the restatement measure leaves aside).
 */
export function latestFollowed(unit: ClauseUnit, later: readonly LaterStatement[], lex: RestatementLexicon): LaterStatement | undefined {
  return later.find(l => l.sides.later > l.sides.older && restates(unit, l, lex));
}

/**
 * The later statement whose own words the finding `f` flags, every one of them (`did not
 * reaffirm` is not the later `reaffirmed`), in a clause that restates it there; undefined when
 * the finding stands.
 */
export function followedLater(unit: ClauseUnit, f: FindingInput, later: readonly LaterStatement[], lex: RestatementLexicon): LaterStatement | undefined {
  if (!later.length) return undefined;
  const flagged: number[] = [];
  unit.words.forEach((w, i) => {
    if (w.start < f.end && f.start < w.end) flagged.push(i);
  });
  if (!flagged.length) return undefined;
  return later.find(l => flagged.every(i => l.same.has(i)) && restates(unit, l, lex, l.same.get(flagged[0])));
}
