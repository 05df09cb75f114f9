/**
 * Units: what the detectors read, prepared once. A quotation unit holds the quoted words
 * and their alignment with the source paragraph they quote best. A clause unit holds a
 * draft clause's words, keys and surface texts, the source sentences it may restate and,
 * when one matches, the restatement: the local alignment with the best source sentence, its
 * blocks of differences (the windows at either edge included), both sides' figures,
 * negations and parties.
 */
import { align, blocksOf, type Alignment, type Block } from '../align';
import type { CheckIndex } from '../checkIndex';
import { namePhrases, type NamePhrase } from '../names/table';
import type { Figure, LanguagePack } from '../lang/pack';
import type { QuoteSpan } from '../text/quotations';
import { wordsOf, type Word } from '../text/words';
import type { SourceLookup } from './lookup';
import { partyRules } from './parties';
import { bestSentences, shortlist } from './retrieve';
import type { ClauseUnit, Match, QuoteUnit, Restatement, Subject, UnitRole } from './types';

const LETTER = /[\p{L}\p{N}]/u;

/** The unit of quotation `q` of paragraph `p`. */
export function quoteUnit(ci: CheckIndex, lang: LanguagePack, p: string, q: QuoteSpan): QuoteUnit {
  const { words, skipAt } = quoteWords(p, q, lang);
  const unit = { kind: 'quotation' as const, p, q, words, skipAt, source: undefined, blocks: [] };
  if (words.length < 3) return unit;
  const keys = words.map(w => w.text);
  let best: { al: Alignment; pi: number } | undefined;
  for (const c of shortlist(ci, words.map(w => w.key), 6, lang.isStopKey)) {
    const src = ci.paragraphWords[c.pi].map(w => w.text);
    const al = align(keys, src, { skipAt });
    if (!best || al.score > best.al.score) best = { al, pi: c.pi };
  }
  if (!best || best.al.matches < Math.max(3, Math.ceil(words.length * 0.6))) return unit;
  const source = { para: ci.index.paragraphs[best.pi], srcWords: ci.paragraphWords[best.pi], al: best.al };
  return { ...unit, source, blocks: blocksOf(best.al, skipAt) };
}

/** The quoted words: editorial brackets attached to a word (`[T]hey`) vanish; bracketed insertions and ellipses may skip source words. */
function quoteWords(p: string, q: QuoteSpan, lang: LanguagePack): { words: Word[]; skipAt: Set<number> } {
  let t = p;
  const inserts: [number, number][] = [];
  for (const m of p.slice(q.innerStart, q.innerEnd).matchAll(/\[([^\]\n]*)\]/g)) {
    const s = q.innerStart + m.index!;
    const e = s + m[0].length;
    const attached = LETTER.test(p[e] ?? '') || LETTER.test(p[s - 1] ?? '');
    if (attached && m[1].length <= 2) t = t.slice(0, s) + '\u200b' + m[1] + '\u200b' + t.slice(e);
    else inserts.push([s, e]);
  }
  if (q.block) t = t.slice(0, q.innerStart) + t.slice(q.innerStart, q.innerEnd).replace(/^([ \t]*)>/gm, '$1 ') + t.slice(q.innerEnd);
  const all = wordsOf(t, q.innerStart, q.innerEnd, lang);
  const words = all.filter(w => !inserts.some(([s, e]) => w.start >= s && w.start < e));
  const gaps = [...p.slice(q.innerStart, q.innerEnd).matchAll(/\.\.\.|\u2026/g)].map(m => q.innerStart + m.index!);
  for (const [s] of inserts) gaps.push(s);
  const skipAt = new Set<number>();
  for (const g of gaps) {
    let last = -1;
    words.forEach((w, i) => {
      if (w.end <= g) last = i;
    });
    if (last >= 0) skipAt.add(last);
  }
  return { words, skipAt };
}

/** The unit of the draft clause `p[s, e)`: words and matches now, the restatement and names when first read. */
export function clauseUnit(ci: CheckIndex, sources: SourceLookup, p: string, s: number, e: number, role: UnitRole): ClauseUnit {
  const lang = sources.lang;
  const words = wordsOf(p, s, e, lang);
  const matches = bestSentences(ci, words, lang);
  const keys = words.map(w => w.key);
  const texts = words.map(w => p.slice(w.start, w.end));
  let names: readonly NamePhrase[] | undefined;
  let figures: readonly Figure[] | undefined;
  let restatement: Restatement | undefined | null = null;
  const figuresOf = () => (figures ??= lang.findFigures(p.slice(s, e)).map(f => ({ ...f, start: f.start + s, end: f.end + s })));
  return {
    kind: 'clause',
    role,
    p,
    s,
    e,
    words,
    keys,
    texts,
    matches,
    get figures() {
      return figuresOf();
    },
    get names() {
      return (names ??= namePhrases(p, s, e, lang, words));
    },
    get restatement() {
      if (restatement === null) restatement = matches.length ? restatementOf(sources, p, s, e, words, keys, texts, matches, figuresOf()) : undefined;
      return restatement;
    },
    wordsIn: (from: number, to: number) => wordsOf(p, from, to, lang),
  };
}

function restatementOf(
  sources: SourceLookup,
  p: string,
  s: number,
  e: number,
  words: readonly Word[],
  keys: readonly string[],
  texts: readonly string[],
  matches: readonly Match[],
  dFigs: readonly Figure[],
): Restatement {
  const lang = sources.lang;
  const P = partyRules(lang);
  const top = matches[0];
  const src = top.sentence;
  const para = src.paragraph;
  const srcText = para.text.slice(src.start, src.end);
  const { al, blocks } = alignment(keys, src.keys, words.length);
  const sTexts = src.words.map(w => para.text.slice(w.start, w.end));
  const shift = (fs: readonly Figure[], by: number) => fs.map(f => ({ ...f, start: f.start + by, end: f.end + by }));
  const sSubj = P.subjectOf(sTexts, src.keys);
  return {
    matches,
    top,
    src,
    para,
    srcText,
    label: para.label,
    base: { paragraphId: para.id, evidence: { start: src.start, end: src.end } },
    al,
    blocks,
    sTexts,
    dFigs,
    sFigs: matches.flatMap(x => sources.figuresOf(x.sentence)),
    srcFigs: shift(sources.figuresOf(src), src.start),
    dNeg: [...p.slice(s, e).matchAll(lang.patterns.negation)],
    srcNeg: (srcText.match(lang.patterns.negation) ?? []).length,
    srcParties: P.parties(src.keys),
    sSubj,
    dSubj: draftSubject(lang, p, words, keys, texts),
    dSlice: (a: readonly number[]) => (a.length ? p.slice(words[a[0]].start, words[a[a.length - 1]].end) : ''),
    sSlice: (b: readonly number[]) => (b.length ? para.text.slice(src.words[b[0]].start, src.words[b[b.length - 1]].end) : ''),
  };
}

/**
 * The local alignment of the draft keys with the source's, and its blocks. The words just
 * outside the aligned stretch are compared too: a changed subject (`Prime Minister Trudeau
 * condemned` for `President Biden condemned`) sits there. The windows are aligned end to
 * end, so that a word both sides share (`acknowledged the United States'` for `acknowledging
 * Canada's`) anchors the change between them.
 */
function alignment(draftKeys: readonly string[], srcKeys: readonly string[], n: number): { al: Alignment; blocks: Block[] } {
  const al = align(draftKeys, srcKeys, { local: true });
  const blocks = blocksOf(al);
  if (al.aTo >= al.aFrom) {
    const k = 5;
    const la = range(Math.max(0, al.aFrom - k), al.aFrom);
    const lb = range(Math.max(0, al.bFrom - k), al.bFrom);
    if (la.length && lb.length) blocks.unshift(...windowBlocks(draftKeys, srcKeys, la, lb, -1, al.aFrom));
    const ra = range(al.aTo + 1, Math.min(n, al.aTo + 1 + k));
    const rb = range(al.bTo + 1, Math.min(srcKeys.length, al.bTo + 1 + k));
    if (ra.length && rb.length) blocks.push(...windowBlocks(draftKeys, srcKeys, ra, rb, al.aTo, -1));
  }
  return { al, blocks };
}

/**
 * Blocks of the draft window `wa` against the source window `wb` (aligned end to end);
 * `before`/`after` are the draft words that bound the windows (-1: the sentence edge).
 */
function windowBlocks(dk: readonly string[], sk: readonly string[], wa: number[], wb: number[], before: number, after: number): Block[] {
  const sub = align(wa.map(i => dk[i]), wb.map(i => sk[i]), { global: true });
  if (!sub.matches) return [{ a: wa, b: wb, aBefore: before, aAfter: after }];
  return blocksOf(sub).map(b => ({
    a: b.a.map(i => wa[i]),
    b: b.b.map(i => wb[i]),
    aBefore: b.aBefore >= 0 ? wa[b.aBefore] : before,
    aAfter: b.aAfter >= 0 ? wa[b.aAfter] : after,
  }));
}

/** The draft's opening subject, or after a lead-in (`In the run-up to the Summit, the Prime Minister welcomed …`). */
function draftSubject(lang: LanguagePack, p: string, words: readonly Word[], keys: readonly string[], texts: readonly string[]): Subject {
  const P = partyRules(lang);
  let dSubj = P.subjectOf(texts, keys);
  for (let i = 1; !dSubj.parties.size && i < Math.min(words.length, 16); i++) {
    if (!p.slice(words[i - 1].end, words[i].start).includes(',')) continue;
    const t = P.subjectOf(texts.slice(i), keys.slice(i));
    if (t.parties.size) dSubj = { parties: t.parties, start: t.start + i, end: t.end + i };
    break;
  }
  return dSubj;
}

/** `[from, to)` as a list. */
export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}
