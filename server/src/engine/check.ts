/**
 * The checks: misquotes and contradictions of the sources.
 *
 * A draft is split into paragraphs (blank-line separated); each paragraph is checked on
 * its own and its findings are cached by text (per index, bounded by bytes: paragraphCache.ts), so that after an
 * edit only the changed paragraphs are re-checked. A paragraph goes through the checker's
 * pipeline (check/pipeline.ts): its quotations are aligned word by word with the source
 * passage they quote, and each sentence (or clause) that restates a source sentence is
 * compared with it by one detector per kind of finding (check/detectors/). A paragraph of more
 * than 5,000 characters is analysed in pieces (draftPieces.ts).
 * Precision first: each rule fires only on a specific, explainable difference.
 */
import { throwIfCancelled, type CancellationToken } from './cancellation';
import { analyzeParagraph, type ParagraphAnalysis, type QuotationResult, type RestatementResult } from './check/pipeline';
import { checkIndexOf } from './checkIndex';
import type { CorpusIndex } from './corpusIndex';
import { Codes, type Finding } from './findings';
import { packFor } from './lang';
import { detectLanguage } from './lang/detect';
import type { LanguagePack } from './lang/pack';
import { readLanguage } from './sources/frontMatter';
import { quotationsIn } from './text/quotations';
import { copyString, paragraphCache } from './paragraphCache';
import { boundedParagraphs } from './draftPieces';
import { draftDate, laterSources, unrelatedSources } from './parties/documents';
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
  const cache = paragraphCache<ParagraphAnalysis>(index);
  const masked = maskDraft(text);
  const lang = draftLanguage(text, masked);
  // Sources the draft cannot be restating (about other countries, or published after the draft's
  // own date): left out of every comparison.
  const later = laterSources(index, draftDate(text));
  const unrelated = unrelatedSources(index, masked, lang);
  const excluded = later.size ? new Set([...unrelated, ...later]) : unrelated;
  const scope = `${lang.code}\u0000${excluded.size ? `${[...excluded].sort().join('|')}\u0000` : ''}`;
  const findings: Finding[] = [];
  const quotations: QuotationResult[] = [];
  const restatements: RestatementResult[] = [];
  for (const [start, end] of boundedParagraphs(masked, draftParagraphs(masked))) {
    throwIfCancelled(token);
    const slice = masked.slice(start, end);
    let a = cache.get(scope + slice);
    if (!a) {
      a = analyzeParagraph(ci, lang, slice, excluded);
      cache.set(scope + slice, a);
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

// ---- draft structure --------------------------------------------------------------

/** How much of a draft's start is read to tell its language. */
const LANGUAGE_SAMPLE = 4000;

/**
 * The pack a draft is read with: the language its front matter declares (`lang`, `language`
 * or `locale`), else the language of its own words (lang/detect.ts) with its quotations left
 * out, since an English draft may quote a French source; English when neither says.
 */
export function draftLanguage(text: string, masked = maskDraft(text)): LanguagePack {
  const fm = FRONT_MATTER.exec(text);
  const declared = fm ? /^(?:lang|language|locale):[ \t]*["']?([^"'\r\n]*?)["']?[ \t]*$/m.exec(fm[1])?.[1] : undefined;
  const code = declared ? readLanguage({ lang: declared }) : undefined;
  if (code) return packFor(code);
  const sample = masked.slice(0, LANGUAGE_SAMPLE);
  // Typing after the sample, and each slice of a sliced check, reads the same sample: told once.
  if (lastSample?.text === sample) return lastSample.lang;
  let own = sample;
  for (const q of quotationsIn(sample)) own = own.slice(0, q.innerStart) + ' '.repeat(q.innerEnd - q.innerStart) + own.slice(q.innerEnd);
  const lang = packFor(detectLanguage(own) ?? detectLanguage(sample));
  // A copy, so that the memo never keeps a whole draft alive (paragraphCache.ts).
  lastSample = { text: copyString(sample), lang };
  return lang;
}

let lastSample: { readonly text: string; readonly lang: LanguagePack } | undefined;

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * What is not a claim about the sources becomes spaces (same offsets, no words): the draft's
 * front matter and its own title (its first heading, or a heading that repeats the front
 * matter's title), comments and plain-text directive lines (suppression directives). So do
 * Markdown's backslash escapes (`2\+2`, `\$2 billion`, `\*reduce\*`): the drafter sees the
 * character after.
 */
function maskDraft(text: string): string {
  const uncommented = maskLineDirectives(maskTitle(text.includes('<!--') ? text.replace(/<!--[\s\S]*?-->/g, m => m.replace(/[^\r\n]/g, ' ')) : text));
  return uncommented.includes('\\') ? uncommented.replace(/\\(?=[!-/:-@[-`{-~])/g, ' ') : uncommented;
}

const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');

/** The YAML front matter (`---` … `---` at the very start) and the draft's own title heading, blanked. */
export function maskTitle(text: string): string {
  let out = text;
  let title: string | undefined;
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    title = /^title:[ \t]*["']?(.*?)["']?[ \t]*$/m.exec(fm[1])?.[1];
    out = blank(fm[0]) + text.slice(fm[0].length);
  }
  // The first heading before any other text, and any heading repeating the front matter's title.
  const norm = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();
  let seenText = false;
  const lines = out.split(/(?<=\n)/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) continue;
    const h = /^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*\r?\n?$/.exec(line);
    if (h && (!seenText || (title !== undefined && norm(h[1]) === norm(title)))) lines[i] = blank(line);
    seenText = true;
  }
  return lines.join('');
}
