/**
 * The French comparison key: the Snowball French stemmer (`snowball-stemmers`, a port of the
 * reference Snowball algorithms), after what Snowball does not do for comparing statements:
 *
 * - the elided article or pronoun goes (`l'accord`, `d'experts`, `s'engager`, `qu'ils`): the
 *   word is `accord`, `experts`, `engager`;
 * - spellings that are the same word fold (spelling.json: `œuvre`/`oeuvre`, `maîtriser`/`maitriser`);
 * - the forms of the verbs verbs.json knows fold onto their infinitive (`réaffirmons`,
 *   `réaffirment`, `réaffirmé` are `réaffirmer`), since Snowball keeps `-ons` and `-ent`;
 * - near-synonyms of variants.json fold (`entente` is `accord`);
 * - accents go from the stem, so a capital written without its accent (`Etats`) is the same key.
 *
 * Numbers and words with digits are their own key.
 */
import { newStemmer } from 'snowball-stemmers';
import tokens from './tokens.json';

/** `l'`, `d'`, `qu'`, `jusqu'`… before a word (tokens.json `elided`). */
const ELISION = new RegExp(`^(?:${tokens.elided.words.join('|')})['’](?=\\p{L})`, 'u');

/** Cuts an elided article or pronoun: `l'accord` → `accord`. */
export function unelided(word: string): string {
  return word.replace(ELISION, '');
}

export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * The French stemmer over `stop` (function words are their own key), `canonical` (the pack's
 * spelling folding) and `variants` (surface word → the word it is compared as). Keys are
 * remembered (bounded): Snowball is the costliest step of reading a French source.
 */
export function frenchStemmer(stop: ReadonlySet<string>, canonical: (word: string) => string, variants: Readonly<Record<string, string>>): (word: string) => string {
  const snowball = newStemmer('french');
  const memo = new Map<string, string>();
  return (word: string) => {
    let v = memo.get(word);
    if (v === undefined) {
      if (memo.size >= 100_000) memo.clear();
      memo.set(word, (v = stem(word)));
    }
    return v;
  };
  function stem(word: string): string {
    if (/\d/.test(word)) return word;
    // An adverb written with an elision (`d'abord`) is a function word of its own, not `aborder`.
    if (stop.has(word)) return word;
    let w = unelided(word);
    if (stop.has(w)) return w;
    w = canonical(w);
    w = variants[w] ?? w;
    return stripAccents(snowball.stem(w));
  }
}
