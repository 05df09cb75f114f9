/**
 * Parses a source document (Markdown or plain text, optional YAML front matter) into
 * sections, paragraphs and sentences with exact offsets back into the file.
 *
 * Block structure comes from markdown-it (its `map` gives each block's lines); the
 * text of each block is then rebuilt from the raw lines so that every character of a
 * paragraph keeps its offset in the file, CRLF included.
 */
import MarkdownIt from 'markdown-it';
import { split as splitSentences } from 'sentence-splitter';
import { count, DEFAULT_LIMITS, MAX_BLOCK_CHARS, MAX_NESTING, type SourceLimits } from '../limits';
import { normalizeText, slugify, tokenize, type NormalizedText } from '../normalize';
import { OffsetMapBuilder, type OffsetMap } from '../offsetMap';
import { LineIndex, type Range } from '../positions';
import { runSteps, type Steps } from '../steps';
import type { Paragraph, ParagraphKind, ParseResult, Section, Sentence, SourceDocument, SourceInput, SourceProblem } from '../types';
import { readFrontMatter } from './frontMatter';

// Only the block structure is used (each block's lines; a heading's raw content), so the
// inline pass, a third of markdown-it's time on a large corpus, is switched off.
// maxNesting: the 'default' preset's 100 rather than commonmark's 20, at which a list nested
// ten deep was cut off with everything after it; what is nested deeper still is reported.
const markdown = new MarkdownIt('commonmark', { maxNesting: MAX_NESTING }).disable('inline');
type Token = ReturnType<typeof markdown.parse>[number];



/**
 * Text with the file offset of each of its UTF-16 units: the unit every transformation
 * below works on. Offsets stay expanded while a paragraph is assembled and are compressed
 * into an offset map (runs, see `offsetMap.ts`) when it is built.
 */
interface MappedText {
  text: string;
  offsets: Uint32Array;
}

function sliceMapped(m: MappedText, start: number, end = m.text.length): MappedText {
  return { text: m.text.slice(start, end), offsets: m.offsets.subarray(start, end) };
}

const BOLD_LINE = /^(\*\*|__)(?!\s)(.+?)(?<!\s)\1\s*\\?$/;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])(?:\s+|$)/;
const QUOTE_MARKER = /^\s*(?:>\s?)+/;
/** `Combating COVID-19: The President ...` — a short title-case lead-in that opens a section. */
const LEAD_IN = /^([A-Z][\p{L}\p{N}'’.&\-]*(?:\s+[\p{L}\p{N}'’.&\-]+){0,7}):\s+(?=\S)/u;
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with']);
const HARD_BREAK = /( {2,}|\\)$/;

/** Parses one source. Never throws: anything wrong becomes a {@link SourceProblem}. */
export function parseSource(input: SourceInput, takenIds: ReadonlySet<string> = new Set(), limits: Partial<SourceLimits> = {}, passagesBefore = 0): ParseResult {
  return runSteps(parseSourceSteps(input, takenIds, limits, passagesBefore));
}

/** Characters of body text parsed at a time; the parse yields between chunks. */
const CHUNK_CHARS = 32 * 1024;
/** Paragraphs read or built between yields. */
const PARAGRAPHS_PER_STEP = 250;

/**
 * {@link parseSource} in steps: the body is parsed a chunk of lines at a time (cut only where
 * the Markdown parses the same either way, see {@link ChunkScanner}), so a large source never
 * holds the caller for long, and parsing stops at the passage limit instead of parsing a
 * million passages to keep the first hundred thousand.
 */
export function* parseSourceSteps(
  input: SourceInput,
  takenIds: ReadonlySet<string> = new Set(),
  limitsIn: Partial<SourceLimits> = {},
  /** Passages the sources loaded before this one already have (they count towards the limit). */
  passagesBefore = 0,
  chunkChars = CHUNK_CHARS,
): Steps<ParseResult> {
  const limits: SourceLimits = { ...DEFAULT_LIMITS, ...limitsIn };
  const room = limits.maxPassages - passagesBefore;
  const problems: SourceProblem[] = [];
  const problem = (severity: SourceProblem['severity'], reason: string, range?: Range) =>
    problems.push({ uri: input.uri, displayPath: input.displayPath, severity, message: `${input.displayPath}: ${reason}`, range });

  const decoded = yield* decode(input.content);
  if ('error' in decoded) {
    problem('error', decoded.error);
    return { problems };
  }
  const text = decoded.text;
  if (!/\S/.test(text)) {
    problem('error', 'the file is empty, so it has no passages to cite. Add the source text or remove it from verbatim.sources.');
    return { problems };
  }
  if (room <= 0) {
    problem('error', `not indexed: the sources before it already have ${count(limits.maxPassages)} passages, the most Verbatim indexes across all sources. Name fewer or smaller sources.`);
    return { problems };
  }

  const lines = yield* LineIndex.build(text);
  const fm = readFrontMatter(text, lines);
  if (fm.error) problem('warning', `${fm.error} The front matter was ignored; the text below it is still used.`, fm.range);
  const metadata = fm.data;

  const docId = uniqueId(slugify(baseName(uriFileName(input.uri) || input.displayPath)), takenIds);
  const title = cleanTitle(stringField(metadata.title)) ?? undefined;
  const builder = new DocumentBuilder(docId, text, lines);

  // markdown-it sees the body with the front matter blanked out, so its line numbers are the file's.
  const body: Lines = { length: lines.lineCount, at: i => (i < fm.bodyStartLine ? '' : lines.lineText(i)) };
  yield;

  let docTitle = title;
  const tooLong: { line: number; chars: number }[] = [];
  const tooDeep: number[] = [];
  let cut: { line: number; what: 'passages' | 'sections' } | undefined;
  const tooBig: { from: number; to: number }[] = [];
  const scanner = new ChunkScanner(body);
  chunks: for (let chunkStart = 0; !scanner.done; ) {
    let next = scanner.next(chunkChars);
    if (next.forced) {
      // One block of megabytes: skipped to its end, a megabyte at a time.
      while (next.forced) {
        yield;
        next = scanner.next(chunkChars);
      }
      tooBig.push({ from: chunkStart, to: next.end });
      chunkStart = next.end;
      continue;
    }
    const chunkStop = next.end;
    let tokens: Token[];
    try {
      const chunk: string[] = [];
      for (let l = chunkStart; l < chunkStop; l++) chunk.push(body.at(l));
      tokens = markdown.parse(chunk.join('\n'), {});
    } catch (e) {
      problem('error', `the Markdown could not be parsed (${(e as Error).message}).`);
      return { problems };
    }
    for (const tok of tokens) if (tok.map) tok.map = [tok.map[0] + chunkStart, tok.map[1] + chunkStart];
    for (const l of droppedByNesting(tokens, body, chunkStart, chunkStop)) tooDeep.push(l);
    const containers: string[] = [];
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t];
      if (tok.type === 'bullet_list_open' || tok.type === 'ordered_list_open' || tok.type === 'blockquote_open') {
        containers.push(tok.type);
      } else if (tok.type.endsWith('_close') && (tok.type.startsWith('bullet_list') || tok.type.startsWith('ordered_list') || tok.type.startsWith('blockquote'))) {
        containers.pop();
      } else if (tok.type === 'heading_open' && tok.map) {
        if (builder.sectionCount >= limits.maxPassages) {
          cut = { line: tok.map[0], what: 'sections' };
          break chunks;
        }
        const inline = tokens[t + 1];
        const headingText = inline?.content?.trim() ?? '';
        if (!docTitle && tok.tag === 'h1' && builder.isEmpty()) docTitle = cleanTitle(headingText);
        else if (headingText && !sameText(headingText, docTitle)) builder.startSection(headingText, tok.map[0]);
      } else if (tok.type === 'paragraph_open' && tok.map) {
        const inList = containers.some(c => c !== 'blockquote_open');
        const inQuote = containers.includes('blockquote_open');
        let first = tok.map[0];
        const last = tok.map[1] - 1;
        if (builder.passageCount >= room || builder.sectionCount >= limits.maxPassages) {
          cut = { line: first, what: builder.passageCount >= room ? 'passages' : 'sections' };
          break chunks;
        }
        // A whole-line bold heading, alone or on the first line of the block (`**Title**  ` + hard break).
        const firstLine = stripPrefix(lines.lineText(first), inList, inQuote, true);
        const bold = BOLD_LINE.exec(firstLine.trim());
        if (bold && !inList) {
          const headingText = bold[2].trim();
          if (!docTitle && builder.isEmpty()) docTitle = cleanTitle(headingText);
          else if (!sameText(headingText, docTitle)) builder.startSection(headingText, first);
          first++;
          if (first > last) continue;
        }
        const rawLines: number[] = [];
        for (let l = first; l <= last; l++) rawLines.push(l);
        if (!inList && builder.isByline(rawLines)) {
          builder.attachByline(rawLines);
          continue;
        }
        // Measured in the file's characters, before anything is built from it.
        const chars = lines.lineStarts[last] + lines.lineText(last).length - lines.lineStarts[first];
        if (chars > limits.maxPassageChars) {
          tooLong.push({ line: first, chars });
          continue;
        }
        const mapped = joinLines(lines, rawLines, inList, inQuote);
        const kind: ParagraphKind = inList ? 'bullet' : inQuote ? 'quotation' : 'prose';
        builder.addParagraph(mapped, kind);
        // A chunk of one-line paragraphs holds thousands of them.
        if (builder.passageCount % PARAGRAPHS_PER_STEP === 0) yield;
      }
    }
    chunkStart = chunkStop;
    yield;
  }

  if (!docTitle) docTitle = baseName(input.displayPath);
  const doc = yield* builder.finish({
    uri: input.uri,
    displayPath: input.displayPath,
    bundled: input.bundled === true,
    title: docTitle,
    metadata,
  });
  if (tooLong.length) {
    const longest = tooLong.reduce((a, b) => (b.chars > a.chars ? b : a));
    const at = tooLong.slice(0, 3).map(x => count(x.line + 1));
    const where = tooLong.length === 1 ? `the paragraph at line ${at[0]} has ${count(longest.chars)} characters,` : `${count(tooLong.length)} paragraphs (at lines ${at.join(', ')}${tooLong.length > 3 ? ', …' : ''}; the longest has ${count(longest.chars)} characters) have`;
    problem('warning', `${where} more than the ${count(limits.maxPassageChars)} Verbatim indexes as one passage, so ${tooLong.length === 1 ? 'it was' : 'they were'} not indexed. Break long text into paragraphs separated by blank lines.`, lines.rangeAt(lines.lineStarts[tooLong[0].line], lines.lineStarts[tooLong[0].line]));
  }
  if (tooDeep.length) {
    const firstLine = tooDeep[0];
    problem('warning', `${tooDeep.length === 1 ? `line ${count(firstLine + 1)} is` : `${count(tooDeep.length)} lines from line ${count(firstLine + 1)} on are`} nested more deeply than Verbatim reads (${MAX_NESTING} block quotes, or ${MAX_NESTING / 2} lists, one inside another) and ${tooDeep.length === 1 ? 'was' : 'were'} not indexed. Flatten the nesting to cite that text.`);
  }
  if (cut) {
    const why =
      cut.what === 'passages'
        ? `only its first ${count(doc.paragraphs.length)} passages were indexed: Verbatim indexes at most ${count(limits.maxPassages)} passages across all sources${passagesBefore > 0 ? ` and the sources before it have ${count(passagesBefore)}` : ''}.`
        : `only its first ${count(doc.sections.length)} headings were read: Verbatim reads at most ${count(limits.maxPassages)} sections in one source.`;
    problem('warning', `${why} The text from line ${count(cut.line + 1)} to the end (line ${count(lines.lineCount)}) was not indexed.`, lines.rangeAt(lines.lineStarts[cut.line], lines.lineStarts[cut.line]));
  }
  for (const b of tooBig) {
    let to = b.to;
    while (to > b.from + 1 && !/\S/.test(lines.lineText(to - 1))) to--;
    const chars = lines.lineStarts[to - 1] + lines.lineText(to - 1).length - lines.lineStarts[b.from];
    problem(
      'warning',
      `lines ${count(b.from + 1)} to ${count(to)} (${count(chars)} characters) have no blank line or list item between them, more than the ${count(MAX_BLOCK_CHARS)} characters Verbatim reads as one block, so they were not indexed. Separate paragraphs with blank lines.`,
      lines.rangeAt(lines.lineStarts[b.from], lines.lineStarts[b.from]),
    );
  }
  if (doc.paragraphs.length === 0 && !tooLong.length && !tooDeep.length && !tooBig.length) {
    problem('warning', 'no paragraphs of text were found (only headings or front matter), so nothing in it can be cited.');
  }
  return { document: doc, problems };
}

/** The lines of a text, read one at a time. */
interface Lines {
  readonly length: number;
  at(line: number): string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** HTML blocks that a blank line does not end (CommonMark's kinds 1 to 5), with what ends them. */
const HTML_BLOCKS: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** A bullet item with text at the left margin (not a thematic break or a setext underline). */
const TOP_BULLET = /^[-*+] +[^\s*+-]/;

/**
 * Finds where the body may be cut into chunks parsed apart: at lines where the Markdown
 * parses the same whether the text before is parsed with it or apart. That is a line at the
 * left margin after a blank line (a paragraph, heading or new list there ends every open list
 * and block quote), or a bullet item at the left margin (it ends whatever came before and
 * starts a list either way), outside fenced code and the HTML blocks that run across blank
 * lines. A block with no such line in {@link MAX_BLOCK_CHARS} (a paragraph of megabytes, a
 * fence never closed) is reported as `forced` a megabyte at a time, so that the caller can
 * skip it without ever holding all of it.
 */
export class ChunkScanner {
  private position = 0;
  private fence: { char: string; length: number } | undefined;
  private html: RegExp | undefined;

  constructor(private readonly lines: Lines) {}

  get done(): boolean {
    return this.position >= this.lines.length;
  }

  /** The end of the next chunk, at least `target` characters on where a cut is possible. */
  next(target: number, max = MAX_BLOCK_CHARS): { end: number; forced: boolean } {
    const from = this.position;
    let size = 0;
    let lastCut = -1;
    for (let l = from; l < this.lines.length; l++) {
      const line = this.lines.at(l);
      if (l > from && !this.fence && !this.html && /^\S/.test(line) && (/^\s*$/.test(this.lines.at(l - 1)) || TOP_BULLET.test(line))) {
        if (size >= target) return this.stop(l, false);
        lastCut = l;
      }
      if (size >= max) {
        // Cut where it was possible, if anywhere, so that only the big block is forced.
        if (lastCut > from) {
          this.fence = this.html = undefined;
          return this.stop(lastCut, false);
        }
        return this.stop(l, true);
      }
      size += line.length + 1;
      this.track(line);
    }
    return this.stop(this.lines.length, false);
  }

  private stop(end: number, forced: boolean): { end: number; forced: boolean } {
    this.position = end;
    return { end, forced };
  }

  private track(line: string): void {
    if (this.fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === this.fence.char && m[1].length >= this.fence.length && /^\s*$/.test(m[2])) this.fence = undefined;
      return;
    }
    if (this.html) {
      if (this.html.test(line)) this.html = undefined;
      return;
    }
    const f = FENCE.exec(line);
    if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
      this.fence = { char: f[1][0], length: f[1].length };
      return;
    }
    for (const [start, end] of HTML_BLOCKS) {
      if (start.test(line)) {
        if (!end.test(line.replace(start, ''))) this.html = end;
        return;
      }
    }
  }
}

/**
 * Lines with text that markdown-it left out because lists or block quotes were nested past
 * its limit (it then skips the rest of the innermost container, and after a list item, the
 * rest of the chunk). Only looked for when a container reached the limit.
 */
function droppedByNesting(tokens: readonly Token[], body: Lines, from: number, to: number): number[] {
  const deep = tokens.find(t => t.nesting === 1 && t.level >= MAX_NESTING - 1 && t.map);
  if (!deep) return [];
  const covered = new Set<number>();
  for (const t of tokens) {
    if (!t.map) continue;
    if (t.type === 'paragraph_open' || t.type === 'heading_open' || t.type === 'code_block' || t.type === 'fence' || t.type === 'html_block' || t.type === 'hr') {
      for (let l = t.map[0]; l < t.map[1]; l++) covered.add(l);
    }
  }
  const dropped: number[] = [];
  for (let l = Math.max(from, deep.map![0]); l < to; l++) if (!covered.has(l) && /[\p{L}\p{N}]/u.test(body.at(l))) dropped.push(l);
  return dropped;
}

class DocumentBuilder {
  private readonly sections: { id: string; title: string; isOpening: boolean; startLine: number; paragraphs: Paragraph[] }[] = [];
  private readonly pending: { mapped: MappedText; kind: ParagraphKind; section: number; attribution?: string }[] = [];
  private readonly sectionIds = new Set<string>();

  constructor(private readonly docId: string, private readonly text: string, private readonly lines: LineIndex) {}

  isEmpty(): boolean {
    return this.pending.length === 0 && this.sections.length === 0;
  }

  get passageCount(): number {
    return this.pending.length;
  }

  get sectionCount(): number {
    return this.sections.length;
  }

  startSection(title: string, line: number): void {
    const clean = title.replace(/\s+/g, ' ').trim();
    this.sections.push({ id: uniqueId(slugify(clean), this.sectionIds), title: clean, isOpening: false, startLine: line, paragraphs: [] });
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
    if (kind === 'prose' && isWhollyQuoted(mapped.text)) {
      mapped = trim(sliceMapped(mapped, 1, mapped.text.length - 1));
      kind = 'quotation';
    }
    this.pending.push({ mapped, kind, section: this.sections.length - 1 });
  }

  *finish(meta: { uri: string; displayPath: string; bundled: boolean; title: string; metadata: Record<string, unknown> }): Steps<SourceDocument> {
    const opening: { paragraphs: Paragraph[] } = { paragraphs: [] };
    const paragraphs: Paragraph[] = [];
    const counts = new Map<number, number>();
    for (const p of this.pending) {
      const n = (counts.get(p.section) ?? 0) + 1;
      counts.set(p.section, n);
      const section = p.section >= 0 ? this.sections[p.section] : undefined;
      const sectionId = section ? section.id : 'opening';
      const sectionTitle = section ? section.title : 'Opening';
      const id = `${this.docId}#${sectionId}-${n}`;
      const label = section ? `${meta.title}, ${sectionTitle}, ¶${n}` : `${meta.title}, opening, ¶${n}`;
      const paragraph = buildParagraph(id, this.docId, sectionId, sectionTitle, n, label, p.kind, p.mapped, this.text.length, this.lines, p.attribution);
      paragraphs.push(paragraph);
      (section ?? opening).paragraphs.push(paragraph);
      if (paragraphs.length % PARAGRAPHS_PER_STEP === 0) yield;
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
          title: 'Opening',
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
      date: isoDate(md.date ?? md.published_time),
      url: stringField(md.source_url ?? md.url ?? md.link),
      publisher: stringField(md.publisher),
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

/** Joins a block's raw lines into one mapped text: markers stripped, wraps joined, inline markup removed. */
function joinLines(lines: LineIndex, rawLines: number[], inList: boolean, inQuote: boolean): MappedText {
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
      const wrappedHyphen = last.endsWith('-') && /\p{L}-$/u.test(last) && /[\p{L}]/u.test(raw[start]);
      if (!wrappedHyphen) {
        pieces.push(' ');
        offsets[len++] = base - 1 >= 0 ? lineBreakOffset(lines, l) : base;
      }
    }
    pieces.push(raw.slice(start, end));
    for (let k = start; k < end; k++) offsets[len++] = base + k;
    last = raw.slice(Math.max(start, end - 2), end);
  });
  return removeInlineMarkup({ text: pieces.join(''), offsets: offsets.subarray(0, len) });
}

/** The offset of the line break that ends the line before `line`. */
function lineBreakOffset(lines: LineIndex, line: number): number {
  const prevStart = lines.lineStarts[line - 1];
  return prevStart + lines.lineText(line - 1).length;
}

/** Removes emphasis markers, link targets and backslash escapes, keeping offsets. */
function removeInlineMarkup(m: MappedText): MappedText {
  const s = m.text;
  if (!/[*_\\[]/.test(s)) return m;
  const drop = new Uint8Array(s.length);
  const dropRange = (from: number, to: number) => drop.fill(1, from, to);
  for (const match of s.matchAll(/\\([\\`*_{}[\]()#+\-.!])/g)) dropRange(match.index!, match.index! + 1);
  for (const match of s.matchAll(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g)) {
    dropRange(match.index!, match.index! + 2);
    dropRange(match.index! + match[0].length - 2, match.index! + match[0].length);
  }
  for (const match of s.matchAll(/\[([^\]\n]+)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g)) {
    dropRange(match.index!, match.index! + 1);
    dropRange(match.index! + 1 + match[1].length, match.index! + match[0].length);
  }
  const kept: string[] = [];
  const offsets = new Uint32Array(s.length);
  let len = 0;
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j < s.length && drop[j] === drop[i]) j++;
    if (!drop[i]) {
      kept.push(s.slice(i, j));
      offsets.set(m.offsets.subarray(i, j), len);
      len += j - i;
    }
    i = j;
  }
  return { text: kept.join(''), offsets: offsets.subarray(0, len) };
}

/** Without leading and trailing white space. */
function trim(m: MappedText): MappedText {
  let start = 0;
  let end = m.text.length;
  while (start < end && /\s/.test(m.text[start])) start++;
  while (end > start && /\s/.test(m.text[end - 1])) end--;
  return start === 0 && end === m.text.length ? m : sliceMapped(m, start, end);
}

function isWhollyQuoted(text: string): boolean {
  const first = text[0];
  const last = text[text.length - 1];
  if (!((first === '“' && last === '”') || (first === '"' && last === '"'))) return false;
  return !/[“”"]/.test(text.slice(1, -1));
}

function isTitleCase(phrase: string): boolean {
  if (/[,;]/.test(phrase)) return false;
  const ws = phrase.split(/\s+/);
  return ws.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && MINOR_WORDS.has(w.toLowerCase())));
}

/** Bytes decoded between yields. */
const DECODE_BYTES = 1 << 20;

function* decode(content: string | Uint8Array): Steps<{ text: string } | { error: string }> {
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

function cleanTitle(s: string | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
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
