/**
 * Completion of official wording: phrase continuation, official names, and keyword
 * search of commitments (the `@@` in-text trigger and the Insert Commitment command).
 *
 * Candidates come from the positional {@link WordIndex} (cost bounded by the query's
 * rarest word, not by the corpus); only the few candidate paragraphs are split into
 * sentences, lazily. fuse.js ranks the short lists of names and search hits.
 */
import Fuse from 'fuse.js';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-types';
import { NeverCancelled, throwIfCancelled, type CancellationToken } from './cancellation';
import { asQuotation, citationFor, type CitationStyle, type OffsetEdit } from './citations';
import type { CorpusIndex } from './corpusIndex';
import { officialNames, type OfficialName } from './names';
import { normalizeText } from './normalize';
import { LineIndex, type Position } from './positions';
import type { Steps } from './steps';
import type { Paragraph } from './types';
import { editDistanceAtMostOne as editDistance1, isWordCode, scanTokens, WordIndex } from './wordIndex';

/** The in-text trigger for keyword search: `@@methane` offers commitments about methane. */
export const SEARCH_TRIGGER = '@@';

export interface CompletionOptions {
  /** How inserted sentences are cited (`verbatim.citationStyle`); default `none`. */
  readonly citationStyle?: CitationStyle;
  /** Maximum number of items (default 8). */
  readonly maxItems?: number;
}

/** One suggestion, in offsets of the line prefix (the text of the line before the cursor). */
export interface Suggestion {
  readonly kind: 'continuation' | 'sentence' | 'name' | 'search';
  /** Character in the line where the replaced text starts (the replaced text ends at the cursor). */
  readonly replaceStart: number;
  /** The replacement for `[replaceStart, cursor)`. */
  readonly newText: string;
  /** What the editor filters on: starts with the replaced text. */
  readonly filterText: string;
  readonly label: string;
  readonly paragraph: Paragraph;
  /** Offsets in `paragraph.text` of the words the typed text matched (for documentation). */
  readonly matchStart: number;
  readonly matchEnd: number;
  /** Offsets in `paragraph.text` of the official text inserted. */
  readonly sourceStart: number;
  readonly sourceEnd: number;
}

interface QueryToken {
  word: string;
  /** Offsets in the line prefix. */
  start: number;
  end: number;
}

const MAX_QUERY_WORDS = 8;
// Bounds the work for very common anchors; postings are in corpus order, so bundled sources come first.
const MAX_OCCURRENCES = 3000;

/** Phrase continuations and official names for the text before the cursor. */
export function suggest(index: CorpusIndex, linePrefix: string, token: CancellationToken = NeverCancelled, maxItems = 8): Suggestion[] {
  const tail = linePrefix.length > 400 ? linePrefix.slice(linePrefix.length - 400) : linePrefix;
  const shift = linePrefix.length - tail.length;
  const q = queryTokens(tail, shift);
  if (!q.length) return [];
  const last = linePrefix.length ? linePrefix.charCodeAt(linePrefix.length - 1) : 32;
  const partial = isWordCode(last) && q[q.length - 1].end === linePrefix.length;
  const phrases = continuations(index, linePrefix, q, partial, token);
  const names = partial ? nameSuggestions(index, linePrefix, q) : [];
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const push = (s: Suggestion | undefined) => {
    if (!s) return;
    const key = `${s.replaceStart}\u0000${s.newText}`;
    const result = linePrefix.slice(0, s.replaceStart) + s.newText;
    if (seen.has(key) || seen.has(result) || result === linePrefix) return;
    seen.add(key);
    seen.add(result);
    out.push(s);
  };
  // Interleave: best phrase (short, sentence), best name, then the rest.
  const groups = phrases.map(p => [...p]);
  if (groups[0]) groups[0].forEach(push);
  push(names[0]);
  for (let i = 1; i < groups.length || i < names.length; i++) {
    groups[i]?.forEach(push);
    push(names[i]);
  }
  return out.slice(0, maxItems);
}

function queryTokens(text: string, shift: number): QueryToken[] {
  const n = normalizeText(text);
  const out: QueryToken[] = [];
  scanTokens(n.text, (s, e) => out.push({ word: n.text.slice(s, e), start: shift + n.map.at(s), end: shift + n.map.at(e - 1) + 1 }));
  // Words on the line before a sentence end are not part of the phrase being typed.
  return out.slice(-MAX_QUERY_WORDS);
}

interface Alignment {
  /** Global token of query word 0. */
  start: number;
  paragraph: number;
  score: number;
  /** First query word of the matched suffix run. */
  runStart: number;
}

/** Phrase continuations: groups of [short item, sentence item] per matched passage, best first. */
function continuations(index: CorpusIndex, linePrefix: string, q: QueryToken[], partial: boolean, token: CancellationToken): Suggestion[][] {
  const wi = WordIndex.of(index);
  const n = q.length;
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
  // Anchor on the rarest of the last three words.
  const order: number[] = [];
  for (let j = Math.max(0, n - 3); j < n; j++) if (cands[j].size) order.push(j);
  const cost = (j: number) => {
    let c = 0;
    for (const id of cands[j].keys()) c += wi.frequency(id);
    return c;
  };
  order.sort((a, b) => cost(a) - cost(b));
  const alignments: Alignment[] = [];
  for (const anchor of order) {
    throwIfCancelled(token);
    let visited = 0;
    const tokenCount = wi.tokenCount;
    for (const id of cands[anchor].keys()) {
      const occ = wi.occurrences(id);
      // Each occurrence gives a distinct start, so no start is looked at twice.
      next: for (let o = 0; o < occ.length && visited < MAX_OCCURRENCES; o++, visited++) {
        const start = occ[o] - anchor;
        if (start < 0 || start + n - 1 >= tokenCount) continue;
        // Cheap filter before the paragraph look-up: the words after the anchor must match.
        for (let j = n - 1; j > anchor; j--) if (!cands[j].has(wi.tokenWord[start + j])) continue next;
        const p = wi.paragraphOfToken(occ[o]);
        const first = wi.paragraphFirstToken[p];
        const end = wi.paragraphFirstToken[p + 1];
        // The matched suffix run: from the last word backwards while words match.
        if (start + n - 1 >= end) continue;
        let score = 0;
        let runStart = n;
        for (let j = n - 1; j >= 0; j--) {
          const g = start + j;
          const w = g >= first ? cands[j].get(wi.tokenWord[g]) : undefined;
          if (w === undefined) break;
          score += w;
          runStart = j;
        }
        if (runStart > anchor || runStart === n) continue;
        // Words before the run that still match add a little (same sentence shape).
        for (let j = 0; j < runStart - 1; j++) {
          const g = start + j;
          if (g >= first && cands[j].has(wi.tokenWord[g])) score += 0.1;
        }
        alignments.push({ start, paragraph: p, score, runStart });
      }
    }
    if (alignments.length) break;
  }
  // A lone, short, partial word matches too much to be useful as a phrase.
  const minScore = n === 1 ? 1 : Math.min(2, n);
  const good = alignments.filter(a => a.score >= minScore - 0.5);
  good.sort((a, b) => b.score - a.score || a.start - b.start);
  const groups: Suggestion[][] = [];
  const seen = new Set<string>();
  const seenText = new Set<string>();
  let built = 0;
  for (const a of good) {
    if (groups.length >= 4 || built >= 8) break;
    // Synthetic or repeated passages: skip alignments whose next words repeat an earlier one.
    const textKey = nextWords(wi, a.start + a.runStart, Math.min(wi.paragraphFirstToken[a.paragraph + 1], a.start + n + 12));
    if (seenText.has(textKey)) continue;
    seenText.add(textKey);
    built++;
    const items = continuationItems(index, wi, linePrefix, q, partial, a);
    const key = items.map(i => i.newText).join('\u0000');
    if (!items.length || seen.has(key)) continue;
    seen.add(key);
    groups.push(items);
  }
  return groups;
}

function continuationItems(index: CorpusIndex, wi: WordIndex, linePrefix: string, q: QueryToken[], partial: boolean, a: Alignment): Suggestion[] {
  const paragraph = index.paragraphs[a.paragraph];
  const n = q.length;
  const norm = paragraph.normalized;
  const orig = (g: number) => norm.map.at(wi.tokenStart[g]);
  const origEnd = (g: number) => norm.map.at(wi.tokenStart[g] + wi.word(g).length - 1) + 1;
  // Keep the drafter's own words while they equal the source's; replace from the first that differs.
  let k = a.runStart;
  while (k < n - 1 && q[k].word === wi.word(a.start + k)) k++;
  const lastG = a.start + n - 1;
  const sourceStart = orig(a.start + k);
  // How far into the source the typed text already reaches.
  let covered: number;
  if (partial) {
    const typed = q[n - 1].word;
    const word = wi.word(lastG);
    covered = word.startsWith(typed) ? norm.map.at(wi.tokenStart[lastG] + typed.length - 1) + 1 : orig(lastG);
  } else covered = origEnd(lastG);
  const text = paragraph.text;
  const sentenceEnd = endOfSentence(paragraph, covered);
  const wordEnd = partial ? origEnd(lastG) : covered;
  const stops = new Set<number>();
  const nameEnd = nameEndAt(index, paragraph, covered);
  if (nameEnd !== undefined && nameEnd > covered) stops.add(nameEnd);
  else {
    const clause = endOfClause(text, Math.max(wordEnd, covered), sentenceEnd);
    stops.add(clause);
  }
  stops.add(sentenceEnd);
  const replaceStart = q[k].start;
  const replaced = linePrefix.slice(replaceStart);
  const out: Suggestion[] = [];
  for (const stop of stops) {
    if (stop <= covered && !(partial && stop >= wordEnd)) continue;
    const newText = text.slice(sourceStart, stop);
    let rest = text.slice(covered, stop);
    if (/\s$/.test(replaced) && /^\s/.test(rest)) rest = rest.replace(/^\s+/, '');
    const isSentence = stop === sentenceEnd;
    out.push({
      kind: isSentence && out.length ? 'sentence' : 'continuation',
      replaceStart,
      newText,
      filterText: replaced + rest,
      label: labelFor(newText),
      paragraph,
      matchStart: orig(a.start + a.runStart),
      matchEnd: partial ? covered : origEnd(lastG),
      sourceStart,
      sourceEnd: stop,
    });
  }
  return out;
}

function nextWords(wi: WordIndex, from: number, to: number): string {
  let key = '';
  for (let g = from; g < to; g++) key += wi.tokenWord[g] + ',';
  return key;
}

function labelFor(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
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
  const byParagraph = namesByParagraph(index);
  let best: number | undefined;
  for (const o of byParagraph.get(paragraph) ?? []) if (o.start < offset && offset <= o.end && (best === undefined || o.end > best)) best = o.end;
  return best;
}

/** Where official names occur, by paragraph (built once per index). */
function namesByParagraph(index: CorpusIndex): Map<Paragraph, { start: number; end: number }[]> {
  return index.derive('completion.namesByParagraph', i => {
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
}

/** Builds completion's look-up structures (the language server warms a new index with them). */
export function* warmCompletion(index: CorpusIndex): Steps<void> {
  const words = yield* WordIndex.warm(index);
  yield;
  yield* words.warmDeletes();
  namesByParagraph(index);
}

/** Official names for the last typed words: by first letters (fuzzy) or by acronym. */
function nameSuggestions(index: CorpusIndex, linePrefix: string, q: QueryToken[]): Suggestion[] {
  const table = officialNames(index);
  const wi = WordIndex.of(index);
  const n = q.length;
  const found = new Map<OfficialName, number>(); // name → first query word replaced
  const last = q[n - 1];
  for (const name of table.byAcronym(linePrefix.slice(last.start))) found.set(name, n - 1);
  for (let k = Math.min(6, n); k >= 1; k--) {
    const first = q[n - k];
    const heads = new Set<string>([first.word]);
    if (k > 1) for (const id of wi.nearWords(first.word)) heads.add(wi.vocabulary[id]);
    for (const head of heads) {
      for (const name of k === 1 ? table.startingWith(head, 30) : table.startingWith(head, 30).filter(x => x.words[0] === head)) {
        if (found.has(name) || name.words.length < k) continue;
        let ok = true;
        for (let j = 1; j < k && ok; j++) {
          const typed = q[n - k + j].word;
          const official = name.words[j];
          ok = j === k - 1 ? official.startsWith(typed) || (typed.length >= 4 && nearPrefix(typed, official)) : typed === official || near(typed, official);
        }
        if (ok) found.set(name, n - k);
      }
    }
  }
  if (!found.size) return [];
  const list = [...found.keys()];
  const typedText = linePrefix.slice(q[Math.min(...found.values())].start);
  const fuse = new Fuse(list, { keys: ['base'], includeScore: true, ignoreLocation: true, threshold: 1 });
  const ranked = fuse.search(typedText).map(r => r.item);
  for (const x of list) if (!ranked.includes(x)) ranked.push(x);
  return ranked.slice(0, 6).map(name => {
    const j = found.get(name)!;
    const replaceStart = q[j].start;
    const occ = name.occurrences[0];
    const replaced = linePrefix.slice(replaceStart);
    const withAcronym = name.occurrences.find(o => o.end - o.start > name.base.length) ?? occ;
    return {
      kind: 'name' as const,
      replaceStart,
      newText: name.text,
      filterText: replaced + name.text.slice(Math.min(replaced.length, name.text.length)),
      label: name.text,
      paragraph: withAcronym.paragraph,
      matchStart: withAcronym.start,
      matchEnd: withAcronym.end,
      sourceStart: withAcronym.start,
      sourceEnd: withAcronym.end,
    };
  });
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

/**
 * LSP completion items at `position` in `draft`: the `@@keyword` search if the cursor
 * follows one, else phrase continuations and official names. Text edits replace the
 * typed words; whole-sentence items carry the citation (`citationStyle`).
 */
export function completeOfficialWording(index: CorpusIndex, draft: CompletionDraft, at: Position, options: CompletionOptions = {}, token: CancellationToken = NeverCancelled): CompletionList {
  const lines = new LineIndex(draft.text);
  // Edit ranges end at the cursor: a cursor past the end of its line must not put them outside the document.
  const position = lines.clamp(at);
  const offset = lines.offsetAt(position);
  const lineStart = lines.lineStarts[Math.min(position.line, lines.lineCount - 1)];
  const linePrefix = draft.text.slice(lineStart, offset);
  const style = options.citationStyle ?? 'none';
  const max = options.maxItems ?? 8;
  const trigger = linePrefix.lastIndexOf(SEARCH_TRIGGER);
  const items: CompletionItem[] = [];
  const range = (startChar: number) => ({ start: { line: position.line, character: startChar }, end: position });
  const lsp = (e: OffsetEdit): TextEdit => ({ range: lines.rangeAt(e.start, e.end), newText: e.newText });
  if (trigger >= 0 && !/[\n]/.test(linePrefix.slice(trigger))) {
    const query = linePrefix.slice(trigger + SEARCH_TRIGGER.length);
    if (query.trim().length >= 2) {
      const hits = searchCommitments(index, query, max, token);
      hits.forEach((h, i) => {
        const cite = citationFor(index, h.paragraph, draft.text, style);
        const newText = asQuotation(h.text) + cite.suffix;
        items.push({
          label: labelFor(h.text),
          kind: CompletionItemKind.Reference,
          detail: h.paragraph.label,
          documentation: documentation(h.paragraph, h.paragraph.sentences[h.sentenceIndex].start, h.paragraph.sentences[h.sentenceIndex].end),
          filterText: linePrefix.slice(trigger) + ' ' + h.text,
          sortText: String(i).padStart(4, '0'),
          textEdit: { range: range(trigger), newText },
          insertTextFormat: InsertTextFormat.PlainText,
          additionalTextEdits: cite.additionalEdits.map(lsp),
          data: { paragraphId: h.paragraph.id, sentenceIndex: h.sentenceIndex },
        });
      });
    }
    return { isIncomplete: true, items };
  }
  const suggestions = suggest(index, linePrefix, token, max);
  suggestions.forEach((s, i) => {
    const cite = s.kind === 'sentence' ? citationFor(index, s.paragraph, draft.text, style) : { suffix: '', additionalEdits: [] };
    items.push({
      label: s.label,
      kind: s.kind === 'name' ? CompletionItemKind.Constant : CompletionItemKind.Text,
      detail: s.paragraph.label,
      documentation: documentation(s.paragraph, s.matchStart, s.matchEnd),
      filterText: s.filterText,
      sortText: String(i).padStart(4, '0'),
      preselect: i === 0 ? true : undefined,
      textEdit: { range: range(s.replaceStart), newText: s.newText + cite.suffix },
      insertTextFormat: InsertTextFormat.PlainText,
      additionalTextEdits: cite.additionalEdits.length ? cite.additionalEdits.map(lsp) : undefined,
      data: { paragraphId: s.paragraph.id, kind: s.kind },
    });
  });
  // Re-ask on every keystroke: the best continuation depends on the words, not on filtering.
  return { isIncomplete: true, items };
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

/** A ghost-text suggestion: `insertText` replaces `range` (the typed words it extends). */
export interface InlineSuggestion {
  readonly insertText: string;
  readonly range: { readonly start: Position; readonly end: Position };
  readonly paragraphId: string;
}

/**
 * Ghost text at `position`: the official continuation of the words before the cursor,
 * only when the typed words are an exact (case-insensitive) prefix of it, so accepting
 * it with Tab only appends. Shortest natural stop first, then the whole sentence.
 */
export function inlineContinuations(index: CorpusIndex, draft: CompletionDraft, at: Position, token: CancellationToken = NeverCancelled): InlineSuggestion[] {
  const lines = new LineIndex(draft.text);
  const position = lines.clamp(at);
  const offset = lines.offsetAt(position);
  const lineStart = lines.lineStarts[Math.min(position.line, lines.lineCount - 1)];
  const linePrefix = draft.text.slice(lineStart, offset);
  if (!/[\p{L}\p{N}]\s?$/u.test(linePrefix) || linePrefix.includes(SEARCH_TRIGGER)) return [];
  const out: InlineSuggestion[] = [];
  for (const s of suggest(index, linePrefix, token, 4)) {
    const typed = linePrefix.slice(s.replaceStart);
    if (!s.newText.toLowerCase().startsWith(typed.toLowerCase()) || s.newText.length <= typed.length) continue;
    // Keep what the drafter typed; append the rest.
    out.push({ insertText: typed + s.newText.slice(typed.length), range: { start: { line: position.line, character: s.replaceStart }, end: position }, paragraphId: s.paragraph.id });
  }
  return out;
}

/**
 * The edits inserting sentence `sentenceIndex` of `paragraph` as a quotation at `position`,
 * followed by its citation in `style`.
 */
export function insertCommitmentEdits(index: CorpusIndex, draft: CompletionDraft, cursor: Position, paragraph: Paragraph, sentenceIndex: number, style: CitationStyle): TextEdit[] {
  const sentence = paragraph.sentences[sentenceIndex];
  if (!sentence) return [];
  const lines = new LineIndex(draft.text);
  const position = lines.clamp(cursor);
  const cite = citationFor(index, paragraph, draft.text, style);
  const at = { start: position, end: position };
  return [{ range: at, newText: asQuotation(sentence.text) + cite.suffix }, ...cite.additionalEdits.map(e => ({ range: lines.rangeAt(e.start, e.end), newText: e.newText }))];
}
