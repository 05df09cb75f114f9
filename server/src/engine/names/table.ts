/**
 * The one table of official names in the sources (`Cross-Border Crime Forum`,
 * `Canada-U.S. Critical Minerals Action Plan`, `North American Aerospace Defense Command
 * (NORAD)`), built once per index and read by the checker (altered names), completion
 * (names from their first letters or acronym) and hover (where a name first appears).
 *
 * A name is a run of capitalised words, possibly joined by connectors (`of`, `on`, `for`,
 * `and`, `the`, `in`, `to`), with at least two capitalised words; leading sentence words are
 * dropped (`The`, `Both`), and a run of peoples' adjectives is none (`Canadian and American`).
 * A run that lists names with `and the` also gives each of them. A parenthesised acronym
 * right after a name (`(NORAD)`) is the name's acronym.
 */
import type { CorpusIndex } from '../corpusIndex';
import { english } from '../lang/en';
import type { LanguagePack } from '../lang/pack';
import { normalizeText, tokenize } from '../normalize';
import { runSteps, stepBefore, type Steps } from '../steps';
import { paragraphPacks, warmParagraphWords, wordsOf, type Word } from '../text/words';
import type { Paragraph } from '../types';

/** A capitalised phrase: its text, the keys of its words, and its offsets in the text it was found in. */
export interface NamePhrase {
  readonly text: string;
  readonly keys: readonly string[];
  readonly start: number;
  readonly end: number;
}

/** Where a name occurs: offsets into `paragraph.text` (its acronym included when it follows). */
export interface NameOccurrence {
  readonly paragraph: Paragraph;
  readonly start: number;
  readonly end: number;
}

/** One official name, merged over all its occurrences. */
export interface OfficialName {
  /** As first written, with its acronym: `North American Aerospace Defense Command (NORAD)`. */
  readonly text: string;
  /** Without the acronym. */
  readonly base: string;
  readonly acronym?: string;
  /** `normalizeText(base).text`: lower case, straight quotes. */
  readonly key: string;
  /** The normalised words of `base`. */
  readonly words: readonly string[];
  /** The comparison keys of its words (what the checker compares). */
  readonly keys: readonly string[];
  /** Known only from inside a list joined by `and the`. */
  readonly part: boolean;
  /** Every place the name occurs, in corpus order. */
  readonly occurrences: readonly NameOccurrence[];
}

/** The official names of one index, with look-ups. Immutable. */
export interface OfficialNameTable {
  /** Names to offer and show: in order of first occurrence, without names made only of parties (`the President and the Prime Minister`). */
  readonly names: readonly OfficialName[];
  /** The name with this normalised base text, if any. */
  byKey(key: string): OfficialName | undefined;
  /** Names whose parenthesised acronym or initials are `acronym` (case-insensitive). */
  byAcronym(acronym: string): readonly OfficialName[];
  /** Names whose first normalised word starts with `prefix` (at most `limit`). */
  startingWith(prefix: string, limit?: number): readonly OfficialName[];
  /** The name whose normalised tokens, joined by spaces, are `tokens` (hover matches draft words so). */
  byTokens(tokens: string): OfficialName | undefined;
  /** The most tokens any name has (bounds hover's look-up), at most 16. */
  readonly maxTokens: number;
  /** Every name by its keys joined by spaces, parties and parts included (the checker's look-up). */
  byKeys(keys: string): NamePhrase | undefined;
  /** True if the name with these keys is known only from inside a list. */
  isPart(keys: string): boolean;
  /** Names having the content key `key`. */
  containing(key: string): readonly NamePhrase[];
  /** The capitalised phrases of paragraph `pi` of the index. */
  inParagraph(pi: number): readonly NamePhrase[];
  /** If an occurrence of a name in `paragraph` covers `offset` (after its first character), the end of the longest. */
  nameEndAt(paragraph: Paragraph, offset: number): number | undefined;
}

/** The official names of `index`, built once per index. */
export function officialNames(index: CorpusIndex): OfficialNameTable {
  return index.derive('names.table', i => runSteps(build(i)));
}

/** Builds the name table in steps (the language server warms a new index with it). */
export function warmOfficialNames(index: CorpusIndex): Steps<OfficialNameTable> {
  return index.deriveSteps('names.table', build);
}

/** Capitalised multi-word phrases (`Cross-Border Crime Forum`, `U.S. Department of Energy`) in `text[from, to)`. */
export function namePhrases(text: string, from = 0, to = text.length, lang: LanguagePack = english, words: readonly Word[] = wordsOf(text, from, to, lang)): NamePhrase[] {
  const { lead, connectors, peoples } = lang.names;
  const out: NamePhrase[] = [];
  let run: Word[] = [];
  const flush = () => {
    while (run.length && (connectors.has(run[run.length - 1].text) || !isCap(text, run[run.length - 1]))) run.pop();
    while (run.length && (lead.has(run[0].text) || !isCap(text, run[0]))) run.shift();
    const caps = run.filter(w => isCap(text, w));
    // `Canadian and American institutions`: peoples, not a name.
    if (caps.length >= 2 && !caps.every(w => peoples.has(w.text))) {
      const start = run[0].start + elided(text, run[0]);
      const end = run[run.length - 1].end;
      out.push({ text: text.slice(start, end), keys: run.map(w => w.key), start, end });
    }
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const prev = words[i - 1];
    const gap = prev ? text.slice(prev.end, w.start) : '';
    // Punctuation ends a name, and so does emphasis markup (`Biological E\n**Date:**`: a name does not run into a bold label).
    const broken = prev && /[,;:()"“”.!?*_]/.test(gap.replace(/^\.(?=-)/, ''));
    if (broken || (!isCap(text, w) && !connectors.has(w.text))) flush();
    if (isCap(text, w) || (run.length && connectors.has(w.text))) run.push(w);
  }
  flush();
  return out;
}

/**
 * The names a capitalised run joins with `and the` (`the Global Health Security Agenda and the
 * Global Partnership Against …`): each is an official name in its own right. The run stays a
 * name too, for drafts that quote the whole list.
 */
function namesJoinedBy(n: NamePhrase, lang: LanguagePack): NamePhrase[] {
  const [and, the] = lang.names.listJoin;
  const words = wordsOf(n.text, 0, undefined, lang);
  const parts: NamePhrase[] = [];
  let from = 0;
  const push = (to: number) => {
    const ws = words.slice(from, to);
    if (ws.length >= 2 && ws.filter(w => isCap(n.text, w)).length >= 2 && isCap(n.text, ws[0]) && isCap(n.text, ws[ws.length - 1])) {
      parts.push({ text: n.text.slice(ws[0].start, ws[ws.length - 1].end), keys: ws.map(w => w.key), start: n.start + ws[0].start, end: n.start + ws[ws.length - 1].end });
    }
  };
  for (let i = 1; i + 2 < words.length; i++) {
    if (words[i].text !== and || words[i + 1].text !== the) continue;
    push(i);
    from = i + 2;
  }
  if (from > 0) push(words.length);
  return parts;
}

/** The length of an elided article or preposition before a capitalised word (`l'Accord`, `d'Ottawa`): not part of the name. */
function elided(text: string, w: Word): number {
  const m = /^\p{Ll}['’](?=\p{Lu})/u.exec(text.slice(w.start, w.end));
  return m ? m[0].length : 0;
}

/** A word opening with a capital of any alphabet (`États`, `Mécanisme`, `l'Accord`), or a code with digits and letters (`G7`). */
function isCap(text: string, w: Word): boolean {
  const c = text[w.start + elided(text, w)];
  return (c >= 'A' && c <= 'Z') || (c > '\u007f' && /\p{Lu}/u.test(c)) || (/\d/.test(c) && /\p{L}/u.test(text.slice(w.start, w.end)));
}

const ACRONYM_AFTER = /^\s*\((\p{Lu}[\p{Lu}\p{N}.&-]{1,11})\)/u;

/** The table of `index`, in steps, each paragraph's names read in its source's language. */
function* build(index: CorpusIndex): Steps<OfficialNameTable> {
  const words = yield* warmParagraphWords(index);
  const packs = paragraphPacks(index);
  const inParagraph: NamePhrase[][] = [];
  for (let pi = 0; pi < index.paragraphs.length; pi++) {
    if (stepBefore(pi)) yield;
    const p = index.paragraphs[pi];
    inParagraph.push(namePhrases(p.text, 0, p.text.length, packs[pi], words[pi]));
  }
  // The pack each name was read with, for its function words and parties.
  const packOf = new Map<string, LanguagePack>();
  // The first copy of a name is its citation; a name found whole anywhere is not a part.
  const byKeys = new Map<string, NamePhrase>();
  const parts = new Set<string>();
  const seen = new Map<string, { occurrences: NameOccurrence[]; acronym?: string }>();
  for (let pi = 0; pi < index.paragraphs.length; pi++) {
    if (stepBefore(pi)) yield;
    const p = index.paragraphs[pi];
    const lang = packs[pi];
    for (const n of inParagraph[pi]) {
      const key = n.keys.join(' ');
      if (!packOf.has(key)) packOf.set(key, lang);
      if (!byKeys.has(key) || parts.has(key)) byKeys.set(key, n);
      parts.delete(key);
      record(seen, key, p, n);
      for (const x of namesJoinedBy(n, lang)) {
        const k = x.keys.join(' ');
        if (!packOf.has(k)) packOf.set(k, lang);
        record(seen, k, p, x);
        if (byKeys.has(k)) continue;
        byKeys.set(k, x);
        parts.add(k);
      }
    }
  }
  yield;
  const containing = new Map<string, NamePhrase[]>();
  for (const [key, n] of byKeys) {
    const lang = packOf.get(key) ?? english;
    for (const k of new Set(n.keys)) {
      if (lang.isStopKey(k)) continue;
      let list = containing.get(k);
      if (!list) containing.set(k, (list = []));
      list.push(n);
    }
  }
  yield;
  const names: OfficialName[] = [];
  for (const [key, n] of byKeys) {
    const lang = packOf.get(key) ?? english;
    if (n.keys.every(k => lang.parties.actorOnlyName.has(k))) continue;
    const s = seen.get(key)!;
    const base = n.text.replace(/\s+/g, ' ');
    const norm = normalizeText(base).text;
    names.push(Object.freeze({ text: s.acronym ? `${base} (${s.acronym})` : base, base, acronym: s.acronym, key: norm, words: norm.split(/[^\p{L}\p{N}']+/u).filter(Boolean), keys: n.keys, part: parts.has(key), occurrences: Object.freeze(s.occurrences) }));
  }
  yield;
  return lookups(names, byKeys, parts, containing, inParagraph);
}

/** Adds an occurrence of the name with keys `key` in `p` (with its acronym if one follows). */
function record(seen: Map<string, { occurrences: NameOccurrence[]; acronym?: string }>, key: string, p: Paragraph, n: NamePhrase): void {
  let s = seen.get(key);
  if (!s) seen.set(key, (s = { occurrences: [] }));
  const a = ACRONYM_AFTER.exec(p.text.slice(n.end, n.end + 16));
  if (a) s.acronym ??= a[1];
  s.occurrences.push({ paragraph: p, start: n.start, end: a ? n.end + a[0].length : n.end });
}

function lookups(
  names: readonly OfficialName[],
  byKeys: ReadonlyMap<string, NamePhrase>,
  parts: ReadonlySet<string>,
  containing: ReadonlyMap<string, readonly NamePhrase[]>,
  inParagraph: readonly (readonly NamePhrase[])[],
): OfficialNameTable {
  const keyMap = new Map<string, OfficialName>();
  const tokens = new Map<string, OfficialName>();
  const acronyms = new Map<string, OfficialName[]>();
  const addAcronym = (a: string, n: OfficialName) => {
    const k = a.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (k.length < 2) return;
    const list = acronyms.get(k);
    if (!list) acronyms.set(k, [n]);
    else if (!list.includes(n)) list.push(n);
  };
  let maxTokens = 2;
  for (const n of names) {
    if (!keyMap.has(n.key)) keyMap.set(n.key, n);
    const t = tokenize(n.key).map(x => x.text);
    if (!tokens.has(t.join(' '))) tokens.set(t.join(' '), n);
    maxTokens = Math.max(maxTokens, t.length);
    if (n.acronym) addAcronym(n.acronym, n);
    addAcronym(initials(n.base), n);
  }
  const byParagraph = new Map<Paragraph, NameOccurrence[]>();
  for (const n of names) {
    for (const o of n.occurrences) {
      let list = byParagraph.get(o.paragraph);
      if (!list) byParagraph.set(o.paragraph, (list = []));
      list.push(o);
    }
  }
  const firstWords = names.map(name => ({ word: name.words[0] ?? '', name })).sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return Object.freeze({
    names: Object.freeze([...names]),
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
    byTokens: (t: string) => tokens.get(t),
    maxTokens: Math.min(maxTokens, 16),
    byKeys: (k: string) => byKeys.get(k),
    isPart: (k: string) => parts.has(k),
    containing: (k: string) => containing.get(k) ?? [],
    inParagraph: (pi: number) => inParagraph[pi] ?? [],
    nameEndAt(paragraph: Paragraph, offset: number): number | undefined {
      let best: number | undefined;
      for (const o of byParagraph.get(paragraph) ?? []) if (o.start < offset && offset <= o.end && (best === undefined || o.end > best)) best = o.end;
      return best;
    },
  });
}

/** Initials of the capitalised words: `Cross-Border Crime Forum` → `CBCF`. */
function initials(base: string): string {
  return base
    .split(/[\s-]+/)
    .filter(w => /^\p{Lu}/u.test(w))
    .map(w => w[0])
    .join('');
}
