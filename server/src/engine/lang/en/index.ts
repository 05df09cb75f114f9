/**
 * The English language pack: the JSON word lists of this folder, stemmed once at load,
 * with the English stemmer, figure reader and patterns.
 */
import type { LanguagePack, OppositeTable, RoleWord, TokenRules } from '../pack';
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

/** The keys of `words` (a phrase's words stemmed one by one), plus any listed `asWritten`. */
function keys(list: { words: readonly string[]; asWritten?: readonly string[] } | readonly string[]): Set<string> {
  const l = Array.isArray(list) ? { words: list as readonly string[] } : (list as { words: readonly string[]; asWritten?: readonly string[] });
  return new Set([...l.words.map(stemPhrase), ...(l.asWritten ?? [])]);
}
function stemPhrase(phrase: string): string {
  return phrase.split(' ').map(stem).join(' ');
}
function table(pairs: readonly (readonly (readonly string[])[])[]): OppositeTable {
  return pairs.map(([x, y]) => [x.map(stemPhrase), y.map(stemPhrase)] as [string[], string[]]);
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
  const LADDER: Record<string, number> = Object.fromEntries(ladder.levels.flatMap(l => l.words.map(w => [stem(w), l.level])));
  const pairs = table(opposites.opposites);
  const avoid = keys(opposites.avoid);
  const key = Object.fromEntries(Object.entries(roles.words).map(([role, w]) => [role, stem(w)])) as Record<RoleWord, string>;
  // Stemmed again, as the table always was: a change to the stemmer cannot leave a key unreachable (`vice` is keyed `vic`).
  const ACTORS: Readonly<Record<string, string[]>> = Object.fromEntries(Object.entries(actors.parties).map(([k, v]) => [stem(k), v]));
  const OFFICES = new Map(actors.leaderTitles.titles.map(t => [t.words.toLowerCase(), t.office]));
  return Object.freeze({
    code: 'en',
    stem,
    spelling: { canonical: (word: string) => SPELLING[word] ?? word },
    isStopKey: (k: string) => STOP.has(k),
    shownStopWords: new Set(stopwords.shownStopWords.words),
    typedStopWords: new Set(stopwords.typedStopWords.words),
    titleMinorWords: new Set(grammar.titleMinorWords.words),
    tokens: tokenRules(),
    findFigures,
    longDate: (iso: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      return m ? `${dates.months[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}` : iso;
    },
    key,
    word: { ...roles.words } as Record<RoleWord, string>,
    morphology: morphologyOf(),
    strength: {
      ladder: LADDER,
      levelNames: ['', ...ladder.levels.map(l => l.name)],
      hedges: keys(ladder.hedges),
      hedgedLevel: keys(ladder.hedgedLevelWords),
      intentions: keys(ladder.intentions.words),
      nonVerbBefore: keys(ladder.nonVerbBefore),
      commitmentNoun: ladder.commitmentNoun,
      otherActors: keys(ladder.otherActors.words),
      commitmentNouns: new Set(ladder.commitmentNouns.words),
      strengthNouns: keys(ladder.strengthNouns.words),
      voicedConcern: { verbs: new Set(ladder.voicedConcern.verbs), noun: stem(ladder.voicedConcern.noun) },
      actsAs: { creation: ladder.actsAs.creation.map(p => stemPhrase(p).split(' ')), establishment: ladder.actsAs.establishment.map(p => stemPhrase(p).split(' ')) },
      passiveBefore: new Set(grammar.passiveBefore.words),
      describedBy: new Set(grammar.describedBy.words),
      subordinators: { words: new Set(grammar.subordinators.words), complementizer: grammar.subordinators.complementizer },
      determiners: new Set(grammar.determiners),
      past: new RegExp(`(?:${morphology.participle}|${morphology.irregularPast.join('|')})$`),
      finiteBefore: new Set(grammar.finiteBefore.words),
    },
    clauseOpeners: keys(clauses.sourceClauseOpeners),
    opposites: {
      pairs,
      overstatedObjects: table(opposites.overstatedObjects),
      firstWords: new Set(pairs.flatMap(([x, y]) => [...x, ...y].map(w => w.split(' ')[0]))),
      avoid,
      passiveMarks: keys(opposites.passiveMarks),
      negativePrefix: new RegExp(`^(?:${opposites.negativePrefixes.join('|')})(.+)$`),
    },
    negation: {
      negatedVerbSkip: keys(negation.negatedVerbSkip),
      negativeVerbs: keys(negation.negativeVerbs),
      topicVerbs: keys(negation.topicVerbs),
      lightVerbs: keys(negation.lightVerbs),
      nominalVerbs: new Map(negation.nominalVerbs.pairs.map(([n, v]) => [stem(n), stem(v)])),
      sameAct: negation.sameAct.groups.map(g => keys(g)),
      strengthNegators: keys(negation.strengthNegators),
      topicFiller: keys(negation.absence.topicFiller),
      actionNounEndings: { afterT: new RegExp(`(?<=t)${negation.actionNounEndings.afterT}$`), any: new RegExp(`${negation.actionNounEndings.any}$`) },
    },
    parties: {
      actors: ACTORS,
      groups: keys(actors.groups),
      twoOf: keys(actors.twoOf),
      actorOnlyName: keys(actors.actorOnlyName),
      offices: keys(actors.offices),
      officeDeterminers: keys(actors.officeDeterminers),
      partnerLinks: keys(actors.partnerLinks),
      thirdPartyLinks: keys(actors.thirdPartyLinks),
      prepositions: keys(actors.prepositions),
      leaderTitle: new RegExp(`\\b(${actors.leaderTitles.titles.map(t => t.words).join('|')})\\s+((?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,2}\\p{Lu}[\\p{L}'’-]+)`, 'gu'),
      officeOf: (title: string) => OFFICES.get(title.toLowerCase()),
      leadersOf: /\bleaders of ((?:(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*(?:,\s*|,?\s+and\s+)){1,8}(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)/u,
    },
    nouns: { frame: keys(nouns.frameNouns), group: keys(nouns.groupNouns), values: keys(nouns.valueNouns), objectFillers: keys(nouns.objectFillers), parts: new Set(numbers.partNouns.words) },
    neutralKeys: new Set([...pairs.flatMap(([x, y]) => [...x, ...y].flatMap(w => w.split(' '))), ...Object.keys(LADDER), ...keys(nouns.neutral), ...avoid]),
    gate: { framing: keys(gate.framing), negation: keys(gate.negation), officeHolders: new Set(gate.officeHolders.words) },
    countries: countryTable(),
    quotes: { group: keys(quotes.group), saying: keys(quotes.saying), documents: keys(quotes.documents), determiners: keys(quotes.determiners) },
    names: {
      lead: new Set(names.lead),
      connectors: new Set(names.connectors),
      peoples: new Set(names.peoples),
      listJoin: [names.listJoin[0], names.listJoin[1]] as const,
      generic: new Map<string, 'descriptor' | 'body'>([...names.generic.body.map(w => [stem(w), 'body'] as const), ...names.generic.descriptor.map(w => [stem(w), 'descriptor'] as const)]),
      titles: keys(names.titles),
      groupings: keys(names.groupings),
    },
    patterns: englishPatterns(),
  });
}

/** The English pack. */
export const english: LanguagePack = build();
