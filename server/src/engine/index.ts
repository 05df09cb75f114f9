/**
 * The Verbatim engine: corpus parsing, the index, matching, checks, completion and
 * hover content. Pure: no `vscode`, no LSP connection, no file system. The language
 * server, the VS Code client, the CLI and the tests all go through this facade.
 */
import type { CompletionList, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { NeverCancelled, throwIfCancelled, type CancellationToken } from './cancellation';
import { checkDraft, type CheckOptions, type DraftDocument } from './check';
import { quotationEdits, type CitationStyle, type OffsetEdit } from './citations';
import { searchCommitments, type CommitmentHit } from './commitments';
import { completeOfficialWording, footnoteDefinitionEdits, inlineContinuations, insertCommitmentEdits, warmCompletion, type CompletionDraft, type CompletionOptions, type InlineSuggestion } from './completion';
import { CorpusIndex } from './corpusIndex';
import { toDiagnostics, type SeverityName } from './findings';
import { withFixes } from './fixes';
import { applyAcceptances, type Acceptance } from './acceptances';
import { hoverAt, type HoverContent } from './hover';
import { LineIndex, type Position } from './positions';
import { buildHtmlReport, buildReport, type ReportInput, type ReportOptions } from './report';
import type { SourceLimits } from './limits';
import { warmHoverIndexes } from './match';
import { warmCheckIndex } from './checkIndex';
import { english } from './lang/en';
import { warmParties } from './parties/table';
import { runSteps, type Steps } from './steps';
import { RuleDocs } from './rules';
import { definitionAt, quotationLinks, type QuotationLink, type SourceLocation } from './sourceLinks';
import { parseSource, parseSourceSteps } from './sources/parse';
import { sourceTree, type SourceTreeDocument } from './sourceTree';
import type { Paragraph, ParseResult, SourceDocument, SourceInput, SourceProblem } from './types';

export * from './types';
export * from './findings';
export * from './cancellation';
export { CorpusIndex, type TextMatch, type Posting } from './corpusIndex';
export { normalizeText, tokenize, slugify, words, toOriginalRange, type NormalizedText, type Token } from './normalize';
export { LineIndex, type Position, type Range } from './positions';
export type { DraftDocument, CheckOptions, QuotationResult, RestatementResult, ParagraphAnalysis } from './check';
export { analyzeDraft } from './check';
export { buildReport, buildHtmlReport, type ReportInput, type ReportOptions } from './report';
export { withFix, withFixes, cleanOfficialText } from './fixes';
export { acceptanceOf, acceptedBy, applyAcceptances, staleAcceptances, anchorText, findingSourceText, type Acceptance } from './acceptances';
export { disableEdit, suppressionRegions, applySuppressions } from './suppress';
export { SEARCH_TRIGGER, type CompletionDraft, type CompletionOptions, type InlineSuggestion, type SuggestionsMode } from './completion';
export type { CommitmentHit } from './commitments';
export type { CitationStyle, OffsetEdit } from './citations';
export type { HoverContent } from './hover';
export type { QuotationLink, SourceLocation } from './sourceLinks';
export type { SourceTreeDocument, SourceTreeParagraph, SourceTreeSection } from './sourceTree';
export { runSteps, type Steps } from './steps';
export { checkInSlices, type Slicing } from './slicedCheck';
export { DEFAULT_LIMITS, MAX_PASSAGE_CHARS, MAX_PASSAGES, type SourceLimits } from './limits';

/** The long explanation (Markdown) of a finding code, as in `docs/rules/<code>.md`; undefined for unknown codes. */
export function explainCode(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(RuleDocs, code) ? RuleDocs[code] : undefined;
}

/**
 * Parses every source and builds one immutable index. Sources that cannot be used are
 * skipped and reported in `index.problems`; the others still load. `readProblems` are
 * problems met by the caller while reading files, kept with the index for reporting.
 */
export function loadCorpus(inputs: readonly SourceInput[], token: CancellationToken = NeverCancelled, readProblems: readonly SourceProblem[] = [], limits: Partial<SourceLimits> = {}): CorpusIndex {
  return runSteps(loadCorpusSteps(inputs, token, readProblems, limits));
}

/**
 * {@link loadCorpus} in steps (see `steps.ts`): the language server runs it a slice at a time
 * so that requests are answered while a large set of sources loads. The passage limit
 * (`limits.maxPassages`) counts the passages of all sources together, in input order.
 */
export function* loadCorpusSteps(inputs: readonly SourceInput[], token: CancellationToken = NeverCancelled, readProblems: readonly SourceProblem[] = [], limits: Partial<SourceLimits> = {}): Steps<CorpusIndex> {
  const documents: SourceDocument[] = [];
  const problems: SourceProblem[] = [...readProblems];
  const ids = new Set<string>();
  let passages = 0;
  for (const input of inputs) {
    throwIfCancelled(token);
    passages += added(documents, problems, input, yield* parseSourceSteps(input, ids, limits, passages));
  }
  return new CorpusIndex(documents, problems);
}

/** Adds a parsed source's document and problems; returns its passages (they count towards the limit). */
function added(documents: SourceDocument[], problems: SourceProblem[], input: SourceInput, result: ParseResult): number {
  problems.push(...result.problems);
  if (!result.document) return 0;
  documents.push(withCallerFacts(result.document, input));
  return result.document.paragraphs.length;
}

/** The date a caller gives a source (a project file), where its own front matter has none. (Its language goes to the parser.) */
function withCallerFacts(doc: SourceDocument, input: SourceInput): SourceDocument {
  if (doc.date || !input.date) return doc;
  return Object.freeze({ ...doc, date: input.date });
}

/**
 * Returns a new index with `inputs` replacing the documents of the same URI (or added),
 * and the documents of `removedUris` dropped. The old index is untouched.
 */
export function patchCorpus(index: CorpusIndex, inputs: readonly SourceInput[], removedUris: readonly string[] = [], limits: Partial<SourceLimits> = {}): CorpusIndex {
  const replaced = new Set([...inputs.map(i => i.uri), ...removedUris]);
  const kept = index.documents.filter(d => !replaced.has(d.uri));
  const ids = new Set(kept.map(d => d.id));
  const documents = [...kept];
  const problems = index.problems.filter(p => !replaced.has(p.uri));
  let passages = kept.reduce((n, d) => n + d.paragraphs.length, 0);
  for (const input of inputs) passages += added(documents, problems, input, parseSource(input, ids, limits, passages));
  return new CorpusIndex(documents, problems);
}

/**
 * Builds, a slice at a time, the lookup structures that checks, hovers and completions
 * otherwise build on first use (seconds for a large index). The language server runs this on
 * a new index before swapping it in, so that no request waits for them.
 */
export function* warmUp(index: CorpusIndex): Steps<void> {
  yield* warmCheckIndex(index);
  yield;
  yield* warmHoverIndexes(index);
  yield;
  yield* warmCompletion(index);
  yield;
  yield* warmParties(index, english);
}

/** Options for a check, as the server and CLI resolve them from settings and flags. */
export interface CheckRequest extends CheckOptions {
  /** Per-code severity overrides (`verbatim.severity`). */
  readonly severity?: Readonly<Partial<Record<string, SeverityName>>>;
  /** Wordings the project accepted (the project file's `accepted`): their findings are dropped. */
  readonly accepted?: readonly Acceptance[];
  /** The link to a code's explanation (`codeDescription.href`), as the caller knows where the rule pages are. */
  readonly ruleHref?: (code: string) => string | undefined;
}

/**
 * The engine bound to one index: every feature the language server and the CLI use. Frozen;
 * get a new one when the sources change. Offsets are UTF-16 offsets into the text given.
 */
export interface Engine {
  readonly index: CorpusIndex;
  /** Checks a draft and returns LSP diagnostics (ranges in the draft, UTF-16). */
  check(draft: DraftDocument, request?: CheckRequest, token?: CancellationToken): Diagnostic[];
  /** What the draft quotes or restates at `offset`, as escaped Markdown; undefined when nothing matches. */
  hover(text: string, offset: number, token?: CancellationToken): HoverContent | undefined;
  /** Go to source: the source words the draft quotes or restates at `offset`. */
  definition(text: string, offset: number, token?: CancellationToken): SourceLocation | undefined;
  /** The draft's quotations of four or more words that match a source, with where. */
  links(text: string, token?: CancellationToken): QuotationLink[];
  /**
   * Completion items at `position`: official continuations and names (only where what was typed
   * distinctively starts them; `options.suggestions`), and the `@@keyword` search; each cited.
   */
  complete(draft: CompletionDraft, position: Position, options?: CompletionOptions, token?: CancellationToken): CompletionList;
  /** Ghost text at `position`: the one clear official continuation of the words typed, with its citation. */
  inlineCompletions(draft: CompletionDraft, position: Position, options?: CompletionOptions, token?: CancellationToken): InlineSuggestion[];
  /** The edit defining paragraph `paragraphId`'s footnote at the end of `draft`, if it is not defined yet (after ghost text cited it). */
  footnoteDefinition(draft: CompletionDraft, paragraphId: string): TextEdit[];
  /** Commitments (source sentences) having every word of `query`, best first. */
  searchCommitments(query: string, limit?: number, token?: CancellationToken): CommitmentHit[];
  /** The edits inserting sentence `sentenceIndex` of `paragraph` as a quotation at `position`, with its citation. */
  insertCommitment(draft: CompletionDraft, position: Position, paragraph: Paragraph, sentenceIndex: number, style: CitationStyle): TextEdit[];
  /** The edits inserting paragraph `paragraphId` as a quotation at `offset` of `draft`, with its citation. */
  quotationEdits(paragraphId: string, draft: string, offset: number, style: CitationStyle): OffsetEdit[] | undefined;
  /** The sources view: documents, sections, paragraphs. */
  sourceTree(): SourceTreeDocument[];
  /** The Markdown consistency report of `drafts`. */
  report(drafts: readonly ReportInput[], options?: ReportOptions, token?: CancellationToken): string;
  /** The same report as one self-contained HTML page. */
  htmlReport(drafts: readonly ReportInput[], options?: ReportOptions, token?: CancellationToken): string;
}

/** Creates the engine facade over an index. */
export function createEngine(index: CorpusIndex): Engine {
  return Object.freeze({
    index,
    check(draft: DraftDocument, request: CheckRequest = {}, token: CancellationToken = NeverCancelled): Diagnostic[] {
      const lines = new LineIndex(draft.text);
      const findings = withFixes(applyAcceptances(index, draft.text, checkDraft(index, draft, request, token), request.accepted ?? []), draft.text);
      throwIfCancelled(token);
      return toDiagnostics(findings, (s, e) => lines.rangeAt(s, e), index, request.severity, request.ruleHref);
    },
    hover: (text: string, offset: number, token: CancellationToken = NeverCancelled) => hoverAt(index, text, offset, token),
    definition: (text: string, offset: number, token: CancellationToken = NeverCancelled) => definitionAt(index, text, offset, token),
    links: (text: string, token: CancellationToken = NeverCancelled) => quotationLinks(index, text, token),
    complete: (draft: CompletionDraft, position: Position, options: CompletionOptions = {}, token: CancellationToken = NeverCancelled) => completeOfficialWording(index, draft, position, options, token),
    inlineCompletions: (draft: CompletionDraft, position: Position, options: CompletionOptions = {}, token: CancellationToken = NeverCancelled) => inlineContinuations(index, draft, position, options, token),
    footnoteDefinition: (draft: CompletionDraft, paragraphId: string) => footnoteDefinitionEdits(index, draft, paragraphId),
    searchCommitments: (query: string, limit = 50, token: CancellationToken = NeverCancelled) => searchCommitments(index, query, limit, token),
    insertCommitment: (draft: CompletionDraft, position: Position, paragraph: Paragraph, sentenceIndex: number, style: CitationStyle) => insertCommitmentEdits(index, draft, position, paragraph, sentenceIndex, style),
    quotationEdits: (paragraphId: string, draft: string, offset: number, style: CitationStyle) => quotationEdits(index, paragraphId, draft, offset, style),
    sourceTree: () => sourceTree(index),
    report: (drafts: readonly ReportInput[], options: ReportOptions = {}, token?: CancellationToken) => buildReport(index, drafts, options, token),
    htmlReport: (drafts: readonly ReportInput[], options: ReportOptions = {}, token?: CancellationToken) => buildHtmlReport(index, drafts, options, token),
  });
}
