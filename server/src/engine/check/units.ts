/**
 * Units: what the detectors read, prepared once. A quotation unit holds the quoted words
 * and their alignment with the source paragraph they quote best. A clause unit holds a
 * draft clause's words, keys and surface texts, the source sentences it may restate and,
 * when one matches, the restatement: the local alignment with the best source sentence, its
 * blocks of differences (the windows at either edge included), both sides' figures,
 * negations and parties.
 */
import { align, blocksOf, type Alignment, type Block } from '../align';
import type { CheckIndex, SourceSentence } from '../checkIndex';
import { typographic } from '../normalize';
import { namePhrases, type NamePhrase } from '../names/table';
import { PACKS } from '../lang';
import type { Figure, LanguagePack } from '../lang/pack';
import type { QuoteSpan } from '../text/quotations';
import { wordsOf, type Word } from '../text/words';
import type { SourceLookup } from './lookup';
import type { PartyRules } from './parties';
import { bestSentences, shortlist } from './retrieve';
import type { ClauseUnit, Match, QuoteUnit, Restatement, Subject, UnitRole } from './types';

const LETTER = /[\p{L}\p{N}]/u;

/**
 * The unit of quotation `q` of paragraph `p` of a draft in `lang`. A quotation is read in the
 * language of the source it quotes (an English draft may quote a French source in « »): the
 * draft's pack proposes source paragraphs of any language, each other pack those in its own
 * language, and each paragraph is aligned with the quoted words as its own language reads them.
 */
export function quoteUnit(ci: CheckIndex, lang: LanguagePack, p: string, q: QuoteSpan, skip?: Uint8Array): QuoteUnit {
  const read = new Map<LanguagePack, { words: Word[]; skipAt: Set<number> }>();
  const readIn = (pack: LanguagePack) => {
    let v = read.get(pack);
    if (!v) read.set(pack, (v = quoteWords(p, q, pack)));
    return v;
  };
  const own = readIn(lang);
  const unit = { kind: 'quotation' as const, p, q, words: own.words, skipAt: own.skipAt, source: undefined, blocks: [] };
  if (own.words.length < 3) return unit;
  let best: { al: Alignment; pi: number; pack: LanguagePack } | undefined;
  const tried = new Set<number>();
  for (const pack of [lang, ...PACKS.filter(x => x !== lang)]) {
    const keys = readIn(pack).words.map(w => w.key);
    for (const c of shortlist(ci, keys, 6, pack.isStopKey, pack === lang ? skip : otherLanguages(ci, pack, skip))) {
      if (tried.has(c.pi)) continue;
      tried.add(c.pi);
      const srcPack = ci.paragraphPacks[c.pi];
      const quoted = readIn(srcPack);
      const al = align(quoted.words.map(w => typographic(w.text)), paragraphTexts(ci, c.pi), { skipAt: quoted.skipAt, firstOf: srcPack.tokens.unelided });
      if (!best || al.score > best.al.score) best = { al, pi: c.pi, pack: srcPack };
    }
  }
  if (!best) return unit;
  const { words, skipAt } = readIn(best.pack);
  if (best.al.matches < Math.max(3, Math.ceil(words.length * 0.6))) return unit;
  const source = { para: ci.index.paragraphs[best.pi], srcWords: ci.paragraphWords[best.pi], al: best.al, lang: best.pack };
  return { ...unit, words, skipAt, source, blocks: blocksOf(best.al, skipAt) };
}

const masks = new WeakMap<object, Map<LanguagePack, Uint8Array>>();

/** `skip` with every paragraph not in `pack`'s language added (1: left out); kept per index, pack and `skip`. */
function otherLanguages(ci: CheckIndex, pack: LanguagePack, skip: Uint8Array | undefined): Uint8Array {
  const owner = skip ?? ci;
  let byPack = masks.get(owner);
  if (!byPack) masks.set(owner, (byPack = new Map()));
  let v = byPack.get(pack);
  if (!v) byPack.set(pack, (v = Uint8Array.from(ci.paragraphPacks, (x, pi) => (x !== pack || skip?.[pi] ? 1 : 0))));
  return v;
}

const texts = new WeakMap<CheckIndex, (readonly string[])[]>();

/** The words of source paragraph `pi` as written (normalised), for aligning quotations; kept once computed. */
function paragraphTexts(ci: CheckIndex, pi: number): readonly string[] {
  let v = texts.get(ci);
  if (!v) texts.set(ci, (v = []));
  return (v[pi] ??= ci.paragraphWords[pi].map(w => typographic(w.text)));
}


/** The quoted words: editorial brackets attached to a word (`[T]hey`) vanish; bracketed insertions and ellipses may skip source words. */
function quoteWords(p: string, q: QuoteSpan, lang: LanguagePack): { words: Word[]; skipAt: Set<number> } {
  let t = p;
  const inserts: [number, number][] = [];
  for (const m of p.slice(q.innerStart, q.innerEnd).matchAll(/\[([^\]\n]*)\]/g)) {
    const s = q.innerStart + m.index!;
    const e = s + m[0].length;
    const attached = LETTER.test(p[e] ?? '') || LETTER.test(p[s - 1] ?? '');
    // `underscore[s]`, `reaffirm[ed]`: an ending the drafter added to the source's word; the source has the word without it.
    const ending = LETTER.test(p[s - 1] ?? '') && !LETTER.test(p[e] ?? '') && /^\p{Ll}{1,3}$/u.test(m[1]);
    if (ending) t = t.slice(0, s) + '\u200b'.repeat(e - s) + t.slice(e);
    else if (attached && m[1].length <= 2) t = t.slice(0, s) + '\u200b' + m[1] + '\u200b' + t.slice(e);
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

/** The unit of the draft clause `p[s, e)`: words and matches now, the rest when first read. */
export function clauseUnit(ci: CheckIndex, sources: SourceLookup, p: string, s: number, e: number, role: UnitRole): ClauseUnit {
  const words = wordsOf(p, s, e, sources.lang);
  return new Clause(sources, role, p, s, e, words, bestSentences(ci, words, sources.lang, sources.skip, sources.partiesOf));
}

/** A clause unit. A class, so that the thousands of units of a long draft share one shape and their getters. */
class Clause implements ClauseUnit {
  readonly kind = 'clause' as const;
  readonly keys: readonly string[];
  private texts_: readonly string[] | undefined;
  private names_: readonly NamePhrase[] | undefined;
  private figures_: readonly Figure[] | undefined;
  private restatement_: Restatement | undefined | null = null;

  constructor(
    private readonly sources: SourceLookup,
    readonly role: UnitRole,
    readonly p: string,
    readonly s: number,
    readonly e: number,
    readonly words: readonly Word[],
    readonly matches: readonly Match[],
  ) {
    this.keys = words.map(w => w.key);
  }

  get texts(): readonly string[] {
    return (this.texts_ ??= this.words.map(w => this.p.slice(w.start, w.end)));
  }

  get figures(): readonly Figure[] {
    return (this.figures_ ??= this.sources.lang.findFigures(this.p.slice(this.s, this.e)).map(f => ({ ...f, start: f.start + this.s, end: f.end + this.s })));
  }

  get names(): readonly NamePhrase[] {
    return (this.names_ ??= namePhrases(this.p, this.s, this.e, this.sources.lang, this.words));
  }

  get restatement(): Restatement | undefined {
    if (this.restatement_ === null) this.restatement_ = this.matches.length ? restatementOf(this.sources, this, this.matches) : undefined;
    return this.restatement_;
  }

  wordsIn(from: number, to: number): Word[] {
    return wordsOf(this.p, from, to, this.sources.lang);
  }
}

function restatementOf(sources: SourceLookup, unit: ClauseUnit, matches: readonly Match[]): Restatement {
  const { p, s, e, words, keys, texts } = unit;
  const lang = sources.lang;
  const top = matches[0];
  const src = top.sentence;
  const para = src.paragraph;
  const facts = sourceFacts(sources, src);
  const { al, blocks } = alignment(keys, src.keys, words.length);
  const P = sources.partiesOf(para.documentId);
  return {
    parties: P,
    matches,
    top,
    src,
    para,
    srcText: facts.srcText,
    label: para.label,
    base: { paragraphId: para.id, evidence: { start: src.start, end: src.end } },
    al,
    blocks,
    sTexts: facts.sTexts,
    dFigs: unit.figures,
    sFigs: matches.flatMap(x => sources.figuresOf(x.sentence)),
    srcFigs: facts.srcFigs,
    dNeg: [...p.slice(s, e).matchAll(lang.patterns.negation)],
    srcNeg: facts.srcNeg,
    srcParties: facts.srcParties,
    sSubj: facts.sSubj,
    dSubj: draftSubject(P, p, words, keys, texts),
    dSlice: (a: readonly number[]) => (a.length ? p.slice(words[a[0]].start, words[a[a.length - 1]].end) : ''),
    sSlice: (b: readonly number[]) => (b.length ? para.text.slice(src.words[b[0]].start, src.words[b[b.length - 1]].end) : ''),
  };
}

/** What a restatement reads of its source sentence; the same for every clause restating it, so read once. */
interface SourceFacts {
  readonly lang: LanguagePack;
  readonly srcText: string;
  readonly sTexts: readonly string[];
  readonly srcFigs: readonly Figure[];
  readonly srcNeg: number;
  readonly srcParties: Set<string>;
  readonly sSubj: Subject;
}

const facts = new WeakMap<SourceSentence, SourceFacts>();

function sourceFacts(sources: SourceLookup, src: SourceSentence): SourceFacts {
  const lang = sources.lang;
  let v = facts.get(src);
  if (v?.lang === lang) return v;
  const para = src.paragraph;
  const P = sources.partiesOf(para.documentId);
  const srcText = para.text.slice(src.start, src.end);
  const sTexts = src.words.map(w => para.text.slice(w.start, w.end));
  v = {
    lang,
    srcText,
    sTexts,
    srcFigs: sources.figuresOf(src).map(f => ({ ...f, start: f.start + src.start, end: f.end + src.start })),
    srcNeg: (srcText.match(sources.packOf(para).patterns.negation) ?? []).length,
    srcParties: P.parties(src.keys),
    sSubj: P.subjectOf(sTexts, src.keys),
  };
  facts.set(src, v);
  return v;
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
function draftSubject(P: PartyRules, p: string, words: readonly Word[], keys: readonly string[], texts: readonly string[]): Subject {
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
