/**
 * Parses a source document (Markdown or plain text, optional YAML front matter) into
 * sections, paragraphs and sentences with exact offsets back into the file.
 *
 * Block structure comes from markdown-it (its `map` gives each block's lines); the
 * text of each block is then rebuilt from the raw lines so that every character of a
 * paragraph keeps its offset in the file, CRLF included, and cleaned of inline markup
 * once (inline.ts), so that every feature shows the official words.
 *
 * Statements are laid out in more ways than Markdown headings (layout.ts). A section also
 * starts at a bold line or lines (`**Title**`, `**1. Title:**`), a bold lead-in
 * (`**Title:** text`), a numbered line (`1. Title`, `1. Title: text`, French colon spacing
 * too), a title-case lead-in (`Title: text`) or a short title-case line alone. Left out of
 * passages: end marks and what follows them up to the next heading, page furniture,
 * pictures and their captions, datelines and dates on their own, and the signature under
 * a quotation (kept as its attribution). A source without headings has one section,
 * `Statement`, whose passages are cited by the document's title alone.
 */
import MarkdownIt from 'markdown-it';

// Only the block structure is used (each block's lines; a heading's raw content), so the
// inline pass, a third of markdown-it's time on a large corpus, is switched off.
const markdown = new MarkdownIt('commonmark').disable('inline');
type Token = ReturnType<typeof markdown.parse>[number];
import { split as splitSentences } from 'sentence-splitter';
import { normalizeText, slugify, tokenize, type NormalizedText } from '../normalize';
import { OffsetMapBuilder, type OffsetMap } from '../offsetMap';
import { LineIndex, type Range } from '../positions';
import type { Paragraph, ParagraphKind, ParseResult, Section, Sentence, SourceDocument, SourceInput, SourceProblem } from '../types';
import { readFrontMatter, readLanguage } from './frontMatter';
import { cleanInline, isImageOnly, joinsAcrossBreak, mappedString, sliceMapped, trimMapped as trim, type MappedText } from './inline';
import {
  findDate,
  guessLanguage,
  isCaptionLine,
  isDatelineOnly,
  isDateOnly,
  isEndMark,
  isFurniture,
  labelsFor,
  leadingDateline,
  stripHeadingNumber,
  wordCount,
} from './layout';

const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s+|$)/;
const QUOTE_MARKER = /^\s*(?:>\s?)+/;
/** `Combating COVID-19: The President ...` — a short title-case lead-in that opens a section. */
const LEAD_IN = /^([A-Z][\p{L}\p{N}'’.&\-]*(?:\s+[\p{L}\p{N}'’.&\-]+){0,7}):\s+(?=\S)/u;
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with']);
const HARD_BREAK = /( {2,}|\\)$/;
/** One bold (`**`, `__`, `<b>`, `<strong>`) or underlined (`<u>`, a `<span>` styled underline or bold) span. */
const EMPHASIS_SPAN = String.raw`(?:\*\*(?=\S)[\s\S]+?(?<=\S)\*\*|__(?=\S)[\s\S]+?(?<=\S)__|<u>[\s\S]+?<\/u>|<b>[\s\S]+?<\/b>|<strong>[\s\S]+?<\/strong>|<span\b[^<>]*(?:underline|bold)[^<>]*>[\s\S]+?<\/span>)`;
/**
 * Emphasis that opens a block, one span or several in a row (`**<u>Climate</u>** **<u>and Growth</u>**`):
 * a heading when it fills its line(s), a lead-in when a colon follows.
 */
const LEADING_EMPHASIS = new RegExp(String.raw`^${EMPHASIS_SPAN}(?:[ \t]*${EMPHASIS_SPAN})*`, 'i');
/** A number that opens a paragraph outside a list (pandoc writes `1\.` for it). */
const NUMBER_PREFIX = /^\d{1,2}\\?[.)][ \u00a0]+(?=\S)/;
/** `Catalyser l'énergie propre et créer de bons emplois : L'amélioration …`: the lead-in of a numbered item, any case, either colon spacing. */
const NUMBERED_LEAD_IN = /^([^:：\n]{2,120}?)[ \u00a0\u202f]*[:：][ \u00a0]+(?=\S)/;

/**
 * A block of the body as markdown-it sees it: a heading (its level and raw content) or a
 * paragraph (its lines, and whether it sits in a list or a block quote).
 */
interface Block {
  readonly heading: boolean;
  readonly first: number;
  readonly last: number;
  readonly level: number;
  readonly content: string;
  readonly inList: boolean;
  readonly inQuote: boolean;
  /** The first paragraph of the only item of an ordered list (not nested in another list): how `1. Title` lines of a numbered statement parse. */
  readonly soleNumbered: boolean;
}

/** Parses one source. Never throws: anything wrong becomes a {@link SourceProblem}. */
export function parseSource(input: SourceInput, takenIds: ReadonlySet<string> = new Set()): ParseResult {
  const problems: SourceProblem[] = [];
  const problem = (severity: SourceProblem['severity'], reason: string, range?: Range) =>
    problems.push({ uri: input.uri, displayPath: input.displayPath, severity, message: `${input.displayPath}: ${reason}`, range });

  const decoded = decode(input.content);
  if ('error' in decoded) {
    problem('error', decoded.error);
    return { problems };
  }
  const text = decoded.text;
  if (text.trim().length === 0) {
    problem('error', 'the file is empty, so it has no passages to cite. Add the source text or remove it from verbatim.sources.');
    return { problems };
  }

  const lines = new LineIndex(text);
  const fm = readFrontMatter(text, lines);
  if (fm.error) problem('warning', `${fm.error} The front matter was ignored; the text below it is still used.`, fm.range);
  const metadata = fm.data;

  const docId = uniqueId(slugify(baseName(uriFileName(input.uri) || input.displayPath)), takenIds);
  const builder = new DocumentBuilder(docId, text, lines);

  // markdown-it sees the body with the front matter blanked out, so its line numbers are the file's.
  // A line of only white space of any kind is blank: scraped pages separate paragraphs with a
  // non-breaking space (`<p>&nbsp;</p>`), which CommonMark would read as text joining them.
  const bodyLines: string[] = [];
  for (let i = 0; i < lines.lineCount; i++) {
    const line = lines.lineText(i);
    bodyLines.push(i < fm.bodyStartLine || line.trim() === '' ? '' : line);
  }
  let blocks: Block[];
  try {
    blocks = blocksOf(markdown.parse(bodyLines.join('\n'), {}), lines);
  } catch (e) {
    problem('error', `the Markdown could not be parsed (${(e as Error).message}).`);
    return { problems };
  }

  let docTitle = cleanTitle(stringField(metadata.title));
  /** A heading or bold line: the document's title when nothing came before it, else a section. */
  const heading = (title: string, line: number) => {
    if (!docTitle && builder.isEmpty()) docTitle = cleanTitle(title);
    else if (!sameText(title, docTitle)) builder.startSection(title, line);
  };
  let dateline: string | undefined;
  let skipping = false; // after an end mark or a furniture heading, until the next heading
  let afterImage = false;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const wasAfterImage = afterImage;
    afterImage = false;
    if (block.heading) {
      if (isEndMark(lines.lineText(block.first))) {
        skipping = true;
        continue;
      }
      const title = headingTitle(block.content);
      if (!title) continue;
      if (isFurniture(title)) {
        skipping = true;
        continue;
      }
      skipping = false;
      if (!docTitle && block.level === 1 && builder.isEmpty()) docTitle = title;
      else if (!sameText(title, docTitle)) builder.startSection(title, block.first);
      continue;
    }
    if (skipping) continue;
    const rawLines: number[] = [];
    for (let l = block.first; l <= block.last; l++) rawLines.push(l);
    let raw = trim(joinRaw(lines, rawLines, block.inList, block.inQuote));
    if (!raw.text) continue;
    if ((block.first === block.last && isEndMark(lines.lineText(block.first))) || isEndMark(raw.text)) {
      skipping = true;
      continue;
    }
    if (isImageOnly(raw.text)) {
      afterImage = true;
      continue;
    }
    const plain = cleanInline(raw);
    if (isFurniture(plain.text) || isCaptionLine(plain.text) || (wasAfterImage && isWhollyEmphasised(raw.text))) continue;

    let kind: ParagraphKind = block.inList && !block.soleNumbered ? 'bullet' : block.inQuote ? 'quotation' : 'prose';
    const numberedProse = !block.inList && !block.inQuote ? NUMBER_PREFIX.exec(raw.text) : null;
    const numbered = block.soleNumbered || numberedProse !== null;
    let headed = false;

    // A bold or underlined heading (`**Title**`, `**1. Title:**`, `<u>Title</u>`, over one line or more) or lead-in (`**Title:** text`).
    if (!block.inList || block.soleNumbered) {
      const body = numberedProse ? sliceMapped(raw, numberedProse[0].length) : raw;
      const wrapped = wrappedBoldEnd(body, text);
      const strict = wrapped < 0 ? LEADING_EMPHASIS.exec(body.text) : null;
      const end = wrapped >= 0 ? wrapped : strict ? strict[0].length : -1;
      if (end > 0) {
        const inner = oneLine(cleanInline(sliceMapped(body, 0, end)).text);
        const stripped = stripHeadingNumber(inner);
        const isNumbered = numbered || stripped.numbered;
        if (wrapped >= 0 || endsLine(body, end, text)) {
          const listFollows = end >= body.text.trim().length && blocks[b + 1]?.inList === true && !blocks[b + 1].heading;
          if (isBoldHeading(inner, stripped.title, isNumbered, listFollows)) {
            heading(stripped.title, block.first);
            raw = trim(sliceMapped(body, end));
            headed = true;
          }
        } else {
          const colonAfter = /^[ \u00a0\u202f]*[:：]/.exec(body.text.slice(end));
          if ((colonAfter || /[:：]$/.test(inner)) && isLeadInTitle(stripped.title)) {
            builder.startSection(stripped.title, block.first);
            raw = trim(sliceMapped(body, end + (colonAfter ? colonAfter[0].length : 0)));
            headed = true;
          }
        }
        if (headed) {
          kind = 'prose';
          if (!raw.text) continue;
        }
      }
    }
    // Short hard-broken lines under a paragraph: its signature (the Roadmap's opening quotation).
    if (!block.inList && builder.isByline(rawLines)) {
      builder.attachByline(rawLines);
      continue;
    }

    let mapped = trim(headed ? cleanInline(raw) : plain);
    if (!mapped.text) continue;

    // A numbered heading or lead-in without bold: `1. Catalyze Clean Energy and Create Good Jobs` alone, or `1. Title: text`.
    if (numbered && !headed) {
      const number = numberedProse ? /^\d{1,2}[.)][ \u00a0]+/.exec(mapped.text) : null;
      const body = number ? sliceMapped(mapped, number[0].length) : mapped;
      const lead = NUMBERED_LEAD_IN.exec(body.text);
      if (isNumberedHeading(body.text)) {
        builder.startSection(stripHeadingNumber(body.text).title, block.first);
        continue;
      } else if (lead && isLeadInTitle(lead[1])) {
        builder.startSection(lead[1].trim(), block.first);
        mapped = trim(sliceMapped(body, lead[0].length));
        kind = 'prose';
        headed = true;
      }
    }

    if (!block.inList && !block.inQuote && !headed) {
      // Lines under a quotation: who said it (`Président Joe Biden`, `— Prime Minister Justin Trudeau`, the date).
      if (builder.takesAttribution() && block.first === block.last && isAttributionLine(mapped.text)) {
        builder.addAttribution(mapped.text.replace(/^[—–-][ \u00a0]*/, ''));
        continue;
      }
      if (isDateOnly(mapped.text) || (builder.pendingCount() === 0 && isDatelineOnly(mapped.text))) {
        dateline ??= mapped.text;
        continue;
      }
      // A short title-case line alone before a paragraph: a plain-text heading.
      if (block.first === block.last && isPlainHeading(mapped.text) && blocks[b + 1] && !blocks[b + 1].heading) {
        heading(mapped.text, block.first);
        continue;
      }
      if (builder.pendingCount() === 0 && kind === 'prose') {
        const d = leadingDateline(mapped.text);
        if (d) {
          dateline ??= d.dateline;
          mapped = trim(sliceMapped(mapped, d.length));
          if (!mapped.text) continue;
        }
      }
    }
    builder.addParagraph(mapped, kind);
  }

  const lang = readLanguage(metadata) ?? input.lang ?? guessLanguage(builder.sampleText());
  const doc = builder.finish({
    uri: input.uri,
    displayPath: input.displayPath,
    bundled: input.bundled === true,
    title: docTitle ?? baseName(input.displayPath),
    lang,
    dateline,
    metadata,
  });
  if (doc.paragraphs.length === 0) {
    problem('warning', 'no paragraphs of text were found (only headings or front matter), so nothing in it can be cited.');
  }
  return { document: doc, problems };
}

/** The blocks of the body, in order: headings and paragraphs with their containers. */
function blocksOf(tokens: Token[], lines: LineIndex): Block[] {
  const blocks: Block[] = [];
  const containers: { type: string; sole: boolean }[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (tok.type === 'bullet_list_open' || tok.type === 'ordered_list_open' || tok.type === 'blockquote_open') {
      containers.push({ type: tok.type, sole: tok.type === 'ordered_list_open' && itemCount(tokens, t) === 1 });
    } else if (tok.type === 'bullet_list_close' || tok.type === 'ordered_list_close' || tok.type === 'blockquote_close') {
      containers.pop();
    } else if (tok.type === 'heading_open' && tok.map) {
      const content = tokens[t + 1]?.content?.trim() ?? '';
      blocks.push({ heading: true, first: tok.map[0], last: tok.map[1] - 1, level: Number(tok.tag.slice(1)) || 1, content, inList: false, inQuote: false, soleNumbered: false });
    } else if (tok.type === 'paragraph_open' && tok.map) {
      const lists = containers.filter(c => c.type !== 'blockquote_open');
      const top = containers[containers.length - 1];
      const soleNumbered = lists.length === 1 && top === lists[0] && top.sole && tokens[t - 1]?.type === 'list_item_open';
      blocks.push({
        heading: false,
        first: tok.map[0],
        last: tok.map[1] - 1,
        level: 0,
        content: '',
        inList: lists.length > 0,
        inQuote: containers.some(c => c.type === 'blockquote_open'),
        soleNumbered,
      });
    } else if (tok.type === 'code_block' && tok.map && containers.length === 0) {
      // Indented text (a plain-text file's indented paragraphs): each run of lines is a paragraph.
      let first = -1;
      for (let l = tok.map[0]; l <= tok.map[1]; l++) {
        const blank = l === tok.map[1] || lines.lineText(l).trim() === '';
        if (!blank && first < 0) first = l;
        if (blank && first >= 0) {
          blocks.push({ heading: false, first, last: l - 1, level: 0, content: '', inList: false, inQuote: false, soleNumbered: false });
          first = -1;
        }
      }
    }
  }
  return blocks;
}

/** How many items the list opened at `tokens[open]` has. */
function itemCount(tokens: Token[], open: number): number {
  const level = tokens[open].level;
  let n = 0;
  for (let t = open + 1; t < tokens.length; t++) {
    const tok = tokens[t];
    if (tok.level === level && tok.type.endsWith('_list_close')) break;
    if (tok.type === 'list_item_open' && tok.level === level + 1) n++;
  }
  return n;
}

/** A heading's words: markup removed, its number and final colon dropped (`## 1. Trade:` → `Trade`). */
function headingTitle(content: string): string {
  return stripHeadingNumber(oneLine(cleanInline(mappedString(content)).text)).title;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The end of a bold line whose closing marker a scrape put after the line break
 * (`**Space` / `   **`, or `**Expanding and Renewing our Partnership  ` / `**The United
 * States …`); -1 when the first marker after the opening one is not at a line break.
 */
function wrappedBoldEnd(m: MappedText, file: string): number {
  const open = /^(\*\*|__)(?=\S)/.exec(m.text);
  if (!open) return -1;
  const close = m.text.indexOf(open[1], 2);
  if (close < 0) return -1;
  let k = close;
  while (k > 2 && /\s/.test(m.text[k - 1])) k--;
  for (let i = k; i < close; i++) {
    const at = file[m.offsets[i]];
    if (at === '\n' || at === '\r') return close + 2;
  }
  return -1;
}

/** Whether position `end` of `m` ends a line of the file: the text ends there or goes on after a line break. */
function endsLine(m: MappedText, end: number, file: string): boolean {
  if (end >= m.text.length || (end === m.text.length - 1 && m.text[end] === '\\')) return true;
  if (!/\s/.test(m.text[end])) return false;
  const at = file[m.offsets[end]];
  return at === '\n' || at === '\r';
}

/**
 * A bold line (or lines) as a heading: short, and not a sentence that introduces a list
 * (`… which will prioritize:`). A longer bold sentence is a heading only over a list (the
 * principles of a statement of principles), else it is emphasis.
 */
function isBoldHeading(inner: string, title: string, numbered: boolean, listFollows: boolean): boolean {
  const words = wordCount(title);
  if (words === 0) return false;
  if (numbered) return words <= 20;
  if (words > 16) return false;
  if (/[.!?]$/.test(title) && words > 8 && !listFollows) return false;
  if (/[:：]$/.test(inner) && !isTitleCase(title)) return false;
  return true;
}

/** The title of a lead-in (`**Title:** text`, `1. Title: text`): a short phrase, not a sentence or a quotation. */
function isLeadInTitle(title: string): boolean {
  const t = title.trim();
  return wordCount(t) > 0 && wordCount(t) <= 12 && /^[\p{Lu}\p{N}]/u.test(t) && !/[.!?;][ \u00a0]|[“"«]/.test(t);
}

/** A numbered line that is a heading by itself: short, capitalised, no sentence punctuation. */
function isNumberedHeading(text: string): boolean {
  if (text.length > 200) return false;
  const words = wordCount(text);
  return words > 0 && words <= 16 && /^[\p{Lu}\p{N}]/u.test(text) && !/[.;,!?]$/.test(text) && !/[.!?;][ \u00a0]/.test(text) && !/[“"«]/.test(text);
}

/** A line alone that reads as a heading: at most ten title-case words, no final punctuation, not a date. */
function isPlainHeading(text: string): boolean {
  if (text.length > 120) return false;
  const words = wordCount(text);
  return (
    words > 0 &&
    words <= 10 &&
    /^\p{Lu}/u.test(text) &&
    !/[.!?:;,”"»)’]$/.test(text) &&
    isTitleCase(text) &&
    !isDateOnly(text) &&
    !isDatelineOnly(text)
  );
}

/** A signature line under a quotation: a few words, no sentence punctuation (`Président Joe Biden`, `— Justin Trudeau`, a date). */
function isAttributionLine(text: string): boolean {
  if (text.length > 120) return false;
  if (isDateOnly(text)) return true;
  const t = text.replace(/^[—–-][ \u00a0]*/, '');
  const words = wordCount(t);
  return words > 0 && words <= 8 && /^\p{Lu}/u.test(t) && !/[.!?;:"”»]$/.test(t);
}

/** `*A caption*` or `_A caption_`: the whole paragraph in italics. */
function isWhollyEmphasised(raw: string): boolean {
  return /^([*_])(?!\1)(?=\S)[\s\S]*\S\1$/.test(raw.trim());
}

class DocumentBuilder {
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

  finish(meta: { uri: string; displayPath: string; bundled: boolean; title: string; lang?: string; dateline?: string; metadata: Record<string, unknown> }): SourceDocument {
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
    return (this.split ??= splitParagraph(this.id, this.text));
  }
}

/** The sentences of a paragraph's text, with offsets into it. */
export function splitParagraph(paragraphId: string, text: string): readonly Sentence[] {
  const sentences: Sentence[] = [];
  for (const node of splitSentences(maskAcronyms(text))) {
    if (node.type !== 'Sentence') continue;
    let [start, end] = node.range;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) continue;
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

/**
 * Dotted acronyms (`U.S.`, `U.N.`, `E.U.`) end a sentence only at the end of a paragraph
 * in government prose; elsewhere they are followed by `Department`, `border`, `-Canada`.
 * The splitter sees them with their periods masked (same length, so ranges still hold).
 */
function maskAcronyms(text: string): string {
  return text.replace(/\b(?:\p{Lu}\.){2,}(?=\s*\S)/gu, m => m.replace(/\./g, '\u2024'));
}

/** Strips list/quote markers and indentation from one raw line. */
function stripPrefix(line: string, inList: boolean, inQuote: boolean, isFirst: boolean): string {
  let s = line;
  if (inQuote) s = s.replace(QUOTE_MARKER, '');
  if (inList && isFirst) s = s.replace(LIST_MARKER, '');
  return s.replace(/^\s+/, '');
}

/** Joins a block's raw lines into one mapped text: markers stripped, wraps joined (inline markup is left for {@link cleanInline}). */
function joinRaw(lines: LineIndex, rawLines: number[], inList: boolean, inQuote: boolean): MappedText {
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

function isTitleCase(phrase: string): boolean {
  if (/[,;]/.test(phrase)) return false;
  const ws = phrase.split(/\s+/);
  return ws.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && MINOR_WORDS.has(w.toLowerCase())));
}

function decode(content: string | Uint8Array): { text: string } | { error: string } {
  if (typeof content === 'string') {
    if (content.slice(0, 8000).includes('\u0000')) return { error: 'this looks like a binary file, not text. Sources must be Markdown or plain text.' };
    return { text: content.replace(/^\ufeff/, ' ') };
  }
  if (content.subarray(0, 8000).includes(0)) return { error: 'this looks like a binary file, not text. Sources must be Markdown or plain text.' };
  try {
    // The BOM is kept as a space so offsets stay those of the file.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content).replace(/^\ufeff/, ' ') };
  } catch {
    return { error: 'the file is not valid UTF-8 text. Save it as UTF-8 and reload the sources.' };
  }
}

function uriFileName(uri: string): string {
  const tail = uri.replace(/[?#].*$/, '').split('/').pop() ?? '';
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.(md|markdown|txt|text)$/i, '') || name;
}

function uniqueId(base: string, taken: ReadonlySet<string> & { add?: (v: string) => unknown }): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  if (taken instanceof Set) taken.add(id);
  return id;
}

/** A title as a reader writes it: one line, Markdown escapes and emphasis removed (a plain YAML scalar keeps `Joe\_Biden` as written). */
function cleanTitle(s: string | undefined): string | undefined {
  const t = s === undefined ? undefined : oneLine(cleanInline(mappedString(s)).text);
  return t ? t : undefined;
}

function sameText(a: string, b: string | undefined): boolean {
  return b !== undefined && normalizeText(a).text === normalizeText(b).text;
}

function stringField(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.replace(/\s+/g, ' ').trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}

function isoDate(v: unknown): string | undefined {
  if (v instanceof Date && !isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
    return m ? m[1] : v.trim() || undefined;
  }
  return undefined;
}
