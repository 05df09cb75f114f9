/**
 * The consistency report, for the reviewer of a draft: its findings first (each with a link to
 * the draft's line, the source sentence that is the evidence and what to do), then wordings the
 * project accepted, then wording the draft follows that a later dated source has updated since
 * (series.ts: not a finding, the later wording may be what the reader wants), then every
 * quotation and restatement with its status; the coverage of the
 * sources' commitments only when asked for (a readout is not meant to restate them all).
 * Markdown (links to the draft's lines as `path#L12`), or a self-contained HTML page to send to
 * a colleague (inline style, the drafts as checked at the end, findings linking to their lines).
 * All draft and source text is escaped.
 */
import MarkdownIt from 'markdown-it';
import { acceptedBy, type Acceptance } from './acceptances';
import type { CancellationToken } from './cancellation';
import { analyzeDraft, draftLanguage, type QuotationResult, type RestatementResult } from './check';
import { statementFollowed } from './check/updates';
import type { CorpusIndex } from './corpusIndex';
import type { Finding, SeverityName } from './findings';
import { cleanOfficialText, withFixes } from './fixes';
import { LineIndex } from './positions';
import { seriesOfSource, type SeriesEntry } from './series';
import { applySuppressions } from './suppress';
import { escapeMarkdown as escapeText } from './text/markdown';

export interface ReportInput {
  readonly uri: string;
  /** Shown as the draft's title (a path relative to the workspace, say). */
  readonly name: string;
  readonly text: string;
  /** Where the draft is, for links to its lines (`drafts/readout.md`, a `file:` URI); none: no links. */
  readonly link?: string;
  /**
   * For a draft whose text was extracted (a Word document): names where [start, end) is for a
   * reader (`paragraph 7`) instead of a line, and gives the sentence it is in, quoted with a finding.
   */
  readonly locate?: (start: number, end: number) => { readonly label: string; readonly sentence?: string } | undefined;
  /** What the reader should know about how the text was read (a Word draft's tracked changes read as accepted). */
  readonly notes?: readonly string[];
}

export interface ReportOptions {
  /** Add the coverage table of the sources' commitments. */
  readonly coverage?: boolean;
  /** Per-code severity overrides (`off` leaves a code out). */
  readonly severity?: Readonly<Partial<Record<string, SeverityName>>>;
  /** Wordings the project accepted: listed apart, not as findings. */
  readonly accepted?: readonly Acceptance[];
  readonly reportUnsourcedQuotes?: boolean;
  /** Link to a code's explanation. */
  readonly ruleHref?: (code: string) => string | undefined;
}

const COMMITMENT = /\b(?:agreed|committed|will|launch|affirmed|reaffirmed|reiterated|directed|expressed their commitment)\b/i;

/** Escapes Markdown (and HTML) so that untrusted text shows literally: the report's text is escaped as in a table cell (white space collapsed, `<`, `>`, `"` as entities). */
function cell(s: string): string {
  return escapeText(s, 'table');
}

/** Line numbers (1-based, as an editor shows them: LF, CRLF and CR end a line) from one line table per draft: no rescans per row. */
function lineTable(text: string): (offset: number) => number {
  const lines = new LineIndex(text);
  return offset => lines.positionAt(offset).line + 1;
}

/** Spans (sorted by start) starting in [s, e), found by binary search. */
function startingIn<T extends { readonly start: number }>(sorted: readonly T[], s: number, e: number): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < s) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i].start < e; i++) out.push(sorted[i]);
  return out;
}

/** Findings (sorted by start) starting in [s, e). */
const findingsIn = (sorted: readonly Finding[], s: number, e: number): Finding[] => startingIn(sorted, s, e);

/** The spans overlapping [s, e), looked up in spans sorted by start (no scan of every span per row). */
function overlapping(spans: readonly { readonly start: number; readonly end: number }[]): (s: number, e: number) => { start: number; end: number }[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const longest = sorted.reduce((n, x) => Math.max(n, x.end - x.start), 0);
  return (s, e) => startingIn(sorted, s - longest, e).filter(x => x.end > s);
}

const WHAT_TO_DO: Record<string, (fix: string | undefined) => string> = {
  'misquote': fix => `Quote the source word for word${fix ? ` (${fix})` : ''}, or drop the quotation marks if this is a paraphrase.`,
  'changed-figure': fix => `Use the source's figure${fix ? ` (${fix})` : ''}. If the draft reports a newer figure on purpose, cite where it comes from, or accept the wording for the project.`,
  'changed-actor': fix => `Credit who the source says acted${fix ? ` (${fix})` : ''}; a commitment of one side must not be given to the other, or to both.`,
  'negated': fix => `The source affirms this: remove the denial${fix ? ` (${fix})` : ''}, or cite the source that says otherwise.`,
  'overstated': fix => `Say no more than the source${fix ? ` (${fix})` : ''}: the draft claims a stronger commitment than the leaders made.`,
  'understated': fix => `The draft claims less than the source${fix ? ` (${fix})` : ''}. Acceptable if intended; otherwise use the source's verb.`,
  'opposite': fix => `The draft reverses the source's action: restore it${fix ? ` (${fix})` : ''}.`,
  'altered-name': fix => `Use the official wording${fix ? ` (${fix})` : ''}.`,
  'changed-term': fix => `Use the source's term${fix ? ` (${fix})` : ''}.`,
  'unsourced-quote': () => 'Find the quotation\'s source and add it to the sources, or remove the quotation marks.',
  'spelling-variant': fix => `Keep the source's spelling inside the quotation marks${fix ? ` (${fix})` : ''}; your own spelling is fine outside them.`,
};

interface Ctx {
  readonly index: CorpusIndex;
  readonly options: ReportOptions;
  /** The link to line `line` of draft number `i`. */
  readonly lineLink: (draft: ReportInput, i: number, line: number) => string | undefined;
}

function sourceSentence(index: CorpusIndex, paragraphId: string | undefined, ev?: { start: number; end: number }): { text: string; cite: string } | undefined {
  const p = paragraphId ? index.getParagraph(paragraphId) : undefined;
  if (!p) return undefined;
  const doc = index.getDocument(p.documentId);
  const text = cleanOfficialText(ev ? p.text.slice(ev.start, ev.end) : p.text);
  const cite = `${cell(p.label)}${doc?.date ? `, ${cell(doc.date)}` : ''}${doc?.url && /^https?:\/\//.test(doc.url) ? ` ([source](<${doc.url.replace(/[<>\s]/g, encodeURIComponent)}>))` : ''}`;
  return { text, cite };
}

/**
 * When the source words a draft span follows (`paragraphId` and `evidence`) have been changed by
 * a later statement of the same commitment: what the draft follows and the latest wording.
 */
function updatedSince(index: CorpusIndex, paragraphId: string | undefined, ev: { start: number; end: number } | undefined): { followed: SeriesEntry; latest: SeriesEntry } | undefined {
  const p = paragraphId ? index.getParagraph(paragraphId) : undefined;
  return p && ev ? seriesOfSource(index, p).updatedSince(p, ev.start, ev.end) : undefined;
}

type Followed = { paragraphId: string; evidence?: { start: number; end: number } };

/**
 * What each restatement follows (by start): the source sentence it restates best, or another
 * statement of the same commitment it follows more closely (check/updates.ts).
 */
function restatementsFollow(index: CorpusIndex, text: string, restatements: readonly RestatementResult[]): Map<RestatementResult, Followed> {
  // The draft's words are read in its language, as the checker read them.
  const followed = statementFollowed(index, draftLanguage(text));
  const out = new Map<RestatementResult, Followed>();
  for (const r of restatements) {
    const s = r.evidence ? followed(text, r.start, r.end, r.paragraphId, r.evidence) : undefined;
    out.set(r, s ? { paragraphId: s.paragraph.id, evidence: { start: s.start, end: s.end } } : { paragraphId: r.paragraphId, evidence: r.evidence });
  }
  return out;
}

/**
 * The quotations and restatements (by start) whose wording has been updated since, in draft order,
 * each with the draft words (a quotation's without its marks), what they follow and the latest wording.
 */
function outdatedRows(index: CorpusIndex, quotations: readonly QuotationResult[], restatements: readonly RestatementResult[], follows: ReadonlyMap<RestatementResult, Followed>) {
  const out = new Map<number, { row: { start: number; end: number }; followed: SeriesEntry; latest: SeriesEntry }>();
  for (const x of [...quotations, ...restatements].sort((p, q) => p.start - q.start)) {
    const f = 'innerStart' in x ? (x.paragraphId ? { paragraphId: x.paragraphId, evidence: x.evidence } : undefined) : follows.get(x);
    const u = f && !out.has(x.start) ? updatedSince(index, f.paragraphId, f.evidence) : undefined;
    if (u) out.set(x.start, { row: 'innerStart' in x ? { start: x.innerStart, end: x.innerEnd } : x, ...u });
  }
  return out;
}

/** A series entry's words and citation, as the report quotes a source sentence. */
function entryCitation(index: CorpusIndex, e: SeriesEntry): string {
  const src = sourceSentence(index, e.paragraph.id, { start: e.start, end: e.end })!;
  return `“${cell(clip(src.text, 300))}” (${src.cite})`;
}

/** Citations in a draft (`(Roadmap …, ¶4)`, footnote definitions): what they restate is a label, not a commitment. */
function citationSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/\([^()\n]*¶\s*\d+\)|^\[\^[^\]\n]+\]:.*$/gm)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

function draftSection(ctx: Ctx, d: ReportInput, i: number, token?: CancellationToken): { lines: string[]; cited: Map<string, 'cited' | 'altered'> } {
  const { index, options } = ctx;
  const a = analyzeDraft(index, d.text, token);
  const lineOf = lineTable(d.text);
  const kept = withFixes(applySuppressions(d.text, options.reportUnsourcedQuotes === false ? a.findings.filter(f => f.code !== 'unsourced-quote') : a.findings), d.text);
  const level = (f: Finding) => options.severity?.[f.code] ?? f.severity;
  const shown = kept.filter(f => level(f) !== 'off');
  const accepted = shown.map(f => ({ f, by: acceptedBy(index, d.text, f, options.accepted ?? []) }));
  const findings = accepted.filter(x => !x.by).map(x => x.f).sort((x, y) => x.start - y.start);
  const acceptedHere = accepted.filter(x => x.by);
  // Spans sorted once and looked up by place: no scan of every citation or quotation per restatement.
  const citations = overlapping(citationSpans(d.text));
  const sourced = overlapping(a.quotations.filter(q => q.status !== 'no source'));
  const overlap = (s1: number, e1: number, s2: number, e2: number) => Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  // An inserted citation is no restatement; a sentence that is mostly a sourced quotation has its quotation's row.
  const restatements = a.restatements.filter(
    r =>
      !citations(r.start, r.end).some(c => overlap(r.start, r.end, c.start, c.end) > 0 && r.end - r.start - overlap(r.start, r.end, c.start, c.end) < 20) &&
      !sourced(r.start, r.end).some(q => overlap(r.start, r.end, q.start, q.end) >= (r.end - r.start) / 2),
  );
  const follows = restatementsFollow(index, d.text, restatements);
  const outdated = outdatedRows(index, a.quotations, restatements, follows);
  const link = (offset: number) => {
    const line = lineOf(offset);
    const href = ctx.lineLink(d, i, line);
    const label = d.locate?.(offset, offset)?.label ?? `line ${line}`;
    return href ? `[${cell(label)}](<${href}>)` : cell(label);
  };
  const out: string[] = [`## ${cell(d.name)}`, ''];
  for (const note of d.notes ?? []) out.push(`_${cell(note)}_`, '');
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(level(f), (counts.get(level(f)) ?? 0) + 1);
  const summary = ['error', 'warning', 'information', 'hint'].filter(l => counts.get(l)).map(l => `${counts.get(l)} ${l === 'information' ? 'information' : l + (counts.get(l) === 1 ? '' : 's')}`);
  out.push(
    findings.length
      ? `**${findings.length} finding${findings.length === 1 ? '' : 's'} to review** (${summary.join(', ')}) in ${a.quotations.length} quotation(s) and ${a.restatements.length} restatement(s) of the sources.`
      : `**No findings.** ${a.quotations.length} quotation(s) and ${a.restatements.length} restatement(s) of the sources were checked.`,
    '',
  );
  if (findings.length) {
    out.push('### Findings', '');
    findings.forEach((f, n) => {
      const code = options.ruleHref?.(f.code) ? `[\`${f.code}\`](<${options.ruleHref(f.code)}>)` : `\`${f.code}\``;
      const sev = level(f);
      out.push(`${n + 1}. **${link(f.start)}**, ${sev === 'information' ? 'Information' : sev[0].toUpperCase() + sev.slice(1)} ${code}: ${cell(f.message)}`);
      out.push(`   - **Draft:** “${cell(clip(d.text.slice(f.start, f.end), 200))}”`);
      const sentence = d.locate?.(f.start, f.end)?.sentence;
      if (sentence && sentence.trim() !== d.text.slice(f.start, f.end).trim()) out.push(`   - **In the sentence:** “${cell(clip(sentence, 400))}”`);
      const src = sourceSentence(index, f.paragraphId, f.evidence);
      if (src) out.push(`   - **Source:** “${cell(src.text)}” (${src.cite})`);
      const fix = f.fix ? `quick fix: ${f.fix.title.replace(/^(.)/, c => c.toLowerCase())}` : undefined;
      out.push(`   - **What to do:** ${cell((WHAT_TO_DO[f.code] ?? (() => 'Check the draft against the source.'))(fix))}`);
    });
    out.push('');
  }
  if (outdated.size) {
    out.push('### Updated since', '', 'Wording the draft follows that a later source has changed. Not a finding: the draft agrees with the source it follows, but the latest official wording may be what you want.', '');
    for (const { row, followed, latest } of outdated.values()) {
      out.push(`- **${link(row.start)}** “${cell(clip(d.text.slice(row.start, row.end), 160))}” follows ${entryCitation(index, followed)}. **Updated since ${cell(latest.date)}:** ${entryCitation(index, latest)}.`);
    }
    out.push('');
  }
  if (acceptedHere.length) {
    out.push('### Accepted for the project', '');
    for (const { f, by } of acceptedHere) {
      out.push(`- **${link(f.start)}** \`${f.code}\` “${cell(clip(d.text.slice(f.start, f.end), 120))}”: accepted${by!.acceptedBy ? ` by ${cell(by!.acceptedBy)}` : ''}${by!.date ? ` on ${cell(by!.date)}` : ''}${by!.reason ? ` (${cell(by!.reason)})` : ''}.`);
    }
    out.push('');
  }
  const cited = new Map<string, 'cited' | 'altered'>();
  const rows: { at: number; row: string }[] = [];
  const statusOf = (fs: readonly Finding[], fallback: string) => (fs.length ? fs.map(f => `\`${f.code}\``).filter((c, k, all) => all.indexOf(c) === k).join(', ') : fallback);
  const serious = (fs: readonly Finding[]) => fs.filter(f => level(f) === 'warning' || level(f) === 'error');
  const since = (at: number) => (outdated.has(at) ? `; updated since ${cell(outdated.get(at)!.latest.date)}` : '');
  for (const q of a.quotations) {
    const fs = findingsIn(findings, q.start, q.end);
    const status = (q.status === 'no source' ? (fs.length ? statusOf(fs, '') : 'no source found') : statusOf(fs, q.status === 'misquote' ? 'misquote accepted or suppressed' : 'verbatim')) + since(q.start);
    const src = sourceSentence(index, q.paragraphId);
    rows.push({ at: q.start, row: `| ${link(q.start)} | quotation | ${cell(clip(d.text.slice(q.start, q.end), 160))} | ${status} | ${src ? src.cite : '—'} |` });
    if (q.paragraphId) mark(cited, q.paragraphId, serious(fs).length > 0);
  }
  for (const r of restatements) {
    const text = d.text.slice(r.start, r.end);
    const fs = findingsIn(findings, r.start, r.end);
    const followed = follows.get(r)!;
    const src = sourceSentence(index, followed.paragraphId, followed.evidence);
    rows.push({ at: r.start, row: `| ${link(r.start)} | restatement | ${cell(clip(text, 160))} | ${statusOf(fs, 'faithful')}${since(r.start)} | ${src ? `“${cell(clip(src.text, 200))}” (${src.cite})` : '—'} |` });
    mark(cited, r.paragraphId, serious(fs).length > 0);
  }
  if (rows.length) {
    out.push('### Quotations and restatements', '', '| Where | Type | Draft | Status | Source |', '|---|---|---|---|---|', ...rows.sort((x, y) => x.at - y.at).map(x => x.row), '');
  } else out.push('_No quotation or restatement of the sources was found._', '');
  return { lines: out, cited };
}

/** Builds the Markdown report for one or more drafts. Links to lines are `link#L12`. */
export function buildReport(index: CorpusIndex, drafts: readonly ReportInput[], options: ReportOptions = {}, token?: CancellationToken): string {
  return render(index, drafts, options, (d, _i, line) => (d.link ? `${d.link}#L${line}` : undefined), token);
}

function render(index: CorpusIndex, drafts: readonly ReportInput[], options: ReportOptions, lineLink: Ctx['lineLink'], token?: CancellationToken): string {
  // The report quotes the sources and the drafts; it is Verbatim's output, not a draft, so
  // it switches checking off for itself (it is often opened, or checked in a drafts folder).
  const out: string[] = ['<!-- verbatim-disable -->', '', '# Verbatim consistency report', ''];
  const n = index.documents.length;
  out.push(`${drafts.length} draft${drafts.length === 1 ? '' : 's'} checked against ${n} source${n === 1 ? '' : 's'}: ${index.documents.map(doc => `${cell(doc.title)}${doc.date ? ` (${cell(doc.date)})` : ''}`).join('; ')}.`, '');
  const ctx: Ctx = { index, options, lineLink };
  const cited = new Map<string, 'cited' | 'altered'>();
  drafts.forEach((d, i) => {
    const section = draftSection(ctx, d, i, token);
    out.push(...section.lines);
    for (const [id, st] of section.cited) mark(cited, id, st === 'altered');
  });
  if (options.coverage) {
    out.push("## Coverage of the sources' commitments", '', '| Source passage | Commitment | Status |', '|---|---|---|');
    for (const p of index.paragraphs) {
      if (!COMMITMENT.test(p.text)) continue;
      out.push(`| ${cell(p.label)} | ${cell(clip(p.text, 140))} | ${cited.get(p.id) ?? 'left out'} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font:15px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.3rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;vertical-align:top;text-align:left}
code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}ol>li{margin-bottom:.8rem}
pre.draft{background:#f6f8fa;padding:.5rem;overflow-x:auto;white-space:pre-wrap}pre.draft span{display:block}
pre.draft span:target{background:#fff8c5}pre.draft span::before{content:attr(data-n);display:inline-block;width:3rem;color:#6e7781}`;

/**
 * The same report as one self-contained HTML page (no scripts, no external resources): findings
 * link to the lines of the drafts, which follow the report as checked.
 */
export function buildHtmlReport(index: CorpusIndex, drafts: readonly ReportInput[], options: ReportOptions = {}, token?: CancellationToken): string {
  const md = render(index, drafts, { ...options, ruleHref: undefined }, (_d, i, line) => `#d${i + 1}-L${line}`, token).replace(/^<!-- verbatim-disable -->\n/, '');
  const body = new MarkdownIt({ html: false, linkify: false }).render(md);
  const appendix = drafts
    .map((d, i) => {
      const lines = d.text.split(/\r\n|\r|\n/).map((l, k) => `<span id="d${i + 1}-L${k + 1}" data-n="${k + 1}">${escapeHtml(l) || ' '}</span>`);
      return `<h3>${escapeHtml(d.name)}</h3>\n<pre class="draft">${lines.join('')}</pre>`;
    })
    .join('\n');
  const title = `Verbatim consistency report: ${drafts.map(d => d.name).join(', ')}`;
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n<h2>The drafts as checked</h2>\n${appendix}\n</body>\n</html>\n`;
}

function mark(m: Map<string, 'cited' | 'altered'>, id: string, altered: boolean) {
  if (altered) m.set(id, 'altered');
  else if (!m.has(id)) m.set(id, 'cited');
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

