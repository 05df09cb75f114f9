/**
 * Official names in the sources: programmes, forums, plans, institutions, agreements
 * (`Cross-Border Crime Forum`, `Canada-U.S. Critical Minerals Action Plan`,
 * `North American Aerospace Defense Command (NORAD)`).
 *
 * Extraction is a heuristic over capitalisation: a run of capitalised words, possibly
 * joined by lower-case connectors (`of`, `for`, `and`, `on`, `in the`…), at least two
 * capitalised words long, optionally followed by a parenthesised acronym. Leading
 * sentence words (`The`, `Both`…) are dropped. Pure and computed once per index.
 *
 * Used by completion (names completed from their first letters or their acronym) and
 * meant for the checker (altered-name detection): see {@link OfficialNameTable}.
 */
import type { CorpusIndex } from './corpusIndex';
import { normalizeText } from './normalize';
import { runSteps, type Steps } from './steps';
import type { Paragraph } from './types';

/** Where a name occurs: offsets into `paragraph.text`. */
export interface NameOccurrence {
  readonly paragraph: Paragraph;
  readonly start: number;
  readonly end: number;
}

/** One official name, merged over all its occurrences (compared after normalisation). */
export interface OfficialName {
  /** The name as first written in the sources, acronym included: `North American Aerospace Defense Command (NORAD)`. */
  readonly text: string;
  /** The name without its parenthesised acronym: `North American Aerospace Defense Command`. */
  readonly base: string;
  /** The parenthesised acronym when the sources give one (`NORAD`). */
  readonly acronym?: string;
  /** `normalizeText(base).text`: lower case, straight quotes; the key names are merged by. */
  readonly key: string;
  /** The normalised words of `base`. */
  readonly words: readonly string[];
  /** Every place the name occurs (with or without the acronym), in corpus order. */
  readonly occurrences: readonly NameOccurrence[];
}

/** The official names of one index, with look-ups. Immutable. */
export interface OfficialNameTable {
  /** Every name, in order of first occurrence. */
  readonly names: readonly OfficialName[];
  /** The name with this normalised base text (`normalizeText(base).text`), if any. */
  byKey(key: string): OfficialName | undefined;
  /** Names whose parenthesised acronym or initials are `acronym` (case-insensitive). */
  byAcronym(acronym: string): readonly OfficialName[];
  /** Names whose first normalised word starts with `prefix` (at most `limit`). */
  startingWith(prefix: string, limit?: number): readonly OfficialName[];
}

const CONNECTORS = new Set(['of', 'for', 'and', 'on', 'in', 'the', 'to', 'against', 'de', 'a']);
const LEADING_NOISE = new Set(['the', 'a', 'an', 'this', 'these', 'that', 'they', 'both', 'our', 'we', 'it', 'its', 'their', 'in', 'on', 'to', 'for', 'and', 'as', 'through', 'under', 'with', 'by', 'at', 'from', 'today', 'building', 'all', 'each']);
const ACRONYM = /^\((\p{Lu}[\p{Lu}\p{N}.&-]{1,11})\)([,.;:]?)$/u;
const ABBREVIATION_END = /(?:^|[-–])(?:\p{Lu}\.){2,}$/u;
const CAPITALISED = /^[\p{Lu}]/u;
const OPENING_PUNCT = /^[(“"‘[]/;
const TRAILING_PUNCT = /[,;:.!?)”"\]]+$/;

/** The official names of `index`, computed once per index. */
export function officialNames(index: CorpusIndex): OfficialNameTable {
  return index.derive('engine.officialNames', i => runSteps(buildNames(i)));
}

/** Builds the name table in steps (the language server warms a new index with it). */
export function warmOfficialNames(index: CorpusIndex): Steps<OfficialNameTable> {
  return index.deriveSteps('engine.officialNames', buildNames);
}

const PARAGRAPHS_PER_STEP = 500;

interface Word {
  text: string;
  start: number;
  end: number;
  /** A boundary (punctuation) follows the word: a name cannot continue past it. */
  stop: boolean;
  /** A boundary precedes the word. */
  open: boolean;
  /** The word starts with a capital letter. */
  cap: boolean;
}

function* buildNames(index: CorpusIndex): Steps<OfficialNameTable> {
  const byKey = new Map<string, { name: MutableName }>();
  const names: MutableName[] = [];
  const WORD = /\S+/g;
  for (let pi = 0; pi < index.paragraphs.length; pi++) {
    if (pi % PARAGRAPHS_PER_STEP === PARAGRAPHS_PER_STEP - 1) yield;
    const p = index.paragraphs[pi];
    const words: Word[] = [];
    const text = p.text;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
      let s = m.index;
      let w = m[0];
      // Fast path for the common case, a lower-case word with no punctuation around it.
      if (isAsciiLower(w.charCodeAt(0)) && isAsciiLower(w.charCodeAt(w.length - 1))) {
        words.push({ text: w, start: s, end: s + w.length, stop: false, open: false, cap: false });
        continue;
      }
      let open = false;
      while (OPENING_PUNCT.test(w) && !ACRONYM.test(w)) {
        w = w.slice(1);
        s++;
        open = true;
      }
      let stop = false;
      const trail = TRAILING_PUNCT.exec(w);
      if (trail && !ACRONYM.test(w)) {
        const kept = trail[0] === '.' && ABBREVIATION_END.test(w) ? w : w.slice(0, trail.index);
        if (kept !== w || trail[0] !== '.') stop = true;
        w = kept;
      }
      if (!w) continue;
      words.push({ text: w, start: s, end: s + w.length, stop, open, cap: CAPITALISED.test(w) });
    }
    for (let i = 0; i < words.length; ) {
      const used = readName(words, i, p, byKey, names);
      i = Math.max(i + 1, used);
    }
  }
  const frozen = names.map(n => Object.freeze({ ...n, occurrences: Object.freeze(n.occurrences) })) as OfficialName[];
  const keyMap = new Map<string, OfficialName>();
  const acronyms = new Map<string, OfficialName[]>();
  const addAcronym = (a: string, n: OfficialName) => {
    const k = a.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (k.length < 2) return;
    const list = acronyms.get(k);
    if (!list) acronyms.set(k, [n]);
    else if (!list.includes(n)) list.push(n);
  };
  const firstWords: { word: string; name: OfficialName }[] = [];
  for (const n of frozen) {
    keyMap.set(n.key, n);
    if (n.acronym) addAcronym(n.acronym, n);
    addAcronym(initials(n.base), n);
    firstWords.push({ word: n.words[0] ?? '', name: n });
  }
  firstWords.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return Object.freeze({
    names: Object.freeze(frozen),
    byKey: (key: string) => keyMap.get(key),
    byAcronym: (a: string) => acronyms.get(a.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? [],
    startingWith(prefix: string, limit = 50): readonly OfficialName[] {
      let lo = 0;
      let hi = firstWords.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (firstWords[mid].word < prefix) lo = mid + 1;
        else hi = mid;
      }
      const out: OfficialName[] = [];
      for (let i = lo; i < firstWords.length && out.length < limit && firstWords[i].word.startsWith(prefix); i++) out.push(firstWords[i].name);
      return out;
    },
  });
}

type MutableName = { -readonly [K in keyof OfficialName]: OfficialName[K] } & { occurrences: NameOccurrence[] };

/** Reads a name starting at word `i` if there is one; returns the index after it. */
function readName(words: Word[], i: number, p: Paragraph, byKey: Map<string, { name: MutableName }>, names: MutableName[]): number {
  if (!words[i].cap) return i + 1;
  // Skip leading sentence words that happen to be capitalised.
  let start = i;
  while (start < words.length && LEADING_NOISE.has(words[start].text.toLowerCase()) && CAPITALISED.test(words[start].text) && !words[start].stop) start++;
  if (start >= words.length || !CAPITALISED.test(words[start].text)) return i + 1;
  let end = start; // exclusive
  let capitals = 0;
  let lastCapital = start;
  for (let j = start; j < words.length; j++) {
    const w = words[j];
    if (j > start && w.open) break;
    const lower = w.text.toLowerCase();
    if (CAPITALISED.test(w.text) || /^\d+\+\d+$/.test(w.text)) {
      capitals++;
      lastCapital = j;
      end = j + 1;
      if (w.stop) break;
    } else if (j > start && CONNECTORS.has(lower) && !w.stop) {
      // `and the` / `and a` usually joins two names, not one.
      if (lower === 'the' || lower === 'a') {
        if (words[j - 1].text.toLowerCase() === 'and') break;
      }
      if (lower === 'and' && j + 1 < words.length && ['the', 'a'].includes(words[j + 1].text.toLowerCase())) break;
      continue;
    } else break;
  }
  end = lastCapital + 1;
  if (capitals < 2 && !isAcronymWord(words[start].text)) return end;
  let base = p.text.slice(words[start].start, words[end - 1].end);
  let nameEnd = words[end - 1].end;
  let acronym: string | undefined;
  const next = words[end];
  if (next && !words[end - 1].stop) {
    const a = ACRONYM.exec(next.text);
    if (a) {
      acronym = a[1];
      nameEnd = next.start + 2 + a[1].length;
    }
  }
  if (capitals < 2 && !acronym && words[start].text.length < 3) return end;
  base = base.replace(/\s+/g, ' ');
  const key = normalizeText(base).text;
  let entry = byKey.get(key);
  if (!entry) {
    const name: MutableName = {
      text: acronym ? `${base} (${acronym})` : base,
      base,
      acronym,
      key,
      words: key.split(/[^\p{L}\p{N}']+/u).filter(Boolean),
      occurrences: [],
    };
    entry = { name };
    byKey.set(key, entry);
    names.push(name);
  } else if (acronym && !entry.name.acronym) {
    entry.name.acronym = acronym;
    entry.name.text = `${entry.name.base} (${acronym})`;
  }
  entry.name.occurrences.push({ paragraph: p, start: words[start].start, end: nameEnd });
  return acronym ? end + 1 : end;
}

function isAsciiLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isAcronymWord(w: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}-]{2,}$/u.test(w) && !/^\p{Lu}-/u.test(w);
}

/** Initials of the capitalised words: `Cross-Border Crime Forum` → `CBCF`. */
function initials(base: string): string {
  return base
    .split(/[\s-]+/)
    .filter(w => CAPITALISED.test(w))
    .map(w => w[0])
    .join('');
}
