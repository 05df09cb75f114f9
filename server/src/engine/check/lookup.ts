/**
 * The look-ups detectors may make in the sources, over structures prepared once per index:
 * dated document titles, the source sentence that has every word of a topic, the official
 * names near a phrase. A detector asks these; it never walks the corpus itself.
 */
import type { CheckIndex, SourceSentence } from '../checkIndex';
import { packFor } from '../lang';
import type { Figure, LanguagePack } from '../lang/pack';
import { generalTable, partyTables } from '../parties/table';
import { partyRules, type PartyRules } from './parties';
import { officialNames, type NamePhrase } from '../names/table';
import { wordsOf, type Word } from '../text/words';
import type { Paragraph, SourceDocument } from '../types';

/** A dated source document and the keys of its title. */
export interface DatedTitle {
  readonly keys: readonly string[];
  readonly doc: SourceDocument;
}

export interface SourceLookup {
  /** The draft's language: draft words are keyed and read with it. */
  readonly lang: LanguagePack;
  /** The language a source paragraph is read in (its source's). */
  packOf(para: Paragraph): LanguagePack;
  /** The party rules of a source document: its parties, offices and leaders (parties/table.ts). */
  partiesOf(documentId: string): PartyRules;
  /** True if the key names a party in some source (a country, an office, a leader, a group word). */
  isPartyWord(key: string): boolean;
  /** The party rules of every source document. */
  allParties(): readonly PartyRules[];
  /** Paragraphs (by index) of the sources left out for this draft (1: left out); undefined when none are. */
  readonly skip: Uint8Array | undefined;
  /** Inverse document frequency of a key (rare words weigh more). */
  idf(key: string): number;
  /** Dated documents whose titles have three or more content words. */
  datedTitles(): readonly DatedTitle[];
  /** The content keys of every section heading of the sources (not left out), each joined by spaces. */
  headings(): readonly string[];
  /** The keys of a source document's title, read in the draft's language. */
  titleKeys(documentId: string): readonly string[];
  /** The date (ISO) of a source document, if it gives one. */
  dateOf(documentId: string): string | undefined;
  /** Documents (not left out) whose title has `key` (`roadmap`: the Roadmap and the statement on its unveiling). */
  documentsNamed(key: string): readonly SourceDocument[];
  /** The paragraph of `doc` that gives its date (its first paragraph if none does), and that date figure. */
  dateParagraph(doc: SourceDocument): { readonly para: Paragraph; readonly figure: Figure | undefined };
  /** The figures of a source sentence (offsets in the sentence). */
  figuresOf(sentence: SourceSentence): readonly Figure[];
  /** The first source sentence having every key (and a year or date if `withDate`), searched from the rarest key's paragraphs. */
  sentenceWithAll(keys: readonly string[], withDate: boolean): SourceSentence | undefined;
  /** The words of a source paragraph between two offsets (tokenised as a span of its own). */
  sourceWordsIn(para: Paragraph, from: number, to: number): Word[];
  /** The keys of a source paragraph. */
  paragraphKeys(para: Paragraph): ReadonlySet<string>;
  readonly names: NameLookup;
}

/** The official names of the sources (capitalised phrases), by key and by word. */
export interface NameLookup {
  /** True if `key` (keys joined by spaces) is an official name. */
  isOfficial(key: string): boolean;
  /** True if the name is known only from inside a list joined by `and the`. */
  isPart(key: string): boolean;
  /** Names containing `key` (a content word). */
  containing(key: string): readonly NamePhrase[];
  /** The names inside a source sentence. */
  inSentence(sentence: SourceSentence): readonly NamePhrase[];
  /** The first paragraph in which the name's text occurs. */
  paragraphOf(name: NamePhrase): Paragraph | undefined;
}

const lookups = new WeakMap<CheckIndex, Map<string, SourceLookup>>();

/**
 * The look-ups over `ci`, built once per index, language and set of documents left out
 * (`excluded`: the ids of sources a draft cannot be restating, see parties/documents.ts).
 */
export function sourceLookup(ci: CheckIndex, lang: LanguagePack, excluded: ReadonlySet<string> = NONE): SourceLookup {
  let byKey = lookups.get(ci);
  if (!byKey) lookups.set(ci, (byKey = new Map()));
  const key = `${lang.code}|${[...excluded].sort().join('|')}`;
  let v = byKey.get(key);
  if (!v) byKey.set(key, (v = build(ci, lang, excluded)));
  return v;
}

const figuresBySentence = new WeakMap<SourceSentence, Figure[]>();

const NONE: ReadonlySet<string> = new Set();

function build(ci: CheckIndex, lang: LanguagePack, excluded: ReadonlySet<string>): SourceLookup {
  let titles: DatedTitle[] | undefined;
  let headings: string[] | undefined;
  const titleKeys = new Map<string, readonly string[]>();
  const named = new Map<string, readonly SourceDocument[]>();
  // Paragraphs of the documents left out, by paragraph index.
  const skip = excluded.size ? Uint8Array.from(ci.index.paragraphs, p => (excluded.has(p.documentId) ? 1 : 0)) : undefined;
  const kept = new Map<NamePhrase, boolean>();
  const inKeptDocument = (n: NamePhrase) => {
    let v = kept.get(n);
    if (v === undefined) kept.set(n, (v = ci.index.findText(n.text, 50).some(m => !excluded.has(m.paragraph.documentId))));
    return v;
  };
  let numbers: Map<Paragraph, number> | undefined;
  const paragraphIndex = (p: Paragraph) => (numbers ??= new Map(ci.index.paragraphs.map((x, i) => [x, i]))).get(p) ?? -1;
  // A source's figures are read in its own language (`2,6 milliards` is 2600000000 in French).
  const figuresOf = (s: SourceSentence): Figure[] => {
    let v = figuresBySentence.get(s);
    if (!v) figuresBySentence.set(s, (v = ci.packOf(s.paragraph).findFigures(s.paragraph.text.slice(s.start, s.end))));
    return v;
  };
  const table = () => officialNames(ci.index);
  const names: NameLookup = {
    isOfficial: key => table().byKeys(key) !== undefined,
    isPart: key => table().isPart(key),
    containing: key => (skip ? table().containing(key).filter(inKeptDocument) : table().containing(key)),
    inSentence(s) {
      return table().inParagraph(paragraphIndex(s.paragraph)).filter(n => n.start >= s.start && n.end <= s.end);
    },
    paragraphOf: n => ci.index.findText(n.text, 1)[0]?.paragraph,
  };
  const tables = () => partyTables(ci.index, lang);
  let partyWords: Set<string> | undefined;
  return Object.freeze({
    lang,
    packOf: (para: Paragraph) => ci.packOf(para),
    partiesOf: (documentId: string) => partyRules(lang, tables().get(documentId) ?? generalTable(lang)),
    allParties: () => [...tables().values()].map(t => partyRules(lang, t)),
    isPartyWord(key: string) {
      if (!partyWords) {
        partyWords = new Set(Object.keys(generalTable(lang).actors));
        for (const t of tables().values()) for (const [k, v] of Object.entries(t.actors)) if (v.length) partyWords.add(k);
      }
      return partyWords.has(key);
    },
    skip,
    idf: (k: string) => ci.idf(k),
    datedTitles() {
      titles ??= ci.index.documents
        .filter(d => d.date && d.paragraphs.length && !excluded.has(d.id))
        .flatMap(d => titleNames(d.title.replace(/\\_/g, ' ')).map(t => ({ keys: wordsOf(t, 0, undefined, lang).map(w => w.key), doc: d })))
        .filter(t => t.keys.filter(k => !lang.isStopKey(k)).length >= 3);
      return titles;
    },
    headings() {
      headings ??= ci.index.documents
        .filter(d => !excluded.has(d.id))
        .flatMap(d => d.sections.filter(s => !s.isOpening).map(s => wordsOf(s.title, 0, undefined, lang).map(w => w.key).filter(k => !lang.isStopKey(k)).join(' ')))
        .filter(h => h.length > 0);
      return headings;
    },
    titleKeys(documentId: string) {
      let v = titleKeys.get(documentId);
      if (!v) {
        const title = ci.index.getDocument(documentId)?.title ?? '';
        titleKeys.set(documentId, (v = wordsOf(title.replace(/\\_/g, ' '), 0, undefined, lang).map(w => w.key)));
      }
      return v;
    },
    dateOf: (documentId: string) => ci.index.getDocument(documentId)?.date,
    documentsNamed(key: string) {
      let v = named.get(key);
      if (!v) named.set(key, (v = ci.index.documents.filter(d => !excluded.has(d.id) && d.paragraphs.length && wordsOf(d.title, 0, undefined, lang).some(w => w.key === key))));
      return v;
    },
    dateParagraph(doc: SourceDocument) {
      const isDate = (f: Figure) => f.kind === 'date' && f.value === doc.date;
      const { findFigures } = packFor(doc.lang);
      const para = doc.paragraphs.find(x => findFigures(x.text).some(isDate)) ?? doc.paragraphs[0];
      return { para, figure: findFigures(para.text).find(isDate) };
    },
    figuresOf,
    sentenceWithAll(keys: readonly string[], withDate: boolean) {
      const rarest = keys.reduce((a, b) => (ci.idf(a) >= ci.idf(b) ? a : b));
      for (const pi of ci.postings.get(rarest) ?? []) {
        if (skip?.[pi]) continue;
        const hit = ci.sentencesOf(pi).find(x => keys.every(k => x.content.has(k)) && (!withDate || figuresOf(x).some(f => f.kind === 'year' || f.kind === 'date')));
        if (hit) return hit;
      }
      return undefined;
    },
    sourceWordsIn: (para: Paragraph, from: number, to: number) => wordsOf(para.text, from, to, ci.packOf(para)),
    paragraphKeys(para: Paragraph) {
      return new Set(ci.paragraphWords[paragraphIndex(para)].map(w => w.key));
    },
    names,
  });
}

/** Words of a release's label before its name (`Déclaration - Feuille de route …`, `Fact Sheet: …`): at most this many. */
const TITLE_LABEL_WORDS = 3;

/**
 * The names a document goes by in a draft: its title, and the name after a short label that says
 * what kind of release it is (`Déclaration - Feuille de route pour un partenariat renouvelé …`
 * is the Feuille de route, `Fact Sheet: The … Partnership` the Partnership).
 */
function titleNames(title: string): string[] {
  const m = /^(.+?)(?:\s[-–—]\s|:\s)(.+)$/u.exec(title);
  return m && m[1].trim().split(/\s+/).length <= TITLE_LABEL_WORDS ? [title, m[2]] : [title];
}
