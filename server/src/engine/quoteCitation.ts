/**
 * Inserting a source paragraph into a draft as a quotation with a citation.
 *
 * Kept apart on purpose: the completion feature also formats citations
 * (engine/citations.ts); when the branches merge, `formatCitation` and
 * `footnoteDefinition` here should become calls into that module.
 */
import type { CorpusIndex } from './corpusIndex';
import type { Paragraph } from './types';

/** `verbatim.citationStyle`. */
export type CitationStyle = 'none' | 'inline' | 'footnote';

/** An edit in draft offsets. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Footnote label: the citation id with `#` made Markdown-safe (`roadmap-2021-02-23-accelerating-climate-ambitions-4`). */
export function footnoteKey(paragraph: Paragraph): string {
  return paragraph.id.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** The citation that follows a quotation: ` (label)`, `[^key]`, or nothing. */
export function formatCitation(paragraph: Paragraph, style: CitationStyle): string {
  if (style === 'inline') return ` (${paragraph.label})`;
  if (style === 'footnote') return `[^${footnoteKey(paragraph)}]`;
  return '';
}

/** `[^key]: Document, Section, ¶n (date). <url>` */
export function footnoteDefinition(index: CorpusIndex, paragraph: Paragraph): string {
  const doc = index.getDocument(paragraph.documentId);
  const date = doc?.date ? ` (${doc.date})` : '';
  const url = doc?.url && /^https?:\/\/\S+$/.test(doc.url) ? ` <${doc.url}>` : '';
  return `[^${footnoteKey(paragraph)}]: ${paragraph.label}${date}.${url}`;
}

/** The paragraph in typographic double quotes, its own double quotes turned to single ones. */
export function quotationText(paragraph: Paragraph): string {
  const inner = paragraph.text
    .replace(/\u201c/g, '\u2018')
    .replace(/\u201d/g, '\u2019')
    .replace(/"(?=\S)/g, '\u2018')
    .replace(/"/g, '\u2019');
  return `\u201c${inner}\u201d`;
}

/**
 * The edits that insert paragraph `paragraphId` at `offset` of `draft` as a quotation
 * with a citation in `style`; for footnotes, also the definition at the end of the
 * draft unless one for the same paragraph is already there.
 */
export function quotationEdits(index: CorpusIndex, paragraphId: string, draft: string, offset: number, style: CitationStyle): OffsetEdit[] | undefined {
  const paragraph = index.getParagraph(paragraphId);
  if (!paragraph) return undefined;
  const at = Math.max(0, Math.min(offset, draft.length));
  let insert = quotationText(paragraph) + formatCitation(paragraph, style);
  if (style !== 'footnote') return [{ start: at, end: at, newText: insert }];
  const key = footnoteKey(paragraph);
  const defined = new RegExp(`^\\[\\^${key.replace(/[-]/g, '\\-')}\\]:`, 'm').test(draft);
  if (defined) return [{ start: at, end: at, newText: insert }];
  const definition = footnoteDefinition(index, paragraph);
  const tail = draft.endsWith('\n\n') ? '' : draft.endsWith('\n') ? '\n' : '\n\n';
  if (at === draft.length) {
    insert += `\n\n${definition}\n`;
    return [{ start: at, end: at, newText: insert }];
  }
  return [
    { start: at, end: at, newText: insert },
    { start: draft.length, end: draft.length, newText: `${draft.length ? tail : ''}${definition}\n` },
  ];
}
