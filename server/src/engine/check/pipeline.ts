/**
 * The checker's pipeline for one paragraph of a draft:
 *
 *   quotations ─┐
 *   sentences → clauses (sentence, main clause, head, compound parts)
 *             → retrieval of candidate source sentences (retrieve.ts)
 *             → alignment, figures, negations, parties: one unit per clause (units.ts)
 *             → detectors, in declared order  (detectors/)
 *             → restatement gate and confidence: a clause's finding is kept only when the clause
 *               really restates its source where the difference lies (gate.ts)
 *             → later statements: a difference from an older source sentence is no finding where the
 *               clause follows a later statement of the same commitment there (updates.ts)
 *             → resolution: actor merge, rule order, nothing kept inside a quotation (resolve.ts, below)
 *   → sorted by place, deduplicated. Suppression comments apply to the whole draft (check.ts).
 */
import type { CheckIndex } from '../checkIndex';
import type { Code, Finding } from '../findings';
import type { LanguagePack } from '../lang/pack';
import { seriesOf, type SeriesTable } from '../series';
import { findQuotations } from '../text/quotations';
import { draftSentences } from '../text/sentences';
import { draftClauses, headClauses, mainClause } from './clauses';
import { clauseDetectors, quoteDetectors } from './detectors';
import { confidenceOf, gateLexicon, threshold } from './gate';
import { sourceLookup, type SourceLookup } from './lookup';
import type { RestatementLexicon } from './restatement';
import { byPlace, complete, dedupe, inRuleOrder, mergeActorFindings, type Emitted } from './resolve';
import { sameSource } from './retrieve';
import type { ClauseUnit, Detector, DetectorContext, FindingInput, RuleId, Unit, UnitRole } from './types';
import { clauseUnit, quoteUnit } from './units';
import { followedLater, otherStatements } from './updates';

/** A quotation found in a draft, and what it was matched to. */
export interface QuotationResult {
  readonly start: number;
  readonly end: number;
  /** Inner text offsets. */
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly status: 'verbatim' | 'misquote' | 'no source';
  readonly paragraphId?: string;
  /** Offsets into the source paragraph's text of the words quoted. */
  readonly evidence?: { readonly start: number; readonly end: number };
}

/** A draft sentence that restates a source sentence. */
export interface RestatementResult {
  readonly start: number;
  readonly end: number;
  readonly paragraphId: string;
  readonly coverage: number;
  readonly status: 'faithful' | 'contradiction';
  /** Offsets into the source paragraph's text of the sentence restated. */
  readonly evidence?: { readonly start: number; readonly end: number };
}

export interface ParagraphAnalysis {
  readonly findings: readonly Finding[];
  readonly quotations: readonly QuotationResult[];
  readonly restatements: readonly RestatementResult[];
}

/** Findings merged per unit before they are kept: one swap of parties is one finding. */
const MERGE: Partial<Record<Code, (found: readonly FindingInput[], unit: ClauseUnit) => FindingInput[]>> = {
  'changed-actor': (found, unit) => mergeActorFindings(found, unit.restatement?.label ?? ''),
};

/** Checks one paragraph `p` of a draft (offsets in the paragraph). */
export function analyzeParagraph(ci: CheckIndex, lang: LanguagePack, p: string, excluded?: ReadonlySet<string>): ParagraphAnalysis {
  const run = new ParagraphRun(sourceLookup(ci, lang, excluded), ci, excluded);
  const quotations: QuotationResult[] = [];
  const restatements: RestatementResult[] = [];
  for (const q of findQuotations(p)) {
    const unit = quoteUnit(ci, lang, p, q, run.sources.skip);
    run.detect(unit, quoteDetectors);
    const status = !unit.source ? 'no source' : unit.blocks.length ? 'misquote' : 'verbatim';
    const src = unit.source;
    const evidence = src && src.al.bTo >= src.al.bFrom ? { evidence: { start: src.srcWords[src.al.bFrom].start, end: src.srcWords[src.al.bTo].end } } : {};
    quotations.push({ start: q.start, end: q.end, innerStart: q.innerStart, innerEnd: q.innerEnd, status, ...(src ? { paragraphId: src.para.id, ...evidence } : {}) });
    run.quoted.push([q.start, q.end]);
  }
  const check = (s: number, e: number, role: UnitRole, unit = clauseUnit(ci, run.sources, p, s, e, role)) => {
    const kept = run.detect(unit, clauseDetectors);
    const r = unit.restatement;
    if (r) restatements.push({ start: s, end: e, paragraphId: r.para.id, coverage: r.top.coverage, status: kept ? 'contradiction' : 'faithful', evidence: { start: r.src.start, end: r.src.end } });
    return r;
  };
  for (const [s, e] of draftSentences(p)) {
    const r = check(s, e, 'sentence');
    // A compound sentence may restate two source sentences (`…reestablish the Forum, and they
    // agreed to align…`): a clause that restates a different source sentence is checked on its own.
    const clauses = draftClauses(lang, p, s, e);
    if (!r && clauses.length < 2) {
      // Lead-ins that match nothing (`On law enforcement, Mr. Chairman, there are no plans …`):
      // the main clause after them may restate a source sentence on its own.
      const tail = mainClause(lang, p, s, e);
      const tr = tail ? check(tail, e, 'tail') : undefined;
      // A restatement with the drafter's comment after it (`… no later than 2040 — a timeline
      // that will shape investment`, `…, relying instead on existing channels`): its head.
      // Both at once (`Looking back, the step was the leaders' agreement to relaunch the Summit,
      // restoring solidarity with Mexico`): the head of the main clause.
      const heads = tr ? [] : [...headClauses(lang, p, s, e).map(he => [s, he]), ...(tail ? headClauses(lang, p, tail, e).map(he => [tail, he]) : [])];
      for (const [hs, he] of heads) {
        const unit = clauseUnit(ci, run.sources, p, hs, he, 'head');
        if (!unit.matches.length) continue;
        check(hs, he, 'head', unit);
        break;
      }
    }
    if (clauses.length < 2) continue;
    for (const [cs, ce] of clauses) {
      const unit = clauseUnit(ci, run.sources, p, cs, ce, 'clause');
      const top = unit.matches[0];
      if (!top || (r && sameSource(top.sentence, r.src))) continue;
      check(cs, ce, 'clause', unit);
    }
  }
  return { findings: dedupe(byPlace(run.findings)), quotations, restatements };
}

/** The findings of one paragraph as its units are checked, and the context detectors see. */
class ParagraphRun {
  /** Kept findings, in the order they are listed before sorting (unit by unit, in rule order). */
  readonly findings: Finding[] = [];
  /**
   * Every quotation: findings inside one are the quotation check's business. Words in quotation
   * marks are someone's exact words: matched to a source they are compared word for word; not
   * matched, they are someone else's (`“The Pacific Ocean does not separate Japan and the
   * United States,” President Kennedy said`) or an unsourced quotation, never the drafter's claim.
   */
  readonly quoted: [number, number][] = [];
  /** Every finding kept so far, for `ctx.emitted`. */
  private readonly kept: FindingInput[] = [];
  readonly ctx: DetectorContext;

  readonly lexicon: RestatementLexicon;
  /** The links between dated sources (built on first use; none when the sources have fewer than two dates). */
  private readonly series: SeriesTable;

  constructor(readonly sources: SourceLookup, ci: CheckIndex, private readonly excluded: ReadonlySet<string> = new Set()) {
    this.lexicon = gateLexicon(ci, sources.lang);
    this.series = seriesOf(ci.index, sources.lang);
    this.ctx = {
      lang: sources.lang,
      sources,
      emitted: (code, s, e) => this.kept.some(f => f.code === code && f.start >= s && f.end <= e),
    };
  }

  /** Runs `detectors` on `unit`; returns how many findings of the unit were kept (a document date aside). */
  detect<U extends Unit>(unit: U, detectors: readonly Detector<U>[]): number {
    const kept: Emitted[] = [];
    // Findings of a code that merges per unit wait for their detector to finish; the others are kept at once.
    let held: { f: FindingInput; rule: RuleId }[] | undefined;
    const emit = (f: FindingInput, rule: RuleId) => {
      if (unit.kind === 'clause' && MERGE[f.code]) (held ??= []).push({ f, rule });
      else this.keep(unit, f, rule, kept);
    };
    for (const d of detectors) {
      d.run(unit, this.ctx, emit);
      if (!held) continue;
      for (const code of new Set(held.map(x => x.f.code))) {
        const mine = held.filter(x => x.f.code === code);
        for (const f of MERGE[code]!(mine.map(x => x.f), unit as ClauseUnit)) this.keep(unit, f, mine[0].rule, kept);
      }
      held = undefined;
    }
    let n = 0;
    for (const k of kept.length > 1 ? inRuleOrder(kept) : kept) {
      this.findings.push(complete(k.finding));
      if (k.rule !== 'document-date') n++;
    }
    return n;
  }

  /** The other statements of the commitment `unit` restates (updates.ts). */
  others(unit: ClauseUnit) {
    return otherStatements(unit, this.series, this.excluded, this.lexicon);
  }

  /**
   * Keeps a finding, unless it lies inside a quotation (a clause's finding there is the
   * quotation's business), the restatement gate is not sure enough of it, or the words it
   * flags are those of a later statement of the same commitment that the clause restates
   * (following the latest official wording is no contradiction of older wording).
   */
  private keep(unit: Unit, f: FindingInput, rule: RuleId, kept: Emitted[]): void {
    if (unit.kind === 'clause' && this.quoted.some(([a, b]) => f.start >= a && f.end <= b)) return;
    if (unit.kind === 'clause') {
      const c = confidenceOf(unit, f, rule, this.lexicon);
      if (c) {
        if (c.value < threshold(f.code)) return;
        if (comparesWith(unit, f) && followedLater(unit, f, this.others(unit), this.lexicon)) return;
        f = { ...f, details: { ...(f.details ?? {}), confidence: Math.round(c.value * 100) / 100 } };
      }
    }
    this.kept.push(f);
    kept.push({ finding: f, rule, seq: kept.length });
  }
}

/** True if `f` compares the clause with the source sentence it restates (not a name, a document's date or an absence claim found elsewhere). */
function comparesWith(unit: ClauseUnit, f: FindingInput): boolean {
  const base = unit.restatement?.base;
  return !!base && f.paragraphId === base.paragraphId && f.evidence?.start === base.evidence.start && f.evidence?.end === base.evidence.end;
}
