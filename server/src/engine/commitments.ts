/**
 * Keyword search of the sources' commitments (their sentences): the `@@keyword` completion
 * trigger and the Insert Commitment command. Candidates come from the positional word index
 * (cost bounded by the rarest query word); fuse.js ranks the short list.
 */
import Fuse from 'fuse.js';
import { NeverCancelled, throwIfCancelled, type CancellationToken } from './cancellation';
import type { CorpusIndex } from './corpusIndex';
import { normalizeText } from './normalize';
import type { Paragraph } from './types';
import { scanTokens, WordIndex } from './wordIndex';

/** A commitment found by keyword search. */
export interface CommitmentHit {
  readonly paragraph: Paragraph;
  /** Index of the sentence in `paragraph.sentences`. */
  readonly sentenceIndex: number;
  readonly text: string;
  /** fuse.js score: 0 is a perfect match. */
  readonly score: number;
}

/**
 * Searches every commitment (source sentence) by its words: `methane`, `net zero`,
 * `opioids`. Every query word must occur in the sentence (the last one as a prefix,
 * any within one typo); hits are ranked by fuse.js. Only paragraphs holding all the
 * words are split into sentences.
 */
export function searchCommitments(index: CorpusIndex, query: string, limit = 30, token: CancellationToken = NeverCancelled): CommitmentHit[] {
  const wi = WordIndex.of(index);
  const qn = normalizeText(query).text;
  const words: string[] = [];
  scanTokens(qn, (s, e) => words.push(qn.slice(s, e)));
  if (!words.length) return [];
  const idSets = words.map((w, j) => {
    const ids = new Set<number>();
    const exact = wi.idOf(w);
    if (exact !== undefined) ids.add(exact);
    if (j === words.length - 1) for (const id of wi.withPrefix(w, 200)) ids.add(id);
    for (const id of wi.nearWords(w)) ids.add(id);
    return ids;
  });
  // Rarest word first: its paragraphs are the shortlist.
  const freq = (s: Set<number>) => [...s].reduce((c, id) => c + wi.frequency(id), 0);
  const order = idSets.map((s, j) => j).sort((a, b) => freq(idSets[a]) - freq(idSets[b]));
  let paragraphs: Set<number> | undefined;
  for (const j of order) {
    throwIfCancelled(token);
    const ps = new Set<number>();
    for (const id of idSets[j]) {
      const occ = wi.occurrences(id);
      for (let o = 0; o < occ.length; o++) {
        const p = wi.paragraphOfToken(occ[o]);
        if (!paragraphs || paragraphs.has(p)) ps.add(p);
      }
    }
    paragraphs = ps;
    if (!paragraphs.size) return [];
  }
  const shortlist = [...paragraphs!].sort((a, b) => a - b).slice(0, 400);
  const sentences: { paragraph: Paragraph; sentenceIndex: number; text: string; normalized: string }[] = [];
  for (const p of shortlist) {
    const paragraph = index.paragraphs[p];
    paragraph.sentences.forEach((s, i) => {
      const words2 = new Set(s.tokens.map(t => t.text));
      const hasAll = idSets.every(ids => [...ids].some(id => words2.has(wi.vocabulary[id])));
      if (hasAll) sentences.push({ paragraph, sentenceIndex: i, text: s.text, normalized: s.normalized.text });
    });
  }
  const fuse = new Fuse(sentences, { keys: ['normalized'], includeScore: true, ignoreLocation: true, threshold: 1, useExtendedSearch: false });
  const ranked = fuse.search(qn);
  const hits = ranked.map(r => ({ paragraph: r.item.paragraph, sentenceIndex: r.item.sentenceIndex, text: r.item.text, score: r.score ?? 1 }));
  hits.sort((a, b) => a.score - b.score || index.paragraphs.indexOf(a.paragraph) - index.paragraphs.indexOf(b.paragraph));
  return hits.slice(0, limit);
}


/** Every commitment (source sentence of six words or more) in source order, at most `limit`: `@@` with nothing typed after it yet. */
export function allCommitments(index: CorpusIndex, limit: number): CommitmentHit[] {
  const out: CommitmentHit[] = [];
  for (const paragraph of index.paragraphs) {
    for (let i = 0; i < paragraph.sentences.length && out.length < limit; i++) {
      const text = paragraph.sentences[i].text;
      if (text.split(/\s+/).length >= 6) out.push({ paragraph, sentenceIndex: i, text, score: 1 });
    }
    if (out.length >= limit) break;
  }
  return out;
}
