/**
 * The restatement gate and the confidence of a finding. A clause's finding compares the draft
 * with a source sentence; it is shown only when the draft really restates the source's clause
 * where the difference lies — most of that clause's distinctive words are in the draft, in
 * order (check/restatement.ts) — and the difference sits between words the two share. How sure
 * the restatement and its anchoring are is the finding's confidence; below the threshold the
 * finding is not shown at all (never demoted to a weaker severity).
 */
import { generalTable, partyTables } from '../parties/table';
import type { CheckIndex } from '../checkIndex';
import type { LanguagePack } from '../lang/pack';
import { sideRestatement, type RestatementLexicon } from './restatement';
import type { ClauseUnit, FindingInput, RuleId } from './types';

/**
 * The least confidence a finding needs to be shown. Chosen on the labelled sets and on the
 * judged findings on real documents (see docs/checks.md, "Confidence"): below it, false alarms
 * on real text outnumber the errors caught.
 */
export const MIN_CONFIDENCE = 0.3;
/**
 * Per code, where the labelled sets and the judged real findings put it: who acted and which
 * figure are the likeliest to be a new event told in the source's words (a later meeting of
 * the same leaders, a later target), so the words next to them must all come from the source;
 * a verb of commitment is judged by its object, which may be the drafter's own words.
 */
const MIN_CONFIDENCE_BY_CODE: Readonly<Partial<Record<string, number>>> = { 'changed-actor': 0.75, 'changed-figure': 0.5, overstated: 0.5, understated: 0.5 };

/** The confidence a finding of `code` needs to be shown. */
export function threshold(code: string): number {
  return MIN_CONFIDENCE_BY_CODE[code] ?? MIN_CONFIDENCE;
}

/** Rules whose findings are not restatement comparisons, and so are not gated here. */
const UNGATED: ReadonlySet<RuleId> = new Set(['document-date', 'absence', 'name']);

export interface Confidence {
  /** Share (by IDF) of the distinctive draft words next to the difference, on its better side, that the source sentence has (0–1). */
  readonly side: number;
  /** Share of the whole draft clause's content the source sentence covers (retrieval's coverage, 0–1). */
  readonly whole: number;
  /** The finding's confidence (0–1). */
  readonly value: number;
}

/** Distinctive words looked at on each side of a difference. */
const SIDE_WORDS = 4;
/** A clause this much covered by its source sentence is a restatement as a whole; below it, confidence falls in proportion. */
const WHOLE_ENOUGH = 0.55;

const lexicons = new WeakMap<CheckIndex, Map<LanguagePack, RestatementLexicon>>();

/**
 * The lexicon the gate reads: IDF from the sources; the pack's function words; the words a
 * restatement may change. Built once per index and language (every paragraph of every check
 * asks for it, and it reads every source's party table).
 */
export function gateLexicon(ci: CheckIndex, lang: LanguagePack): RestatementLexicon {
  let byLang = lexicons.get(ci);
  if (!byLang) lexicons.set(ci, (byLang = new Map()));
  let lex = byLang.get(lang);
  if (!lex) byLang.set(lang, (lex = buildGateLexicon(ci, lang)));
  return lex;
}

function buildGateLexicon(ci: CheckIndex, lang: LanguagePack): RestatementLexicon {
  const neutral = lang.neutralKeys;
  const tables = partyTables(ci.index, lang);
  const partyWords = new Set(Object.keys(generalTable(lang).actors));
  for (const t of tables.values()) for (const [k, v] of Object.entries(t.actors)) if (v.length) partyWords.add(k);
  const { framing, negation } = lang.gate;
  const { frame, objectFillers } = lang.nouns;
  return {
    idf: k => ci.idf(k),
    isStop: k => lang.isStopKey(k),
    isNeutral: k => neutral.has(k) || partyWords.has(k) || negation.has(k) || framing.has(k) || frame.has(k) || objectFillers.has(k),
    officeHolders: lang.gate.officeHolders,
    clauseOpeners: lang.clauseOpeners,
  };
}

/**
 * How sure the finding `f` of clause `unit` is: undefined for findings the gate does not judge
 * (quotations, names, document dates, absence claims, clauses without a restatement).
 */
export function confidenceOf(unit: ClauseUnit, f: FindingInput, rule: RuleId, lex: RestatementLexicon): Confidence | undefined {
  const r = unit.restatement;
  if (!r || UNGATED.has(rule)) return undefined;
  const { words } = unit;
  let from = words.findIndex(w => w.end > f.start);
  if (from < 0) from = words.length - 1;
  let to = from;
  while (to + 1 < words.length && words[to + 1].start < f.end) to++;
  // The words on either side of the difference: the side that restates the source best
  // (a lead-in such as `The witness said` or `Disappointing that` frames a restatement, it does
  // not make it something else), and the clause as a whole, whose words must mostly come from
  // the source sentence.
  // A person named after an office (`Vice President Harris`, `Minister Joly`) is a party, not content.
  const aside = new Set<number>();
  for (let i = 1; i < words.length; i++) if (lex.isNeutral(words[i - 1].key) && /^\p{Lu}/u.test(unit.p.slice(words[i].start, words[i].end)) && (lex.officeHolders?.has(words[i - 1].text) ?? false)) aside.add(i);
  const sides = [sideRestatement(words, r.src.words, from, to, -1, lex, SIDE_WORDS, aside), sideRestatement(words, r.src.words, from, to, 1, lex, SIDE_WORDS, aside)].filter(x => !Number.isNaN(x));
  const whole = r.top.coverage;
  // A clause too short to have words on either side of the difference is judged as a whole.
  const side = sides.length ? Math.max(...sides) : whole;
  const value = whole >= WHOLE_ENOUGH ? side : (side * whole) / WHOLE_ENOUGH;
  return { side, whole, value };
}
