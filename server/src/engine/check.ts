/**
 * The checks: misquotes and contradictions of the sources.
 *
 * A draft is split into paragraphs (blank-line separated); each paragraph is checked on
 * its own and its findings are cached by text (a small LRU per index), so that after an
 * edit only the changed paragraphs are re-checked. A paragraph goes through the checker's
 * pipeline (check/pipeline.ts): its quotations are aligned word by word with the source
 * passage they quote, and each sentence (or clause) that restates a source sentence is
 * compared with it by one detector per kind of finding (check/detectors/).
 * Precision first: each rule fires only on a specific, explainable difference.
 */
import { throwIfCancelled, type CancellationToken } from './cancellation';
import { analyzeParagraph, type ParagraphAnalysis, type QuotationResult, type RestatementResult } from './check/pipeline';
import { checkIndexOf } from './checkIndex';
import type { CorpusIndex } from './corpusIndex';
import { Codes, type Finding } from './findings';
import { english } from './lang/en';
import { applySuppressions, maskLineDirectives } from './suppress';
import { draftParagraphs } from './text/paragraphs';

export type { ParagraphAnalysis, QuotationResult, RestatementResult } from './check/pipeline';

/** A draft being checked: the text of a document the drafter is writing. */
export interface DraftDocument {
  readonly uri: string;
  readonly text: string;
  readonly version?: number;
  readonly languageId?: string;
}

export interface CheckOptions {
  /** Report quotations that match no source at Information level (default true). */
  readonly reportUnsourcedQuotes?: boolean;
}

/** Checks a draft against the index. Returns findings in document order. */
export function checkDraft(index: CorpusIndex, draft: DraftDocument, options: CheckOptions, token?: CancellationToken): Finding[] {
  const all = analyzeDraft(index, draft.text, token).findings;
  const kept = options.reportUnsourcedQuotes === false ? all.filter(f => f.code !== Codes.unsourcedQuote) : all;
  return applySuppressions(draft.text, kept);
}

/** Full analysis (findings before suppression, quotations, restatements), for the report. */
export function analyzeDraft(index: CorpusIndex, text: string, token?: CancellationToken): ParagraphAnalysis {
  const ci = checkIndexOf(index);
  const cache = cacheFor(index);
  const masked = maskDraft(text);
  const findings: Finding[] = [];
  const quotations: QuotationResult[] = [];
  const restatements: RestatementResult[] = [];
  for (const [start, end] of draftParagraphs(masked)) {
    throwIfCancelled(token);
    const slice = masked.slice(start, end);
    let a = cache.get(slice);
    if (!a) {
      a = analyzeParagraph(ci, english, slice);
      cache.set(slice, a);
    }
    for (const f of a.findings) findings.push(shift(f, start));
    for (const q of a.quotations) quotations.push({ ...q, start: q.start + start, end: q.end + start, innerStart: q.innerStart + start, innerEnd: q.innerEnd + start });
    for (const r of a.restatements) restatements.push({ ...r, start: r.start + start, end: r.end + start });
  }
  return { findings, quotations, restatements };
}

function shift(f: Finding, by: number): Finding {
  if (!by) return f;
  return { ...f, start: f.start + by, end: f.end + by, ...(f.fix ? { fix: { ...f.fix, start: f.fix.start + by, end: f.fix.end + by } } : {}) };
}

// ---- per-index LRU of paragraph results -------------------------------------------

class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.map.set(k, v);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as string);
  }
}
const caches = new WeakMap<CorpusIndex, Lru<ParagraphAnalysis>>();
function cacheFor(index: CorpusIndex): Lru<ParagraphAnalysis> {
  let c = caches.get(index);
  if (!c) caches.set(index, (c = new Lru(5000)));
  return c;
}

// ---- draft structure --------------------------------------------------------------

/**
 * Comments and plain-text directive lines (suppression directives) become spaces: same offsets,
 * no words. So do Markdown's backslash escapes (`2\+2`, `\$2 billion`, `\*reduce\*`): the
 * drafter sees the character after.
 */
function maskDraft(text: string): string {
  const uncommented = maskLineDirectives(text.includes('<!--') ? text.replace(/<!--[\s\S]*?-->/g, m => m.replace(/[^\r\n]/g, ' ')) : text);
  return uncommented.includes('\\') ? uncommented.replace(/\\(?=[!-/:-@[-`{-~])/g, ' ') : uncommented;
}
