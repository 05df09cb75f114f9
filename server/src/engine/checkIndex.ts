/**
 * The checker's lookup structures over one CorpusIndex, built once per index with
 * `index.derive('check.key', …)`: the words of every paragraph, an inverted index from word
 * key to paragraphs with inverse document frequencies, and per-paragraph sentence words on
 * demand (sentence splitting is lazy in the index, so it is only paid for shortlisted
 * paragraphs). The official names of the sources are names/table.ts.
 */
import type { CorpusIndex } from './corpusIndex';
import { packFor } from './lang';
import type { LanguagePack } from './lang/pack';
import { runSteps, stepBefore, type Steps } from './steps';
import { paragraphPacks, warmParagraphWords, type Word } from './text/words';
import type { Paragraph } from './types';

export interface SourceSentence {
  readonly paragraph: Paragraph;
  /** Offsets into `paragraph.text`. */
  readonly start: number;
  readonly end: number;
  readonly words: readonly Word[];
  readonly keys: readonly string[];
  readonly content: ReadonlySet<string>;
  /** Two adjacent sentences taken together (a draft sentence may merge them). */
  readonly merged?: boolean;
}

/** True if a sentence of the source ends between its words `j` and `j + 1` (`region. We`, not `U.S. commitment`). */
export function sentenceEndsAfter(src: SourceSentence, j: number): boolean {
  const next = src.words[j + 1];
  if (!next) return false;
  const t = src.paragraph.text;
  const gap = t.slice(src.words[j].end, next.start);
  return /[!?;]/.test(gap) || (/\.\s/.test(gap) && /^\p{Lu}/u.test(t.slice(next.start, next.end)) && !/\.\p{L}/u.test(t.slice(src.words[j].start, next.start)));
}

export interface CheckIndex {
  readonly index: CorpusIndex;
  readonly paragraphWords: readonly (readonly Word[])[];
  /** The language pack each paragraph was read with (its source's language). */
  readonly paragraphPacks: readonly LanguagePack[];
  /** The pack of a paragraph of the index (English for one the index does not hold). */
  packOf(paragraph: Paragraph): LanguagePack;
  /** key → indexes into index.paragraphs. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  idf(key: string): number;
  sentencesOf(paragraphIndex: number): readonly SourceSentence[];
}

export function checkIndexOf(index: CorpusIndex): CheckIndex {
  return index.derive('check.key', i => runSteps(build(i)));
}

/** Builds the check index in steps (the language server warms a new index with it). */
export function warmCheckIndex(index: CorpusIndex): Steps<CheckIndex> {
  return index.deriveSteps('check.key', build);
}

function* build(index: CorpusIndex): Steps<CheckIndex> {
  const paragraphWords = yield* warmParagraphWords(index);
  const paragraphPacks_ = paragraphPacks(index);
  const postings = new Map<string, number[]>();
  for (let pi = 0; pi < paragraphWords.length; pi++) {
    if (stepBefore(pi)) yield;
    const words = paragraphWords[pi];
    const seen = new Set<string>();
    const isStopKey = paragraphPacks_[pi].isStopKey;
    for (const w of words) {
      if (isStopKey(w.key) || seen.has(w.key)) continue;
      seen.add(w.key);
      let list = postings.get(w.key);
      if (!list) postings.set(w.key, (list = []));
      list.push(pi);
    }
  }
  const N = index.paragraphs.length || 1;
  const idfs = new Map<string, number>();
  const unseenIdf = Math.log(1 + N / 0.5);
  const sentenceCache = new Map<number, SourceSentence[]>();
  let numbers: Map<Paragraph, number> | undefined;
  return Object.freeze({
    index,
    paragraphWords,
    paragraphPacks: paragraphPacks_,
    packOf(paragraph: Paragraph): LanguagePack {
      const pi = (numbers ??= new Map(index.paragraphs.map((x, i) => [x, i]))).get(paragraph);
      return pi === undefined ? packFor(undefined) : paragraphPacks_[pi];
    },
    postings,
    idf: (key: string) => {
      let v = idfs.get(key);
      if (v !== undefined) return v;
      const df = postings.get(key)?.length;
      if (df === undefined) return unseenIdf; // draft-only words: not memoised, so the map stays bounded by the corpus
      idfs.set(key, (v = Math.log(1 + N / df)));
      return v;
    },
    sentencesOf(pi: number): SourceSentence[] {
      let v = sentenceCache.get(pi);
      if (v) return v;
      const p = index.paragraphs[pi];
      const words = paragraphWords[pi];
      v = p.sentences.map(s => {
        const ws = words.filter(w => w.start >= s.start && w.start < s.end);
        const keys = ws.map(w => w.key);
        const isStopKey = paragraphPacks_[pi].isStopKey;
        return { paragraph: p, start: s.start, end: s.end, words: ws, keys, content: new Set(keys.filter(k => !isStopKey(k))) };
      });
      sentenceCache.set(pi, v);
      return v;
    },
  });
}
