/**
 * Is a name in a draft the official name altered, another name, or the same name written
 * another acceptable way? The rules, each one a drafter could state:
 *  - Two names are the same thing when their distinctive words match ("Arctic" in
 *    "U.S.-Canada Arctic Dialogue"); a different distinctive word is a different name, not an
 *    alteration ("U.S.-Canada Indo-Pacific Strategic Dialogue"), unless the rest of a long name
 *    is kept ("Warsaw Summit Defense Investment Pledge" for "Wales Summit …").
 *  - An alteration keeps the distinctive words and changes a generic one ("Action Plan" →
 *    "Strategy"), their order, drops one from inside the name, adds one, or misspells one
 *    ("Koving" for "Kovrig").
 *  - The same name written another way is no alteration: the parties in another order
 *    ("Japan-U.S. Alliance"), the of-phrase turned round ("Leaders Summit on Climate" for
 *    "Leaders' Climate Summit"), its leading words left off ("the Climate Partnership"), a
 *    spelling variant ("Centres"), an acronym written out.
 * Without the restatement of the source sentence that has the name around it, only the
 * plainest alterations count: a misspelling, or a descriptor swapped in a name otherwise kept
 * ("Critical Minerals Strategy"), since a name of another body in another context is
 * more likely a different body ("World Health Assembly") than a slip.
 */

/** A word of a name: its comparison key and its text as written. */
export interface NameWord {
  readonly key: string;
  readonly text: string;
  /** Joined to the next word by a hyphen (`Cross-Border`): the two stay together in any form of the name. */
  readonly joinedNext?: boolean;
}

/** What the comparison needs to know about words (from the language pack). */
export interface NameLexicon {
  /** Function words and connectors (`of`, `the`, `on`). */
  isConnector(key: string): boolean;
  /** Words that name a party (`U.S.`, `Canada`, `Japan`): their order in a name does not matter. */
  isParty(key: string): boolean;
  /** Generic words of a name and their class: `descriptor` (Action, Plan, Strategy, Initiative) or `body` (Forum, Council, Organization). */
  genericClass(key: string): 'descriptor' | 'body' | undefined;
}

export type NameChange = 'generic' | 'dropped' | 'added' | 'order' | 'swapped' | 'misspelled';

export type NameRelation =
  | { readonly kind: 'same' }
  | { readonly kind: 'different' }
  /** `changed`: indexes into the draft's words of what changed (all of them for a reordering). */
  | { readonly kind: 'altered'; readonly how: NameChange; readonly changed: readonly number[] };

const SAME: NameRelation = { kind: 'same' };
const DIFFERENT: NameRelation = { kind: 'different' };

/**
 * Compares the draft's name with an official name. `restating`: the draft clause restates the
 * source sentence that has the official name (see the module comment).
 */
export function compareNames(draft: readonly NameWord[], official: readonly NameWord[], lex: NameLexicon, restating: boolean): NameRelation {
  const d = classify(draft, lex);
  const o = classify(official, lex);
  if (!o.distinctive.length) {
    // A name of parties and generic words (`U.S.-Japan Alliance`): the same in any order of the parties.
    const keys = (c: Classified, ws: readonly NameWord[]) => [...c.parties, ...c.generic, ...c.distinctive].map(i => ws[i].key);
    return o.parties.length && sameSet(keys(d, draft), keys(o, official)) ? SAME : DIFFERENT;
  }
  // A different party in the name is another name (`U.S.-India Climate Partnership`), for the actor checks to judge.
  if (!sameSet(d.parties.map(i => draft[i].key), o.parties.map(i => official[i].key)) && d.parties.length && o.parties.length) return DIFFERENT;
  // Distinctive words matched one to one, exactly or as a misspelling.
  const match = new Map<number, number>(); // official index -> draft index
  const misspelt: number[] = [];
  for (const oi of o.distinctive) {
    let hit = d.distinctive.find(di => ![...match.values()].includes(di) && draft[di].key === official[oi].key);
    if (hit === undefined) {
      hit = d.distinctive.find(di => ![...match.values()].includes(di) && misspelling(draft[di].text, official[oi].text));
      if (hit !== undefined) misspelt.push(hit);
    }
    if (hit !== undefined) match.set(oi, hit);
  }
  const kept = match.size;
  if (!kept) return DIFFERENT;
  const usedD = new Set(match.values());
  const added = d.distinctive.filter(di => !usedD.has(di));
  // A word of a coordination (`Olympic and Paralympic Games`) may be left out: one of the things named.
  const dropped = o.distinctive.filter(oi => !match.has(oi) && !conjunct(official, oi));
  const dg = d.generic.map(i => draft[i].key);
  const og = o.generic.map(i => official[i].key);
  const sharedGeneric = og.filter(k => dg.includes(k)).length;
  const keptIdx = [...match.keys(), ...o.generic.filter(i => dg.includes(official[i].key))].sort((x, y) => x - y);
  const position = (oi: number) => (oi < keptIdx[0] ? 'leading' : oi > keptIdx[keptIdx.length - 1] ? 'trailing' : 'interior');

  if (misspelt.length && !added.length && !dropped.length) {
    // The rest of the name is there to say which name it is: another word matched exactly.
    return kept - misspelt.length >= 1 || o.distinctive.length === 1 ? { kind: 'altered', how: 'misspelled', changed: misspelt } : DIFFERENT;
  }
  // Words added around the name (before or after the words it keeps) describe the thing named.
  const draftKept = [...usedD, ...d.generic.filter(i => og.includes(draft[i].key))].sort((x, y) => x - y);
  const inside = added.filter(di => di > draftKept[0] && di < draftKept[draftKept.length - 1]);
  const interiorDrops = dropped.filter(oi => position(oi) === 'interior');
  if (inside.length && interiorDrops.length) {
    // A distinctive word (or phrase) swapped, one change in a name otherwise kept whole: its
    // generic words the same, and enough of it kept to say which name it is.
    if (inside.length > interiorDrops.length + 1 || kept + sharedGeneric < 2 || kept < interiorDrops.length || !sameSet(dg, og)) return DIFFERENT;
    if (!restating && kept < 2) return DIFFERENT;
    return { kind: 'altered', how: 'swapped', changed: inside };
  }
  // A word swapped at the end of the name (`West and Central Africa` → `East and Central Africa`,
  // `Wales Summit` → `Warsaw Summit`): the same, where the rest of the name is kept.
  if (added.length === 1 && dropped.length === 1 && position(dropped[0]) !== 'interior' && !inside.length && sameSet(dg, og) && kept + sharedGeneric >= 2 && (restating || kept >= 2)) {
    const edgeSwap = position(dropped[0]) === 'leading' ? added[0] < draftKept[0] : added[0] > draftKept[draftKept.length - 1];
    if (edgeSwap) return { kind: 'altered', how: 'swapped', changed: added };
  }
  if (added.length && dropped.length && dropped.some(oi => position(oi) === 'trailing')) return DIFFERENT;
  // One of a coordination replaced (`East and Central Africa` for `West and Central Africa`).
  const conjunctDrops = o.distinctive.filter(oi => !match.has(oi) && conjunct(official, oi));
  const conjunctAdds = added.filter(di => conjunct(draft, di));
  if (conjunctDrops.length === 1 && conjunctAdds.length === 1 && added.length === 1 && (restating || kept >= 2)) return { kind: 'altered', how: 'swapped', changed: conjunctAdds };
  // Words added inside the name (`Critical Minerals and Metals Action Plan`) alter it; before or
  // after it they describe the thing named (`Tokyo Olympic Games`) and are left aside.
  if (inside.length) return restating && inside.length === 1 && kept >= 1 ? { kind: 'altered', how: 'added', changed: inside } : DIFFERENT;
  if (dropped.length) {
    // Leading words left off are a short form (`Air Station Futenma`); the end left off names
    // something else (`Global Health Security`); a word dropped from inside the name
    // (`Critical Minerals Plan`) alters it, when enough is kept to say which name it is.
    if (dropped.some(oi => position(oi) === 'trailing')) return DIFFERENT;
    if (dropped.every(oi => position(oi) === 'leading')) return o.generic.every(i => dg.includes(official[i].key) || position(i) === 'leading') ? SAME : DIFFERENT;
    if (kept < 2 || !restating) return DIFFERENT;
    return { kind: 'altered', how: 'dropped', changed: [...usedD] };
  }
  // The same distinctive words. Generic words added are description; a generic word of the
  // official name missing: left off the start, a short form (`Natural Resources Canada`); off
  // the end, something else; in its place another one, the name altered (`Strategy` for
  // `Action Plan`) — one kind of body for another (`World Health Assembly` for `… Organization`)
  // only when the draft restates the source, since it is more likely another body.
  const missing = o.generic.filter(i => !dg.includes(official[i].key));
  if (missing.length) {
    const replaced = d.generic.filter(i => !og.includes(draft[i].key));
    if (!replaced.length && missing.every(i => position(i) === 'leading')) return SAME;
    if (!replaced.length && missing.some(i => position(i) === 'trailing')) return DIFFERENT;
    const classes = new Set([...replaced.map(i => lex.genericClass(draft[i].key)), ...missing.map(i => lex.genericClass(official[i].key))]);
    const descriptorsOnly = [...classes].every(c => c === 'descriptor');
    if (restating || (descriptorsOnly && kept >= 2)) return { kind: 'altered', how: 'generic', changed: replaced.length ? replaced : [...usedD] };
    return DIFFERENT;
  }
  // What the draft adds around the name (generic words, words before or after it) is left aside.
  const extra = [...dg.filter(k => !og.includes(k)), ...added.map(i => draft[i].key)];
  const skipped = o.distinctive.filter(i => !match.has(i)).map(i => official[i].key);
  if (sameOrder(d, o, draft, official, skipped, extra)) return SAME;
  if (inverted(draft, official, lex, extra) && compoundsKept(draft, official, lex)) return SAME;
  // The same words in another order: an alteration only if nothing else differs.
  return restating && !added.length && !dropped.length && !conjunctDrops.length ? { kind: 'altered', how: 'order', changed: [...d.distinctive, ...d.generic] } : DIFFERENT;
}

/** True if official word `i` stands next to `and` (`Olympic and Paralympic Games`): one of a coordination. */
function conjunct(official: readonly NameWord[], i: number): boolean {
  return /^and$/i.test(official[i - 1]?.text ?? '') || /^and$/i.test(official[i + 1]?.text ?? '');
}


interface Classified {
  readonly distinctive: number[];
  readonly generic: number[];
  readonly parties: number[];
}

function classify(words: readonly NameWord[], lex: NameLexicon): Classified {
  const out: Classified = { distinctive: [], generic: [], parties: [] };
  words.forEach((w, i) => {
    if (lex.isConnector(w.key)) return;
    if (lex.isParty(w.key)) out.parties.push(i);
    else if (lex.genericClass(w.key)) out.generic.push(i);
    else out.distinctive.push(i);
  });
  return out;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
}


/** The distinctive and generic words in the same order (parties left aside: their order is free; `skip`: official keys left off). */
function sameOrder(d: Classified, o: Classified, draft: readonly NameWord[], official: readonly NameWord[], skip: readonly string[] = [], skipDraft: readonly string[] = []): boolean {
  const seq = (c: Classified, ws: readonly NameWord[], leave: readonly string[]) =>
    [...c.distinctive, ...c.generic].sort((a, b) => a - b).map(i => ws[i].key).filter(k => !leave.includes(k)).join(' ');
  return seq(d, draft, skipDraft) === seq(o, official, skip);
}

/** Every hyphenated pair of the official name (`Cross-Border`) the draft has is still a pair, in order (parties aside: `Canada-U.S.`). */
function compoundsKept(draft: readonly NameWord[], official: readonly NameWord[], lex: NameLexicon): boolean {
  for (let i = 0; i + 1 < official.length; i++) {
    if (!official[i].joinedNext || lex.isParty(official[i].key) || lex.isParty(official[i + 1].key)) continue;
    const j = draft.findIndex(w => w.key === official[i].key);
    if (j >= 0 && draft[j + 1]?.key !== official[i + 1].key) return false;
  }
  return true;
}

/**
 * `Leaders Summit on Climate` for `Leaders' Climate Summit`: the words after an `of`/`on`/`for`
 * in the draft stand before the head in the official name, the rest in the same order.
 */
function inverted(draft: readonly NameWord[], official: readonly NameWord[], lex: NameLexicon, skipDraft: readonly string[] = []): boolean {
  const content = (ws: readonly NameWord[], skip: readonly string[]) => ws.filter(w => !lex.isConnector(w.key) && !lex.isParty(w.key) && !skip.includes(w.key)).map(w => w.key);
  const o = content(official, []);
  for (let i = 1; i < draft.length - 1; i++) {
    if (!/^(?:of|on|for)$/i.test(draft[i].text)) continue;
    const before = content(draft.slice(0, i), skipDraft);
    const after = content(draft.slice(i + 1), skipDraft);
    for (let k = 0; k <= before.length; k++) {
      if ([...before.slice(0, k), ...after, ...before.slice(k)].join(' ') === o.join(' ')) return true;
    }
  }
  return false;
}

/**
 * `Koving` for `Kovrig`: two capitalised words of five letters or more, the same first letter,
 * within two edits (one for five letters), not the same word in another form.
 */
export function misspelling(a: string, b: string): boolean {
  if (a === b || !/^\p{Lu}/u.test(a) || !/^\p{Lu}/u.test(b)) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x[0] !== y[0] || Math.min(x.length, y.length) < 5) return false;
  // Inflections are not misspellings (`Centres`/`Centre`, `Americans`/`American`).
  if (x.startsWith(y) || y.startsWith(x)) return false;
  const limit = Math.min(x.length, y.length) >= 6 ? 2 : 1;
  return editDistance(x, y, limit) <= limit;
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = cur[0];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}
