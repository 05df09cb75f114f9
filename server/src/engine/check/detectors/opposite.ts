/**
 * `opposite`: a restatement reverses the source's action (docs/rules/opposite.md): a pair of
 * opposites in a substitution (`weaken` for `strengthen`), a negative prefix added or dropped
 * (`legal` for `illegal`), a source negation dropped with its verb kept (`taking` for `failing
 * to take`), an action avoided (`avoid cooperating`), or an opposite before the same object
 * where the alignment did not pair them.
 */
import { Codes } from '../../findings';
import { flat, replacing } from '../messages';
import { blockReversal, objectWords, oppositeByObject } from '../opposites';
import type { ClauseUnit, Detector, DetectorContext, Emit, Restatement } from '../types';
import { range } from '../units';

export const opposite: Detector = {
  id: 'opposite',
  emits: [Codes.opposite],
  unit: 'clause',
  run(unit, ctx, emit) {
    const r = unit.restatement;
    if (!r) return;
    droppedNegation(unit, r, ctx, emit);
    for (const b of r.blocks) {
      if (!b.a.length || !b.b.length) continue;
      const rev = blockReversal(ctx.lang, unit, r, b);
      if (!rev || !objectKept(unit, r, b, ctx)) continue;
      let at: readonly number[];
      if ('pair' in rev) {
        const [x, y] = rev.pair;
        const hit = b.a.filter(i => x.includes(unit.keys[i]) || y.includes(unit.keys[i]) || y.some(w => w.startsWith(unit.keys[i] + ' ') || w.endsWith(' ' + unit.keys[i])));
        at = hit.length ? hit : b.a;
      } else at = [rev.prefixed];
      const start = unit.words[at[0]].start;
      const end = unit.words[at[at.length - 1]].end;
      emit({ code: Codes.opposite, kind: 'opposite', start, end, ...r.base, message: `"${flat(r.dSlice(b.a))}" reverses the source's "${flat(r.sSlice(b.b))}" (${r.label}).`, details: replacing(r.dSlice(b.a), r.sSlice(b.b)) }, 'opposite-pair');
    }
    avoided(unit, r, ctx, emit);
    byObject(unit, r, ctx, emit);
  },
};

/**
 * An action is reversed only on the same thing: the first content words after the draft's
 * action are among those after the source's (`end the COVID-19 pandemic` does not reverse
 * `expand … COVID-19 vaccine manufacturing`: one shared word is not the same thing). A clause ending with the action has nothing to compare.
 */
function objectKept(unit: ClauseUnit, r: Restatement, b: { a: readonly number[]; b: readonly number[] }, ctx: DetectorContext): boolean {
  const dNext = objectWords(ctx.lang, unit.keys, b.a[b.a.length - 1] + 1, 2);
  if (!dNext.length) return true;
  const sNext = new Set(objectWords(ctx.lang, r.src.keys, b.b[b.b.length - 1] + 1, 5));
  return dNext.every(k => sNext.has(k));
}

/**
 * A negation the source has and the draft drops, its verb kept (`countries taking strong
 * climate action` where the source says `countries failing to take strong climate action`).
 */
function droppedNegation(unit: ClauseUnit, r: Restatement, ctx: DetectorContext, emit: Emit): void {
  const { p, words } = unit;
  const { src, al, srcText } = r;
  if (r.dNeg.length >= r.srcNeg) return;
  for (const n of srcText.matchAll(ctx.lang.patterns.droppableNegation)) {
    const from = src.start + n.index!;
    const to = from + n[0].length;
    const inNeg = range(0, src.words.length).filter(j => src.words[j].start >= from && src.words[j].end <= to);
    if (inNeg.length < 2) continue;
    const verb = inNeg[inNeg.length - 1];
    const kept = al.ops.find(o => o.t === 'eq' && o.b === verb);
    if (!kept || inNeg.slice(0, -1).some(j => al.ops.some(o => o.t === 'eq' && o.b === j))) continue;
    // The source's words just before the negation are there too: the draft restates this clause.
    if (!al.ops.some(o => o.t === 'eq' && o.b === inNeg[0] - 1 && o.a >= 0 && o.a < kept.a)) continue;
    const before = p.slice(words[Math.max(0, kept.a - 4)].start, words[kept.a].start);
    if (ctx.lang.patterns.droppedBefore.test(before)) continue;
    emit({ code: Codes.opposite, kind: 'opposite', start: words[kept.a].start, end: words[kept.a].end, ...r.base, message: `"${flat(unit.texts[kept.a])}" drops the source's "${flat(n[0])}" (${r.label}).`, details: replacing(unit.texts[kept.a], n[0]) }, 'dropped-negation');
    break;
  }
}

/**
 * An action the source takes, avoided in the draft (`would avoid cooperating with China`
 * where the source says `while cooperating with China`): the verb and its next word match.
 */
function avoided(unit: ClauseUnit, r: Restatement, ctx: DetectorContext, emit: Emit): void {
  const { p, s, e, words, keys } = unit;
  const { src, para } = r;
  const AVOID = ctx.lang.opposites.avoid;
  if (ctx.emitted(Codes.opposite, s, e) || src.keys.some(k => AVOID.has(k))) return;
  for (let i = 0; i < keys.length; i++) {
    if (!AVOID.has(keys[i])) continue;
    const v = keys[i + 1] === ctx.lang.key.from ? i + 2 : i + 1;
    if (!ctx.lang.morphology.gerund.test(words[v]?.text ?? '') || ctx.lang.isStopKey(keys[v])) continue;
    const j = src.keys.findIndex((k, t) => k === keys[v] && src.keys[t + 1] !== undefined && src.keys[t + 1] === keys[v + 1]);
    if (j < 0) continue;
    emit({ code: Codes.opposite, kind: 'opposite', start: words[i].start, end: words[v].end, ...r.base, message: `"${flat(p.slice(words[i].start, words[v].end))}" reverses the source's "${flat(para.text.slice(src.words[j].start, src.words[j + 1].end))}" (${r.label}).` }, 'avoid');
    break;
  }
}

/**
 * Opposites the alignment did not pair (a reordered or merged restatement): the draft's
 * action word against the source's word just before the same object (`will decrease
 * cooperation` where the source says `will increase cooperation`).
 */
function byObject(unit: ClauseUnit, r: Restatement, ctx: DetectorContext, emit: Emit): void {
  const { p, s, e, words } = unit;
  const { src, para } = r;
  if (ctx.emitted(Codes.opposite, s, e)) return;
  const hit = oppositeByObject(ctx.lang, unit.keys, src);
  if (!hit) return;
  const w = words[hit.di];
  const sw = src.words[hit.si];
  emit({ code: Codes.opposite, kind: 'opposite', start: w.start, end: words[hit.dEnd].end, ...r.base, message: `"${flat(p.slice(w.start, words[hit.dEnd].end))}" reverses the source's "${flat(para.text.slice(sw.start, src.words[hit.sEnd].end))}" (${r.label}).`, details: replacing(p.slice(w.start, words[hit.dEnd].end), para.text.slice(sw.start, src.words[hit.sEnd].end)) }, 'opposite-by-object');
}
