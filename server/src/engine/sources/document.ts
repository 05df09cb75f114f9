/**
 * Building a source document from the blocks the parser reads: sections, paragraphs with
 * their exact offsets into the file (an offset map), sentences, attributions; and the small
 * readers of a source's bytes, names and front-matter fields.
 */
import { english } from '../lang/en';
import { normalizeText, slugify, tokenize, type NormalizedText } from '../normalize';
import { OffsetMapBuilder, type OffsetMap } from '../offsetMap';
import { LineIndex, type Range } from '../positions';
import { PASSAGES_PER_STEP, type Steps } from '../steps';
import { sourceSentences } from '../text/sentences';
import type { Paragraph, ParagraphKind, Section, Sentence, SourceDocument } from '../types';
import { cleanInline, joinsAcrossBreak, mappedString, sliceMapped, trimMapped as trim, type MappedText } from './inline';
import { findDate, labelsFor } from './layout';

const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s+|$)/;
const QUOTE_MARKER = /^\s*(?:>\s?)+/;
/** `Combating COVID-19: The President ...` — a short title-case lead-in that opens a section. */
export const LEAD_IN = /^([A-Z][\p{L}\p{N}'’.&\-]*(?:\s+[\p{L}\p{N}'’.&\-]+){0,7}):\s+(?=\S)/u;
const MINOR_WORDS = english.titleMinorWords;
const HARD_BREAK = /( {2,}|\\)$/;

export class DocumentBuilder {
  private readonly sections: { id: string; title: string; startLine: number; paragraphs: Paragraph[] }[] = [];
  private readonly pending: { mapped: MappedText; kind: ParagraphKind; section: number; attribution?: string; quotedWith?: string }[] = [];
  private readonly sectionIds = new Set<string>();
  /** True right after a quotation, while the lines under it can still be its signature. */
  private attributionOpen = false;

  constructor(private readonly docId: string, private readonly text: string, private readonly lines: LineIndex) {}

  isEmpty(): boolean {
    return this.pending.length === 0 && this.sections.length === 0;
  }

  pendingCount(): number {
    return this.pending.length;
  }

  get sectionCount(): number {
    return this.sections.length;
  }

  /** Some of the text so far, to guess its language from. */
  sampleText(): string {
    let s = '';
    for (const p of this.pending) {
      if (s.length > 1500) break;
      s += p.mapped.text + '\n';
    }
    return s;
  }

  startSection(title: string, line: number): void {
    const clean = title.replace(/\s+/g, ' ').trim();
    this.sections.push({ id: uniqueId(slugify(clean), this.sectionIds), title: clean, startLine: line, paragraphs: [] });
    this.attributionOpen = false;
  }

  /** A signature block: two or more short hard-broken lines right after a paragraph. */
  isByline(rawLines: number[]): boolean {
    if (rawLines.length < 2 || this.pending.length === 0) return false;
    const previous = this.pending[this.pending.length - 1];
    if (previous.section !== this.sections.length - 1 && !(this.sections.length === 0 && previous.section === -1)) return false;
    return rawLines.every((l, i) => {
      const raw = this.lines.lineText(l);
      const t = raw.trim();
      const words = t.split(/\s+/).length;
      return t.length > 0 && words <= 8 && !/[.!?;:"”]$/.test(t) && (i === rawLines.length - 1 || HARD_BREAK.test(raw));
    });
  }

  attachByline(rawLines: number[]): void {
    const previous = this.pending[this.pending.length - 1];
    previous.attribution = rawLines.map(l => this.lines.lineText(l).trim().replace(/\\$/, '').trim()).join(', ');
    this.attributionOpen = false;
  }

  /** Whether the last passage is a quotation whose signature lines may follow. */
  takesAttribution(): boolean {
    return this.attributionOpen;
  }

  /** One more signature line of the last quotation (the signature given one paragraph a line). */
  addAttribution(line: string): void {
    const previous = this.pending[this.pending.length - 1];
    previous.attribution = previous.attribution ? `${previous.attribution}, ${line}` : line;
  }

  addParagraph(mapped: MappedText, kind: ParagraphKind): void {
    mapped = trim(mapped);
    if (mapped.text.length === 0) return;
    // Companion-statement style: `Heading: text` opens a section.
    const lead = LEAD_IN.exec(mapped.text);
    if (lead && kind === 'prose' && isTitleCase(lead[1])) {
      this.startSection(lead[1], this.lines.positionAt(mapped.offsets[0]).line);
      mapped = sliceMapped(mapped, lead[0].length);
    }
    let quotedWith: string | undefined;
    if (kind === 'prose' && isWhollyQuoted(mapped.text)) {
      quotedWith = mapped.text[0];
      mapped = trim(sliceMapped(mapped, 1, mapped.text.length - 1));
      kind = 'quotation';
    }
    this.pending.push({ mapped, kind, section: this.sections.length - 1, quotedWith });
    this.attributionOpen = kind === 'quotation';
  }

  /**
   * A quotation over several paragraphs: each opens with `“` (or `«`) and only the last
   * closes it (the last may be cut off). Each of them is a quotation, without its marks.
   */
  private markQuotationRuns(): void {
    const pending = this.pending;
    for (let i = 0; i < pending.length; i++) {
      const mark = pending[i].mapped.text[0];
      if (mark !== '«' && mark !== '“') continue;
      const close = mark === '«' ? '»' : '”';
      const section = pending[i].section;
      const opensOnly = (p: (typeof pending)[number] | undefined) =>
        p !== undefined && p.kind === 'prose' && p.section === section && p.mapped.text[0] === mark && !p.mapped.text.includes(close);
      let j = i;
      while (opensOnly(pending[j])) j++;
      const closedBy = pending[j]?.quotedWith === mark && pending[j].section === section;
      if (j - i + (closedBy ? 1 : 0) < 2) continue;
      for (let k = i; k < j; k++) {
        pending[k].mapped = trim(sliceMapped(pending[k].mapped, 1));
        pending[k].kind = 'quotation';
      }
      i = j;
    }
  }

  *finish(meta: { uri: string; displayPath: string; bundled: boolean; title: string; lang?: string; dateline?: string; metadata: Record<string, unknown> }): Steps<SourceDocument> {
    this.markQuotationRuns();
    const words = labelsFor(meta.lang);
    // No headings at all: one section, `Statement`, not an untitled opening; its passages are
    // cited by the document's title alone (`Joint Statement from Quad Leaders, ¶4`).
    const whole = this.sections.length === 0 && this.pending.length > 0;
    if (whole) {
      this.sections.push({ id: slugify(words.statement), title: words.statement, startLine: this.lines.positionAt(this.pending[0].mapped.offsets[0]).line, paragraphs: [] });
      for (const p of this.pending) p.section = 0;
    }
    const opening: { paragraphs: Paragraph[] } = { paragraphs: [] };
    const paragraphs: Paragraph[] = [];
    const counts = new Map<number, number>();
    for (const p of this.pending) {
      const n = (counts.get(p.section) ?? 0) + 1;
      counts.set(p.section, n);
      const section = p.section >= 0 ? this.sections[p.section] : undefined;
      const sectionId = section ? section.id : 'opening';
      const sectionTitle = section ? section.title : words.openingTitle;
      const id = `${this.docId}#${sectionId}-${n}`;
      const label = !section ? `${meta.title}, ${words.opening}, ¶${n}` : whole ? `${meta.title}, ¶${n}` : `${meta.title}, ${sectionTitle}, ¶${n}`;
      const paragraph = buildParagraph(id, this.docId, sectionId, sectionTitle, n, label, p.kind, p.mapped, this.text.length, this.lines, p.attribution);
      paragraphs.push(paragraph);
      (section ?? opening).paragraphs.push(paragraph);
      if (paragraphs.length % PASSAGES_PER_STEP === 0) yield;
    }
    const sectionRange = (ps: Paragraph[], startLine: number): Range => {
      const start = { line: startLine, character: 0 };
      return { start, end: ps.length ? ps[ps.length - 1].range.end : { line: startLine, character: this.lines.lineText(startLine).length } };
    };
    const sections: Section[] = this.sections.map(s =>
      Object.freeze({ id: s.id, title: s.title, isOpening: false, range: sectionRange(s.paragraphs, s.startLine), paragraphIds: Object.freeze(s.paragraphs.map(p => p.id)) }),
    );
    const openingSection: Section | undefined = opening.paragraphs.length
      ? Object.freeze({
          id: 'opening',
          title: words.openingTitle,
          isOpening: true,
          range: { start: opening.paragraphs[0].range.start, end: opening.paragraphs[opening.paragraphs.length - 1].range.end },
          paragraphIds: Object.freeze(opening.paragraphs.map(p => p.id)),
        })
      : undefined;
    const md = meta.metadata;
    return Object.freeze({
      id: this.docId,
      uri: meta.uri,
      displayPath: meta.displayPath,
      bundled: meta.bundled,
      title: meta.title,
      date: isoDate(md.date ?? md.published_time) ?? (meta.dateline ? findDate(meta.dateline) : undefined),
      url: stringField(md.source_url ?? md.url ?? md.link),
      publisher: stringField(md.publisher),
      lang: meta.lang,
      dateline: meta.dateline,
      metadata: Object.freeze({ ...md }),
      sections: Object.freeze(sections),
      opening: openingSection,
      paragraphs: Object.freeze(paragraphs),
      text: this.text,
    });
  }
}

function buildParagraph(
  id: string,
  documentId: string,
  sectionId: string,
  sectionTitle: string,
  number: number,
  label: string,
  kind: ParagraphKind,
  mapped: MappedText,
  fileLength: number,
  lines: LineIndex,
  attribution?: string,
): Paragraph {
  const text = mapped.text;
  const map = new OffsetMapBuilder();
  for (let i = 0; i < text.length; i++) map.push(mapped.offsets[i]);
  map.push(Math.min(text.length ? mapped.offsets[text.length - 1] + 1 : 0, fileLength));
  const sourceOffsets = map.build();
  const range = lines.rangeAt(sourceOffsets.at(0), sourceOffsets.at(sourceOffsets.length - 1));
  return new SourceParagraph(id, documentId, sectionId, sectionTitle, number, label, kind, text, sourceOffsets, range, normalizeText(text), attribution);
}

/**
 * A parsed paragraph. A class rather than an object literal so that the tens of
 * thousands of paragraphs of a large corpus share one shape and one `sentences` getter.
 * Sentences are split on first use: sentence splitting is the costliest part of parsing
 * and most paragraphs of a large corpus are never looked at sentence by sentence.
 */
class SourceParagraph implements Paragraph {
  private split: readonly Sentence[] | undefined;

  constructor(
    readonly id: string,
    readonly documentId: string,
    readonly sectionId: string,
    readonly sectionTitle: string,
    readonly number: number,
    readonly label: string,
    readonly kind: ParagraphKind,
    readonly text: string,
    readonly sourceOffsets: OffsetMap,
    readonly range: Range,
    readonly normalized: NormalizedText,
    readonly attribution: string | undefined,
  ) {}

  get sentences(): readonly Sentence[] {
    return (this.split ??= paragraphSentences(this.id, this.text));
  }
}

/** The sentences of a paragraph's text, with offsets into it (text/sentences.ts splits them). */
function paragraphSentences(paragraphId: string, text: string): readonly Sentence[] {
  const sentences: Sentence[] = [];
  for (const [start, end] of sourceSentences(text)) {
    const sentenceText = text.slice(start, end);
    const normalized = normalizeText(sentenceText);
    sentences.push(
      Object.freeze({
        id: `${paragraphId}/s${sentences.length}`,
        paragraphId,
        index: sentences.length,
        text: sentenceText,
        start,
        end,
        normalized,
        tokens: Object.freeze(tokenize(normalized.text)),
      }),
    );
  }
  return Object.freeze(sentences);
}

/** Strips list/quote markers and indentation from one raw line. */
function stripPrefix(line: string, inList: boolean, inQuote: boolean, isFirst: boolean): string {
  let s = line;
  if (inQuote) s = s.replace(QUOTE_MARKER, '');
  if (inList && isFirst) s = s.replace(LIST_MARKER, '');
  return s.replace(/^\s+/, '');
}

/** Joins a block's raw lines into one mapped text: markers stripped, wraps joined (inline markup is left for {@link cleanInline}). */
export function joinRaw(lines: LineIndex, rawLines: number[], inList: boolean, inQuote: boolean): MappedText {
  const pieces: string[] = [];
  let size = 0;
  for (const l of rawLines) size += lines.lineText(l).length + 1;
  const offsets = new Uint32Array(size);
  let len = 0;
  let last = ''; // the text so far ends with `last` (its final two characters)
  rawLines.forEach((l, i) => {
    const raw = lines.lineText(l);
    const base = lines.lineStarts[l];
    const stripped = stripPrefix(raw, inList, inQuote, i === 0);
    const start = raw.length - stripped.length;
    let end = raw.length;
    while (end > start && /\s/.test(raw[end - 1])) end--;
    if (end > start && raw[end - 1] === '\\' && i < rawLines.length - 1) end--; // backslash hard break
    while (end > start && /\s/.test(raw[end - 1])) end--;
    if (end <= start) return;
    if (len) {
      const wrappedHyphen = last.endsWith('-') && joinsAcrossBreak(last, raw.slice(start, end));
      if (!wrappedHyphen) {
        pieces.push(' ');
        offsets[len++] = base - 1 >= 0 ? lineBreakOffset(lines, l) : base;
      }
    }
    pieces.push(raw.slice(start, end));
    for (let k = start; k < end; k++) offsets[len++] = base + k;
    last = raw.slice(Math.max(start, end - 2), end);
  });
  return { text: pieces.join(''), offsets: offsets.subarray(0, len) };
}

/** The offset of the line break that ends the line before `line`. */
function lineBreakOffset(lines: LineIndex, line: number): number {
  const prevStart = lines.lineStarts[line - 1];
  return prevStart + lines.lineText(line - 1).length;
}

function isWhollyQuoted(text: string): boolean {
  const first = text[0];
  const last = text[text.length - 1];
  if (first === '«' && last === '»') return !/[«»]/.test(text.slice(1, -1));
  if (!((first === '“' && last === '”') || (first === '"' && last === '"'))) return false;
  return !/[“”"]/.test(text.slice(1, -1));
}

export function isTitleCase(phrase: string): boolean {
  if (/[,;]/.test(phrase)) return false;
  const ws = phrase.split(/\s+/);
  return ws.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && MINOR_WORDS.has(w.toLowerCase())));
}

/** Bytes decoded between yields. */
const DECODE_BYTES = 1 << 20;

/** A source's text from its bytes (in steps of a megabyte), or why it is not text. */
export function* decode(content: string | Uint8Array): Steps<{ text: string } | { error: string }> {
  if (typeof content === 'string') {
    if (content.slice(0, 8000).includes('\u0000')) return { error: 'this looks like a binary file, not text. Sources must be Markdown or plain text.' };
    return { text: content.replace(/^\ufeff/, ' ') };
  }
  if (content.subarray(0, 8000).includes(0)) return { error: 'this looks like a binary file, not text. Sources must be Markdown or plain text.' };
  try {
    // The BOM is kept as a space so offsets stay those of the file.
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const parts: string[] = [];
    for (let at = 0; at < content.length; at += DECODE_BYTES) {
      parts.push(decoder.decode(content.subarray(at, at + DECODE_BYTES), { stream: at + DECODE_BYTES < content.length }));
      yield;
    }
    return { text: parts.join('').replace(/^\ufeff/, ' ') };
  } catch {
    return { error: 'the file is not valid UTF-8 text. Save it as UTF-8 and reload the sources.' };
  }
}

export function uriFileName(uri: string): string {
  const tail = uri.replace(/[?#].*$/, '').split('/').pop() ?? '';
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

export function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.(md|markdown|txt|text)$/i, '') || name;
}

export function uniqueId(base: string, taken: ReadonlySet<string> & { add?: (v: string) => unknown }): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  if (taken instanceof Set) taken.add(id);
  return id;
}

/** A title as a reader writes it: one line, Markdown escapes and emphasis removed (a plain YAML scalar keeps `Joe\_Biden` as written). */
export function cleanTitle(s: string | undefined): string | undefined {
  const t = s === undefined ? undefined : oneLine(cleanInline(mappedString(s)).text);
  return t ? t : undefined;
}

export function sameText(a: string, b: string | undefined): boolean {
  return b !== undefined && normalizeText(a).text === normalizeText(b).text;
}

export function stringField(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.replace(/\s+/g, ' ').trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** A front matter date as ISO (`2021-02-23`), from a YAML date or a string starting with one. */
export function isoDate(v: unknown): string | undefined {
  if (v instanceof Date && !isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
    return m ? m[1] : v.trim() || undefined;
  }
  return undefined;
}

/** White space as single spaces, trimmed. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
