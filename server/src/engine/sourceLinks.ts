/**
 * Locations in source files: where a matched paragraph's words sit in the file (for go
 * to source and the sources view), and the quotations of a draft that link to them.
 */
import { throwIfCancelled, NeverCancelled, type CancellationToken } from './cancellation';
import type { CorpusIndex } from './corpusIndex';
import { matchAt, matchQuotation } from './match';
import { LineIndex, type Range } from './positions';
import { quotationsIn } from './text/quotations';
import type { Paragraph } from './types';

/** A range in a source file, addressed by the source document's URI. */
export interface SourceLocation {
  readonly uri: string;
  readonly range: Range;
}

/** The line index of each source file, built when a location in it is first asked for. */
function lineIndexOf(index: CorpusIndex, documentId: string): LineIndex | undefined {
  const cache = index.derive('hover.lines', () => new Map<string, LineIndex>());
  let lines = cache.get(documentId);
  if (!lines) {
    const doc = index.getDocument(documentId);
    if (!doc) return undefined;
    cache.set(documentId, (lines = new LineIndex(doc.text)));
  }
  return lines;
}

/**
 * Where `paragraph.text[start, end)` sits in its source file (the whole paragraph when
 * no span is given).
 */
export function sourceLocation(index: CorpusIndex, paragraph: Paragraph, start = 0, end = paragraph.text.length): SourceLocation | undefined {
  const doc = index.getDocument(paragraph.documentId);
  const lines = lineIndexOf(index, paragraph.documentId);
  if (!doc || !lines) return undefined;
  const offsets = paragraph.sourceOffsets;
  const s = offsets.at(Math.min(start, offsets.length - 1));
  const e = end > start ? offsets.at(Math.min(end - 1, offsets.length - 1)) + 1 : s;
  return { uri: doc.uri, range: lines.rangeAt(s, Math.min(e, doc.text.length)) };
}

/** A source location as a link target: the document URI with a `#L<line>,<column>` fragment (1-based). */
export function locationTarget(location: SourceLocation): string {
  return `${location.uri.replace(/#.*$/, '')}#L${location.range.start.line + 1},${location.range.start.character + 1}`;
}

/**
 * Go to source: the source words the draft quotes or restates at `offset` (the whole
 * quotation, the longest matching run, or an official name's first appearance).
 */
export function definitionAt(index: CorpusIndex, text: string, offset: number, token: CancellationToken = NeverCancelled): SourceLocation | undefined {
  const { match, name } = matchAt(index, text, offset, token);
  if (match) return sourceLocation(index, match.paragraph, match.sourceStart, match.sourceEnd);
  if (name) return sourceLocation(index, name.first.paragraph, name.first.start, name.first.end);
  return undefined;
}

/** A quotation in a draft that matches a source paragraph. */
export interface QuotationLink {
  /** Offsets into the draft of the quotation's text (inside the quote marks). */
  readonly start: number;
  readonly end: number;
  readonly location: SourceLocation;
  /** `uri#Lline,column` of the matched source words. */
  readonly target: string;
  /** The citation label, and a note when the wording differs. */
  readonly tooltip: string;
  readonly paragraphId: string;
  readonly exact: boolean;
}

/**
 * The draft's quotations of at least `minWords` words that match a source (exactly or
 * nearly), each with the location of the source words. Shorter quotations (scare
 * quotes, single terms) are left alone so the links stay useful rather than noisy.
 */
export function quotationLinks(index: CorpusIndex, text: string, token: CancellationToken = NeverCancelled, minWords = 4): QuotationLink[] {
  const links: QuotationLink[] = [];
  for (const q of quotationsIn(text)) {
    throwIfCancelled(token);
    const m = matchQuotation(index, text, q, token);
    if (!m || m.words < minWords) continue;
    const location = sourceLocation(index, m.paragraph, m.sourceStart, m.sourceEnd);
    if (!location) continue;
    links.push({
      start: m.draftStart,
      end: m.draftEnd,
      location,
      target: locationTarget(location),
      tooltip: m.exact ? `Source: ${m.paragraph.label}` : `Source (wording differs): ${m.paragraph.label}`,
      paragraphId: m.paragraph.id,
      exact: m.exact,
    });
  }
  return links;
}
