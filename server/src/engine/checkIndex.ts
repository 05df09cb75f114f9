/**
 * The checker's lookup structures over one CorpusIndex, built once per index with
 * `index.derive('check.key', …)`: content words of every paragraph, an inverted index
 * from word key to paragraphs with inverse document frequencies, the official names
 * (capitalised multi-word phrases) of the sources, and per-paragraph sentence words on
 * demand (sentence splitting is lazy in the index, so it is only paid for shortlisted
 * paragraphs).
 */
import type { CorpusIndex } from './corpusIndex';
import { isStopKey, wordsOf, type Word } from './checkText';
import { runSteps, type Steps } from './steps';
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

export interface NamePhrase {
  readonly text: string;
  readonly keys: readonly string[];
  readonly start: number;
  readonly end: number;
}

export interface CheckIndex {
  readonly index: CorpusIndex;
  readonly paragraphWords: readonly (readonly Word[])[];
  /** key → indexes into index.paragraphs. */
  readonly postings: ReadonlyMap<string, readonly number[]>;
  idf(key: string): number;
  /** Every official name in the sources, by joined keys. */
  readonly names: ReadonlyMap<string, NamePhrase>;
  /** Keys of the names that occur only inside a list joined by `and the` (see `namesJoinedBy`). */
  readonly partNames: ReadonlySet<string>;
  /** Content word key → official names containing it. */
  readonly namesByWord: ReadonlyMap<string, readonly NamePhrase[]>;
  sentencesOf(paragraphIndex: number): readonly SourceSentence[];
  namesOf(paragraphIndex: number): readonly NamePhrase[];
}

const NAME_LEAD = new Set(['the', 'a', 'an', 'both', 'as', 'in', 'our', 'their', 'through', 'from', 'today', 'they', 'this', 'these', 'recalling', 'given', 'only', 'neither', 'to', 'and', 'of', 'on', 'for', 'readout', 'excerpt', 'finally', 'such', 'with', 'it', 'we']);
const PEOPLES = /^(?:canadians?|americans?|mexicans?|indigenous|north|u\.?s\.?|us)$/;
const CONNECTORS = new Set(['of', 'on', 'for', 'and', 'the', 'in', 'to']);

/** Capitalised multi-word phrases (`Cross-Border Crime Forum`, `U.S. Department of Energy`) in `text`. */
export function namePhrases(text: string, from = 0, to = text.length): NamePhrase[] {
  const out: NamePhrase[] = [];
  const words = wordsOf(text, from, to);
  let run: Word[] = [];
  const flush = () => {
    while (run.length && (CONNECTORS.has(run[run.length - 1].text) || !isCap(text, run[run.length - 1]))) run.pop();
    while (run.length && (NAME_LEAD.has(run[0].text) || !isCap(text, run[0]))) run.shift();
    const caps = run.filter(w => isCap(text, w));
    // `Canadian and American institutions`: peoples, not a name.
    if (caps.length >= 2 && !caps.every(w => PEOPLES.test(w.text))) {
      const start = run[0].start;
      const end = run[run.length - 1].end;
      out.push({ text: text.slice(start, end), keys: run.map(w => w.key), start, end });
    }
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const prev = words[i - 1];
    const gap = prev ? text.slice(prev.end, w.start) : '';
    const broken = prev && /[,;:()"“”.!?]/.test(gap.replace(/^\.(?=-)/, ''));
    if (broken || (!isCap(text, w) && !CONNECTORS.has(w.text))) flush();
    if (isCap(text, w) || (run.length && CONNECTORS.has(w.text))) run.push(w);
  }
  flush();
  return out;
}

/**
 * The names a capitalised run joins with `and the` (`the Global Health Security Agenda and the
 * Global Partnership Against …`): each is an official name in its own right. The run stays a
 * name too, for drafts that quote the whole list.
 */
function namesJoinedBy(n: NamePhrase): NamePhrase[] {
  const words = wordsOf(n.text);
  const parts: NamePhrase[] = [];
  let from = 0;
  const push = (to: number) => {
    const ws = words.slice(from, to);
    if (ws.length >= 2 && ws.filter(w => isCap(n.text, w)).length >= 2 && isCap(n.text, ws[0]) && isCap(n.text, ws[ws.length - 1])) {
      parts.push({ text: n.text.slice(ws[0].start, ws[ws.length - 1].end), keys: ws.map(w => w.key), start: n.start + ws[0].start, end: n.start + ws[ws.length - 1].end });
    }
  };
  for (let i = 1; i + 2 < words.length; i++) {
    if (words[i].text !== 'and' || words[i + 1].text !== 'the') continue;
    push(i);
    from = i + 2;
  }
  if (from > 0) push(words.length);
  return parts;
}

function isCap(text: string, w: Word): boolean {
  const c = text[w.start];
  return (c >= 'A' && c <= 'Z') || /\d/.test(c) && /[A-Za-z]/.test(text.slice(w.start, w.end));
}

export function checkIndexOf(index: CorpusIndex): CheckIndex {
  return index.derive('check.key', i => runSteps(build(i)));
}

/** Builds the check index in steps (the language server warms a new index with it). */
export function warmCheckIndex(index: CorpusIndex): Steps<CheckIndex> {
  return index.deriveSteps('check.key', build);
}

const PARAGRAPHS_PER_STEP = 500;

function* build(index: CorpusIndex): Steps<CheckIndex> {
  const paragraphWords: Word[][] = [];
  const postings = new Map<string, number[]>();
  const names = new Map<string, NamePhrase>();
  const partNames = new Set<string>();
  for (let pi = 0; pi < index.paragraphs.length; pi++) {
    if (pi % PARAGRAPHS_PER_STEP === PARAGRAPHS_PER_STEP - 1) yield;
    const words = wordsOf(index.paragraphs[pi].text);
    paragraphWords.push(words);
    const seen = new Set<string>();
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
  const nameCache = new Map<number, NamePhrase[]>();
  const namesOf = (pi: number): NamePhrase[] => {
    let v = nameCache.get(pi);
    if (!v) nameCache.set(pi, (v = namePhrases(index.paragraphs[pi].text)));
    return v;
  };
  // Official names: only the bundled and user sources' first copies matter; collect lazily per paragraph
  // for large corpora, but the global map is built from every paragraph (cheap: one regex pass each).
  for (let pi = 0; pi < index.paragraphs.length; pi++) {
    if (pi % PARAGRAPHS_PER_STEP === PARAGRAPHS_PER_STEP - 1) yield;
    for (const n of namesOf(pi)) {
      // The first copy of a name is its citation; a name found whole anywhere is not a part.
      if (!names.has(n.keys.join(' ')) || partNames.has(n.keys.join(' '))) names.set(n.keys.join(' '), n);
      partNames.delete(n.keys.join(' '));
      for (const x of namesJoinedBy(n)) {
        const key = x.keys.join(' ');
        if (names.has(key)) continue;
        names.set(key, x);
        partNames.add(key);
      }
    }
  }
  const namesByWord = new Map<string, NamePhrase[]>();
  let counted = 0;
  for (const n of names.values()) {
    if (++counted % (PARAGRAPHS_PER_STEP * 10) === 0) yield;
    for (const k of new Set(n.keys)) {
      if (isStopKey(k)) continue;
      let list = namesByWord.get(k);
      if (!list) namesByWord.set(k, (list = []));
      list.push(n);
    }
  }
  return Object.freeze({
    index,
    paragraphWords,
    postings,
    names,
    partNames,
    namesByWord,
    idf: (key: string) => {
      let v = idfs.get(key);
      if (v !== undefined) return v;
      const df = postings.get(key)?.length;
      if (df === undefined) return unseenIdf; // draft-only words: not memoised, so the map stays bounded by the corpus
      idfs.set(key, (v = Math.log(1 + N / df)));
      return v;
    },
    namesOf,
    sentencesOf(pi: number): SourceSentence[] {
      let v = sentenceCache.get(pi);
      if (v) return v;
      const p = index.paragraphs[pi];
      const words = paragraphWords[pi];
      v = p.sentences.map(s => {
        const ws = words.filter(w => w.start >= s.start && w.start < s.end);
        const keys = ws.map(w => w.key);
        return { paragraph: p, start: s.start, end: s.end, words: ws, keys, content: new Set(keys.filter(k => !isStopKey(k))) };
      });
      sentenceCache.set(pi, v);
      return v;
    },
  });
}
