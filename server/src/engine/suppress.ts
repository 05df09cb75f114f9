/**
 * In-draft suppression comments:
 *   <!-- verbatim-disable-next-line [codes…] -->   the next non-blank line
 *   <!-- verbatim-disable [codes…] --> … <!-- verbatim-enable [codes…] -->   a region (to the end if not closed)
 * Without codes, every code is suppressed.
 */
import type { Finding } from './findings';

interface Region {
  readonly start: number;
  readonly end: number;
  /** Undefined: all codes. */
  readonly codes?: ReadonlySet<string>;
}

const COMMENT = /<!--\s*verbatim-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/** The suppressed regions of a draft. */
export function suppressionRegions(text: string): Region[] {
  const regions: Region[] = [];
  const open = new Map<string, number>(); // code or '*' → start offset
  for (const m of text.matchAll(COMMENT)) {
    const codes = m[2].trim().split(/[\s,]+/).filter(Boolean);
    const at = m.index!;
    const after = at + m[0].length;
    if (m[1] === 'disable-next-line') {
      // The next line holding text after the comment's own line.
      let lineStart = text.indexOf('\n', after);
      if (lineStart < 0) continue;
      lineStart++;
      while (lineStart < text.length && /^[ \t]*\r?$/.test(text.slice(lineStart, nextEol(text, lineStart)))) {
        lineStart = nextEol(text, lineStart) + 1;
      }
      regions.push({ start: lineStart, end: nextEol(text, lineStart), codes: codes.length ? new Set(codes) : undefined });
    } else if (m[1] === 'disable') {
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
