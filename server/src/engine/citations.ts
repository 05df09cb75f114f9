/**
 * Citations for text inserted from a source: pure text and edit computation shared by
 * completion, the Insert Commitment command and the Sources view's "Insert as Quotation".
 */
import type { CorpusIndex } from './corpusIndex';
import { labelsFor } from './sources/layout';
import type { Paragraph, SourceDocument } from './types';

/** `verbatim.citationStyle`. */
export type CitationStyle = 'none' | 'inline' | 'footnote';

/** An edit of the draft by offsets (`[start, end)` replaced by `newText`). */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** What to add for a citation: text to append to the inserted text, and other edits of the draft. */
export interface CitationEdit {
  /** Appended right after the inserted text (`' (Roadmap…, ¶4)'` or `'[^id]'`), '' for none. */
  readonly suffix: string;
  /** Edits elsewhere in the draft (the footnote definition at the end), offsets in the draft. */
  readonly additionalEdits: readonly OffsetEdit[];
}

/** The footnote label of a paragraph: its citation id with `#` as `-` (`roadmap-2021-02-23-accelerating-climate-ambitions-4`). */
export function footnoteId(paragraph: Paragraph): string {
  return paragraph.id.replace(/[^A-Za-z0-9_-]+/g, '-');
}

/** The parenthetical inline citation, with its leading space: ` (Roadmap…, Accelerating Climate Ambitions, ¶4)`. */
export function inlineCitation(paragraph: Paragraph): string {
  return ` (${paragraph.label})`;
}

/**
 * The footnote definition line: `[^id]: Document, Section, ¶n, 23 February 2021, <url>`, the
 * words Verbatim writes in the source's language (`…, préambule, ¶1, 24 mars 2023.`).
 */
export function footnoteDefinition(paragraph: Paragraph, document: SourceDocument | undefined): string {
  const labels = labelsFor(document?.lang);
  const parts = [document?.title ?? paragraph.documentId, paragraph.sectionId === 'opening' ? labels.opening : paragraph.sectionTitle, `¶${paragraph.number}`];
  if (document?.date) parts.push(labels.date(document.date));
  let line = `[^${footnoteId(paragraph)}]: ${parts.join(', ')}.`;
  if (document?.url) line += ` <${document.url}>`;
  return line;
}

/**
 * The citation for inserting text from `paragraph` into `draftText`. For `footnote`, the
 * definition is appended at the end of the draft unless the draft already defines that
 * footnote, in which case only the reference is added (inserting twice from the same
 * paragraph reuses one footnote).
 */
export function citationFor(index: CorpusIndex, paragraph: Paragraph, draftText: string, style: CitationStyle): CitationEdit {
  if (style === 'inline') return { suffix: inlineCitation(paragraph), additionalEdits: [] };
  if (style !== 'footnote') return { suffix: '', additionalEdits: [] };
  const id = footnoteId(paragraph);
  const ref = `[^${id}]`;
  if (draftText.includes(`${ref}:`)) return { suffix: ref, additionalEdits: [] };
  const end = draftText.length;
  const separator = draftText.length === 0 ? '' : draftText.endsWith('\n\n') ? '' : draftText.endsWith('\n') ? '\n' : '\n\n';
  const definition = footnoteDefinition(paragraph, index.getDocument(paragraph.documentId));
  return { suffix: ref, additionalEdits: [{ start: end, end, newText: `${separator}${definition}\n` }] };
}

/** A whole paragraph as a quotation: typographic double quotes, its own double quotes turned to single ones. */
export function paragraphQuotation(paragraph: Paragraph): string {
  const inner = paragraph.text
    .replace(/\u201c/g, '\u2018')
    .replace(/\u201d/g, '\u2019')
    .replace(/"(?=\S)/g, '\u2018')
    .replace(/"/g, '\u2019');
  return `\u201c${inner}\u201d`;
}

/**
 * The edits that insert paragraph `paragraphId` at `offset` of `draft` as a quotation with
 * a citation in `style` (the Sources view's "Insert as Quotation"). Undefined for an
 * unknown paragraph.
 */
export function quotationEdits(index: CorpusIndex, paragraphId: string, draft: string, offset: number, style: CitationStyle): OffsetEdit[] | undefined {
  const paragraph = index.getParagraph(paragraphId);
  if (!paragraph) return undefined;
  const at = Math.max(0, Math.min(offset, draft.length));
  const citation = citationFor(index, paragraph, draft, style);
  const insert = paragraphQuotation(paragraph) + citation.suffix;
  // Inserting at the very end: one edit, so the footnote definition lands after the quotation.
  if (at === draft.length && citation.additionalEdits.length) {
    return [{ start: at, end: at, newText: insert + citation.additionalEdits.map(e => e.newText).join('') }];
  }
  return [{ start: at, end: at, newText: insert }, ...citation.additionalEdits];
}

/** The official text as a quotation: typographic quotes around it. */
export function asQuotation(text: string): string {
  return `“${text}”`;
}
