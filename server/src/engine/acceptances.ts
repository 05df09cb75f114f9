/**
 * Wordings a project has accepted: a draft's words that differ from a source, recorded in the
 * project file with who accepted them, when and why. An acceptance is anchored on the source
 * text the draft restates (not on a passage id, which changes when a source is re-sectioned),
 * so it holds wherever the same words restate the same source text, in the editor and in CI;
 * and an acceptance whose source text no longer exists in any source is stale.
 */
import type { CorpusIndex } from './corpusIndex';
import { cleanOfficialText } from './fixes';
import type { Finding } from './findings';

export interface Acceptance {
  /** The finding code accepted (`changed-figure`). */
  readonly code: string;
  /** The draft's words, as flagged (`2040`). */
  readonly wording: string;
  /** The source text they restate (the matched source sentence or quoted passage). */
  readonly source: string;
  readonly acceptedBy?: string;
  /** ISO date (`2026-12-04`). */
  readonly date?: string;
  readonly reason?: string;
}

/** Text compared case-, space- and quote-style-insensitively. */
export function anchorText(s: string): string {
  return cleanOfficialText(s)
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’‚]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .toLowerCase();
}

/** The source text a finding restates: its evidence in the source paragraph (the paragraph when it has none). */
export function findingSourceText(index: CorpusIndex, f: Pick<Finding, 'paragraphId' | 'evidence'>): string | undefined {
  const p = f.paragraphId ? index.getParagraph(f.paragraphId) : undefined;
  if (!p) return undefined;
  return cleanOfficialText(f.evidence ? p.text.slice(f.evidence.start, f.evidence.end) : p.text);
}

/** What an acceptance of `f` in `text` records (without who, when and why), or undefined for a finding with no source. */
export function acceptanceOf(index: CorpusIndex, text: string, f: Finding): Pick<Acceptance, 'code' | 'wording' | 'source'> | undefined {
  const source = findingSourceText(index, f);
  if (!source) return undefined;
  return { code: f.code, wording: text.slice(f.start, f.end).replace(/\s+/g, ' ').trim(), source };
}

/** The acceptance covering `f`, if any. */
export function acceptedBy(index: CorpusIndex, text: string, f: Finding, accepted: readonly Acceptance[]): Acceptance | undefined {
  if (!accepted.length) return undefined;
  const a = acceptanceOf(index, text, f);
  if (!a) return undefined;
  const wording = anchorText(a.wording);
  const source = anchorText(a.source);
  return accepted.find(x => x.code === a.code && anchorText(x.wording) === wording && anchorText(x.source) === source);
}

/** The findings no acceptance covers. */
export function applyAcceptances(index: CorpusIndex, text: string, findings: readonly Finding[], accepted: readonly Acceptance[]): Finding[] {
  if (!accepted.length) return [...findings];
  return findings.filter(f => !acceptedBy(index, text, f, accepted));
}

/** The acceptances whose source text is in no indexed source any more (each reported, never dropped silently). */
export function staleAcceptances<A extends Acceptance>(index: CorpusIndex, accepted: readonly A[]): A[] {
  if (!accepted.length) return [];
  const texts = index.paragraphs.map(p => anchorText(p.text));
  return accepted.filter(a => {
    const s = anchorText(a.source);
    return !s || !texts.some(t => t.includes(s));
  });
}
