/**
 * The English language pack: the JSON word lists of this folder, stemmed once at load,
 * with the English stemmer, figure reader and patterns.
 */
import { assemblePack } from '../assemble';
import type { LanguagePack, TokenRules } from '../pack';
import actors from './actors.json';
import clauses from './clauses.json';
import dates from './dates.json';
import { findFigures } from './figures';
import ladder from './ladder.json';
import names from './names.json';
import negation from './negation.json';
import nouns from './nouns.json';
import numbers from './numbers.json';
import opposites from './opposites.json';
import { englishPatterns } from './patterns';
import roles from './roles.json';
import { englishStemmer } from './stem';
import stopwords from './stopwords.json';
import tokens from './tokens.json';
import variants from './variants.json';
import grammar from './grammar.json';
import morphology from './morphology.json';
import gate from './gate.json';
import quotes from './quotes.json';
import countries from './countries.json';
import spelling from './spelling.json';

const STOP = new Set<string>(stopwords.stopWords);
/** British and Canadian spellings → American, with their regular inflections (spelling.json). */
function spellingVariants(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [gb, us] of spelling.nouns) {
    out[gb] = us;
    out[`${gb}s`] = `${us}s`;
  }
  for (const verb of spelling.iseVerbs) {
    const stemGb = verb.slice(0, -3);
    for (const [gb, us] of [['ise', 'ize'], ['ised', 'ized'], ['ises', 'izes'], ['ising', 'izing'], ['isation', 'ization'], ['isations', 'izations']]) out[stemGb + gb] = stemGb + us;
  }
  for (const [gb, us] of spelling.other) out[gb] = us;
  return out;
}
export const SPELLING: Readonly<Record<string, string>> = spellingVariants();
const VARIANTS: Readonly<Record<string, string>> = { ...SPELLING, ...variants.variants, ...variants.irregular };
// Keys are stems: `there` is keyed `ther`, `including` `includ`. Both forms are stop keys.
// (Each is stemmed against the set as it grows, as it always was; the stemmer used from then
// on remembers keys, so it is made once the set is complete.)
const growing = englishStemmer(STOP, VARIANTS, false);
for (const w of [...STOP]) STOP.add(growing(w));
const stem = englishStemmer(STOP, VARIANTS);

function stemPhrase(phrase: string): string {
  return phrase.split(' ').map(stem).join(' ');
}

function tokenRules(): TokenRules {
  return {
    dotted: new Map(tokens.dotted.map(d => [d.letters[0], { second: d.letters[1], key: d.key, text: d.text }])),
    joined: new Map(tokens.joined.map(d => [d.words[0], { second: d.words[1], key: d.key, text: d.text }])),
    readAs: new Map(tokens.readAs.map(d => [d.words[0], { second: d.words[1], as: d.as }])),
    hyphenPrefixes: new Set(tokens.hyphenPrefixes.words),
    // English elides nothing (tokens.json `elided` is empty).
    unelided: (word: string) => word,
  };
}

function countryTable(): LanguagePack['countries'] {
  const byFirstKey = new Map<string, { code: string; keys: string[] }[]>();
  const heads = new Map<string, string>();
  for (const [code, c] of Object.entries(countries.countries)) {
    heads.set(code, c.head);
    for (const name of c.names) {
      const ks = name.split(' ').map(w => (w === 'u.s.' || w === 'us' ? 'us' : stem(w)));
      const list = byFirstKey.get(ks[0]) ?? [];
      list.push({ code, keys: ks });
      // Longer names first: `new zealand` before `new`.
      list.sort((a, b) => b.keys.length - a.keys.length);
      byFirstKey.set(ks[0], list);
    }
  }
  return { byFirstKey, heads };
}

function morphologyOf(): LanguagePack['morphology'] {
  const m = morphology;
  const noun = m.actionNounSuffixes.join('|');
  return {
    actionNoun: new RegExp(`(?:${noun})$`),
    actionNounOrPlural: new RegExp(`(?:${noun})s?$`),
    rootSuffix: new RegExp(`(?:${m.rootSuffixes.join('|')})$`),
    gerund: new RegExp(`${m.gerund}$`),
    participle: new RegExp(`${m.participle}$`),
    participleOrGerund: new RegExp(`(?:${m.participle}|${m.gerund})$`, 'i'),
    modifier: new RegExp(`(?:${m.gerund}|${m.adverb}|${m.participle})$`),
    baseForm: (verb: string) => verb.replace(/ing$/, 'e').replace(/ed$/, 'e').replace(/ee$/, 'e'),
    possessive: /['’]s?$/,
    possessiveS: /['’]s$/,
    apostrophe: /['’]/,
    owner: /'s$|s'$/,
    demonymEnding: new RegExp(`^(?:${m.demonymEndings.join('|')})$`),
  };
}

function build(): LanguagePack {
  const OFFICES = new Map(actors.leaderTitles.titles.map(t => [t.words.toLowerCase(), t.office]));
  return assemblePack(
    { ladder, grammar, stopwords, clauses, opposites, negation, actors, nouns, numbers, gate, quotes, names, roles },
    {
      code: 'en',
      stem,
      stemPhrase,
      spelling: { canonical: (word: string) => SPELLING[word] ?? word },
      isStopKey: (k: string) => STOP.has(k),
      tokens: tokenRules(),
      findFigures,
      longDate: (iso: string) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
        return m ? `${dates.months[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}` : iso;
      },
      morphology: morphologyOf(),
      countries: countryTable(),
      patterns: englishPatterns(),
      strength: {
        past: new RegExp(`(?:${morphology.participle}|${morphology.irregularPast.join('|')})$`),
        actsAs: { creation: ladder.actsAs.creation.map(p => stemPhrase(p).split(' ')), establishment: ladder.actsAs.establishment.map(p => stemPhrase(p).split(' ')) },
      },
      negation: { actionNounEndings: { afterT: new RegExp(`(?<=t)${negation.actionNounEndings.afterT}$`), any: new RegExp(`${negation.actionNounEndings.any}$`) } },
      parties: {
        leaderTitle: new RegExp(`\\b(${actors.leaderTitles.titles.map(t => t.words).join('|')})\\s+((?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,2}\\p{Lu}[\\p{L}'’-]+)`, 'gu'),
        officeOf: (title: string) => OFFICES.get(title.toLowerCase()),
        leadersOf: /\bleaders of ((?:(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*(?:,\s*|,?\s+and\s+)){1,8}(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)/u,
      },
    },
  );
}

/** The English pack. */
export const english: LanguagePack = build();
