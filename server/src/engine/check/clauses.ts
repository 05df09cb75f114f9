/**
 * The parts of a draft sentence that may be checked on their own: the clauses of a compound
 * sentence, the main clause after lead-in phrases, and the head before a drafter's comment.
 */
import type { LanguagePack } from '../lang/pack';
import { wordsOf } from '../text/words';

/**
 * The clauses of a draft sentence `p[s, e)` that each have a subject of their own (at least two,
 * or none). A clause opens at a conjunction before a subject, or at `, and` before a second verb
 * of the same subject (`…directed officials to explore a task force, and agreed to expand support
 * …`); a colon before a subject ends a lead-in (`Great news for North America: the leaders agreed …`).
 */
export function draftClauses(lang: LanguagePack, p: string, s: number, e: number): [number, number][] {
  const text = p.slice(s, e);
  const out: [number, number][] = [];
  let from = 0;
  for (const m of text.matchAll(lang.patterns.clauseBreak)) {
    // `Australia, India, Japan, and the United States met`: the last item of a list of names, not a new clause.
    if (m[0].trimStart().startsWith(',') && LIST_ITEM_BEFORE.test(text.slice(0, m.index))) continue;
    out.push([s + from, s + m.index!]);
    from = m.index! + m[0].length;
  }
  if (!out.length) return [];
  out.push([s + from, e]);
  return out.filter(([a, b]) => wordsOf(p, a, b, lang).filter(w => !lang.isStopKey(w.key)).length >= 3);
}

/**
 * The clause after the lead-in phrases of a draft sentence: the text after the last comma in
 * its first half, if at least four content words follow. `undefined` if there is none.
 */
export function mainClause(lang: LanguagePack, p: string, s: number, e: number): number | undefined {
  const text = p.slice(s, e);
  let at = -1;
  // A comma, or `that` before a subject (`Alaskans should know that the leaders committed …`).
  // A copula before a party's act (`the most symbolic step was the leaders’ agreement to …`).
  for (const m of text.matchAll(lang.patterns.mainClauseLead)) {
    if (m.index! > text.length / 2) break;
    at = m.index! + m[0].length;
  }
  if (at < 0 || wordsOf(p, s + at, e, lang).filter(w => !lang.isStopKey(w.key)).length < 4) return undefined;
  return s + at;
}

/** A name (one to three capitalised words) that follows a comma: an item of a list. */
const LIST_ITEM_BEFORE = /,\s*(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}$/u;

/**
 * Ends of the heads of a draft sentence `p[s, e)`: the text before a comma, semicolon, dash or
 * parenthesis, longest first, at most three, each with at least four content words.
 */
export function headClauses(lang: LanguagePack, p: string, s: number, e: number): number[] {
  const out: number[] = [];
  const text = p.slice(s, e);
  for (const m of text.matchAll(/\s*(?:[,;(]|\s[-–—]\s|[–—])/g)) {
    // No head ends inside a list of names (`officials from Australia, India, Japan, and …`).
    if (m[0].trim() === ',' && LIST_ITEM_BEFORE.test(text.slice(0, m.index))) continue;
    const end = s + m.index!;
    if (wordsOf(p, s, end, lang).filter(w => !lang.isStopKey(w.key)).length >= 4) out.push(end);
  }
  return out.reverse().slice(0, 3);
}

