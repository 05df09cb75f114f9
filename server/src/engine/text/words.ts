/**
 * Word keys for the checks: normalised tokens reduced to a comparison key (the language
 * pack's stem, spelling variants folded, `U.S.`/`United States` as one word), each with its
 * offsets in the original text so that findings point at exact characters.
 */
import type { CorpusIndex } from '../corpusIndex';
import { packFor } from '../lang';
import { english } from '../lang/en';
import type { LanguagePack } from '../lang/pack';
import { normalizeText, tokenize } from '../normalize';
import { runSteps, stepBefore, type Steps } from '../steps';

export interface Word {
  /** The comparison key (stemmed, variants folded). */
  readonly key: string;
  /** The normalised surface form (lower case). */
  readonly text: string;
  /** Offsets in the original text. */
  readonly start: number;
  readonly end: number;
}

/** True for function words that carry no content in a comparison (English). */
export function isStopKey(key: string): boolean {
  return english.isStopKey(key);
}

/** The English comparison key of a lower-case word. */
export function stem(word: string): string {
  return english.stem(word);
}

/**
 * The words of `text[from, to)` with comparison keys and original offsets. `U.S.` and
 * `United States` become one word `us`; `U.S.-Canada` stays `us`, `canada`.
 */
export function wordsOf(text: string, from = 0, to = text.length, lang: LanguagePack = english): Word[] {
  const slice = text.slice(from, to);
  const n = normalizeText(slice);
  const toks = tokenize(n.text);
  const { dotted, joined, readAs, hyphenPrefixes } = lang.tokens;
  const out: Word[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const start = from + n.map.at(t.start);
    const lastMapped = n.map.at(t.end - 1);
    let end = from + lastMapped + 1;
    let surface = t.text;
    const next = toks[i + 1];
    const dot = dotted.get(surface);
    if (dot && next?.text === dot.second && next.start === t.end + 1 && n.text[t.end] === '.') {
      end = from + n.map.at(next.end - 1) + 1;
      if (n.text[next.end] === '.') end = from + n.map.at(next.end) + 1;
      out.push({ key: dot.key, text: dot.text, start, end });
      i++;
      continue;
    }
    const join = joined.get(surface);
    if (join && next?.text === join.second) {
      end = from + n.map.at(next.end - 1) + 1;
      out.push({ key: join.key, text: join.text, start, end });
      i++;
      continue;
    }
    // `co-operation`, `re-establish`: one word, as `cooperation`, `reestablish`.
    if (hyphenPrefixes.has(surface) && next && next.start === t.end + 1 && n.text[t.end] === '-' && /^\p{L}/u.test(next.text)) {
      end = from + n.map.at(next.end - 1) + 1;
      const whole = surface + next.text;
      out.push({ key: lang.stem(whole), text: whole, start, end });
      i++;
      continue;
    }
    const read = readAs.get(surface);
    if (read && next?.text === read.second) surface = read.as;
    out.push({ key: lang.stem(surface), text: t.text, start, end });
  }
  return out;
}

/**
 * The language pack of every paragraph of `index` (same order as `index.paragraphs`): its
 * source's language, English when the source's is unknown or has no pack. Computed once per index.
 */
export function paragraphPacks(index: CorpusIndex): readonly LanguagePack[] {
  return index.derive('text.paragraphPacks', i => {
    const byDocument = new Map(i.documents.map(d => [d.id, packFor(d.lang)]));
    return i.paragraphs.map(p => byDocument.get(p.documentId) ?? english);
  });
}

/** The words of every paragraph of `index` (same order as `index.paragraphs`), each read in its source's language; computed once per index. */
export function paragraphWords(index: CorpusIndex): readonly (readonly Word[])[] {
  return index.derive('text.paragraphWords', i => runSteps(buildParagraphWords(i)));
}

/** {@link paragraphWords} in steps (the language server warms a new index with it). */
export function warmParagraphWords(index: CorpusIndex): Steps<readonly (readonly Word[])[]> {
  return index.deriveSteps('text.paragraphWords', buildParagraphWords);
}

function* buildParagraphWords(index: CorpusIndex): Steps<readonly (readonly Word[])[]> {
  const packs = paragraphPacks(index);
  const out: Word[][] = [];
  for (let pi = 0; pi < index.paragraphs.length; pi++) {
    if (stepBefore(pi)) yield;
    const p = index.paragraphs[pi];
    out.push(wordsOf(p.text, 0, p.text.length, packs[pi]));
  }
  return out;
}
