/**
 * Text normalisation for matching drafts against sources.
 *
 * Matching must ignore differences a drafter does not control or care about
 * (curly vs straight quotes, non-breaking spaces, case, runs of white space, the
 * source's hard line breaks and its hyphenation artefacts such as
 * `whole-of- government`), yet every finding has to point at the exact original
 * characters. So normalisation produces the normalised string *and* a map from
 * each normalised character back to its original offset.
 */

import { OffsetMapBuilder, type OffsetMap } from './offsetMap';

/** A normalised string with an exact map back into the original text. */
export interface NormalizedText {
  /** The normalised text (lower case, single spaces, straight quotes). */
  readonly text: string;
  /**
   * `map.at(i)` is the offset in the original string of normalised character `i`;
   * `map.at(text.length)` is the original offset just past the last mapped character.
   */
  readonly map: OffsetMap;
}

export interface NormalizeOptions {
  /** Keep letter case (default false: lower-case everything). */
  readonly keepCase?: boolean;
}

const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const DROPPED = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const LETTER = /[\p{L}\p{N}]/u;

/**
 * Normalises `input` for matching. See {@link NormalizedText} for the offset map.
 *
 * Rules: white space of any kind (including line breaks and NBSP) collapses to one
 * space and is trimmed; zero-width characters and soft hyphens disappear; typographic
 * quotes and apostrophes become `"` and `'`; dash variants become `-`; `…` becomes
 * `...`; a hyphen followed by white space and a letter (a hard-wrap artefact such as
 * `whole-of- government`) loses the white space; text is lower-cased unless asked not to.
 */
export function normalizeText(input: string, options: NormalizeOptions = {}): NormalizedText {
  // Hot path of corpus loading: char codes and a switch for ASCII, regexes only for the
  // rare non-ASCII character; output assembled in a reused typed array, not per-char
  // strings, and the offset map kept as runs (see OffsetMap).
  const keepCase = options.keepCase === true;
  const n = input.length;
  if (codeScratch.length < n * 3 + 16) codeScratch = new Uint16Array(n * 3 + 16); // `…` becomes three characters
  const codes = codeScratch;
  const map = new OffsetMapBuilder();
  let len = 0;
  let lastAt = -1; // original offset of the last output character
  let pendingSpace = -1; // original offset of a white-space run not yet emitted
  const push = (code: number, at: number) => {
    codes[len++] = code;
    map.push(at);
    lastAt = at;
  };
  /** Emits the pending space unless this is the first output or a hyphenation artefact. */
  const flushSpace = (nextIsLetter: boolean) => {
    if (pendingSpace < 0) return;
    const hyphenArtefact = len >= 2 && codes[len - 1] === 45 /* - */ && isLetterCodeAt(codes, len - 2) && nextIsLetter;
    if (len > 0 && !hyphenArtefact) push(32, pendingSpace);
    pendingSpace = -1;
  };
  for (let i = 0; i < n; i++) {
    let code = input.charCodeAt(i);
    if (code < 128) {
      if (code === 32 || (code >= 9 && code <= 13)) {
        if (pendingSpace < 0) pendingSpace = i;
        continue;
      }
      if (code === 96) code = 39; // backtick as apostrophe
      else if (!keepCase && code >= 65 && code <= 90) code += 32;
      if (pendingSpace >= 0) flushSpace(isAsciiLetterOrDigit(code));
      push(code, i);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      // Keep surrogate pairs together; both halves map to the pair's start.
      const pair = input[i] + input[i + 1];
      const out = keepCase ? pair : pair.toLowerCase();
      if (pendingSpace >= 0) flushSpace(LETTER.test(out));
      for (let k = 0; k < out.length; k++) push(out.charCodeAt(k), i);
      i++;
      continue;
    }
    const ch = input[i];
    if (SPACE.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (DROPPED.test(ch)) continue;
    let out: string;
    if (SINGLE_QUOTES.test(ch)) out = "'";
    else if (DOUBLE_QUOTES.test(ch)) out = '"';
    else if (DASHES.test(ch)) out = '-';
    else if (ch === '\u2026') out = '...';
    else out = keepCase ? ch : ch.toLowerCase();
    if (pendingSpace >= 0) flushSpace(LETTER.test(out));
    for (let k = 0; k < out.length; k++) push(out.charCodeAt(k), i);
  }
  map.push(len ? lastAt + lengthAt(input, lastAt) : 0);
  let text = '';
  for (let i = 0; i < len; i += 8192) text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(len, i + 8192)) as unknown as number[]);
  return { text, map: map.build() };
}

/** Output buffer reused by every call (normalisation is synchronous and not re-entrant). */
let codeScratch = new Uint16Array(4096);

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Whether the output character at `i` is a letter or digit (the low half of a pair counts via its pair). */
function isLetterCodeAt(codes: Uint16Array, i: number): boolean {
  const c = codes[i];
  if (c < 128) return isAsciiLetterOrDigit(c);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return LETTER.test(String.fromCharCode(codes[i - 1], c));
  return LETTER.test(String.fromCharCode(c));
}

function lengthAt(s: string, offset: number): number {
  const c = s.charCodeAt(offset);
  return c >= 0xd800 && c <= 0xdbff && offset + 1 < s.length ? 2 : 1;
}

/**
 * Maps a normalised range `[start, end)` back to the original string: the original
 * start of the first character and the original end of the last one.
 */
export function toOriginalRange(n: NormalizedText, start: number, end: number, original: string): { start: number; end: number } {
  if (end <= start) {
    const at = n.map.at(Math.min(start, n.text.length));
    return { start: at, end: at };
  }
  const last = n.map.at(end - 1);
  return { start: n.map.at(start), end: last + lengthAt(original, last) };
}

/** A word token: letters and digits, with inner apostrophes (`other's`). */
export interface Token {
  /** The token text as it appears in the string it was taken from. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/** Splits (normalised) text into word tokens with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return tokens;
}

/** Convenience: normalise then tokenise, returning the lower-cased words only. */
export function words(text: string): string[] {
  return tokenize(normalizeText(text).text).map(t => t.text);
}

/** A URL- and id-safe slug: `Combating COVID-19` becomes `combating-covid-19`. */
export function slugify(text: string): string {
  const slug = normalizeText(text)
    .text.normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', Œ: 'Oe', æ: 'ae', Æ: 'Ae' };

/**
 * Text with its ligatures written out (`main-d'œuvre` → `main-d'oeuvre`): a ligature is how the
 * letters are set, not another spelling, so a quotation writing `œuvre` where a wire copy has
 * `oeuvre` quotes it exactly, in any language (the quotation checker and hover's difference).
 */
export function typographic(text: string): string {
  return /[œŒæÆ]/.test(text) ? text.replace(/[œŒæÆ]/g, c => LIGATURES[c]) : text;
}
