/**
 * The French pack: the JSON word lists of this folder, stemmed once at load with the French
 * stemmer (stem.ts: Snowball French, elisions cut, spellings and verb forms folded), with the
 * French figure reader and patterns. It answers every question the English pack does; where a
 * list is shorter than English's (the ladder, the opposites), the JSON says so.
 */
import type { LanguagePack, OppositeTable, RoleWord, TokenRules } from '../pack';
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

type List = { words: readonly string[]; asWritten?: readonly string[] } | readonly string[];

/** The keys of a list's phrases (each word stemmed), plus any listed `asWritten`. */
function keys(list: List): Set<string> {
  const l = Array.isArray(list) ? { words: list as readonly string[] } : (list as { words: readonly string[]; asWritten?: readonly string[] });
  return new Set([...l.words.map(stemPhrase), ...(l.asWritten ?? [])]);
}
/** A phrase's keys joined by spaces; `mettre en œuvre` → `mettr en oeuvr`. */
function stemPhrase(phrase: string): string {
  return phrase.split(' ').map(w => stem(unelided(w))).join(' ');
}
function table(pairs: readonly (readonly (readonly string[])[])[]): OppositeTable {
  return pairs.map(([x, y]) => [x.map(stemPhrase), y.map(stemPhrase)] as [string[], string[]]);
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
  const LADDER: Record<string, number> = Object.fromEntries(ladder.levels.flatMap(l => l.words.map(w => [stemPhrase(w), l.level])));
  const pairs = table(opposites.opposites);
  const avoid = keys(opposites.avoid);
  const key = Object.fromEntries(Object.entries(roles.words).map(([role, w]) => [role, stem(w)])) as Record<RoleWord, string>;
  const OFFICES = new Map(actors.officeTitles.titles.map(t => [t.words.toLowerCase().replace(/\s+/g, ' '), t.office]));
  return Object.freeze({
    code: 'fr',
    stem,
    spelling: { canonical: frenchCanonical },
    isStopKey: (k: string) => STOP.has(k),
    shownStopWords: new Set(stopwords.shownStopWords.words),
    typedStopWords: new Set(stopwords.typedStopWords.words),
    titleMinorWords: new Set(grammar.titleMinorWords.words),
    tokens: tokenRules(),
    findFigures,
    longDate: (iso: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      return m ? `${m[3] === '01' ? '1er' : Number(m[3])} ${dates.months[Number(m[2]) - 1]} ${m[1]}` : iso;
    },
    key,
    word: { ...roles.words } as Record<RoleWord, string>,
    morphology: morphologyOf(),
    strength: {
      ladder: LADDER,
      levelNames: ['', ...ladder.levels.map(l => l.name)],
      hedges: keys(ladder.hedges),
      hedgedLevel: keys(ladder.hedgedLevelWords),
      nonVerbBefore: keys(ladder.nonVerbBefore),
      commitmentNoun: ladder.commitmentNoun,
      otherActors: keys(ladder.otherActors.words),
      commitmentNouns: new Set(ladder.commitmentNouns.words),
      strengthNouns: keys(ladder.strengthNouns.words),
      voicedConcern: { verbs: new Set(ladder.voicedConcern.verbs), noun: stem(ladder.voicedConcern.noun) },
      actsAs: { creation: [], establishment: [] },
      passiveBefore: new Set(grammar.passiveBefore.words),
      determiners: new Set(grammar.determiners),
      past: new RegExp(`${morphology.past}$`),
      finiteBefore: new Set(grammar.finiteBefore.words),
      intentions: keys(ladder.intentions.words),
      describedBy: new Set(grammar.describedBy.words),
      subordinators: { words: new Set(grammar.subordinators.words), complementizer: grammar.subordinators.complementizer },
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
      actionNounEndings: { afterT: new RegExp(negation.actionNounEndings.afterT), any: new RegExp(negation.actionNounEndings.any) },
    },
    parties: {
      actors: Object.fromEntries(Object.entries(actors.parties).map(([k, v]) => [stem(k), v])),
      groups: keys(actors.groups),
      twoOf: keys(actors.twoOf),
      actorOnlyName: keys(actors.actorOnlyName),
      offices: keys(actors.offices),
      officeDeterminers: keys(actors.officeDeterminers),
      partnerLinks: keys(actors.partnerLinks),
      thirdPartyLinks: keys(actors.thirdPartyLinks),
      prepositions: keys(actors.prepositions),
      leaderTitle: leaderTitle(),
      officeOf: (title: string) => OFFICES.get(title.toLowerCase().replace(/\s+/g, ' ')),
      leadersOf: /(?<![\p{L}])dirigeants\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)((?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*(?:,\s*|,?\s+et\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)?)){1,8}\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)/u,
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
    patterns: frenchPatterns(),
  });
}

/** The French pack. */
export const french: LanguagePack = build();
