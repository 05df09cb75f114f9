/**
 * The one Markdown escaper, and helpers for hover, completion and report text. Everything
 * shown comes from source files or drafts, which Verbatim does not control, so it is
 * escaped to render literally: no HTML, no links, no command links, no emphasis.
 */

/** Characters with inline meaning in CommonMark/GFM, escaped wherever they appear. */
const INLINE = /[\\`*_{}[\]()<>#|~!&]/g;
/** In a table cell: the same, and the characters of list and heading starts; `<`, `>`, `"` as entities. */
const TABLE = /[\\`*_{}[\]()#+\-.!|<>~"]/g;
const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Where escaped text goes: `inline`, a paragraph (hover, completion documentation); `table`,
 * a cell of a Markdown table (the report), where white space collapses to single spaces.
 */
export type MarkdownContext = 'inline' | 'table';

/**
 * Escapes `text` so that Markdown renders it literally. Every character with inline
 * meaning is backslash-escaped (CommonMark allows it for all ASCII punctuation), line
 * starts that would open a block (`-`, `+`, `=`, `1.`) are escaped too, and line breaks
 * become spaces so that the text stays one paragraph. In a table cell, HTML's `<`, `>`
 * and `"` become entities.
 */
export function escapeMarkdown(text: string, context: MarkdownContext = 'inline'): string {
  if (context === 'table') return text.replace(/\s+/g, ' ').trim().replace(TABLE, c => ENTITIES[c] ?? `\\${c}`);
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(INLINE, ch => `\\${ch}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Removes the backslash escapes added by {@link escapeMarkdown} (for tests and plain-text views). */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** `text` in bold, escaped; empty when there is nothing but white space. */
export function strong(text: string): string {
  const t = text.trim();
  return t ? `**${escapeMarkdown(t)}**` : '';
}

/**
 * A link to an `http(s)` URL taken from a source's front matter, or undefined when the
 * value is not one (a `command:` or `javascript:` URL from a source is never linked).
 */
export function safeLink(label: string, url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s<>"'`]+$/i.test(url)) return undefined;
  const target = encodeURI(decodeSafely(url)).replace(/[()]/g, c => (c === '(' ? '%28' : '%29'));
  return `[${escapeMarkdown(label)}](${target})`;
}

function decodeSafely(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
