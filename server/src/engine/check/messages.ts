/** Text of the draft or a source as a finding's message quotes it. */

/** White space as single spaces, without a block quote's leading `>`. */
export function flat(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/^>\s*/, '');
}

/** One line, at most 160 characters. */
export function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 160 ? t.slice(0, 157) + '…' : t;
}

/**
 * `details` for a fix: the source's words for the draft's (see fixes.ts). Kept apart from the
 * detectors' logic: they only say which words stand for which.
 */
export function replacing(draft: string, source: string): { draft: string; source: string } {
  return { draft, source };
}
