/** Line and character positions (LSP conventions: zero-based, UTF-16 code units). */
import type { Steps } from './steps';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * Maps offsets in a text to LSP positions and back. `\r\n`, `\n` and `\r` all end a
 * line, so CRLF files get the same line numbers an editor shows.
 */
export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: readonly number[];

  constructor(readonly text: string, lineStarts?: readonly number[]) {
    this.lineStarts = lineStarts ?? LineIndex.scan(text, 0, text.length, [0]);
  }

  /** The index of a long text, built in steps of a megabyte. */
  static *build(text: string): Steps<LineIndex> {
    const starts = [0];
    const step = 1 << 20;
    for (let from = 0; from < text.length; from += step) {
      // A step ends after a \r only if the text ends there, so a \r\n is never split.
      let to = Math.min(text.length, from + step);
      if (to < text.length && text.charCodeAt(to - 1) === 13) to++;
      LineIndex.scan(text, from, to, starts);
      from = to - step;
      yield;
    }
    return new LineIndex(text, starts);
  }

  private static scan(text: string, from: number, to: number, starts: number[]): number[] {
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    return starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The text of line `line` without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line];
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineEnd = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.max(this.lineStarts[position.line], Math.min(this.lineStarts[position.line] + position.character, lineEnd));
  }

  /**
   * `position` moved inside the text, as editors may send positions past the end of a line
   * or of the document: a character past its line's end is that end, a line past the last is
   * the end of the text, a negative one the start.
   */
  clamp(position: Position): Position {
    if (position.line < 0) return { line: 0, character: 0 };
    if (position.line >= this.lineStarts.length) return this.positionAt(this.text.length);
    const length = this.lineText(position.line).length;
    const character = Math.max(0, Math.min(position.character, length));
    return character === position.character ? position : { line: position.line, character };
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
