/**
 * Who can act in a source, read from the source itself: its parties (the countries whose
 * leaders speak in it), the offices that name them (`the President`, `the Prime Minister`), the
 * leaders it names (`Prime Minister Suga`), and the group words that name them all (`the
 * leaders`, `both`). General knowledge — which words name which country, who heads each
 * country's government — comes from the language pack (lang/en/countries.json); nothing here
 * names the bundled Roadmap's leaders.
 *
 * The parties of a source are, in order: those its front matter lists (`parties: [United
 * States, Japan]`); else the countries its title names (`U.S.-Japan Joint Leaders'
 * Statement`), those whose leaders it lists (`the leaders of Australia, India, Japan, and the
 * United States`) and those whose head of government it names (`President Biden`); else the
 * countries it is mostly about.
 */
import type { CorpusIndex } from '../corpusIndex';
import { packFor } from '../lang';
import type { LanguagePack } from '../lang/pack';
import type { SourceDocument } from '../types';
import { runSteps, type Steps } from '../steps';
import { countriesNamed, mainCountries, warmSourceCountries } from './documents';

/** The words that name each party in one source, and its parties. */
export interface PartyTable {
  /** Key → the parties it names. A plain object: looked up with `in`. */
  readonly actors: Readonly<Record<string, string[]>>;
  /** Keys that name the parties as a group (`leader`, `both`). */
  readonly groups: ReadonlySet<string>;
  /** The source's parties: any other is a third party. */
  readonly homeSides: readonly string[];
  /** The parties `Prime Minister` names in this source. */
  readonly primeSides: readonly string[];
}

/** The party table of each source document, built once per index. */
export function partyTables(index: CorpusIndex, lang: LanguagePack): ReadonlyMap<string, PartyTable> {
  return index.derive(`parties.tables.${lang.code}`, i => runSteps(buildPartyTables(i, lang)));
}

/** Builds the party tables and each source's countries in steps, a document at a time (the language server warms a new index with them). */
export function* warmParties(index: CorpusIndex, lang: LanguagePack): Steps<void> {
  yield* index.deriveSteps(`parties.tables.${lang.code}`, i => buildPartyTables(i, lang));
  yield* warmSourceCountries(index);
}

function* buildPartyTables(index: CorpusIndex, lang: LanguagePack): Steps<ReadonlyMap<string, PartyTable>> {
  // Each source is read in its own language; the keys of its leaders' names are the draft's (`lang`).
  const read: ({ d: SourceDocument } & ReturnType<typeof readParties>)[] = [];
  for (const d of index.documents) {
    read.push({ d, ...readParties(d, packFor(d.lang), lang) });
    yield;
  }
  // A leader named in one source names the same country in any other (`Trudeau` in the
  // Roadmap's signature, `President Biden` everywhere).
  const people = new Map<string, string>();
  for (const r of read) for (const [k, c] of r.people) if (!people.has(k)) people.set(k, c);
  return new Map(read.map(r => [r.d.id, withParties(lang, r.sides, people)]));
}

/** A table for drafts with no source to read parties from: the countries alone. */
export function generalTable(lang: LanguagePack): PartyTable {
  let v = general.get(lang);
  if (!v) general.set(lang, (v = withParties(lang, [], new Map())));
  return v;
}
const general = new WeakMap<LanguagePack, PartyTable>();

function readParties(doc: SourceDocument, lang: LanguagePack, keys: LanguagePack): { sides: string[]; people: Map<string, string> } {
  const text = doc.paragraphs.map(p => (p.attribution ? `${p.text}\n${p.attribution}` : p.text)).join('\n');
  const counts = countriesNamed(`${doc.title}\n${text}`, lang);
  const people = new Map<string, string>();
  const home = new Set<string>();
  const declared = declaredParties(doc.metadata);
  for (const p of declared) {
    for (const c of countriesNamed(p, lang).keys()) {
      home.add(c);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  if (!home.size) {
    for (const c of countriesNamed(doc.title, lang).keys()) home.add(c);
    const listed = lang.parties.leadersOf.exec(text);
    if (listed) for (const c of countriesNamed(listed[1], lang).keys()) home.add(c);
  }
  // Leaders named with their office: the office says which country, among those the source names.
  for (const m of text.matchAll(lang.parties.leaderTitle)) {
    const office = lang.parties.officeOf(m[1]);
    if (!office) continue;
    // Every word of the name: family names come first in some languages (`Yoon Suk Yeol`, `Suga Yoshihide`).
    const names = m[2].split(/\s+/).filter(w => w.length > 2 && !/\.$/.test(w));
    const near = countriesNamed(text.slice(Math.max(0, m.index! - 80), m.index! + m[0].length + 80), lang);
    const country = office === 'vice president' ? 'VP' : headOf(office, counts, home, lang, near);
    if (!country) continue;
    for (const n of names) people.set(keys.stem(n.toLowerCase().replace(/['’]s$/, '')), country);
    if (country !== 'VP' && !declared.length) home.add(country);
  }
  if (!home.size) for (const c of mainCountries(counts)) home.add(c);
  // Parties in the order the source names them most.
  const sides = [...home].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  return { sides, people };
}

/** The front matter's `parties`: a list, or one string separated by commas or semicolons. */
function declaredParties(metadata: Readonly<Record<string, unknown>>): string[] {
  const v = metadata.parties;
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? v.split(/[,;]/).map(x => x.trim()).filter(Boolean) : [];
}

/**
 * The country an office heads among those the source names (its parties first); when several
 * of its parties have that office (two presidents), the one named next to the leader
 * (`President Yoon of the Republic of Korea`), else none.
 */
function headOf(office: string, counts: ReadonlyMap<string, number>, home: ReadonlySet<string>, lang: LanguagePack, near: ReadonlyMap<string, number>): string | undefined {
  const heads = [...counts.keys()].filter(c => lang.countries.heads.get(c) === office);
  const inHome = heads.filter(c => home.has(c));
  if (inHome.length > 1) {
    const named = inHome.filter(c => near.has(c));
    return named.length === 1 ? named[0] : undefined;
  }
  const pool = inHome.length ? inHome : heads;
  return pool.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0];
}

function withParties(lang: LanguagePack, sides: readonly string[], people: ReadonlyMap<string, string>): PartyTable {
  const actors: Record<string, string[]> = {};
  // The words of the language pack: countries, and words that name no party (`american`).
  for (const [k, v] of Object.entries(lang.parties.actors)) actors[k] = [...v];
  for (const [first, names] of lang.countries.byFirstKey) for (const n of names) if (n.keys.length === 1 && !(first in actors)) actors[first] = [n.code];
  for (const g of lang.parties.groups) actors[g] = [...sides];
  const byHead = (title: string) => sides.filter(c => lang.countries.heads.get(c) === title);
  actors[lang.key.president] = byHead('president');
  actors[lang.key.prime] = byHead('prime minister');
  actors[lang.key.vice] = ['VP'];
  for (const [k, c] of people) actors[k] = [c];
  return Object.freeze({ actors, groups: lang.parties.groups, homeSides: sides, primeSides: byHead('prime minister') });
}
