/**
 * The French patterns that must stay regular expressions, built from the pack's word lists.
 * The glue between the lists (`ne … pas`, `n'a pas été`) is French grammar and lives here.
 * JavaScript's `\b` knows no accented letter, so word edges are written as look-arounds.
 */
import type { LanguagePack } from '../pack';
import actors from './actors.json';
import clauses from './clauses.json';
import dates from './dates.json';
import negation from './negation.json';
import quotes from './quotes.json';
import sentences from './sentences.json';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `a|b|c`, longest first, each escaped; spaces and apostrophes match any of their kinds. */
const any = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(w => escape(w).replace(/ /g, '[\\s\\u00a0\\u202f]+').replace(/'/g, "['’]"))
    .join('|');
/** Word start and end. */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const WORD = "[\\p{L}\\p{N}]+(?:['’]|-[\\p{L}]+)?";

/**
 * `ne … pas` and its kin: the particle (`n'` joined to the next word), up to three words (an
 * auxiliary, pronouns, the verb), the second part; `aucun` as a determiner; `sans`; a refusal
 * or an exclusion; no agreement.
 */
function negationPattern(): RegExp {
  const n = negation;
  const between = `(?:${WORD}\\s+|[\\p{L}]+['’]){0,${n.between}}?`;
  const cues = [
    // `inner`: the words between the two parts, the verb last (`ne se perpétue plus`) or its auxiliary (`n'ont pas convenu`).
    `(?:ne\\s+|n['’])(?<inner>${between})(?:${any(n.second)})`,
    `(?:${any(n.noAgreement)})`,
    `(?:${any(n.refusals)})`,
    `(?:a|ont|avait|avaient)\\s+(?:${any(n.ruleOut)})`,
    any(n.determiners),
    any(n.cues),
  ];
  return new RegExp(`${B}(?:${cues.join('|')})${E}`, 'giu');
}

/** Claims that the sources leave a topic out: `la Chine n'a pas été abordée`, `ne fixe aucune date pour …`, `est muette sur …`. */
function absencePatterns(): RegExp[] {
  const a = negation.absence;
  return [
    new RegExp(`^(?:[-*+]\\s+|\\d+[.)]\\s+)?(?<topic>[^,;:.!?]{2,80}?)\\s+(?<claim>(?:${any(a.denials)})\\s+(?:${any(a.coveredVerbs)}))${E}`, 'giu'),
    new RegExp(`${B}(?<claim>(?:ne\\s+|n['’])(?:${any(a.providingVerbs)})\\s+(?:aucun|aucune|pas\\s+de|pas\\s+d['’])\\s*(?<figure>${any(a.figureNouns)})s?)\\s+(?:${any(a.topicPrepositions)})\\s+(?<topic>[^,;:.!?]{2,80})`, 'giu'),
    new RegExp(`${B}(?<claim>(?:${any(a.silentVerbs)})\\s+(?:${any(a.silentWords)})\\s+(?:sur|quant\\s+à|au\\s+sujet\\s+de))\\s+(?<topic>[^,;:.!?]{2,80})`, 'giu'),
    saysNothingPattern(),
  ];
}

/** `ne dit rien (, en revanche,) des …`, `ne fait aucune mention de …`, `passe sous silence …`: the text says nothing of a topic. */
function saysNothingPattern(): RegExp {
  const n = negation.absence.sayNothing;
  const aside = '(?:\\s*,[^,;:.!?]{1,30},)?';
  const said = `(?:ne\\s+|n['’])(?:(?:${any(n.verbs)})\\s+rien|(?:${any(n.mention)}))${aside}\\s*(?:${any(n.prepositions)})`;
  return new RegExp(`${B}(?<claim>${said}|(?:${any(n.silence)}))(?:(?<=['’])|\\s+)(?<topic>[^,;:.!?]{2,80})`, 'giu');
}

/** Where a clause opens: a conjunction before a subject, `, et` before a second verb, a colon, a semicolon. */
function clauseBreakPattern(): RegExp {
  const subjects = any([...actors.subjects.pronouns, ...actors.subjects.parties]);
  return new RegExp(
    `(?:(?:,\\s*|;\\s*|\\s+)(?:${any(clauses.conjunctions)})\\s+|:\\s+)(?=(?:${subjects})${E})|,\\s*${escape(clauses.conjunctions[0])}\\s+(?=(?:(?:${any(clauses.secondVerbAdverbs)})\\s+)?(?:${any(clauses.secondVerbs)})${E})|;\\s+`,
    'giu',
  );
}

/** Where a main clause may start after lead-in phrases: a comma, `que` before a subject. */
function mainClausePattern(): RegExp {
  const afterThat = any([...actors.subjects.afterThat, ...actors.subjects.parties]);
  return new RegExp(`,\\s+|${B}(?:${escape(clauses.complementizer)}\\s+|qu['’])(?=(?:${afterThat})${E})`, 'giu');
}

export function frenchPatterns(): LanguagePack['patterns'] {
  const issuing = any(dates.issuingVerbs);
  const d = negation.droppable;
  return {
    negation: negationPattern(),
    // `refusant de prendre`: a refusal and the verb it refuses.
    droppableNegation: new RegExp(`${B}(?:${d.refusals.map(escape).join('|')})\\p{L}*\\s+(?:de\\s+|d['’]|à\\s+)\\p{L}+`, 'giu'),
    droppedBefore: new RegExp(`${B}(?:${any(negation.droppedBefore.words)}|(?:${negation.droppedBefore.prefixes.map(escape).join('|')})\\p{L}*)${E}`, 'iu'),
    affirmingDenial: new RegExp(`^(?:${any(negation.affirmingDenials.words)})${E}`, 'iu'),
    absence: absencePatterns(),
    clauseBreak: clauseBreakPattern(),
    mainClauseLead: mainClausePattern(),
    attribution: new RegExp(`${B}(?:${any(quotes.attribution)})${E}`, 'iu'),
    issued: new RegExp(`${B}(?:${issuing})${E}|^[\\s,(]*(?:${any(dates.issuingPrepositions)})?[\\s,(]*$`, 'iu'),
    issuedBefore: new RegExp(`${B}(?:${issuing})\\s+(?:le\\s+)?$`, 'iu'),
    articleOnly: /^[\s,]*(?:(?:la|le|les|l['’])\s*)?$/iu,
    onlyOneSide: new RegExp(`${B}(?:${any([...actors.onlyOneSide.before, ...actors.onlyOneSide.after])})${E}`, 'iu'),
    alone: new RegExp(`^(?:${any(actors.onlyOneSide.after)})$`, 'iu'),
    abbreviationBefore: new RegExp(`(?:${B}\\p{Lu}\\.-?\\p{Lu}|${B}(?:${any(sentences.abbreviations)}))$`, 'u'),
    excluded: new RegExp(`(?:,\\s*|${B})(?:mais\\s+)?(?:pas|non)\\s+(?=(?:(?:le|la|les|l['’])\\s*)?(?:${any(actors.excludedParties.words)})${E})`, 'iu'),
  };
}
