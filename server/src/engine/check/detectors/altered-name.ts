/**
 * `altered-name`: an official name of the sources altered in the draft (`Cross-Forum on
 * Border Crime` for `Cross-Border Crime Forum`, `Critical Minerals Strategy` for `Critical
 * Minerals Action Plan`), or an acronym put in place of a different official name
 * (`modernizing NATO` for `modernizing the North American Aerospace Defense Command`)
 * (docs/rules/altered-name.md).
 */
import { align, blocksOf } from '../../align';
import type { NamePhrase } from '../../names/table';
import { Codes } from '../../findings';
import { normalizeText } from '../../normalize';
import type { Paragraph } from '../../types';
import { flat } from '../messages';
import type { ClauseUnit, Detector, DetectorContext, Emit } from '../types';

export const alteredName: Detector = {
  id: 'altered-name',
  emits: [Codes.alteredName],
  unit: 'clause',
  run(unit, ctx, emit) {
    alteredNames(unit, ctx, emit);
    acronyms(unit, emit);
  },
};

/** Capitalised phrases of the clause checked against the official names of the sources. */
function alteredNames(unit: ClauseUnit, ctx: DetectorContext, emit: Emit): void {
  const { p, matches } = unit;
  const lang = ctx.lang;
  const names = ctx.sources.names;
  const isStopKey = lang.isStopKey;
  const ACTOR_ONLY_NAME = lang.parties.actorOnlyName;
  const phrases = [...unit.names];
  if (!phrases.length) return;
  const context: { name: NamePhrase; para: Paragraph }[] = [];
  for (const m of matches) for (const n of names.inSentence(m.sentence)) context.push({ name: n, para: m.sentence.paragraph });
  for (let pi = 0; pi < phrases.length; pi++) {
    const ph = phrases[pi];
    const key = ph.keys.join(' ');
    if (names.isOfficial(key)) continue;
    const inner = officialNameInside(ctx, ph.keys);
    if (inner) {
      // The official name is right; what is left on either side is checked on its own
      // (`the Plan for Avian … Influenza and the Global Health Security Agenda`).
      const ws = unit.wordsIn(ph.start, ph.end);
      for (const [a, b] of [[0, inner[0]], [inner[1], ws.length]]) {
        let from = a;
        let to = b;
        while (from < to && isStopKey(ws[from].key)) from++;
        while (to > from && isStopKey(ws[to - 1].key)) to--;
        if (ws.slice(from, to).filter(w => !isStopKey(w.key) && /^[A-Z]/.test(p[w.start])).length < 2) continue;
        phrases.push({ text: p.slice(ws[from].start, ws[to - 1].end), keys: ws.slice(from, to).map(w => w.key), start: ws[from].start, end: ws[to - 1].end });
      }
      continue;
    }
    if (ph.keys.every(k => ACTOR_ONLY_NAME.has(k))) continue;
    const dContent = new Set(ph.keys.filter(k => !isStopKey(k)));
    const candidates: { name: NamePhrase; para?: Paragraph; global?: boolean }[] = [...context];
    const near = new Set<NamePhrase>();
    for (const k of dContent) for (const n of names.containing(k)) near.add(n);
    for (const n of near) {
      const shared = n.keys.filter(k => !isStopKey(k) && dContent.has(k)).length;
      if (shared >= 2 && shared * 2 >= n.keys.filter(k => !isStopKey(k)).length) candidates.push({ name: n, global: true });
    }
    // A name still being typed at the end of its paragraph ("a High Level Cli") is not an
    // alteration: it is the start of the official name, and completion offers the rest.
    const unfinished = p.slice(ph.end).trim() === '';
    for (const c of candidates) {
      const n = c.name;
      if (n.keys.every(k => ACTOR_ONLY_NAME.has(k))) continue;
      if (unfinished && isUnfinishedName(ph.text, n.text)) continue;
      const nContent = n.keys.filter(k => !isStopKey(k));
      const shared = nContent.filter(k => dContent.has(k)).length;
      if (!shared) continue;
      // The same words in another order (compared as lists: `Defense` twice in the name must be
      // twice in the draft, and a party named before the name is an extra word).
      const sorted = (ks: readonly string[]) => [...ks].sort().join(' ');
      const sameSet = sorted(nContent) === sorted(ph.keys.filter(k => !isStopKey(k))) && n.keys.join(' ') !== key;
      const al = align(n.keys, ph.keys, { global: true });
      // `Central American countries` for `Central America`: the people's adjective of the same place.
      const demonym = (a: string, b: string) => a !== b && (b.startsWith(a) || a.startsWith(b)) && lang.morphology.demonymEnding.test(b.length > a.length ? b.slice(a.length) : a.slice(b.length));
      const subs = blocksOf(al).filter(b => b.a.length && b.b.length && b.a.some(i => !isStopKey(n.keys[i])) && b.b.some(i => !isStopKey(ph.keys[i])) && !(b.a.length === 1 && b.b.length === 1 && demonym(n.keys[b.a[0]], ph.keys[b.b[0]])));
      // Words dropped from the name and others added elsewhere, with no one-for-one swap
      // (`U.S.-Canada Opioid Strategy` for `U.S.-Canada Action Plan on Opioids`).
      const reworded = !subs.length && !c.global && shared >= 2 && nContent.some(k => !dContent.has(k)) && [...dContent].some(k => !nContent.includes(k) && !(k in lang.parties.actors));
      if (!sameSet && ((!subs.length && !reworded) || al.matches * (c.global ? 5 : 2) < n.keys.length * (c.global ? 3 : 1))) continue;
      const para = c.para ?? names.paragraphOf(n);
      const changed = subs.length ? subs[0].b : ph.keys.map((_, i) => i);
      const words = unit.wordsIn(ph.start, ph.end);
      const start = words[changed[0]]?.start ?? ph.start;
      const end = words[changed[changed.length - 1]]?.end ?? ph.end;
      emit({
        code: Codes.alteredName,
        kind: 'name',
        start: sameSet ? ph.start : start,
        end: sameSet ? ph.end : end,
        paragraphId: para?.id ?? '',
        message: `"${flat(ph.text)}" alters the official name "${flat(n.text)}"${para ? ` (${para.label})` : ''}.`,
        details: { draft: ph.text, source: n.text },
      }, 'name');
      break;
    }
  }
}

/**
 * Where an official name of two or more content words sits whole inside the phrase
 * (`WHO and the Pan American Health Organization`, a bullet's `Strengthen the U.S.-Canada
 * Action Plan on Opioids`): the extra words are context, not an alteration.
 */
function officialNameInside(ctx: DetectorContext, keys: readonly string[]): [number, number] | undefined {
  for (let i = 0; i < keys.length; i++) {
    for (let j = keys.length; j > i + 1; j--) {
      if (j - i === keys.length) continue;
      const sub = keys.slice(i, j);
      // A name known only from inside a source list (`the U.S. Department of Energy and the
      // Department of Natural Resources Canada`) does not vouch for the draft's rest of the list.
      const key = sub.join(' ');
      if (sub.filter(k => !ctx.lang.isStopKey(k)).length >= 2 && ctx.sources.names.isOfficial(key) && !ctx.sources.names.isPart(key)) return [i, j];
    }
  }
  return undefined;
}

/** True if `draft` is a strict prefix of `official`, word by word, the last word possibly half typed. */
function isUnfinishedName(draft: string, official: string): boolean {
  const d = normalizeText(draft).text;
  const o = normalizeText(official).text;
  return d.length < o.length && o.startsWith(d) && /[\p{L}\p{N}]$/u.test(d);
}

/**
 * An acronym put in place of a different official name (`modernizing NATO` for
 * `modernizing the North American Aerospace Defense Command (NORAD)`).
 */
function acronyms(unit: ClauseUnit, emit: Emit): void {
  const r = unit.restatement;
  if (!r) return;
  const { p, words } = unit;
  const { src, para, srcText, base, label } = r;
  for (const b of r.blocks) {
    if (!b.a.length || !b.b.length || b.aBefore < 0) continue;
    const acr = b.a.find(i => /^\p{Lu}[\p{Lu}\d]{2,}$/u.test(p.slice(words[i].start, words[i].end)));
    if (acr === undefined) continue;
    const dAcr = p.slice(words[acr].start, words[acr].end);
    const sText = r.sSlice(b.b);
    const sCaps = b.b.map(i => para.text.slice(src.words[i].start, src.words[i].end)).filter(w => /^\p{Lu}/u.test(w));
    if (sCaps.length < 2 || srcText.includes(dAcr) || sCaps.map(w => w[0]).join('') === dAcr) continue;
    emit({ code: Codes.alteredName, kind: 'name', start: words[acr].start, end: words[acr].end, ...base, message: `"${dAcr}" where the source names "${flat(sText)}" (${label}).`, details: { draft: dAcr, source: sText } }, 'acronym');
  }
}
