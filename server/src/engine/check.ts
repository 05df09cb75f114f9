/**
 * The checks: misquotes and contradictions of the sources.
 *
 * A draft is split into paragraphs (blank-line separated); each paragraph is checked on
 * its own and its findings are cached by text (per index, bounded by bytes: paragraphCache.ts), so that after an
 * edit only the changed paragraphs are re-checked. Within a paragraph:
 *  - quotations (double, single, typographic, Markdown block quotes) are aligned word by
 *    word with the source passage they quote; any difference is a `misquote`;
 *  - every sentence is matched against the source sentences it may restate (a shortlist
 *    from an inverted word index, then an IDF-weighted coverage score); a restatement
 *    that changes a figure, an actor, the polarity, the strength of a commitment, the
 *    direction of an action, an official name or a specific term is flagged.
 * Precision first: each rule fires only on a specific, explainable difference.
 */
import { align, blocksOf, type Alignment, type Block } from './align';
import { throwIfCancelled, type CancellationToken } from './cancellation';
import { checkIndexOf, namePhrases, type CheckIndex, type NamePhrase, type SourceSentence } from './checkIndex';
import { isStopKey, stem, wordsOf, type Word } from './checkText';
import type { CorpusIndex } from './corpusIndex';
import { findFigures, type Figure } from './figures';
import { Codes, type Finding, type FindingKind } from './findings';
import { normalizeText } from './normalize';
import { paragraphCache } from './paragraphCache';
import { boundedParagraphs } from './draftPieces';
import { applySuppressions } from './suppress';
import type { Paragraph, SourceDocument } from './types';

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

/** A quotation found in a draft, and what it was matched to. */
export interface QuotationResult {
  readonly start: number;
  readonly end: number;
  /** Inner text offsets. */
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly status: 'verbatim' | 'misquote' | 'no source';
  readonly paragraphId?: string;
}

/** A draft sentence that restates a source sentence. */
export interface RestatementResult {
  readonly start: number;
  readonly end: number;
  readonly paragraphId: string;
  readonly coverage: number;
  readonly status: 'faithful' | 'contradiction';
}

export interface ParagraphAnalysis {
  readonly findings: readonly Finding[];
  readonly quotations: readonly QuotationResult[];
  readonly restatements: readonly RestatementResult[];
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
  const findings: Finding[] = [];
  const quotations: QuotationResult[] = [];
  const restatements: RestatementResult[] = [];
  for (const [start, end] of boundedParagraphs(masked, draftParagraphs(masked))) {
    throwIfCancelled(token);
    const slice = masked.slice(start, end);
    let a = cache.get(slice);
    if (!a) {
      a = analyzeParagraph(ci, slice);
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

// ---- draft structure --------------------------------------------------------------

/**
 * Comments (suppression directives) become spaces: same offsets, no words. So do Markdown's
 * backslash escapes (`2\+2`, `\$2 billion`, `\*reduce\*`): the drafter sees the character after.
 */
function maskDraft(text: string): string {
  const uncommented = text.includes('<!--') ? text.replace(/<!--[\s\S]*?-->/g, m => m.replace(/[^\r\n]/g, ' ')) : text;
  return uncommented.includes('\\') ? uncommented.replace(/\\(?=[!-/:-@[-`{-~])/g, ' ') : uncommented;
}

function draftParagraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\r?\n[ \t]*(?:\r?\n[ \t]*)+/g;
  let from = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > from) out.push([from, m.index!]);
    from = m.index! + m[0].length;
  }
  if (from < text.length) out.push([from, text.length]);
  return out.filter(([s, e]) => /\S/.test(text.slice(s, e)));
}

interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  readonly innerStart: number;
  readonly innerEnd: number;
  /** Block quotes: the text with `>` markers blanked. */
  readonly block?: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;

/** Quotations in a paragraph: block quotes first, then inline quote pairs outside them. */
export function findQuotations(p: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const lines = [...p.matchAll(/^[ \t]*>.*$/gm)];
  for (let i = 0; i < lines.length; ) {
    const first = lines[i];
    let last = first;
    let j = i + 1;
    while (j < lines.length && lines[j].index! <= last.index! + last[0].length + 2) { last = lines[j]; j++; }
    const start = first.index!;
    const end = last.index! + last[0].length;
    const innerStart = start + first[0].indexOf('>') + 1;
    spans.push({ start, end, innerStart, innerEnd: end, block: true });
    i = j;
  }
  const inBlock = (i: number) => spans.some(s => i >= s.start && i < s.end);
  const inline: QuoteSpan[] = [];
  const taken = (i: number) => inline.some(s => i >= s.start && i < s.end);
  // Double quotes (straight and typographic).
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c !== '"' && c !== '\u201c') continue;
    if (inBlock(i) || taken(i)) continue;
    const close = c === '"' ? p.indexOf('"', i + 1) : p.indexOf('\u201d', i + 1);
    if (close < 0) continue;
    inline.push({ start: i, end: close + 1, innerStart: i + 1, innerEnd: close });
    i = close;
  }
  // Single quotes: an opening mark not preceded by a letter; a closing mark not followed by one.
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c !== "'" && c !== '\u2018') continue;
    if (inBlock(i) || taken(i)) continue;
    const before = p[i - 1] ?? ' ';
    if (LETTER.test(before) || !LETTER.test(p[i + 1] ?? '')) continue;
    let close = -1;
    for (let k = i + 1; k < p.length; k++) {
      const d = p[k];
      if (d === '\n' && /\n[ \t]*\n/.test(p.slice(k, k + 3))) break;
      if ((d === "'" || d === '\u2019') && !LETTER.test(p[k + 1] ?? '') && /\S/.test(p[k - 1])) {
        // `peoples' culture`: a plural possessive is followed by a space and a lower-case word; keep looking if a later mark closes.
        if (/s$/.test(p[k - 1]) && /^\s+[a-z]/.test(p.slice(k + 1, k + 4)) && p.indexOf(d, k + 1) > 0) continue;
        close = k;
        break;
      }
    }
    if (close < 0) continue;
    inline.push({ start: i, end: close + 1, innerStart: i + 1, innerEnd: close });
    i = close;
  }
  return [...spans, ...inline].sort((a, b) => a.start - b.start);
}

/** Sentence ranges of a paragraph (list items and headings are their own sentences). */
export function draftSentences(p: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  const push = (e: number) => {
    let s = from;
    while (s < e && /\s/.test(p[s])) s++;
    if (e > s) out.push([s, e]);
    from = e;
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\n') {
      const rest = p.slice(i + 1, i + 8);
      if (/^[ \t]*(?:[-*+]\s|\d+[.)]\s|#)/.test(rest) || /:\s*$/.test(p.slice(from, i)) || /^#/.test(p.slice(from, i).trim())) push(i);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let k = i + 1;
    while (k < p.length && /["”’')\]]/.test(p[k])) k++;
    if (k < p.length && !/\s/.test(p[k])) continue;
    let n = k;
    while (n < p.length && /\s/.test(p[n])) n++;
    if (n < p.length && !/[A-Z0-9"“‘'(\[*-]/.test(p[n])) continue;
    if (c === '.' && /(?:\b[A-Z]\.[A-Z]|\b(?:Mr|Ms|Mrs|Dr|St|No|Jr|Sr|vs|e\.g|i\.e|U\.S|U\.N))$/.test(p.slice(Math.max(0, i - 6), i))) continue;
    if (c === '.' && /\b[A-Z]$/.test(p.slice(Math.max(0, i - 2), i)) && /\s[A-Z]\.$/.test(p.slice(Math.max(0, i - 3), i + 1))) continue;
    push(k);
  }
  if (from < p.length) push(p.length);
  return out;
}

// ---- paragraph analysis -------------------------------------------------------------

function analyzeParagraph(ci: CheckIndex, p: string): ParagraphAnalysis {
  const findings: Finding[] = [];
  const quotations: QuotationResult[] = [];
  const restatements: RestatementResult[] = [];
  const quotes = findQuotations(p);
  const sourced: [number, number][] = [];
  for (const q of quotes) {
    const r = checkQuotation(ci, p, q, findings);
    quotations.push(r);
    if (r.status !== 'no source') sourced.push([q.start, q.end]);
  }
  const insideSourced = (s: number, e: number) => sourced.some(([a, b]) => s >= a && e <= b);
  for (const [s, e] of draftSentences(p)) {
    checkDocumentDates(ci, p, s, e, insideSourced, findings);
    const before = findings.length;
    const r = checkSentence(ci, p, s, e, insideSourced, findings);
    if (r) restatements.push({ ...restatement(r), status: findings.length > before ? 'contradiction' : 'faithful' });
    // A compound sentence may restate two source sentences (`…reestablish the Forum, and they
    // agreed to align…`): a clause that restates a different source sentence is checked on its own.
    const clauses = draftClauses(p, s, e);
    if (!r && clauses.length < 2) {
      // Lead-ins that match nothing (`On law enforcement, Mr. Chairman, there are no plans …`):
      // the main clause after them may restate a source sentence on its own.
      const tail = mainClause(p, s, e);
      let tr: ReturnType<typeof checkSentence>;
      if (tail) {
        const mark = findings.length;
        tr = checkSentence(ci, p, tail, e, insideSourced, findings);
        if (tr) restatements.push({ ...restatement(tr), status: findings.length > mark ? 'contradiction' : 'faithful' });
      }
      // A restatement with the drafter's comment after it (`… no later than 2040 — a timeline
      // that will shape investment`, `…, relying instead on existing channels`): its head.
      // Both at once (`Looking back, the step was the leaders' agreement to relaunch the Summit,
      // restoring solidarity with Mexico`): the head of the main clause.
      const heads = tr ? [] : [...headClauses(p, s, e).map(he => [s, he]), ...(tail ? headClauses(p, tail, e).map(he => [tail, he]) : [])];
      for (const [hs, he] of heads) {
        if (!bestSentences(ci, wordsOf(p, hs, he)).length) continue;
        const mark = findings.length;
        const hr = checkSentence(ci, p, hs, he, insideSourced, findings);
        if (hr) restatements.push({ ...restatement(hr), status: findings.length > mark ? 'contradiction' : 'faithful' });
        break;
      }
    }
    if (clauses.length < 2) continue;
    for (const [cs, ce] of clauses) {
      const top = bestSentences(ci, wordsOf(p, cs, ce))[0];
      if (!top || (r && sameSource(top.sentence, r.match))) continue;
      const mark = findings.length;
      const cr = checkSentence(ci, p, cs, ce, insideSourced, findings);
      if (cr) restatements.push({ ...restatement(cr), status: findings.length > mark ? 'contradiction' : 'faithful' });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { findings: dedupe(findings), quotations, restatements };
}

const ISSUED = /\b(?:issued|released|published|announced|adopted|signed|dated|unveiled|launched)\b|^[\s,(]*(?:of|on)?[\s,(]*$/i;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${MONTH_NAMES[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}` : iso;
}
const docTitles = new WeakMap<CheckIndex, { keys: string[]; doc: SourceDocument }[]>();
function titlesOf(ci: CheckIndex): { keys: string[]; doc: SourceDocument }[] {
  let v = docTitles.get(ci);
  if (!v) {
    v = ci.index.documents.filter(d => d.date && d.paragraphs.length).map(d => ({ keys: wordsOf(d.title.replace(/\\_/g, ' ')).map(w => w.key), doc: d })).filter(t => t.keys.filter(k => !isStopKey(k)).length >= 3);
    docTitles.set(ci, v);
  }
  return v;
}

/**
 * A source document named by its title with a date other than its own (`The Roadmap …,
 * issued … on February 24, 2021` for a Roadmap of February 23, 2021). Only a full date
 * tied to the title by an issuing word (`issued`, `released`, `of`, `on`, …) counts.
 */
function checkDocumentDates(ci: CheckIndex, p: string, s: number, e: number, insideSourced: (s: number, e: number) => boolean, out: Finding[]): void {
  const dates = findFigures(p.slice(s, e)).filter(f => f.kind === 'date');
  if (!dates.length) return;
  const words = wordsOf(p, s, e);
  const keys = words.map(w => w.key);
  for (const t of titlesOf(ci)) {
    const at = indexOfSeq(keys, t.keys);
    if (at < 0) continue;
    const titleEnd = words[at + t.keys.length - 1].end;
    // `February 2021` is right for a source of February 23, 2021: a month is a coarser date.
    if (dates.some(d => d.value === t.doc.date || (d.value.length === 7 && t.doc.date!.startsWith(d.value)))) continue;
    for (const d of dates) {
      const ds = s + d.start;
      const de = s + d.end;
      const between = ds >= titleEnd ? p.slice(titleEnd, ds) : p.slice(de, words[at].start);
      // `Released on February 24, 2021, the Roadmap …`: the issuing word before the date.
      const issuedBefore = ds < titleEnd && /^[\s,]*(?:the\s*)?$/i.test(between) && /\b(?:issued|released|published|announced|adopted|signed|dated|unveiled|launched)\s+(?:on\s+)?$/i.test(p.slice(Math.max(s, ds - 30), ds));
      if (wordsOf(between).length > 14 || !(ISSUED.test(between) || issuedBefore) || insideSourced(ds, de) || isDateline(p, ds, de)) continue;
      const para = t.doc.paragraphs.find(x => findFigures(x.text).some(f => f.kind === 'date' && f.value === t.doc.date)) ?? t.doc.paragraphs[0];
      const dg = findFigures(para.text).find(f => f.kind === 'date' && f.value === t.doc.date);
      out.push({
        code: Codes.changedFigure, category: 'contradiction', kind: 'figure', severity: 'warning', start: ds, end: de, paragraphId: para.id,
        ...(dg ? { evidence: { start: dg.start, end: dg.end } } : {}),
        message: `"${d.text}" where the source, ${flat(t.doc.title.replace(/\\_/g, ' '))}, is dated ${dg ? `"${flat(dg.text)}"` : longDate(t.doc.date!)} (${para.label}).`,
        details: { draft: d.text, source: dg?.text ?? longDate(t.doc.date!) },
      });
    }
  }
}

/**
 * A dateline (`OTTAWA, February 23, 2022 —`) says when the draft itself was issued, not
 * when a source was: the date opens its line, after at most a place name, and a dash or
 * the end of the line follows.
 */
function isDateline(p: string, ds: number, de: number): boolean {
  const lineStart = p.lastIndexOf('\n', ds - 1) + 1;
  const before = p.slice(lineStart, ds);
  const after = p.slice(de, de + 4);
  return /^[\s>*_#-]*(?:\p{Lu}[\p{L}.'’ -]*,\s*)?$/u.test(before) && /^(?:\s*[—–-]|\s*\r?\n|\s*$)/.test(after);
}

function indexOfSeq(hay: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function restatement(r: { start: number; end: number; paragraphId: string; coverage: number }): Omit<RestatementResult, 'status'> {
  return { start: r.start, end: r.end, paragraphId: r.paragraphId, coverage: r.coverage };
}

function sameSource(a: SourceSentence, b: SourceSentence): boolean {
  return a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;
}

/** Where a coordinating conjunction opens a new clause with its own subject. */
// A clause opens at a conjunction before a subject, or at `, and` before a second verb of the
// same subject (`…directed officials to explore a task force, and agreed to expand support …`).
// A colon before a subject ends a lead-in (`Great news for North America: the leaders agreed …`).
const CLAUSE_BREAK = /(?:(?:,\s*|;\s*|\s+)(?:and|but|while|whereas)\s+|:\s+)(?=(?:they|we|he|she|both|the (?:two )?leaders|(?:the )?(?:president|prime minister)|canada|the united states|the u\.s\.)\b)|,\s*and\s+(?=(?:also\s+)?(?:agreed|committed|reaffirmed|affirmed|pledged|promised|decided|directed|discussed|welcomed|recognized|emphasized|expressed|noted|condemned|launched|will)\b)|;\s+/gi;

/** The clauses of a draft sentence `p[s, e)` that each have a subject of their own (at least two, or none). */
export function draftClauses(p: string, s: number, e: number): [number, number][] {
  const text = p.slice(s, e);
  const out: [number, number][] = [];
  let from = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    out.push([s + from, s + m.index!]);
    from = m.index! + m[0].length;
  }
  if (!out.length) return [];
  out.push([s + from, e]);
  return out.filter(([a, b]) => wordsOf(p, a, b).filter(w => !isStopKey(w.key)).length >= 3);
}

/**
 * The clause after the lead-in phrases of a draft sentence: the text after the last comma in
 * its first half, if at least four content words follow. `undefined` if there is none.
 */
function mainClause(p: string, s: number, e: number): number | undefined {
  const text = p.slice(s, e);
  let at = -1;
  // A comma, or `that` before a subject (`Alaskans should know that the leaders committed …`).
  // A copula before a party's act (`the most symbolic step was the leaders’ agreement to …`).
  for (const m of text.matchAll(/,\s+|\bthat\s+(?=(?:they|both|the (?:two )?leaders|(?:the )?(?:president|prime minister)|canada|the united states|the u\.s\.)\b)|\b(?:was|is|were|are)\s+(?=(?:the (?:two )?leaders|(?:the )?(?:president|prime minister)|canada|the united states|the u\.s\.)['’])/gi)) {
    if (m.index! > text.length / 2) break;
    at = m.index! + m[0].length;
  }
  if (at < 0 || wordsOf(p, s + at, e).filter(w => !isStopKey(w.key)).length < 4) return undefined;
  return s + at;
}

/**
 * Ends of the heads of a draft sentence `p[s, e)`: the text before a comma, semicolon, dash or
 * parenthesis, longest first, at most three, each with at least four content words.
 */
function headClauses(p: string, s: number, e: number): number[] {
  const out: number[] = [];
  for (const m of p.slice(s, e).matchAll(/\s*(?:[,;(]|\s[-–—]\s|[–—])/g)) {
    const end = s + m.index!;
    if (wordsOf(p, s, end).filter(w => !isStopKey(w.key)).length >= 4) out.push(end);
  }
  return out.reverse().slice(0, 3);
}

/** One finding per place: a later finding overlapping an earlier one of the same category is dropped. */
function dedupe(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (out.some(g => g.category === f.category && f.start < g.end && g.start < f.end && (g.code === f.code || f.kind === 'wording' || f.kind === 'name'))) continue;
    out.push(f);
  }
  return out;
}

// ---- quotations ---------------------------------------------------------------------

const ATTRIBUTION = /\b(?:leaders?|roadmap|president|prime minister|biden|trudeau|statement|readout|white house|said|says|wrote|writes|according|stated|declared|announced)\b/i;

function quoteWords(p: string, q: QuoteSpan): { words: Word[]; skipAt: Set<number>; segments: number } {
  // Editorial brackets attached to a word (`[T]hey`) vanish; bracketed insertions are skipped.
  let t = p;
  const inserts: [number, number][] = [];
  for (const m of p.slice(q.innerStart, q.innerEnd).matchAll(/\[([^\]\n]*)\]/g)) {
    const s = q.innerStart + m.index!;
    const e = s + m[0].length;
    const attached = LETTER.test(p[e] ?? '') || LETTER.test(p[s - 1] ?? '');
    if (attached && m[1].length <= 2) t = t.slice(0, s) + '\u200b' + m[1] + '\u200b' + t.slice(e);
    else inserts.push([s, e]);
  }
  if (q.block) t = t.slice(0, q.innerStart) + t.slice(q.innerStart, q.innerEnd).replace(/^([ \t]*)>/gm, '$1 ') + t.slice(q.innerEnd);
  const all = wordsOf(t, q.innerStart, q.innerEnd);
  const words = all.filter(w => !inserts.some(([s, e]) => w.start >= s && w.start < e));
  const gaps = [...p.slice(q.innerStart, q.innerEnd).matchAll(/\.\.\.|\u2026/g)].map(m => q.innerStart + m.index!);
  for (const [s] of inserts) gaps.push(s);
  const skipAt = new Set<number>();
  for (const g of gaps) {
    let last = -1;
    words.forEach((w, i) => {
      if (w.end <= g) last = i;
    });
    if (last >= 0) skipAt.add(last);
  }
  return { words, skipAt, segments: gaps.length + 1 };
}

/**
 * The `limit` paragraphs sharing the most IDF weight with `keys`, best first (ties in the
 * order first met). Scores accumulate in a per-index scratch array rather than a Map, and the
 * top few are kept by insertion instead of sorting every touched paragraph: on a large corpus
 * common words touch thousands of paragraphs per draft sentence.
 */
function shortlist(ci: CheckIndex, keys: readonly string[], limit: number): { pi: number; score: number; total: number }[] {
  const { scores, touched } = scratchOf(ci);
  let nt = 0;
  let total = 0;
  for (const k of new Set(keys)) {
    if (isStopKey(k)) continue;
    const idf = ci.idf(k);
    total += idf;
    const list = ci.postings.get(k);
    if (!list || list.length > 2000) continue;
    for (const pi of list) {
      if (scores[pi] === 0) touched[nt++] = pi;
      scores[pi] += idf;
    }
  }
  const top: { pi: number; score: number; total: number }[] = [];
  for (let i = 0; i < nt; i++) {
    const pi = touched[i];
    const score = scores[pi];
    scores[pi] = 0;
    if (top.length >= limit && score <= top[top.length - 1].score) continue;
    let at = top.length;
    while (at > 0 && top[at - 1].score < score) at--;
    top.splice(at, 0, { pi, score, total });
    if (top.length > limit) top.pop();
  }
  return top;
}

const scratch = new WeakMap<CheckIndex, { scores: Float64Array; touched: Int32Array }>();
function scratchOf(ci: CheckIndex): { scores: Float64Array; touched: Int32Array } {
  let v = scratch.get(ci);
  if (!v) scratch.set(ci, (v = { scores: new Float64Array(ci.index.paragraphs.length), touched: new Int32Array(ci.index.paragraphs.length) }));
  return v;
}

function checkQuotation(ci: CheckIndex, p: string, q: QuoteSpan, out: Finding[]): QuotationResult {
  const base = { start: q.start, end: q.end, innerStart: q.innerStart, innerEnd: q.innerEnd };
  const { words, skipAt } = quoteWords(p, q);
  if (words.length < 3) return { ...base, status: 'no source' };
  const keys = words.map(w => w.text);
  let best: { al: Alignment; pi: number } | undefined;
  for (const c of shortlist(ci, words.map(w => w.key), 6)) {
    const src = ci.paragraphWords[c.pi].map(w => w.text);
    const al = align(keys, src, { skipAt });
    if (!best || al.score > best.al.score) best = { al, pi: c.pi };
  }
  if (!best || best.al.matches < Math.max(3, Math.ceil(words.length * 0.6))) {
    const ctx = p.slice(Math.max(0, q.start - 200), q.start) + p.slice(q.end, q.end + 80);
    if (words.length >= 6 && ATTRIBUTION.test(ctx)) {
      out.push({
        code: Codes.unsourcedQuote,
        category: 'unsupported',
        kind: 'unsourced',
        severity: 'information',
        start: q.start,
        end: q.end,
        message: 'This quotation is attributed to the leaders or the sources, but no indexed source contains it.',
        paragraphId: '',
      });
    }
    return { ...base, status: 'no source' };
  }
  const para = ci.index.paragraphs[best.pi];
  const srcWords = ci.paragraphWords[best.pi];
  const blocks = blocksOf(best.al, skipAt);
  if (!blocks.length) return { ...base, status: 'verbatim', paragraphId: para.id };
  const evidence = { start: srcWords[best.al.bFrom].start, end: srcWords[best.al.bTo].end };
  const fix =
    skipAt.size === 0
      ? { title: 'Replace with the official wording', start: words[0].start, end: words[words.length - 1].end, newText: para.text.slice(evidence.start, evidence.end) }
      : undefined;
  const many = blocks.length > 3;
  const pieces = blocks.map(b => describeBlock(p, words, para.text, srcWords, b));
  const emit = (start: number, end: number, message: string, kind: FindingKind) =>
    out.push({ code: Codes.misquote, category: 'misquote', kind, severity: 'warning', start, end, message, paragraphId: para.id, evidence, ...(fix ? { fix } : {}) });
  if (many) {
    emit(q.start, q.end, `Misquotes ${para.label}: ${pieces.map(x => x.text).join('; ')}.`, 'wording');
  } else {
    for (const piece of pieces) emit(piece.start, piece.end, `Misquotes ${para.label}: ${piece.text}.`, piece.kind);
  }
  return { ...base, status: 'misquote', paragraphId: para.id };
}

function describeBlock(p: string, words: readonly Word[], srcText: string, srcWords: readonly Word[], b: Block): { start: number; end: number; text: string; kind: FindingKind } {
  const dText = b.a.length ? p.slice(words[b.a[0]].start, words[b.a[b.a.length - 1]].end) : '';
  const sText = b.b.length ? srcText.slice(srcWords[b.b[0]].start, srcWords[b.b[b.b.length - 1]].end) : '';
  const kind: FindingKind = /\d/.test(dText + sText) ? 'figure' : 'wording';
  if (b.a.length && b.b.length) {
    return { start: words[b.a[0]].start, end: words[b.a[b.a.length - 1]].end, text: `"${flat(dText)}" where the source says "${flat(sText)}"`, kind };
  }
  const beforeW = b.aBefore >= 0 ? words[b.aBefore] : undefined;
  const afterW = b.aAfter >= 0 ? words[b.aAfter] : undefined;
  if (b.a.length) {
    return { start: words[b.a[0]].start, end: words[b.a[b.a.length - 1]].end, text: `adds "${flat(dText)}", which the source does not have`, kind };
  }
  const start = (beforeW ?? afterW)!.start;
  const end = (afterW ?? beforeW)!.end;
  const ctx = flat(p.slice(start, end));
  return { start, end, text: `"${ctx}" where the source says "${flat(insertAround(ctx, beforeW ? p.slice(beforeW.start, beforeW.end) : '', sText))}"`, kind };
}

function insertAround(ctx: string, before: string, missing: string): string {
  if (!before) return `${missing} ${ctx}`;
  return ctx.replace(before, `${before} ${missing}`);
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/^>\s*/, '');
}

// ---- restatements ---------------------------------------------------------------------

interface Match {
  readonly sentence: SourceSentence;
  readonly coverage: number;
}

export function bestSentences(ci: CheckIndex, words: readonly Word[]): Match[] {
  const content = [...new Set(words.map(w => w.key).filter(k => !isStopKey(k)))];
  if (content.length < 3) return [];
  // The action words a contradiction changes (`wind down` for `reestablish`, `ruled out`) and
  // references to the sources themselves (`under the Roadmap`) are rare, so heavy by IDF; they
  // say nothing about which commitment a sentence restates: they count for a match that has
  // them, never against one that does not.
  const weight = (k: string) => (NEUTRAL_KEYS.has(k) ? 0 : ci.idf(k));
  const total = content.reduce((s, k) => s + weight(k), 0);
  if (total <= 0) return [];
  const out: (Match & { neutral: number })[] = [];
  for (const c of shortlist(ci, content, 4)) {
    if (c.score < total * 0.4) continue;
    const own = ci.sentencesOf(c.pi);
    const units = [...own];
    for (let i = 0; i + 1 < own.length; i++) units.push(mergeSentences(own[i], own[i + 1]));
    // Coverage by non-actor words of each single sentence: a merged pair must add content,
    // not just a party named in the next sentence (`… the President and the Prime Minister …`).
    const substance = (s: SourceSentence) => {
      let v = 0;
      for (const k of content) if (s.content.has(k) && !(k in ACTORS) && k !== 'minister') v += ci.idf(k);
      return v;
    };
    const own1 = own.map(substance);
    for (const [ui, s] of units.entries()) {
      let shared = 0;
      let n = 0;
      let sTotal = total;
      let neutral = 0;
      for (const k of content) {
        // `the President and the Prime Minister` are in `the leaders`.
        if (!s.content.has(k) && !coveredParty(k, s)) continue;
        shared += ci.idf(k);
        if (NEUTRAL_KEYS.has(k)) {
          sTotal += ci.idf(k);
          neutral += ci.idf(k);
        }
        n++;
      }
      if (s.merged) {
        const i = ui - own.length;
        if (substance(s) <= Math.max(own1[i], own1[i + 1]) + 1e-9) continue;
      }
      const coverage = (shared / sTotal) * (s.merged ? 0.97 : 1);
      if (n >= 3 && coverage >= 0.55) out.push({ sentence: s, coverage, neutral });
    }
  }
  // Equal coverage: the sentence that also has the draft's action words (`reaffirmed … combat`).
  return out.sort((a, b) => (Math.abs(b.coverage - a.coverage) > 1e-9 ? b.coverage - a.coverage : b.neutral - a.neutral)).slice(0, 2).map(({ sentence, coverage }) => ({ sentence, coverage }));
}

const figuresBySentence = new WeakMap<SourceSentence, Figure[]>();
/** The figures of a source sentence, found once (source sentences are shared by every check). */
function sourceFigures(s: SourceSentence): Figure[] {
  let v = figuresBySentence.get(s);
  if (!v) figuresBySentence.set(s, (v = findFigures(s.paragraph.text.slice(s.start, s.end))));
  return v;
}

const sentenceParties = new WeakMap<SourceSentence, Set<string>>();
/** True if `k` names a party (or is the `minister` of `Prime Minister`) that `s` names in other words. */
function coveredParty(k: string, s: SourceSentence): boolean {
  const named = k === 'minister' || k === 'prim' ? ['CA'] : ACTORS[k];
  if (!named?.length) return false;
  let sp = sentenceParties.get(s);
  if (!sp) sentenceParties.set(s, (sp = parties(s.keys)));
  return named.every(x => sp!.has(x));
}

function mergeSentences(a: SourceSentence, b: SourceSentence): SourceSentence & { merged: true } {
  const keys = [...a.keys, ...b.keys];
  return { paragraph: a.paragraph, start: a.start, end: b.end, words: [...a.words, ...b.words], keys, content: new Set([...a.content, ...b.content]), merged: true };
}

const NEGATION = /\b(?:(?:did|does|do|will|would|has|have|had|could|can|shall|should|was|were|is|are)\s+not|not\s+to|didn't|won't|doesn't|don't|hasn't|haven't|never|no longer|neither|nor|declined to|refused to|failed to|fail(?:s|ing)? to|rejected|(?:ruled|rules|rule|ruling) out|stopped short of|stops short of|no commitment|(?:there (?:is|was) )?no (?:agreement|consensus)|without|(?:will |would )?(?:remains?|stays?) (?:dormant|inactive|suspended|shelved|on hold)|(?:is|was|remains) silent on|(?:makes?|made|contains?|contained|includes?|included) no (?:mention|reference|commitment)|(?:says?|said) nothing|(?:has|have|had) no (?:plans?|intention) (?:to|of)|no (?:plans?|intention)(?: (?:at|for) (?:this|the) (?:stage|time|moment|present))? to|(?:was|were|is|are) unable to|cannot|can't)\b(?:\s+\w+)?/gi;
/**
 * Claims that the sources leave something out: `China did not come up`, `the Roadmap sets no
 * date for net-zero emissions`, `the Roadmap is silent on critical minerals`. The claim is
 * contradicted when one source sentence has every content word of its topic (and, for a
 * date, deadline or target, a figure). A topic the sources never name draws nothing.
 */
const ABSENCE: readonly RegExp[] = [
  /^(?:[-*+]\s+|\d+[.)]\s+)?(?<topic>[^,;:.!?]{2,80}?)\s+(?<claim>(?:did not|didn't|was not|wasn't|were not|weren't|never)\s+(?:come up|get (?:discussed|raised|mentioned)|(?:discussed|raised|mentioned|addressed|covered)(?= *(?:[.;,!]|$)))|went unmentioned|(?:was|were) (?:left out|omitted|absent))/gi,
  /\b(?<claim>(?:sets?|gives?|gave|includes?|included|contains?|contained|names?|named|has|had|offers?|offered|provides?|provided)\s+no\s+(?:firm\s+|specific\s+|fixed\s+|target\s+)?(?<figure>date|deadline|target|timeline|timetable|year|figure)s?)\s+(?:for|on|of|to|regarding)\s+(?<topic>[^,;:.!?]{2,80})/gi,
  /\b(?<claim>(?:is|was|remains|are|were)\s+silent\s+(?:on|about)|(?:says?|said)\s+nothing\s+(?:on|about)|(?:makes?|made)\s+no\s+(?:mention|reference)\s+(?:of|to))\s+(?<topic>[^,;:.!?]{2,80})/gi,
];
const TOPIC_FILLER: ReadonlySet<string> = new Set('issue issues question questions topic topics matter matters subject subjects'.split(' ').map(stem));

function checkAbsenceClaims(ci: CheckIndex, p: string, s: number, e: number, add: (f: Omit<Finding, 'severity' | 'category'>) => void): void {
  const text = p.slice(s, e);
  for (const re of ABSENCE) {
    for (const m of text.matchAll(re)) {
      const g = m.groups!;
      const topicAt = s + m.index! + m[0].indexOf(g.topic);
      const keys = [...new Set(wordsOf(p, topicAt, topicAt + g.topic.length).map(w => w.key).filter(k => !isStopKey(k) && !TOPIC_FILLER.has(k) && !NEUTRAL_KEYS.has(k)))];
      if (!keys.length || keys.length > 6) continue;
      const rarest = keys.reduce((a, b) => (ci.idf(a) >= ci.idf(b) ? a : b));
      let hit: SourceSentence | undefined;
      for (const pi of ci.postings.get(rarest) ?? []) {
        hit = ci.sentencesOf(pi).find(x => keys.every(k => x.content.has(k)) && (!g.figure || sourceFigures(x).some(f => f.kind === 'year' || f.kind === 'date')));
        if (hit) break;
      }
      if (!hit) continue;
      const start = s + m.index! + m[0].indexOf(g.claim);
      const end = start + g.claim.length;
      const para = hit.paragraph;
      add({ code: Codes.negated, kind: 'negation', start, end, paragraphId: para.id, evidence: { start: hit.start, end: hit.end }, message: `The draft says the source leaves out ${flat(g.topic.trim())} ("${flat(g.claim)}"), but the source has it: "${clip(para.text.slice(hit.start, hit.end))}" (${para.label}).` });
      return;
    }
  }
}

/** Words before an action that make its object come first (`would be allowed to lapse`). */
const PASSIVE_MARKS: ReadonlySet<string> = new Set('be been being is are was were allowed allow left let'.split(' ').map(stem));
/** Verbs whose denial says a topic is absent (`did not address NORAD modernization`). */
const TOPIC_VERBS: ReadonlySet<string> = new Set('address addressed mention mentioned cover covered include included raise raised tackle tackled'.split(' ').map(stem));
/** Light verbs whose noun carries the meaning (`made any commitment`, `gave an undertaking`). */
const LIGHT_VERBS: ReadonlySet<string> = new Set('make makes made making give gives gave offer offers offered any'.split(' ').map(stem));
/** Action nouns and the ladder verbs they stand for. */
const NOMINAL_VERBS: ReadonlyMap<string, string> = new Map([['commitment', 'committed'], ['commitments', 'committed'], ['agreement', 'agreed'], ['pledge', 'pledged'], ['pledges', 'pledged'], ['promise', 'promised']].map(([n, v]) => [stem(n), stem(v)]));
/**
 * Verbs that name one act, for reading a denial (`does not bring back the Forum` denies
 * `reestablishing the Forum`). Only the denial check uses these; a restatement's own verbs
 * are compared by the strength and opposite checks.
 */
const SAME_ACT: readonly ReadonlySet<string>[] = [
  'reestablish reestablishing revive reviving restore restoring reinstate reinstating relaunch relaunching resume resuming reconvene reconvening bring resurrect',
  'launch launching establish establishing create creating start starting form forming set',
  'expand expanding extend extending broaden broadening widen widening deepen deepening increase increasing',
  'strengthen strengthening bolster bolstering reinforce reinforcing enhance enhancing improve improving',
  'protect protecting safeguard safeguarding preserve preserving defend defending',
  'implement implementing deliver delivering execute executing',
].map(g => new Set(g.split(' ').map(stem)));
const sameAct = (a: string, b: string) => a === b || SAME_ACT.some(g => g.has(a) && g.has(b));
/** True if `neg` is `plain` with a negative prefix (`illegal`/`legal`, `unfair`/`fair`, `non-binding`/`binding`). */
function negativePrefixed(neg: string, plain: string): boolean {
  if (plain.length < 4) return false;
  const m = /^(?:il|ir|im|in|un|dis|non-?)(.+)$/.exec(neg);
  return !!m && m[1] === plain;
}
/** Source negations whose verb a draft may keep while dropping them (`failing to take`). */
const DROPPABLE_NEGATION = /\b(?:fail(?:s|ed|ing)?|refus(?:es|ed|ing)?|declin(?:es|ed|ing)?)\s+to\s+\w+|\b(?:will|would|did|does|do|should|can|could)\s+not\s+\w+/gi;
/** General nouns that frame a thing rather than name it (`the idea of`, `the possibility of`). */
const FRAME_NOUNS: ReadonlySet<string> = new Set('idea ideas concept notion possibility prospect prospects option options proposal question matter issue subject goal aim potential'.split(' ').map(stem));
/** True if a party's name starts at `keys[i]` (`Canada`, `Prime Minister`, `President Biden`). */
function namesParty(keys: readonly string[], i: number): boolean {
  return (keys[i] in ACTORS || keys[i] === 'prim') && namedParties([keys[i], keys[i + 1] ?? '']).size > 0;
}
/** True if `keys[i]` follows a preposition: an object (`approaches to China`), not a subject. */
function afterPreposition(keys: readonly string[], i: number): boolean {
  return /^(?:to|with|on|for|against|from|of|toward|towards|about|regarding|by)$/.test(keys[i - 1] ?? '');
}
/** General words for a group of people or institutions. */
const GROUP_NOUNS: ReadonlySet<string> = new Set('body bodies organization organizations organisation organisations institution institutions agency agencies entity entities group groups partner partners authority authorities'.split(' ').map(stem));
/** Verbs of leaving out: denied, they affirm (`Mexico was not forgotten`). */
const NEGATIVE_VERBS: ReadonlySet<string> = new Set('forget forgot forgotten ignore ignored neglect neglected overlook overlooked omit omitted exclude excluded abandon abandoned sideline sidelined lose lost'.split(' ').map(stem));
/** Adverbs between a negation and its verb (`did not itself create`). */
const NEGATED_VERB_SKIP = new Set(['itself', 'themselves', 'yet', 'ever', 'directly', 'formally', 'actually', 'immediately', 'jointly', 'together', 'to']);

const LADDER_WORDS: readonly [number, string][] = [
  [1, 'discuss discussed discussing review reviewed recognize recognized recognise recognised consider considered explore explored exploring noted note talked talk looked look acknowledge acknowledged acknowledging welcome welcomed examine examined highlight highlighted study studied'],
  [2, 'reaffirm reaffirmed emphasize emphasized emphasise emphasised affirm affirmed reiterate reiterated express expressed underscore underscored aim aimed aims intend intended'],
  [3, 'agree agreed decide decided'],
  [4, 'commit committed pledge pledged promise promised'],
  [5, 'create created establish established launch launched relaunch relaunched implement implemented impose imposed adopt adopted enact enacted reconvene reconvened restart restarted guarantee guaranteed introduce introduced legislate legislated'],
];
const LADDER: Readonly<Record<string, number>> = Object.fromEntries(LADDER_WORDS.flatMap(([l, ws]) => ws.split(' ').map(w => [stem(w), l])));
/** The key of `towards`/`toward` (keys are stems). */
const TOWARD = stem('towards');
const CONCERN = stem('concern');
/** Verbs that turn the action after them into its opposite (`avoid cooperating`, `refrain from imposing`). */
const AVOID: ReadonlySet<string> = new Set('avoid avoided avoiding refrain refrained cease ceased stop stopped halt halted shun shunned forgo forgoing'.split(' ').map(stem));
const HEDGES = new Set('discuss review consider explore look talk examine study'.split(' ').map(stem));
const LEVEL_NAMES = ['', 'discussed', 'reaffirmed', 'agreed', 'committed', 'acted'];

const stemAll = (ws: string) => ws.split(',').map(w => w.trim().split(' ').map(stem).join(' '));
const OPPOSITES: readonly [string[], string[]][] = [
  ['strengthen, bolster, reinforce, enhance, improve', 'weaken, undermine, diminish, limit, reduce, scale back, scale down, worsen, curtail, wind down, dismantle, abandon, phase out, downgrade, pare back, cut back, rein in, restrict'],
  ['expand, extend, increase, deepen, expanded, broader', 'reduce, narrow, narrower, limit, shrink, scale back, scale down, contract, curtail, decrease, cut, end, roll back, wind down, freeze, pare back, cut back, rein in, restrict'],
  ['encourage, facilitate, enable', 'discourage, hinder, impede, obstruct, prevent, block'],
  ['modernize, modernizing, renew, update, upgrade', 'phase out, dismantle, abolish, scrap, retire, lapse, wind down'],
  ['reestablish, establish, launch, relaunch, create, revive', 'wind down, dissolve, disband, abolish, scrap, close, end, suspend'],
  ['increase, raise, boost, accelerate', 'decrease, reduce, lower, slow, cut, decelerate'],
  ['rise, growth, increase, surge', 'decline, fall, drop, decrease, reduction'],
  ['ease, loosen, lift, relax', 'tighten, impose, harden'],
  ['support, protect, safeguard, promote', 'oppose, harm, undermine, weaken, threaten'],
  ['reduce, counter, combat, address', 'increase, encourage, expand'],
  ['cooperate, cooperating, collaborate, collaborating, partner, partnering', 'confront, confronting, isolate, isolating, oppose, opposing, shun, shunning'],
  ['accelerate, accelerated, accelerating, rapid, rapidly, swift, swiftly', 'gradual, gradually, slow, slower, slowed, delayed, phased, incremental'],
  ['roll back, rolled back, erode, eroded, reverse, reversed, undo, undone, set back, wipe out, wiped out', 'accelerate, accelerated, advance, advanced, boost, boosted, build on, built on, consolidate, consolidated, cement, cemented, extend, extended'],
].map(([x, y]) => [stemAll(x), stemAll(y)] as [string[], string[]]);
const OVERSTATE_OBJECT: readonly [string[], string[]][] = [[stemAll('reduce, address, counter, combat, tackle, control'), stemAll('eliminate, eradicate, end, ban, abolish')]];

/** Keys that do not count for or against a restatement match (see `bestSentences`). */
const NEUTRAL_KEYS: ReadonlySet<string> = new Set([
  ...OPPOSITES.flatMap(([x, y]) => [...x, ...y].flatMap(w => w.split(' '))),
  ...Object.keys(LADDER),
  ...'roadmap rule ruled declin refus reject wind down mention silent nothing neither nor never made make without remain dormant inactive shelved'.split(' ').map(stem),
  ...AVOID,
]);

// Written as stems; passed through `stem` again so that a change to the stemmer cannot leave a
// key unreachable (`vice` is keyed `vic`).
const ACTORS: Readonly<Record<string, string[]>> = Object.fromEntries(Object.entries({
  us: ['US'], president: ['US'], biden: ['US'], washington: ['US'], american: [],
  canada: ['CA'], canadian: ['CA'], prim: ['CA'], trudeau: ['CA'], ottawa: ['CA'],
  leader: ['US', 'CA'], both: ['US', 'CA'], two: ['US', 'CA'], countri: ['US', 'CA'], they: ['US', 'CA'],
  harri: ['VP'], vice: ['VP'], mexico: ['MX'], mexican: ['MX'], brazil: ['BR'], china: ['CN'], russia: ['RU'], japan: ['JP'], france: ['FR'], germani: ['DE'], india: ['IN'],
  ukrain: ['UA'], australia: ['AU'], kingdom: ['UK'], britain: ['UK'], europ: ['EU'],
}).map(([k, v]) => [stem(k), v]));

/** Words for office holders: who a commitment directs (`Ministers of …`, `officials`). */
const OFFICES: ReadonlySet<string> = new Set('minister ministers secretary secretaries adviser advisers advisor advisors ambassador ambassadors official officials cabinet envoy envoys'.split(' ').map(stem));

/**
 * An office word with its department words: one or two plain words before it (`trade ministers`)
 * and an `of` phrase of capitalised words after it, which may join further offices
 * (`Ministers of Foreign Affairs and National Defence and Secretaries of State and Defense`).
 * `from`/`to` bound the phrase; `mods` are its keys other than the office word and stop words.
 */
function officePhrase(keys: readonly string[], texts: readonly string[], i: number): { from: number; to: number; mods: string[] } {
  let from = i;
  while (from > i - 2 && from > 0 && !isStopKey(keys[from - 1]) && !/['’]/.test(texts[from - 1]) && parties([keys[from - 1]]).size === 0 && !(keys[from - 1] in LADDER)) from--;
  // `and asked officials`: a verb, not a department, unless a determiner shows it is an adjective (`the elected officials`).
  if (from < i && texts.slice(from, i).some(t => /(?:ed|ing)$/i.test(t)) && !/^(?:the|their|its|our|his|her|a|an|both|two|all)$/.test(keys[from - 1] ?? '')) from = i;
  let to = i;
  if (keys[i + 1] === 'of') {
    let k = i + 2;
    while (k < keys.length && (/^\p{Lu}/u.test(texts[k]) || ((keys[k] === 'and' || keys[k] === 'of') && /^\p{Lu}/u.test(texts[k + 1] ?? '')))) k++;
    if (k > i + 2) to = k - 1;
  }
  const mods: string[] = [];
  for (let k = from; k <= to; k++) if (k !== i && !isStopKey(keys[k])) mods.push(keys[k]);
  return { from, to, mods };
}

/**
 * The parties named at the opening of a sentence, before its verb (`Prime Minister Trudeau`,
 * `The President and the Prime Minister`): words that name a party, stop words and
 * capitalised words, at most eight. `start`/`end` bound the party words.
 */
function subjectOf(texts: readonly string[], keys: readonly string[]): { parties: Set<string>; start: number; end: number } {
  let end = 0;
  let start = -1;
  for (let i = 0; i < keys.length && i < 8; i++) {
    const k = keys[i];
    const isParty = parties([k, keys[i + 1] ?? '']).size > 0 || k === 'minister';
    // `Canada's plan`, `the President's aim`: a possessive opens no subject.
    if (isParty && /['’]s?$/.test(texts[i])) break;
    if (isParty) {
      if (start < 0) start = i;
      end = i + 1;
      continue;
    }
    // Capitalised words belong to a subject already begun (`President Joe Biden`), not before one
    // (`Acknowledging Canada's plan, the President …`: no subject found).
    if (isStopKey(k) || (start >= 0 && /^\p{Lu}/u.test(texts[i]) && !(k in LADDER))) continue;
    break;
  }
  return { parties: start < 0 ? new Set() : parties(keys.slice(start, end)), start: Math.max(0, start), end };
}

/**
 * True if `keys[from, to)` names the group, or one of `other` as an actor rather than an owner
 * (`Canada’s plan` is an owner; `and the Prime Minister reaffirmed` an actor).
 */
function coActorIn(keys: readonly string[], texts: readonly string[], from: number, to: number, other: readonly string[]): boolean {
  for (let i = from; i < to; i++) {
    const k = keys[i];
    if (GROUP_PARTIES.has(k)) return true;
    if ((ACTORS[k] ?? []).some(x => other.includes(x)) && !/['’]s?$/.test(texts[k === 'prim' ? i + 1 : i] ?? '')) return true;
  }
  return false;
}

const GROUP_PARTIES: ReadonlySet<string> = new Set(['leader', 'both', 'two', 'countri', 'they']);
/** The parties named one by one: `the leaders`, `both` (or the `Leaders’` of a summit's name) name neither side alone. */
function namedParties(keys: readonly string[]): Set<string> {
  return parties(keys.filter(k => !GROUP_PARTIES.has(k)));
}

function parties(keys: readonly string[]): Set<string> {
  const s = new Set<string>();
  keys.forEach((k, i) => {
    if (k === 'two' && !/^(?:leader|countri)$/.test(keys[i + 1] ?? '')) return;
    if (k === 'prim' && keys[i + 1] !== 'minister') return;
    for (const x of ACTORS[k] ?? []) s.add(x);
  });
  return s;
}

const ACTOR_ONLY_NAME = new Set(['president', 'prim', 'prime', 'deputi', 'minister', 'biden', 'trudeau', 'joe', 'justin', 'us', 'canada', 'mexico', 'leader', 'the', 'and', 'of']);

function checkSentence(
  ci: CheckIndex,
  p: string,
  s: number,
  e: number,
  insideSourced: (s: number, e: number) => boolean,
  out: Finding[],
): { start: number; end: number; paragraphId: string; coverage: number; match: SourceSentence } | undefined {
  const words = wordsOf(p, s, e);
  const matches = bestSentences(ci, words);
  const add = (f: Omit<Finding, 'severity' | 'category'> & { severity?: Finding['severity']; category?: Finding['category'] }) => {
    if (insideSourced(f.start, f.end)) return;
    out.push({ severity: 'warning', category: 'contradiction', ...f } as Finding);
  };
  checkNames(ci, p, s, e, matches, add);
  checkAbsenceClaims(ci, p, s, e, add);
  if (!matches.length) return undefined;
  const m = matches[0];
  const src = m.sentence;
  const para = src.paragraph;
  const srcText = para.text.slice(src.start, src.end);
  const label = para.label;
  const evidence = { start: src.start, end: src.end };
  const draftKeys = words.map(w => w.key);
  const al = align(draftKeys, src.keys, { local: true });
  const blocks = blocksOf(al);
  // The words just outside a local alignment are compared too: a changed subject
  // (`Prime Minister Trudeau condemned` for `President Biden condemned`) sits there.
  // The windows are aligned end to end, so that a word both sides share (`acknowledged
  // the United States'` for `acknowledging Canada's`) anchors the change between them.
  if (al.aTo >= al.aFrom) {
    const k = 5;
    const la = range(Math.max(0, al.aFrom - k), al.aFrom);
    const lb = range(Math.max(0, al.bFrom - k), al.bFrom);
    if (la.length && lb.length) blocks.unshift(...windowBlocks(draftKeys, src.keys, la, lb, -1, al.aFrom));
    const ra = range(al.aTo + 1, Math.min(words.length, al.aTo + 1 + k));
    const rb = range(al.bTo + 1, Math.min(src.keys.length, al.bTo + 1 + k));
    if (ra.length && rb.length) blocks.push(...windowBlocks(draftKeys, src.keys, ra, rb, al.aTo, -1));
  }
  const base = { paragraphId: para.id, evidence };
  // Surface forms (keys are lower-case stems): capitals and possessives are read from these.
  const dTexts = words.map(w => p.slice(w.start, w.end));
  const sTexts = src.words.map(w => para.text.slice(w.start, w.end));
  const dSlice = (a: number[]) => (a.length ? p.slice(words[a[0]].start, words[a[a.length - 1]].end) : '');
  const sSlice = (b: number[]) => (b.length ? para.text.slice(src.words[b[0]].start, src.words[b[b.length - 1]].end) : '');

  // Figures.
  // The source figure in the same place as a draft figure: both open a substitution that
  // follows a matched word.
  const alignedFigure = (f: Figure): Figure | undefined => {
    const wi = words.findIndex(w => w.start >= f.start);
    const b = blocks.find(x => x.a[0] === wi && x.b.length && x.aBefore >= 0 && al.ops.some(o => o.t === 'eq' && o.a === x.aBefore));
    if (b) {
      const from = src.words[b.b[0]].start;
      const g = findFigures(para.text.slice(from, src.words[b.b[b.b.length - 1]].end))[0];
      return g && g.start === 0 ? { ...g, start: g.start + from, end: g.end + from } : undefined;
    }
    // Inside a figure (`2+[3]` for `2+[2]`): the source figure around the substituted word.
    const inside = words.map((w, i) => (w.start > f.start && w.end <= f.end ? i : -1)).filter(i => i >= 0);
    const ib = blocks.find(x => x.a.length && x.b.length && x.a.every(i => inside.includes(i)) && x.aBefore >= 0 && al.ops.some(o => o.t === 'eq' && o.a === x.aBefore));
    if (!ib) return undefined;
    const sw = src.words[ib.b[0]];
    const g = findFigures(para.text.slice(src.start, src.end)).map(x => ({ ...x, start: x.start + src.start, end: x.end + src.start })).find(x => x.start < sw.end && sw.start < x.end);
    return g && g.kind === f.kind ? g : undefined;
  };
  const dFigs = findFigures(p.slice(s, e)).map(f => ({ ...f, start: f.start + s, end: f.end + s }));
  const sFigs: Figure[] = matches.flatMap(x => sourceFigures(x.sentence));
  // The source figure whose lead-in the draft figure's lead-in shares: the content words since
  // the figure before it (`President … power sector in the United States by 2030` against the
  // source's `President … power sector by 2035 and the Prime Minister … electricity by 2030`).
  const srcFigs = sourceFigures(src).map(g => ({ ...g, start: g.start + src.start, end: g.end + src.start }));
  const leadIn = (text: string, figs: Figure[], f: Figure, from: number) => {
    const prev = figs.filter(g => g.end <= f.start).pop();
    return new Set(wordsOf(text, prev ? prev.end : from, f.start).map(w => w.key).filter(k => !isStopKey(k)));
  };
  const contextFigure = (f: Figure): Figure | undefined => {
    const same = srcFigs.find(g => g.kind === f.kind && g.value === f.value);
    if (!same) return undefined;
    const dl = leadIn(p, dFigs, f, s);
    const shared = (g: Figure) => [...leadIn(para.text, srcFigs, g, src.start)].filter(k => dl.has(k)).length;
    const own = shared(same);
    const other = srcFigs.filter(g => g.kind === f.kind && g.value !== f.value && !dFigs.some(d => d.kind === g.kind && d.value === g.value))
      .map(g => ({ g, n: shared(g) })).sort((a, b) => b.n - a.n)[0];
    return other && other.n >= 3 && other.n > 2 * own ? other.g : undefined;
  };
  for (const f of dFigs) {
    if (f.kind === 'count') {
      // A count compares only with a count of the same thing (`three leaders` for `two leaders`).
      const g = sFigs.find(x => x.kind === 'count' && x.unit === f.unit);
      if (g && g.value !== f.value && !sFigs.some(x => x.kind === 'count' && x.unit === f.unit && x.value === f.value)) {
        add({ code: Codes.changedFigure, kind: 'figure', start: f.start, end: f.end, ...base, message: `"${f.text}" where the source says "${g.text}" (${label}).`, details: { draft: f.text, source: g.text } });
      }
      continue;
    }
    if (sFigs.some(g => g.kind === f.kind && g.value === f.value)) {
      // The value appears in the source sentence, but in another place: `power sector by
      // 2030` where the source says `power sector by 2035 and … electricity by 2030`.
      const g = alignedFigure(f) ?? contextFigure(f);
      if (g && g.kind === f.kind && g.value !== f.value) {
        add({ code: Codes.changedFigure, kind: 'figure', start: f.start, end: f.end, ...base, message: `"${f.text}" where the source says "${g.text}" (${label}).`, details: { draft: f.text, source: g.text } });
      }
      continue;
    }
    // A source figure of the same kind that the draft does not have; failing that, the
    // figure in the same place (`a 2+3 Ministerial format` under a `2+2:` label).
    const other = sFigs.find(g => g.kind === f.kind && !dFigs.some(d => d.kind === g.kind && d.value === g.value)) ?? alignedFigure(f);
    if (!other || other.kind !== f.kind || other.value === f.value) continue;
    add({ code: Codes.changedFigure, kind: 'figure', start: f.start, end: f.end, ...base, message: `"${f.text}" where the source says "${other.text}" (${label}).`, details: { draft: f.text, source: other.text } });
  }

  // Negation.
  const srcNeg = (srcText.match(NEGATION) ?? []).length;
  const dNeg = [...p.slice(s, e).matchAll(NEGATION)];
  // Denying more than the source claimed is consistent with it: `did not create a task
  // force` where the source only `directed officials to explore the creation of` one.
  const srcLevel = Math.max(0, ...src.keys.map(k => (HEDGES.has(k) ? 1 : LADDER[k] ?? 0)));
  const deniesMore = (n: RegExpMatchArray) => {
    const after = wordsOf(p, s + n.index! + n[0].replace(/\s+\w+$/, '').length, e).map(w => w.key);
    // `Neither leader committed`: the parties named are not the verb.
    // `made any commitment`: a light verb and its noun are the noun's verb.
    const found = after.find(k => !NEGATED_VERB_SKIP.has(k) && !LIGHT_VERBS.has(k) && !isStopKey(k) && !(k in ACTORS) && k !== 'minister');
    if (found === undefined) return false;
    const verb = NOMINAL_VERBS.get(found) ?? found;
    // `was not forgotten`, `did not ignore`: two negatives affirm.
    if (NEGATIVE_VERBS.has(verb)) return true;
    // `did not address NORAD modernization`: a denial that the topic is there, which it is.
    if (TOPIC_VERBS.has(verb)) {
      const obj = after.slice(after.indexOf(found) + 1).filter(k => !isStopKey(k)).slice(0, 2);
      return !(obj.length && obj.every(k => src.keys.includes(k)));
    }
    const level = LADDER[verb];
    if (level !== undefined) return level > srcLevel;
    // Denying an act the source does not mention (`does not set a date`) is no contradiction of it.
    // An action noun is its verb (`rules out cooperation` denies `cooperating`).
    const acts = [verb, verb.replace(/(?<=t)ion$/, ''), verb.replace(/ment$/, '')];
    return !src.keys.some(k => acts.some(v => sameAct(v, k))) && !/^(?:stopped|stops|no|is|was|remains|(?:will |would )?(?:remains?|stays?) )\b/i.test(n[0]);
  };
  if (dNeg.length > srcNeg && !deniesMore(dNeg[0])) {
    const n = dNeg[0];
    const start = s + n.index!;
    const end = start + n[0].length;
    add({ code: Codes.negated, kind: 'negation', start, end, ...base, message: `The draft says "${n[0]}" where the source affirms it: "${clip(srcText)}" (${label}).` });
  }
  // A negation the source has and the draft drops, its verb kept (`countries taking strong
  // climate action` where the source says `countries failing to take strong climate action`).
  if (dNeg.length < srcNeg) {
    for (const n of srcText.matchAll(DROPPABLE_NEGATION)) {
      const from = src.start + n.index!;
      const to = from + n[0].length;
      const inNeg = range(0, src.words.length).filter(j => src.words[j].start >= from && src.words[j].end <= to);
      if (inNeg.length < 2) continue;
      const verb = inNeg[inNeg.length - 1];
      const kept = al.ops.find(o => o.t === 'eq' && o.b === verb);
      if (!kept || inNeg.slice(0, -1).some(j => al.ops.some(o => o.t === 'eq' && o.b === j))) continue;
      // The source's words just before the negation are there too: the draft restates this clause.
      if (!al.ops.some(o => o.t === 'eq' && o.b === inNeg[0] - 1 && o.a >= 0 && o.a < kept.a)) continue;
      const before = p.slice(words[Math.max(0, kept.a - 4)].start, words[kept.a].start);
      if (/\b(?:not|no|never|fail\w*|refus\w*|declin\w*|unwilling|unable)\b|n't\b/i.test(before)) continue;
      add({ code: Codes.opposite, kind: 'opposite', start: words[kept.a].start, end: words[kept.a].end, ...base, message: `"${flat(dTexts[kept.a])}" drops the source's "${flat(n[0])}" (${label}).` });
      break;
    }
  }
  // A sentence that denies the commitment has no strength to compare (`each country will decide
  // on its own …, without a coordinated approach`): the denial is the finding.
  const denied = out.some(f => f.code === Codes.negated && f.start >= s && f.end <= e);

  // Actors: a party the source sentence does not name at all, or a complete swap of parties
  // inside a substitution (`for the United States` where the source says `for Canada`).
  const sentenceParties = parties(src.keys);
  const actorFindings: Parameters<typeof add>[0][] = [];
  const sSubj = subjectOf(sTexts, src.keys);
  const sSubjParties = sSubj.parties;
  for (const b of blocks) {
    if (!b.a.length || !b.b.length) continue;
    const dp = parties(b.a.map(i => draftKeys[i]));
    if (!dp.size) continue;
    const edge = b.aBefore < 0 || b.aAfter < 0;
    const bWin = src.keys.slice(Math.max(0, b.b[0] - 2), b.b[b.b.length - 1] + 3);
    const sp = parties(b.b.map(i => src.keys[i]));
    // `the Canada-hosted Leaders’ Climate Summit` for `the US-hosted …`: the `Leaders’` of a
    // name nearby does not put Canada in the source's window when the source names one side.
    const winParties = namedParties(b.b.map(i => src.keys[i])).size ? namedParties(bWin) : parties(bWin);
    const foreign = [...dp].some(x => !sentenceParties.has(x)) && sp.size > 0;
    // The words just before the matched passage name its subject: `President Biden [reaffirmed the
    // goal for Canada …]` where the source has `the Prime Minister [reaffirmed the goal for Canada …]`.
    const subjectSlot = b.aBefore < 0 && b.aAfter === al.aFrom && b.b.length > 0 && b.b[b.b.length - 1] === al.bFrom - 1;
    // The draft's opening party is the source sentence's own subject (`The leaders discussed how
    // to address …` against `They also discussed … our approaches to China, including to address …`):
    // the window met another party of the source, not a changed subject.
    const ownSubject = sSubjParties.size > 0 && dp.size === sSubjParties.size && [...dp].every(x => sSubjParties.has(x));
    const swapped = (!edge || (subjectSlot && !ownSubject)) && sp.size > 0 && ![...dp].some(x => winParties.has(x));
    if (!foreign && !swapped) continue;
    const aw = b.a.filter(i => parties([draftKeys[i], draftKeys[i + 1] ?? '']).size || draftKeys[i] === 'minister');
    const from = aw.length ? aw[0] : b.a[0];
    const to = aw.length ? aw[aw.length - 1] : b.a[b.a.length - 1];
    actorFindings.push({ code: Codes.changedActor, kind: 'actor', start: words[from].start, end: words[to].end, ...base, message: `"${flat(dSlice(b.a))}" where the source says "${flat(sSlice(b.b))}" (${label}).` });
  }
  // The subject swapped (`Prime Minister Trudeau committed to work for their release` where
  // `President Biden condemned … and committed to work for their release`): the parties that
  // open the draft and the source sentence are disjoint, and the draft does not name the
  // source's subject at all, or names it where the source named the draft's (`with Canada`).
  {
    let dSubj = subjectOf(dTexts, draftKeys);
    // After a lead-in (`In the run-up to the Summit, the Prime Minister welcomed …`).
    for (let i = 1; !dSubj.parties.size && i < Math.min(words.length, 16); i++) {
      if (!p.slice(words[i - 1].end, words[i].start).includes(',')) continue;
      const t = subjectOf(dTexts.slice(i), draftKeys.slice(i));
      if (t.parties.size) dSubj = { parties: t.parties, start: t.start + i, end: t.end + i };
      break;
    }
    // The source's subject word for word later in the draft (`Mexico was not forgotten: the
    // leaders agreed …`): the opening party belongs to a lead-in, not to the commitment.
    const subjectKept = sSubj.parties.size > 0 && range(sSubj.start, sSubj.end).every(j => isStopKey(src.keys[j]) || al.ops.some(o => o.t === 'eq' && o.b === j && o.a >= dSubj.end));
    if (!subjectKept && dSubj.parties.size && sSubj.parties.size && ![...dSubj.parties].some(x => sSubj.parties.has(x))) {
      const restD = namedParties(draftKeys.slice(dSubj.end));
      const restS = namedParties(src.keys.slice(sSubj.end));
      const named = [...sSubj.parties].some(x => restD.has(x));
      // The source names the draft's subject later on (`welcomed the Prime Minister's aim`):
      // only a complete swap, the other side as partner in both, is a change (`President
      // Biden committed to partnering with Canada` for `The Prime Minister … with the United States`).
      const mirrored = [...dSubj.parties].some(x => restS.has(x));
      // Named as partner (`with Canada`, `and the United States`) or as owner (`the President's aim`).
      const partner = (keys: readonly string[], texts: readonly string[], from: number, who: Set<string>) => {
        for (let i = from; i < keys.length; i++) {
          if (!(keys[i] in ACTORS || keys[i] === 'prim') || ![...namedParties([keys[i], keys[i + 1] ?? ''])].some(x => who.has(x))) continue;
          const last = keys[i] === 'prim' ? i + 1 : i;
          return /^(?:with|and|between|alongside|for)$/.test(keys[i - 1] ?? '') || (/^(?:with|and|between|alongside|for)$/.test(keys[i - 2] ?? '') && keys[i - 1] === 'the') || /['’]s$/.test(texts[last] ?? '');
        }
        return false;
      };
      const swapped = named && partner(draftKeys, dTexts, dSubj.end, sSubj.parties) && partner(src.keys, sTexts, sSubj.end, dSubj.parties);
      if (mirrored ? swapped : !named) {
        const endW = words[dSubj.end - 1];
        const srcSubj = para.text.slice(src.words[0].start, src.words[sSubj.end - 1].end);
        actorFindings.push({ code: Codes.changedActor, kind: 'actor', start: words[dSubj.start].start, end: endW.end, ...base, message: `"${flat(p.slice(words[dSubj.start].start, endW.end))}" where the source says "${flat(srcSubj)}" (${label}).` });
      }
    } else if (dSubj.parties.size > 1 && sSubj.parties.size === 1 && !namedParties(draftKeys.slice(dSubj.start, dSubj.end)).size) {
      // Both credited with one side's act (`Both leaders acknowledged Canada’s plan` where `The
      // President … acknowledging Canada’s plan`): the source names no group and the other side
      // only as an owner or object, never as a co-actor.
      const other = [...dSubj.parties].filter(x => !sSubj.parties.has(x));
      const coActor = src.keys.some(k => GROUP_PARTIES.has(k)) || coActorIn(src.keys, sTexts, sSubj.end, src.keys.length, other);
      if (!coActor) {
        const endW = words[dSubj.end - 1];
        const srcSubj = para.text.slice(src.words[sSubj.start].start, src.words[sSubj.end - 1].end);
        actorFindings.push({ code: Codes.changedActor, kind: 'actor', start: words[dSubj.start].start, end: endW.end, ...base, message: `"${flat(p.slice(words[dSubj.start].start, endW.end))}" where the source credits "${flat(srcSubj)}" alone (${label}).` });
      }
    }
  }
  // The same, where the source's subject opens a clause mid-sentence (`To advance this work, the
  // President affirmed the goal for the United States … and the Prime Minister reaffirmed …`):
  // the words just before the matched passage on each side, and the other side absent from it.
  if (!actorFindings.length && al.aFrom > 0 && al.bFrom > 0 && al.aTo >= al.aFrom) {
    const la = range(Math.max(0, al.aFrom - 4), al.aFrom);
    const lb = range(Math.max(0, al.bFrom - 4), al.bFrom);
    const dLeft = la.map(i => draftKeys[i]);
    // Wide enough to hold a whole subject (`The Prime Minister and the President`, `Canada and the United States`).
    const sWide = src.keys.slice(Math.max(0, al.bFrom - 8), al.bFrom);
    const sNamed = namedParties(sWide);
    const dAll = parties(dLeft);
    // The source's party there is a subject, not an object (`our approaches to China`).
    const subjectThere = lb.some(i => namesParty(src.keys, i) && !afterPreposition(src.keys, i));
    if (subjectThere && dAll.size > 1 && !namedParties(dLeft).size && dLeft.some(k => GROUP_PARTIES.has(k)) && sNamed.size === 1 && !sWide.some(k => GROUP_PARTIES.has(k)) && namedParties(lb.map(i => src.keys[i])).size === 1) {
      const other = [...dAll].filter(x => !sNamed.has(x));
      const coActor = coActorIn(src.keys, sTexts, al.bFrom, al.bTo + 1, other);
      const di = la.filter(i => GROUP_PARTIES.has(draftKeys[i]) || draftKeys[i] in ACTORS);
      if (!coActor && di.length) {
        const sParty = lb.filter(i => namedParties([src.keys[i], src.keys[i + 1] ?? '']).size || src.keys[i] === 'minister');
        const srcSubj = sParty.length ? para.text.slice(src.words[sParty[0]].start, src.words[sParty[sParty.length - 1]].end) : sSlice(lb);
        actorFindings.push({ code: Codes.changedActor, kind: 'actor', start: words[di[0]].start, end: words[di[di.length - 1]].end, ...base, message: `"${flat(p.slice(words[di[0]].start, words[di[di.length - 1]].end))}" where the source credits "${flat(srcSubj)}" alone (${label}).` });
      }
    }
  }
  const only = /\b(?:only|alone|solely)\b/i.exec(p.slice(s, e));
  if (only) {
    const oi = words.findIndex(w => w.start >= s + only.index!);
    // `only the Prime Minister`, but `the Prime Minister alone` (the party before the word).
    const isAlone = /^alone$/i.test(only[0]);
    const after = isAlone ? words.slice(Math.max(0, oi - 3), oi).map(w => w.key) : words.slice(oi + 1, oi + 5).map(w => w.key);
    const dp = parties(after.slice(0, 3));
    // The first shared word after the named party (`committed`), not the party itself.
    const anchor = al.ops.find(o => o.t === 'eq' && o.a > oi && !isStopKey(draftKeys[o.a]) && !(draftKeys[o.a] in ACTORS) && draftKeys[o.a] !== 'minister');
    const sp = parties(anchor ? src.keys.slice(Math.max(0, anchor.b - 7), anchor.b) : src.keys.slice(0, 8));
    if (dp.size === 1 && sp.size >= 2) {
      const startW = isAlone ? words[Math.max(0, oi - 3)] : words[oi];
      const endW = isAlone ? words[oi] : words[Math.min(words.length - 1, oi + 3)];
      actorFindings.push({ code: Codes.changedActor, kind: 'actor', start: startW.start, end: endW.end, ...base, message: `The draft attributes this to one side only ("${flat(p.slice(startW.start, endW.end))}"), but the source attributes it to both: "${clip(srcText)}" (${label}).` });
    }
  }
  // `Prime Minister Trudeau, but not President Biden, agreed …` where the source has both.
  const excluded = /(?:,\s*|\b)(?:but\s+)?not\s+(?=(?:the\s+)?(?:president|prime\s+minister|canada|the\s+united\s+states|the\s+u\.s\.|u\.s\.|united\s+states)\b)/i.exec(p.slice(s, e));
  if (excluded && sentenceParties.size >= 2) {
    const xi = words.findIndex(w => w.start >= s + excluded.index! + excluded[0].length);
    const named = words.slice(xi, xi + 3);
    const np = parties(named.map(w => w.key));
    const subject = parties(words.slice(0, Math.max(0, xi - 1)).map(w => w.key));
    if (xi >= 0 && np.size === 1 && [...np].every(x => sentenceParties.has(x)) && subject.size >= 1 && ![...subject].some(x => np.has(x))) {
      const end = named.filter(w => parties([w.key, 'minister']).size || w.key === 'minister').pop() ?? named[named.length - 1];
      actorFindings.push({ code: Codes.changedActor, kind: 'actor', start: s + excluded.index! + excluded[0].search(/\S/), end: end.end, ...base, message: `The draft excludes "${flat(p.slice(named[0].start, end.end))}", but the source attributes it to both: "${clip(srcText)}" (${label}).` });
    }
  }
  // A third country brought in as a partner (`work with Mexico to protect …`) that the source
  // passage does not mention at all.
  for (const b of blocks) {
    if (!b.a.length || parties(b.b.map(i => src.keys[i])).size) continue;
    const third = b.a.find(i => parties([draftKeys[i]]).size === 1 && ![...parties([draftKeys[i]])].some(x => x === 'US' || x === 'CA'));
    if (third === undefined) continue;
    const party = [...parties([draftKeys[third]])][0];
    const paragraphKeys = new Set(wordsOf(para.text).map(w => w.key));
    if ([...paragraphKeys].some(k => (ACTORS[k] ?? []).includes(party))) continue;
    const link = draftKeys[third - 1];
    if (!/^(?:with|and|between|alongside)$/.test(link ?? '')) continue;
    actorFindings.push({ code: Codes.changedActor, kind: 'actor', start: words[third - 1].start, end: words[third].end, ...base, message: `"${flat(p.slice(words[third - 1].start, words[third].end))}" brings in a party the source does not name: "${clip(srcText)}" (${label}).` });
  }

  // The office holders changed (`their national security advisers` for `their Ministers of
  // Foreign Affairs and National Defence and Secretaries of State and Defense`): an interior
  // substitution next to an office word, whose words the source sentence does not have at all.
  // `Prime Minister` is a party (above), not an office.
  const office = (keys: readonly string[], i: number) => OFFICES.has(keys[i] ?? '') && keys[i - 1] !== 'prim';
  // The office inside the change, or just before it (`Ministers of [Finance]`), not `officials to [establish]`.
  const nearOffice = (keys: readonly string[], idx: readonly number[], before: number) => idx.some(i => office(keys, i)) || office(keys, before) || (keys[before] === 'of' && office(keys, before - 1));
  for (const b of blocks) {
    if (!b.a.length || !b.b.length || (b.aBefore < 0 && b.aAfter < 0)) continue;
    const bBefore = al.ops.find(o => o.t === 'eq' && o.a === b.aBefore)?.b ?? -1;
    if (!nearOffice(draftKeys, b.a, b.aBefore) || !nearOffice(src.keys, b.b, bBefore)) continue;
    const dContent = b.a.map(i => draftKeys[i]).filter(k => !isStopKey(k) && !OFFICES.has(k));
    const sContent = b.b.map(i => src.keys[i]).filter(k => !isStopKey(k) && !OFFICES.has(k));
    // Another office (`advisers` for `Ministers … and Secretaries`), or the same office of
    // other departments (`Ministers of Finance` for `Ministers of Foreign Affairs`).
    const otherOffice = b.a.some(i => office(draftKeys, i) && !src.keys.includes(draftKeys[i])) && b.b.some(i => office(src.keys, i));
    const otherDepartments = dContent.length > 0 && sContent.length > 0 && !dContent.some(k => src.keys.includes(k)) && !sContent.some(k => draftKeys.includes(k));
    if (!otherOffice && !otherDepartments) continue;
    actorFindings.push({ code: Codes.changedActor, kind: 'actor', start: words[b.a[0]].start, end: words[b.a[b.a.length - 1]].end, ...base, message: `"${flat(dSlice(b.a))}" where the source says "${flat(sSlice(b.b))}" (${label}).` });
  }

  // Office holders of other departments in the same frame (`directed their trade ministers to
  // meet` for `directed their Ministers of Foreign Affairs … and Secretaries of State and Defense
  // to meet`), even where the alignment skips the source's long list.
  if (!actorFindings.length) {
    for (let i = 0; i < draftKeys.length && !actorFindings.length; i++) {
      if (!office(draftKeys, i)) continue;
      const d = officePhrase(draftKeys, dTexts, i);
      const dMod = d.mods.filter(k => !OFFICES.has(k));
      if (!dMod.length || dMod.some(k => src.keys.includes(k))) continue;
      for (let j = 0; j < src.keys.length; j++) {
        if (!office(src.keys, j)) continue;
        const sp = officePhrase(src.keys, sTexts, j);
        const sMod = sp.mods.filter(k => !OFFICES.has(k));
        if (!sMod.length || sMod.some(k => draftKeys.includes(k))) continue;
        if (draftKeys[d.from - 1] !== src.keys[sp.from - 1] || draftKeys[d.to + 1] !== src.keys[sp.to + 1] || draftKeys[d.to + 1] === undefined) continue;
        actorFindings.push({ code: Codes.changedActor, kind: 'actor', start: words[d.from].start, end: words[d.to].end, ...base, message: `"${flat(p.slice(words[d.from].start, words[d.to].end))}" where the source says "${flat(src.paragraph.text.slice(src.words[sp.from].start, src.words[sp.to].end))}" (${label}).` });
        break;
      }
    }
  }

  // One swap of parties is one finding: `The President … for the United States` where the
  // source says `the Prime Minister … for Canada` is reported once, over both.
  if (actorFindings.length === 1) add(actorFindings[0]);
  else if (actorFindings.length > 1) {
    const sorted = actorFindings.sort((x, y) => x.start - y.start);
    const parts = [...new Set(sorted.map(f => f.message.replace(/ \([^()]*(?:\([^()]*\)[^()]*)*\)\.$/, '')))];
    add({ ...sorted[0], end: Math.max(...sorted.map(f => f.end)), message: `${parts.join('; ')} (${label}).` });
  }

  // Strength: the draft's governing verb against the source's.
  if (!denied) checkStrength(words, draftKeys, src, matches.map(x => x.sentence), al, m.coverage, p, label, base, add);

  // Opposites and overstated objects inside substitutions.
  for (const b of blocks) {
    if (!b.a.length || !b.b.length) continue;
    const dk = b.a.map(i => draftKeys[i]);
    const sk = b.b.map(i => src.keys[i]);
    const has = (keys: string[], list: string[]) => list.some(x => (x.includes(' ') ? keys.join(' ').includes(x.split(' ').map(w => w).join(' ')) : keys.includes(x)));
    const dPhrase = b.a.map(i => words[i].text);
    // A pair whose word both sides share (`cooperation`) is no reversal; another pair may be.
    const opp = OPPOSITES.find(([x, y]) => ((has(sk, x) && (has(dk, y) || has(dPhrase, y))) || (has(sk, y) && (has(dk, x) || has(dPhrase, x)))) && !dk.some(k => sk.includes(k) && (x.includes(k) || y.includes(k))));
    if (opp) {
      const hit = b.a.filter(i => opp[0].includes(draftKeys[i]) || opp[1].includes(draftKeys[i]) || opp[1].some(x => x.startsWith(draftKeys[i] + ' ') || x.endsWith(' ' + draftKeys[i])));
      const oa = hit.length ? hit : b.a;
      add({ code: Codes.opposite, kind: 'opposite', start: words[oa[0]].start, end: words[oa[oa.length - 1]].end, ...base, message: `"${flat(dSlice(b.a))}" reverses the source's "${flat(sSlice(b.b))}" (${label}).` });
      continue;
    }
    // A negative prefix added or dropped in the same place (`legal flows` for `illegal flows`,
    // `fair trade` for `unfair trade`).
    if (b.a.length <= 3 && b.b.length <= 3) {
      const sWords = b.b.map(i => src.words[i].text);
      const neg = b.a.find(i => sWords.some(x => negativePrefixed(words[i].text, x) || negativePrefixed(x, words[i].text)));
      if (neg !== undefined) {
        add({ code: Codes.opposite, kind: 'opposite', start: words[neg].start, end: words[neg].end, ...base, message: `"${flat(dSlice(b.a))}" reverses the source's "${flat(sSlice(b.b))}" (${label}).` });
        continue;
      }
    }
    const over = OVERSTATE_OBJECT.find(([x, y]) => has(sk, x) && has(dk, y));
    if (over) {
      add({ code: Codes.overstated, kind: 'strength', start: words[b.a[0]].start, end: words[b.a[b.a.length - 1]].end, ...base, message: `"${flat(dSlice(b.a))}" overstates the source's "${flat(sSlice(b.b))}" (${label}).` });
      continue;
    }
  }

  // An action the source takes, avoided in the draft (`would avoid cooperating with China`
  // where the source says `while cooperating with China`): the verb and its next word match.
  if (!out.some(f => f.code === Codes.opposite && f.start >= s && f.end <= e) && !src.keys.some(k => AVOID.has(k))) {
    for (let i = 0; i < draftKeys.length; i++) {
      if (!AVOID.has(draftKeys[i])) continue;
      const v = draftKeys[i + 1] === 'from' ? i + 2 : i + 1;
      if (!/ing$/.test(words[v]?.text ?? '') || isStopKey(draftKeys[v])) continue;
      const j = src.keys.findIndex((k, t) => k === draftKeys[v] && src.keys[t + 1] !== undefined && src.keys[t + 1] === draftKeys[v + 1]);
      if (j < 0) continue;
      add({ code: Codes.opposite, kind: 'opposite', start: words[i].start, end: words[v].end, ...base, message: `"${flat(p.slice(words[i].start, words[v].end))}" reverses the source's "${flat(para.text.slice(src.words[j].start, src.words[j + 1].end))}" (${label}).` });
      break;
    }
  }

  // An acronym put in place of a different official name (`modernizing NATO` for
  // `modernizing the North American Aerospace Defense Command (NORAD)`).
  for (const b of blocks) {
    if (!b.a.length || !b.b.length || b.aBefore < 0) continue;
    const acr = b.a.find(i => /^\p{Lu}[\p{Lu}\d]{2,}$/u.test(p.slice(words[i].start, words[i].end)));
    if (acr === undefined) continue;
    const dAcr = p.slice(words[acr].start, words[acr].end);
    const sText = sSlice(b.b);
    const sCaps = b.b.map(i => para.text.slice(src.words[i].start, src.words[i].end)).filter(w => /^\p{Lu}/u.test(w));
    if (sCaps.length < 2 || srcText.includes(dAcr) || sCaps.map(w => w[0]).join('') === dAcr) continue;
    add({ code: Codes.alteredName, kind: 'name', start: words[acr].start, end: words[acr].end, ...base, message: `"${dAcr}" where the source names "${flat(sText)}" (${label}).`, details: { draft: dAcr, source: sText } });
  }

  // Opposites the alignment did not pair (a reordered or merged restatement): the draft's
  // action word against the source's word just before the same object (`will decrease
  // cooperation` where the source says `will increase cooperation`).
  if (!out.some(f => f.code === Codes.opposite && f.start >= s && f.end <= e)) {
    const hit = oppositeByObject(draftKeys, src);
    if (hit) {
      const w = words[hit.di];
      const sw = src.words[hit.si];
      add({ code: Codes.opposite, kind: 'opposite', start: w.start, end: words[hit.dEnd].end, ...base, message: `"${flat(p.slice(w.start, words[hit.dEnd].end))}" reverses the source's "${flat(para.text.slice(sw.start, src.words[hit.sEnd].end))}" (${label}).` });
    }
  }

  // A specific term swapped in an otherwise faithful restatement (`solar panel` for `battery`).
  if (m.coverage >= 0.6 && blocks.length <= 5) {
    for (const b of blocks) {
      if (!b.a.length || !b.b.length || b.a.length > 3 || b.b.length > 5) continue;
      const dk = b.a.map(i => draftKeys[i]);
      const sk = b.b.map(i => src.keys[i]);
      const dw = b.a.map(i => words[i].text);
      const sw = b.b.map(i => src.words[i].text);
      const contentOnly = (ks: string[], ws: string[]) => !isStopKey(ks[0]) && !isStopKey(ks[ks.length - 1]) && ws.every(w => !/(?:ing|ly|ed)$/.test(w) && !/\d/.test(w));
      if (!contentOnly(dk, dw) || !contentOnly(sk, sw)) continue;
      // `to reach` for `to achieve`: a verb after `to` in both is an action, which the strength
      // and opposite checks judge; a swapped term is a thing named.
      if (b.aBefore >= 0 && words[b.aBefore].text.toLowerCase() === 'to' && b.b[0] > 0 && src.words[b.b[0] - 1].text.toLowerCase() === 'to') continue;
      // `exploring the idea of a facilitator` for `exploring the establishment of`: a general
      // noun framing the thing named is no swapped term.
      if (dk.some(k => FRAME_NOUNS.has(k))) continue;
      // `regional bodies` for `regional organizations`: one general word for a group for another.
      if ([...dk, ...sk].every(k => GROUP_NOUNS.has(k))) continue;
      if ([...dk, ...sk].some(k => k in LADDER || k in ACTORS || OPPOSITES.some(([x, y]) => x.includes(k) || y.includes(k)))) continue;
      if (dk.some(k => sk.includes(k) || src.keys.includes(k)) || sk.some(k => draftKeys.includes(k))) continue;
      // `treatment` for `egregious mistreatment`: one word inside the other is a softening, not a swap.
      if (dw.some(w => w.length >= 5 && sw.some(x => x.length >= 5 && (x.includes(w) || w.includes(x))))) continue;
      const leftOk = b.aBefore >= 0 && al.ops.some(o => o.t === 'eq' && o.a === b.aBefore) && !isStopKey(draftKeys[b.aBefore]) || (b.aBefore >= 1 && !isStopKey(draftKeys[b.aBefore - 1]));
      const rightOk = b.aAfter >= 0;
      if (!leftOk || !rightOk) continue;
      add({ code: Codes.alteredName, kind: 'wording', start: words[b.a[0]].start, end: words[b.a[b.a.length - 1]].end, ...base, message: `"${flat(dSlice(b.a))}" where the source says "${flat(sSlice(b.b))}" (${label}).` });
    }
  }
  return { start: s, end: e, paragraphId: para.id, coverage: m.coverage, match: src };
}

/** First words of every opposite phrase: most words start none, and are skipped at once. */
const OPPOSITE_FIRST_WORDS: ReadonlySet<string> = new Set(OPPOSITES.flatMap(([x, y]) => [...x, ...y].map(w => w.split(' ')[0])));
const phraseWords = new Map<string, string[]>();
function splitPhrase(x: string): string[] {
  let v = phraseWords.get(x);
  if (!v) phraseWords.set(x, (v = x.split(' ')));
  return v;
}

/** Where the draft's action word and the source's word before the same object are opposites. */
function oppositeByObject(dk: readonly string[], src: SourceSentence): { di: number; dEnd: number; si: number; sEnd: number } | undefined {
  const phraseAt = (keys: readonly string[], i: number, list: string[]): number => {
    // Length in words of the entry of `list` starting at `keys[i]` (0: none).
    if (!OPPOSITE_FIRST_WORDS.has(keys[i])) return 0;
    for (const x of list) {
      const xs = splitPhrase(x);
      if (xs.every((w, k) => keys[i + k] === w)) return xs.length;
    }
    return 0;
  };
  for (let i = 0; i < dk.length; i++) {
    if (!OPPOSITE_FIRST_WORDS.has(dk[i])) continue;
    for (const [x, y] of OPPOSITES) {
      for (const [mine, theirs] of [[x, y], [y, x]] as const) {
        const len = phraseAt(dk, i, mine);
        if (!len || phraseAt(dk, i, theirs)) continue;
        // The object: the next content word after the action, skipping articles.
        let o = i + len;
        while (o < dk.length && isStopKey(dk[o])) o++;
        if (o >= dk.length || o > i + len + 2) {
          // A passive (`the existing MOU … would be allowed to lapse`): the object comes first, so
          // the source's object of the opposite action must be among the draft's earlier words.
          if (!dk.slice(Math.max(0, i - 3), i).some(k => PASSIVE_MARKS.has(k)) || src.keys.includes(dk[i])) continue;
          for (let h = 0; h < src.keys.length; h++) {
            const sl = phraseAt(src.keys, h, theirs);
            if (!sl) continue;
            let so = h + sl;
            while (so < src.keys.length && (isStopKey(src.keys[so]) || OPPOSITE_FIRST_WORDS.has(src.keys[so]))) so++;
            if (so < src.keys.length && so <= h + sl + 4 && dk.slice(0, i).includes(src.keys[so])) return { di: i, dEnd: i + len - 1, si: h, sEnd: h + sl - 1 };
          }
          continue;
        }
        for (let j = 0; j < src.keys.length; j++) {
          if (src.keys[j] !== dk[o]) continue;
          // A two-word object (`refugee resettlement`) may sit further from its action
          // (`strengthen efforts in these areas, including refugee resettlement`).
          const reach = o + 1 < dk.length && !isStopKey(dk[o + 1]) && src.keys[j + 1] === dk[o + 1] ? 7 : 3;
          for (let h = j - 1; h >= Math.max(0, j - reach); h--) {
            const sl = phraseAt(src.keys, h, theirs);
            if (sl && h + sl <= j && !phraseAt(src.keys, h, mine) && !src.keys.includes(dk[i])) return { di: i, dEnd: i + len - 1, si: h, sEnd: h + sl - 1 };
          }
        }
      }
    }
  }
  return undefined;
}

function checkStrength(
  words: readonly Word[],
  draftKeys: readonly string[],
  src: SourceSentence,
  candidates: readonly SourceSentence[],
  al: Alignment,
  coverage: number,
  p: string,
  label: string,
  base: { paragraphId: string; evidence: { start: number; end: number } },
  add: (f: Omit<Finding, 'severity' | 'category'> & { severity?: Finding['severity'] }) => void,
): void {
  const isLadder = (keys: readonly string[], i: number) => {
    const k = keys[i];
    return k in LADDER && !(k === 'set' && keys[i + 1] !== 'up') && !/^(?:work|ways?|approach)$/.test(keys[i - 1] ?? '');
  };
  // A denial governs the verbs of its clause (`does not commit the leaders to relaunching`).
  const negated = (i: number) => {
    for (let j = i - 1; j >= Math.max(0, i - 7); j--) {
      if (/[,;:()]/.test(p.slice(words[j].end, words[j + 1].start))) return false;
      const k = draftKeys[j];
      if (k === 'not' || k === 'never' || k === "didn't" || k === "won't" || k === "doesn't") return true;
    }
    return false;
  };
  // `voiced their shared concern` for `discussed their shared concern`: saying a concern is discussing it.
  const voicedConcern = (i: number) => /^(?:voiced?|voicing|express(?:ed|es|ing)?)$/.test(words[i].text) && draftKeys.slice(i + 1, i + 4).includes(CONCERN);
  // Every commitment verb of the draft is compared with the source's verb for the same
  // object; the first (the main verb) falls back on the alignment. One finding per sentence,
  // an overstatement before an understatement.
  // A verb under a hedge of the draft's own (`explore creating`) is the hedge's business.
  // (`consider innovative approaches to implementing`: up to five words back).
  const hedgedInDraft = (i: number) => draftKeys.slice(Math.max(0, i - 5), i).some(k => HEDGES.has(k));
  // `the Prime Minister's aim`, `their commitment`: a noun, not the draft's verb.
  const nounUse = (i: number) => i > 0 && (/'s$|s'$/.test(words[i - 1].text) || /^(?:the|a|an|their|his|her|its|our|this|that)$/.test(words[i - 1].text));
  // `NORAD, first established in 1958`, `was launched`: a passive or a participle, not the leaders' act.
  const passive = (i: number) => i > 0 && /ed$/.test(words[i].text) && (/^(?:was|were|been|be|being|is|are|first|originally|once|long)$/i.test(words[i - 1].text) || p.slice(words[i - 1].end, words[i].start).includes(','));
  const verbs = draftKeys.map((_k, i) => i).filter(i => isLadder(draftKeys, i) && !negated(i) && !hedgedInDraft(i) && !nounUse(i) && !passive(i));
  let under: { di: number; dl: number; found: { level: number; word: string } } | undefined;
  for (const di of verbs) {
    const dl = LADDER[draftKeys[di]];
    // `reaffirmed their commitment to`: a commitment, as in the source (see sourceLevelByObject), so no understatement of one.
    const dlAtLeast = dl < 4 && words.slice(di + 1, di + 3).some(w => w.text === 'commitment') ? 4 : dl;
    // The source sentence that has the verb's object decides; the alignment only if none has it.
    // Any source supporting the verb's strength is enough (the Roadmap's firm wording may
    // sit beside the companion statement's weaker one).
    let found: { level: number; word: string } | undefined;
    let same = false;
    for (const c of candidates) {
      const f = sourceLevelByObject(draftKeys, c, di, dl, isLadder);
      if (f?.level === dl) same = true;
      if (f && (!found || f.level > found.level)) found = f;
    }
    // One source says it as the draft does (`Both leaders agreed to launch` in the Roadmap,
    // `will launch` in the statement): faithful to that one.
    if (same) continue;
    // The source's verb is the draft's own later verb (`agreed to launch` against `will launch`):
    // this verb governs that one, which agrees with the source.
    if (found && found.level > dl && draftKeys.some((k, i) => i > di && k === stem(found!.word))) continue;
    // Without the object in any source sentence, only a close match speaks for the verb (`The
    // leaders will introduce a carbon border adjustment` shares three words with a sentence
    // about clean electricity across the border, and is about something else).
    if (!found && coverage >= 0.6 && di === verbs[0] && di === draftKeys.findIndex((_k, i) => isLadder(draftKeys, i))) {
      found = sourceLevelByAlignment(draftKeys, src, al, di, dl, isLadder);
      // The source's verb is the draft's own next verb (`agreed to launch a Ministerial and
      // reaffirmed their commitment to …` matched to the `reaffirmed` sentence): this verb
      // governs another clause, which the source sentence does not have.
      if (found && draftKeys.some((k, i) => i > di && k === stem(found!.word))) found = undefined;
    }
    if (!found || found.level === dl || (found.level === 1 && voicedConcern(di))) continue;
    if (found.level > dl) {
      if (found.level > dlAtLeast) under ??= { di, dl, found };
      continue;
    }
    const w = words[di];
    const sWord = found.word;
    add({ code: Codes.overstated, kind: 'strength', start: w.start, end: w.end, ...base, message: `"${p.slice(w.start, w.end)}" overstates the source, which says the leaders ${sWord === 'work towards' ? 'agreed to work towards it' : `only ${sWord} it`} (${label}).`, details: { draftLevel: LEVEL_NAMES[dl], sourceLevel: LEVEL_NAMES[found.level] } });
    return;
  }
  if (under) {
    const w = words[under.di];
    add({ code: Codes.understated, kind: 'strength', severity: 'information', start: w.start, end: w.end, ...base, message: `"${p.slice(w.start, w.end)}" understates the source, which says "${under.found.word}" (${label}).`, details: { draftLevel: LEVEL_NAMES[under.dl], sourceLevel: LEVEL_NAMES[under.found.level] } });
    return;
  }
  // A hedged action done: `create a task force` / `by establishing a facilitator` where the
  // source only `explore[s] the creation of` / `the establishment of` one.
  const hedged = hedgedActions(src);
  if (!hedged.length) return;
  for (let i = 0; i < words.length; i++) {
    const h = hedged.find(x => (sameRoot(words[i].text, x.noun) || actsAs(draftKeys, i, x.noun)) && words[i].text !== x.noun && !/(?:tion|ment|ance|ence)s?$/.test(words[i].text));
    // The draft keeps the hedge (`explore its creation`, `study establishing`, `work towards`): faithful.
    if (!h || negated(i) || draftKeys.slice(Math.max(0, i - 4), i + 3).some(k => HEDGES.has(k) || k === TOWARD)) continue;
    const w = words[i];
    add({ code: Codes.overstated, kind: 'strength', start: w.start, end: w.end, ...base, message: `"${p.slice(w.start, w.end)}" overstates the source, which says the leaders would only ${h.hedge} the ${h.noun} (${label}).`, details: { draftLevel: LEVEL_NAMES[5], sourceLevel: LEVEL_NAMES[1] } });
    return;
  }
}

/**
 * The source's verb for what the draft verb at `di` governs: the first content words after
 * the draft verb are looked up in the source sentence, and the nearest commitment verb
 * before them is the one that governs them there. Robust to reordered paraphrases
 * (`With a view to …, the leaders agreed on the importance of …`), where the alignment may
 * anchor elsewhere. A hedge just before that verb (`explore the creation of`) is the level.
 */
function sourceLevelByObject(
  draftKeys: readonly string[],
  src: SourceSentence,
  di: number,
  dl: number,
  isLadder: (keys: readonly string[], i: number) => boolean,
): { level: number; word: string } | undefined {
  let object = objectOf(draftKeys, di);
  if (object.length < 2) return undefined;
  // The object's two words in order, close together in the source.
  const find = (obj: readonly string[]) => {
    for (let j = 0; j < src.keys.length; j++) {
      if (src.keys[j] !== obj[0]) continue;
      for (let t = j + 1; t <= j + 4 && t < src.keys.length; t++) if (src.keys[t] === obj[1]) return j;
    }
    return -1;
  };
  let at = find(object);
  // `committed to protecting the Refuge`: a verb the source does not use, then the object.
  if (at < 0 && !src.keys.includes(object[0])) {
    object = objectOf(draftKeys, draftKeys.indexOf(object[0], di + 1));
    if (object.length === 2) at = find(object);
  }
  if (at < 0) return undefined;
  // `agreed to work towards reviving the Summit`: an act done (`relaunched`) overstates it.
  if (dl >= 4 && src.keys.slice(Math.max(0, at - 4), at).includes(TOWARD) && src.keys.slice(Math.max(0, at - 5), at).includes('work')) return { level: 1, word: 'work towards' };
  for (let j = at - 1; j >= 0 && j >= at - 20; j--) {
    // `Canada and the United States will enhance … by reestablishing the Forum`: a declared
    // action, as firm as any commitment the draft may report (but a verb is no weaker for it).
    if (src.keys[j] === 'will') return { level: Math.max(dl, 4), word: 'will' };
    if (!isLadder(src.keys, j)) continue;
    let level = LADDER[src.keys[j]];
    let word = src.words[j].text;
    // `expressed their commitment to`, `reaffirmed their commitment to`: a commitment.
    if (level < 4 && src.words.slice(j + 1, j + 3).some(w => w.text === 'commitment')) return { level: 4, word: `${word} their commitment` };
    for (let h = j - 1; h >= Math.max(0, j - 4); h--) if (HEDGES.has(src.keys[h])) { level = LADDER[src.keys[h]]; word = src.words[h].text; }
    return { level, word };
  }
  return undefined;
}

/** The first two content words after the verb at `di`: what it governs. */
function objectOf(draftKeys: readonly string[], di: number): string[] {
  const object: string[] = [];
  for (let t = di + 1; t < draftKeys.length && object.length < 2 && t <= di + 8; t++) {
    const k = draftKeys[t];
    if (isStopKey(k) || k in LADDER || k in ACTORS || OBJECT_FILLERS.has(k)) continue;
    object.push(k);
  }
  return object;
}

/** Adverbs that move freely in a paraphrase and so cannot anchor a verb's object. */
const OBJECT_FILLERS = new Set(['particular', 'addition', 'also', 'further', 'furthermore', 'together', 'today', 'formal', 'formalli', 'fulli', 'strongli', 'firmli', 'again', 'now', 'yet',
  // `agreed on a common position on Venezuela`: the frame of an agreement, not what it is about.
  ...'common position positions stance unified'.split(' ').map(stem)]);

/** The source's level for the draft verb at `di`, from the word alignment (the earlier rule). */
function sourceLevelByAlignment(
  draftKeys: readonly string[],
  src: SourceSentence,
  al: Alignment,
  di: number,
  dl: number,
  isLadder: (keys: readonly string[], i: number) => boolean,
): { level: number; word: string } | undefined {
  const opAt = al.ops.find(o => o.a === di);
  const prevEq = [...al.ops].reverse().find(o => o.t === 'eq' && o.a >= 0 && o.a < di);
  const nextEq = al.ops.find(o => o.t === 'eq' && o.a > di);
  let sl: number | undefined;
  let sWord = '';
  const from = prevEq ? prevEq.b + 1 : 0;
  if (opAt?.t === 'eq') {
    // Same verb; but a hedge governing it in the source (`consider … implementing`) weakens it.
    for (let j = from; j < opAt.b; j++) if (HEDGES.has(src.keys[j]) && LADDER[src.keys[j]] < dl) { sl = LADDER[src.keys[j]]; sWord = src.words[j].text; }
  } else {
    // The draft verb is not in the source: a source sentence that uses the very same verb
    // elsewhere is not contradicted by it (the alignment anchored on another clause).
    if (src.keys.includes(draftKeys[di])) return undefined;
    const to = nextEq ? nextEq.b : src.keys.length;
    for (let j = to - 1; j >= 0 && sl === undefined; j--) {
      if (isLadder(src.keys, j)) {
        sl = LADDER[src.keys[j]];
        sWord = src.words[j].text;
        for (let h = j - 1; h >= Math.max(0, j - 4); h--) if (HEDGES.has(src.keys[h])) { sl = LADDER[src.keys[h]]; sWord = src.words[h].text; }
      }
    }
    if (sl === undefined) {
      for (let j = from; j < to; j++) if (src.keys[j] === 'explor' || src.keys[j] === 'consider') { sl = 1; sWord = src.words[j].text; }
    }
    if (sl !== undefined && dl === 5 && /^(?:towards?|toward)$/.test(src.keys[(nextEq?.b ?? 0) - 1] ?? '')) sl = Math.min(sl, 1);
  }
  // `work towards reviving` before the matched object: a hedge.
  if (dl >= 4 && nextEq && src.keys.slice(Math.max(0, nextEq.b - 3), nextEq.b).includes(TOWARD) && src.keys.slice(Math.max(0, nextEq.b - 4), nextEq.b).includes('work')) {
    if (sl === undefined || sl > 1) { sl = 1; sWord = 'work towards'; }
  }
  return sl === undefined ? undefined : { level: sl, word: sWord };
}

/** `explore the creation of`, `exploring the establishment of`: a hedge, then an action noun. */
function hedgedActions(src: SourceSentence): { hedge: string; noun: string }[] {
  const out: { hedge: string; noun: string }[] = [];
  for (let j = 0; j < src.keys.length; j++) {
    if (!HEDGES.has(src.keys[j])) continue;
    for (let t = j + 1; t <= j + 3 && t < src.words.length; t++) {
      const w = src.words[t].text;
      if (/(?:tion|ment|ance|ence)$/.test(w) && src.words[t + 1]?.text === 'of') out.push({ hedge: src.words[j].text.replace(/ing$/, 'e').replace(/ed$/, 'e').replace(/ee$/, 'e'), noun: w });
    }
  }
  // `work towards reviving the Summit`.
  for (let j = 0; j + 2 < src.words.length; j++) {
    if (src.keys[j] === 'work' && src.keys[j + 1] === TOWARD && /ing$/.test(src.words[j + 2].text)) out.push({ hedge: 'work towards', noun: src.words[j + 2].text });
  }
  return out;
}

/** Verbs that do what a hedged action noun names (`set up a task force` for `the creation of`). */
const ACTS_AS: Readonly<Record<string, readonly string[]>> = {
  creation: ['set up', 'form', 'establish', 'launch'],
  establishment: ['set up', 'creat', 'form', 'launch'],
};
function actsAs(keys: readonly string[], i: number, noun: string): boolean {
  return (ACTS_AS[noun] ?? []).some(v => v.split(' ').every((w, k) => keys[i + k] === w));
}

/** `create`/`creation`, `establishing`/`establishment`: the same root, by a shared stem of five or more letters. */
function sameRoot(word: string, noun: string): boolean {
  const root = noun.replace(/(?:ation|ition|tion|ment|ance|ence|ing)$/, '');
  return root.length >= 4 && word.startsWith(root.slice(0, Math.max(4, Math.min(root.length, 6)))) && word.length <= root.length + 4;
}

function checkNames(
  ci: CheckIndex,
  p: string,
  s: number,
  e: number,
  matches: readonly Match[],
  add: (f: Omit<Finding, 'severity' | 'category'>) => void,
): void {
  const phrases = namePhrases(p, s, e);
  if (!phrases.length) return;
  const context: { name: NamePhrase; para: Paragraph }[] = [];
  for (const m of matches) {
    const pi = paragraphIndexOf(ci, m.sentence.paragraph);
    for (const n of ci.namesOf(pi)) if (n.start >= m.sentence.start && n.end <= m.sentence.end) context.push({ name: n, para: m.sentence.paragraph });
  }
  for (let pi = 0; pi < phrases.length; pi++) {
    const ph = phrases[pi];
    const key = ph.keys.join(' ');
    if (ci.names.has(key)) continue;
    const inner = officialNameInside(ci, ph.keys);
    if (inner) {
      // The official name is right; what is left on either side is checked on its own
      // (`the Plan for Avian … Influenza and the Global Health Security Agenda`).
      const ws = wordsOf(p, ph.start, ph.end);
      for (const [a, b] of [[0, inner[0]], [inner[1], ws.length]]) {
        let from = a;
        let to = b;
        while (from < to && isStopKey(ws[from].key)) from++;
        while (to > from && isStopKey(ws[to - 1].key)) to--;
        if (ws.slice(from, to).filter(w => !isStopKey(w.key) && /^[A-Z]/.test(p[w.start])).length < 2) continue;
        phrases.push({ text: p.slice(ws[from].start, ws[to - 1].end), keys: ws.slice(from, to).map(w => w.key), start: ws[from].start, end: ws[to - 1].end });
      }
      continue;
    }
    if (ph.keys.every(k => ACTOR_ONLY_NAME.has(k))) continue;
    const dContent = new Set(ph.keys.filter(k => !isStopKey(k)));
    const candidates: { name: NamePhrase; para?: Paragraph; global?: boolean }[] = [...context];
    const near = new Set<NamePhrase>();
    for (const k of dContent) for (const n of ci.namesByWord.get(k) ?? []) near.add(n);
    for (const n of near) {
      const shared = n.keys.filter(k => !isStopKey(k) && dContent.has(k)).length;
      if (shared >= 2 && shared * 2 >= n.keys.filter(k => !isStopKey(k)).length) candidates.push({ name: n, global: true });
    }
    // A name still being typed at the end of its paragraph ("a High Level Cli") is not an
    // alteration: it is the start of the official name, and completion offers the rest.
    const unfinished = p.slice(ph.end).trim() === '';
    for (const c of candidates) {
      const n = c.name;
      if (n.keys.every(k => ACTOR_ONLY_NAME.has(k))) continue;
      if (unfinished && isUnfinishedName(ph.text, n.text)) continue;
      const nContent = n.keys.filter(k => !isStopKey(k));
      const shared = nContent.filter(k => dContent.has(k)).length;
      if (!shared) continue;
      // The same words in another order (compared as lists: `Defense` twice in the name must be
      // twice in the draft, and a party named before the name is an extra word).
      const sorted = (ks: readonly string[]) => [...ks].sort().join(' ');
      const sameSet = sorted(nContent) === sorted(ph.keys.filter(k => !isStopKey(k))) && n.keys.join(' ') !== key;
      const al = align(n.keys, ph.keys, { global: true });
      // `Central American countries` for `Central America`: the people's adjective of the same place.
      const demonym = (a: string, b: string) => a !== b && (b.startsWith(a) || a.startsWith(b)) && /^(?:n|an|ian|ns|ians)$/.test(b.length > a.length ? b.slice(a.length) : a.slice(b.length));
      const subs = blocksOf(al).filter(b => b.a.length && b.b.length && b.a.some(i => !isStopKey(n.keys[i])) && b.b.some(i => !isStopKey(ph.keys[i])) && !(b.a.length === 1 && b.b.length === 1 && demonym(n.keys[b.a[0]], ph.keys[b.b[0]])));
      // Words dropped from the name and others added elsewhere, with no one-for-one swap
      // (`U.S.-Canada Opioid Strategy` for `U.S.-Canada Action Plan on Opioids`).
      const reworded = !subs.length && !c.global && shared >= 2 && nContent.some(k => !dContent.has(k)) && [...dContent].some(k => !nContent.includes(k) && !(k in ACTORS));
      if (!sameSet && ((!subs.length && !reworded) || al.matches * (c.global ? 5 : 2) < n.keys.length * (c.global ? 3 : 1))) continue;
      const para = c.para ?? findNameParagraph(ci, n);
      const changed = subs.length ? subs[0].b : ph.keys.map((_, i) => i);
      const words = wordsOf(p, ph.start, ph.end);
      const start = words[changed[0]]?.start ?? ph.start;
      const end = words[changed[changed.length - 1]]?.end ?? ph.end;
      add({
        code: Codes.alteredName,
        kind: 'name',
        start: sameSet ? ph.start : start,
        end: sameSet ? ph.end : end,
        paragraphId: para?.id ?? '',
        message: `"${flat(ph.text)}" alters the official name "${flat(n.text)}"${para ? ` (${para.label})` : ''}.`,
        details: { draft: ph.text, source: n.text },
      });
      break;
    }
  }
}

/**
 * Where an official name of two or more content words sits whole inside the phrase
 * (`WHO and the Pan American Health Organization`, a bullet's `Strengthen the U.S.-Canada
 * Action Plan on Opioids`): the extra words are context, not an alteration.
 */
function officialNameInside(ci: CheckIndex, keys: readonly string[]): [number, number] | undefined {
  for (let i = 0; i < keys.length; i++) {
    for (let j = keys.length; j > i + 1; j--) {
      if (j - i === keys.length) continue;
      const sub = keys.slice(i, j);
      // A name known only from inside a source list (`the U.S. Department of Energy and the
      // Department of Natural Resources Canada`) does not vouch for the draft's rest of the list.
      const key = sub.join(' ');
      if (sub.filter(k => !isStopKey(k)).length >= 2 && ci.names.has(key) && !ci.partNames.has(key)) return [i, j];
    }
  }
  return undefined;
}

/** True if `draft` is a strict prefix of `official`, word by word, the last word possibly half typed. */
function isUnfinishedName(draft: string, official: string): boolean {
  const d = normalizeText(draft).text;
  const o = normalizeText(official).text;
  return d.length < o.length && o.startsWith(d) && /[\p{L}\p{N}]$/u.test(d);
}

const paragraphNumbers = new WeakMap<CheckIndex, Map<Paragraph, number>>();
function paragraphIndexOf(ci: CheckIndex, p: Paragraph): number {
  let m = paragraphNumbers.get(ci);
  if (!m) paragraphNumbers.set(ci, (m = new Map(ci.index.paragraphs.map((x, i) => [x, i]))));
  return m.get(p) ?? -1;
}

function findNameParagraph(ci: CheckIndex, n: NamePhrase): Paragraph | undefined {
  return ci.index.findText(n.text, 1)[0]?.paragraph;
}

/**
 * Blocks of the draft window `wa` against the source window `wb` (aligned end to end);
 * `before`/`after` are the draft words that bound the windows (-1: the sentence edge).
 */
function windowBlocks(dk: readonly string[], sk: readonly string[], wa: number[], wb: number[], before: number, after: number): Block[] {
  const sub = align(wa.map(i => dk[i]), wb.map(i => sk[i]), { global: true });
  if (!sub.matches) return [{ a: wa, b: wb, aBefore: before, aAfter: after }];
  return blocksOf(sub).map(b => ({
    a: b.a.map(i => wa[i]),
    b: b.b.map(i => wb[i]),
    aBefore: b.aBefore >= 0 ? wa[b.aBefore] : before,
    aAfter: b.aAfter >= 0 ? wa[b.aAfter] : after,
  }));
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 160 ? t.slice(0, 157) + '…' : t;
}
