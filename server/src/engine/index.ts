/**
 * The Verbatim engine: corpus parsing, the index, matching, checks, completion and
 * hover content. Pure: no `vscode`, no LSP connection, no file system. The language
 * server, the VS Code client, the CLI and the tests all go through this facade.
 */
import { NeverCancelled, throwIfCancelled, type CancellationToken } from './cancellation';
import { checkDraft, type CheckOptions, type DraftDocument } from './check';
import { CorpusIndex } from './corpusIndex';
import { toDiagnostics, type SeverityName } from './findings';
import { LineIndex } from './positions';
import { parseSource, parseSourceSteps } from './sources/parse';
import { runSteps, type Steps } from './steps';
import { warmCheckIndex } from './checkIndex';
import { warmHoverIndexes } from './match';
import { warmOfficialNames } from './names';
import { warmCompletion } from './completion';
import type { SourceLimits } from './limits';
import { RuleDocs } from './rules';
import type { SourceInput, SourceProblem, SourceDocument } from './types';
import type { Diagnostic } from 'vscode-languageserver-types';

export * from './types';
export * from './findings';
export * from './cancellation';
export { CorpusIndex, type TextMatch, type Posting } from './corpusIndex';
export { normalizeText, tokenize, slugify, words, toOriginalRange, type NormalizedText, type Token } from './normalize';
export { LineIndex, type Position, type Range } from './positions';
export type { DraftDocument, CheckOptions, QuotationResult, RestatementResult, ParagraphAnalysis } from './check';
export { analyzeDraft } from './check';
export { buildReport, type ReportInput } from './report';
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
    const result = yield* parseSourceSteps(input, ids, limits, passages);
    problems.push(...result.problems);
    if (result.document) {
      documents.push(result.document);
      passages += result.document.paragraphs.length;
    }
  }
  return new CorpusIndex(documents, problems);
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
  for (const input of inputs) {
    const result = parseSource(input, ids, limits, passages);
    problems.push(...result.problems);
    if (result.document) {
      documents.push(result.document);
      passages += result.document.paragraphs.length;
    }
  }
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
  yield* warmOfficialNames(index);
  yield;
  yield* warmCompletion(index);
  yield;
}

/** Options for a check, as the server and CLI resolve them from settings and flags. */
export interface CheckRequest extends CheckOptions {
  /** Per-code severity overrides (`verbatim.severity`). */
  readonly severity?: Readonly<Partial<Record<string, SeverityName>>>;
}

/** The engine bound to one index. Frozen; get a new one when the sources change. */
export interface Engine {
  readonly index: CorpusIndex;
  /** Checks a draft and returns LSP diagnostics (ranges in the draft, UTF-16). */
  check(draft: DraftDocument, request?: CheckRequest, token?: CancellationToken): Diagnostic[];
}

/** Creates the engine facade over an index. */
export function createEngine(index: CorpusIndex): Engine {
  return Object.freeze({
    index,
    check(draft: DraftDocument, request: CheckRequest = {}, token: CancellationToken = NeverCancelled): Diagnostic[] {
      const lines = new LineIndex(draft.text);
      const findings = checkDraft(index, draft, request, token);
      throwIfCancelled(token);
      return toDiagnostics(findings, (s, e) => lines.rangeAt(s, e), index, request.severity);
    },
  });
}
