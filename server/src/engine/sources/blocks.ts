/**
 * A source's body as blocks, read a chunk of lines at a time: where the body may be cut into
 * chunks that markdown-it parses apart (parse.ts parses a large source a chunk at a time,
 * yielding in between), the blocks of a chunk (headings and paragraphs with their
 * containers), what markdown-it left out of a chunk because it was nested too deeply, and
 * the warnings for what a limit left out of the passages.
 */
import MarkdownIt from 'markdown-it';
import { count, MAX_BLOCK_CHARS, MAX_NESTING, type SourceLimits } from '../limits';
import type { LineIndex, Range } from '../positions';
import type { SourceDocument, SourceProblem } from '../types';

// Only the block structure is used (each block's lines; a heading's raw content), so the
// inline pass, a third of markdown-it's time on a large corpus, is switched off.
// maxNesting: the 'default' preset's 100 rather than commonmark's 20, at which a list nested
// ten deep was cut off with everything after it; what is nested deeper still is reported.
const markdown = new MarkdownIt('commonmark', { maxNesting: MAX_NESTING }).disable('inline');
type Token = ReturnType<typeof markdown.parse>[number];

/** The lines of a text, read one at a time. */
export interface Lines {
  readonly length: number;
  at(line: number): string;
}

/**
 * A block of the body as markdown-it sees it: a heading (its level and raw content) or a
 * paragraph (its lines, and whether it sits in a list or a block quote).
 */
export interface Block {
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

/**
 * The blocks of lines `[from, to)` of `body` (a chunk that parses the same alone, see
 * {@link ChunkScanner}), with line numbers of the whole body, and the lines with text that
 * were nested too deeply to read. Throws what markdown-it throws.
 */
export function parseChunk(body: Lines, from: number, to: number, lines: LineIndex): { blocks: Block[]; tooDeep: number[] } {
  const chunk: string[] = [];
  for (let l = from; l < to; l++) chunk.push(body.at(l));
  const tokens = markdown.parse(chunk.join('\n'), {});
  for (const tok of tokens) if (tok.map) tok.map = [tok.map[0] + from, tok.map[1] + from];
  return { blocks: blocksOf(tokens, lines), tooDeep: droppedByNesting(tokens, body, from, to) };
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
/** An ordered item at the left margin: after a blank line it may go on the list above it. */
const ORDERED_ITEM = /^\d{1,9}[.)](?:[ \t]|$)/;

/**
 * Finds where the body may be cut into chunks parsed apart: at lines where the Markdown
 * parses the same whether the text before is parsed with it or apart. That is a line at the
 * left margin after a blank line (a paragraph, heading or new list there ends every open list
 * and block quote), or a bullet item at the left margin (it ends whatever came before and
 * starts a list either way), outside fenced code and the HTML blocks that run across blank
 * lines. An ordered item is not such a line: after a blank line it goes on an ordered list
 * above it, and the parser reads the only item of an ordered list (`1. Title`) as a heading.
 * It is cut at only when a block has no other place to cut in {@link MAX_BLOCK_CHARS}. A
 * block with no place at all (a paragraph of megabytes, a fence never closed) is reported as
 * `forced` a megabyte at a time, so that the caller can skip it without ever holding all of it.
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
    let lastOrdered = -1;
    for (let l = from; l < this.lines.length; l++) {
      const line = this.lines.at(l);
      if (l > from && !this.fence && !this.html && /^\S/.test(line)) {
        const afterBlank = /^\s*$/.test(this.lines.at(l - 1));
        if (afterBlank && ORDERED_ITEM.test(line)) lastOrdered = l;
        else if (afterBlank || TOP_BULLET.test(line)) {
          if (size >= target) return this.stop(l, false);
          lastCut = l;
        }
      }
      if (size >= max) {
        // Cut where it was possible, if anywhere, so that only the big block is forced.
        const at = lastCut > from ? lastCut : lastOrdered;
        if (at > from) {
          this.fence = this.html = undefined;
          return this.stop(at, false);
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

/** Where a limit stopped the reading: the line, and which limit. */
export interface Cut {
  readonly line: number;
  readonly what: 'passages' | 'sections';
}

/** What a parse left out of the passages because of a limit. */
export interface LeftOut {
  /** Paragraphs over the passage-length limit. */
  readonly tooLong: readonly { line: number; chars: number }[];
  /** Lines nested more deeply than markdown-it reads. */
  readonly tooDeep: number[];
  /** Blocks of megabytes with nowhere to cut them. */
  readonly tooBig: { from: number; to: number }[];
  /** Where the passage or section limit stopped the reading. */
  cut?: Cut;
}

/** Warns of what a limit left out of the passages, naming the lines. */
export function reportLeftOut(left: LeftOut, doc: SourceDocument, lines: LineIndex, limits: SourceLimits, passagesBefore: number, problem: (severity: SourceProblem['severity'], reason: string, range?: Range) => void): void {
  const at = (line: number) => lines.rangeAt(lines.lineStarts[line], lines.lineStarts[line]);
  const { tooLong, tooDeep, cut } = left;
  if (tooLong.length) {
    const longest = tooLong.reduce((a, b) => (b.chars > a.chars ? b : a));
    const where = tooLong.slice(0, 3).map(x => count(x.line + 1));
    const what = tooLong.length === 1 ? `the paragraph at line ${where[0]} has ${count(longest.chars)} characters,` : `${count(tooLong.length)} paragraphs (at lines ${where.join(', ')}${tooLong.length > 3 ? ', …' : ''}; the longest has ${count(longest.chars)} characters) have`;
    problem('warning', `${what} more than the ${count(limits.maxPassageChars)} Verbatim indexes as one passage, so ${tooLong.length === 1 ? 'it was' : 'they were'} not indexed. Break long text into paragraphs separated by blank lines.`, at(tooLong[0].line));
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
    problem('warning', `${why} The text from line ${count(cut.line + 1)} to the end (line ${count(lines.lineCount)}) was not indexed.`, at(cut.line));
  }
  for (const b of left.tooBig) {
    let to = b.to;
    while (to > b.from + 1 && !/\S/.test(lines.lineText(to - 1))) to--;
    const chars = lines.lineStarts[to - 1] + lines.lineText(to - 1).length - lines.lineStarts[b.from];
    problem(
      'warning',
      `lines ${count(b.from + 1)} to ${count(to)} (${count(chars)} characters) have no blank line or list item between them, more than the ${count(MAX_BLOCK_CHARS)} characters Verbatim reads as one block, so they were not indexed. Separate paragraphs with blank lines.`,
      at(b.from),
    );
  }
}
