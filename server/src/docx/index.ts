/**
 * Word drafts (.docx): reading one as the text the checker reads, saying where a finding is
 * in Word's terms (the paragraph, the sentence), and writing a reviewed copy with a Word
 * comment on each finding. Used by the CLI and the language server; the engine never sees a
 * .docx, only its extracted text.
 */
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LineIndex } from '../engine';
import { openDocx, DEFAULT_LIMITS, DocxError, type DocxLimits, type DocxPackage } from './package';
import { DocxFormatError, extractDocx, paragraphAt, type DocxText } from './read';

export { DocxError, DEFAULT_LIMITS, type DocxLimits, type DocxPackage } from './package';
export { paragraphAt, type DocxText, type DocxParagraph, type TextPiece } from './read';

/** File names the checker reads as Word drafts. */
export const WORD_EXTENSIONS: readonly string[] = ['.docx'];

export function isWordFile(file: string): boolean {
  return /\.docx$/i.test(file);
}

/** Opens a Word file and extracts its text; the package stays open for writing a reviewed copy (close it). Throws {@link DocxError}. */
export async function openWordDraft(file: string, limits: DocxLimits = DEFAULT_LIMITS): Promise<{ pkg: DocxPackage; draft: DocxText }> {
  const pkg = await openDocx(file, limits);
  try {
    const draft = extractDocx({ document: pkg.document, styles: pkg.styles, footnotes: pkg.footnotes, endnotes: pkg.endnotes });
    return { pkg, draft };
  } catch (e) {
    pkg.close();
    if (e instanceof DocxFormatError) throw new DocxError(`is damaged: ${e.message}.`);
    throw e;
  }
}

/** The text of a Word file, as the checker reads it. Throws {@link DocxError}. */
export async function readWordDraft(file: string, limits: DocxLimits = DEFAULT_LIMITS): Promise<DocxText> {
  const { pkg, draft } = await openWordDraft(file, limits);
  pkg.close();
  return draft;
}

/**
 * The text of the Word draft at `uri` (a `file:` URI ending in .docx), or undefined for any
 * other draft. A Word file that cannot be read throws an Error whose message says why.
 */
export async function readWordForCheck(uri: string): Promise<DocxText | undefined> {
  if (!uri.startsWith('file:') || !isWordFile(uri)) return undefined;
  try {
    return await readWordDraft(fileURLToPath(uri));
  } catch (e) {
    if (e instanceof DocxError) throw new Error(`the Word document ${e.message.replace(/\.$/, '')}`);
    throw e;
  }
}

/** Where a finding is in a Word document. */
export interface DocxLocation {
  /** `body`, `footnote` or `endnote`. */
  readonly part: 'body' | 'footnote' | 'endnote';
  /** 1-based: the paragraph among the body's paragraphs with text, or within its note. */
  readonly paragraph: number;
  /** The footnote's or endnote's number. */
  readonly note?: number;
  readonly table?: { readonly table: number; readonly row: number; readonly cell: number };
  /** `paragraph 7`, `paragraph 9 (table 1, row 2, cell 1)`, `footnote 2`. */
  readonly label: string;
  /** The flagged words. */
  readonly words: string;
  /** The sentence holding them. */
  readonly sentence: string;
}

/** Where the words at [start, end) of the extracted text are, in Word's terms. */
export function locate(draft: DocxText, start: number, end: number): DocxLocation | undefined {
  const p = paragraphAt(draft, start);
  if (!p) return undefined;
  const text = draft.text.slice(p.start, p.end);
  const s = Math.max(0, start - p.start);
  const e = Math.min(text.length, Math.max(s, end - p.start));
  const [a, b] = sentenceAround(text, s, e);
  const sentence = text.slice(a, b);
  return {
    part: p.kind === 'footnote' ? 'footnote' : p.kind === 'endnote' ? 'endnote' : 'body',
    paragraph: p.number,
    ...(p.note !== undefined ? { note: p.note } : {}),
    ...(p.table ? { table: p.table } : {}),
    label: p.label,
    words: text.slice(s, e),
    sentence: sentence.trim(),
  };
}

const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|No|Nos|Art|para|paras|e\.g|i\.e|etc|vs|cf|approx|Gov|Gen|Sen|Rep|Hon|Rt)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])$/;

/**
 * The sentence holding [s, e) of a paragraph: from after the previous sentence end to the next
 * one (a `.`, `!` or `?`, closing quotes and brackets included, before white space and a capital,
 * digit or opening quote; not after an abbreviation or an initial), widened to hold the words.
 */
export function sentenceAround(text: string, s: number, e: number): [number, number] {
  const ends: number[] = [];
  const re = /[.!?]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('.') && ABBREVIATION.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    ends.push(m.index + m[0].length);
  }
  let a = 0;
  for (const x of ends) if (x <= s) a = x;
  let b = text.length;
  for (const x of ends) if (x >= Math.max(e, s + 1)) {
    b = x;
    break;
  }
  while (a < b && /\s/.test(text[a])) a++;
  return [a, b];
}

/** A diagnostic on a Word draft, with where it is in the document. */
export type DocxDiagnostic = Diagnostic & { readonly docx?: DocxLocation };

/** Adds `docx` (the paragraph, the flagged words, the sentence) to each diagnostic of a Word draft. */
export function withDocxLocations(draft: DocxText, diagnostics: readonly Diagnostic[]): DocxDiagnostic[] {
  const lines = new LineIndex(draft.text);
  return diagnostics.map(d => {
    const where = locate(draft, lines.offsetAt(d.range.start), lines.offsetAt(d.range.end));
    return where ? { ...d, docx: where } : d;
  });
}

/** For the report (`ReportInput`): a Word draft's places named by paragraph, with the sentence; how it was read. */
export function reportFields(draft: DocxText): { locate: (start: number, end: number) => { label: string; sentence?: string } | undefined; notes: readonly string[] } {
  return {
    locate: (start, end) => {
      const where = locate(draft, start, end);
      return where && { label: where.label, sentence: where.sentence };
    },
    notes: draft.notes,
  };
}

/** The location of a diagnostic that has one (see {@link withDocxLocations}). */
export function docxLocationOf(d: Diagnostic): DocxLocation | undefined {
  return (d as DocxDiagnostic).docx;
}
