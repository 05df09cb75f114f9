/**
 * The consistency-check report: every quotation and restatement of the draft(s) with its
 * status and evidence, and a coverage table of the sources' commitments (cited, altered
 * or left out). Markdown; all draft and source text is escaped.
 */
import type { CancellationToken } from './cancellation';
import { analyzeDraft } from './check';
import type { CorpusIndex } from './corpusIndex';
import { CodeDescriptions, type Finding } from './findings';
import { LineIndex } from './positions';
import { applySuppressions } from './suppress';

export interface ReportInput {
  readonly uri: string;
  /** Shown as the draft's title (a path relative to the workspace, say). */
  readonly name: string;
  readonly text: string;
}

const COMMITMENT = /\b(?:agreed|committed|will|launch|affirmed|reaffirmed|reiterated|directed|expressed their commitment)\b/i;

/** Escapes Markdown (and HTML) so that untrusted text shows literally. */
export function escapeMarkdown(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/[\\`*_{}[\]()#+\-.!|<>~"]/g, c => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `\\${c}`));
}

/** The findings that start in `[start, end)`, from findings sorted by start (binary search, not a scan). */
function startingIn(sorted: readonly Finding[], start: number, end: number): Finding[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: Finding[] = [];
  for (let i = lo; i < sorted.length && sorted[i].start < end; i++) out.push(sorted[i]);
  return out;
}

/** Builds the Markdown report for one or more drafts. */
export function buildReport(index: CorpusIndex, drafts: readonly ReportInput[], token?: CancellationToken): string {
  // The report quotes the sources and the drafts; it is Verbatim's output, not a draft, so
  // it switches checking off for itself (it is often opened, or checked in a drafts folder).
  const out: string[] = ['<!-- verbatim-disable -->', '', '# Verbatim consistency report', ''];
  const cited = new Map<string, 'cited' | 'altered'>();
  for (const d of drafts) {
    const a = analyzeDraft(index, d.text, token);
    const findings = applySuppressions(d.text, a.findings);
    out.push(`## ${escapeMarkdown(d.name)}`, '');
    const warn = findings.filter(f => f.severity === 'warning' || f.severity === 'error').length;
    out.push(`${a.quotations.length} quotation(s), ${a.restatements.length} restatement(s), ${warn} warning(s).`, '');
    const rows: string[] = [];
    // One line table and one sorted list per draft: rows look their line and findings up
    // instead of scanning the draft from its start, which made the report quadratic.
    const lines = new LineIndex(d.text);
    const lineOf = (offset: number) => lines.positionAt(offset).line + 1;
    const sorted = [...findings].sort((x, y) => x.start - y.start);
    const findingsIn = (s: number, e: number) => startingIn(sorted, s, e);
    for (const q of a.quotations) {
      const fs = findingsIn(q.start, q.end);
      const status = q.status === 'misquote' && fs.length === 0 ? 'misquote (suppressed)' : q.status;
      rows.push(row(d.text, lineOf(q.start), q.start, q.end, 'quotation', status, q.paragraphId, fs, index));
      if (q.paragraphId) mark(cited, q.paragraphId, q.status === 'misquote');
    }
    for (const r of a.restatements) {
      const fs = findingsIn(r.start, r.end).filter(f => f.category === 'contradiction');
      rows.push(row(d.text, lineOf(r.start), r.start, r.end, 'restatement', fs.some(f => f.severity !== 'information') ? 'contradiction' : 'faithful', r.paragraphId, fs, index));
      mark(cited, r.paragraphId, fs.some(f => f.severity !== 'information'));
    }
    if (rows.length) {
      out.push('| Line | Type | Draft | Status | Evidence | Findings |', '|---:|---|---|---|---|---|', ...rows, '');
    } else out.push('_No quotation or restatement of the sources found._', '');
  }
  out.push('## Coverage of the sources\' commitments', '', '| Source passage | Commitment | Status |', '|---|---|---|');
  for (const p of index.paragraphs) {
    if (!COMMITMENT.test(p.text)) continue;
    const st = cited.get(p.id) ?? 'left out';
    out.push(`| ${escapeMarkdown(p.label)} | ${escapeMarkdown(clip(p.text, 140))} | ${st} |`);
  }
  out.push('');
  return out.join('\n');
}

function mark(m: Map<string, 'cited' | 'altered'>, id: string, altered: boolean) {
  if (altered) m.set(id, 'altered');
  else if (!m.has(id)) m.set(id, 'cited');
}

function row(text: string, line: number, s: number, e: number, type: string, status: string, pid: string | undefined, fs: readonly Finding[], index: CorpusIndex): string {
  const p = pid ? index.getParagraph(pid) : undefined;
  const ev = p ? `${escapeMarkdown(p.label)}: ${escapeMarkdown(clip(p.text, 120))}` : '—';
  const f = fs.map(x => `\`${x.code}\` ${escapeMarkdown(x.message)}`).join('<br>') || '—';
  void CodeDescriptions;
  return `| ${line} | ${type} | ${escapeMarkdown(clip(text.slice(s, e), 160))} | ${status} | ${ev} | ${f} |`;
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}
