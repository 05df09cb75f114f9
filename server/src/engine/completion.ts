/**
 * Completion of official wording: phrase continuation, official names, and keyword
 * search of commitments (the `@@` in-text trigger and the Insert Commitment command).
 *
 * Typing is never hijacked. Suggestions come only when the words before the cursor match a
 * source distinctively (a run of several words with at least three content words, or an
 * official name's first words including one that belongs to that name); never right after
 * `.`, `!` or `?`; and an item only ever replaces the word being typed (correcting a typo in
 * it), never other typed words or their case. Items filter on that one word, so a stale
 * list closes as soon as the drafter types a space or punctuation the item does not have.
 *
 * Candidates come from the positional {@link WordIndex} (cost bounded by the query's
 * rarest word, not by the corpus); only the few candidate paragraphs are scanned for
 * sentence ends. fuse.js ranks the short lists of names and search hits.
 */
import Fuse from 'fuse.js';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-types';
import { NeverCancelled, throwIfCancelled, type CancellationToken } from './cancellation';
import { asQuotation, citationFor, type CitationStyle, type OffsetEdit } from './citations';
import type { CorpusIndex } from './corpusIndex';
import { officialNames, type OfficialName } from './names';
import { normalizeText } from './normalize';
import { LineIndex, type Position } from './positions';
import type { Paragraph } from './types';
import { editDistanceAtMostOne as editDistance1, isWordCode, scanTokens, WordIndex } from './wordIndex';

/** The in-text trigger for keyword search: `@@methane` offers commitments about methane. */
export const SEARCH_TRIGGER = '@@';

/** `verbatim.suggestions`: what typing may bring up. `@@` search works in every mode. */
export type SuggestionsMode = 'off' | 'names' | 'all';

export interface CompletionOptions {
  /** How inserted text is cited (`verbatim.citationStyle`); default `none`. */
  readonly citationStyle?: CitationStyle;
  /** Maximum number of items (default 8). */
  readonly maxItems?: number;
  /** Which suggestions typing brings up (default `all`). */
  readonly suggestions?: SuggestionsMode;
}

/** One suggestion, in offsets of the line prefix (the text of the line before the cursor). */
export interface Suggestion {
  readonly kind: 'continuation' | 'sentence' | 'name';
  /**
   * Character in the line where the replaced text starts: the start of the word being typed,
   * or the cursor (nothing replaced). The replaced text ends at the cursor.
   */
  readonly replaceStart: number;
  /** The replacement for `[replaceStart, cursor)`: the typed word completed (or corrected), then the official words. */
  readonly newText: string;
  /** What the editor filters on: the completed word being typed, nothing after it. */
  readonly filterText: string;
  readonly label: string;
  readonly paragraph: Paragraph;
  /** Offsets in `paragraph.text` of the words the typed text matched (for documentation). */
  readonly matchStart: number;
  readonly matchEnd: number;
  /** Offsets in `paragraph.text` of the official text inserted. */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** Also shown as ghost text: the typed words clearly start this one official continuation. */
  readonly ghost: boolean;
}

interface QueryToken {
  word: string;
  /** Offsets in the line prefix. */
  start: number;
  end: number;
}

/** The sentence being typed, as completion sees it. */
interface TypingContext {
  readonly linePrefix: string;
  /** The last words of the sentence being typed (at most {@link MAX_QUERY_WORDS}). */
  readonly q: QueryToken[];
  /** The cursor is right after a letter or digit: the last word is still being typed. */
  readonly partial: boolean;
}

const MAX_QUERY_WORDS = 8;
// Bounds the work for very common anchors; postings are in corpus order, so bundled sources come first.
const MAX_OCCURRENCES = 3000;

/*
 * What makes a match distinctive. A phrase match must run over MIN_RUN_WORDS words of the
 * sentence being typed, ending at the cursor, of which MIN_CONTENT_WORDS are content words
 * (not function words, three letters or more; the word being typed counts once three of its
 * letters match). Ordinary prose shares two content words in a row with a source all the
 * time ("in both countries"), three in a row rarely. A match is not distinctive either if
 * the passages that match it best go on in more than MAX_ALTERNATIVES different ways: the
 * drafter has typed a common opening ("The leaders agreed to"), not a commitment.
 */
const MIN_RUN_WORDS = 4;
const MIN_CONTENT_WORDS = 3;
const MAX_ALTERNATIVES = 3;
/** Passages shown at most: the best ones, then weaker matches. */
const MAX_GROUPS = 4;
/*
 * And at least one of the content words must be uncommon in the sources: the sources' most
 * frequent words (`leaders`, `agreed`, `President`, `Canada`: more than one word in 200,
 * and more than 8 times) are what every readout is made of, so a run of them alone is not a
 * quotation.
 */
const COMMON_SHARE = 1 / 200;
const COMMON_MIN_COUNT = 8;

/** Function words: they do not make a match distinctive. */
const FUNCTION_WORDS = new Set(
  ('a an the and or but nor of to in on at by for from with as is are was were be been being it its this that these those ' +
    'we our us they their them he his her she i you your will would shall should may might can could must has have had do does did ' +
    'not no both also which who whom whose so such than then into over under all any each more most other some very there here ' +
    'what when where why how including through between among about per via one two three four five six seven eight nine ten').split(' '),
);

function isContent(word: string): boolean {
  return word.length >= 3 && !FUNCTION_WORDS.has(word);
}

const CONTENT = 1;
const UNCOMMON = 2;

/** Per word id of the word index: CONTENT, UNCOMMON (see COMMON_SHARE). Computed once per index. */
function wordFlags(index: CorpusIndex): Uint8Array {
  return index.derive('completion.wordFlags', i => {
    const wi = WordIndex.of(i);
    const common = Math.max(COMMON_MIN_COUNT, wi.tokenCount * COMMON_SHARE);
    const flags = new Uint8Array(wi.vocabulary.length);
    wi.vocabulary.forEach((w, id) => {
      flags[id] = (isContent(w) ? CONTENT : 0) | (wi.frequency(id) <= common ? UNCOMMON : 0);
    });
    return flags;
  });
}

/** Phrase continuations and official names for the text before the cursor; none unless the match is distinctive. */
export function suggest(index: CorpusIndex, linePrefix: string, token: CancellationToken = NeverCancelled, maxItems = 8, mode: SuggestionsMode = 'all'): Suggestion[] {
  if (mode === 'off') return [];
  const ctx = typingContext(linePrefix);
  if (!ctx) return [];
  const phrases = mode === 'all' ? continuations(index, ctx, token) : [];
  const names = nameSuggestions(index, ctx);
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const push = (s: Suggestion | undefined) => {
    if (!s) return;
    const key = `${s.replaceStart}\u0000${s.newText}`;
    if (seen.has(key) || s.newText === linePrefix.slice(s.replaceStart)) return;
    seen.add(key);
    out.push(s);
  };
  // Interleave: best phrase (short, sentence), best name, then the rest.
  phrases[0]?.forEach(push);
  push(names[0]);
  for (let i = 1; i < phrases.length || i < names.length; i++) {
    phrases[i]?.forEach(push);
    push(names[i]);
  }
  return out.slice(0, maxItems);
}

/** True when the cursor follows sentence-ending punctuation (with any closing quotes or brackets). */
export function afterSentencePunctuation(linePrefix: string): boolean {
  return /[.!?]["”’)\]]*$/.test(linePrefix);
}

/**
 * The sentence being typed: nothing right after `.`, `!` or `?`; else the words after the
 * last sentence end on the line (a period after an abbreviation or initials is not one).
 */
function typingContext(linePrefix: string): TypingContext | undefined {
  if (afterSentencePunctuation(linePrefix)) return undefined;
  const tail = linePrefix.length > 400 ? linePrefix.slice(linePrefix.length - 400) : linePrefix;
  const shift = linePrefix.length - tail.length;
  const from = sentenceStartIn(tail);
  const n = normalizeText(tail.slice(from));
  const q: QueryToken[] = [];
  scanTokens(n.text, (s, e) => q.push({ word: n.text.slice(s, e), start: shift + from + n.map.at(s), end: shift + from + n.map.at(e - 1) + 1 }));
  if (!q.length) return undefined;
  const last = linePrefix.charCodeAt(linePrefix.length - 1);
  const partial = isWordCode(last) && q[q.length - 1].end === linePrefix.length;
  return { linePrefix, q: q.slice(-MAX_QUERY_WORDS), partial };
}

/** Offset in `text` where the last sentence starts (0 if the line holds one sentence). */
function sentenceStartIn(text: string): number {
  let start = 0;
  const re = /[.!?]["”’)\]]*\s+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (text[m.index] === '.' && isAbbreviation(text, m.index)) continue;
    start = m.index + m[0].length;
  }
  return start;
}

interface Alignment {
  /** Global token of query word 0. */
  start: number;
  paragraph: number;
  score: number;
  /** First query word of the matched suffix run. */
  runStart: number;
  /** Content words in the run (see MIN_CONTENT_WORDS). */
  content: number;
}

/**
 * Phrase continuations: groups of [short item, sentence item] per matched passage, best
 * first; none unless the match is distinctive.
 */
function continuations(index: CorpusIndex, ctx: TypingContext, token: CancellationToken): Suggestion[][] {
  const { q, partial } = ctx;
  const wi = WordIndex.of(index);
  const n = q.length;
  if (n < MIN_RUN_WORDS) return [];
  const cands: Map<number, number>[] = q.map((t, j) => {
    const m = new Map<number, number>();
    const isLast = j === n - 1;
    if (isLast && partial) {
      for (const id of wi.withPrefix(t.word, 400)) m.set(id, 1);
      if (t.word.length >= 4) for (const id of wi.nearPrefix(t.word)) if (!m.has(id)) m.set(id, 0.6);
    } else {
      const id = wi.idOf(t.word);
      if (id !== undefined) m.set(id, 1);
      for (const near of wi.nearWords(t.word)) if (!m.has(near)) m.set(near, 0.7);
    }
    return m;
  });
  // The run must reach MIN_RUN_WORDS back from the cursor: anchor on the rarest of those words.
  const order: number[] = [];
  for (let j = n - MIN_RUN_WORDS; j < n; j++) {
    if (!cands[j].size) return [];
    order.push(j);
  }
  const cost = (j: number) => {
    let c = 0;
    for (const id of cands[j].keys()) c += wi.frequency(id);
    return c;
  };
  order.sort((a, b) => cost(a) - cost(b));
  const anchor = order[0];
  const alignments: Alignment[] = [];
  const tokenCount = wi.tokenCount;
  const flags = wordFlags(index);
  let visited = 0;
  throwIfCancelled(token);
  for (const id of cands[anchor].keys()) {
    const occ = wi.occurrences(id);
    // Each occurrence gives a distinct start, so no start is looked at twice.
    next: for (let o = 0; o < occ.length && visited < MAX_OCCURRENCES; o++, visited++) {
      const start = occ[o] - anchor;
      if (start < 0 || start + n - 1 >= tokenCount) continue;
      // Cheap filter before the paragraph look-up: the words from the anchor to the cursor must match.
      for (let j = n - 1; j > anchor; j--) if (!cands[j].has(wi.tokenWord[start + j])) continue next;
      const p = wi.paragraphOfToken(occ[o]);
      const first = wi.paragraphFirstToken[p];
      const end = wi.paragraphFirstToken[p + 1];
      if (start + n - 1 >= end) continue;
      // The matched suffix run: from the last word backwards while words match.
      let score = 0;
      let runStart = n;
      let content = 0;
      let uncommon = 0;
      for (let j = n - 1; j >= 0; j--) {
        const g = start + j;
        const w = g >= first ? cands[j].get(wi.tokenWord[g]) : undefined;
        if (w === undefined) break;
        score += w;
        runStart = j;
        const f = flags[wi.tokenWord[g]];
        if (j === n - 1 && partial) {
          // A half-typed word counts once three letters match; it is no evidence yet of which word it will be.
          if (f & CONTENT && q[j].word.length >= 3 && wi.word(g).startsWith(q[j].word)) content++;
        } else if (f & CONTENT) {
          content++;
          if (f & UNCOMMON) uncommon++;
        }
      }
      if (n - runStart < MIN_RUN_WORDS || content < MIN_CONTENT_WORDS || !uncommon) continue;
      alignments.push({ start, paragraph: p, score, runStart, content });
    }
  }
  alignments.sort((a, b) => b.score - a.score || a.start - b.start);
  const groups: Suggestion[][] = [];
  const seen = new Set<string>();
  const seenText = new Set<string>();
  // Passages matching as well as the best one: if they go on in too many ways, nothing is distinctive.
  const best = alignments.length ? alignments[0].score : 0;
  let ties = 0;
  let tiesAgree = true;
  for (const a of alignments) {
    const tie = a.score >= best - 0.5;
    if (!tie && groups.length >= MAX_GROUPS) break;
    // Synthetic or repeated passages: skip alignments whose next words repeat an earlier one.
    const textKey = nextWords(wi, a.start + n, Math.min(wi.paragraphFirstToken[a.paragraph + 1], a.start + n + 8));
    if (seenText.has(textKey)) continue;
    seenText.add(textKey);
    const items = continuationItems(index, wi, ctx, a);
    const key = items.map(i => i.newText).join('\u0000');
    if (!items.length || seen.has(key)) continue;
    seen.add(key);
    if (tie) {
      // More ways to go on than a list can show: the typed words are a common opening, not a commitment.
      if (++ties > MAX_ALTERNATIVES) return [];
      if (groups.length && items[0].newText !== groups[0][0].newText) tiesAgree = false;
    }
    if (groups.length < MAX_GROUPS) groups.push(items);
  }
  // Ghost text only for one clear continuation: the best passages agree on the first item.
  if (groups.length && tiesAgree) {
    groups[0] = groups[0].map((s, i) => (i === 0 || ties === 1 ? { ...s, ghost: true } : s));
  }
  return groups;
}

/** The word being typed (partial) or the cursor, and how the text typed after the last word continues in the source. */
function continuationItems(index: CorpusIndex, wi: WordIndex, ctx: TypingContext, a: Alignment): Suggestion[] {
  const { q, partial, linePrefix } = ctx;
  const paragraph = index.paragraphs[a.paragraph];
  const n = q.length;
  const norm = paragraph.normalized;
  const text = paragraph.text;
  const orig = (g: number) => norm.map.at(wi.tokenStart[g]);
  const origEnd = (g: number) => norm.map.at(wi.tokenStart[g] + wi.word(g).length - 1) + 1;
  const lastG = a.start + n - 1;
  const head = partial ? completeWord(linePrefix.slice(q[n - 1].start), text.slice(orig(lastG), origEnd(lastG))) : undefined;
  if (partial && !head) return [];
  // After the last word: what the drafter typed must be how the source goes on.
  let from = origEnd(lastG);
  if (!partial) {
    const typedTail = linePrefix.slice(q[n - 1].end);
    const skip = matchTail(text, from, typedTail);
    if (skip === undefined) return [];
    from = skip;
  }
  const sentenceEnd = endOfSentence(paragraph, from);
  const stops = new Set<number>();
  const nameEnd = nameEndAt(index, paragraph, orig(lastG) + 1);
  if (nameEnd !== undefined && nameEnd >= from) stops.add(nameEnd);
  else stops.add(endOfClause(text, from, sentenceEnd));
  stops.add(sentenceEnd);
  const replaceStart = partial ? q[n - 1].start : linePrefix.length;
  const out: Suggestion[] = [];
  for (const stop of stops) {
    const rest = text.slice(from, stop);
    if (!partial && !rest.trim()) continue;
    const newText = partial ? head!.text + rest : rest;
    // Nothing but punctuation to add (`2050` → `2050.`): that is the drafter's to type.
    if (partial && !/[\p{L}\p{N}]/u.test(newText.slice(linePrefix.length - replaceStart))) continue;
    const isSentence = stop === sentenceEnd;
    out.push({
      kind: isSentence && out.length ? 'sentence' : 'continuation',
      replaceStart,
      newText,
      filterText: partial ? head!.filter : firstWord(newText),
      label: labelFor(newText),
      paragraph,
      matchStart: orig(a.start + a.runStart),
      matchEnd: origEnd(lastG),
      sourceStart: partial ? orig(lastG) : from,
      sourceEnd: stop,
      ghost: false,
    });
  }
  return out;
}

/**
 * The word being typed, completed from the source word: the typed letters are kept when they
 * start the source word (undefined if that would need a lower-case letter made a capital),
 * else (a typo in a word not yet finished: the source word is longer) the source word
 * replaces them; undefined otherwise.
 * `filter` is what the editor filters on: it starts with the typed letters, so the item
 * stays while the word is typed, and holds no space or punctuation, so the item goes once
 * the word is ended.
 */
function completeWord(typed: string, sourceWord: string): { text: string; filter: string } | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'");
  if (fold(sourceWord).startsWith(fold(typed))) {
    // Lower case typed where the official word has a capital (`COVAX facility`): the drafter is
    // not writing the official form, and an item may not change the case of what was typed.
    // A capital typed where the source has lower case (`The` starting a sentence) stays.
    if ([...typed].some((ch, i) => ch === ch.toLowerCase() && sourceWord[i] !== sourceWord[i].toLowerCase())) return undefined;
    const text = typed + sourceWord.slice(typed.length);
    return { text, filter: text };
  }
  // A word typed as long as the source's or longer is finished, not mistyped (`Americans` for `American`).
  if (typed.length >= sourceWord.length) return undefined;
  return { text: sourceWord, filter: typed + sourceWord.replace(/[^\p{L}\p{N}'’]/gu, '') };
}

/**
 * Where the source goes on after `from` once the characters typed after the last word
 * (`typed`: a space, a hyphen, `, `) are skipped; undefined if they differ from the source's.
 */
function matchTail(text: string, from: number, typed: string): number | undefined {
  let i = from;
  for (const ch of typed) {
    if (/\s/.test(ch)) {
      if (i < text.length && /\s/.test(text[i])) while (i < text.length && /\s/.test(text[i])) i++;
      else return undefined;
    } else if (i < text.length && (text[i] === ch || (/['’]/.test(ch) && /['’]/.test(text[i])) || (/["“”]/.test(ch) && /["“”]/.test(text[i])))) i++;
    else return undefined;
  }
  return i;
}

/** The first word of `text` (letters, digits, inner apostrophes): what an item inserted at the cursor filters on. */
function firstWord(text: string): string {
  const m = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/u.exec(text);
  return m ? m[0] : text.trim();
}

function nextWords(wi: WordIndex, from: number, to: number): string {
  let key = '';
  for (let g = from; g < to; g++) key += wi.tokenWord[g] + ',';
  return key;
}

/**
 * A label that fits the suggest widget (about 50 characters): long items show their start
 * and their end, so items that start alike (the name, the clause, the sentence) look different.
 */
function labelFor(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 50 ? `${t.slice(0, 26).trimEnd()} … ${t.slice(t.length - 20).trimStart()}` : t;
}

/**
 * End (offset in `paragraph.text`) of the sentence containing `offset`: the next `.`, `!`
 * or `?` (with closing quotes or brackets) followed by white space and a capital, digit or
 * quote, or the paragraph's end. Abbreviations (`U.S.`, `Mr.`) do not end a sentence.
 * A scan of this one paragraph: no sentence splitting on the completion path.
 */
export function endOfSentence(paragraph: Paragraph, offset: number): number {
  const t = paragraph.text;
  for (let i = Math.max(0, offset); i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue;
    let j = i + 1;
    while (j < t.length && /["”’)\]]/.test(t[j])) j++;
    if (j >= t.length) return t.length;
    if (!/\s/.test(t[j])) continue;
    let k = j;
    while (k < t.length && /\s/.test(t[k])) k++;
    if (k < t.length && !/[\p{Lu}\p{N}"“‘(]/u.test(t[k])) continue;
    if (c === 46 && isAbbreviation(t, i)) continue;
    return j;
  }
  return t.length;
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'no', 'vs', 'etc', 'e.g', 'i.e', 'jr', 'sr', 'gov', 'sen', 'rep', 'hon']);

/** A period at `i` ending `U.S.`-style initials or a common abbreviation. */
function isAbbreviation(t: string, i: number): boolean {
  let s = i;
  while (s > 0 && /[\p{L}.]/u.test(t[s - 1])) s--;
  const word = t.slice(s, i);
  return /^(?:\p{L}\.)+\p{L}?$/u.test(word + '.') || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

/** End of the clause after `from`: the next `,;:()` or the sentence end. */
function endOfClause(text: string, from: number, sentenceEnd: number): number {
  for (let i = from; i < sentenceEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2014) return i;
  }
  return sentenceEnd;
}

/** If an official name occurrence in `paragraph` covers `offset`, its end. */
function nameEndAt(index: CorpusIndex, paragraph: Paragraph, offset: number): number | undefined {
  const byParagraph = index.derive('completion.namesByParagraph', i => {
    const map = new Map<Paragraph, { start: number; end: number }[]>();
    for (const name of officialNames(i).names) {
      for (const o of name.occurrences) {
        let list = map.get(o.paragraph);
        if (!list) map.set(o.paragraph, (list = []));
        list.push({ start: o.start, end: o.end });
      }
    }
    return map;
  });
  let best: number | undefined;
  for (const o of byParagraph.get(paragraph) ?? []) if (o.start < offset && offset <= o.end && (best === undefined || o.end > best)) best = o.end;
  return best;
}

/*
 * Official names are offered from their first words when the typed words are specific to
 * the name: at least two of its words typed, capitalised as the name has them, and either
 * among them a word that belongs to this name (it occurs in the sources hardly more often
 * than the name does: `Crime` in `Cross-Border Crime Forum`, not `United` in `United
 * States-Mexico-Canada Agreement`), or words that the sources use only in this name
 * (`Global Health Security Ag`). Names of fewer than three words are not offered (`Prime
 * Minister`, `Paris Agreement` are ordinary words to type), nor pairs joined by `and`
 * (`United States and Canada`, `Canadian and American`), which are prose, not names.
 */
const MIN_NAME_WORDS = 3;
const MIN_NAME_WORDS_TYPED = 2;

/** Official names for the last typed words, by their first words (one typo allowed in words of four letters or more). */
function nameSuggestions(index: CorpusIndex, ctx: TypingContext): Suggestion[] {
  const { q, partial, linePrefix } = ctx;
  const table = officialNames(index);
  const wi = WordIndex.of(index);
  const n = q.length;
  const found = new Map<OfficialName, number>(); // name → first query word of the name
  for (let k = Math.min(8, n); k >= MIN_NAME_WORDS_TYPED; k--) {
    const first = q[n - k];
    if (!/\p{Lu}/u.test(linePrefix[first.start])) continue;
    const heads = new Set<string>([first.word]);
    for (const id of wi.nearWords(first.word)) heads.add(wi.vocabulary[id]);
    for (const head of heads) {
      for (const name of table.startingWith(head, 30)) {
        if (found.has(name) || name.words[0] !== head || name.words.length < MIN_NAME_WORDS || name.words.length <= (partial ? k - 1 : k) || isPair(name)) continue;
        if (matchesNameStart(index, name, q.slice(n - k), partial, linePrefix, wi)) found.set(name, n - k);
      }
    }
  }
  if (!found.size) return [];
  const list = [...found.keys()];
  const typedText = linePrefix.slice(q[Math.min(...found.values())].start);
  const fuse = new Fuse(list, { keys: ['base'], includeScore: true, ignoreLocation: true, threshold: 1 });
  const ranked = fuse.search(typedText).map(r => r.item);
  for (const x of list) if (!ranked.includes(x)) ranked.push(x);
  const out: Suggestion[] = [];
  for (const name of ranked.slice(0, 6)) {
    const j = found.get(name)!;
    const k = n - j;
    const occ = name.occurrences.find(o => o.end - o.start > name.base.length) ?? name.occurrences[0];
    const nameText = occ.paragraph.text.slice(occ.start, occ.end);
    // The name's words as tokens of its text, to find where the typed words end in it.
    const nn = normalizeText(nameText);
    const bounds: { start: number; end: number }[] = [];
    scanTokens(nn.text, (s, e) => bounds.push({ start: nn.map.at(s), end: nn.map.at(e - 1) + 1 }));
    let suggestion: Suggestion | undefined;
    if (partial) {
      const w = bounds[k - 1];
      const head = completeWord(linePrefix.slice(q[n - 1].start), nameText.slice(w.start, w.end));
      if (!head) continue;
      const newText = head.text + nameText.slice(w.end);
      suggestion = { kind: 'name', replaceStart: q[n - 1].start, newText, filterText: head.filter, label: name.text, paragraph: occ.paragraph, matchStart: occ.start, matchEnd: occ.end, sourceStart: occ.start + w.start, sourceEnd: occ.end, ghost: false };
    } else {
      const skip = matchTail(nameText, bounds[k - 1].end, linePrefix.slice(q[n - 1].end));
      if (skip === undefined || skip >= nameText.length) continue;
      const newText = nameText.slice(skip);
      suggestion = { kind: 'name', replaceStart: linePrefix.length, newText, filterText: firstWord(newText), label: name.text, paragraph: occ.paragraph, matchStart: occ.start, matchEnd: occ.end, sourceStart: occ.start + skip, sourceEnd: occ.end, ghost: false };
    }
    out.push(suggestion);
  }
  // Ghost text for a name only when it is the one name the typed words can start.
  if (out.length === 1) out[0] = { ...out[0], ghost: true };
  return out;
}

/** `X and Y` at the top of the name (no `of`, `for`, `on` before the `and`): two names or titles side by side. */
function isPair(name: OfficialName): boolean {
  const and = name.words.indexOf('and');
  return and > 0 && !name.words.slice(0, and).some(w => w === 'of' || w === 'for' || w === 'on');
}

/** The typed words start `name`: capitalised like it, the last one possibly half typed, and specific to it. */
function matchesNameStart(index: CorpusIndex, name: OfficialName, typed: QueryToken[], partial: boolean, linePrefix: string, wi: WordIndex): boolean {
  let rare = false;
  for (let j = 0; j < typed.length; j++) {
    const t = typed[j].word;
    const official = name.words[j];
    if (!wordMatches(t, official, j === typed.length - 1 && partial)) return false;
    // Capital letters where the name has them (connectors such as `of` may be typed either way).
    const officialCapital = !FUNCTION_WORDS.has(official) && official !== 'de';
    if (officialCapital && !/[\p{Lu}\p{N}]/u.test(linePrefix[typed[j].start])) return false;
    // A word (three letters or more of it typed) seldom used outside this name.
    if (t.length >= 3 && isContent(official)) {
      const id = wi.idOf(official);
      if (id !== undefined && wi.frequency(id) <= 2 * name.occurrences.length) rare = true;
    }
  }
  return rare || usedOnlyInName(index, name, typed, partial, wi);
}

function wordMatches(typed: string, official: string, halfTyped: boolean): boolean {
  return halfTyped ? official.startsWith(typed) || (typed.length >= 4 && nearPrefix(typed, official)) : typed === official || near(typed, official);
}

/** True if every place the sources have the typed words (the last at least two letters typed) is inside `name`. */
function usedOnlyInName(index: CorpusIndex, name: OfficialName, typed: QueryToken[], partial: boolean, wi: WordIndex): boolean {
  if (partial && typed[typed.length - 1].word.length < 2) return false;
  const first = wi.idOf(name.words[0]);
  if (first === undefined) return false;
  const occ = wi.occurrences(first);
  let inside = 0;
  for (let o = 0; o < occ.length && o < MAX_OCCURRENCES; o++) {
    const g = occ[o];
    const p = wi.paragraphOfToken(g);
    if (g + typed.length > wi.paragraphFirstToken[p + 1]) continue;
    let same = true;
    for (let j = 1; j < typed.length && same; j++) same = wordMatches(typed[j].word, wi.word(g + j), j === typed.length - 1 && partial);
    if (!same) continue;
    const paragraph = index.paragraphs[p];
    const at = paragraph.normalized.map.at(wi.tokenStart[g]);
    if (!occurrencesIn(index, name, paragraph).some(n => n.start <= at && at < n.end)) return false;
    inside++;
  }
  return inside > 0;
}

/** The occurrences of `name` in `paragraph` (a per-name map built on first use: names can occur thousands of times). */
function occurrencesIn(index: CorpusIndex, name: OfficialName, paragraph: Paragraph): readonly { start: number; end: number }[] {
  const byName = index.derive('completion.nameOccurrences', () => new Map<OfficialName, Map<Paragraph, { start: number; end: number }[]>>());
  let map = byName.get(name);
  if (!map) {
    map = new Map();
    for (const o of name.occurrences) {
      let list = map.get(o.paragraph);
      if (!list) map.set(o.paragraph, (list = []));
      list.push({ start: o.start, end: o.end });
    }
    byName.set(name, map);
  }
  return map.get(paragraph) ?? [];
}

function near(a: string, b: string): boolean {
  return a.length >= 4 && editDistance1(a, b);
}

function nearPrefix(typed: string, official: string): boolean {
  return editDistance1(typed, official.slice(0, typed.length)) || editDistance1(typed, official.slice(0, typed.length + 1)) || editDistance1(typed, official.slice(0, typed.length - 1));
}

/** A commitment found by keyword search. */
export interface CommitmentHit {
  readonly paragraph: Paragraph;
  /** Index of the sentence in `paragraph.sentences`. */
  readonly sentenceIndex: number;
  readonly text: string;
  /** fuse.js score: 0 is a perfect match. */
  readonly score: number;
}

/**
 * Searches every commitment (source sentence) by its words: `methane`, `net zero`,
 * `opioids`. Every query word must occur in the sentence (the last one as a prefix,
 * any within one typo); hits are ranked by fuse.js. Only paragraphs holding all the
 * words are split into sentences.
 */
export function searchCommitments(index: CorpusIndex, query: string, limit = 30, token: CancellationToken = NeverCancelled): CommitmentHit[] {
  const wi = WordIndex.of(index);
  const qn = normalizeText(query).text;
  const words: string[] = [];
  scanTokens(qn, (s, e) => words.push(qn.slice(s, e)));
  if (!words.length) return [];
  const idSets = words.map((w, j) => {
    const ids = new Set<number>();
    const exact = wi.idOf(w);
    if (exact !== undefined) ids.add(exact);
    if (j === words.length - 1) for (const id of wi.withPrefix(w, 200)) ids.add(id);
    for (const id of wi.nearWords(w)) ids.add(id);
    return ids;
  });
  // Rarest word first: its paragraphs are the shortlist.
  const freq = (s: Set<number>) => [...s].reduce((c, id) => c + wi.frequency(id), 0);
  const order = idSets.map((s, j) => j).sort((a, b) => freq(idSets[a]) - freq(idSets[b]));
  let paragraphs: Set<number> | undefined;
  for (const j of order) {
    throwIfCancelled(token);
    const ps = new Set<number>();
    for (const id of idSets[j]) {
      const occ = wi.occurrences(id);
      for (let o = 0; o < occ.length; o++) {
        const p = wi.paragraphOfToken(occ[o]);
        if (!paragraphs || paragraphs.has(p)) ps.add(p);
      }
    }
    paragraphs = ps;
    if (!paragraphs.size) return [];
  }
  const shortlist = [...paragraphs!].sort((a, b) => a - b).slice(0, 400);
  const sentences: { paragraph: Paragraph; sentenceIndex: number; text: string; normalized: string }[] = [];
  for (const p of shortlist) {
    const paragraph = index.paragraphs[p];
    paragraph.sentences.forEach((s, i) => {
      const words2 = new Set(s.tokens.map(t => t.text));
      const hasAll = idSets.every(ids => [...ids].some(id => words2.has(wi.vocabulary[id])));
      if (hasAll) sentences.push({ paragraph, sentenceIndex: i, text: s.text, normalized: s.normalized.text });
    });
  }
  const fuse = new Fuse(sentences, { keys: ['normalized'], includeScore: true, ignoreLocation: true, threshold: 1, useExtendedSearch: false });
  const ranked = fuse.search(qn);
  const hits = ranked.map(r => ({ paragraph: r.item.paragraph, sentenceIndex: r.item.sentenceIndex, text: r.item.text, score: r.score ?? 1 }));
  hits.sort((a, b) => a.score - b.score || index.paragraphs.indexOf(a.paragraph) - index.paragraphs.indexOf(b.paragraph));
  return hits.slice(0, limit);
}

/** The draft as completion sees it. */
export interface CompletionDraft {
  readonly text: string;
}

const SEARCH_LIMIT = 30;

/**
 * LSP completion items at `position` in `draft`: the `@@keyword` search if the cursor
 * follows one (right after `@@`, every commitment in source order, so that the list opens by
 * itself and narrows as the drafter types), else phrase continuations and official names.
 * Text edits replace at most the word being typed; every item carries its citation
 * (`citationStyle`).
 */
export function completeOfficialWording(index: CorpusIndex, draft: CompletionDraft, position: Position, options: CompletionOptions = {}, token: CancellationToken = NeverCancelled): CompletionList {
  const lines = new LineIndex(draft.text);
  const offset = lines.offsetAt(position);
  const lineStart = lines.lineStarts[Math.min(position.line, lines.lineCount - 1)];
  const linePrefix = draft.text.slice(lineStart, offset);
  const style = options.citationStyle ?? 'none';
  const max = options.maxItems ?? 8;
  const trigger = linePrefix.lastIndexOf(SEARCH_TRIGGER);
  const items: CompletionItem[] = [];
  const range = (startChar: number) => ({ start: { line: position.line, character: startChar }, end: position });
  const lsp = (e: OffsetEdit): TextEdit => ({ range: lines.rangeAt(e.start, e.end), newText: e.newText });
  if (trigger >= 0) {
    const typed = linePrefix.slice(trigger);
    const query = typed.slice(SEARCH_TRIGGER.length);
    const sortText = (i: number) => String(i).padStart(4, '0');
    // Official names by their acronym or words first: `@@NORAD`, `@@crime forum`.
    const names = query.trim().length >= 2 ? namesMatching(index, query) : [];
    names.forEach((name, i) => {
      const occ = name.occurrences.find(o => o.end - o.start > name.base.length) ?? name.occurrences[0];
      const cite = citationFor(index, occ.paragraph, draft.text, style);
      items.push({
        label: name.text,
        kind: CompletionItemKind.Constant,
        detail: occ.paragraph.label,
        documentation: documentation(occ.paragraph, occ.start, occ.end),
        filterText: `${typed} ${name.text}`,
        sortText: sortText(i),
        textEdit: { range: range(trigger), newText: name.text + cite.suffix },
        insertTextFormat: InsertTextFormat.PlainText,
        additionalTextEdits: cite.additionalEdits.length ? cite.additionalEdits.map(lsp) : undefined,
        data: { paragraphId: occ.paragraph.id, kind: 'name' },
      });
    });
    const hits = query.trim().length >= 2 ? searchCommitments(index, query, SEARCH_LIMIT, token) : allCommitments(index, SEARCH_LIMIT);
    hits.forEach((h, i) => {
      const cite = citationFor(index, h.paragraph, draft.text, style);
      const sentence = h.paragraph.sentences[h.sentenceIndex];
      items.push({
        label: searchLabel(h.text, query),
        kind: CompletionItemKind.Reference,
        detail: h.paragraph.label,
        documentation: documentation(h.paragraph, sentence.start, sentence.end),
        filterText: `${typed} ${h.text}`,
        sortText: sortText(names.length + i),
        textEdit: { range: range(trigger), newText: asQuotation(h.text) + cite.suffix },
        insertTextFormat: InsertTextFormat.PlainText,
        additionalTextEdits: cite.additionalEdits.length ? cite.additionalEdits.map(lsp) : undefined,
        data: { paragraphId: h.paragraph.id, sentenceIndex: h.sentenceIndex },
      });
    });
    return { isIncomplete: true, items };
  }
  const suggestions = suggest(index, linePrefix, token, max, options.suggestions ?? 'all');
  suggestions.forEach((s, i) => {
    const cite = citationFor(index, s.paragraph, draft.text, style);
    items.push({
      label: s.label,
      kind: s.kind === 'name' ? CompletionItemKind.Constant : CompletionItemKind.Text,
      detail: s.paragraph.label,
      documentation: documentation(s.paragraph, s.matchStart, s.matchEnd),
      filterText: s.filterText,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range: range(s.replaceStart), newText: s.newText + cite.suffix },
      insertTextFormat: InsertTextFormat.PlainText,
      additionalTextEdits: cite.additionalEdits.length ? cite.additionalEdits.map(lsp) : undefined,
      data: { paragraphId: s.paragraph.id, kind: s.kind },
    });
  });
  // Re-ask on every keystroke: the best continuation depends on the words, not on filtering.
  return { isIncomplete: true, items };
}

/** A search hit's label: the sentence around the first word searched for, so the list shows why it matched. */
function searchLabel(text: string, query: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= 50) return t;
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const lower = t.toLowerCase();
  const at = Math.min(...words.map(w => lower.search(new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u'))).filter(i => i >= 0), Infinity);
  if (!Number.isFinite(at) || at < 20) return labelFor(t);
  const from = t.lastIndexOf(' ', at - 14) + 1;
  const window = t.slice(from, from + 46);
  const cut = window.length < 46 ? window : window.slice(0, window.lastIndexOf(' '));
  return `… ${cut}${from + cut.length < t.length ? ' …' : ''}`;
}

/** Every commitment (source sentence) in source order, for `@@` with nothing typed after it yet. */
function allCommitments(index: CorpusIndex, limit: number): CommitmentHit[] {
  const out: CommitmentHit[] = [];
  for (const paragraph of index.paragraphs) {
    for (let i = 0; i < paragraph.sentences.length && out.length < limit; i++) {
      const text = paragraph.sentences[i].text;
      if (text.split(/\s+/).length >= 6) out.push({ paragraph, sentenceIndex: i, text, score: 1 });
    }
    if (out.length >= limit) break;
  }
  return out;
}

/** Official names (of two words or more) whose acronym is `query`, or whose words start with each query word. */
function namesMatching(index: CorpusIndex, query: string): OfficialName[] {
  const table = officialNames(index);
  const words: string[] = [];
  const qn = normalizeText(query).text;
  scanTokens(qn, (s, e) => words.push(qn.slice(s, e)));
  const out = new Set<OfficialName>(words.length === 1 ? table.byAcronym(query.trim()) : []);
  for (const name of table.names) {
    if (out.size >= 3) break;
    if (name.words.length >= 2 && words.length && words.every(w => name.words.some(nw => nw.startsWith(w)))) out.add(name);
  }
  return [...out].slice(0, 3);
}

/** The source paragraph as Markdown, escaped, with `[start, end)` in bold. */
export function documentation(paragraph: Paragraph, start: number, end: number) {
  const t = paragraph.text;
  const value = `${escapeMarkdown(t.slice(0, start))}**${escapeMarkdown(t.slice(start, end))}**${escapeMarkdown(t.slice(end))}\n\n— ${escapeMarkdown(paragraph.label)}`;
  return { kind: MarkupKind.Markdown, value };
}

/** Escapes Markdown (and HTML) so source text is shown literally. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/&/g, '&amp;');
}

/** A ghost-text suggestion: `insertText` replaces `range` (the word being typed, if any). */
export interface InlineSuggestion {
  readonly insertText: string;
  readonly range: { readonly start: Position; readonly end: Position };
  readonly paragraphId: string;
  /** With `footnote` citations: the footnote the inserted reference needs defined (see {@link footnoteDefinitionEdits}). */
  readonly footnoteFor?: string;
}

/**
 * Ghost text at `position`: the official continuation of the words before the cursor, only
 * when the typed words clearly start one official continuation (see {@link suggest}) and
 * what was typed is kept exactly (accepting with Tab only appends), followed by the citation.
 */
export function inlineContinuations(index: CorpusIndex, draft: CompletionDraft, position: Position, options: CompletionOptions = {}, token: CancellationToken = NeverCancelled): InlineSuggestion[] {
  const lines = new LineIndex(draft.text);
  const offset = lines.offsetAt(position);
  const lineStart = lines.lineStarts[Math.min(position.line, lines.lineCount - 1)];
  const linePrefix = draft.text.slice(lineStart, offset);
  if (linePrefix.includes(SEARCH_TRIGGER)) return [];
  const style = options.citationStyle ?? 'none';
  const out: InlineSuggestion[] = [];
  for (const s of suggest(index, linePrefix, token, 4, options.suggestions ?? 'all')) {
    if (!s.ghost) continue;
    const typed = linePrefix.slice(s.replaceStart);
    if (!s.newText.startsWith(typed) || s.newText.length <= typed.length) continue;
    const cite = citationFor(index, s.paragraph, draft.text, style);
    out.push({
      insertText: s.newText + cite.suffix,
      range: { start: { line: position.line, character: s.replaceStart }, end: position },
      paragraphId: s.paragraph.id,
      footnoteFor: cite.additionalEdits.length ? s.paragraph.id : undefined,
    });
  }
  return out;
}

/**
 * The edit defining the footnote of `paragraphId` at the end of the draft, if the draft
 * cites it and does not define it yet (after ghost text inserted the reference).
 */
export function footnoteDefinitionEdits(index: CorpusIndex, draft: CompletionDraft, paragraphId: string): TextEdit[] {
  const paragraph = index.getParagraph(paragraphId);
  if (!paragraph) return [];
  const cite = citationFor(index, paragraph, draft.text, 'footnote');
  const lines = new LineIndex(draft.text);
  return cite.additionalEdits.map(e => ({ range: lines.rangeAt(e.start, e.end), newText: e.newText }));
}

/**
 * The edits inserting sentence `sentenceIndex` of `paragraph` as a quotation at `position`,
 * followed by its citation in `style`.
 */
export function insertCommitmentEdits(index: CorpusIndex, draft: CompletionDraft, position: Position, paragraph: Paragraph, sentenceIndex: number, style: CitationStyle): TextEdit[] {
  const sentence = paragraph.sentences[sentenceIndex];
  if (!sentence) return [];
  const lines = new LineIndex(draft.text);
  const cite = citationFor(index, paragraph, draft.text, style);
  const at = { start: position, end: position };
  return [{ range: at, newText: asQuotation(sentence.text) + cite.suffix }, ...cite.additionalEdits.map(e => ({ range: lines.rangeAt(e.start, e.end), newText: e.newText }))];
}
