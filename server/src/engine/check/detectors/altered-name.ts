/**
 * `altered-name`: an official name of the sources altered in the draft (`Cross-Forum on
 * Border Crime` for `Cross-Border Crime Forum`, `Critical Minerals Strategy` for `Critical
 * Minerals Action Plan`), or an acronym put in place of a different official name
 * (`modernizing NATO` for `modernizing the North American Aerospace Defense Command`)
 * (docs/rules/altered-name.md).
 */
import { generalTable } from '../../parties/table';
import { compareNames, type NameChange, type NameLexicon, type NameWord } from '../../names/compare';
import type { NamePhrase } from '../../names/table';
import type { LanguagePack } from '../../lang/pack';
import { wordsOf, type Word } from '../../text/words';
import { Codes } from '../../findings';
import { normalizeText } from '../../normalize';
import type { Paragraph } from '../../types';
import { flat } from '../messages';
import type { ClauseUnit, Detector, DetectorContext, Emit } from '../types';

export const alteredName: Detector = {
  id: 'altered-name',
  emits: [Codes.alteredName, Codes.opposite],
  unit: 'clause',
  run(unit, ctx, emit) {
    alteredNames(unit, ctx, emit);
    acronyms(unit, ctx, emit);
  },
};

/** Capitalised phrases of the clause checked against the official names of the sources. */
function alteredNames(unit: ClauseUnit, ctx: DetectorContext, emit: Emit): void {
  const { p, matches } = unit;
  const lang = ctx.lang;
  const names = ctx.sources.names;
  const isStopKey = lang.isStopKey;
  const phrases = [...unit.names];
  if (!phrases.length) return;
  // The names of the source sentences this clause restates: compared as restated when the
  // clause as a whole is mostly the source sentence's words.
  const restated = unit.restatement && unit.restatement.top.coverage >= RESTATING;
  const context: { name: NamePhrase; para: Paragraph; restating: boolean }[] = [];
  for (const m of matches) for (const n of names.inSentence(m.sentence)) context.push({ name: n, para: m.sentence.paragraph, restating: !!restated && m === matches[0] });
  const lex = nameLexicon(lang);
  for (let pi = 0; pi < phrases.length; pi++) {
    const ph = phrases[pi];
    const key = ph.keys.join(' ');
    if (names.isOfficial(key) || isTitle(ph, lang) || isShouted(ph.text)) continue;
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
    if (ph.keys.every(k => lang.parties.actorOnlyName.has(k))) continue;
    const words = unit.wordsIn(ph.start, ph.end);
    // Candidates: the names of the restated sentences first, then any name sharing a distinctive word.
    const candidates: { name: NamePhrase; para?: Paragraph; restating: boolean }[] = [...context];
    const seen = new Set(context.map(c => c.name));
    for (const k of new Set(ph.keys)) {
      if (isStopKey(k) || lex.isParty(k) || lex.genericClass(k)) continue;
      for (const n of names.containing(k)) {
        if (seen.has(n)) continue;
        seen.add(n);
        candidates.push({ name: n, restating: false });
      }
    }
    // A name still being typed at the end of its paragraph ("a High Level Cli") is not an
    // alteration: it is the start of the official name, and completion offers the rest.
    const unfinished = p.slice(ph.end).trim() === '';
    // The draft's phrase, and the names it lists if it lists several (`Michael Spavor and Michael
    // Kovrig`); each compared with the official names and the names they list.
    const items = [ph, ...listItems(p, words, lang, true)];
    let found: { c: (typeof candidates)[number]; item: NamePhrase; how: NameChange; changed: readonly number[] } | undefined;
    const sameFor = new Set<NamePhrase>();
    for (const item of items) {
      const itemWords = item === ph ? words : unit.wordsIn(item.start, item.end);
      const draftName = nameWords(p, itemWords);
      for (const c of candidates) {
        const n = c.name;
        if (n.keys.every(k => lang.parties.actorOnlyName.has(k)) || isTitle(n, lang)) continue;
        if (unfinished && isUnfinishedName(item.text, n.text)) continue;
        const officials = officialItems(n, lang);
        for (const [oi, official] of officials.entries()) {
          const rel = compareNames(draftName, official, lex, c.restating);
          // One name of an official list vouches only for a draft phrase that is that name, not for a
          // longer phrase around it (`… Plan for Avian and Pandemic Influenza` is not `Pandemic Influenza`).
          if (rel.kind === 'same' && distinctiveCount(draftName, lex) <= distinctiveCount(official, lex)) sameFor.add(item);
          // A list of names is no name to alter as a whole: its names are.
          else if (rel.kind === 'altered' && !found && (oi > 0 || officials.length === 1)) found = { c, item, how: rel.how, changed: rel.changed.map(i => words.findIndex(w => w.start === itemWords[i].start)).filter(i => i >= 0) };
        }
        if (sameFor.has(item)) break;
      }
    }
    // The phrase lists the names of an official list, each written another way or one put in the
    // place of another (`the U.S. Department of Energy and Environment and Climate Change Canada`
    // for `… and the Department of Natural Resources Canada`, in a restatement).
    const list = listMatch(unit, listItems(p, words, lang, false), candidates, lex, lang);
    // The phrase is an official name written another way, or each name it lists is.
    const same = sameFor.has(ph) || (items.length > 1 && items.slice(1).every(x => sameFor.has(x))) || list?.odd === undefined && list !== undefined;
    if (!same && list?.odd && list.c.restating) {
      const odd = list.odd;
      found = { c: list.c, item: odd, how: 'swapped', changed: words.map((w, i) => (w.start >= odd.start && w.end <= odd.end ? i : -1)).filter(i => i >= 0) };
    }
    if (same || !found || sameFor.has(found.item)) continue;
    const c = found.c;
    if (namedRightBeside(unit, ph, officialItems(c.name, lang)[0], lex, c.restating)) continue;
    emitAltered(unit.p, words, ph, { ...found, para: c.para ?? names.paragraphOf(c.name) }, lang, emit);
  }
}

/** The finding for a phrase (its `words`) that alters an official name (or, turned round, reverses a route). */
function emitAltered(p: string, words: readonly Word[], ph: NamePhrase, found: { c: { name: NamePhrase }; how: NameChange; changed: readonly number[]; para: Paragraph | undefined }, lang: LanguagePack, emit: Emit): void {
  const { c, how, changed, para } = found;
  const whole = how === 'order' || !changed.length;
  const start = whole ? ph.start : words[Math.min(...changed)].start;
  const end = whole ? ph.end : words[Math.max(...changed)].end;
  const cite = para ? ` (${para.label})` : '';
  // `from Guam to Okinawa` for `from Okinawa to Guam`: a route turned round reverses the move; it is no name.
  if (how === 'order' && reversedRoute(ph.text, c.name.text, lang)) {
    emit({ code: Codes.opposite, kind: 'opposite', start, end, paragraphId: para?.id ?? '', message: `"${flat(ph.text)}" reverses the source's "${flat(c.name.text)}"${cite}.`, details: { draft: ph.text, source: c.name.text } }, 'name');
    return;
  }
  const message =
    how === 'misspelled'
      ? `"${flat(p.slice(start, end))}" misspells the official name "${flat(c.name.text)}"${cite}.`
      : `"${flat(ph.text)}" alters the official name "${flat(c.name.text)}"${cite}.`;
  emit({ code: Codes.alteredName, kind: 'name', start, end, paragraphId: para?.id ?? '', message, details: { draft: ph.text, source: c.name.text, change: how } }, 'name');
}

/** True if `draft` is `official`'s two places joined by `to` (`Okinawa to Guam`), the other way round. */
function reversedRoute(draft: string, official: string, lang: LanguagePack): boolean {
  const parts = (t: string) => t.split(new RegExp(`\\s+${lang.word.to}\\s+`, 'u'));
  const [a, b] = [parts(draft), parts(official)];
  return a.length === 2 && b.length === 2 && a[0] === b[1] && a[1] === b[0];
}

/**
 * `how the Arctic Dialogue would relate to the Arctic Council`: the official name is in the same
 * clause, written right; the other phrase names another body.
 */
function namedRightBeside(unit: ClauseUnit, ph: NamePhrase, official: NameWord[], lex: NameLexicon, restating: boolean): boolean {
  const apart = (o: NamePhrase) => o.end <= ph.start || o.start >= ph.end;
  return unit.names.some(o => apart(o) && compareNames(nameWords(unit.p, unit.wordsIn(o.start, o.end)), official, lex, restating).kind === 'same');
}

/**
 * The official list (a candidate name listing as many names as the draft's phrase) whose names
 * the draft's names all are, written another way, but at most one: that one (`odd`) was put in
 * the place of another. Undefined when no official list fits.
 */
function listMatch(
  unit: ClauseUnit,
  items: readonly NamePhrase[],
  candidates: readonly { name: NamePhrase; para?: Paragraph; restating: boolean }[],
  lex: NameLexicon,
  lang: LanguagePack,
): { c: (typeof candidates)[number]; odd: NamePhrase | undefined } | undefined {
  if (items.length < 2) return undefined;
  let best: { c: (typeof candidates)[number]; odd: NamePhrase | undefined } | undefined;
  for (const c of candidates) {
    const parts = officialItems(c.name, lang).slice(1);
    if (parts.length !== items.length) continue;
    const same = items.map((x, i) => compareNames(nameWords(unit.p, unit.wordsIn(x.start, x.end)), parts[i], lex, c.restating).kind === 'same');
    const n = same.filter(Boolean).length;
    if (n === items.length) return { c, odd: undefined };
    if (n === items.length - 1 && !best) best = { c, odd: items[same.indexOf(false)] };
  }
  return best;
}

/** A clause this much covered by a source sentence restates it, and the names in that sentence are compared as restated. */
const RESTATING = 0.55;

/**
 * The names a capitalised phrase lists: the parts `and the` joins (`the Global Health Security
 * Agenda and the Global Partnership …`) or, not `strict`, any `and` (`the U.S. Department of
 * Energy and Environment and Climate Change Canada`), when each part has two capitalised words
 * or more. None when it lists nothing. (`and` alone also joins the words of one name: `Plan for
 * Animal and Pandemic Influenza`.)
 */
function listItems(text: string, words: readonly { readonly key: string; readonly start: number; readonly end: number }[], lang: LanguagePack, strict: boolean): NamePhrase[] {
  const caps = (from: number, to: number) => words.slice(from, to).filter(w => /^\p{Lu}/u.test(text.slice(w.start, w.end))).length;
  const cuts: [number, number][] = [];
  let from = 0;
  for (let i = 1; i < words.length - 1; i++) {
    if (text.slice(words[i].start, words[i].end).toLowerCase() !== lang.word.and) continue;
    if (strict && text.slice(words[i + 1].start, words[i + 1].end).toLowerCase() !== lang.word.the) continue;
    let next = i + 1;
    while (next < words.length && lang.isStopKey(words[next].key)) next++;
    if (caps(from, i) < 2 || caps(next, words.length) < 2) continue;
    cuts.push([from, i]);
    from = next;
  }
  if (!cuts.length) return [];
  cuts.push([from, words.length]);
  return cuts.filter(([a, b]) => b > a).map(([a, b]) => ({ text: text.slice(words[a].start, words[b - 1].end), keys: words.slice(a, b).map(w => w.key), start: words[a].start, end: words[b - 1].end }));
}

/** `Minister of Natural Resources`, `Secretary of State Blinken`: a title or office, not a name to alter. */
function isTitle(ph: NamePhrase, lang: LanguagePack): boolean {
  const first = ph.keys.find(k => !lang.isStopKey(k));
  return first !== undefined && lang.names.titles.has(first);
}

/** A heading in capitals (`BRIEFING NOTE FOR THE MINISTER`): shouted, not named. */
function isShouted(text: string): boolean {
  const words = text.split(/\s+/).filter(w => /\p{L}/u.test(w));
  return words.length >= 3 && words.every(w => w === w.toUpperCase());
}

const lexicons = new WeakMap<LanguagePack, NameLexicon>();
function nameLexicon(lang: LanguagePack): NameLexicon {
  let v = lexicons.get(lang);
  if (!v) {
    const actors = generalTable(lang).actors;
    v = {
      isConnector: k => lang.isStopKey(k) || lang.names.connectors.has(k),
      isParty: k => Object.prototype.hasOwnProperty.call(actors, k) || lang.names.peoples.has(k) || lang.names.groupings.has(k),
      genericClass: k => lang.names.generic.get(k),
    };
    lexicons.set(lang, v);
  }
  return v;
}

/** How many distinctive words a name has (not connectors, parties or generic words). */
function distinctiveCount(words: readonly NameWord[], lex: NameLexicon): number {
  return words.filter(w => !lex.isConnector(w.key) && !lex.isParty(w.key) && !lex.genericClass(w.key)).length;
}

/** The words of a name as the comparison reads them: key, text as written, hyphen to the next. */
function nameWords(text: string, words: readonly Word[]): NameWord[] {
  return words.map((w, i) => ({ key: w.key, text: text.slice(w.start, w.end), joinedNext: i + 1 < words.length && /^[-\u2010\u2011]$/.test(text.slice(w.end, words[i + 1].start)) }));
}

const officialCache = new WeakMap<NamePhrase, NameWord[][]>();
/** The words of an official name, as written and keyed; and of each name it lists, if it lists several. */
function officialItems(n: NamePhrase, lang: LanguagePack): NameWord[][] {
  let v = officialCache.get(n);
  if (!v) {
    const words = wordsOf(n.text, 0, n.text.length, lang);
    const asName = (ws: readonly Word[]) => nameWords(n.text, ws);
    v = [asName(words), ...listItems(n.text, words, lang, true).map(x => asName(words.filter(w => w.start >= x.start && w.end <= x.end)))];
    officialCache.set(n, v);
  }
  return v;
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
function acronyms(unit: ClauseUnit, ctx: DetectorContext, emit: Emit): void {
  const r = unit.restatement;
  if (!r) return;
  const { p, words } = unit;
  const { src, para, srcText, base, label } = r;
  for (const b of r.blocks) {
    if (!b.a.length || !b.b.length || b.aBefore < 0) continue;
    const acr = b.a.find(i => /^\p{Lu}[\p{Lu}\d]{2,}$/u.test(p.slice(words[i].start, words[i].end)));
    if (acr === undefined) continue;
    const dAcr = p.slice(words[acr].start, words[acr].end);
    // `OUTCOMES OF QUAD LEADERS' SUMMIT`: a word the source writes in lower case, shouted, is no acronym.
    const asWord = (flags: string) => new RegExp(`(?<![\\p{L}\\p{N}])${dAcr}(?![\\p{L}\\p{N}])`, flags).test(para.text);
    if ((asWord('iu') && !asWord('u')) || isShouted(p.slice(unit.s, unit.e))) continue;
    const sText = r.sSlice(b.b);
    const sCaps = b.b.map(i => para.text.slice(src.words[i].start, src.words[i].end)).filter(w => /^\p{Lu}/u.test(w));
    if (sCaps.length < 2 || srcText.includes(dAcr) || sCaps.map(w => w[0]).join('') === dAcr) continue;
    // The source names someone there in one phrase (not `North Korea, urging`), and the acronym
    // is not that body's own in another order (`CUSMA` for `USMCA`: the parties in another order).
    if (/[,;:.()]/.test(para.text.slice(src.words[b.b[0]].start, src.words[b.b[b.b.length - 1]].end))) continue;
    if (anagramOfAcronym(dAcr, srcText)) continue;
    emit({ code: Codes.alteredName, kind: 'name', start: words[acr].start, end: words[acr].end, ...base, message: `"${dAcr}" where the source names "${flat(sText)}" (${label}).`, details: { draft: dAcr, source: sText } }, 'acronym');
  }
}

/** True if the source sentence has an acronym of the same letters in another order (`USMCA` for a draft's `CUSMA`). */
function anagramOfAcronym(acronym: string, sourceText: string): boolean {
  const sorted = (s: string) => [...s].sort().join('');
  return [...sourceText.matchAll(/\b\p{Lu}{2,}\b/gu)].some(m => m[0] !== acronym && sorted(m[0]) === sorted(acronym));
}
