/**
 * What the drafter typed, as completion reads it: the sentence being typed (its last words,
 * whether the last one is still being typed), and the rules for the word being typed. An item
 * only ever completes that word (or corrects a typo in it) and appends official words after it;
 * it never changes other typed words or the case of a typed letter.
 */
import { english } from '../lang/en';
import { normalizeText } from '../normalize';
import { lastSentenceStart } from '../text/sentences';
import type { Paragraph } from '../types';
import { editDistanceAtMostOne as editDistance1, isWordCode, scanTokens } from '../wordIndex';

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

export interface QueryToken {
  word: string;
  /** Offsets in the line prefix. */
  start: number;
  end: number;
}

/** The sentence being typed, as completion sees it. */
export interface TypingContext {
  readonly linePrefix: string;
  /** The last words of the sentence being typed (at most {@link MAX_QUERY_WORDS}). */
  readonly q: QueryToken[];
  /** The cursor is right after a letter or digit: the last word is still being typed. */
  readonly partial: boolean;
}

const MAX_QUERY_WORDS = 8;
/** Bounds the work for very common anchors; postings are in corpus order, so bundled sources come first. */
export const MAX_OCCURRENCES = 3000;

/** Function words (the language pack's): they do not make a match distinctive. */
export const FUNCTION_WORDS = english.typedStopWords;

/** A content word: three letters or more, not a function word. */
export function isContent(word: string): boolean {
  return word.length >= 3 && !FUNCTION_WORDS.has(word);
}

/** True when the cursor follows sentence-ending punctuation (with any closing quotes or brackets). */
export function afterSentencePunctuation(linePrefix: string): boolean {
  return /[.!?]["”’)\]]*$/.test(linePrefix);
}

/**
 * The sentence being typed: nothing right after `.`, `!` or `?`; else the words after the
 * last sentence end on the line (the one sentence splitter's rule: a period after an
 * abbreviation or an initial is not one).
 */
export function typingContext(linePrefix: string): TypingContext | undefined {
  if (afterSentencePunctuation(linePrefix)) return undefined;
  const tail = linePrefix.length > 400 ? linePrefix.slice(linePrefix.length - 400) : linePrefix;
  const shift = linePrefix.length - tail.length;
  const from = lastSentenceStart(tail);
  const n = normalizeText(tail.slice(from));
  const q: QueryToken[] = [];
  scanTokens(n.text, (s, e) => q.push({ word: n.text.slice(s, e), start: shift + from + n.map.at(s), end: shift + from + n.map.at(e - 1) + 1 }));
  if (!q.length) return undefined;
  const last = linePrefix.charCodeAt(linePrefix.length - 1);
  const partial = isWordCode(last) && q[q.length - 1].end === linePrefix.length;
  return { linePrefix, q: q.slice(-MAX_QUERY_WORDS), partial };
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
export function completeWord(typed: string, sourceWord: string): { text: string; filter: string } | undefined {
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
export function matchTail(text: string, from: number, typed: string): number | undefined {
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
export function firstWord(text: string): string {
  const m = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/u.exec(text);
  return m ? m[0] : text.trim();
}

/** A typed word matches an official one: equal (one typo allowed from four letters), or, half typed, a prefix of it. */
export function wordMatches(typed: string, official: string, halfTyped: boolean): boolean {
  return halfTyped ? official.startsWith(typed) || (typed.length >= 4 && nearPrefix(typed, official)) : typed === official || near(typed, official);
}

function near(a: string, b: string): boolean {
  return a.length >= 4 && editDistance1(a, b);
}

function nearPrefix(typed: string, official: string): boolean {
  return editDistance1(typed, official.slice(0, typed.length)) || editDistance1(typed, official.slice(0, typed.length + 1)) || editDistance1(typed, official.slice(0, typed.length - 1));
}

/**
 * A label that fits the suggest widget (about 50 characters): long items show their start
 * and their end, so items that start alike (the name, the clause, the sentence) look different.
 */
export function labelFor(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 50 ? `${t.slice(0, 26).trimEnd()} … ${t.slice(t.length - 20).trimStart()}` : t;
}
