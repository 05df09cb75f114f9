/** YAML front matter, read with gray-matter (js-yaml underneath). */
import matter from 'gray-matter';
import type { LineIndex, Range } from '../positions';

export interface FrontMatter {
  readonly data: Record<string, unknown>;
  /** The first line after the closing fence (0 when there is no front matter). */
  readonly bodyStartLine: number;
  /** Why the front matter could not be read, when it could not. */
  readonly error?: string;
  readonly range?: Range;
}

const FENCE = /^---\s*$/;

/**
 * Finds the front matter block (a `---` line first, closed by another `---` line) and
 * parses it. The fences are located here so that the body's line numbers are known;
 * the YAML itself is parsed by gray-matter.
 */
export function readFrontMatter(text: string, lines: LineIndex): FrontMatter {
  if (lines.lineCount === 0 || !FENCE.test(lines.lineText(0).replace(/^\s/, ''))) return { data: {}, bodyStartLine: 0 };
  let close = -1;
  for (let l = 1; l < lines.lineCount; l++) {
    const line = lines.lineText(l);
    if (FENCE.test(line) || /^\.\.\.\s*$/.test(line)) {
      close = l;
      break;
    }
  }
  const range = { start: { line: 0, character: 0 }, end: { line: Math.max(close, 0), character: 3 } };
  if (close < 0) return { data: {}, bodyStartLine: 0, error: 'the front matter starts with "---" on line 1 but is never closed by another "---" line.', range };
  const block = [];
  for (let l = 0; l <= close; l++) block.push(lines.lineText(l).replace(/^\ufeff/, ''));
  block[close] = '---';
  try {
    // An options object keeps gray-matter from caching results by content.
    const parsed = matter(block.join('\n') + '\n', {});
    const data = parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data) ? (parsed.data as Record<string, unknown>) : {};
    return { data, bodyStartLine: close + 1 };
  } catch (e) {
    const reason = ((e as Error).message ?? String(e)).split('\n')[0];
    return { data: {}, bodyStartLine: close + 1, error: `the front matter is not valid YAML (${reason}).`, range };
  }
}

/**
 * The source's language from its front matter (`lang`, `language` or `locale`): `fr` for
 * `fr`, `fr-CA`, `French` or `français`, `en` likewise, otherwise the code's first part
 * lower-cased. Undefined when the front matter does not say.
 */
export function readLanguage(data: Readonly<Record<string, unknown>>): string | undefined {
  const v = data.lang ?? data.language ?? data.locale;
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const s = v.trim().toLowerCase();
  if (/^(?:fr(?:[-_].*)?|french|fran[cç]ais)$/.test(s)) return 'fr';
  if (/^(?:en(?:[-_].*)?|english|anglais)$/.test(s)) return 'en';
  const code = /^([a-z]{2,3})(?:[-_]|$)/.exec(s);
  return code ? code[1] : undefined;
}
