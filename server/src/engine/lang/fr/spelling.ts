/**
 * French spellings of one word (spelling.json): the recognised spelling a surface word folds
 * to. Two different words with the same canonical spelling are spelling variants.
 */
import spelling from './spelling.json';

const CHARACTERS = spelling.characters.map(([from, to]) => [new RegExp(from, 'g'), to] as const);
const CIRCUMFLEX = spelling.circumflex.letters.map(([from, to]) => [new RegExp(from, 'g'), to] as const);
const KEEP = new Set(spelling.circumflex.keep);
const WORDS: Readonly<Record<string, string>> = Object.fromEntries(spelling.words);

/** The recognised spelling of a lower-case French word (`oeuvre` → `oeuvre`, `œuvre` → `oeuvre`, `maîtriser` → `maitriser`). */
export function frenchCanonical(word: string): string {
  let w = WORDS[word] ?? word;
  for (const [re, to] of CHARACTERS) w = w.replace(re, to);
  if (!KEEP.has(w)) for (const [re, to] of CIRCUMFLEX) w = w.replace(re, to);
  return w;
}
