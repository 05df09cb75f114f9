/**
 * A positional word index over every paragraph of a {@link CorpusIndex}, built once per
 * index (`index.derive`) from the paragraphs' normalised text — never from sentences, so
 * building it does not split the corpus into sentences.
 *
 * Layout (flat typed arrays, so a 100k-sentence corpus costs a few tens of MB):
 * - every token of every paragraph has a global number `g`; `tokenWord[g]` is its word id
 *   and `tokenStart[g]` its offset in `paragraph.normalized.text`;
 * - `paragraphFirstToken[p]` is the first global token of paragraph `p` (one extra entry);
 * - postings are stored CSR-style: the global tokens of word `w` are
 *   `postings[postingStart[w] .. postingStart[w + 1])`, in corpus order.
 *
 * Look-ups: exact words, word prefixes (binary search over the sorted vocabulary) and
 * words within one edit (a deletion-neighbourhood map, as in SymSpell), which together
 * give candidate generation whose cost depends on the query, not on the corpus size.
 */
import type { CorpusIndex } from './corpusIndex';
import { runSteps, type Steps } from './steps';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True for a letter or digit (same classes as `tokenize`), with an ASCII fast path. */
export function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}

/**
 * Calls `emit(start, end)` for each word token of `text` — the same tokens as
 * `tokenize()` (letters and digits with inner apostrophes), without allocating objects.
 */
export function scanTokens(text: string, emit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = text.codePointAt(i)!;
    if (!isWordCode(code)) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    for (;;) {
      i += code > 0xffff ? 2 : 1;
      if (i >= n) break;
      code = text.codePointAt(i)!;
      if (isWordCode(code)) continue;
      if (code === 39 /* ' */ && i + 1 < n && isWordCode(text.codePointAt(i + 1)!)) continue;
      break;
    }
    emit(start, i);
  }
}

export class WordIndex {
  /** Word id → word (normalised: lower case, straight apostrophes). */
  readonly vocabulary: readonly string[];
  private readonly ids: Map<string, number>;
  /** Word ids sorted by word, for prefix look-ups. */
  private readonly sorted: Uint32Array;
  readonly tokenWord: Uint32Array;
  readonly tokenStart: Uint32Array;
  readonly paragraphFirstToken: Uint32Array;
  private readonly postingStart: Uint32Array;
  private readonly postings: Uint32Array;
  private deletesMap: Map<string, number[]> | undefined;

  private constructor(
    private readonly index: CorpusIndex,
    built: { vocabulary: string[]; ids: Map<string, number>; sorted: Uint32Array; tokenWord: Uint32Array; tokenStart: Uint32Array; paragraphFirstToken: Uint32Array; postingStart: Uint32Array; postings: Uint32Array },
  ) {
    this.vocabulary = built.vocabulary;
    this.ids = built.ids;
    this.sorted = built.sorted;
    this.tokenWord = built.tokenWord;
    this.tokenStart = built.tokenStart;
    this.paragraphFirstToken = built.paragraphFirstToken;
    this.postingStart = built.postingStart;
    this.postings = built.postings;
  }

  /** Builds the word index of `index` in steps (the language server warms a new index with it). */
  private static *build(index: CorpusIndex): Steps<WordIndex> {
    const ids = new Map<string, number>();
    const vocabulary: string[] = [];
    let cap = 1024;
    let tokenWord = new Uint32Array(cap);
    let tokenStart = new Uint32Array(cap);
    let count = 0;
    const paragraphs = index.paragraphs;
    const firstToken = new Uint32Array(paragraphs.length + 1);
    for (let p = 0; p < paragraphs.length; p++) {
      if (p % 1000 === 999) yield;
      firstToken[p] = count;
      const text = paragraphs[p].normalized.text;
      scanTokens(text, (start, end) => {
        const word = text.slice(start, end);
        let id = ids.get(word);
        if (id === undefined) {
          id = vocabulary.length;
          ids.set(word, id);
          vocabulary.push(word);
        }
        if (count === cap) {
          cap *= 2;
          const w = new Uint32Array(cap);
          w.set(tokenWord);
          tokenWord = w;
          const s = new Uint32Array(cap);
          s.set(tokenStart);
          tokenStart = s;
        }
        tokenWord[count] = id;
        tokenStart[count] = start;
        count++;
      });
    }
    firstToken[paragraphs.length] = count;
    const words = tokenWord.slice(0, count);
    yield;
    // CSR postings: count, prefix-sum, fill.
    const postingStart = new Uint32Array(vocabulary.length + 1);
    for (let g = 0; g < count; g++) postingStart[words[g] + 1]++;
    for (let w = 0; w < vocabulary.length; w++) postingStart[w + 1] += postingStart[w];
    const fill = postingStart.slice(0, vocabulary.length);
    const postings = new Uint32Array(count);
    for (let g = 0; g < count; g++) postings[fill[words[g]]++] = g;
    yield;
    const order = Uint32Array.from(vocabulary.keys());
    order.sort((a, b) => (vocabulary[a] < vocabulary[b] ? -1 : vocabulary[a] > vocabulary[b] ? 1 : 0));
    return new WordIndex(index, { vocabulary, ids, sorted: order, tokenWord: words, tokenStart: tokenStart.slice(0, count), paragraphFirstToken: firstToken, postingStart, postings });
  }

  /** The index built for `index`, shared by every feature that needs it. */
  static of(index: CorpusIndex): WordIndex {
    return index.derive('engine.wordIndex', i => runSteps(WordIndex.build(i)));
  }

  /** {@link of} in steps, for warming a new index. */
  static warm(index: CorpusIndex): Steps<WordIndex> {
    return index.deriveSteps('engine.wordIndex', i => WordIndex.build(i));
  }

  get tokenCount(): number {
    return this.tokenWord.length;
  }

  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** Number of occurrences of word `id`. */
  frequency(id: number): number {
    return this.postingStart[id + 1] - this.postingStart[id];
  }

  /** Global token numbers where word `id` occurs, in corpus order. */
  occurrences(id: number): Uint32Array {
    return this.postings.subarray(this.postingStart[id], this.postingStart[id + 1]);
  }

  /** Ids of every word starting with `prefix` (at most `limit`, shortest words first is not guaranteed). */
  withPrefix(prefix: string, limit = 200): number[] {
    const v = this.vocabulary;
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v[this.sorted[mid]] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.sorted.length && out.length < limit; i++) {
      const id = this.sorted[i];
      if (!v[id].startsWith(prefix)) break;
      out.push(id);
    }
    return out;
  }

  /**
   * Ids of words within one edit of `word` (insertion, deletion, substitution, adjacent
   * transposition), excluding `word` itself. Words shorter than 4 letters get none: a
   * one-letter change to a short word is usually another word.
   */
  nearWords(word: string): number[] {
    if (word.length < 4) return [];
    const map = this.deletes();
    const found = new Set<number>();
    const self = this.ids.get(word);
    const add = (ids: number[] | undefined) => {
      if (ids) for (const id of ids) if (id !== self) found.add(id);
    };
    add(map.get(word));
    for (let i = 0; i < word.length; i++) add(map.get(word.slice(0, i) + word.slice(i + 1)));
    // A deletion variant of the query equal to a vocabulary word (the query has one extra letter).
    for (let i = 0; i < word.length; i++) {
      const id = this.ids.get(word.slice(0, i) + word.slice(i + 1));
      if (id !== undefined && id !== self) found.add(id);
    }
    return [...found].filter(id => editDistanceAtMostOne(word, this.vocabulary[id]));
  }

  /**
   * Ids of words whose first `prefix.length ± 1` letters are within one edit of `prefix`:
   * for a half-typed last word with a typo (`Minsi` → `ministerial`).
   */
  nearPrefix(prefix: string, limit = 50): number[] {
    if (prefix.length < 4) return [];
    const out = new Set<number>();
    for (let i = 0; i < prefix.length && out.size < limit; i++) {
      // deletion in the prefix
      for (const id of this.withPrefix(prefix.slice(0, i) + prefix.slice(i + 1), limit)) out.add(id);
    }
    // substitution or transposition: the first letters up to the edit, then any word whose
    // next letters differ in one place.
    const cands = this.withPrefix(prefix.slice(0, 1), 5000);
    for (const id of cands) {
      if (out.size >= limit) break;
      const w = this.vocabulary[id];
      if (w.length < prefix.length) continue;
      if (editDistanceAtMostOne(prefix, w.slice(0, prefix.length))) out.add(id);
    }
    return [...out];
  }

  private deletes(): Map<string, number[]> {
    return this.deletesMap ?? runSteps(this.buildDeletes());
  }

  /** Builds the typo look-up table in steps (the language server warms a new index with it). */
  *warmDeletes(): Steps<void> {
    if (!this.deletesMap) yield* this.buildDeletes();
  }

  private *buildDeletes(): Steps<Map<string, number[]>> {
    const map = new Map<string, number[]>();
    const push = (key: string, id: number) => {
      const list = map.get(key);
      if (list) {
        if (list[list.length - 1] !== id) list.push(id);
      } else map.set(key, [id]);
    };
    for (let id = 0; id < this.vocabulary.length; id++) {
      if (id % 5000 === 4999) yield;
      const w = this.vocabulary[id];
      if (w.length < 3) continue;
      push(w, id);
      for (let i = 0; i < w.length; i++) push(w.slice(0, i) + w.slice(i + 1), id);
    }
    return (this.deletesMap ??= map);
  }

  /** The paragraph number owning global token `g`. */
  paragraphOfToken(g: number): number {
    const f = this.paragraphFirstToken;
    let lo = 0;
    let hi = f.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (f[mid] <= g) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The word of global token `g`. */
  word(g: number): string {
    return this.vocabulary[this.tokenWord[g]];
  }
}

/** Damerau–Levenshtein distance ≤ 1 (adjacent transposition counts as one edit). */
export function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
