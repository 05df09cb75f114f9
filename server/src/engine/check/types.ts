/**
 * The shapes the checker's pipeline passes around: a unit (one quotation, or one draft
 * clause with the source sentence it restates, prepared once), the detectors that read a
 * unit and emit findings, and the context they may consult.
 */
import type { Alignment, Block } from '../align';
import type { SourceSentence } from '../checkIndex';
import type { NamePhrase } from '../names/table';
import type { Code, Finding } from '../findings';
import type { Figure, LanguagePack } from '../lang/pack';
import type { QuoteSpan } from '../text/quotations';
import type { Word } from '../text/words';
import type { Paragraph } from '../types';
import type { SourceLookup } from './lookup';
import type { PartyRules } from './parties';

/** A source sentence a draft clause may restate, and how much of the clause's weight it covers. */
export interface Match {
  readonly sentence: SourceSentence;
  readonly coverage: number;
}

/** The parties opening a sentence (its subject), and the words that name them. */
export interface Subject {
  readonly parties: Set<string>;
  readonly start: number;
  readonly end: number;
}

/**
 * What a draft clause restates: the best source sentence, the word alignment with it, its
 * blocks of differences (the words just outside the aligned stretch included), and the
 * figures, negations and parties of both sides. Built once per clause, only when some source
 * sentence matches.
 */
export interface Restatement {
  /** The party rules of the source restated: its parties, offices and leaders. */
  readonly parties: PartyRules;
  /** The source sentences matched, best first (at most two). */
  readonly matches: readonly Match[];
  readonly top: Match;
  readonly src: SourceSentence;
  readonly para: Paragraph;
  readonly srcText: string;
  /** The source paragraph's citation label. */
  readonly label: string;
  /** The evidence of every finding: the source paragraph and sentence. */
  readonly base: { readonly paragraphId: string; readonly evidence: { readonly start: number; readonly end: number } };
  /** The local alignment of the clause's keys with the source sentence's. */
  readonly al: Alignment;
  /** The alignment's blocks of differences, with the window blocks at either edge. */
  readonly blocks: readonly Block[];
  /** Source words as written. */
  readonly sTexts: readonly string[];
  /** The draft's figures (paragraph offsets). */
  readonly dFigs: readonly Figure[];
  /** The figures of every matched source sentence (sentence offsets). */
  readonly sFigs: readonly Figure[];
  /** The top source sentence's figures (paragraph offsets). */
  readonly srcFigs: readonly Figure[];
  /** The negation cues of the draft clause, and how many the source sentence has. */
  readonly dNeg: readonly RegExpMatchArray[];
  readonly srcNeg: number;
  /** The parties the source sentence names, and its subject. */
  readonly srcParties: Set<string>;
  readonly sSubj: Subject;
  /** The draft's subject (after a lead-in if it has none of its own). */
  readonly dSubj: Subject;
  /** Draft text of word indexes `a` (first to last), and source text of `b`. */
  dSlice(a: readonly number[]): string;
  sSlice(b: readonly number[]): string;
}

/** Where in a sentence a clause unit sits: the whole sentence, or a part checked on its own. */
export type UnitRole = 'sentence' | 'tail' | 'head' | 'clause';

/** One draft clause, prepared once: its words, keys and surface texts, name phrases, and what it restates. */
export interface ClauseUnit {
  readonly kind: 'clause';
  readonly role: UnitRole;
  /** The paragraph's text and the clause's offsets in it. */
  readonly p: string;
  readonly s: number;
  readonly e: number;
  readonly words: readonly Word[];
  readonly keys: readonly string[];
  /** The words as written. */
  readonly texts: readonly string[];
  readonly matches: readonly Match[];
  /** The clause's figures (offsets in the paragraph). */
  readonly figures: readonly Figure[];
  /** Capitalised multi-word phrases of the clause (candidate official names). */
  readonly names: readonly NamePhrase[];
  /** Undefined when no source sentence matches. */
  readonly restatement: Restatement | undefined;
  /** The words of the paragraph between two offsets (tokenised as a span of its own). */
  wordsIn(from: number, to: number): Word[];
}

/** One quotation of the draft, aligned with the source paragraph it quotes best. */
export interface QuoteUnit {
  readonly kind: 'quotation';
  readonly p: string;
  readonly q: QuoteSpan;
  /** The quoted words (editorial insertions left out). */
  readonly words: readonly Word[];
  /** Draft word positions after which the source may skip words (an ellipsis, an insertion). */
  readonly skipAt: ReadonlySet<number>;
  /** The best source paragraph and the alignment with it; undefined when nothing matches enough. */
  readonly source: { readonly para: Paragraph; readonly srcWords: readonly Word[]; readonly al: Alignment } | undefined;
  /** The alignment's blocks of differences (none: the quotation is verbatim). */
  readonly blocks: readonly Block[];
}

export type Unit = ClauseUnit | QuoteUnit;

/** A finding as a detector emits it: severity defaults to warning, category to contradiction. */
export type FindingInput = Omit<Finding, 'severity' | 'category'> & { severity?: Finding['severity']; category?: Finding['category'] };

/** `rule` names the rule that found it (see RULE_ORDER in resolve.ts). */
export type Emit = (f: FindingInput, rule: RuleId) => void;

/** What a detector may consult besides its unit. */
export interface DetectorContext {
  readonly lang: LanguagePack;
  /** Look-ups over the prepared structures of the sources (never a scan of the corpus). */
  readonly sources: SourceLookup;
  /** True if a finding of `code` was kept in `[s, e)` so far in this paragraph. */
  emitted(code: Code, s: number, e: number): boolean;
}

/**
 * A detector: one kind of finding. `after` lists the codes whose findings it reads through
 * `ctx.emitted`; the pipeline runs the detectors emitting them first.
 */
export interface Detector<U extends Unit = ClauseUnit> {
  readonly id: string;
  readonly emits: readonly Code[];
  readonly after?: readonly Code[];
  readonly unit: U['kind'];
  run(unit: U, ctx: DetectorContext, emit: Emit): void;
}

/**
 * The rules, in the order their findings on the same characters have always been listed (the
 * first wins the dedupe). A rule not listed here comes after these, in the order found.
 */
export const RULE_ORDER: readonly string[] = [
  'misquote',
  'unsourced-quote',
  'document-date',
  'part-count',
  'name',
  'absence',
  'figure',
  'denial',
  'dropped-negation',
  'actor',
  'ladder',
  'intention-done',
  'opposite-pair',
  'overstated-object',
  'avoid',
  'acronym',
  'opposite-by-object',
  'term-swap',
];
/** The name of the rule of a detector that found a finding (see RULE_ORDER). */
export type RuleId = string;
