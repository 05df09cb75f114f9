/**
 * The checks: misquotes and contradictions of the sources. The foundation only fixes
 * the shape of a check's input and output; the checks themselves arrive with the
 * misquote/contradiction work.
 */
import type { CancellationToken } from './cancellation';
import type { CorpusIndex } from './corpusIndex';
import type { Finding } from './findings';

/** A draft being checked: the text of a document the drafter is writing. */
export interface DraftDocument {
  readonly uri: string;
  readonly text: string;
  readonly version?: number;
  readonly languageId?: string;
}

export interface CheckOptions {
  /** Report quotations that match no source at Information level (default true). */
  readonly reportUnsourcedQuotes?: boolean;
}

/** Checks a draft against the index. Returns findings in document order. */
export function checkDraft(_index: CorpusIndex, _draft: DraftDocument, _options: CheckOptions, _token?: CancellationToken): Finding[] {
  return [];
}
