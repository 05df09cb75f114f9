/**
 * The consistency-check report: every quotation and restatement of the draft(s) with its
 * status and evidence, and a coverage table of the sources' commitments (cited, altered
 * or left out). Markdown; all draft and source text is escaped.
 */
import type { CancellationToken } from './cancellation';
import { analyzeDraft } from './check';
import type { CorpusIndex } from './corpusIndex';
import { CodeDescriptions, type Finding } from './findings';
import { applySuppressions } from './suppress';
import { escapeMarkdown } from './text/markdown';

export interface ReportInput {
  readonly uri: string;
  /** Shown as the draft's title (a path relative to the workspace, say). */
  readonly name: string;
  readonly text: string;
}

const COMMITMENT = /\b(?:agreed|committed|will|launch|affirmed|reaffirmed|reiterated|directed|expressed their commitment)\b/i;

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
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
    out.push(`## ${escapeMarkdown(d.name, 'table')}`, '');
    const warn = findings.filter(f => f.severity === 'warning' || f.severity === 'error').length;
    out.push(`${a.quotations.length} quotation(s), ${a.restatements.length} restatement(s), ${warn} warning(s).`, '');
    const rows: string[] = [];
    const findingsIn = (s: number, e: number) => findings.filter(f => f.start >= s && f.start < e);
    for (const q of a.quotations) {
      const fs = findingsIn(q.start, q.end);
      const status = q.status === 'misquote' && fs.length === 0 ? 'misquote (suppressed)' : q.status;
      rows.push(row(d.text, q.start, q.end, 'quotation', status, q.paragraphId, fs, index));
      if (q.paragraphId) mark(cited, q.paragraphId, q.status === 'misquote');
    }
    for (const r of a.restatements) {
      const fs = findingsIn(r.start, r.end).filter(f => f.category === 'contradiction');
      rows.push(row(d.text, r.start, r.end, 'restatement', fs.some(f => f.severity !== 'information') ? 'contradiction' : 'faithful', r.paragraphId, fs, index));
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
    out.push(`| ${escapeMarkdown(p.label, 'table')} | ${escapeMarkdown(clip(p.text, 140), 'table')} | ${st} |`);
  }
  out.push('');
  return out.join('\n');
}

function mark(m: Map<string, 'cited' | 'altered'>, id: string, altered: boolean) {
  if (altered) m.set(id, 'altered');
  else if (!m.has(id)) m.set(id, 'cited');
}

function row(text: string, s: number, e: number, type: string, status: string, pid: string | undefined, fs: readonly Finding[], index: CorpusIndex): string {
  const p = pid ? index.getParagraph(pid) : undefined;
  const ev = p ? `${escapeMarkdown(p.label, 'table')}: ${escapeMarkdown(clip(p.text, 120), 'table')}` : '—';
  const f = fs.map(x => `\`${x.code}\` ${escapeMarkdown(x.message, 'table')}`).join('<br>') || '—';
  void CodeDescriptions;
  return `| ${lineOf(text, s)} | ${type} | ${escapeMarkdown(clip(text.slice(s, e), 160), 'table')} | ${status} | ${ev} | ${f} |`;
}

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}
