/**
 * Reads a Word document's text as the checker reads a Markdown draft, keeping where every
 * character came from. Pure: it takes the parts' XML as text (the package reader unzips them).
 *
 * The text is Markdown-like: a heading is `# Title` (`##` for heading 2, …), a list item
 * `- item` (indented two spaces a level), each paragraph (of the body, of a table cell, of a
 * footnote) a block of its own, blank-line separated; footnotes and endnotes follow the body as
 * `[^1]: text` (their reference marks are left out of the body, so a sentence reads as typed).
 * Characters are as typed: curly quotes, non-breaking spaces and non-breaking hyphens stay.
 * Tracked changes are read as if accepted (insertions in, deletions out, a deleted paragraph
 * mark joins two paragraphs) and counted, so that callers can say so. Text boxes, shapes,
 * headers, footers and comments are not read.
 *
 * Every character of a paragraph's text maps back to the run and element it came from (a
 * {@link TextPiece}), so that a finding's words can be anchored in the document.
 */
import { attr, childW, decodeXmlText, isW, parseXml, W_NAMESPACES, XmlError, type DecodedText, type XmlElement } from './xml';

/** A run (`w:r`) that holds text of the draft. */
export interface RunRef {
  readonly part: string;
  readonly run: XmlElement;
  /** Where the run's content starts: after its `w:rPr`, or after its start tag. */
  readonly contentStart: number;
  readonly rPr?: XmlElement;
}

/** A stretch of the extracted text that comes from one element of one run. */
export interface TextPiece {
  /** Offsets in the extracted text. */
  readonly start: number;
  readonly end: number;
  readonly run: RunRef;
  /** `w:t`, or the element that stands for one character (`w:tab`, `w:br`, `w:noBreakHyphen`). */
  readonly element: XmlElement;
  /** For `w:t`: its decoded text; `start` is decoded offset `from` of it. */
  readonly decoded?: DecodedText;
  readonly from: number;
}

export type ParagraphKind = 'heading' | 'list item' | 'table cell' | 'paragraph' | 'footnote' | 'endnote';

export interface DocxParagraph {
  /** 1-based: among the body's paragraphs with text (tables' and lists' included), or within its note. */
  readonly number: number;
  /** How a reviewer finds it: `paragraph 7`, `paragraph 9 (table 1, row 2, cell 1)`, `footnote 2`. */
  readonly label: string;
  readonly kind: ParagraphKind;
  readonly part: string;
  /** Footnote or endnote number (in the order the body refers to them). */
  readonly note?: number;
  readonly table?: { readonly table: number; readonly row: number; readonly cell: number };
  /** The paragraph's text in the extracted text, after its Markdown prefix. */
  readonly start: number;
  readonly end: number;
  readonly pieces: readonly TextPiece[];
}

export interface TrackedChanges {
  readonly insertions: number;
  readonly deletions: number;
  readonly moves: number;
}

export interface ParsedPart {
  readonly name: string;
  readonly xml: string;
  readonly root: XmlElement;
}

export interface DocxText {
  /** The Markdown-like text the checker reads. */
  readonly text: string;
  readonly paragraphs: readonly DocxParagraph[];
  readonly trackedChanges: TrackedChanges;
  /** What a reader of the findings should know (tracked changes read as accepted). */
  readonly notes: readonly string[];
  /** The parts read, parsed, by name (for anchoring comments). */
  readonly parts: ReadonlyMap<string, ParsedPart>;
}

export interface DocxParts {
  /** The main document part: its name (`word/document.xml`) and XML. */
  readonly document: { readonly name: string; readonly xml: string };
  readonly styles?: { readonly name: string; readonly xml: string };
  readonly footnotes?: { readonly name: string; readonly xml: string };
  readonly endnotes?: { readonly name: string; readonly xml: string };
}

/** Thrown when the document's XML cannot be read; the message names the part. */
export class DocxFormatError extends Error {}

interface StyleInfo {
  readonly name?: string;
  readonly basedOn?: string;
  readonly outline?: number;
  readonly numbered?: boolean;
  readonly ilvl?: number;
}

interface Draft {
  kind: ParagraphKind;
  part: string;
  level: number;
  text: string;
  pieces: { start: number; end: number; run: RunRef; element: XmlElement; decoded?: DecodedText; from: number }[];
  table?: { table: number; row: number; cell: number };
  note?: number;
  noteFirst?: boolean;
  markDeleted: boolean;
}

/** Extracts the text of a Word document (see the module comment). Throws {@link DocxFormatError}. */
export function extractDocx(parts: DocxParts): DocxText {
  const parsed = new Map<string, ParsedPart>();
  const parse = (p: { name: string; xml: string }) => {
    try {
      const root = parseXml(p.xml);
      const part = { name: p.name, xml: p.xml, root };
      parsed.set(p.name, part);
      return part;
    } catch (e) {
      throw new DocxFormatError(`${p.name} is not well-formed XML (${e instanceof XmlError ? e.message : String(e)})`);
    }
  };
  const doc = parse(parts.document);
  const body = childW(doc.root, 'body');
  if (!isW(doc.root, 'document') || !body) throw new DocxFormatError(`${parts.document.name} is not a WordprocessingML document`);
  const styles = parts.styles ? readStyles(parse(parts.styles).root) : new Map<string, StyleInfo>();
  const reader = new Reader(styles);

  reader.blocks(doc, body, {});
  const bodyDrafts = reader.take();

  const notes: Draft[] = [];
  for (const [kind, source, refs] of [
    ['footnote', parts.footnotes, reader.footnoteRefs],
    ['endnote', parts.endnotes, reader.endnoteRefs],
  ] as const) {
    if (!source || !refs.length) continue;
    const part = parse(source);
    const byId = new Map<string, XmlElement>();
    for (const n of part.root.children) if (isW(n, kind)) byId.set(attr(n, 'id') ?? '', n);
    refs.forEach((id, k) => {
      const note = byId.get(id);
      if (!note) return;
      reader.blocks(part, note, { kind, note: k + 1 });
      notes.push(...reader.take());
    });
  }
  const drafts = [...bodyDrafts, ...notes];

  // Assemble the text: blocks blank-line separated, consecutive list items one a line.
  let text = '';
  const paragraphs: DocxParagraph[] = [];
  let bodyNumber = 0;
  const perNote = new Map<string, number>();
  let previous: Draft | undefined;
  for (const d of drafts) {
    const lead = d.text.length - d.text.trimStart().length;
    const content = d.text.trim();
    if (!content) continue;
    if (previous) text += previous.kind === 'list item' && d.kind === 'list item' ? '\n' : '\n\n';
    const prefix = prefixOf(d, content);
    text += prefix;
    const start = text.length;
    text += content;
    const end = text.length;
    const pieces: TextPiece[] = [];
    for (const p of d.pieces) {
      const s = Math.max(p.start, lead);
      const e = Math.min(p.end, lead + content.length);
      if (e <= s) continue;
      pieces.push({ start: start + s - lead, end: start + e - lead, run: p.run, element: p.element, decoded: p.decoded, from: p.from + (s - p.start) });
    }
    let number: number;
    let label: string;
    if (d.note !== undefined) {
      const key = `${d.kind} ${d.note}`;
      number = (perNote.get(key) ?? 0) + 1;
      perNote.set(key, number);
      label = number === 1 ? key : `${key}, paragraph ${number}`;
    } else {
      number = ++bodyNumber;
      label = `paragraph ${number}${d.table ? ` (table ${d.table.table}, row ${d.table.row}, cell ${d.table.cell})` : ''}`;
    }
    paragraphs.push({ number, label, kind: d.kind, part: d.part, start, end, pieces, ...(d.note !== undefined ? { note: d.note } : {}), ...(d.table ? { table: d.table } : {}) });
    previous = d;
  }
  if (text) text += '\n';
  const changes = reader.changes;
  const counted = [plural(changes.insertions, 'insertion'), plural(changes.deletions, 'deletion'), plural(changes.moves, 'move')].filter(s => !s.startsWith('0 '));
  const messages = counted.length ? [`Tracked changes were read as if accepted (${counted.join(', ')}).`] : [];
  return { text, paragraphs, trackedChanges: { ...changes }, notes: messages, parts: parsed };
}

/** The paragraph holding offset `offset` of the extracted text (or the nearest before it). */
export function paragraphAt(draft: DocxText, offset: number): DocxParagraph | undefined {
  let lo = 0;
  let hi = draft.paragraphs.length - 1;
  let found: DocxParagraph | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (draft.paragraphs[mid].start <= offset) {
      found = draft.paragraphs[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function plural(n: number, w: string): string {
  return `${n} ${w}${n === 1 ? '' : 's'}`;
}

/** The Markdown prefix of a block; a body paragraph that would read as Markdown markup is escaped. */
function prefixOf(d: Draft, content: string): string {
  switch (d.kind) {
    case 'heading':
      return '#'.repeat(Math.min(6, Math.max(1, d.level))) + ' ';
    case 'list item':
      return '  '.repeat(Math.min(8, d.level)) + '- ';
    case 'footnote':
    case 'endnote':
      if (d.noteFirst) return d.kind === 'footnote' ? `[^${d.note}]: ` : `[^endnote-${d.note}]: `;
      break;
  }
  return /^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|={3,}\s*$)/.test(content) ? '\\' : '';
}

class Reader {
  readonly footnoteRefs: string[] = [];
  readonly endnoteRefs: string[] = [];
  readonly changes = { insertions: 0, deletions: 0, moves: 0 };
  private drafts: Draft[] = [];
  private tables = 0;
  private pending?: Draft;

  constructor(private readonly styles: ReadonlyMap<string, StyleInfo>) {}

  take(): Draft[] {
    if (this.pending) this.drafts.push(this.pending);
    this.pending = undefined;
    const out = this.drafts;
    this.drafts = [];
    return out;
  }

  blocks(part: ParsedPart, container: XmlElement | undefined, ctx: { table?: Draft['table']; kind?: 'footnote' | 'endnote'; note?: number }): void {
    for (const c of container?.children ?? []) {
      if (!W_NAMESPACES.has(c.uri)) continue;
      if (c.local === 'p') this.paragraph(part, c, ctx);
      else if (c.local === 'tbl') this.table(part, c, ctx);
      else if (c.local === 'sdt') this.blocks(part, childW(c, 'sdtContent'), ctx);
      else if (c.local === 'customXml' || c.local === 'ins' || c.local === 'moveTo') this.blocks(part, c, ctx);
    }
  }

  private table(part: ParsedPart, tbl: XmlElement, ctx: { kind?: 'footnote' | 'endnote'; note?: number }): void {
    const table = ++this.tables;
    let row = 0;
    const rows = (el: XmlElement): XmlElement[] => el.children.flatMap(c => (isW(c, 'tr') ? [c] : isW(c, 'sdt') ? rows(childW(c, 'sdtContent') ?? c) : []));
    for (const tr of rows(tbl)) {
      row++;
      let cell = 0;
      const cells = (el: XmlElement): XmlElement[] => el.children.flatMap(c => (isW(c, 'tc') ? [c] : isW(c, 'sdt') ? cells(childW(c, 'sdtContent') ?? c) : []));
      for (const tc of cells(tr)) this.blocks(part, tc, { ...ctx, table: { table, row, cell: ++cell } });
    }
  }

  private paragraph(part: ParsedPart, p: XmlElement, ctx: { table?: Draft['table']; kind?: 'footnote' | 'endnote'; note?: number }): void {
    const pPr = childW(p, 'pPr');
    const markRPr = childW(pPr, 'rPr');
    const markDeleted = !!(childW(markRPr, 'del') || childW(markRPr, 'moveFrom'));
    if (markDeleted) this.changes.deletions++;
    if (childW(markRPr, 'ins')) this.changes.insertions++;
    const { kind, level } = this.kindOf(pPr);
    let d = this.pending;
    if (!d) {
      const noteFirst = ctx.kind ? !this.drafts.some(x => x.note === ctx.note && x.kind === ctx.kind) : undefined;
      d = {
        kind: ctx.kind ?? (kind === 'paragraph' && ctx.table ? 'table cell' : kind),
        part: part.name,
        level,
        text: '',
        pieces: [],
        ...(ctx.table ? { table: ctx.table } : {}),
        ...(ctx.note !== undefined ? { note: ctx.note, noteFirst } : {}),
        markDeleted,
      };
    }
    this.inline(part, p, d);
    if (markDeleted) {
      // Accepting the deletion of a paragraph mark joins this paragraph with the next.
      this.pending = d;
    } else {
      this.pending = undefined;
      this.drafts.push(d);
    }
  }

  private kindOf(pPr: XmlElement | undefined): { kind: ParagraphKind; level: number } {
    const style = this.resolve(valOf(childW(pPr, 'pStyle')));
    const outlineAttr = valOf(childW(pPr, 'outlineLvl'));
    const outline = outlineAttr !== undefined ? Number(outlineAttr) : style.outline;
    if (style.heading !== undefined) return { kind: 'heading', level: style.heading };
    if (outline !== undefined && outline >= 0 && outline < 9) return { kind: 'heading', level: outline + 1 };
    const numPr = childW(pPr, 'numPr');
    const numId = valOf(childW(numPr, 'numId'));
    const ilvl = Number(valOf(childW(numPr, 'ilvl')) ?? style.ilvl ?? 0);
    const listed = numPr && numId !== undefined ? numId !== '0' : style.numbered;
    if (listed) return { kind: 'list item', level: Number.isFinite(ilvl) ? ilvl : 0 };
    return { kind: 'paragraph', level: 0 };
  }

  /** A paragraph style with what it inherits: its heading level (by built-in name), outline level and numbering. */
  private resolve(styleId: string | undefined): { heading?: number; outline?: number; numbered?: boolean; ilvl?: number } {
    // Without a pStyle, the default paragraph style (recorded under '\0default', its id as name).
    let id = styleId ?? this.styles.get('\0default')?.name;
    const out: { heading?: number; outline?: number; numbered?: boolean; ilvl?: number } = {};
    for (let depth = 0; id !== undefined && depth < 12; depth++) {
      const s = this.styles.get(id);
      if (!s) break;
      if (out.heading === undefined && s.name) {
        const m = /^heading\s+([1-9])$/i.exec(s.name.trim());
        if (m) out.heading = Number(m[1]);
        else if (/^title$/i.test(s.name.trim())) out.heading = 1;
      }
      if (out.outline === undefined && s.outline !== undefined) out.outline = s.outline;
      if (out.numbered === undefined && s.numbered !== undefined) {
        out.numbered = s.numbered;
        out.ilvl = s.ilvl;
      }
      id = s.basedOn;
    }
    return out;
  }

  private inline(part: ParsedPart, container: XmlElement, d: Draft): void {
    for (const c of container.children) {
      if (!W_NAMESPACES.has(c.uri)) continue; // mc:AlternateContent (drawings, text boxes), math
      switch (c.local) {
        case 'r':
          this.run(part, c, d);
          break;
        case 'ins':
          this.changes.insertions++;
          this.inline(part, c, d);
          break;
        case 'moveTo':
          this.changes.moves++;
          this.inline(part, c, d);
          break;
        case 'del':
          this.changes.deletions++;
          break;
        case 'hyperlink':
        case 'smartTag':
        case 'fldSimple':
        case 'customXml':
        case 'dir':
        case 'bdo':
          this.inline(part, c, d);
          break;
        case 'sdt': {
          const content = childW(c, 'sdtContent');
          if (content) this.inline(part, content, d);
          break;
        }
      }
    }
  }

  private run(part: ParsedPart, r: XmlElement, d: Draft): void {
    const rPr = childW(r, 'rPr');
    const ref: RunRef = { part: part.name, run: r, contentStart: rPr ? rPr.end : r.openEnd, ...(rPr ? { rPr } : {}) };
    for (const c of r.children) {
      if (!W_NAMESPACES.has(c.uri)) continue;
      let ch: string | undefined;
      switch (c.local) {
        case 't': {
          if (c.selfClosing) break;
          const decoded = decodeXmlText(part.xml, c.openEnd, c.closeStart);
          if (!decoded.text) break;
          d.pieces.push({ start: d.text.length, end: d.text.length + decoded.text.length, run: ref, element: c, decoded, from: 0 });
          d.text += decoded.text;
          break;
        }
        case 'tab':
        case 'ptab':
          ch = '\t';
          break;
        case 'br':
        case 'cr':
          ch = ' ';
          break;
        case 'noBreakHyphen':
          ch = '\u2011';
          break;
        case 'footnoteReference':
          this.footnoteRefs.push(attr(c, 'id') ?? '');
          break;
        case 'endnoteReference':
          this.endnoteRefs.push(attr(c, 'id') ?? '');
          break;
      }
      if (ch) {
        d.pieces.push({ start: d.text.length, end: d.text.length + 1, run: ref, element: c, from: 0 });
        d.text += ch;
      }
    }
  }
}

/** Paragraph styles by id (and the default paragraph style's id under `\0default`). */
function readStyles(root: XmlElement): Map<string, StyleInfo> {
  const out = new Map<string, StyleInfo>();
  for (const s of root.children) {
    if (!isW(s, 'style') || attr(s, 'type') !== 'paragraph') continue;
    const id = attr(s, 'styleId');
    if (!id) continue;
    const pPr = childW(s, 'pPr');
    const outline = valOf(childW(pPr, 'outlineLvl'));
    const numPr = childW(pPr, 'numPr');
    const numId = valOf(childW(numPr, 'numId'));
    const ilvl = valOf(childW(numPr, 'ilvl'));
    out.set(id, {
      name: valOf(childW(s, 'name')),
      basedOn: valOf(childW(s, 'basedOn')),
      ...(outline !== undefined ? { outline: Number(outline) } : {}),
      ...(numPr ? { numbered: numId !== '0', ilvl: Number(ilvl ?? 0) } : {}),
    });
    if (attr(s, 'default') === '1' || attr(s, 'default') === 'true') out.set('\0default', { name: id });
  }
  return out;
}

/** The `w:val` of an element, if there is one. */
function valOf(el: XmlElement | undefined): string | undefined {
  return el ? attr(el, 'val') : undefined;
}
