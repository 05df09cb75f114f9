/**
 * What every language pack builds the same way from its JSON word lists: the ladder, the
 * opposites, the negation lists, the parties' words, the nouns, the gate's and quotations'
 * words and the names' words, each list stemmed once with the pack's own stemmer. A pack
 * (lang/en/index.ts, lang/fr/index.ts) reads its JSON files, makes its stemmer, figure reader,
 * patterns and morphology, and hands both to `assemblePack`.
 */
import type { LanguagePack, OppositeTable, RoleWord } from './pack';

/** A word list as the JSON files write it: phrases (stemmed word by word), plus keys listed as written. */
export type List = { readonly words: readonly string[]; readonly asWritten?: readonly string[] } | readonly string[];
type Pairs = readonly (readonly (readonly string[])[])[];

/** The JSON word lists every pack has, as far as `assemblePack` reads them. */
export interface PackLists {
  readonly ladder: {
    readonly levels: readonly { readonly level: number; readonly name: string; readonly words: readonly string[] }[];
    readonly hedges: List;
    readonly hedgedLevelWords: List;
    readonly intentions: { readonly words: readonly string[] };
    readonly nonVerbBefore: List;
    readonly commitmentNoun: string;
    readonly commitmentNouns: { readonly words: readonly string[] };
    readonly otherActors: { readonly words: readonly string[] };
    readonly strengthNouns: { readonly words: readonly string[] };
    readonly voicedConcern: { readonly verbs: readonly string[]; readonly noun: string };
  };
  readonly grammar: {
    readonly passiveBefore: { readonly words: readonly string[] };
    readonly describedBy: { readonly words: readonly string[] };
    readonly subordinators: { readonly words: readonly string[]; readonly complementizer: string };
    readonly determiners: readonly string[];
    readonly finiteBefore: { readonly words: readonly string[] };
    readonly titleMinorWords: { readonly words: readonly string[] };
  };
  readonly stopwords: { readonly shownStopWords: { readonly words: readonly string[] }; readonly typedStopWords: { readonly words: readonly string[] } };
  readonly clauses: { readonly sourceClauseOpeners: List };
  readonly opposites: { readonly opposites: Pairs; readonly overstatedObjects: Pairs; readonly avoid: List; readonly passiveMarks: List; readonly negativePrefixes: readonly string[] };
  readonly negation: {
    readonly negatedVerbSkip: List;
    readonly negativeVerbs: List;
    readonly topicVerbs: List;
    readonly lightVerbs: List;
    readonly nominalVerbs: { readonly pairs: readonly (readonly string[])[] };
    readonly sameAct: { readonly groups: readonly List[] };
    readonly strengthNegators: List;
    readonly absence: { readonly topicFiller: List };
  };
  readonly actors: {
    readonly parties: Readonly<Record<string, string[]>>;
    readonly groups: List;
    readonly twoOf: List;
    readonly actorOnlyName: List;
    readonly offices: List;
    readonly officeDeterminers: List;
    readonly partnerLinks: List;
    readonly thirdPartyLinks: List;
    readonly prepositions: List;
  };
  readonly nouns: { readonly frameNouns: List; readonly groupNouns: List; readonly valueNouns: List; readonly objectFillers: List; readonly neutral: List };
  readonly numbers: { readonly partNouns: { readonly words: readonly string[] } };
  readonly gate: { readonly framing: List; readonly negation: List; readonly officeHolders: { readonly words: readonly string[] } };
  readonly quotes: { readonly group: List; readonly saying: List; readonly documents: List; readonly determiners: List };
  readonly names: {
    readonly lead: readonly string[];
    readonly connectors: readonly string[];
    readonly peoples: readonly string[];
    readonly listJoin: readonly string[];
    readonly generic: { readonly body: readonly string[]; readonly descriptor: readonly string[] };
    readonly titles: List;
    readonly groupings: List;
  };
  readonly roles: { readonly words: Readonly<Record<string, string>> };
}

/** What a pack makes its own way; everything else `assemblePack` builds from the lists. */
export type PackOwn = Pick<LanguagePack, 'code' | 'stem' | 'spelling' | 'isStopKey' | 'tokens' | 'findFigures' | 'longDate' | 'morphology' | 'countries' | 'patterns'> & {
  /** A phrase's keys joined by spaces (each word stemmed, after the pack's own elisions). */
  readonly stemPhrase: (phrase: string) => string;
  readonly strength: Pick<LanguagePack['strength'], 'past' | 'actsAs'>;
  readonly negation: Pick<LanguagePack['negation'], 'actionNounEndings'>;
  readonly parties: Pick<LanguagePack['parties'], 'leaderTitle' | 'officeOf' | 'leadersOf'>;
};

/** The keys of a list's phrases (each word stemmed), plus any listed `asWritten`. */
export function listKeys(stemPhrase: (phrase: string) => string, list: List): Set<string> {
  const l = Array.isArray(list) ? { words: list as readonly string[], asWritten: undefined } : (list as { words: readonly string[]; asWritten?: readonly string[] });
  return new Set([...l.words.map(stemPhrase), ...(l.asWritten ?? [])]);
}

/** The language pack of `own` (the pack's stemmer, figures, patterns …) and its word `lists`. */
export function assemblePack(lists: PackLists, own: PackOwn): LanguagePack {
  const { ladder, grammar, opposites, negation, actors, nouns, names } = lists;
  const { stem, stemPhrase } = own;
  const keys = (list: List) => listKeys(stemPhrase, list);
  const table = (pairs: Pairs): OppositeTable => pairs.map(([x, y]) => [x.map(stemPhrase), y.map(stemPhrase)] as [string[], string[]]);
  const LADDER: Record<string, number> = Object.fromEntries(ladder.levels.flatMap(l => l.words.map(w => [stemPhrase(w), l.level])));
  const pairs = table(opposites.opposites);
  const avoid = keys(opposites.avoid);
  return Object.freeze({
    code: own.code,
    stem,
    spelling: own.spelling,
    isStopKey: own.isStopKey,
    shownStopWords: new Set(lists.stopwords.shownStopWords.words),
    typedStopWords: new Set(lists.stopwords.typedStopWords.words),
    titleMinorWords: new Set(grammar.titleMinorWords.words),
    tokens: own.tokens,
    findFigures: own.findFigures,
    longDate: own.longDate,
    key: Object.fromEntries(Object.entries(lists.roles.words).map(([role, w]) => [role, stem(w)])) as Record<RoleWord, string>,
    word: { ...lists.roles.words } as Record<RoleWord, string>,
    morphology: own.morphology,
    strength: {
      ladder: LADDER,
      levelNames: ['', ...ladder.levels.map(l => l.name)],
      hedges: keys(ladder.hedges),
      hedgedLevel: keys(ladder.hedgedLevelWords),
      intentions: keys(ladder.intentions.words),
      nonVerbBefore: keys(ladder.nonVerbBefore),
      commitmentNoun: ladder.commitmentNoun,
      commitmentNouns: new Set(ladder.commitmentNouns.words),
      otherActors: keys(ladder.otherActors.words),
      strengthNouns: keys(ladder.strengthNouns.words),
      voicedConcern: { verbs: new Set(ladder.voicedConcern.verbs), noun: stem(ladder.voicedConcern.noun) },
      actsAs: own.strength.actsAs,
      passiveBefore: new Set(grammar.passiveBefore.words),
      describedBy: new Set(grammar.describedBy.words),
      subordinators: { words: new Set(grammar.subordinators.words), complementizer: grammar.subordinators.complementizer },
      determiners: new Set(grammar.determiners),
      past: own.strength.past,
      finiteBefore: new Set(grammar.finiteBefore.words),
    },
    clauseOpeners: keys(lists.clauses.sourceClauseOpeners),
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
      actionNounEndings: own.negation.actionNounEndings,
    },
    parties: {
      // Stemmed again, as the table always was: a change to the stemmer cannot leave a key unreachable (`vice` is keyed `vic`).
      actors: Object.fromEntries(Object.entries(actors.parties).map(([k, v]) => [stem(k), v])),
      groups: keys(actors.groups),
      twoOf: keys(actors.twoOf),
      actorOnlyName: keys(actors.actorOnlyName),
      offices: keys(actors.offices),
      officeDeterminers: keys(actors.officeDeterminers),
      partnerLinks: keys(actors.partnerLinks),
      thirdPartyLinks: keys(actors.thirdPartyLinks),
      prepositions: keys(actors.prepositions),
      ...own.parties,
    },
    nouns: { frame: keys(nouns.frameNouns), group: keys(nouns.groupNouns), values: keys(nouns.valueNouns), objectFillers: keys(nouns.objectFillers), parts: new Set(lists.numbers.partNouns.words) },
    neutralKeys: new Set([...pairs.flatMap(([x, y]) => [...x, ...y].flatMap(w => w.split(' '))), ...Object.keys(LADDER), ...keys(nouns.neutral), ...avoid]),
    gate: { framing: keys(lists.gate.framing), negation: keys(lists.gate.negation), officeHolders: new Set(lists.gate.officeHolders.words) },
    countries: own.countries,
    quotes: { group: keys(lists.quotes.group), saying: keys(lists.quotes.saying), documents: keys(lists.quotes.documents), determiners: keys(lists.quotes.determiners) },
    names: {
      lead: new Set(names.lead),
      connectors: new Set(names.connectors),
      peoples: new Set(names.peoples),
      listJoin: [names.listJoin[0], names.listJoin[1]] as const,
      generic: new Map<string, 'descriptor' | 'body'>([...names.generic.body.map(w => [stem(w), 'body'] as const), ...names.generic.descriptor.map(w => [stem(w), 'descriptor'] as const)]),
      titles: keys(names.titles),
      groupings: keys(names.groupings),
    },
    patterns: own.patterns,
  });
}
