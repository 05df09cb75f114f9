/**
 * Phrase continuations: the official words that follow what the drafter typed, offered only
 * when the typed words match a source distinctively. Candidates come from the positional
 * {@link WordIndex} (cost bounded by the query's rarest word, not by the corpus); only the few
 * candidate paragraphs are scanned for sentence ends (text/sentences.ts) and name ends
 * (names/table.ts).
 */
import { throwIfCancelled, type CancellationToken } from '../cancellation';
import type { CorpusIndex } from '../corpusIndex';
import { officialNames } from '../names/table';
import { sentenceEndAfter } from '../text/sentences';
import { WordIndex } from '../wordIndex';
import { completeWord, firstWord, isContent, labelFor, matchTail, MAX_OCCURRENCES, type Suggestion, type TypingContext } from './typed';

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

/** Builds what {@link continuations} looks up once per index (the language server warms a new index with it). */
export function warmPhrases(index: CorpusIndex): void {
  wordFlags(index);
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
export function continuations(index: CorpusIndex, ctx: TypingContext, token: CancellationToken): Suggestion[][] {
  if (ctx.q.length < MIN_RUN_WORDS) return [];
  const wi = WordIndex.of(index);
  const alignments = distinctiveAlignments(index, wi, ctx, token);
  alignments.sort((a, b) => b.score - a.score || a.start - b.start);
  return groupsOf(index, wi, ctx, alignments);
}

/** Word ids each typed word may be (weighted: exact 1, a typo less), the last one as a prefix when half typed. */
function candidates(wi: WordIndex, ctx: TypingContext): Map<number, number>[] {
  const { q, partial } = ctx;
  return q.map((t, j) => {
    const m = new Map<number, number>();
    if (j === q.length - 1 && partial) {
      for (const id of wi.withPrefix(t.word, 400)) m.set(id, 1);
      if (t.word.length >= 4) for (const id of wi.nearPrefix(t.word)) if (!m.has(id)) m.set(id, 0.6);
    } else {
      const id = wi.idOf(t.word);
      if (id !== undefined) m.set(id, 1);
      for (const near of wi.nearWords(t.word)) if (!m.has(near)) m.set(near, 0.7);
    }
    return m;
  });
}

/** Every place in the sources where the typed words end a distinctive run (MIN_RUN_WORDS, MIN_CONTENT_WORDS, one uncommon word). */
function distinctiveAlignments(index: CorpusIndex, wi: WordIndex, ctx: TypingContext, token: CancellationToken): Alignment[] {
  const { q, partial } = ctx;
  const n = q.length;
  const cands = candidates(wi, ctx);
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
      if (start + n - 1 >= wi.paragraphFirstToken[p + 1]) continue;
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
  return alignments;
}

/**
 * The items of the best passages (sorted alignments), at most MAX_GROUPS; none if the passages
 * matching as well as the best one go on in more than MAX_ALTERNATIVES ways. The first group
 * is ghost text when those passages agree on it.
 */
function groupsOf(index: CorpusIndex, wi: WordIndex, ctx: TypingContext, alignments: readonly Alignment[]): Suggestion[][] {
  const n = ctx.q.length;
  const groups: Suggestion[][] = [];
  const seen = new Set<string>();
  const seenText = new Set<string>();
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
  const sentenceEnd = sentenceEndAfter(text, from);
  const stops = new Set<number>();
  const nameEnd = officialNames(index).nameEndAt(paragraph, orig(lastG) + 1);
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

function nextWords(wi: WordIndex, from: number, to: number): string {
  let key = '';
  for (let g = from; g < to; g++) key += wi.tokenWord[g] + ',';
  return key;
}

/** End of the clause after `from`: the next `,;:()` or the sentence end. */
function endOfClause(text: string, from: number, sentenceEnd: number): number {
  for (let i = from; i < sentenceEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2014) return i;
  }
  return sentenceEnd;
}
