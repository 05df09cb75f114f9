/**
 * Which language a text is in, among those Verbatim has a language pack for, by `tinyld`
 * (character n-gram profiles of 60-odd languages, pure JavaScript, no dependencies, nothing
 * fetched at run time). A hand-written list of function words guessed before; the library
 * reads any text with letters, not only text long enough to hold five of those words.
 *
 * Only the packs' languages are asked about: a passage of English names and figures must come
 * out English or undecided, never Portuguese. And an answer is given only when one language is
 * clearly ahead (twice as likely as the next): on the labelled English drafts the French
 * likelihood never reaches 1.3 times the English one, on sentences of the French sources the
 * French one is at least 2.6 times the English one.
 */
import { detectAll } from 'tinyld';

/** The languages with a language pack. */
export const PACK_LANGUAGES: readonly string[] = Object.freeze(['en', 'fr']);

/** How far the first language must be ahead of the second for an answer. */
const MARGIN = 2;
/** Fewer words than this say too little (`Trade.`, a heading). */
const MIN_WORDS = 4;
/** Enough text to decide; longer texts are read from their start. */
const SAMPLE = 2000;

/** `en` or `fr` for `text`; undefined when it is too short or neither is clearly ahead. */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE);
  if ((sample.match(/\p{L}{2,}/gu)?.length ?? 0) < MIN_WORDS) return undefined;
  const [first, second] = detectAll(sample, { only: [...PACK_LANGUAGES] });
  if (!first || first.accuracy <= 0) return undefined;
  return !second || first.accuracy >= MARGIN * second.accuracy ? first.lang : undefined;
}
