/**
 * `changed-figure`: a restatement gives a year, date, percentage, amount, temperature,
 * format or count other than the source's (docs/rules/changed-figure.md); and a source
 * document named by its title with a date other than its own.
 */
import { Codes } from '../../findings';
import type { Figure } from '../../lang/pack';
import { flat } from '../messages';
import type { ClauseUnit, Detector, DetectorContext, Emit, Restatement } from '../types';

export const changedFigure: Detector = {
  id: 'changed-figure',
  emits: [Codes.changedFigure, Codes.changedTerm],
  unit: 'clause',
  run(unit, ctx, emit) {
    if (unit.role === 'sentence') {
      documentDates(unit, ctx, emit);
      partCounts(unit, ctx, emit);
    }
    const r = unit.restatement;
    if (r) restatedFigures(unit, r, ctx, emit);
  },
};

function restatedFigures(unit: ClauseUnit, r: Restatement, ctx: DetectorContext, emit: Emit): void {
  const { dFigs, sFigs, label, base } = r;
  const published = ctx.sources.dateOf(r.para.documentId);
  // A group's code (`G20` for `G7`) names another body: a changed term, like any one thing put for another.
  const changed = (f: Figure, g: Figure) =>
    !laterEvent(f, g, published) &&
    emit({ code: f.kind === 'code' ? Codes.changedTerm : Codes.changedFigure, kind: f.kind === 'code' ? 'wording' : 'figure', start: f.start, end: f.end, ...base, message: `"${f.text}" where the source says "${g.text}" (${label}).`, details: { draft: f.text, source: g.text } }, 'figure');
  for (const f of dFigs) {
    if (f.kind === 'count' || f.kind === 'ordinal') {
      // A count or an ordinal compares only with one of the same thing (`three leaders` for
      // `two leaders`, `tenth Summit` for `ninth Summit`).
      const g = sFigs.find(x => x.kind === f.kind && x.unit === f.unit);
      if (g && !sameFigure(g, f) && !sFigs.some(x => x.kind === f.kind && x.unit === f.unit && sameFigure(x, f))) changed(f, g);
      continue;
    }
    if (sFigs.some(g => sameFigure(g, f))) {
      // The value appears in the source sentence, but in another place: `power sector by
      // 2030` where the source says `power sector by 2035 and … electricity by 2030`.
      const g = alignedFigure(unit, r, ctx, f) ?? contextFigure(unit, r, ctx, f);
      if (g && g.kind === f.kind && !sameFigure(g, f)) changed(f, g);
      continue;
    }
    // A source figure of the same kind that the draft does not have; failing that, the
    // figure in the same place (`a 2+3 Ministerial format` under a `2+2:` label).
    const unmatched = sFigs.find(g => g.kind === f.kind && !dFigs.some(d => sameFigure(d, g)));
    // `working on 2030 targets` against `the aim of achieving net-zero emissions preferably by
    // 2050`: a figure with none of the source figure's neighbours is another figure, not a change.
    const other = (unmatched && sharesNeighbour(unit, r, ctx, f, unmatched) ? unmatched : undefined) ?? alignedFigure(unit, r, ctx, f);
    if (!other || other.kind !== f.kind || sameFigure(other, f)) continue;
    changed(f, other);
  }
}

/**
 * True if the draft's figure and the source's share a word next to them (three words either side;
 * articles and `and` aside), or the source figure is not in the top sentence to compare with.
 */
function sharesNeighbour(unit: ClauseUnit, r: Restatement, ctx: DetectorContext, f: Figure, g: Figure): boolean {
  const sg = r.srcFigs.find(x => x.kind === g.kind && x.value === g.value);
  if (!sg) return true;
  const skip = (k: string) => ctx.lang.strength.determiners.has(k) || k === ctx.lang.key.and;
  const near = (words: readonly { start: number; end: number; key: string }[], s: number, e: number) => {
    const before = words.filter(w => w.end <= s).slice(-3);
    const after = words.filter(w => w.start >= e).slice(0, 3);
    return [...before, ...after].map(w => w.key).filter(k => !skip(k));
  };
  const sn = near(r.src.words, sg.start, sg.end);
  return near(unit.words, f.start, f.end).some(k => sn.includes(k));
}

/**
 * A date after the source was published cannot restate a date the source gives as past
 * (`the meeting of 7 January 2022` is another event than the source's `March 2021`); the
 * source's own date (`the areas set in 2021`) says when the source was issued, not a changed
 * date of something it sets.
 */
export function laterEvent(f: Figure, g: Figure, published: string | undefined): boolean {
  if (!published || !DATED.has(f.kind) || !DATED.has(g.kind)) return false;
  const cmp = (a: string, b: string) => { const n = Math.min(a.length, b.length); return a.slice(0, n) < b.slice(0, n) ? -1 : a.slice(0, n) > b.slice(0, n) ? 1 : 0; };
  const fp = cmp(f.value, published);
  const gp = cmp(g.value, published);
  return (fp > 0 && gp <= 0) || (fp === 0 && gp !== 0);
}

const DATED = new Set(['date', 'year']);

/**
 * The same figure: the same kind and value, and the same period when both give one (`$2
 * billion a day` is not `$2 billion a week`; `$2 billion` leaves the period unsaid). A day
 * given without its year (`le 1er mars`, `--03-01`) is the same as that day of any year: the
 * draft leaves the year to the reader.
 */
export function sameFigure(a: Figure, b: Figure): boolean {
  return a.kind === b.kind && (a.value === b.value || sameDay(a, b)) && (!a.per || !b.per || a.per === b.per);
}

function sameDay(a: Figure, b: Figure): boolean {
  const yearless = (x: Figure) => x.kind === 'date' && x.value.startsWith('--');
  return a.kind === 'date' && (yearless(a) || yearless(b)) && a.value.slice(-6) === b.value.slice(-6);
}

/** The source figure in the same place as a draft figure: both open a substitution that follows a matched word. */
function alignedFigure(unit: ClauseUnit, r: Restatement, ctx: DetectorContext, f: Figure): Figure | undefined {
  const { words } = unit;
  const { blocks, al, src, para } = r;
  const findFigures = ctx.lang.findFigures;
  const wi = words.findIndex(w => w.start >= f.start);
  const b = blocks.find(x => x.a[0] === wi && x.b.length && x.aBefore >= 0 && al.ops.some(o => o.t === 'eq' && o.a === x.aBefore));
  if (b) {
    const from = src.words[b.b[0]].start;
    const g = findFigures(para.text.slice(from, src.words[b.b[b.b.length - 1]].end))[0];
    return g && g.start === 0 ? { ...g, start: g.start + from, end: g.end + from } : undefined;
  }
  // Inside a figure (`2+[3]` for `2+[2]`): the source figure around the substituted word.
  const inside = words.map((w, i) => (w.start > f.start && w.end <= f.end ? i : -1)).filter(i => i >= 0);
  const ib = blocks.find(x => x.a.length && x.b.length && x.a.every(i => inside.includes(i)) && x.aBefore >= 0 && al.ops.some(o => o.t === 'eq' && o.a === x.aBefore));
  if (!ib) return undefined;
  const sw = src.words[ib.b[0]];
  const g = r.srcFigs.find(x => x.start < sw.end && sw.start < x.end);
  return g && g.kind === f.kind ? g : undefined;
}

/**
 * The source figure whose lead-in the draft figure's lead-in shares: the content words since
 * the figure before it (`President … power sector in the United States by 2030` against the
 * source's `President … power sector by 2035 and the Prime Minister … electricity by 2030`).
 */
function contextFigure(unit: ClauseUnit, r: Restatement, ctx: DetectorContext, f: Figure): Figure | undefined {
  const { dFigs, srcFigs, para, src } = r;
  const same = srcFigs.find(g => sameFigure(g, f));
  if (!same) return undefined;
  const content = (ws: readonly { key: string }[]) => new Set(ws.map(w => w.key).filter(k => !ctx.lang.isStopKey(k)));
  const before = (figs: readonly Figure[], g: Figure) => figs.filter(x => x.end <= g.start).pop();
  const prev = before(dFigs, f);
  const dl = content(unit.wordsIn(prev ? prev.end : unit.s, f.start));
  const shared = (g: Figure) => {
    const sp = before(srcFigs, g);
    return [...content(ctx.sources.sourceWordsIn(para, sp ? sp.end : src.start, g.start))].filter(k => dl.has(k)).length;
  };
  const own = shared(same);
  const other = srcFigs
    .filter(g => g.kind === f.kind && !sameFigure(g, f) && !dFigs.some(d => sameFigure(d, g)))
    .map(g => ({ g, n: shared(g) }))
    .sort((a, b) => b.n - a.n)[0];
  return other && other.n >= 3 && other.n > 2 * own ? other.g : undefined;
}

/**
 * A source document named by its title with a date other than its own (`The Roadmap …,
 * issued … on February 24, 2021` for a Roadmap of February 23, 2021). Only a full date
 * tied to the title by an issuing word (`issued`, `released`, `of`, `on`, …) counts, and a
 * title that fits several sources (its words, in order, in another source's longer title) names
 * whichever of them has the draft's date.
 */
function documentDates(unit: ClauseUnit, ctx: DetectorContext, emit: Emit): void {
  const { p, s, words, keys } = unit;
  const dates = unit.figures.filter(f => f.kind === 'date');
  if (!dates.length) return;
  const PAT = ctx.lang.patterns;
  for (const t of ctx.sources.datedTitles()) {
    const at = indexOfSeq(keys, t.keys);
    if (at < 0) continue;
    const titleEnd = words[at + t.keys.length - 1].end;
    // `February 2021` is right for a source of February 23, 2021: a month is a coarser date.
    if (dates.some(d => d.value === t.doc.date || (d.value.length === 7 && t.doc.date!.startsWith(d.value)))) continue;
    const another = (d: Figure) => ctx.sources.datedTitles().some(o => o.doc !== t.doc && o.doc.date === d.value && isSubsequence(t.keys, o.keys));
    for (const d of dates) {
      const ds = d.start;
      const de = d.end;
      const [bs, be] = ds >= titleEnd ? [titleEnd, ds] : [de, words[at].start];
      const between = p.slice(bs, be);
      // `Released on February 24, 2021, the Roadmap …`: the issuing word before the date.
      const issuedBefore = ds < titleEnd && PAT.articleOnly.test(between) && PAT.issuedBefore.test(p.slice(Math.max(s, ds - 30), ds));
      if (unit.wordsIn(bs, be).length > 14 || !(PAT.issued.test(between) || issuedBefore) || isDateline(p, ds, de) || another(d)) continue;
      const { para, figure: dg } = ctx.sources.dateParagraph(t.doc);
      const date = ctx.lang.longDate(t.doc.date!);
      emit(
        {
          code: Codes.changedFigure, category: 'contradiction', kind: 'figure', severity: 'warning', start: ds, end: de, paragraphId: para.id,
          ...(dg ? { evidence: { start: dg.start, end: dg.end } } : {}),
          message: `"${d.text}" where the source, ${flat(t.doc.title.replace(/\\_/g, ' '))}, is dated ${dg ? `"${flat(dg.text)}"` : date} (${para.label}).`,
          details: { draft: d.text, source: dg?.text ?? date },
        },
        'document-date',
      );
    }
  }
}

/**
 * A count of a source's parts (`The Roadmap is built around five pillars`) in a sentence that
 * names the source by a word of its title: the number of its sections, when every source so
 * named has another number.
 */
function partCounts(unit: ClauseUnit, ctx: DetectorContext, emit: Emit): void {
  const counts = unit.figures.filter(f => f.kind === 'count' && f.unit && ctx.lang.nouns.parts.has(f.unit));
  if (!counts.length) return;
  const docs = [...new Set(unit.keys.filter(k => ctx.lang.quotes.documents.has(k)).flatMap(k => ctx.sources.documentsNamed(k)))].filter(d => d.sections.length > 1);
  if (!docs.length) return;
  for (const f of counts) {
    const n = Number(f.value);
    if (docs.some(d => d.sections.length === n)) continue;
    const d = docs[0];
    const first = d.paragraphs.find(x => x.id === d.sections[0].paragraphIds[0]);
    if (!first) continue;
    const titles = d.sections.map(x => x.title).join(', ');
    emit(
      {
        code: Codes.changedFigure, category: 'contradiction', kind: 'figure', severity: 'warning', start: f.start, end: f.end, paragraphId: first.id,
        message: `"${f.text}" where the source, ${flat(d.title)}, has ${d.sections.length} sections: ${flat(titles)} (${first.label}).`,
        details: { draft: f.text, source: `${d.sections.length} ${f.unit}s` },
      },
      'part-count',
    );
  }
}

/**
 * A dateline (`OTTAWA, February 23, 2022 —`) says when the draft itself was issued, not
 * when a source was: the date opens its line, after at most a place name, and a dash or
 * the end of the line follows.
 */
function isDateline(p: string, ds: number, de: number): boolean {
  const lineStart = p.lastIndexOf('\n', ds - 1) + 1;
  const before = p.slice(lineStart, ds);
  const after = p.slice(de, de + 4);
  return /^[\s>*_#-]*(?:\p{Lu}[\p{L}.'’ -]*,\s*)?$/u.test(before) && /^(?:\s*[—–-]|\s*\r?\n|\s*$)/.test(after);
}

/** True if every key of `short` occurs in `long`, in order. */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let j = 0;
  for (const k of long) if (j < short.length && k === short[j]) j++;
  return j === short.length;
}

function indexOfSeq(hay: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
