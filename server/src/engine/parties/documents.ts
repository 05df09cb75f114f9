/**
 * Which countries a document is about, from the countries it names (lang/en/countries.json:
 * general knowledge, the same for every source), and whether a draft can be restating a
 * source at all. A draft about Japan that never names Canada is not restating the U.S.-Canada
 * Roadmap, however many words it shares with it: the answer must not depend on which other
 * sources happen to be loaded.
 */
import type { CorpusIndex } from '../corpusIndex';
import { packFor } from '../lang';
import { LineIndex } from '../positions';
import { isoDate } from '../sources/document';
import { readFrontMatter } from '../sources/frontMatter';
import type { LanguagePack } from '../lang/pack';
import { runSteps, type Steps } from '../steps';
import { wordsOf } from '../text/words';

/** How many times a text names each country (by code). */
export function countriesNamed(text: string, lang: LanguagePack): Map<string, number> {
  const table = lang.countries;
  const keys = wordsOf(text, 0, text.length, lang).map(w => w.key);
  const counts = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const hits = table.byFirstKey.get(keys[i]);
    if (!hits) continue;
    for (const h of hits) {
      if (h.keys.every((k, j) => keys[i + j] === k)) {
        counts.set(h.code, (counts.get(h.code) ?? 0) + 1);
        i += h.keys.length - 1;
        break;
      }
    }
  }
  return counts;
}

/** The countries a text is about: those it names at least twice and at least a quarter as often as the one it names most. */
export function mainCountries(counts: ReadonlyMap<string, number>): Set<string> {
  const top = Math.max(0, ...counts.values());
  return new Set([...counts].filter(([, n]) => n >= 2 && n * 4 >= top).map(([c]) => c));
}

/** Each source document's countries, each read in its own language (country codes are the same in every pack), computed once per index. */
export function sourceCountries(index: CorpusIndex): ReadonlyMap<string, ReadonlySet<string>> {
  return index.derive('parties.documents', i => runSteps(buildSourceCountries(i)));
}

/** {@link sourceCountries} in steps, a document at a time (the language server warms a new index with it). */
export function warmSourceCountries(index: CorpusIndex): Steps<ReadonlyMap<string, ReadonlySet<string>>> {
  return index.deriveSteps('parties.documents', buildSourceCountries);
}

function* buildSourceCountries(index: CorpusIndex): Steps<ReadonlyMap<string, ReadonlySet<string>>> {
  const out = new Map<string, ReadonlySet<string>>();
  for (const d of index.documents) {
    out.set(d.id, mainCountries(countriesNamed([d.title, ...d.paragraphs.map(p => p.text)].join('\n'), packFor(d.lang))));
    yield;
  }
  return out;
}

/** A draft this long is a document with a subject of its own; a sentence or two about a third country may still restate a source. */
const DOCUMENT_WORDS = 100;
/** How often a document names another country to be about it. */
const ABOUT = 3;

/**
 * The source documents a draft (read with `lang`, its own language) cannot be restating: those about two countries or more that
 * share at most one with the draft, while the draft — a document, not a sentence — is about
 * another country they are not about (a readout of a call with Japan's Prime Minister, against
 * the U.S.-Canada Roadmap). A draft naming no other country may restate any source.
 */
export function unrelatedSources(index: CorpusIndex, draft: string, lang: LanguagePack): ReadonlySet<string> {
  const out = new Set<string>();
  if (draft.split(/\s+/).filter(Boolean).length < DOCUMENT_WORDS) return out;
  const named = countriesNamed(draft, lang);
  for (const [id, countries] of sourceCountries(index)) {
    if (countries.size < 2) continue;
    const shared = [...countries].filter(c => named.has(c)).length;
    const other = [...named].some(([c, n]) => n >= ABOUT && !countries.has(c));
    if (shared <= 1 && other) out.add(id);
  }
  return out;
}

/** The draft's own date: its front matter's `date` (or `published_time`), as ISO; undefined without one. */
export function draftDate(text: string): string | undefined {
  if (!text.startsWith('---') && !text.startsWith('\uFEFF---')) return undefined;
  const fm = readFrontMatter(text, new LineIndex(text));
  const d = isoDate(fm.data.date ?? fm.data.published_time);
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined;
}

/** The source documents dated after `date`: a draft cannot be restating what was published after it. */
export function laterSources(index: CorpusIndex, date: string | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  if (!date) return out;
  for (const d of index.documents) if (d.date && /^\d{4}-\d{2}-\d{2}$/.test(d.date) && d.date > date) out.add(d.id);
  return out;
}
