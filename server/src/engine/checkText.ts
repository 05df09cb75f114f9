/**
 * Word keys for the checks: normalised tokens reduced to a comparison key (a light stem,
 * spelling variants folded, `U.S.`/`United States` as one word), each with its offsets
 * in the original text so that findings point at exact characters.
 */
import { normalizeText, tokenize } from './normalize';

export interface Word {
  /** The comparison key (stemmed, variants folded). */
  readonly key: string;
  /** The normalised surface form (lower case). */
  readonly text: string;
  /** Offsets in the original text. */
  readonly start: number;
  readonly end: number;
}

/** Spelling variants and near-synonyms a faithful paraphrase uses; folded before comparing. */
const VARIANTS: Readonly<Record<string, string>> = {
  defence: 'defense', toward: 'towards', programme: 'program', centre: 'center', labour: 'labor',
  neighbours: 'neighbors', organisation: 'organization', organisations: 'organizations',
  broaden: 'expand', broadened: 'expand', quickly: 'rapidly', swiftly: 'rapidly', way: 'approach', ways: 'approach',
  cutting: 'reducing', cut: 'reduce', cuts: 'reduce', almost: 'nearly', businesses: 'enterprises',
  voiced: 'emphasized', underlined: 'emphasized', stressed: 'emphasized', restated: 'reiterated',
  modernization: 'modernizing', modernisation: 'modernizing', nations: 'countries', pledged: 'committed',
  tasked: 'directed', agencies: 'bodies', percent: 'percent', cent: 'percent', jointly: 'together',
  // Irregular past forms the light stem cannot reach.
  held: 'hold', took: 'take', taken: 'take', brought: 'bring', led: 'lead', sought: 'seek', met: 'meet',
  began: 'begin', begun: 'begin', built: 'build', chose: 'choose', chosen: 'choose', won: 'win', grew: 'grow', grown: 'grow',
};

const STOP = new Set(
  ('a an the and or of to in on for with by at as from into over under about this that these those it its their our his her ' +
    'they them we us you he she is are was were be been being will would shall should can could may might must do does did ' +
    'has have had also such including which who whom whose than then there here both all any each other more most very so ' +
    'not no nor but if while when where how what why well further among between across through within without via per upon including even').split(' '),
);
// Keys are stems: `there` is keyed `ther`, `including` `includ`. Both forms are stop keys.
for (const w of [...STOP]) STOP.add(stem(w));

/** True for function words that carry no content in a comparison. */
export function isStopKey(key: string): boolean {
  return STOP.has(key);
}

/** A light English stem: enough to equate `agreed`/`agree`, `reducing`/`reduce`, `committed`/`commit`. */
export function stem(word: string): string {
  if (word.endsWith("'s")) word = word.slice(0, -2);
  let w = VARIANTS[word] ?? word;
  if (/\d/.test(w)) return w;
  // `ease`/`easing`, `take`/`taking`: a four-letter word loses a final e after a consonant,
  // as the longer words do below.
  // `note` keeps its e: `not` is a function word.
  if (w.length <= 4) return w.length === 4 && /[^aeiouy]e$/.test(w) && /[aeiouy]/.test(w.slice(0, 2)) && !STOP.has(w.slice(0, -1)) ? w.slice(0, -1) : w;
  if (w.endsWith('ies') && w.length > 5) w = w.slice(0, -3) + 'i';
  else if (w.endsWith('ing') && (w.length > 6 || (w.length === 6 && /[aeiouy]/.test(w.slice(0, 3))))) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('es') && w.length > 5 && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4) w = w.slice(0, -1) + 'i';
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (/([bdgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * The words of `text[from, to)` with comparison keys and original offsets. `U.S.` and
 * `United States` become one word `us`; `U.S.-Canada` stays `us`, `canada`.
 */
export function wordsOf(text: string, from = 0, to = text.length): Word[] {
  const slice = text.slice(from, to);
  const n = normalizeText(slice);
  const toks = tokenize(n.text);
  const out: Word[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const start = from + n.map.at(t.start);
    const lastMapped = n.map.at(t.end - 1);
    let end = from + lastMapped + 1;
    let surface = t.text;
    const next = toks[i + 1];
    if (surface === 'u' && next?.text === 's' && next.start === t.end + 1 && n.text[t.end] === '.') {
      end = from + n.map.at(next.end - 1) + 1;
      if (n.text[next.end] === '.') end = from + n.map.at(next.end) + 1;
      out.push({ key: 'us', text: 'u.s.', start, end });
      i++;
      continue;
    }
    if (surface === 'united' && next?.text === 'states') {
      end = from + n.map.at(next.end - 1) + 1;
      out.push({ key: 'us', text: 'united states', start, end });
      i++;
      continue;
    }
    if (surface === 'two' && next?.text === 'way') surface = 'bilateral';
    out.push({ key: stem(surface), text: t.text, start, end });
  }
  return out;
}

/** Keys of content words only (no function words). */
export function contentKeys(words: readonly Word[]): string[] {
  return words.map(w => w.key).filter(k => !STOP.has(k));
}
