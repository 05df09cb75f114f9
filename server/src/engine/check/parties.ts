/**
 * Who a sentence names as acting, read from the language pack's table of parties: the
 * parties of a run of keys, the subject opening a sentence, office phrases. Shared by
 * retrieval (a party named in other words), unit building (subjects) and the actor detector.
 */
import type { SourceSentence } from '../checkIndex';
import type { LanguagePack } from '../lang/pack';
import { generalTable, type PartyTable } from '../parties/table';
import type { ClauseUnit, Subject } from './types';

export interface PartyRules {
  /** The source's table of parties these rules read (parties/table.ts). */
  readonly table: PartyTable;
  /** The parties `keys` name (`Prime Minister` is Canada only when both words are there). */
  parties(keys: readonly string[]): Set<string>;
  /** The parties named one by one: `the leaders`, `both` (or the `Leaders’` of a summit's name) name neither side alone. */
  namedParties(keys: readonly string[]): Set<string>;
  /** True if a party's name starts at `keys[i]` (`Canada`, `Prime Minister`, `President Biden`). */
  namesParty(keys: readonly string[], i: number): boolean;
  /** True if `keys[i]` follows a preposition: an object (`approaches to China`), not a subject. */
  afterPreposition(keys: readonly string[], i: number): boolean;
  /** The parties named at the opening of a sentence, before its verb. */
  subjectOf(texts: readonly string[], keys: readonly string[]): Subject;
  /** True if `keys[from, to)` names the group, or one of `other` as an actor rather than an owner. */
  coActorIn(keys: readonly string[], texts: readonly string[], from: number, to: number, other: readonly string[]): boolean;
  /** An office word with its department words (see below). */
  officePhrase(keys: readonly string[], texts: readonly string[], i: number): { from: number; to: number; mods: string[] };
  /** True if `k` names a party (or is the `minister` of `Prime Minister`) that `s` names in other words. */
  coveredParty(k: string, s: SourceSentence): boolean;
}

const rules = new WeakMap<PartyTable, PartyRules>();

/**
 * The party rules over a source's table of parties (`table`; by default the countries alone,
 * for text compared with no source), built once per table.
 */
export function partyRules(lang: LanguagePack, table: PartyTable = generalTable(lang)): PartyRules {
  let v = rules.get(table);
  if (!v) rules.set(table, (v = build(lang, table)));
  return v;
}

function build(lang: LanguagePack, table: PartyTable): PartyRules {
  const K = lang.key;
  const ACTORS = table.actors;
  const GROUPS = table.groups;
  const LADDER = lang.strength.ladder;
  const MORPH = lang.morphology;
  const isStopKey = lang.isStopKey;
  const sentenceParties = new WeakMap<SourceSentence, Set<string>>();
  const { two: TWO, prime: PRIME, minister: MINISTER } = K;
  const TWO_OF = lang.parties.twoOf;

  function parties(keys: readonly string[]): Set<string> {
    const s = new Set<string>();
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === TWO && !TWO_OF.has(keys[i + 1] ?? '')) continue;
      if (k === PRIME && keys[i + 1] !== MINISTER) continue;
      for (const x of ACTORS[k] ?? []) s.add(x);
    }
    return s;
  }

  function namedParties(keys: readonly string[]): Set<string> {
    return parties(keys.filter(k => !GROUPS.has(k)));
  }

  /**
   * Words that name a party, stop words and capitalised words, at most eight (`Prime Minister
   * Trudeau`, `The President and the Prime Minister`). `start`/`end` bound the party words.
   */
  function subjectOf(texts: readonly string[], keys: readonly string[]): Subject {
    let end = 0;
    let start = -1;
    for (let i = 0; i < keys.length && i < 8; i++) {
      const k = keys[i];
      const isParty = parties([k, keys[i + 1] ?? '']).size > 0 || k === K.minister;
      // `Canada's plan`, `the President's aim`: a possessive opens no subject.
      if (isParty && MORPH.possessive.test(texts[i])) break;
      if (isParty) {
        if (start < 0) start = i;
        end = i + 1;
        continue;
      }
      // Capitalised words belong to a subject already begun (`President Joe Biden`), not before one
      // (`Acknowledging Canada's plan, the President …`: no subject found).
      if (isStopKey(k) || (start >= 0 && /^\p{Lu}/u.test(texts[i]) && !(k in LADDER))) continue;
      break;
    }
    return { parties: start < 0 ? new Set() : parties(keys.slice(start, end)), start: Math.max(0, start), end };
  }

  /** `Canada’s plan` is an owner; `and the Prime Minister reaffirmed` an actor. */
  function coActorIn(keys: readonly string[], texts: readonly string[], from: number, to: number, other: readonly string[]): boolean {
    for (let i = from; i < to; i++) {
      const k = keys[i];
      if (GROUPS.has(k)) return true;
      if ((ACTORS[k] ?? []).some(x => other.includes(x)) && !MORPH.possessive.test(texts[k === K.prime ? i + 1 : i] ?? '')) return true;
    }
    return false;
  }

  /**
   * One or two plain words before the office word (`trade ministers`) and an `of` phrase of capitalised
   * words after it, which may join further offices (`Ministers of Foreign Affairs and National Defence
   * and Secretaries of State and Defense`). `mods`: its keys but the office word and stop words.
   */
  function officePhrase(keys: readonly string[], texts: readonly string[], i: number): { from: number; to: number; mods: string[] } {
    let from = i;
    while (from > i - 2 && from > 0 && !isStopKey(keys[from - 1]) && !MORPH.apostrophe.test(texts[from - 1]) && parties([keys[from - 1]]).size === 0 && !(keys[from - 1] in LADDER)) from--;
    // `and asked officials`: a verb, not a department, unless a determiner shows it is an adjective (`the elected officials`).
    if (from < i && texts.slice(from, i).some(t => MORPH.participleOrGerund.test(t)) && !lang.parties.officeDeterminers.has(keys[from - 1] ?? '')) from = i;
    let to = i;
    if (keys[i + 1] === K.of) {
      let k = i + 2;
      while (k < keys.length && (/^\p{Lu}/u.test(texts[k]) || ((keys[k] === K.and || keys[k] === K.of) && /^\p{Lu}/u.test(texts[k + 1] ?? '')))) k++;
      if (k > i + 2) to = k - 1;
    }
    const mods: string[] = [];
    for (let k = from; k <= to; k++) if (k !== i && !isStopKey(keys[k])) mods.push(keys[k]);
    return { from, to, mods };
  }

  return Object.freeze({
    table,
    parties,
    namedParties,
    namesParty: (keys: readonly string[], i: number) => (keys[i] in ACTORS || keys[i] === K.prime) && namedParties([keys[i], keys[i + 1] ?? '']).size > 0,
    afterPreposition: (keys: readonly string[], i: number) => lang.parties.prepositions.has(keys[i - 1] ?? ''),
    subjectOf,
    coActorIn,
    officePhrase,
    coveredParty(k: string, s: SourceSentence): boolean {
      const named = k === K.minister || k === K.prime ? table.primeSides : ACTORS[k];
      if (!named?.length) return false;
      let sp = sentenceParties.get(s);
      if (!sp) sentenceParties.set(s, (sp = parties(s.keys)));
      return named.every(x => sp!.has(x));
    },
  });
}

/**
 * True if one of the clause's words `[from, to)` names other people than the leaders
 * (`the ministers`, `senior officials`; lang/<code>/ladder.json otherActors), written in lower case (a
 * capitalised office is a title: `the Prime Minister`) and not named by the restated source
 * sentence: what they do is a later event of their own, not a restatement of the leaders.
 */
export function otherPeopleIn(unit: ClauseUnit, lang: LanguagePack, from: number, to: number): boolean {
  const srcKeys = unit.restatement?.src.keys ?? [];
  for (let j = Math.max(0, from); j < Math.min(to, unit.words.length); j++) {
    const w = unit.words[j];
    if (lang.strength.otherActors.has(unit.keys[j]) && !srcKeys.includes(unit.keys[j]) && !/^\p{Lu}/u.test(unit.p.slice(w.start, w.end))) return true;
  }
  return false;
}

