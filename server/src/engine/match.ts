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
import { PACKS } from './lang';
import { normalizeText, toOriginalRange, tokenize, type Token } from './normalize';
import { officialNames, warmOfficialNames } from './names/table';
import { runSteps, stepBefore, type Steps } from './steps';
import { quotationsIn, type QuoteSpan } from './text/quotations';
import type { Paragraph } from './types';

/** Word ids are packed into bigram keys as `a * VOCAB + b`. */
const VOCAB = 2 ** 22;
/** Postings are packed as `paragraph * POSITIONS + token`. */
const POSITIONS = 2 ** 20;

/** Words that do not make a match worth showing on their own, in any language a source may be in. */
const STOPWORDS: ReadonlySet<string> = new Set(PACKS.flatMap(p => [...p.shownStopWords]));

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
  yield* warmOfficialNames(index);
}

function* buildPhraseIndex(index: CorpusIndex): Steps<PhraseIndex> {
  const vocabulary = new Map<string, number>();
  const bigrams = new Map<number, number[]>();
  // Works from the paragraph's normalised text only: forcing sentence splitting here
  // would cost more than everything else put together on a large corpus.
  const tokens: Int32Array[] = [];
  for (let pi = 0; pi < index.paragraphs.length; pi++) {
    if (stepBefore(pi)) yield;
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
  const quotation = quotationsIn(text, blockStart, blockEnd).find(q => q.start <= offset && offset <= q.end);
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
export function matchQuotation(index: CorpusIndex, text: string, q: QuoteSpan, token: CancellationToken = NeverCancelled): SourceMatch | undefined {
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

/** The longest official name whose words include draft word `cursor`, with its use in the sources. */
function nameAt(index: CorpusIndex, phrases: PhraseIndex, words: DraftWords, cursor: number): NameMatch | undefined {
  const names = officialNames(index);
  const n = words.tokens.length;
  for (let length = Math.min(names.maxTokens, n); length >= 2; length--) {
    for (let from = Math.max(0, cursor - length + 1); from <= cursor && from + length <= n; from++) {
      const key = words.tokens
        .slice(from, from + length)
        .map(t => t.text)
        .join(' ');
      const text = names.byTokens(key)?.base;
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
