/**
 * The English patterns that must stay regular expressions (a negation is a phrase with
 * structure, not a word), built from the pack's word lists. The glue between the lists
 * (`\s+not`, `short of`) is English grammar and lives here with them.
 */
import type { LanguagePack } from '../pack';
import actors from './actors.json';
import clauses from './clauses.json';
import dates from './dates.json';
import negation from './negation.json';
import quotes from './quotes.json';
import sentences from './sentences.json';

/** `a|b|c`, each escaped. */
const any = (words: readonly string[]) => words.map(escape).join('|');
/**
 * The phrases as one alternation with common leading words factored out (`the (?:leaders|two
 * leaders|president)`), for a lookahead, where only whether one matches counts: faster to try.
 */
function trie(words: readonly string[], sep: string): string {
  const byFirst = new Map<string, string[]>();
  for (const w of words) {
    const [first, ...rest] = w.split(' ');
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    list.push(rest.join(' '));
  }
  const alts = [...byFirst].map(([first, rests]) => {
    const tails = rests.filter(Boolean);
    if (!tails.length) return escape(first);
    const more = `${sep}(?:${trie(tails, sep)})`;
    return `${escape(first)}${rests.some(r => !r) ? `(?:${more})?` : more}`;
  });
  return alts.join('|');
}

/** `fail(?:s|ed|ing)?` from `['fail', 's', 'ed', 'ing']`. */
const inflected = ([root, ...endings]: readonly string[]) => `${root}(?:${endings.join('|')})?`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function negationPattern(): RegExp {
  const n = negation;
  const cues = [
    `(?:${any(n.auxiliaries)})\\s+not`,
    'not\\s+to',
    any(n.contractions),
    any(n.cues),
    ...n.refusals.map(w => `${w} to`),
    `${inflected(n.failForms)} to`,
    'rejected',
    `(?:${any(n.ruleOut)}) out`,
    ...n.stopShort.map(w => `${w} short of`),
    'no commitment',
    `(?:there (?:is|was) )?no (?:${any(n.noAgreement)})`,
    'without',
    `(?:will |would )?(?:${any(n.dormantVerbs)}) (?:${any(n.dormantStates)})`,
    `(?:${any(n.silentSubjects)}) silent on`,
    `(?:${any(n.mentionVerbs)}) no (?:${any(n.mentionNouns)})`,
    `(?:${any(n.sayNothing)}) nothing`,
    `(?:${any(n.haveVerbs)}) no (?:${any(n.planNouns)}) (?:to|of)`,
    `no (?:${any(n.planNouns)})(?: (?:at|for) (?:this|the) (?:${any(n.planTimes)}))? to`,
    `(?:${any(n.unable)}) unable to`,
    any(n.incapable),
  ];
  return new RegExp(`\\b(?:${cues.join('|')})\\b(?:\\s+\\w+)?`, 'gi');
}

function absencePatterns(): RegExp[] {
  const a = negation.absence;
  return [
    new RegExp(
      `^(?:[-*+]\\s+|\\d+[.)]\\s+)?(?<topic>[^,;:.!?]{2,80}?)\\s+(?<claim>(?:${any(a.denials)})\\s+(?:come up|get (?:${any(a.raisedVerbs)})|(?:${any(a.coveredVerbs)})(?= *(?:[.;,!]|$)))|went unmentioned|(?:was|were) (?:${any(a.leftOut)})|(?:${any(a.silentVerbs)})\\s+not\\s+(?:${any(a.notAmong.words)})(?=[^.;!?]*\\b(?:${any(a.notAmong.listNouns)})\\b))`,
      'gi',
    ),
    new RegExp(
      `\\b(?<claim>(?:${any(a.providingVerbs)})\\s+no\\s+(?:${a.qualifiers.map(q => `${escape(q)}\\s+`).join('|')})?(?<figure>${any(a.figureNouns)})s?)\\s+(?:${any(a.topicPrepositions)})\\s+(?<topic>[^,;:.!?]{2,80})`,
      'gi',
    ),
    new RegExp(
      `\\b(?<claim>(?:${any(a.silentVerbs)})\\s+silent\\s+(?:on|about)|(?:${any(negation.sayNothing)})\\s+nothing\\s+(?:on|about)|(?:${any(a.madeNoVerbs)})\\s+no\\s+(?:${any(a.mentionNouns)})\\s+(?:of|to)|(?:${any(a.notOneWord.verbs)})\\s+(?:${any(a.notOneWord.words)})\\s+(?:about|on))\\s+(?<topic>[^,;:.!?]{2,80})`,
      'gi',
    ),
  ];
}

/** Where a clause opens: a conjunction before a subject, `, and` before a second reporting verb, a colon, a semicolon. */
function clauseBreakPattern(): RegExp {
  const subjects = trie([...actors.subjects.pronouns, ...actors.subjects.parties], ' ');
  const and = clauses.conjunctions[0];
  return new RegExp(
    `(?:(?:,\\s*|;\\s*|\\s+)(?:${any(clauses.conjunctions)})\\s+|:\\s+)(?=(?:${subjects})\\b)|,\\s*${and}\\s+(?=(?:(?:${any(clauses.secondVerbAdverbs)})\\s+)?(?:${any(clauses.secondVerbs)})\\b)|;\\s+`,
    'gi',
  );
}

/** Where a main clause may start after lead-in phrases: a comma, `that` before a subject, a copula before a party's act. */
function mainClausePattern(): RegExp {
  const afterThat = trie([...actors.subjects.afterThat, ...actors.subjects.parties], ' ');
  const parties = trie(actors.subjects.parties, ' ');
  return new RegExp(
    `,\\s+|\\b${clauses.complementizer}\\s+(?=(?:${afterThat})\\b)|\\b(?:${any(clauses.copulas)})\\s+(?=(?:${parties})['’])`,
    'gi',
  );
}

export function englishPatterns(): LanguagePack['patterns'] {
  const issuing = any(dates.issuingVerbs);
  const d = negation.droppable;
  return {
    negation: negationPattern(),
    droppableNegation: new RegExp(`\\b(?:${d.refusalStems.map(inflected).join('|')})\\s+to\\s+\\w+|\\b(?:${any(d.auxiliaries)})\\s+not\\s+\\w+`, 'gi'),
    droppedBefore: new RegExp(`\\b(?:${any(negation.droppedBefore.words)}|${negation.droppedBefore.prefixes.map(p => `${p}\\w*`).join('|')})\\b|n't\\b`, 'i'),
    affirmingDenial: new RegExp(`^(?:${any(negation.affirmingDenials.words)}|(?:will |would )?(?:${any(negation.dormantVerbs)}) )\\b`, 'i'),
    absence: absencePatterns(),
    clauseBreak: clauseBreakPattern(),
    mainClauseLead: mainClausePattern(),
    attribution: new RegExp(`\\b(?:${any(quotes.attribution)})\\b`, 'i'),
    issued: new RegExp(`\\b(?:${issuing})\\b|^[\\s,(]*(?:${any(dates.issuingPrepositions)})?[\\s,(]*$`, 'i'),
    issuedBefore: new RegExp(`\\b(?:${issuing})\\s+(?:on\\s+)?$`, 'i'),
    articleOnly: /^[\s,]*(?:the\s*)?$/i,
    onlyOneSide: new RegExp(`\\b(?:${any([...actors.onlyOneSide.before, ...actors.onlyOneSide.after])})\\b`, 'i'),
    alone: new RegExp(`^(?:${any(actors.onlyOneSide.after)})$`, 'i'),
    abbreviationBefore: new RegExp(`(?:\\b[A-Z]\\.[A-Z]|\\b(?:${any(sentences.abbreviations)}))$`),
    excluded: new RegExp(`(?:,\\s*|\\b)(?:but\\s+)?not\\s+(?=(?:the\\s+)?(?:${trie(actors.excludedParties.words, '\\s+')})\\b)`, 'i'),
  };
}
