/**
 * The sources view's data: documents → sections → paragraphs, each paragraph with its
 * text, its escaped Markdown tooltip and where it sits in its file.
 */
import type { CorpusIndex } from './corpusIndex';
import { heading, quoteBlock } from './hover';
import { sourceLocation, type SourceLocation } from './sourceLinks';
import type { ParagraphKind } from './types';

export interface SourceTreeParagraph {
  /** Citation id, e.g. `roadmap-2021-02-23#accelerating-climate-ambitions-4`. */
  readonly id: string;
  readonly number: number;
  readonly label: string;
  readonly kind: ParagraphKind;
  readonly text: string;
  /** Escaped Markdown (render untrusted, without HTML). */
  readonly tooltip: string;
  readonly location?: SourceLocation;
}

export interface SourceTreeSection {
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly SourceTreeParagraph[];
  /** Paragraphs of the section left out of the tree (see {@link TREE_PARAGRAPHS}). */
  readonly omitted?: number;
}

export interface SourceTreeDocument {
  readonly id: string;
  readonly title: string;
  readonly date?: string;
  readonly url?: string;
  readonly uri: string;
  readonly bundled: boolean;
  readonly sections: readonly SourceTreeSection[];
  /** Sections of the document left out of the tree (see {@link TREE_SECTIONS}). */
  readonly omittedSections?: number;
}

/**
 * The tree lists at most this many paragraphs and sections, each paragraph's text cut to
 * {@link TREE_TEXT_CHARS}: a tree view of a hundred thousand passages helps nobody, and its
 * JSON (hundreds of megabytes for a million) stalled the server and the client.
 */
export const TREE_PARAGRAPHS = 5000;
export const TREE_SECTIONS = 5000;
export const TREE_TEXT_CHARS = 500;

/** Every indexed document with its sections and paragraphs, in reading order, within the limits above. */
export function sourceTree(index: CorpusIndex, limits: { paragraphs?: number; sections?: number } = {}): SourceTreeDocument[] {
  let paragraphRoom = limits.paragraphs ?? TREE_PARAGRAPHS;
  let sectionRoom = limits.sections ?? TREE_SECTIONS;
  return index.documents.map(doc => {
    const all = [...(doc.opening ? [doc.opening] : []), ...doc.sections];
    const shown = all.slice(0, Math.max(0, sectionRoom));
    sectionRoom -= shown.length;
    return {
      id: doc.id,
      title: doc.title,
      date: doc.date,
      url: doc.url,
      uri: doc.uri,
      bundled: doc.bundled,
      ...(shown.length < all.length ? { omittedSections: all.length - shown.length } : {}),
      sections: shown.map(section => {
        const ids = section.paragraphIds.slice(0, Math.max(0, paragraphRoom));
        paragraphRoom -= ids.length;
        return {
          id: section.id,
          title: section.title,
          ...(ids.length < section.paragraphIds.length ? { omitted: section.paragraphIds.length - ids.length } : {}),
          paragraphs: ids.flatMap(id => {
            const p = index.getParagraph(id);
            if (!p) return [];
            return [
              {
                id: p.id,
                number: p.number,
                label: p.label,
                kind: p.kind,
                text: p.text.length > TREE_TEXT_CHARS ? `${p.text.slice(0, TREE_TEXT_CHARS - 1)}…` : p.text,
                tooltip: `${heading(index, p)}\n\n${quoteBlock(p, 0, 0)}\n\nCitation: \`${p.id.replace(/`/g, '')}\``,
                location: sourceLocation(index, p),
              },
            ];
          }),
        };
      }),
    };
  });
}
