/**
 * Findings and their LSP form. Every finding has a stable code (one per kind), a
 * category, and the id of the source paragraph that is its evidence.
 */
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { CorpusIndex } from './corpusIndex';
import { LineIndex, type Range } from './positions';

export type FindingCategory = 'misquote' | 'contradiction' | 'unsupported';
export type FindingKind = 'wording' | 'figure' | 'actor' | 'negation' | 'strength' | 'opposite' | 'name' | 'unsourced';

/** Stable diagnostic codes, one per kind of finding. Never renumber or rename: users suppress by code. */
export const Codes = Object.freeze({
  misquote: 'misquote',
  changedFigure: 'changed-figure',
  changedActor: 'changed-actor',
  negated: 'negated',
  overstated: 'overstated',
  understated: 'understated',
  opposite: 'opposite',
  alteredName: 'altered-name',
  changedTerm: 'changed-term',
  unsourcedQuote: 'unsourced-quote',
} as const);
export type Code = (typeof Codes)[keyof typeof Codes];
export const AllCodes: readonly Code[] = Object.freeze(Object.values(Codes));

/** One line on what each code means; the long explanations live in `docs/rules/<code>.md`. */
export const CodeDescriptions: Readonly<Record<Code, string>> = Object.freeze({
  'misquote': 'A quotation differs from the wording of the source it quotes.',
  'changed-figure': 'A restatement changes a figure (a year, percentage, amount or count) the source gives.',
  'changed-actor': 'A restatement changes who committed, agreed or acted, or with whom.',
  'negated': 'A restatement denies what the source affirms.',
  'overstated': 'A restatement makes a commitment stronger than the source does (e.g. "agreed" for "discussed").',
  'understated': 'A restatement makes a commitment weaker than the source does (e.g. "discussed" for "agreed").',
  'opposite': 'A restatement reverses the action the source commits to (e.g. "weaken" for "strengthen").',
  'altered-name': 'The official name of a programme, forum, plan, institution or person is altered.',
  'changed-term': 'A restatement names one specific thing where the source names another (a term of a list, a sector, a region).',
  'unsourced-quote': 'A quotation attributed to the leaders or the Roadmap matches no indexed source.',
});

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** LSP numeric severities. */
export const Severity = Object.freeze({ error: 1, warning: 2, information: 3, hint: 4 } as const);

/** One thing wrong with a draft, before it is shaped for a client. */
export interface Finding {
  readonly code: Code;
  readonly category: FindingCategory;
  readonly kind: FindingKind;
  /** The default severity; users may override it per code. */
  readonly severity: Exclude<SeverityName, 'off'>;
  /** Offsets into the draft text. */
  readonly start: number;
  readonly end: number;
  /** What the draft says, what the source says, and where. */
  readonly message: string;
  /** The source paragraph that is the evidence. */
  readonly paragraphId: string;
  /** Offsets into that paragraph's text of the evidence, when narrower than the paragraph. */
  readonly evidence?: { readonly start: number; readonly end: number };
  /** A replacement the user may choose to apply (a quick fix), as draft offsets and new text. */
  readonly fix?: { readonly title: string; readonly start: number; readonly end: number; readonly newText: string };
  /** Extra, kind-specific facts (the draft and source values), carried in `data`. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The `data` field of every Verbatim diagnostic. */
export interface DiagnosticData {
  readonly category: FindingCategory;
  readonly kind: FindingKind;
  readonly paragraphId: string;
  /** Offsets into the source paragraph's text of the evidence (the matched sentence or quoted passage). */
  readonly evidence?: Finding['evidence'];
  readonly fix?: Finding['fix'] & { readonly range: Range };
  readonly [key: string]: unknown;
}

/** Converts findings to LSP diagnostics, applying per-code severity overrides (dropping `off`). */
export function toDiagnostics(
  findings: readonly Finding[],
  rangeOf: (start: number, end: number) => Range,
  index: CorpusIndex,
  severityOverrides: Readonly<Partial<Record<string, SeverityName>>> = {},
  ruleHref?: (code: string) => string | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const level = severityOverrides[f.code] ?? f.severity;
    if (level === 'off') continue;
    const paragraph = index.getParagraph(f.paragraphId);
    const relatedInformation: DiagnosticRelatedInformation[] = [];
    if (paragraph) {
      const doc = index.getDocument(paragraph.documentId);
      if (doc) {
        const ev = f.evidence;
        const range = ev
          ? linesOf(index, doc.id, doc.text).rangeAt(paragraph.sourceOffsets.at(ev.start), paragraph.sourceOffsets.at(Math.max(ev.start, ev.end - 1)) + 1)
          : paragraph.range;
        relatedInformation.push({ location: { uri: doc.uri, range }, message: `Source: ${paragraph.label}` });
      }
    }
    const data: DiagnosticData = {
      category: f.category,
      kind: f.kind,
      paragraphId: f.paragraphId,
      ...(f.details ?? {}),
      ...(f.evidence ? { evidence: f.evidence } : {}),
      ...(f.fix ? { fix: { ...f.fix, range: rangeOf(f.fix.start, f.fix.end) } } : {}),
    };
    const href = ruleHref?.(f.code);
    out.push({
      range: rangeOf(f.start, f.end),
      severity: Severity[level],
      code: f.code,
      ...(href ? { codeDescription: { href } } : {}),
      source: 'verbatim',
      message: f.message,
      relatedInformation,
      data,
    });
  }
  return out;
}

/** The line index of a source file, built once per index and document (a finding's evidence is placed with it). */
function linesOf(index: CorpusIndex, documentId: string, text: string): LineIndex {
  const byDocument = index.derive('findings.lines', () => new Map<string, LineIndex>());
  let lines = byDocument.get(documentId);
  if (!lines) byDocument.set(documentId, (lines = new LineIndex(text)));
  return lines;
}
