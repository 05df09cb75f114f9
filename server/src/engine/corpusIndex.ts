/**
 * The immutable index over all loaded sources. Built once per change of sources and
 * never mutated, so a request running against one index is never disturbed by a
 * reload: the server swaps in a new index instead.
 */
import { normalizeText } from './normalize';
import type { Steps } from './steps';
import type { Paragraph, Section, Sentence, SourceDocument, SourceProblem } from './types';

/** A place in a source paragraph where some text was found. */
export interface TextMatch {
  readonly paragraph: Paragraph;
  /** Offsets into `paragraph.text`. */
  readonly start: number;
  readonly end: number;
}

/** A sentence posting in the word index: which sentence, and at which token. */
export interface Posting {
  readonly sentence: number;
  readonly token: number;
}

export class CorpusIndex {
  /** Every loaded document, in load order (bundled first). */
  readonly documents: readonly SourceDocument[];
  /** Problems met while loading; shown to the user, never thrown. */
  readonly problems: readonly SourceProblem[];
  /** Every paragraph of every document, in order. */
  readonly paragraphs: readonly Paragraph[];
  /** Every sentence of every paragraph, in order; positions in this array are sentence numbers. */
  private readonly byId = new Map<string, Paragraph>();
  private readonly docsById = new Map<string, SourceDocument>();
  private readonly docsByUri = new Map<string, SourceDocument>();
  private readonly derived = new Map<string, unknown>();

  constructor(documents: readonly SourceDocument[], problems: readonly SourceProblem[] = []) {
    this.documents = Object.freeze([...documents]);
    this.problems = Object.freeze([...problems]);
    const paragraphs: Paragraph[] = [];
    for (const doc of documents) {
      this.docsById.set(doc.id, doc);
      this.docsByUri.set(doc.uri, doc);
      for (const p of doc.paragraphs) {
        this.byId.set(p.id, p);
        paragraphs.push(p);
      }
    }
    this.paragraphs = Object.freeze(paragraphs);
    Object.freeze(this);
  }

  /**
   * Every sentence of every paragraph, in order; positions in this array are sentence
   * numbers. Built on first use (it splits every paragraph into sentences).
   */
  get sentences(): readonly Sentence[] {
    return this.sentenceTable().sentences;
  }

  /** Number of citable passages (paragraphs). */
  get passageCount(): number {
    return this.paragraphs.length;
  }

  getDocument(id: string): SourceDocument | undefined {
    return this.docsById.get(id);
  }

  getDocumentByUri(uri: string): SourceDocument | undefined {
    return this.docsByUri.get(uri);
  }

  /** A paragraph by its citation id (`roadmap-2021-02-23#building-back-better-3`). */
  getParagraph(id: string): Paragraph | undefined {
    return this.byId.get(id);
  }

  getSection(documentId: string, sectionId: string): Section | undefined {
    const doc = this.docsById.get(documentId);
    if (!doc) return undefined;
    if (sectionId === 'opening') return doc.opening;
    return doc.sections.find(s => s.id === sectionId);
  }

  /** The paragraphs of a section, in order. */
  paragraphsInSection(documentId: string, sectionId: string): Paragraph[] {
    const section = this.getSection(documentId, sectionId);
    return section ? section.paragraphIds.map(id => this.byId.get(id)!).filter(Boolean) : [];
  }

  /** The paragraph a sentence (by its number in {@link sentences}) belongs to. */
  paragraphOf(sentence: number): Paragraph {
    return this.paragraphs[this.sentenceTable().paragraphOfSentence[sentence]];
  }

  /** Sentence postings for a normalised word (lower case, straight apostrophes). */
  postings(word: string): readonly Posting[] {
    return this.sentenceTable().words.get(word) ?? [];
  }

  /** Every distinct indexed word; for prefix and fuzzy lookups. */
  vocabulary(): IterableIterator<string> {
    return this.sentenceTable().words.keys();
  }

  private sentenceTable(): { sentences: readonly Sentence[]; paragraphOfSentence: Uint32Array; words: Map<string, Posting[]> } {
    return this.derive('corpus.sentences', () => {
      const sentences: Sentence[] = [];
      const owner: number[] = [];
      const words = new Map<string, Posting[]>();
      this.paragraphs.forEach((p, pi) => {
        for (const s of p.sentences) {
          const n = sentences.length;
          sentences.push(s);
          owner.push(pi);
          s.tokens.forEach((t, i) => {
            let list = words.get(t.text);
            if (!list) words.set(t.text, (list = []));
            list.push({ sentence: n, token: i });
          });
        }
      });
      return { sentences: Object.freeze(sentences), paragraphOfSentence: Uint32Array.from(owner), words };
    });
  }

  /**
   * Finds `query` in the sources after normalisation (case, quotes, white space and
   * hyphenation artefacts ignored). Returns every occurrence with offsets into the
   * paragraph's text.
   */
  findText(query: string, limit = 50): TextMatch[] {
    const q = normalizeText(query).text;
    if (!q) return [];
    const results: TextMatch[] = [];
    for (const p of this.paragraphs) {
      let from = 0;
      for (;;) {
        const at = p.normalized.text.indexOf(q, from);
        if (at < 0) break;
        const start = p.normalized.map.at(at);
        const lastChar = p.normalized.map.at(at + q.length - 1);
        results.push({ paragraph: p, start, end: lastChar + 1 });
        if (results.length >= limit) return results;
        from = at + 1;
      }
    }
    return results;
  }

  /**
   * A value derived from this index, computed once on first use and kept for the
   * index's lifetime. Features use this for their own lookup structures (names,
   * fuzzy indexes) so that the index stays the single immutable source of truth.
   */
  derive<T>(key: string, compute: (index: CorpusIndex) => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = compute(this);
    this.derived.set(key, value);
    return value;
  }

  /**
   * {@link derive} for a value computed in steps (see `steps.ts`): the language server warms a
   * new index this way, a slice at a time, before it answers requests with it. Features call
   * `derive` with the same key and the same computation run straight through.
   */
  *deriveSteps<T>(key: string, compute: (index: CorpusIndex) => Steps<T>): Steps<T> {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = yield* compute(this);
    if (this.derived.has(key)) return this.derived.get(key) as T;
    this.derived.set(key, value);
    return value;
  }
}
