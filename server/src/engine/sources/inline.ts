/**
 * The official words of a block of Markdown, with the file offset of every character kept.
 *
 * markdown-it's inline pass is off (see parse.ts), so inline syntax is removed here, once,
 * when a source is indexed: every feature (completion, ghost text, fixes, hovers, the
 * report) then shows the words as a reader would write them. What is removed or replaced:
 * backslash escapes (`\[`, `Joe\_Biden`: a scrape's non-breaking space), HTML entities and
 * inline tags (`<span style=…>`, `<u>`), images (dropped whole), links (reduced to their
 * text), emphasis markers (`**`, `__`, `*`, `_`), soft hyphens, and a hyphenated word split
 * by a line break (`whole-of- government`).
 */

/**
 * Text with the file offset of each of its UTF-16 units. A character that replaces markup
 * (a space for `\_`, `&` decoded) maps to the first character of what it replaces.
 */
export interface MappedText {
  readonly text: string;
  readonly offsets: Uint32Array;
}

export function sliceMapped(m: MappedText, start: number, end = m.text.length): MappedText {
  return { text: m.text.slice(start, end), offsets: m.offsets.subarray(start, end) };
}

/** Without leading and trailing white space. */
export function trimMapped(m: MappedText): MappedText {
  let start = 0;
  let end = m.text.length;
  while (start < end && /\s/.test(m.text[start])) start++;
  while (end > start && /\s/.test(m.text[end - 1])) end--;
  return start === 0 && end === m.text.length ? m : sliceMapped(m, start, end);
}

/** `text` as if it started at offset `start` of the file (for text that is not in the file, such as a heading's content). */
export function mappedString(text: string, start = 0): MappedText {
  const offsets = new Uint32Array(text.length);
  for (let i = 0; i < text.length; i++) offsets[i] = start + i;
  return { text, offsets };
}

/** Text being cleaned: `literal[i]` marks a character that came from an escape or an entity and is never markup. */
interface Work extends MappedText {
  readonly literal?: Uint8Array;
}

/** Drops and replacements by position, applied in one pass. */
class Edits {
  readonly drop: Uint8Array;
  readonly replace = new Map<number, string>();
  readonly makeLiteral = new Set<number>();
  any = false;

  constructor(length: number) {
    this.drop = new Uint8Array(length);
  }

  dropRange(from: number, to: number): void {
    if (to <= from) return;
    this.drop.fill(1, from, to);
    this.any = true;
  }

  /** Drops a whole token (an image, a stray marker) and one of the spaces around it, so no double space is left. */
  dropToken(s: string, from: number, to: number): void {
    const spaceBefore = from === 0 || /\s/.test(s[from - 1]);
    if (spaceBefore && /\s/.test(s[to] ?? '')) to++;
    else if (spaceBefore && to >= s.length && from > 0) from--;
    this.dropRange(from, to);
  }

  set(i: number, s: string, literal = true): void {
    this.replace.set(i, s);
    if (literal) this.makeLiteral.add(i);
    this.any = true;
  }

  apply(w: Work): Work {
    if (!this.any) return w;
    const n = w.text.length;
    let extra = 0;
    for (const r of this.replace.values()) extra += r.length;
    const parts: string[] = [];
    const offsets = new Uint32Array(n + extra);
    const needLiteral = w.literal !== undefined || this.makeLiteral.size > 0;
    const literal = needLiteral ? new Uint8Array(n + extra) : undefined;
    let len = 0;
    // Runs of kept, unreplaced characters are copied as slices; the hot path of a large corpus.
    for (let i = 0; i < n; ) {
      if (this.drop[i]) {
        i++;
        continue;
      }
      const r = this.replace.get(i);
      if (r !== undefined) {
        const lit = (w.literal?.[i] ?? 0) || this.makeLiteral.has(i) ? 1 : 0;
        for (let k = 0; k < r.length; k++) {
          offsets[len] = w.offsets[i];
          if (literal) literal[len] = lit;
          len++;
        }
        parts.push(r);
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !this.drop[j] && !this.replace.has(j)) j++;
      parts.push(w.text.slice(i, j));
      offsets.set(w.offsets.subarray(i, j), len);
      if (literal && w.literal) literal.set(w.literal.subarray(i, j), len);
      len += j - i;
      i = j;
    }
    return { text: parts.join(''), offsets: offsets.slice(0, len), literal: literal?.slice(0, len) };
  }
}

/** The text with literal characters (escaped, decoded) masked so that no markup pattern matches them. */
function masked(w: Work): string {
  if (!w.literal || !w.literal.includes(1)) return w.text;
  let s = '';
  for (let i = 0; i < w.text.length; i++) s += w.literal[i] ? '\u0001' : w.text[i];
  return s;
}

const ASCII_PUNCT = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const WORD = /[\p{L}\p{N}]/u;

/** Backslash escapes: `\[` → `[`; `Joe\_Biden` and pandoc's `\ ` (non-breaking spaces) → a space. */
function escapes(w: Work): Work {
  const s = w.text;
  if (!s.includes('\\')) return w;
  const e = new Edits(s.length);
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || w.literal?.[i]) continue;
    const next = s[i + 1];
    if (next === undefined) {
      e.dropRange(i, i + 1); // a hard break's backslash at the very end
    } else if (next === '_' && WORD.test(s[i - 1] ?? '') && WORD.test(s[i + 2] ?? '')) {
      e.dropRange(i, i + 1);
      e.set(i + 1, ' ');
      i++;
    } else if (next === ' ' || next === '\u00a0') {
      e.dropRange(i, i + 1);
      i++;
    } else if (ASCII_PUNCT.test(next)) {
      e.dropRange(i, i + 1);
      e.set(i + 1, next);
      i++;
    }
  }
  return e.apply(w);
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', laquo: '\u00ab', raquo: '\u00bb',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', shy: '\u00ad', copy: '\u00a9', reg: '\u00ae', deg: '\u00b0',
  eacute: 'é', egrave: 'è', ecirc: 'ê', agrave: 'à', acirc: 'â', ccedil: 'ç', ocirc: 'ô', icirc: 'î', ucirc: 'û', ugrave: 'ù',
  Eacute: 'É', Egrave: 'È', Agrave: 'À', Ccedil: 'Ç',
};

const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'big', 'br', 'cite', 'del', 'em', 'font', 'i', 'ins', 'mark', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'wbr']);

/** HTML comments, inline tags and entities; `<https://…>` autolinks keep their address. */
function html(w: Work): Work {
  const s = masked(w);
  if (!/[<&]/.test(s)) return w;
  const e = new Edits(s.length);
  for (const m of s.matchAll(/<!--[\s\S]*?-->/g)) e.dropRange(m.index!, m.index! + m[0].length);
  for (const m of s.matchAll(/<\/?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>/g)) {
    if (!INLINE_TAGS.has(m[1].toLowerCase())) continue;
    if (m[1].toLowerCase() === 'br') {
      e.set(m.index!, ' ', false);
      e.dropRange(m.index! + 1, m.index! + m[0].length);
    } else {
      e.dropRange(m.index!, m.index! + m[0].length);
    }
  }
  for (const m of s.matchAll(/<((?:https?|mailto|ftp):[^<>\s]+)>/gi)) {
    e.dropRange(m.index!, m.index! + 1);
    e.dropRange(m.index! + m[0].length - 1, m.index! + m[0].length);
  }
  for (const m of s.matchAll(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g)) {
    const name = m[1];
    let ch: string | undefined;
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      ch = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
    } else {
      ch = ENTITIES[name];
    }
    if (ch === undefined) continue;
    e.set(m.index!, ch);
    e.dropRange(m.index! + 1, m.index! + m[0].length);
  }
  return e.apply(w);
}

/** A link or image destination with its optional title: `(url)`, `(<url>)`, `(url "title")`, one level of parentheses in the url. */
const DESTINATION = String.raw`\(\s*(?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)`;
/** Link text: no brackets, or one level of nested brackets. */
const LINK_TEXT = String.raw`\[((?:[^[\]]|\[[^[\]]*\])*)\]`;
const IMAGE = new RegExp(String.raw`!${LINK_TEXT}(?:${DESTINATION}|\[[^[\]]*\])`, 'g');
const LINK = new RegExp(String.raw`${LINK_TEXT}(${DESTINATION}|\[[^[\]]*\])`, 'g');

/** Images are dropped whole (their alt text is not the statement's words); links keep their text. */
function links(w: Work): Work {
  let s = masked(w);
  if (!s.includes('[')) return w;
  if (s.includes('![')) {
    const e = new Edits(s.length);
    for (const m of s.matchAll(IMAGE)) e.dropToken(s, m.index!, m.index! + m[0].length);
    w = e.apply(w);
    s = masked(w);
  }
  const e = new Edits(s.length);
  for (const m of s.matchAll(LINK)) {
    const start = m.index!;
    if (!m[1].trim()) {
      e.dropToken(s, start, start + m[0].length); // a link around a dropped image
      continue;
    }
    const textEnd = start + 1 + m[1].length;
    e.dropRange(start, start + 1);
    e.dropRange(textEnd, start + m[0].length);
  }
  return e.apply(w);
}

/** Emphasis markers: `**`/`__` pairs, then any stray `**`/`__`, then single `*`/`_` pairs that are not inside a word. */
function emphasis(w: Work): Work {
  let s = masked(w);
  if (!/[*_]/.test(s)) return w;
  // `**x**`, `__x__`: an opener has no space after it; the first later marker of its kind with
  // no space before it closes it. One left-to-right pass (a lazy regex is quadratic on stray markers).
  const pairs = new Edits(s.length);
  const open: Record<string, number | undefined> = {};
  for (const m of s.matchAll(/\*\*|__/g)) {
    const i = m.index!;
    const before = s[i - 1];
    const after = s[i + 2];
    const opener = open[m[0]];
    if (opener !== undefined && before !== undefined && !/\s/.test(before) && i > opener + 2) {
      pairs.dropRange(opener, opener + 2);
      pairs.dropRange(i, i + 2);
      open[m[0]] = undefined;
    } else if (opener === undefined && after !== undefined && !/\s/.test(after)) {
      open[m[0]] = i;
    }
  }
  w = pairs.apply(w);
  s = masked(w);
  const rest = new Edits(s.length);
  for (const m of s.matchAll(/\*{2,}|_{2,}/g)) rest.dropToken(s, m.index!, m.index! + m[0].length);
  for (const m of s.matchAll(/(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\p{L}\p{N}*])/gu)) {
    rest.dropRange(m.index!, m.index! + 1);
    rest.dropRange(m.index! + m[0].length - 1, m.index! + m[0].length);
  }
  for (const m of s.matchAll(/(?<![\p{L}\p{N}_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\p{L}\p{N}_])/gu)) {
    rest.dropRange(m.index!, m.index! + 1);
    rest.dropRange(m.index! + m[0].length - 1, m.index! + m[0].length);
  }
  return rest.apply(w);
}

/** Soft hyphens and zero-width spaces: invisible, never part of the words. */
function invisibles(w: Work): Work {
  if (!/[\u00ad\u200b]/.test(w.text)) return w;
  const e = new Edits(w.text.length);
  for (const m of w.text.matchAll(/[\u00ad\u200b]+/g)) e.dropRange(m.index!, m.index! + m[0].length);
  return e.apply(w);
}

/**
 * The words that may follow a suspended hyphen (`low- and middle-income`, `pré- et
 * post-électoral`): there the space is the writer's, not a line break's.
 */
const SUSPENDED = new Set(['and', 'or', 'nor', 'to', 'than', 'versus', 'vs', 'et', 'ou', 'à', 'au', 'und', 'oder', 'y', 'o', 'e']);

/** Whether a hyphen that ends a line before `next` is a hyphenated word wrapped there (`Indo-` / `Pacific`). */
export function joinsAcrossBreak(before: string, next: string): boolean {
  if (!/\p{L}-$/u.test(before) || !/^\p{L}/u.test(next)) return false;
  const word = /^\p{L}+/u.exec(next)![0].toLowerCase();
  return !SUSPENDED.has(word);
}

/** `whole-of- government` → `whole-of-government`: a hyphenated word whose line break became a space. */
export function repairHyphenation(m: MappedText): MappedText {
  if ((!m.text.includes('- ') && !m.text.includes('-\u00a0')) || !/\p{L}-[ \u00a0]\p{Ll}/u.test(m.text)) return m;
  const e = new Edits(m.text.length);
  for (const x of m.text.matchAll(/(?<=\p{L}-)[ \u00a0](?=(\p{Ll}+))/gu)) {
    if (!SUSPENDED.has(x[1])) e.dropRange(x.index!, x.index! + 1);
  }
  return e.apply(m);
}

/** The official words of `m`: every inline markup removed, offsets kept. */
export function cleanInline(m: MappedText): MappedText {
  if (!/[\\<&[*_\u00ad\u200b]/.test(m.text)) return repairHyphenation(m);
  let w: Work = m;
  w = escapes(w);
  w = html(w);
  w = links(w);
  w = emphasis(w);
  w = invisibles(w);
  return repairHyphenation({ text: w.text, offsets: w.offsets });
}

/** Whether `m` is nothing but images (and white space): a picture, not a passage. */
export function isImageOnly(text: string): boolean {
  if (!text.includes('![')) return false;
  const rest = text.replace(new RegExp(String.raw`\[\s*${IMAGE.source}\s*\]${DESTINATION}`, 'g'), '').replace(IMAGE, '');
  return rest.trim().length === 0;
}
