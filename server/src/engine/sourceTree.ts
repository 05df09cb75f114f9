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
}

export interface SourceTreeDocument {
  readonly id: string;
  readonly title: string;
  readonly date?: string;
  readonly url?: string;
  readonly uri: string;
  readonly bundled: boolean;
  readonly sections: readonly SourceTreeSection[];
}

/** Every indexed document with its sections and paragraphs, in reading order. */
export function sourceTree(index: CorpusIndex): SourceTreeDocument[] {
  return index.documents.map(doc => ({
    id: doc.id,
    title: doc.title,
    date: doc.date,
    url: doc.url,
    uri: doc.uri,
    bundled: doc.bundled,
    sections: [...(doc.opening ? [doc.opening] : []), ...doc.sections].map(section => ({
      id: section.id,
      title: section.title,
      paragraphs: section.paragraphIds.flatMap(id => {
        const p = index.getParagraph(id);
        if (!p) return [];
        return [
          {
            id: p.id,
            number: p.number,
            label: p.label,
            kind: p.kind,
            text: p.text,
            tooltip: `${heading(index, p)}\n\n${quoteBlock(p, 0, 0)}\n\nCitation: \`${p.id.replace(/`/g, '')}\``,
            location: sourceLocation(index, p),
          },
        ];
      }),
    })),
  }));
}
