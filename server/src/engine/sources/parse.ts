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
 *
 * A large source is parsed in steps (see steps.ts): its body a chunk of lines at a time
 * (blocks.ts says where a cut changes nothing), and parsing stops at the passage limit
 * (limits.ts) instead of reading a million passages to keep the first hundred thousand.
 */
import { count, DEFAULT_LIMITS, type SourceLimits } from '../limits';
import { slugify } from '../normalize';
import { LineIndex, type Range } from '../positions';
import { PASSAGES_PER_STEP, runSteps, type Steps } from '../steps';
import type { ParagraphKind, ParseResult, SourceInput, SourceProblem } from '../types';
import { ChunkScanner, parseChunk, reportLeftOut, type Block, type Cut, type LeftOut, type Lines } from './blocks';
import { readFrontMatter, readLanguage } from './frontMatter';
import { DocumentBuilder, baseName, cleanTitle, decode, isTitleCase, joinRaw, oneLine, sameText, stringField, uniqueId, uriFileName } from './document';
import { cleanInline, isImageOnly, mappedString, sliceMapped, trimMapped as trim, type MappedText } from './inline';
import { guessLanguage, isCaptionLine, isDatelineOnly, isDateOnly, isEndMark, isFurniture, leadingDateline, stripHeadingNumber, wordCount } from './layout';

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

/** Parses one source. Never throws: anything wrong becomes a {@link SourceProblem}. */
export function parseSource(input: SourceInput, takenIds: ReadonlySet<string> = new Set(), limits: Partial<SourceLimits> = {}, passagesBefore = 0): ParseResult {
  return runSteps(parseSourceSteps(input, takenIds, limits, passagesBefore));
}

/** Characters of body text parsed at a time; the parse yields between chunks. */
const CHUNK_CHARS = 32 * 1024;

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
  const builder = new DocumentBuilder(docId, text, lines);

  // markdown-it sees the body with the front matter blanked out, so its line numbers are the file's.
  // A line of only white space of any kind is blank: scraped pages separate paragraphs with a
  // non-breaking space (`<p>&nbsp;</p>`), which CommonMark would read as text joining them.
  const body: Lines = {
    length: lines.lineCount,
    at: i => {
      if (i < fm.bodyStartLine) return '';
      const line = lines.lineText(i);
      return line.trim() === '' ? '' : line;
    },
  };
  yield;

  const state: ReadState = { text, lines, builder, blocks: [], docTitle: cleanTitle(stringField(metadata.title)), dateline: undefined, skipping: false, afterImage: false, maxPassageChars: limits.maxPassageChars, tooLong: [] };
  const left: LeftOut = { tooLong: state.tooLong, tooDeep: [], tooBig: [] };
  try {
    left.cut = yield* readBody(state, body, left, { room, maxSections: limits.maxPassages, chunkChars });
  } catch (e) {
    problem('error', `the Markdown could not be parsed (${(e as Error).message}).`);
    return { problems };
  }
  const { docTitle, dateline } = state;

  const lang = readLanguage(metadata) ?? input.lang ?? guessLanguage(builder.sampleText());
  const doc = yield* builder.finish({
    uri: input.uri,
    displayPath: input.displayPath,
    bundled: input.bundled === true,
    title: docTitle ?? baseName(input.displayPath),
    lang,
    dateline,
    metadata,
  });
  reportLeftOut(left, doc, lines, limits, passagesBefore, problem);
  if (doc.paragraphs.length === 0 && !left.tooLong.length && !left.tooDeep.length && !left.tooBig.length) {
    problem('warning', 'no paragraphs of text were found (only headings or front matter), so nothing in it can be cited.');
  }
  return { document: doc, problems };
}

/**
 * Reads the body a chunk at a time, yielding between chunks and between batches of passages;
 * returns where a limit stopped it, if one did. Throws what markdown-it throws.
 */
function* readBody(state: ReadState, body: Lines, left: LeftOut, opts: { room: number; maxSections: number; chunkChars: number }): Steps<Cut | undefined> {
  const { builder, blocks } = state;
  // Blocks are read in order, each once the block after it is known (a heading depends on what follows it).
  let read = 0;
  let nextYield = PASSAGES_PER_STEP;
  const readBlocks = function* (end: number): Steps<Cut | undefined> {
    for (; read < end; read++) {
      if (builder.pendingCount() >= opts.room || builder.sectionCount >= opts.maxSections) {
        return { line: blocks[read].first, what: builder.pendingCount() >= opts.room ? 'passages' : 'sections' };
      }
      readBlock(state, read);
      // A chunk of one-line paragraphs holds thousands of them.
      if (builder.pendingCount() >= nextYield) {
        nextYield = builder.pendingCount() + PASSAGES_PER_STEP;
        yield;
      }
    }
    return undefined;
  };
  const scanner = new ChunkScanner(body);
  for (let chunkStart = 0; !scanner.done; ) {
    let next = scanner.next(opts.chunkChars);
    if (next.forced) {
      // One block of megabytes: skipped to its end, a megabyte at a time.
      while (next.forced) {
        yield;
        next = scanner.next(opts.chunkChars);
      }
      left.tooBig.push({ from: chunkStart, to: next.end });
      chunkStart = next.end;
      continue;
    }
    const parsed = parseChunk(body, chunkStart, next.end, state.lines);
    left.tooDeep.push(...parsed.tooDeep);
    blocks.push(...parsed.blocks);
    chunkStart = next.end;
    const cut = yield* readBlocks(scanner.done ? blocks.length : blocks.length - 1);
    if (cut) return cut;
    yield;
  }
  return yield* readBlocks(blocks.length);
}

/** What the parser keeps while it reads the blocks of a body, in order. */
interface ReadState {
  readonly text: string;
  readonly lines: LineIndex;
  readonly builder: DocumentBuilder;
  /** The blocks parsed so far (chunk by chunk). */
  readonly blocks: Block[];
  docTitle: string | undefined;
  dateline: string | undefined;
  /** After an end mark or a furniture heading, until the next heading. */
  skipping: boolean;
  afterImage: boolean;
  /** The passage-length limit, and the paragraphs over it (left out: reported by line). */
  readonly maxPassageChars: number;
  readonly tooLong: { line: number; chars: number }[];
}

/** A heading or bold line: the document's title when nothing came before it, else a section. */
function heading(st: ReadState, title: string, line: number): void {
  if (!st.docTitle && st.builder.isEmpty()) st.docTitle = cleanTitle(title);
  else if (!sameText(title, st.docTitle)) st.builder.startSection(title, line);
}

/** Reads block `b` of the body: a heading, furniture or an end mark, or a paragraph with what heads it. */
function readBlock(st: ReadState, b: number): void {
  const { lines, builder, blocks } = st;
  const block = blocks[b];
  const wasAfterImage = st.afterImage;
  st.afterImage = false;
  if (block.heading) return readHeading(st, block);
  if (st.skipping) return;
  // Measured in the file's characters, before anything is built from it.
  const chars = lines.lineStarts[block.last] + lines.lineText(block.last).length - lines.lineStarts[block.first];
  if (chars > st.maxPassageChars) {
    st.tooLong.push({ line: block.first, chars });
    return;
  }
  const rawLines: number[] = [];
  for (let l = block.first; l <= block.last; l++) rawLines.push(l);
  let raw = trim(joinRaw(lines, rawLines, block.inList, block.inQuote));
  if (!raw.text) return;
  if ((block.first === block.last && isEndMark(lines.lineText(block.first))) || isEndMark(raw.text)) {
    st.skipping = true;
    return;
  }
  if (isImageOnly(raw.text)) {
    st.afterImage = true;
    return;
  }
  const plain = cleanInline(raw);
  if (isFurniture(plain.text) || isCaptionLine(plain.text) || (wasAfterImage && isWhollyEmphasised(raw.text))) return;

  let kind: ParagraphKind = block.inList && !block.soleNumbered ? 'bullet' : block.inQuote ? 'quotation' : 'prose';
  const numberedProse = !block.inList && !block.inQuote ? NUMBER_PREFIX.exec(raw.text) : null;
  const numbered = block.soleNumbered || numberedProse !== null;
  let headed = false;

  // A bold or underlined heading (`**Title**`, `**1. Title:**`, `<u>Title</u>`, over one line or more) or lead-in (`**Title:** text`).
  if (!block.inList || block.soleNumbered) {
    const lead = emphasisLead(st, b, raw, numberedProse, numbered);
    if (lead) {
      raw = lead;
      headed = true;
      kind = 'prose';
      if (!raw.text) return;
    }
  }
  // Short hard-broken lines under a paragraph: its signature (the Roadmap's opening quotation).
  if (!block.inList && builder.isByline(rawLines)) {
    builder.attachByline(rawLines);
    return;
  }

  let mapped = trim(headed ? cleanInline(raw) : plain);
  if (!mapped.text) return;

  // A numbered heading or lead-in without bold: `1. Catalyze Clean Energy and Create Good Jobs` alone, or `1. Title: text`.
  if (numbered && !headed) {
    const number = numberedProse ? /^\d{1,2}[.)][ \u00a0]+/.exec(mapped.text) : null;
    const body = number ? sliceMapped(mapped, number[0].length) : mapped;
    const lead = NUMBERED_LEAD_IN.exec(body.text);
    if (isNumberedHeading(body.text)) {
      builder.startSection(stripHeadingNumber(body.text).title, block.first);
      return;
    } else if (lead && isLeadInTitle(lead[1])) {
      builder.startSection(lead[1].trim(), block.first);
      mapped = trim(sliceMapped(body, lead[0].length));
      kind = 'prose';
      headed = true;
    }
  }

  if (!block.inList && !block.inQuote && !headed) {
    const rest = plainProse(st, b, mapped, kind);
    if (!rest) return;
    mapped = rest;
  }
  builder.addParagraph(mapped, kind);
}

/** A heading block: an end mark or page furniture (skip what follows), the document's title, or a section. */
function readHeading(st: ReadState, block: Block): void {
  if (isEndMark(st.lines.lineText(block.first))) {
    st.skipping = true;
    return;
  }
  const title = headingTitle(block.content);
  if (!title) return;
  if (isFurniture(title)) {
    st.skipping = true;
    return;
  }
  st.skipping = false;
  if (!st.docTitle && block.level === 1 && st.builder.isEmpty()) st.docTitle = title;
  else if (!sameText(title, st.docTitle)) st.builder.startSection(title, block.first);
}

/**
 * Bold or underlined text opening paragraph block `b` that is a heading (it fills its lines) or
 * a lead-in (a colon follows): the section is started and the rest of the paragraph returned;
 * undefined when the block opens with no such text.
 */
function emphasisLead(st: ReadState, b: number, raw: MappedText, numberedProse: RegExpExecArray | null, numbered: boolean): MappedText | undefined {
  const { text, blocks } = st;
  const block = blocks[b];
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
        heading(st, stripped.title, block.first);
        return trim(sliceMapped(body, end));
      }
    } else {
      const colonAfter = /^[ \u00a0\u202f]*[:：]/.exec(body.text.slice(end));
      if ((colonAfter || /[:：]$/.test(inner)) && isLeadInTitle(stripped.title)) {
        st.builder.startSection(stripped.title, block.first);
        return trim(sliceMapped(body, end + (colonAfter ? colonAfter[0].length : 0)));
      }
    }
  }
  return undefined;
}

/**
 * A prose paragraph that may not be a passage: an attribution line under a quotation, a date
 * or dateline, a plain-text heading (all consumed: undefined), or a paragraph opening with a
 * dateline (returned without it).
 */
function plainProse(st: ReadState, b: number, mapped: MappedText, kind: ParagraphKind): MappedText | undefined {
  const { builder, blocks } = st;
  const block = blocks[b];
  // Lines under a quotation: who said it (`Président Joe Biden`, `— Prime Minister Justin Trudeau`, the date).
  if (builder.takesAttribution() && block.first === block.last && isAttributionLine(mapped.text)) {
    builder.addAttribution(mapped.text.replace(/^[—–-][ \u00a0]*/, ''));
    return undefined;
  }
  if (isDateOnly(mapped.text) || (builder.pendingCount() === 0 && isDatelineOnly(mapped.text))) {
    st.dateline ??= mapped.text;
    return undefined;
  }
  // A short title-case line alone before a paragraph: a plain-text heading.
  if (block.first === block.last && isPlainHeading(mapped.text) && blocks[b + 1] && !blocks[b + 1].heading) {
    heading(st, mapped.text, block.first);
    return undefined;
  }
  if (builder.pendingCount() === 0 && kind === 'prose') {
    const d = leadingDateline(mapped.text);
    if (d) {
      st.dateline ??= d.dateline;
      mapped = trim(sliceMapped(mapped, d.length));
      if (!mapped.text) return undefined;
    }
  }
  return mapped;
}

/** A heading's words: markup removed, its number and final colon dropped (`## 1. Trade:` → `Trade`). */
function headingTitle(content: string): string {
  return stripHeadingNumber(oneLine(cleanInline(mappedString(content)).text)).title;
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

