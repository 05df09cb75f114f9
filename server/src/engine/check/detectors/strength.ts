/**
 * `overstated` and `understated`: a restatement makes a commitment stronger or weaker than
 * the source (docs/rules/overstated.md, understated.md). The draft's commitment verbs are
 * ranked on the ladder against the source's verb for the same object; a hedged action
 * (`explore the creation of`) done in the draft, and an object made absolute (`eliminate` for
 * `reduce`), overstate. A clause that denies the commitment has no strength to compare: the
 * denial is the finding, so this detector runs after the negation detector.
 */
import { generalTable } from '../../parties/table';
import type { Alignment } from '../../align';
import { sentenceEndsAfter, type SourceSentence } from '../../checkIndex';
import { Codes } from '../../findings';
import type { LanguagePack } from '../../lang/pack';
import { flat, replacing } from '../messages';
import { blockReversal, hasPhrase } from '../opposites';
import { otherPeopleIn } from '../parties';
import type { ClauseUnit, Detector, Emit, Restatement } from '../types';

export const strength: Detector = {
  id: 'strength',
  emits: [Codes.overstated, Codes.understated],
  after: [Codes.negated],
  unit: 'clause',
  run(unit, ctx, emit) {
    const r = unit.restatement;
    if (!r) return;
    // A clause that denies the commitment (`each country will decide on its own …, without a
    // coordinated approach`) has no strength to compare.
    // A question claims nothing (`Is Canada's target the one promised in the Roadmap?`).
    if (isQuestion(unit)) return;
    if (!ctx.emitted(Codes.negated, unit.s, unit.e) && !ladder(unit, r, ctx.lang, emit) && !intentionDone(unit, r, ctx.lang, emit)) hedgedActionDone(unit, r, ctx.lang, emit);
    overstatedObjects(unit, r, ctx.lang, emit);
  },
};

/** True if the unit's sentence is a question: the first sentence mark from the unit's end on is `?`. */
function isQuestion(unit: ClauseUnit): boolean {
  const m = /[.!?](?=\s|$|["”’')\]*_])/.exec(unit.p.slice(Math.max(unit.s, unit.e - 1)));
  return m?.[0] === '?';
}

/** An object verb made absolute in a substitution (`eliminating` for `reducing`), where no opposite reverses the block. */
function overstatedObjects(unit: ClauseUnit, r: Restatement, lang: LanguagePack, emit: Emit): void {
  for (const b of r.blocks) {
    if (!b.a.length || !b.b.length || blockReversal(lang, unit, r, b)) continue;
    const dk = b.a.map(i => unit.keys[i]);
    const sk = b.b.map(i => r.src.keys[i]);
    if (!lang.opposites.overstatedObjects.some(([x, y]) => hasPhrase(sk, x) && hasPhrase(dk, y))) continue;
    emit({ code: Codes.overstated, kind: 'strength', start: unit.words[b.a[0]].start, end: unit.words[b.a[b.a.length - 1]].end, ...r.base, message: `"${flat(r.dSlice(b.a))}" overstates the source's "${flat(r.sSlice(b.b))}" (${r.label}).`, details: replacing(r.dSlice(b.a), r.sSlice(b.b)) }, 'overstated-object');
  }
}

/** A clause this much covered by its source sentence restates it closely. */
const CLOSE = 0.75;
/** The ladder's levels of an agreement and of a commitment. */
const AGREED = 3;
const COMMITTED = 4;
/** The ladder's top level: an act done (`launched`, `created`). */
const ACTED = 5;

/** The lowest ladder level a draft verb must reach to overstate (3: `agreed`). */
const OVERSTATED_AT_LEAST = 3;
/** An understatement tells an outcome (`committed`, 4, or an act, 5) as talk (`discussed`, 1). */
const UNDERSTATED_AT_MOST = 1;
const UNDERSTATED_SOURCE_AT_LEAST = 4;

/** The draft's commitment verbs against the source's: one finding per clause, an overstatement before an understatement. */
function ladder(unit: ClauseUnit, r: Restatement, lang: LanguagePack, emit: Emit): boolean {
  const { p, words, keys: draftKeys } = unit;
  const { src, al, label, base } = r;
  const candidates = r.matches.map(x => x.sentence);
  const coverage = r.top.coverage;
  const { ladder: LADDER, hedges: HEDGES, levelNames: LEVEL_NAMES } = lang.strength;
  const CONCERN = lang.strength.voicedConcern.noun;
  const isLadder = ladderTest(lang);
  // `voiced their shared concern` for `discussed their shared concern`: saying a concern is discussing it.
  const voicedConcern = (i: number) => lang.strength.voicedConcern.verbs.has(words[i].text) && draftKeys.slice(i + 1, i + 4).includes(CONCERN);
  // Every commitment verb of the draft is compared with the source's verb for the same
  // object; the first (the main verb) falls back on the alignment. One finding per sentence,
  // an overstatement before an understatement.
  const verbs = commitmentVerbs(unit, lang);
  let under: { di: number; dl: number; found: { level: number; word: string } } | undefined;
  for (const di of verbs) {
    // An act told as done is in the past (`launched`, `have created`); `will launch`, `to
    // implement` are intentions, as firm as a commitment and no firmer.
    const dl = LADDER[draftKeys[di]] === ACTED && !lang.strength.past.test(words[di].text) ? ACTED - 1 : LADDER[draftKeys[di]];
    // `reaffirmed their commitment to`: a commitment, as in the source (see sourceLevelByObject), so no understatement of one.
    const dlAtLeast = dl < 4 && words.slice(di + 1, di + 3).some(w => lang.strength.commitmentNouns.has(w.text)) ? 4 : dl;
    // The source sentence that has the verb's object decides; the alignment only if none has it.
    // Any source supporting the verb's strength is enough (the Roadmap's firm wording may
    // sit beside the companion statement's weaker one).
    let found: { level: number; word: string } | undefined;
    let same = false;
    const from = objectFrom(unit, lang, di);
    for (const c of candidates) {
      const f = sourceLevelByObject(lang, draftKeys, c, from, dl, isLadder);
      if (f?.level === dl) same = true;
      if (f && (!found || f.level > found.level)) found = f;
    }
    // One source says it as the draft does (`Both leaders agreed to launch` in the Roadmap,
    // `will launch` in the statement): faithful to that one.
    if (same) continue;
    // The source's verb is the draft's own later verb (`agreed to launch` against `will launch`):
    // this verb governs that one, which agrees with the source.
    if (found && found.level > dl && draftKeys.some((k, i) => i > di && k === lang.stem(found!.word))) continue;
    // Without the object in any source sentence, only a close match speaks for the verb (`The
    // leaders will introduce a carbon border adjustment` shares three words with a sentence
    // about clean electricity across the border, and is about something else).
    let byAlignment = false;
    if (!found && coverage >= 0.6 && di === verbs[0] && di === draftKeys.findIndex((_k, i) => isLadder(draftKeys, i))) {
      found = sourceLevelByAlignment(lang, draftKeys, src, al, di, dl, isLadder);
      byAlignment = true;
      // The source's verb is the draft's own next verb (`agreed to launch a Ministerial and
      // reaffirmed their commitment to …` matched to the `reaffirmed` sentence): this verb
      // governs another clause, which the source sentence does not have.
      if (found && draftKeys.some((k, i) => i > di && k === lang.stem(found!.word))) found = undefined;
    }
    if (!found || found.level === dl || (found.level === 1 && voicedConcern(di))) continue;
    if (found.level > dl) {
      // Only an outcome (a commitment, an act) told as mere talk misrepresents the source
      // (`discussed` for `launched`); a paraphrase one step down the ladder is still true.
      // The talk must be a hedge (`discussed`, `considered`): `welcomed` or `acknowledged` an act is no claim it did not happen.
      // Only when the source has what the draft verb governs (`discussed the importance of
      // advancing X` is other talk than `implement our policies toward X`; `discussed partnering
      // with …` does tell `committed to partnering with …` as talk).
      const objectInSource = () => { const o = objectOf(lang, draftKeys, from)[0]; return o !== undefined && src.keys.includes(o); };
      if ((!byAlignment || objectInSource()) && found.level > dlAtLeast && dl <= UNDERSTATED_AT_MOST && HEDGES.has(draftKeys[di]) && found.level >= UNDERSTATED_SOURCE_AT_LEAST) under ??= { di, dl, found };
      continue;
    }
    // Talk said more warmly (`reaffirmed` or `emphasized` for `discussed`) commits no one: an
    // overstatement claims an agreement, a commitment or an act the source does not have.
    if (dl < OVERSTATED_AT_LEAST) continue;
    // `committed` for `agreed`: one step from an agreement to act to a commitment overstates only
    // in a close restatement of the source sentence; in a paraphrase the two say the same.
    if (dl === COMMITTED && found.level === AGREED && coverage < CLOSE) continue;
    const w = words[di];
    const sWord = found.word;
    emit({ code: Codes.overstated, kind: 'strength', start: w.start, end: w.end, ...base, message: `"${p.slice(w.start, w.end)}" overstates the source, which says the leaders ${sWord === 'work towards' ? 'agreed to work towards it' : `only ${sWord} it`} (${label}).`, details: { draftLevel: LEVEL_NAMES[dl], sourceLevel: LEVEL_NAMES[found.level] } }, 'ladder');
    return true;
  }
  if (under) {
    const w = words[under.di];
    emit({ code: Codes.understated, kind: 'strength', severity: 'information', start: w.start, end: w.end, ...base, message: `"${p.slice(w.start, w.end)}" understates the source, which says "${under.found.word}" (${label}).`, details: { draftLevel: LEVEL_NAMES[under.dl], sourceLevel: LEVEL_NAMES[under.found.level] } }, 'ladder');
    return true;
  }
  return false;
}

/**
 * An intention told as done: `The leaders strengthened deterrence` where the source says `We
 * intend to strengthen deterrence` (`aim to`, `seek to`, `work towards`). The draft's verb is the
 * source's intended verb in the past, before the same object, with no intention of its own.
 */
/** The draft's verbs that make a claim of strength: finite, the leaders' own, not negated, hedged, described or a document's. */
function commitmentVerbs(unit: ClauseUnit, lang: LanguagePack): number[] {
  const { p, words, keys: draftKeys } = unit;
  const HEDGES = lang.strength.hedges;
  const isParty = (k: string) => Object.prototype.hasOwnProperty.call(generalTable(lang).actors, k);
  const MORPH = lang.morphology;
  const isLadder = ladderTest(lang);
  const negated = (i: number) => negatedAt(unit, lang, i);
  // A verb under a hedge of the draft's own (`explore creating`) is the hedge's business.
  // (`consider innovative approaches to implementing`: up to five words back).
  const hedgedInDraft = (i: number) => draftKeys.slice(Math.max(0, i - 5), i).some(k => HEDGES.has(k));
  // `the Prime Minister's aim`, `their commitment`: a noun, not the draft's verb.
  const nounUse = (i: number) => i > 0 && (MORPH.owner.test(words[i - 1].text) || lang.strength.determiners.has(words[i - 1].text));
  // `NORAD, first established in 1958`, `was launched`: a passive or a participle, not the leaders' act.
  const passive = (i: number) => i > 0 && MORPH.participle.test(words[i].text) && (lang.strength.passiveBefore.has(words[i - 1].text) || p.slice(words[i - 1].end, words[i].start).includes(','));
  // `the one promised in the Roadmap`: a participle after a noun, then `in`/`by`, describes the
  // noun; no one's act (`The leaders committed in Ottawa to …`: a party acts).
  const described = (i: number) => i > 1 && MORPH.participle.test(words[i].text) && lang.strength.describedBy.has(words[i + 1]?.text ?? '') && lang.strength.determiners.has(words[i - 2].text) && !isParty(draftKeys[i - 1]);
  // `Looking ahead, …`, `Exploring …,`: a participle opening the clause is a lead-in, not the leaders' act.
  const leadIn = (i: number) => i === 0 && MORPH.gerund.test(words[i].text);
  // `while exploring`, `exploring options`: a participle or gerund is no act of the leaders unless
  // a form of `be` or `will` makes it one (`are exploring`, `will be launching`).
  const finite = (i: number) => !MORPH.gerund.test(words[i].text) || words.slice(Math.max(0, i - 2), i).some(w => lang.strength.finiteBefore.has(w.text));
  // `look forward to`: an idiom, not a hedge. A capitalised word inside the sentence is a name's (`the Global Methane Pledge`).
  const idiom = (i: number) => words[i + 1]?.text === 'forward' || (i > 0 && /^\p{Lu}/u.test(p.slice(words[i].start, words[i].end)));
  // `The Roadmap commits both countries to …`: a document says what it contains, at no strength of its own.
  const byDocument = (i: number) => draftKeys.slice(Math.max(0, i - 3), i).some(k => lang.quotes.documents.has(k));
  // `the ministers discussed …`, `senior officials agreed …`: other people's act, a later event of
  // their own, unless the source sentence names them too.
  const byOthers = (i: number) => otherPeopleIn(unit, lang, i - 4, i);
  return draftKeys.map((_k, i) => i).filter(i => isLadder(draftKeys, i) && !negated(i) && !hedgedInDraft(i) && !nounUse(i) && !passive(i) && !described(i) && !leadIn(i) && finite(i) && !idiom(i) && !byDocument(i) && !byOthers(i));
}

function intentionDone(unit: ClauseUnit, r: Restatement, lang: LanguagePack, emit: Emit): boolean {
  const { p, words, keys } = unit;
  const { src } = r;
  const S = lang.strength;
  const K = lang.key;
  for (let j = 0; j + 2 < src.keys.length; j++) {
    const intent = S.intentions.has(src.keys[j]) ? j : src.keys[j] === K.work && src.keys[j + 1] === K.toward ? j + 1 : -1;
    if (intent < 0) continue;
    // `intend to strengthen`, `work towards reaching`: the intended verb.
    const v = src.keys[intent + 1] === K.to ? intent + 2 : intent + 1;
    if (v >= src.keys.length || lang.isStopKey(src.keys[v])) continue;
    // What the intended verb governs, an adverbial between them allowed (`resolved to conclude in a timely manner a meaningful … agreement`).
    const sObject = new Set(src.keys.slice(v + 1, v + 10).filter(k => !lang.isStopKey(k)));
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== src.keys[v] || !lang.morphology.participle.test(words[i].text)) continue;
      // The draft keeps an intention, a modal or an infinitive (`intend to strengthen`, `will strengthen`, `to strengthen`).
      const before = keys.slice(Math.max(0, i - 4), i);
      if (before.some(k => S.intentions.has(k) || k === K.toward || k === K.will || S.hedges.has(k)) || keys[i - 1] === K.to || negatedAt(unit, lang, i)) continue;
      const dObject = objectOf(lang, keys, i);
      if (!dObject.length || !dObject.some(k => sObject.has(k))) continue;
      const w = words[i];
      const said = src.paragraph.text.slice(src.words[j].start, src.words[v].end);
      emit({ code: Codes.overstated, kind: 'strength', start: w.start, end: w.end, ...r.base, message: `"${p.slice(w.start, w.end)}" tells as done what the source only intends: "${flat(said)}" (${r.label}).`, details: { draftLevel: S.levelNames[ACTED], sourceLevel: S.levelNames[2] } }, 'intention-done');
      return true;
    }
  }
  return false;
}

/**
 * A hedged action done: `create a task force` / `by establishing a facilitator` where the
 * source only `explore[s] the creation of` / `the establishment of` one.
 */
function hedgedActionDone(unit: ClauseUnit, r: Restatement, lang: LanguagePack, emit: Emit): void {
  const { p, words, keys: draftKeys } = unit;
  const { hedges: HEDGES, levelNames: LEVEL_NAMES } = lang.strength;
  const hedged = hedgedActions(lang, r.src);
  if (!hedged.length) return;
  for (let i = 0; i < words.length; i++) {
    const h = hedged.find(x => (sameRoot(lang, words[i].text, x.noun) || actsAs(lang, draftKeys, i, x.noun)) && words[i].text !== x.noun && !lang.morphology.actionNounOrPlural.test(words[i].text));
    // The draft keeps the hedge (`explore its creation`, `study establishing`, `work towards`): faithful.
    if (!h || negatedAt(unit, lang, i) || draftKeys.slice(Math.max(0, i - 4), i + 3).some(k => HEDGES.has(k) || k === lang.key.toward)) continue;
    const w = words[i];
    emit({ code: Codes.overstated, kind: 'strength', start: w.start, end: w.end, ...r.base, message: `"${p.slice(w.start, w.end)}" overstates the source, which says the leaders would only ${h.hedge} the ${h.noun} (${r.label}).`, details: { draftLevel: LEVEL_NAMES[5], sourceLevel: LEVEL_NAMES[1] } }, 'ladder');
    return;
  }
}

const ladderTests = new WeakMap<LanguagePack, (keys: readonly string[], i: number) => boolean>();

/** A ladder verb at `keys[i]` (not `set` without `up`, not after `work`/`approach`). */
function ladderTest(lang: LanguagePack): (keys: readonly string[], i: number) => boolean {
  let test = ladderTests.get(lang);
  if (!test) {
    const { set, up } = lang.key;
    const { ladder, nonVerbBefore } = lang.strength;
    test = (keys, i) => {
      const k = keys[i];
      return k in ladder && !(k === set && keys[i + 1] !== up) && !nonVerbBefore.has(keys[i - 1] ?? '');
    };
    ladderTests.set(lang, test);
  }
  return test;
}

/** A denial governs the verbs of its clause (`does not commit the leaders to relaunching`). */
function negatedAt(unit: ClauseUnit, lang: LanguagePack, i: number): boolean {
  const { p, words, keys } = unit;
  for (let j = i - 1; j >= Math.max(0, i - 7); j--) {
    if (/[,;:()]/.test(p.slice(words[j].end, words[j + 1].start))) return false;
    if (lang.negation.strengthNegators.has(keys[j])) return true;
  }
  return false;
}

/**
 * The source's verb for what the draft verb at `di` governs: the first content words after
 * the draft verb are looked up in the source sentence, and the nearest commitment verb
 * before them is the one that governs them there. Robust to reordered paraphrases
 * (`With a view to …, the leaders agreed on the importance of …`), where the alignment may
 * anchor elsewhere. A hedge just before that verb (`explore the creation of`) is the level.
 */
function sourceLevelByObject(
  lang: LanguagePack,
  draftKeys: readonly string[],
  src: SourceSentence,
  di: number,
  dl: number,
  isLadder: (keys: readonly string[], i: number) => boolean,
): { level: number; word: string } | undefined {
  const { ladder: LADDER, hedges: HEDGES } = lang.strength;
  const K = lang.key;
  let object = objectOf(lang, draftKeys, di);
  if (object.length < 2) return undefined;
  // The object's two words in order, close together in the source.
  const find = (obj: readonly string[]) => {
    for (let j = 0; j < src.keys.length; j++) {
      if (src.keys[j] !== obj[0]) continue;
      for (let t = j + 1; t <= j + 4 && t < src.keys.length; t++) if (src.keys[t] === obj[1]) return j;
    }
    return -1;
  };
  let at = find(object);
  // `committed to protecting the Refuge`: a verb the source does not use, then the object.
  if (at < 0 && !src.keys.includes(object[0])) {
    object = objectOf(lang, draftKeys, draftKeys.indexOf(object[0], di + 1));
    if (object.length === 2) at = find(object);
  }
  if (at < 0) return undefined;
  // `agreed to work towards reviving the Summit`: an act done (`relaunched`) overstates it.
  if (dl >= 4 && src.keys.slice(Math.max(0, at - 4), at).includes(K.toward) && src.keys.slice(Math.max(0, at - 5), at).includes(K.work)) return { level: 1, word: 'work towards' };
  for (let j = at - 1; j >= 0 && j >= at - 20; j--) {
    // In two sentences taken together, a sentence that names its own actor before the object
    // (`We also recognize …. We oppose any attempts …`) has its own verb, not the one before;
    // one that goes on from it (`… discussed ways to align …. This includes …`) has not.
    if (sentenceEndsAfter(src, j) && namesActor(lang, src.keys.slice(j + 1, at))) break;
    // `Canada and the United States will enhance … by reestablishing the Forum`: a declared
    // action, as firm as any commitment the draft may report (but a verb is no weaker for it).
    if (src.keys[j] === K.will) return { level: Math.max(dl, 4), word: lang.word.will };
    if (!isLadder(src.keys, j)) continue;
    // `The Roadmap highlights cooperation`: the document says what it contains; no one's commitment.
    if (documentSubject(lang, src, j)) return undefined;
    let level = LADDER[src.keys[j]];
    let word = src.words[j].text;
    // `expressed their commitment to`, `underscore our dedication towards`: a commitment.
    const noun = src.words.slice(j + 1, j + 3).find(w => lang.strength.commitmentNouns.has(w.text.toLowerCase()));
    if (level < 4 && noun) return { level: 4, word: `${word} their ${noun.text}` };
    for (let h = j - 1; h >= Math.max(0, j - 4); h--) if (HEDGES.has(src.keys[h])) { level = LADDER[src.keys[h]]; word = src.words[h].text; }
    return { level, word };
  }
  return undefined;
}

/** True if `keys` name someone who can act (`we`, `the leaders`, `Japan`). */
function namesActor(lang: LanguagePack, keys: readonly string[]): boolean {
  const { actors } = generalTable(lang);
  return keys.some(k => Object.prototype.hasOwnProperty.call(actors, k) || lang.key.we === k);
}

/** True if the source verb at `j` has a source document for its subject (`The Roadmap highlights`, `this statement sets out`). */
function documentSubject(lang: LanguagePack, src: SourceSentence, j: number): boolean {
  return j > 0 && lang.quotes.documents.has(src.keys[j - 1]);
}


/**
 * Where what the verb at `di` governs starts: after a clause inside (`agreed that, when they
 * consider easing …, they will take a coordinated approach`: after the comma), else right after it.
 */
function objectFrom(unit: ClauseUnit, lang: LanguagePack, di: number): number {
  const { p, words } = unit;
  const S = lang.strength.subordinators;
  let i = di + 1;
  if (words[i]?.text === S.complementizer) i++;
  if (!S.words.has(words[i]?.text ?? '')) return di;
  for (let j = i; j + 1 < words.length; j++) if (p.slice(words[j].end, words[j + 1].start).includes(',')) return j;
  return di;
}

/** The first two content words after the verb at `di`: what it governs. */
function objectOf(lang: LanguagePack, draftKeys: readonly string[], di: number): string[] {
  const object: string[] = [];
  for (let t = di + 1; t < draftKeys.length && object.length < 2 && t <= di + 8; t++) {
    const k = draftKeys[t];
    if (lang.isStopKey(k) || k in lang.strength.ladder || k in generalTable(lang).actors || lang.nouns.objectFillers.has(k)) continue;
    object.push(k);
  }
  return object;
}


/** The source's level for the draft verb at `di`, from the word alignment (the earlier rule). */
function sourceLevelByAlignment(
  lang: LanguagePack,
  draftKeys: readonly string[],
  src: SourceSentence,
  al: Alignment,
  di: number,
  dl: number,
  isLadder: (keys: readonly string[], i: number) => boolean,
): { level: number; word: string } | undefined {
  const { ladder: LADDER, hedges: HEDGES } = lang.strength;
  const TOWARD = lang.key.toward;
  const opAt = al.ops.find(o => o.a === di);
  const prevEq = [...al.ops].reverse().find(o => o.t === 'eq' && o.a >= 0 && o.a < di);
  const nextEq = al.ops.find(o => o.t === 'eq' && o.a > di);
  let sl: number | undefined;
  let sWord = '';
  const from = prevEq ? prevEq.b + 1 : 0;
  if (opAt?.t === 'eq') {
    // Same verb; but a hedge governing it in the source (`consider … implementing`) weakens it.
    for (let j = from; j < opAt.b; j++) if (HEDGES.has(src.keys[j]) && LADDER[src.keys[j]] < dl) { sl = LADDER[src.keys[j]]; sWord = src.words[j].text; }
  } else {
    // The draft verb is not in the source: a source sentence that uses the very same verb
    // elsewhere is not contradicted by it (the alignment anchored on another clause).
    if (src.keys.includes(draftKeys[di])) return undefined;
    const to = nextEq ? nextEq.b : src.keys.length;
    for (let j = to - 1; j >= 0 && sl === undefined; j--) {
      if (sentenceEndsAfter(src, j) && namesActor(lang, src.keys.slice(j + 1, to))) break;
      // `Acknowledging that …, we …`: a participle opening the sentence is its lead-in, not the leaders' act.
      if (isLadder(src.keys, j) && !(lang.morphology.gerund.test(src.words[j].text) && (j === 0 || sentenceEndsAfter(src, j - 1)))) {
        if (documentSubject(lang, src, j)) return undefined;
        sl = LADDER[src.keys[j]];
        sWord = src.words[j].text;
        for (let h = j - 1; h >= Math.max(0, j - 4); h--) if (HEDGES.has(src.keys[h])) { sl = LADDER[src.keys[h]]; sWord = src.words[h].text; }
      }
    }
    if (sl === undefined) {
      for (let j = from; j < to; j++) if (lang.strength.hedgedLevel.has(src.keys[j])) { sl = 1; sWord = src.words[j].text; }
    }
    if (sl !== undefined && dl === 5 && src.keys[(nextEq?.b ?? 0) - 1] === TOWARD) sl = Math.min(sl, 1);
  }
  // `work towards reviving` before the matched object: a hedge.
  if (dl >= 4 && nextEq && src.keys.slice(Math.max(0, nextEq.b - 3), nextEq.b).includes(TOWARD) && src.keys.slice(Math.max(0, nextEq.b - 4), nextEq.b).includes(lang.key.work)) {
    if (sl === undefined || sl > 1) { sl = 1; sWord = 'work towards'; }
  }
  return sl === undefined ? undefined : { level: sl, word: sWord };
}

/** `explore the creation of`, `exploring the establishment of`: a hedge, then an action noun. */
function hedgedActions(lang: LanguagePack, src: SourceSentence): { hedge: string; noun: string }[] {
  const { hedges: HEDGES } = lang.strength;
  const MORPH = lang.morphology;
  const K = lang.key;
  const out: { hedge: string; noun: string }[] = [];
  for (let j = 0; j < src.keys.length; j++) {
    if (!HEDGES.has(src.keys[j])) continue;
    for (let t = j + 1; t <= j + 3 && t < src.words.length; t++) {
      const w = src.words[t].text;
      if (MORPH.actionNoun.test(w) && src.words[t + 1]?.text === lang.word.of) out.push({ hedge: MORPH.baseForm(src.words[j].text), noun: w });
    }
  }
  // `work towards reviving the Summit`.
  for (let j = 0; j + 2 < src.words.length; j++) {
    if (src.keys[j] === K.work && src.keys[j + 1] === K.toward && MORPH.gerund.test(src.words[j + 2].text)) out.push({ hedge: 'work towards', noun: src.words[j + 2].text });
  }
  return out;
}

/** Verbs that do what a hedged action noun names (`set up a task force` for `the creation of`). */
function actsAs(lang: LanguagePack, keys: readonly string[], i: number, noun: string): boolean {
  return (lang.strength.actsAs[noun] ?? []).some(v => v.every((w, k) => keys[i + k] === w));
}

/** `create`/`creation`, `establishing`/`establishment`: the same root, by a shared stem of five or more letters. */
function sameRoot(lang: LanguagePack, word: string, noun: string): boolean {
  const root = noun.replace(lang.morphology.rootSuffix, '');
  return root.length >= 4 && word.startsWith(root.slice(0, Math.max(4, Math.min(root.length, 6)))) && word.length <= root.length + 4;
}

