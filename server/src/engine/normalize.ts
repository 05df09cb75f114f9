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

/** A normalised string with an exact map back into the original text. */
export interface NormalizedText {
  /** The normalised text (lower case, single spaces, straight quotes). */
  readonly text: string;
  /**
   * `map[i]` is the offset in the original string of normalised character `i`;
   * `map[text.length]` is the original offset just past the last mapped character.
   */
  readonly map: Uint32Array;
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
  const out: string[] = [];
  const map: number[] = [];
  let pendingSpace = -1; // original offset of a white-space run not yet emitted
  const emit = (s: string, at: number) => {
    if (pendingSpace >= 0) {
      const prev = out.length ? out[out.length - 1] : '';
      const hyphenArtefact = prev === '-' && out.length >= 2 && LETTER.test(out[out.length - 2]) && LETTER.test(s);
      if (out.length > 0 && !hyphenArtefact) {
        out.push(' ');
        map.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    // Per UTF-16 unit, so that text and map stay aligned; a surrogate pair's halves map to
    // their own offsets, an expansion (`…` → `...`) maps every output unit to its source.
    const expanded = s.length > 1 && !(s.charCodeAt(0) >= 0xd800 && s.charCodeAt(0) <= 0xdbff);
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]);
      map.push(expanded ? at : at + k);
    }
  };
  for (let i = 0; i < input.length; i++) {
    let ch = input[i];
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < input.length) {
      // Keep surrogate pairs together; both halves map to the pair's start.
      const pair = ch + input[i + 1];
      const folded = options.keepCase ? pair : pair.toLowerCase();
      emit(folded.length === 2 ? folded : pair, i);
      i++;
      continue;
    }
    if (SPACE.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (DROPPED.test(ch)) continue;
    if (SINGLE_QUOTES.test(ch)) ch = "'";
    else if (DOUBLE_QUOTES.test(ch)) ch = '"';
    else if (DASHES.test(ch)) ch = '-';
    else if (ch === '\u2026') {
      emit('...', i);
      continue;
    } else if (!options.keepCase) ch = ch.toLowerCase();
    emit(ch, i);
  }
  const end = out.length ? map[map.length - 1] + lengthAt(input, map[map.length - 1]) : 0;
  map.push(end);
  return { text: out.join(''), map: Uint32Array.from(map) };
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
    const at = n.map[Math.min(start, n.text.length)];
    return { start: at, end: at };
  }
  const last = n.map[end - 1];
  return { start: n.map[start], end: last + lengthAt(original, last) };
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
