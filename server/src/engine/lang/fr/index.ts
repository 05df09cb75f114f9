/**
 * The French pack: the JSON word lists of this folder, stemmed once at load with the French
 * stemmer (stem.ts: Snowball French, elisions cut, spellings and verb forms folded), with the
 * French figure reader and patterns. It answers every question the English pack does; where a
 * list is shorter than English's (the ladder, the opposites), the JSON says so.
 */
import { assemblePack } from '../assemble';
import type { LanguagePack, TokenRules } from '../pack';
import actors from './actors.json';
import clauses from './clauses.json';
import countries from './countries.json';
import dates from './dates.json';
import { findFigures } from './figures';
import gate from './gate.json';
import grammar from './grammar.json';
import ladder from './ladder.json';
import morphology from './morphology.json';
import names from './names.json';
import negation from './negation.json';
import nouns from './nouns.json';
import numbers from './numbers.json';
import opposites from './opposites.json';
import { frenchPatterns } from './patterns';
import quotes from './quotes.json';
import roles from './roles.json';
import { frenchCanonical } from './spelling';
import { frenchStemmer, unelided } from './stem';
import stopwords from './stopwords.json';
import tokens from './tokens.json';
import variants from './variants.json';
import { verbForms } from './verbs';

const STOP = new Set<string>(stopwords.stopWords);
const FOLDED: Readonly<Record<string, string>> = {
  ...verbForms(frenchCanonical),
  ...Object.fromEntries(Object.entries(variants.variants).map(([a, b]) => [frenchCanonical(a), frenchCanonical(b)])),
};
const stem = frenchStemmer(STOP, frenchCanonical, FOLDED);
for (const w of [...STOP]) STOP.add(stem(w));


/** A phrase's keys joined by spaces; `mettre en œuvre` → `mettr en oeuvr`. */
function stemPhrase(phrase: string): string {
  return phrase.split(' ').map(w => stem(unelided(w))).join(' ');
}

function tokenRules(): TokenRules {
  return {
    dotted: new Map(),
    joined: new Map(tokens.joined.map(d => [d.words[0], { second: d.words[1], key: d.key, text: d.text }])),
    readAs: new Map(),
    hyphenPrefixes: new Set(tokens.hyphenPrefixes.words),
    unelided,
  };
}

/** A joined token's text (`états unis`) is one word with its key (`us`). */
const JOINED_KEYS = new Map(tokens.joined.map(d => [d.text, d.key]));

function countryTable(): LanguagePack['countries'] {
  const byFirstKey = new Map<string, { code: string; keys: string[] }[]>();
  const heads = new Map<string, string>();
  for (const [code, c] of Object.entries(countries.countries)) {
    heads.set(code, c.head);
    for (const name of c.names) {
      const ks = JOINED_KEYS.has(name) ? [JOINED_KEYS.get(name)!] : name.split(' ').map(w => (w === 'us' ? 'us' : stem(w)));
      const list = byFirstKey.get(ks[0]) ?? [];
      list.push({ code, keys: ks });
      list.sort((a, b) => b.keys.length - a.keys.length);
      byFirstKey.set(ks[0], list);
    }
  }
  return { byFirstKey, heads };
}

function morphologyOf(): LanguagePack['morphology'] {
  const m = morphology;
  const noun = m.actionNounSuffixes.join('|');
  const never = /(?!)/;
  return {
    actionNoun: new RegExp(`(?:${noun})$`),
    actionNounOrPlural: new RegExp(`(?:${noun})s?$`),
    rootSuffix: new RegExp(`(?:${m.rootSuffixes.join('|')})$`),
    gerund: new RegExp(`${m.gerund}$`),
    participle: new RegExp(`${m.participle}$`),
    participleOrGerund: new RegExp(`(?:${m.participle}|${m.gerund})$`, 'i'),
    modifier: new RegExp(`(?:${m.gerund}|${m.adverb}|${m.participle})$`),
    // `envisageant` → `envisager`: the infinitive the verb forms fold onto.
    baseForm: (verb: string) => FOLDED[frenchCanonical(unelided(verb))] ?? verb,
    // French has no possessive ending: `le plan du Canada`.
    possessive: never,
    possessiveS: never,
    apostrophe: /['’]/,
    owner: never,
    demonymEnding: new RegExp(`^(?:${m.demonymEndings.join('|')})$`),
  };
}

/** `(?:premier ministre|président|…)` with a capital or not, then a capitalised name (`le premier ministre Justin Trudeau`). */
function leaderTitle(): RegExp {
  const title = (t: string) => t.replace(/^\p{L}/u, c => `[${c}${c.toUpperCase()}]`).replace(/ /g, '\\s+');
  const titles = actors.officeTitles.titles.map(t => t.words).sort((a, b) => b.length - a.length).map(title);
  return new RegExp(`(?<![\\p{L}])(${titles.join('|')})\\s+((?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,2}\\p{Lu}[\\p{L}'’-]+)`, 'gu');
}

function build(): LanguagePack {
  const OFFICES = new Map(actors.officeTitles.titles.map(t => [t.words.toLowerCase().replace(/\s+/g, ' '), t.office]));
  return assemblePack(
    { ladder, grammar, stopwords, clauses, opposites, negation, actors, nouns, numbers, gate, quotes, names, roles },
    {
      code: 'fr',
      stem,
      stemPhrase,
      spelling: { canonical: frenchCanonical },
      isStopKey: (k: string) => STOP.has(k),
      tokens: tokenRules(),
      findFigures,
      longDate: (iso: string) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
        return m ? `${m[3] === '01' ? '1er' : Number(m[3])} ${dates.months[Number(m[2]) - 1]} ${m[1]}` : iso;
      },
      morphology: morphologyOf(),
      countries: countryTable(),
      patterns: frenchPatterns(),
      strength: { past: new RegExp(`${morphology.past}$`), actsAs: { creation: [], establishment: [] } },
      negation: { actionNounEndings: { afterT: new RegExp(negation.actionNounEndings.afterT), any: new RegExp(negation.actionNounEndings.any) } },
      parties: {
        leaderTitle: leaderTitle(),
        officeOf: (title: string) => OFFICES.get(title.toLowerCase().replace(/\s+/g, ' ')),
        leadersOf: /(?<![\p{L}])dirigeants\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)((?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*(?:,\s*|,?\s+et\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)?)){1,8}\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)/u,
      },
    },
  );
}

/** The French pack. */
export const french: LanguagePack = build();
