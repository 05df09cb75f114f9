/**
 * `negated`: a restatement denies what the source affirms (`did not agree to`, `declined to`,
 * `no longer`), or claims the sources leave out a topic they have (`China did not come up`,
 * `the Roadmap sets no date for …`) (docs/rules/negated.md).
 */
import { Codes } from '../../findings';
import { clip, flat } from '../messages';
import type { ClauseUnit, Detector, DetectorContext, Emit, Restatement } from '../types';

/** The ladder's levels of an agreement and of a commitment (lang/en/ladder.json). */
const AGREED = 3;
const COMMITTED = 4;

export const negated: Detector = {
  id: 'negated',
  emits: [Codes.negated],
  unit: 'clause',
  run(unit, ctx, emit) {
    const absent = absenceClaims(unit, ctx, emit);
    const r = unit.restatement;
    if (!r || r.dNeg.length <= r.srcNeg || deniesMore(unit, r, ctx, r.dNeg[0])) return;
    const n = r.dNeg[0];
    const start = unit.s + n.index!;
    const end = start + n[0].length;
    // The negation of a claim of absence (`ne fait aucune mention de`) is that claim, found already.
    if (absent && absent[0] < end && start < absent[1]) return;
    emit({ code: Codes.negated, kind: 'negation', start, end, ...r.base, message: `The draft says "${n[0]}" where the source affirms it: "${clip(r.srcText)}" (${r.label}).`, details: affirmedIn(unit, start, end, n[0]) }, 'denial');
  },
};

/**
 * Claims that the sources leave something out. The claim is contradicted when one source
 * sentence has every content word of its topic (and, for a date, deadline or target, a
 * figure). A topic the sources never name draws nothing.
 */
function absenceClaims(unit: ClauseUnit, ctx: DetectorContext, emit: Emit): [number, number] | undefined {
  const { p, s, e } = unit;
  const lang = ctx.lang;
  const text = p.slice(s, e);
  for (const re of lang.patterns.absence) {
    for (const m of text.matchAll(re)) {
      const g = m.groups!;
      const topicAt = s + m.index! + m[0].indexOf(g.topic);
      const topic = unit.wordsIn(topicAt, topicAt + g.topic.length);
      const keys = [...new Set(topic.map(w => w.key).filter(k => !lang.isStopKey(k) && !lang.negation.topicFiller.has(k) && !lang.neutralKeys.has(k)))];
      if (!keys.length || keys.length > 6) continue;
      const hit = ctx.sources.sentenceWithAll(keys, !!g.figure);
      if (!hit) continue;
      const start = s + m.index! + m[0].indexOf(g.claim);
      const end = start + g.claim.length;
      const para = hit.paragraph;
      emit(
        {
          code: Codes.negated,
          kind: 'negation',
          start,
          end,
          paragraphId: para.id,
          evidence: { start: hit.start, end: hit.end },
          message: `The draft says the source leaves out ${flat(g.topic.trim())} ("${flat(g.claim)}"), but the source has it: "${clip(para.text.slice(hit.start, hit.end))}" (${para.label}).`,
        },
        'absence',
      );
      return [start, end];
    }
  }
  return undefined;
}

/**
 * Denying more than the source claimed is consistent with it: `did not create a task force`
 * where the source only `directed officials to explore the creation of` one; so is denying an
 * act the source does not mention, and two negatives (`Mexico was not forgotten`).
 */
function deniesMore(unit: ClauseUnit, r: Restatement, ctx: DetectorContext, n: RegExpMatchArray): boolean {
  const lang = ctx.lang;
  const { ladder: LADDER, hedges: HEDGES } = lang.strength;
  const N = lang.negation;
  const src = r.src;
  const srcLevel = Math.max(0, ...src.keys.map(k => (HEDGES.has(k) ? 1 : LADDER[k] ?? 0)));
  const after = unit.wordsIn(unit.s + n.index! + deniedVerbAt(n), unit.e).map(w => w.key);
  // `Neither leader committed`: the parties named are not the verb.
  // `made any commitment`: a light verb and its noun are the noun's verb.
  const found = after.find(k => !N.negatedVerbSkip.has(k) && !N.lightVerbs.has(k) && !lang.isStopKey(k) && !ctx.sources.isPartyWord(k) && k !== lang.key.minister);
  if (found === undefined) return false;
  const verb = N.nominalVerbs.get(found) ?? found;
  // `was not forgotten`, `did not ignore`: two negatives affirm.
  if (N.negativeVerbs.has(verb)) return true;
  // `did not address NORAD modernization`: a denial that the topic is there, which it is.
  if (N.topicVerbs.has(verb)) {
    const obj = after.slice(after.indexOf(found) + 1).filter(k => !lang.isStopKey(k)).slice(0, 2);
    return !(obj.length && obj.every(k => src.keys.includes(k)));
  }
  const level = LADDER[verb];
  // Agreeing to do something is committing to it (the ladder's 3 and 4 say the same in a
  // denial): `stopped short of committing to strengthen` denies `agreed to strengthen`.
  // Not when the agreement is hedged (`agreed to work towards reviving`).
  const hedged = src.keys.some((k, i) => HEDGES.has(k) || (k === lang.key.work && src.keys[i + 1] === lang.key.toward));
  if (level !== undefined) return level > (srcLevel === AGREED && !hedged ? COMMITTED : srcLevel);
  // Denying an act the source does not mention (`does not set a date`) is no contradiction of it.
  // An action noun is its verb (`rules out cooperation` denies `cooperating`).
  // `is not a footnote`: what something is not, a new predicate, not an act the source has undone.
  if (/^(?:is|are|was|were)\s+not\s+(?:a|an)$/i.test(n[0].trim()) && !src.keys.includes(found)) return true;
  const sameAct = (a: string, b: string) => a === b || N.sameAct.some(g => g.has(a) && g.has(b));
  const acts = [verb, verb.replace(N.actionNounEndings.afterT, ''), verb.replace(N.actionNounEndings.any, '')];
  return !src.keys.some(k => acts.some(v => sameAct(v, k))) && !lang.patterns.affirmingDenial.test(n[0]);
}

/**
 * Where in the negation cue `n` the denied verb may start: after an English cue's words but its
 * last (`did not [agree]`), or at the last word between the two parts of a French one
 * (`ne se [perpétue] plus`, `n'[ont] pas convenu`: the auxiliary, with the participle after).
 */
function deniedVerbAt(n: RegExpMatchArray): number {
  const inner = n.groups?.inner;
  if (inner === undefined) return n[0].replace(/\s+\w+$/, '').length;
  const words = inner.trimEnd();
  const at = n[0].lastIndexOf(inner);
  const last = /[\p{L}\p{N}-]+['’]?$/u.exec(words);
  return at < 0 || !last ? n[0].length : at + last.index;
}

/**
 * The source's affirmative words for a negation (`agreed` for `did not agree`, `will launch` for
 * `will not launch`): the source words after the one aligned with the word before the negation, up
 * to the one aligned with the negated verb. Undefined when the alignment does not say.
 */
function affirmedIn(unit: ClauseUnit, start: number, end: number, negation: string): { draft: string; source: string } | undefined {
  const r = unit.restatement!;
  const { words } = unit;
  const { al, src } = r;
  const first = words.findIndex(w => w.start >= start);
  const verb = words.findIndex(w => w.end === end);
  if (first <= 0 || verb < first) return undefined;
  const verbOp = al.ops.find(o => o.t === 'eq' && o.a === verb);
  if (!verbOp) return undefined;
  const para = src.paragraph.text;
  const before = al.ops.find(o => o.t === 'eq' && o.a === first - 1);
  if (before && verbOp.b > before.b && verbOp.b - before.b <= 4) return { draft: negation, source: para.slice(src.words[before.b + 1].start, src.words[verbOp.b].end) };
  // Unaligned before the negation: `did not agree` → `agreed`; `will not launch` → `will launch`.
  const aux = words[first].text.toLowerCase();
  const prev = src.words[verbOp.b - 1];
  if (prev && prev.text.toLowerCase() === aux) return { draft: negation, source: para.slice(prev.start, src.words[verbOp.b].end) };
  if (/^(?:did|does|do|didn't|doesn't|don't)$/.test(aux)) return { draft: negation, source: para.slice(src.words[verbOp.b].start, src.words[verbOp.b].end) };
  return undefined;
}
