/**
 * Finding what a draft is quoting or restating at a given place: the longest run of
 * words around the cursor that occurs in a source, the whole quotation when the cursor
 * is inside one (matched exactly or nearly), and the official names the sources use.
 *
 * Shared by hover, go to source and the quotation links. All lookups run on a word
 * bigram index built once per corpus index (`index.derive('hover.phrases')`) from each
 * paragraph's normalised text, so a lookup costs a few postings walks, not a corpus scan.
 */
import { throwIfCancelled, NeverCancelled, type CancellationToken } from './cancellation';
import type { CorpusIndex } from './corpusIndex';
import { normalizeText, toOriginalRange, tokenize, type NormalizedText, type Token } from './normalize';
import { runSteps, type Steps } from './steps';
import type { Paragraph } from './types';

/** Word ids are packed into bigram keys as `a * VOCAB + b`. */
const VOCAB = 2 ** 22;
/** Postings are packed as `paragraph * POSITIONS + token`. */
const POSITIONS = 2 ** 20;

/** Words that do not make a match worth showing on their own. */
const STOPWORDS = new Set(
  'a an the and or but nor of to in on at by for from with as is are was were be been being it its this that these those we our us they their them he his her i you your will would shall should may might can could has have had do does did not no both also which who whom whose so such than then into over all any each more most other some very there here what when where why how'.split(
    ' ',
  ),
);

/** The word bigram index over every paragraph of a corpus index. */
export interface PhraseIndex {
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Word ids of each paragraph (same order as `index.paragraphs`). */
  readonly tokens: readonly Int32Array[];
  /** Bigram key → packed postings, in reading order. */
  readonly bigrams: ReadonlyMap<number, readonly number[]>;
}

/** The phrase index of `index`, built on first use and kept for the index's lifetime. */
export function phraseIndex(index: CorpusIndex): PhraseIndex {
  return index.derive('hover.phrases', i => runSteps(buildPhraseIndex(i)));
}

/** Builds the phrase index and the name table in steps (the language server warms a new index with them). */
export function* warmHoverIndexes(index: CorpusIndex): Steps<void> {
  yield* index.deriveSteps('hover.phrases', buildPhraseIndex);
  yield* index.deriveSteps('hover.names', detectNames);
}

const PARAGRAPHS_PER_STEP = 500;

function* buildPhraseIndex(index: CorpusIndex): Steps<PhraseIndex> {
  const vocabulary = new Map<string, number>();
  const bigrams = new Map<number, number[]>();
  // Works from the paragraph's normalised text only: forcing sentence splitting here
  // would cost more than everything else put together on a large corpus.
  const tokens: Int32Array[] = [];
  for (let pi = 0; pi < index.paragraphs.length; pi++) {
    if (pi % PARAGRAPHS_PER_STEP === PARAGRAPHS_PER_STEP - 1) yield;
    const words = tokenize(index.paragraphs[pi].normalized.text);
    const ids = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      let id = vocabulary.get(words[i].text);
      if (id === undefined) vocabulary.set(words[i].text, (id = vocabulary.size));
      ids[i] = id;
      if (i > 0 && i < POSITIONS) {
        const key = ids[i - 1] * VOCAB + id;
        let list = bigrams.get(key);
        if (!list) bigrams.set(key, (list = []));
        list.push(pi * POSITIONS + i - 1);
      }
    }
    tokens.push(ids);
  }
  return { vocabulary, tokens, bigrams };
}

/** A place in a source that a span of the draft matches. */
export interface SourceMatch {
  /** `phrase`: the longest run of words around the cursor; `quotation`: a whole quotation. */
  readonly kind: 'phrase' | 'quotation';
  /** Offsets into the draft text of the matched words (the quotation's inner text for quotations). */
  readonly draftStart: number;
  readonly draftEnd: number;
  readonly paragraph: Paragraph;
  /** Offsets into `paragraph.text` of the source words matched. */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** True when the draft's words are the source's words (case, quotes and punctuation aside). */
  readonly exact: boolean;
  /** Number of draft words matched. */
  readonly words: number;
}

/** An official name found under the cursor. */
export interface NameMatch {
  /** The name as the sources write it at its first appearance. */
  readonly text: string;
  readonly draftStart: number;
  readonly draftEnd: number;
  /** Occurrences of the name in all sources, and in how many passages. */
  readonly count: number;
  readonly passages: number;
  /** Its first appearance, in reading order (bundled sources first). */
  readonly first: { readonly paragraph: Paragraph; readonly start: number; readonly end: number };
}

/** What the draft says at a place, and where the sources say it. */
export interface MatchAtResult {
  readonly match?: SourceMatch;
  readonly name?: NameMatch;
}

/** A quotation in a draft: offsets of the quote marks and of the text between them. */
export interface Quotation {
  readonly start: number;
  readonly end: number;
  readonly innerStart: number;
  readonly innerEnd: number;
}

/** The draft words of a span, normalised, with their offsets in the draft and ids in the phrase index. */
interface DraftWords {
  readonly tokens: readonly Token[];
  readonly ids: Int32Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

function draftWords(phrases: PhraseIndex, text: string, from: number, to: number): DraftWords {
  const slice = text.slice(from, to);
  const norm = normalizeText(slice);
  const tokens = tokenize(norm.text);
  const ids = new Int32Array(tokens.length);
  const starts = new Uint32Array(tokens.length);
  const ends = new Uint32Array(tokens.length);
  tokens.forEach((t, i) => {
    ids[i] = phrases.vocabulary.get(t.text) ?? -1;
    const r = toOriginalRange(norm, t.start, t.end, slice);
    starts[i] = from + r.start;
    ends[i] = from + r.end;
  });
  return { tokens, ids, starts, ends };
}

/**
 * What the draft `text` quotes or restates at `offset`: inside a quotation the whole
 * quotation (if it matches a source exactly or nearly), else the longest run of words
 * around the cursor found in a source; plus the official name under the cursor. Runs
 * must be worth showing: at least two words that are not function words.
 */
export function matchAt(index: CorpusIndex, text: string, offset: number, token: CancellationToken = NeverCancelled): MatchAtResult {
  const phrases = phraseIndex(index);
  const [blockStart, blockEnd] = blockAround(text, offset);
  const quotation = findQuotations(text, blockStart, blockEnd).find(q => q.start <= offset && offset <= q.end);
  let match: SourceMatch | undefined;
  if (quotation) match = matchQuotation(index, text, quotation, token);
  const words = draftWords(phrases, text, blockStart, blockEnd);
  const cursor = tokenAt(words, offset);
  if (!match && cursor >= 0) match = longestRun(index, phrases, words, cursor, token);
  const name = cursor >= 0 ? nameAt(index, phrases, words, cursor) : undefined;
  return { match, name };
}

/** The index of the draft word under `offset` (a cursor just after a word counts), or -1. */
function tokenAt(words: DraftWords, offset: number): number {
  for (let i = 0; i < words.tokens.length; i++) {
    if (words.starts[i] <= offset && offset < words.ends[i]) return i;
  }
  for (let i = 0; i < words.tokens.length; i++) if (words.ends[i] === offset) return i;
  return -1;
}

/** The paragraph (block between blank lines) holding `offset`, bounded to keep hovers cheap. */
export function blockAround(text: string, offset: number, maxLines = 60): [number, number] {
  const isBlank = (from: number, to: number) => /^[ \t\r]*$/.test(text.slice(from, to));
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = (at: number) => {
    const nl = text.indexOf('\n', at);
    return nl < 0 ? text.length : nl;
  };
  let start = lineStart(Math.min(offset, text.length));
  let end = lineEnd(start);
  for (let n = 0; n < maxLines && start > 0; n++) {
    const prev = lineStart(start - 1);
    if (isBlank(prev, start - 1)) break;
    start = prev;
  }
  for (let n = 0; n < maxLines && end < text.length; n++) {
    const nextEnd = lineEnd(end + 1);
    if (isBlank(end + 1, nextEnd)) break;
    end = nextEnd;
  }
  return [start, end];
}

const OPEN_DOUBLE = '"\u201c\u201e';
const CLOSE_DOUBLE = '"\u201d\u201c';
const SINGLE = "'\u2018\u2019";
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Quotations in `text[from, to)`: straight or typographic double quotes, and single
 * quotes that open before a word and close after one (so apostrophes in `Canada's` or
 * `Leaders’ Summit` are not taken for quote marks). A quotation never spans a blank line.
 */
export function findQuotations(text: string, from = 0, to = text.length): Quotation[] {
  const out: Quotation[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i];
    let close = -1;
    if (OPEN_DOUBLE.includes(ch)) {
      for (let j = i + 1; j < to; j++) {
        if (CLOSE_DOUBLE.includes(text[j]) && !(ch === '\u201c' && text[j] === '\u201c')) {
          close = j;
          break;
        }
        if (text[j] === '\n' && /^\n[ \t\r]*\n/.test(text.slice(j, j + 40))) break;
      }
    } else if (SINGLE.includes(ch) && ch !== '\u2019' && !WORD_CHAR.test(text[i - 1] ?? '') && WORD_CHAR.test(text[i + 1] ?? '')) {
      for (let j = i + 2; j < to; j++) {
        if (SINGLE.includes(text[j]) && text[j] !== '\u2018' && !/\s/.test(text[j - 1]) && !WORD_CHAR.test(text[j + 1] ?? '')) {
          // `Leaders’ Summit`: a possessive followed by a capitalised word is not a close.
          if (/^\s+\p{Lu}/u.test(text.slice(j + 1, j + 4)) && /s$/.test(text[j - 1])) continue;
          close = j;
          break;
        }
        if (text[j] === '\n' && /^\n[ \t\r]*\n/.test(text.slice(j, j + 40))) break;
      }
    }
    if (close > i + 1) {
      out.push({ start: i, end: close + 1, innerStart: i + 1, innerEnd: close });
      i = close;
    }
  }
  return out;
}

function isContent(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word);
}

function contentCount(words: DraftWords, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isContent(words.tokens[i].text)) n++;
  return n;
}

/** The longest run of draft words containing word `cursor` that occurs in a source paragraph. */
function longestRun(index: CorpusIndex, phrases: PhraseIndex, words: DraftWords, cursor: number, token: CancellationToken): SourceMatch | undefined {
  const ids = words.ids;
  const n = ids.length;
  let best = { length: 0, from: 0, paragraph: -1, source: 0 };
  // Any run of two or more words through `cursor` contains the bigram ending or starting there.
  for (const seed of [cursor - 1, cursor]) {
    if (seed < 0 || seed + 1 >= n || ids[seed] < 0 || ids[seed + 1] < 0) continue;
    const postings = phrases.bigrams.get(ids[seed] * VOCAB + ids[seed + 1]);
    if (!postings) continue;
    for (let k = 0; k < postings.length; k++) {
      if ((k & 1023) === 1023) throwIfCancelled(token);
      const packed = postings[k];
      const p = Math.floor(packed / POSITIONS);
      const at = packed - p * POSITIONS;
      const source = phrases.tokens[p];
      let left = 0;
      while (seed - left > 0 && at - left > 0 && ids[seed - left - 1] === source[at - left - 1]) left++;
      let right = 2;
      while (seed + right < n && at + right < source.length && ids[seed + right] === source[at + right]) right++;
      const length = left + right;
      if (length > best.length) best = { length, from: seed - left, paragraph: p, source: at - left };
    }
  }
  if (best.paragraph < 0 || contentCount(words, best.from, best.from + best.length) < 2) return undefined;
  const paragraph = index.paragraphs[best.paragraph];
  const span = sourceSpan(paragraph, best.source, best.source + best.length);
  return {
    kind: 'phrase',
    draftStart: words.starts[best.from],
    draftEnd: words.ends[best.from + best.length - 1],
    paragraph,
    sourceStart: span.start,
    sourceEnd: span.end,
    exact: true,
    words: best.length,
  };
}

/** Offsets in `paragraph.text` of its words `[from, to)`. */
export function sourceSpan(paragraph: Paragraph, from: number, to: number): { start: number; end: number } {
  const tokens = paragraphTokens(paragraph);
  const last = Math.max(from, to - 1);
  const startTok = tokens[Math.min(from, tokens.length - 1)];
  const endTok = tokens[Math.min(last, tokens.length - 1)];
  if (!startTok || !endTok) return { start: 0, end: paragraph.text.length };
  return toOriginalRange(paragraph.normalized, startTok.start, endTok.end, paragraph.text);
}

function paragraphTokens(paragraph: Paragraph): Token[] {
  return tokenize(paragraph.normalized.text);
}

/**
 * Matches a whole quotation against the sources: the source paragraph sharing the most
 * word pairs with it in the same order, the source words aligned with it, and whether
 * they are exactly the quotation's words. Quotations of fewer than three words, or
 * sharing less than half their word pairs with any source, do not match.
 */
export function matchQuotation(index: CorpusIndex, text: string, q: Quotation, token: CancellationToken = NeverCancelled): SourceMatch | undefined {
  const phrases = phraseIndex(index);
  const words = draftWords(phrases, text, q.innerStart, q.innerEnd);
  const ids = words.ids;
  const n = ids.length;
  if (n < 3 || contentCount(words, 0, n) < 2) return undefined;
  // Vote for (paragraph, diagonal) pairs; the diagonal is source position minus draft position.
  const votes = new Map<number, number>();
  const lists: (readonly number[])[] = [];
  for (let i = 0; i + 1 < n; i++) {
    const list = ids[i] >= 0 && ids[i + 1] >= 0 ? phrases.bigrams.get(ids[i] * VOCAB + ids[i + 1]) : undefined;
    lists.push(list ?? []);
  }
  // Very common pairs ("of the") add cost and little evidence; use them only when nothing else matches.
  const rare = lists.some(l => l.length > 0 && l.length <= 2000);
  const DIAG = 2 * POSITIONS;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i];
    if (rare && list.length > 2000) continue;
    throwIfCancelled(token);
    for (const packed of list) {
      const p = Math.floor(packed / POSITIONS);
      const at = packed - p * POSITIONS;
      const key = p * DIAG + (at - i + POSITIONS);
      votes.set(key, (votes.get(key) ?? 0) + 1);
    }
  }
  let bestKey = -1;
  let bestVotes = 0;
  for (const [key, v] of votes) if (v > bestVotes || (v === bestVotes && key < bestKey)) [bestKey, bestVotes] = [key, v];
  if (bestKey < 0) return undefined;
  const p = Math.floor(bestKey / DIAG);
  const diagonal = bestKey - p * DIAG - POSITIONS;
  // Words dropped or added shift the diagonal a little; count pairs near it as the same match.
  const DRIFT = 6;
  let matched = 0;
  let dMin = Infinity;
  let dMax = -1;
  let sMin = Infinity;
  let sMax = -1;
  for (let i = 0; i < lists.length; i++) {
    let hit = false;
    for (const packed of lists[i]) {
      const pp = Math.floor(packed / POSITIONS);
      if (pp !== p) continue;
      const at = packed - pp * POSITIONS;
      if (Math.abs(at - i - diagonal) > DRIFT) continue;
      hit = true;
      sMin = Math.min(sMin, at);
      sMax = Math.max(sMax, at + 1);
      break;
    }
    if (hit) {
      matched++;
      dMin = Math.min(dMin, i);
      dMax = Math.max(dMax, i + 1);
    }
  }
  if (matched < Math.max(2, Math.ceil((n - 1) / 2))) return undefined;
  const source = phrases.tokens[p];
  const from = Math.max(0, sMin - dMin);
  const to = Math.min(source.length, sMax + (n - 1 - dMax) + 1);
  let exact = to - from === n;
  for (let i = 0; exact && i < n; i++) if (ids[i] !== source[from + i]) exact = false;
  const paragraph = index.paragraphs[p];
  const span = sourceSpan(paragraph, from, to);
  return {
    kind: 'quotation',
    draftStart: q.innerStart,
    draftEnd: q.innerEnd,
    paragraph,
    sourceStart: span.start,
    sourceEnd: span.end,
    exact,
    words: n,
  };
}

// ---------------------------------------------------------------------------------
// Official names. The completion feature owns the real list (engine/names.ts,
// `officialNames(index)`); until the two are merged, hover detects names itself with
// the simple rule below. `hoverNames` is the one place to point at names.ts later.

/** Official names the sources use, keyed by their normalised words joined by spaces. */
export interface NameTable {
  readonly byKey: ReadonlyMap<string, string>;
  /** The most words any name has (bounds the lookup). */
  readonly maxWords: number;
}

const CONNECTORS = new Set(['of', 'for', 'on', 'in', 'the']);
const NAME_GAP = /^(?: |-|\.|\.-|' )$/;

/** The official names of `index`'s sources (capitalised multi-word runs), built once per index. */
export function hoverNames(index: CorpusIndex): NameTable {
  return index.derive('hover.names', i => runSteps(detectNames(i)));
}

function* detectNames(index: CorpusIndex): Steps<NameTable> {
  const byKey = new Map<string, string>();
  let maxWords = 2;
  for (let pi = 0; pi < index.paragraphs.length; pi++) {
    if (pi % PARAGRAPHS_PER_STEP === PARAGRAPHS_PER_STEP - 1) yield;
    const p = index.paragraphs[pi];
    const norm: NormalizedText = p.normalized;
    const toks = tokenize(norm.text);
    const capital = (i: number) => /^\p{Lu}/u.test(p.text[norm.map.at(toks[i].start)] ?? '');
    const digit = (i: number) => /^\p{N}/u.test(toks[i].text);
    const gapOk = (i: number) => {
      const gap = norm.text.slice(toks[i - 1].end, toks[i].start);
      return NAME_GAP.test(gap) || (gap === '. ' && toks[i - 1].text.length === 1);
    };
    let i = 0;
    while (i < toks.length) {
      if (!capital(i)) {
        i++;
        continue;
      }
      let j = i + 1;
      let lastCap = i;
      while (j < toks.length && gapOk(j)) {
        if (capital(j) || digit(j)) lastCap = j;
        else if (!CONNECTORS.has(toks[j].text)) break;
        j++;
      }
      let s = i;
      while (s < lastCap && STOPWORDS.has(toks[s].text)) s++;
      const run = toks.slice(s, lastCap + 1);
      let strong = 0;
      for (let k = s; k <= lastCap; k++) if (toks[k].text.length > 1 && (capital(k) || digit(k))) strong++;
      if (strong >= 2) {
        const key = run.map(t => t.text).join(' ');
        if (!byKey.has(key)) {
          const range = toOriginalRange(norm, run[0].start, run[run.length - 1].end, p.text);
          byKey.set(key, p.text.slice(range.start, range.end));
          maxWords = Math.max(maxWords, run.length);
        }
      }
      i = lastCap + 1;
    }
  }
  return { byKey, maxWords: Math.min(maxWords, 16) };
}

/** The longest official name whose words include draft word `cursor`, with its use in the sources. */
function nameAt(index: CorpusIndex, phrases: PhraseIndex, words: DraftWords, cursor: number): NameMatch | undefined {
  const names = hoverNames(index);
  const n = words.tokens.length;
  for (let length = Math.min(names.maxWords, n); length >= 2; length--) {
    for (let from = Math.max(0, cursor - length + 1); from <= cursor && from + length <= n; from++) {
      const key = words.tokens
        .slice(from, from + length)
        .map(t => t.text)
        .join(' ');
      const text = names.byKey.get(key);
      if (text === undefined) continue;
      const uses = occurrences(index, phrases, words.ids.subarray(from, from + length));
      if (!uses.first) continue;
      return { text, draftStart: words.starts[from], draftEnd: words.ends[from + length - 1], count: uses.count, passages: uses.passages, first: uses.first };
    }
  }
  return undefined;
}

/** Every occurrence of a word sequence in the sources (found through its first bigram). */
function occurrences(index: CorpusIndex, phrases: PhraseIndex, ids: Int32Array): { count: number; passages: number; first?: NameMatch['first'] } {
  let count = 0;
  let passages = 0;
  let lastParagraph = -1;
  let first: NameMatch['first'] | undefined;
  const postings = phrases.bigrams.get(ids[0] * VOCAB + ids[1]) ?? [];
  for (const packed of postings) {
    const p = Math.floor(packed / POSITIONS);
    const at = packed - p * POSITIONS;
    const source = phrases.tokens[p];
    let ok = at + ids.length <= source.length;
    for (let k = 2; ok && k < ids.length; k++) ok = source[at + k] === ids[k];
    if (!ok) continue;
    count++;
    if (p !== lastParagraph) passages++;
    lastParagraph = p;
    if (!first) {
      const paragraph = index.paragraphs[p];
      first = { paragraph, ...sourceSpan(paragraph, at, at + ids.length) };
    }
  }
  return { count, passages, first };
}
