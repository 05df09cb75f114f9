/**
 * Official names in completion, read from the one name table (names/table.ts): names offered
 * from their first words while typing, and names found by acronym or words in the `@@` search.
 */
import Fuse from 'fuse.js';
import type { CorpusIndex } from '../corpusIndex';
import { officialNames, type OfficialName } from '../names/table';
import { normalizeText } from '../normalize';
import type { Paragraph } from '../types';
import { scanTokens, WordIndex } from '../wordIndex';
import { completeWord, firstWord, FUNCTION_WORDS, isContent, matchTail, MAX_OCCURRENCES, wordMatches, type QueryToken, type Suggestion, type TypingContext } from './typed';

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
export function nameSuggestions(index: CorpusIndex, ctx: TypingContext): Suggestion[] {
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
    const s = nameItem(name, n - found.get(name)!, ctx);
    if (s) out.push(s);
  }
  // Ghost text for a name only when it is the one name the typed words can start.
  if (out.length === 1) out[0] = { ...out[0], ghost: true };
  return out;
}

/** The item completing `name`, whose first `k` words the drafter typed (the last perhaps half). */
function nameItem(name: OfficialName, k: number, ctx: TypingContext): Suggestion | undefined {
  const { q, partial, linePrefix } = ctx;
  const n = q.length;
  const occ = name.occurrences.find(o => o.end - o.start > name.base.length) ?? name.occurrences[0];
  const nameText = occ.paragraph.text.slice(occ.start, occ.end);
  // The name's words as tokens of its text, to find where the typed words end in it.
  const nn = normalizeText(nameText);
  const bounds: { start: number; end: number }[] = [];
  scanTokens(nn.text, (s, e) => bounds.push({ start: nn.map.at(s), end: nn.map.at(e - 1) + 1 }));
  const w = bounds[k - 1];
  if (!w) return undefined;
  const at = { label: name.text, paragraph: occ.paragraph, matchStart: occ.start, matchEnd: occ.end, sourceEnd: occ.end, ghost: false };
  if (partial) {
    const head = completeWord(linePrefix.slice(q[n - 1].start), nameText.slice(w.start, w.end));
    if (!head) return undefined;
    return { kind: 'name', replaceStart: q[n - 1].start, newText: head.text + nameText.slice(w.end), filterText: head.filter, sourceStart: occ.start + w.start, ...at };
  }
  const skip = matchTail(nameText, w.end, linePrefix.slice(q[n - 1].end));
  if (skip === undefined || skip >= nameText.length) return undefined;
  const newText = nameText.slice(skip);
  return { kind: 'name', replaceStart: linePrefix.length, newText, filterText: firstWord(newText), sourceStart: occ.start + skip, ...at };
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
    if (!occurrencesIn(index, name, paragraph).some(x => x.start <= at && at < x.end)) return false;
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

/** Official names (of two words or more) whose acronym is `query`, or whose words start with each query word (the `@@` search). */
export function namesMatching(index: CorpusIndex, query: string): OfficialName[] {
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
