/**
 * The Verbatim engine: corpus parsing, the index, matching, checks, completion and
 * hover content. Pure: no `vscode`, no LSP connection, no file system. The language
 * server, the VS Code client, the CLI and the tests all go through this facade.
 */
import { NeverCancelled, throwIfCancelled, type CancellationToken } from './cancellation';
import { checkDraft, type CheckOptions, type DraftDocument } from './check';
import { CorpusIndex } from './corpusIndex';
import { toDiagnostics, type SeverityName } from './findings';
import { withFixes } from './fixes';
import { applyAcceptances, type Acceptance } from './acceptances';
import { LineIndex } from './positions';
import { parseSource } from './sources/parse';
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
export { buildReport, buildHtmlReport, type ReportInput, type ReportOptions } from './report';
export { withFix, withFixes, cleanOfficialText } from './fixes';
export { acceptanceOf, acceptedBy, applyAcceptances, staleAcceptances, anchorText, findingSourceText, type Acceptance } from './acceptances';
export { disableEdit, suppressionRegions, applySuppressions, type OffsetEdit } from './suppress';

/** The long explanation (Markdown) of a finding code, as in `docs/rules/<code>.md`; undefined for unknown codes. */
export function explainCode(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(RuleDocs, code) ? RuleDocs[code] : undefined;
}

/**
 * Parses every source and builds one immutable index. Sources that cannot be used are
 * skipped and reported in `index.problems`; the others still load. `readProblems` are
 * problems met by the caller while reading files, kept with the index for reporting.
 */
export function loadCorpus(inputs: readonly SourceInput[], token: CancellationToken = NeverCancelled, readProblems: readonly SourceProblem[] = []): CorpusIndex {
  const documents: SourceDocument[] = [];
  const problems: SourceProblem[] = [...readProblems];
  const ids = new Set<string>();
  for (const input of inputs) {
    throwIfCancelled(token);
    const result = parseSource(input, ids);
    problems.push(...result.problems);
    if (result.document) documents.push(withCallerFacts(result.document, input));
  }
  return new CorpusIndex(documents, problems);
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
export function patchCorpus(index: CorpusIndex, inputs: readonly SourceInput[], removedUris: readonly string[] = []): CorpusIndex {
  const replaced = new Set([...inputs.map(i => i.uri), ...removedUris]);
  const kept = index.documents.filter(d => !replaced.has(d.uri));
  const ids = new Set(kept.map(d => d.id));
  const documents = [...kept];
  const problems = index.problems.filter(p => !replaced.has(p.uri));
  for (const input of inputs) {
    const result = parseSource(input, ids);
    problems.push(...result.problems);
    if (result.document) documents.push(withCallerFacts(result.document, input));
  }
  return new CorpusIndex(documents, problems);
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
      const findings = withFixes(applyAcceptances(index, draft.text, checkDraft(index, draft, request, token), request.accepted ?? []), draft.text);
      throwIfCancelled(token);
      return toDiagnostics(findings, (s, e) => lines.rangeAt(s, e), index, request.severity, request.ruleHref);
    },
  });
}
