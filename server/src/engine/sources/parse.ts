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
import { slugify } from '../normalize';
import { LineIndex, type Range } from '../positions';
import type { ParagraphKind, ParseResult, SourceInput, SourceProblem } from '../types';
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

  const state: ReadState = { text, lines, builder, blocks, docTitle: cleanTitle(stringField(metadata.title)), dateline: undefined, skipping: false, afterImage: false };
  for (let b = 0; b < blocks.length; b++) readBlock(state, b);
  const { docTitle, dateline } = state;

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

/** What the parser keeps while it reads the blocks of a body, in order. */
interface ReadState {
  readonly text: string;
  readonly lines: LineIndex;
  readonly builder: DocumentBuilder;
  readonly blocks: readonly Block[];
  docTitle: string | undefined;
  dateline: string | undefined;
  /** After an end mark or a furniture heading, until the next heading. */
  skipping: boolean;
  afterImage: boolean;
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

