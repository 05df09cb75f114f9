/**
 * A language pack: what the checker knows about one language, as data. Its word lists live
 * in JSON files under `lang/<code>/`, written in surface words; the pack stems them when it
 * loads, so every set below holds comparison keys unless it says "surface". Patterns that
 * must stay regular expressions are built from those lists in the pack's own code.
 *
 * Lists marked "as written" in the JSON (`asWritten`) are compared with keys without being
 * stemmed, as they were before the lists became data; stemming them would change what they
 * match (see docs/unification.md).
 */

export type FigureKind = 'year' | 'date' | 'percent' | 'money' | 'degrees' | 'format' | 'code' | 'count' | 'ordinal' | 'duration';

/** A figure in text: a year, date, percentage, amount, temperature, `2+2` format, `G7`, or a count. */
export interface Figure {
  readonly kind: FigureKind;
  /** Canonical value, comparable across spellings (`95`, `2000000000`, `2021-02-23`). */
  readonly value: string;
  /** Offsets in the text. */
  readonly start: number;
  readonly end: number;
  /** As written. */
  readonly text: string;
  /** For counts and ordinals, the stem of the noun counted (`leader` in `two leaders`, `summit` in `ninth Summit`): they compare only per noun. */
  readonly unit?: string;
  /** For a figure per period (`$2 billion a day`), the period: `day`, `week`, `month` or `year`. */
  readonly per?: string;
}

/** Pairs of phrase lists whose members reverse each other; phrases are keys joined by spaces. */
export type OppositeTable = readonly (readonly [string[], string[]])[];

/** How the tokenizer reads a pair of tokens. */
export interface TokenRules {
  /** `u.s.`: single letters joined by dots, one word with this key and surface text. */
  readonly dotted: ReadonlyMap<string, { readonly second: string; readonly key: string; readonly text: string }>;
  /** `united states`: two words read as one. */
  readonly joined: ReadonlyMap<string, { readonly second: string; readonly key: string; readonly text: string }>;
  /** `two way`: the first word keyed as another word when the second follows. */
  readonly readAs: ReadonlyMap<string, { readonly second: string; readonly as: string }>;
  /** `co-operation`, `re-establish`: a prefix joined by a hyphen makes one word with the next (`cooperation`). */
  readonly hyphenPrefixes: ReadonlySet<string>;
  /** The word after an elided article or pronoun (`d'une` → `une`, tokens.json `elided`); the word itself when it has none. */
  unelided(word: string): string;
}

export interface LanguagePack {
  readonly code: string;
  /** The comparison key of a lower-case word: a light stem with spelling variants folded. */
  stem(word: string): string;
  /**
   * Spellings of one word (lang/<code>/spelling.json): `canonical` is the recognised spelling a
   * lower-case surface word folds to (`defence` → `defense`, `œuvre` → `oeuvre`); two different
   * words with the same canonical spelling are spelling variants of each other.
   */
  readonly spelling: { canonical(word: string): string };
  /** True for keys of function words, which carry no content in a comparison. */
  isStopKey(key: string): boolean;
  /** Lower-case words that do not make a match worth showing on their own (hover). */
  readonly shownStopWords: ReadonlySet<string>;
  /** Lower-case words that do not make what a drafter types distinctive (completion). */
  readonly typedStopWords: ReadonlySet<string>;
  /** Lower-case words a title-case heading may keep in lower case (the source parser's lead-ins). */
  readonly titleMinorWords: ReadonlySet<string>;
  readonly tokens: TokenRules;
  /** Every figure in `text`, in order. */
  findFigures(text: string): Figure[];
  /** A full date (`2021-02-23`) as the language writes it in prose: `February 23, 2021`, `23 février 2021`. */
  longDate(iso: string): string;
  /** Keys of single words the rules refer to by role (`prime` → `prim`). */
  readonly key: Readonly<Record<RoleWord, string>>;
  /** The same words as written (lower case). */
  readonly word: Readonly<Record<RoleWord, string>>;
  /** Word endings and possessives (surface words). */
  readonly morphology: {
    /** `creation`, `establishment`: an action noun. */
    readonly actionNoun: RegExp;
    /** An action noun, or its plural. */
    readonly actionNounOrPlural: RegExp;
    /** The endings `sameRoot` strips from an action noun (`creation` → `crea`). */
    readonly rootSuffix: RegExp;
    readonly gerund: RegExp;
    readonly participle: RegExp;
    /** A participle or gerund, any case. */
    readonly participleOrGerund: RegExp;
    /** A gerund, adverb or participle: a word that modifies rather than names. */
    readonly modifier: RegExp;
    /** The base form of a hedge verb as written (`exploring` → `explore`). */
    baseForm(verb: string): string;
    /** `Canada's`, `Leaders'`: a possessive (its `'s` optional). */
    readonly possessive: RegExp;
    /** `Canada's`: a possessive with its `s`. */
    readonly possessiveS: RegExp;
    /** An apostrophe anywhere in the word. */
    readonly apostrophe: RegExp;
    /** `Canada's`, `leaders'` before a word (normalised apostrophes). */
    readonly owner: RegExp;
    /** What a people's adjective adds to its place (`America` → `American`): the whole difference. */
    readonly demonymEnding: RegExp;
  };

  readonly strength: {
    /** Key → level on the ladder (1 discussed … 5 acted). */
    readonly ladder: Readonly<Record<string, number>>;
    /** The name of each level (index = level). */
    readonly levelNames: readonly string[];
    readonly hedges: ReadonlySet<string>;
    /** Hedge keys that set the source's level when no ladder verb governs the object. */
    readonly hedgedLevel: ReadonlySet<string>;
    /** Keys of words that state an intention (`intend`, `aim`, `seek`): `… to strengthen` is not `strengthened`. */
    readonly intentions: ReadonlySet<string>;
    /** Keys after which a ladder word is a noun or idiom (`work on`, `ways to`). */
    readonly nonVerbBefore: ReadonlySet<string>;
    /** The noun of a commitment, surface (`reaffirmed their commitment`). */
    readonly commitmentNoun: string;
    /** Keys of people other than the leaders (`ministers`, `officials`): their act is an event of their own. */
    readonly otherActors: ReadonlySet<string>;
    /** Nouns of a commitment, surface (`commitment`, `dedication`): `reaffirmed their …` is a commitment. */
    readonly commitmentNouns: ReadonlySet<string>;
    /** Keys of nouns of firmness (`commitment`, `intent`): one for another is strength, not a swapped term. */
    readonly strengthNouns: ReadonlySet<string>;
    /** Surface verbs that voice a concern, and the key of the noun. */
    readonly voicedConcern: { readonly verbs: ReadonlySet<string>; readonly noun: string };
    /** Surface action noun → the verb phrases (keys) that do what it names. */
    readonly actsAs: Readonly<Record<string, readonly (readonly string[])[]>>;
    /** Surface words that make a participle passive or adjectival (`was launched`). */
    readonly passiveBefore: ReadonlySet<string>;
    /** Surface words opening a clause inside another (`when`, `if`), and the complementizer (`that`). */
    readonly subordinators: { readonly words: ReadonlySet<string>; readonly complementizer: string };
    /** Surface prepositions that make a participle after a noun a description (`the one promised in the Roadmap`). */
    readonly describedBy: ReadonlySet<string>;
    /** Surface determiners: a ladder word after one is a noun (`their commitment`). */
    readonly determiners: ReadonlySet<string>;
    /** A word told as done (`launched`, `lancé`): an act at the top of the ladder, not an intention. */
    readonly past: RegExp;
    /** Surface words that make a gerund a finite verb (`are exploring`). */
    readonly finiteBefore: ReadonlySet<string>;
  };
  /** Keys that open a new clause of a source sentence after a comma (`, and`, `, including`; check/restatement.ts). */
  readonly clauseOpeners: ReadonlySet<string>;
  readonly opposites: {
    readonly pairs: OppositeTable;
    readonly overstatedObjects: OppositeTable;
    /** First keys of every phrase of `pairs`. */
    readonly firstWords: ReadonlySet<string>;
    readonly avoid: ReadonlySet<string>;
    readonly passiveMarks: ReadonlySet<string>;
    /** `^(?:il|ir|…)(.+)$`: a negative prefix and the word it negates. */
    readonly negativePrefix: RegExp;
  };
  readonly negation: {
    readonly negatedVerbSkip: ReadonlySet<string>;
    readonly negativeVerbs: ReadonlySet<string>;
    readonly topicVerbs: ReadonlySet<string>;
    readonly lightVerbs: ReadonlySet<string>;
    readonly nominalVerbs: ReadonlyMap<string, string>;
    readonly sameAct: readonly ReadonlySet<string>[];
    readonly strengthNegators: ReadonlySet<string>;
    readonly topicFiller: ReadonlySet<string>;
    /** Endings that make an action noun of a verb key: `-ion` after `t`, and `-ment`. */
    readonly actionNounEndings: { readonly afterT: RegExp; readonly any: RegExp };
  };
  readonly parties: {
    /** Key → the parties it names, beyond each source's own (parties/table.ts): words that look like a party and name none. */
    readonly actors: Readonly<Record<string, string[]>>;
    readonly groups: ReadonlySet<string>;
    /** `two` names both sides only before these keys. */
    readonly twoOf: ReadonlySet<string>;
    readonly actorOnlyName: ReadonlySet<string>;
    readonly offices: ReadonlySet<string>;
    readonly officeDeterminers: ReadonlySet<string>;
    readonly partnerLinks: ReadonlySet<string>;
    readonly thirdPartyLinks: ReadonlySet<string>;
    readonly prepositions: ReadonlySet<string>;
    /** A leader named with the office (`President Biden`, `le premier ministre Trudeau`): group 1 the title, group 2 the name (global). */
    readonly leaderTitle: RegExp;
    /** The office in countries.json a title names (`president`, `prime minister`, `vice president`, `chancellor`). */
    officeOf(title: string): string | undefined;
    /** `leaders of Australia, India, Japan and the United States`: group 1 the countries listed. */
    readonly leadersOf: RegExp;
  };
  readonly nouns: {
    readonly frame: ReadonlySet<string>;
    readonly group: ReadonlySet<string>;
    /** Goods said in stock phrases (`peace and security`): one for another is no swapped term. */
    readonly values: ReadonlySet<string>;
    readonly objectFillers: ReadonlySet<string>;
    /** Nouns for the parts of a document, singular as a count's `unit` (`pillar`, `priority`). */
    readonly parts: ReadonlySet<string>;
  };
  /** Keys that count neither for nor against a restatement match. */
  readonly neutralKeys: ReadonlySet<string>;
  /** Countries and the words that name them (lang/en/countries.json): `byFirstKey` finds a name by its first key. */
  readonly countries: {
    readonly byFirstKey: ReadonlyMap<string, readonly { readonly code: string; readonly keys: readonly string[] }[]>;
    /** Who heads each country's government (`president`, `prime minister`), by code. */
    readonly heads: ReadonlyMap<string, string>;
  };
  /** Who a quotation is attributed to (lang/en/quotes.json; detectors/unsourced-quote.ts); keys. */
  readonly quotes: { readonly group: ReadonlySet<string>; readonly saying: ReadonlySet<string>; readonly documents: ReadonlySet<string>; readonly determiners: ReadonlySet<string> };
  /** The restatement gate's own neutral words (check/gate.ts): the framing of an agreement, the words of a denial. */
  readonly gate: { readonly framing: ReadonlySet<string>; readonly negation: ReadonlySet<string>; readonly officeHolders: ReadonlySet<string> };
  /** Name detection over surface words. */
  readonly names: {
    readonly lead: ReadonlySet<string>;
    readonly connectors: ReadonlySet<string>;
    readonly peoples: ReadonlySet<string>;
    /** `and the`: the words that join two names in a list. */
    readonly listJoin: readonly [string, string];
    /** Generic words of names (keys) and their class (names/compare.ts). */
    readonly generic: ReadonlyMap<string, 'descriptor' | 'body'>;
    /** Keys that open a person's title or office (`Minister of …`). */
    readonly titles: ReadonlySet<string>;
    /** Keys of groupings of countries (`quad`, `g7`): in a name, like its parties. */
    readonly groupings: ReadonlySet<string>;
  };
  readonly patterns: {
    /**
     * Negation cues (global). An English cue ends with the verb it denies (`did not agree`); where
     * the verb sits inside the cue (French `ne se perpétue plus`), the group `inner` holds the
     * words between the negation's two parts, the verb or its auxiliary last.
     */
    readonly negation: RegExp;
    readonly droppableNegation: RegExp;
    readonly droppedBefore: RegExp;
    readonly affirmingDenial: RegExp;
    readonly absence: readonly RegExp[];
    readonly clauseBreak: RegExp;
    readonly mainClauseLead: RegExp;
    readonly attribution: RegExp;
    readonly issued: RegExp;
    readonly issuedBefore: RegExp;
    readonly articleOnly: RegExp;
    readonly onlyOneSide: RegExp;
    readonly alone: RegExp;
    readonly excluded: RegExp;
    /** Tested on the six characters before a period: an abbreviation or a dotted acronym ends there. */
    readonly abbreviationBefore: RegExp;
  };
}

export type RoleWord = 'prime' | 'minister' | 'president' | 'vice' | 'toward' | 'work' | 'will' | 'of' | 'and' | 'the' | 'from' | 'to' | 'set' | 'up' | 'two' | 'we';
