/**
 * `changed-actor`: a restatement changes who acted, or with whom (docs/rules/changed-actor.md):
 * a party swapped in a substitution or at the sentence's subject, a joint act narrowed to one
 * side (`only the Prime Minister`, `but not President Biden`) or one side's act credited to
 * both, a third country brought in as a partner, or other office holders. The findings of one
 * clause are merged into one by the pipeline (resolve.ts): one swap of parties is one finding.
 */
import { Codes } from '../../findings';
import type { LanguagePack } from '../../lang/pack';
import { clip, flat, replacing } from '../messages';
import type { PartyRules } from '../parties';
import type { ClauseUnit, Detector, FindingInput, Restatement } from '../types';
import { range } from '../units';

/** What every actor rule reads. */
interface Actors {
  readonly unit: ClauseUnit;
  readonly r: Restatement;
  readonly lang: LanguagePack;
  readonly P: PartyRules;
}

export const changedActor: Detector = {
  id: 'changed-actor',
  emits: [Codes.changedActor],
  unit: 'clause',
  run(unit, ctx, emit) {
    const r = unit.restatement;
    if (!r) return;
    const a: Actors = { unit, r, lang: ctx.lang, P: r.parties };
    const found: FindingInput[] = [];
    swappedInBlocks(a, found);
    swappedSubject(a, found);
    if (!found.length) creditedAloneMidSentence(a, found);
    oneSideOnly(a, found);
    excludedSide(a, found);
    thirdParty(a, found, () => ctx.sources.paragraphKeys(r.para));
    officeBlocks(a, found);
    if (!found.length) officeFrame(a, found);
    // `The two leaders reaffirmed U.S. commitment to …` where `President Biden reaffirmed the
    // United States' commitment to …`: whose commitment it is stays named; who voices it is not the change.
    const owned = ownerKept(a);
    const subjEnd = unit.words[r.dSubj.end - 1]?.end ?? -1;
    for (const f of found) if (!(owned && f.start < subjEnd && f.end <= subjEnd)) emit(f, 'actor');
  },
};

/** A party the source sentence does not name at all, or a complete swap of parties inside a substitution (`for the United States` where the source says `for Canada`). */
function swappedInBlocks({ unit, r, lang, P }: Actors, found: FindingInput[]): void {
  const { words, keys: draftKeys } = unit;
  const { src, al, blocks, base, label, srcParties: sentenceParties, sSubj, dSlice, sSlice } = r;
  const { parties, namedParties } = P;
  const K = lang.key;
  const sSubjParties = sSubj.parties;
  for (const b of blocks) {
    if (!b.a.length || !b.b.length) continue;
    const dp = parties(b.a.map(i => draftKeys[i]));
    if (!dp.size) continue;
    const edge = b.aBefore < 0 || b.aAfter < 0;
    const bWin = src.keys.slice(Math.max(0, b.b[0] - 2), b.b[b.b.length - 1] + 3);
    const sp = parties(b.b.map(i => src.keys[i]));
    // `the Canada-hosted Leaders’ Climate Summit` for `the US-hosted …`: the `Leaders’` of a
    // name nearby does not put Canada in the source's window when the source names one side.
    const winParties = namedParties(b.b.map(i => src.keys[i])).size ? namedParties(bWin) : parties(bWin);
    const foreign = [...dp].some(x => !sentenceParties.has(x)) && sp.size > 0;
    // The words just before the matched passage name its subject: `President Biden [reaffirmed the
    // goal for Canada …]` where the source has `the Prime Minister [reaffirmed the goal for Canada …]`.
    const subjectSlot = b.aBefore < 0 && b.aAfter === al.aFrom && b.b.length > 0 && b.b[b.b.length - 1] === al.bFrom - 1;
    // The draft's opening party is the source sentence's own subject (`The leaders discussed how
    // to address …` against `They also discussed … our approaches to China, including to address …`):
    // the window met another party of the source, not a changed subject.
    const ownSubject = sSubjParties.size > 0 && dp.size === sSubjParties.size && [...dp].every(x => sSubjParties.has(x));
    const swapped = (!edge || (subjectSlot && !ownSubject)) && sp.size > 0 && ![...dp].some(x => winParties.has(x));
    if (!foreign && !swapped) continue;
    const aw = b.a.filter(i => parties([draftKeys[i], draftKeys[i + 1] ?? '']).size || draftKeys[i] === K.minister);
    const from = aw.length ? aw[0] : b.a[0];
    const to = aw.length ? aw[aw.length - 1] : b.a[b.a.length - 1];
    found.push({ code: Codes.changedActor, kind: 'actor', start: words[from].start, end: words[to].end, ...base, message: `"${flat(dSlice(b.a))}" where the source says "${flat(sSlice(b.b))}" (${label}).`, details: replacing(dSlice(b.a), sSlice(b.b)) });
  }
}

/** True if the draft names the source subject's party as the owner of the commitment (`U.S. commitment`, `the United States' commitment`). */
function ownerKept({ unit, r, lang, P }: Actors): boolean {
  const { keys, words } = unit;
  const who = r.sSubj.parties;
  if (!who.size) return false;
  for (let i = r.dSubj.start; i < keys.length; i++) {
    if (!(keys[i] in P.table.actors)) continue;
    if (![...P.namedParties([keys[i], keys[i + 1] ?? ''])].some(x => who.has(x))) continue;
    const next = words.slice(i + 1, i + 3).find(w => !lang.isStopKey(w.key) && !(w.key in P.table.actors));
    if (next?.text === lang.strength.commitmentNoun) return true;
  }
  return false;
}

/**
 * The subject swapped (`Prime Minister Trudeau committed to work for their release` where
 * `President Biden condemned … and committed to work for their release`): the parties that
 * open the draft and the source sentence are disjoint, and the draft does not name the
 * source's subject at all, or names it where the source named the draft's (`with Canada`).
 */
function swappedSubject({ unit, r, lang, P }: Actors, found: FindingInput[]): void {
  const { p, words, keys: draftKeys, texts: dTexts } = unit;
  const { src, al, base, label, sTexts, para, sSubj, dSubj } = r;
  const { namedParties, coActorIn } = P;
  const K = lang.key;
  // The source's subject word for word later in the draft (`Mexico was not forgotten: the
  // leaders agreed …`): the opening party belongs to a lead-in, not to the commitment.
  const subjectKept = sSubj.parties.size > 0 && range(sSubj.start, sSubj.end).every(j => lang.isStopKey(src.keys[j]) || al.ops.some(o => o.t === 'eq' && o.b === j && o.a >= dSubj.end));
  if (!subjectKept && dSubj.parties.size && sSubj.parties.size && ![...dSubj.parties].some(x => sSubj.parties.has(x))) {
    const restD = namedParties(draftKeys.slice(dSubj.end));
    const restS = namedParties(src.keys.slice(sSubj.end));
    const named = [...sSubj.parties].some(x => restD.has(x));
    // The source names the draft's subject later on (`welcomed the Prime Minister's aim`):
    // only a complete swap, the other side as partner in both, is a change (`President
    // Biden committed to partnering with Canada` for `The Prime Minister … with the United States`).
    const mirrored = [...dSubj.parties].some(x => restS.has(x));
    // Named as partner (`with Canada`, `and the United States`) or as owner (`the President's aim`).
    const partner = (keys: readonly string[], texts: readonly string[], from: number, who: Set<string>) => {
      for (let i = from; i < keys.length; i++) {
        if (!(keys[i] in P.table.actors || keys[i] === K.prime) || ![...namedParties([keys[i], keys[i + 1] ?? ''])].some(x => who.has(x))) continue;
        const last = keys[i] === K.prime ? i + 1 : i;
        return lang.parties.partnerLinks.has(keys[i - 1] ?? '') || (lang.parties.partnerLinks.has(keys[i - 2] ?? '') && keys[i - 1] === K.the) || lang.morphology.possessiveS.test(texts[last] ?? '');
      }
      return false;
    };
    const swapped = named && partner(draftKeys, dTexts, dSubj.end, sSubj.parties) && partner(src.keys, sTexts, sSubj.end, dSubj.parties);
    if (mirrored ? swapped : !named) {
      const endW = words[dSubj.end - 1];
      const srcSubj = para.text.slice(src.words[0].start, src.words[sSubj.end - 1].end);
      found.push({ code: Codes.changedActor, kind: 'actor', start: words[dSubj.start].start, end: endW.end, ...base, message: `"${flat(p.slice(words[dSubj.start].start, endW.end))}" where the source says "${flat(srcSubj)}" (${label}).`, details: replacing(p.slice(words[dSubj.start].start, endW.end), srcSubj) });
    }
  } else if (dSubj.parties.size > 1 && sSubj.parties.size === 1 && !namedParties(draftKeys.slice(dSubj.start, dSubj.end)).size) {
    // Both credited with one side's act (`Both leaders acknowledged Canada’s plan` where `The
    // President … acknowledging Canada’s plan`): the source names no group and the other side
    // only as an owner or object, never as a co-actor.
    const other = [...dSubj.parties].filter(x => !sSubj.parties.has(x));
    const coActor = src.keys.some(k => P.table.groups.has(k)) || coActorIn(src.keys, sTexts, sSubj.end, src.keys.length, other);
    if (!coActor) {
      const endW = words[dSubj.end - 1];
      const srcSubj = para.text.slice(src.words[sSubj.start].start, src.words[sSubj.end - 1].end);
      found.push({ code: Codes.changedActor, kind: 'actor', start: words[dSubj.start].start, end: endW.end, ...base, message: `"${flat(p.slice(words[dSubj.start].start, endW.end))}" where the source credits "${flat(srcSubj)}" alone (${label}).`, details: replacing(p.slice(words[dSubj.start].start, endW.end), srcSubj) });
    }
  }
}

/**
 * The same, where the source's subject opens a clause mid-sentence (`To advance this work, the
 * President affirmed the goal for the United States … and the Prime Minister reaffirmed …`):
 * the words just before the matched passage on each side, and the other side absent from it.
 */
function creditedAloneMidSentence({ unit, r, lang, P }: Actors, found: FindingInput[]): void {
  const { p, words, keys: draftKeys } = unit;
  const { src, al, base, label, sTexts, para, sSlice } = r;
  const { parties, namedParties, namesParty, afterPreposition, coActorIn } = P;
  const K = lang.key;
  if (al.aFrom > 0 && al.bFrom > 0 && al.aTo >= al.aFrom) {
    const la = range(Math.max(0, al.aFrom - 4), al.aFrom);
    const lb = range(Math.max(0, al.bFrom - 4), al.bFrom);
    const dLeft = la.map(i => draftKeys[i]);
    // Wide enough to hold a whole subject (`The Prime Minister and the President`, `Canada and the United States`).
    const sWide = src.keys.slice(Math.max(0, al.bFrom - 8), al.bFrom);
    const sNamed = namedParties(sWide);
    const dAll = parties(dLeft);
    // The source's party there is a subject, not an object (`our approaches to China`).
    const subjectThere = lb.some(i => namesParty(src.keys, i) && !afterPreposition(src.keys, i));
    if (subjectThere && dAll.size > 1 && !namedParties(dLeft).size && dLeft.some(k => P.table.groups.has(k)) && sNamed.size === 1 && !sWide.some(k => P.table.groups.has(k)) && namedParties(lb.map(i => src.keys[i])).size === 1) {
      const other = [...dAll].filter(x => !sNamed.has(x));
      const coActor = coActorIn(src.keys, sTexts, al.bFrom, al.bTo + 1, other);
      const di = la.filter(i => P.table.groups.has(draftKeys[i]) || draftKeys[i] in P.table.actors);
      if (!coActor && di.length) {
        const sParty = lb.filter(i => namedParties([src.keys[i], src.keys[i + 1] ?? '']).size || src.keys[i] === K.minister);
        const srcSubj = sParty.length ? para.text.slice(src.words[sParty[0]].start, src.words[sParty[sParty.length - 1]].end) : sSlice(lb);
        found.push({ code: Codes.changedActor, kind: 'actor', start: words[di[0]].start, end: words[di[di.length - 1]].end, ...base, message: `"${flat(p.slice(words[di[0]].start, words[di[di.length - 1]].end))}" where the source credits "${flat(srcSubj)}" alone (${label}).`, details: replacing(p.slice(words[di[0]].start, words[di[di.length - 1]].end), srcSubj) });
      }
    }
  }
}

/** `only the Prime Minister`, `the Prime Minister alone`, where the source has both. */
function oneSideOnly({ unit, r, lang, P }: Actors, found: FindingInput[]): void {
  const { p, s, e, words, keys: draftKeys } = unit;
  const { src, al, base, label, srcText } = r;
  const { parties } = P;
  const K = lang.key;
  const only = lang.patterns.onlyOneSide.exec(p.slice(s, e));
  if (only) {
    const oi = words.findIndex(w => w.start >= s + only.index!);
    // `only the Prime Minister`, but `the Prime Minister alone` (the party before the word).
    const isAlone = lang.patterns.alone.test(only[0]);
    const after = isAlone ? words.slice(Math.max(0, oi - 3), oi).map(w => w.key) : words.slice(oi + 1, oi + 5).map(w => w.key);
    const dp = parties(after.slice(0, 3));
    // The first shared word after the named party (`committed`), not the party itself.
    const anchor = al.ops.find(o => o.t === 'eq' && o.a > oi && !lang.isStopKey(draftKeys[o.a]) && !(draftKeys[o.a] in P.table.actors) && draftKeys[o.a] !== K.minister);
    const sp = parties(anchor ? src.keys.slice(Math.max(0, anchor.b - 7), anchor.b) : src.keys.slice(0, 8));
    if (dp.size === 1 && sp.size >= 2) {
      const startW = isAlone ? words[Math.max(0, oi - 3)] : words[oi];
      const endW = isAlone ? words[oi] : words[Math.min(words.length - 1, oi + 3)];
      found.push({ code: Codes.changedActor, kind: 'actor', start: startW.start, end: endW.end, ...base, message: `The draft attributes this to one side only ("${flat(p.slice(startW.start, endW.end))}"), but the source attributes it to both: "${clip(srcText)}" (${label}).` });
    }
  }
}

/** `Prime Minister Trudeau, but not President Biden, agreed …` where the source has both. */
function excludedSide({ unit, r, lang, P }: Actors, found: FindingInput[]): void {
  const { p, s, e, words } = unit;
  const { base, label, srcText, srcParties: sentenceParties } = r;
  const { parties } = P;
  const K = lang.key;
  const excluded = lang.patterns.excluded.exec(p.slice(s, e));
  if (excluded && sentenceParties.size >= 2) {
    const xi = words.findIndex(w => w.start >= s + excluded.index! + excluded[0].length);
    const named = words.slice(xi, xi + 3);
    const np = parties(named.map(w => w.key));
    const subject = parties(words.slice(0, Math.max(0, xi - 1)).map(w => w.key));
    if (xi >= 0 && np.size === 1 && [...np].every(x => sentenceParties.has(x)) && subject.size >= 1 && ![...subject].some(x => np.has(x))) {
      const end = named.filter(w => parties([w.key, K.minister]).size || w.key === K.minister).pop() ?? named[named.length - 1];
      found.push({ code: Codes.changedActor, kind: 'actor', start: s + excluded.index! + excluded[0].search(/\S/), end: end.end, ...base, message: `The draft excludes "${flat(p.slice(named[0].start, end.end))}", but the source attributes it to both: "${clip(srcText)}" (${label}).` });
    }
  }
}

/** A third country brought in as a partner (`work with Mexico to protect …`) that the source passage does not mention at all. */
function thirdParty({ unit, r, lang, P }: Actors, found: FindingInput[], paragraphKeys: () => ReadonlySet<string>): void {
  const { p, words, keys: draftKeys } = unit;
  const { src, blocks, base, label, srcText } = r;
  const { parties } = P;
  for (const b of blocks) {
    if (!b.a.length || parties(b.b.map(i => src.keys[i])).size) continue;
    const third = b.a.find(i => parties([draftKeys[i]]).size === 1 && ![...parties([draftKeys[i]])].some(x => P.table.homeSides.includes(x)));
    if (third === undefined) continue;
    const party = [...parties([draftKeys[third]])][0];
    if ([...paragraphKeys()].some(k => (P.table.actors[k] ?? []).includes(party))) continue;
    const link = draftKeys[third - 1];
    if (!lang.parties.thirdPartyLinks.has(link ?? '')) continue;
    found.push({ code: Codes.changedActor, kind: 'actor', start: words[third - 1].start, end: words[third].end, ...base, message: `"${flat(p.slice(words[third - 1].start, words[third].end))}" brings in a party the source does not name: "${clip(srcText)}" (${label}).` });
  }

}

/** An office word at `keys[i]` (`Prime Minister` is a party, not an office). */
function office(lang: LanguagePack, keys: readonly string[], i: number): boolean {
  return lang.parties.offices.has(keys[i] ?? '') && keys[i - 1] !== lang.key.prime;
}

/**
 * The office holders changed (`their national security advisers` for `their Ministers of
 * Foreign Affairs and National Defence and Secretaries of State and Defense`): an interior
 * substitution next to an office word, whose words the source sentence does not have at all.
 */
function officeBlocks({ unit, r, lang }: Actors, found: FindingInput[]): void {
  const { words, keys: draftKeys } = unit;
  const { src, al, blocks, base, label, dSlice, sSlice } = r;
  // The office inside the change, or just before it (`Ministers of [Finance]`), not `officials to [establish]`.
  const nearOffice = (keys: readonly string[], idx: readonly number[], before: number) => idx.some(i => office(lang, keys, i)) || office(lang, keys, before) || (keys[before] === lang.key.of && office(lang, keys, before - 1));
  for (const b of blocks) {
    if (!b.a.length || !b.b.length || (b.aBefore < 0 && b.aAfter < 0)) continue;
    const bBefore = al.ops.find(o => o.t === 'eq' && o.a === b.aBefore)?.b ?? -1;
    if (!nearOffice(draftKeys, b.a, b.aBefore) || !nearOffice(src.keys, b.b, bBefore)) continue;
    const dContent = b.a.map(i => draftKeys[i]).filter(k => !lang.isStopKey(k) && !lang.parties.offices.has(k));
    const sContent = b.b.map(i => src.keys[i]).filter(k => !lang.isStopKey(k) && !lang.parties.offices.has(k));
    // Another office (`advisers` for `Ministers … and Secretaries`), or the same office of
    // other departments (`Ministers of Finance` for `Ministers of Foreign Affairs`).
    const otherOffice = b.a.some(i => office(lang, draftKeys, i) && !src.keys.includes(draftKeys[i])) && b.b.some(i => office(lang, src.keys, i));
    const otherDepartments = dContent.length > 0 && sContent.length > 0 && !dContent.some(k => src.keys.includes(k)) && !sContent.some(k => draftKeys.includes(k));
    if (!otherOffice && !otherDepartments) continue;
    found.push({ code: Codes.changedActor, kind: 'actor', start: words[b.a[0]].start, end: words[b.a[b.a.length - 1]].end, ...base, message: `"${flat(dSlice(b.a))}" where the source says "${flat(sSlice(b.b))}" (${label}).`, details: replacing(dSlice(b.a), sSlice(b.b)) });
  }

}

/**
 * Office holders of other departments in the same frame (`directed their trade ministers to
 * meet` for `directed their Ministers of Foreign Affairs … and Secretaries of State and Defense
 * to meet`), even where the alignment skips the source's long list.
 */
function officeFrame({ unit, r, lang, P }: Actors, found: FindingInput[]): void {
  const { p, words, keys: draftKeys, texts: dTexts } = unit;
  const { src, base, label, sTexts } = r;
  const { officePhrase } = P;
  if (!found.length) {
    for (let i = 0; i < draftKeys.length && !found.length; i++) {
      if (!office(lang, draftKeys, i)) continue;
      const d = officePhrase(draftKeys, dTexts, i);
      const dMod = d.mods.filter(k => !lang.parties.offices.has(k));
      if (!dMod.length || dMod.some(k => src.keys.includes(k))) continue;
      for (let j = 0; j < src.keys.length; j++) {
        if (!office(lang, src.keys, j)) continue;
        const sp = officePhrase(src.keys, sTexts, j);
        const sMod = sp.mods.filter(k => !lang.parties.offices.has(k));
        if (!sMod.length || sMod.some(k => draftKeys.includes(k))) continue;
        if (draftKeys[d.from - 1] !== src.keys[sp.from - 1] || draftKeys[d.to + 1] !== src.keys[sp.to + 1] || draftKeys[d.to + 1] === undefined) continue;
        found.push({ code: Codes.changedActor, kind: 'actor', start: words[d.from].start, end: words[d.to].end, ...base, message: `"${flat(p.slice(words[d.from].start, words[d.to].end))}" where the source says "${flat(src.paragraph.text.slice(src.words[sp.from].start, src.words[sp.to].end))}" (${label}).`, details: replacing(p.slice(words[d.from].start, words[d.to].end), src.paragraph.text.slice(src.words[sp.from].start, src.words[sp.to].end)) });
        break;
      }
    }
  }

}
