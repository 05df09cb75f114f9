/**
 * In-draft suppression directives.
 *
 * Markdown (HTML comments, invisible when rendered):
 *   <!-- verbatim-disable-next-line [codes…] -->   the next non-blank line
 *   <!-- verbatim-disable-line [codes…] -->        the line the comment is on (inline, e.g. at its end)
 *   <!-- verbatim-disable [codes…] --> … <!-- verbatim-enable [codes…] -->   a region (to the end if not closed)
 *
 * Plain text has no comments, so a line that holds a directive and nothing else is one:
 *   verbatim-disable-next-line [codes…]
 *   verbatim-disable [codes…]   …   verbatim-enable [codes…]
 * (optionally after `#`, `//`, `--`, `%` or `;`). Such lines are read as directives in any draft,
 * and, like comments, are not checked as text.
 * Without codes, every code is suppressed.
 */
import type { Finding } from './findings';

interface Region {
  readonly start: number;
  readonly end: number;
  /** Undefined: all codes. */
  readonly codes?: ReadonlySet<string>;
}

const COMMENT = /<!--\s*verbatim-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;
/** A plain-text directive: alone on its line, its words all codes. */
const LINE_DIRECTIVE = /^[ \t]*(?:(?:#|\/\/|--|%|;)[ \t]*)?verbatim-(disable-next-line|disable|enable)((?:[ \t,]+[a-z][a-z0-9-]*)*)[ \t]*\r?$/gm;

interface Directive {
  readonly kind: string;
  readonly codes: readonly string[];
  readonly at: number;
  readonly after: number;
}

function directives(text: string): Directive[] {
  const out: Directive[] = [];
  const push = (m: RegExpMatchArray) => out.push({ kind: m[1], codes: m[2].trim().split(/[\s,]+/).filter(Boolean), at: m.index!, after: m.index! + m[0].length });
  for (const m of text.matchAll(COMMENT)) push(m);
  if (text.includes('verbatim-')) for (const m of text.matchAll(LINE_DIRECTIVE)) push(m);
  return out.sort((a, b) => a.at - b.at);
}

/** The suppressed regions of a draft. */
export function suppressionRegions(text: string): Region[] {
  const regions: Region[] = [];
  const open = new Map<string, number>(); // code or '*' → start offset
  for (const { kind, codes, at, after } of directives(text)) {
    const set = codes.length ? new Set(codes) : undefined;
    if (kind === 'disable-next-line') {
      // The next line holding text after the directive's own line.
      let lineStart = text.indexOf('\n', after);
      if (lineStart < 0) continue;
      lineStart++;
      while (lineStart < text.length && /^[ \t]*\r?$/.test(text.slice(lineStart, nextEol(text, lineStart)))) {
        lineStart = nextEol(text, lineStart) + 1;
      }
      regions.push({ start: lineStart, end: nextEol(text, lineStart), codes: set });
    } else if (kind === 'disable-line') {
      regions.push({ start: text.lastIndexOf('\n', at - 1) + 1, end: nextEol(text, at), codes: set });
    } else if (kind === 'disable') {
      for (const c of codes.length ? codes : ['*']) if (!open.has(c)) open.set(c, after);
    } else {
      const keys = codes.length ? codes : [...open.keys()];
      for (const c of keys) {
        const start = open.get(c);
        if (start === undefined) continue;
        open.delete(c);
        regions.push({ start, end: at, codes: c === '*' ? undefined : new Set([c]) });
      }
    }
  }
  for (const [c, start] of open) regions.push({ start, end: text.length, codes: c === '*' ? undefined : new Set([c]) });
  return regions;
}

function nextEol(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

/** Drops findings that start inside a region suppressing their code. */
export function applySuppressions(text: string, findings: readonly Finding[]): Finding[] {
  if (!text.includes('verbatim-')) return [...findings];
  const regions = suppressionRegions(text);
  if (!regions.length) return [...findings];
  // A sweep over regions and findings sorted by start (linear in both, however many
  // comments a long draft has), keeping the findings in their given order.
  const byStart = [...regions].sort((a, b) => a.start - b.start);
  const order = findings.map((_, i) => i).sort((a, b) => findings[a].start - findings[b].start || a - b);
  const suppressed = new Uint8Array(findings.length);
  let active: Region[] = [];
  let next = 0;
  for (const i of order) {
    const f = findings[i];
    while (next < byStart.length && byStart[next].start <= f.start) active.push(byStart[next++]);
    if (active.some(r => r.end <= f.start)) active = active.filter(r => r.end > f.start);
    if (active.some(r => !r.codes || r.codes.has(f.code))) suppressed[i] = 1;
  }
  return findings.filter((_, i) => !suppressed[i]);
}

/** Plain-text directive lines as spaces (same offsets, no words), so that they are not checked as prose. */
export function maskLineDirectives(text: string): string {
  if (!text.includes('verbatim-')) return text;
  return text.replace(LINE_DIRECTIVE, m => m.replace(/[^\r\n]/g, ' '));
}

import type { OffsetEdit } from './citations';
export type { OffsetEdit } from './citations';

/**
 * The edit that silences `code` on the line holding `offset` ("Ignore here").
 * Markdown: `<!-- verbatim-disable-next-line CODE -->` on its own line above when the line opens
 * a block (so the rendered text is unchanged); inside a paragraph or list, where a comment line
 * would split it, `<!-- verbatim-disable-line CODE -->` at the end of the line. Plain text:
 * `verbatim-disable-next-line CODE` on its own line above. A directive already there gains the code.
 */
export function disableEdit(text: string, offset: number, code: string, format: 'markdown' | 'plaintext'): OffsetEdit {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = nextEol(text, lineStart);
  const eol = text.slice(lineEnd - 1, lineEnd) === '\r' ? '\r\n' : '\n';
  const contentEnd = text.slice(lineEnd - 1, lineEnd) === '\r' ? lineEnd - 1 : lineEnd;
  const line = text.slice(lineStart, contentEnd);
  const indent = /^[ \t]*/.exec(line)![0];
  const prevEnd = lineStart > 0 ? lineStart - 1 : -1;
  const prevStart = prevEnd >= 0 ? text.lastIndexOf('\n', prevEnd - 1) + 1 : -1;
  const prev = prevEnd >= 0 ? text.slice(prevStart, prevEnd).replace(/\r$/, '') : undefined;

  const addCode = (directiveStart: number, directive: string, re: RegExp): OffsetEdit | undefined => {
    const m = re.exec(directive);
    if (!m) return undefined;
    const codes = m[2].trim().split(/[\s,]+/).filter(Boolean);
    if (!codes.length || codes.includes(code)) return { start: directiveStart, end: directiveStart, newText: '' };
    const at = directiveStart + m.index + m[1].length + m[2].trimEnd().length;
    return { start: at, end: at, newText: ` ${code}` };
  };

  if (format === 'plaintext') {
    if (prev !== undefined) {
      const existing = addCode(prevStart, prev, /^([ \t]*(?:(?:#|\/\/|--|%|;)[ \t]*)?verbatim-disable-next-line)((?:[ \t,]+[a-z][a-z0-9-]*)*)[ \t]*$/);
      if (existing) return existing;
    }
    return { start: lineStart, end: lineStart, newText: `${indent}verbatim-disable-next-line ${code}${eol}` };
  }
  if (prev !== undefined) {
    const existing = addCode(prevStart, prev, /^([ \t]*<!--\s*verbatim-disable-next-line)((?:[ \t,]+[a-z][a-z0-9-]*)*)\s*-->[ \t]*$/);
    if (existing) return existing;
  }
  const inline = /<!--\s*verbatim-disable-line((?:[ \t,]+[a-z][a-z0-9-]*)*)\s*-->[ \t]*$/.exec(line);
  if (inline) {
    const existing = addCode(lineStart + inline.index, inline[0], /^(<!--\s*verbatim-disable-line)((?:[ \t,]+[a-z][a-z0-9-]*)*)/);
    if (existing) return existing;
  }
  const opensBlock = prev === undefined || /^[ \t]*$/.test(prev);
  if (opensBlock) return { start: lineStart, end: lineStart, newText: `${indent}<!-- verbatim-disable-next-line ${code} -->${eol}` };
  return { start: contentEnd, end: contentEnd, newText: `${line.endsWith(' ') ? '' : ' '}<!-- verbatim-disable-line ${code} -->` };
}
