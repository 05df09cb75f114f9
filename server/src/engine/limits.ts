/**
 * Limits that keep one source, however large or strange, from stalling the engine. Each
 * is reported, naming the source and what was left out, when it cuts anything.
 */

/** A paragraph with more characters than this (in the file) is not indexed. */
export const MAX_PASSAGE_CHARS = 20_000;

/** At most this many passages are indexed across all sources; later passages are left out. */
export const MAX_PASSAGES = 100_000;

/**
 * A run of lines with nowhere to cut it (no blank line, no bullet at the margin) longer than
 * this is not indexed: it can only be parsed whole, holding up everything else meanwhile.
 * A paragraph that long is over the passage limit anyway.
 */
export const MAX_BLOCK_CHARS = 1024 * 1024;

/** Lists and block quotes nested deeper than this (markdown-it levels: two per list level) are not read. */
export const MAX_NESTING = 100;

export interface SourceLimits {
  /** See {@link MAX_PASSAGE_CHARS}. */
  readonly maxPassageChars: number;
  /** See {@link MAX_PASSAGES}. */
  readonly maxPassages: number;
}

export const DEFAULT_LIMITS: SourceLimits = Object.freeze({ maxPassageChars: MAX_PASSAGE_CHARS, maxPassages: MAX_PASSAGES });

/** `1,048,576` */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
