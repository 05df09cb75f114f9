/**
 * Retrieval: the source paragraphs and sentences a draft clause or quotation may come from,
 * from the inverted word index of the check index (never a scan of the corpus).
 */
import type { CheckIndex, SourceSentence } from '../checkIndex';
import type { LanguagePack } from '../lang/pack';
import type { Word } from '../text/words';
import { partyRules, type PartyRules } from './parties';
import type { Match } from './types';

/**
 * The `limit` paragraphs sharing the most IDF weight with `keys`, best first (ties in the
 * order first met). Scores accumulate in a per-index scratch array rather than a Map, and the
 * top few are kept by insertion instead of sorting every touched paragraph: on a large corpus
 * common words touch thousands of paragraphs per draft sentence.
 */
export function shortlist(ci: CheckIndex, keys: readonly string[], limit: number, isStopKey: (k: string) => boolean, skip?: Uint8Array): { pi: number; score: number; total: number }[] {
  const { scores, touched } = scratchOf(ci);
  let nt = 0;
  let total = 0;
  for (const k of new Set(keys)) {
    if (isStopKey(k)) continue;
    const idf = ci.idf(k);
    total += idf;
    const list = ci.postings.get(k);
    if (!list || list.length > 2000) continue;
    for (const pi of list) {
      if (skip?.[pi]) continue;
      if (scores[pi] === 0) touched[nt++] = pi;
      scores[pi] += idf;
    }
  }
  const top: { pi: number; score: number; total: number }[] = [];
  for (let i = 0; i < nt; i++) {
    const pi = touched[i];
    const score = scores[pi];
    scores[pi] = 0;
    if (top.length >= limit && score <= top[top.length - 1].score) continue;
    let at = top.length;
    while (at > 0 && top[at - 1].score < score) at--;
    top.splice(at, 0, { pi, score, total });
    if (top.length > limit) top.pop();
  }
  return top;
}

const scratch = new WeakMap<CheckIndex, { scores: Float64Array; touched: Int32Array }>();
function scratchOf(ci: CheckIndex): { scores: Float64Array; touched: Int32Array } {
  let v = scratch.get(ci);
  if (!v) scratch.set(ci, (v = { scores: new Float64Array(ci.index.paragraphs.length), touched: new Int32Array(ci.index.paragraphs.length) }));
  return v;
}

/**
 * The source sentences (or pairs of adjacent sentences) a draft clause may restate, best
 * first, at most two: a shortlist of paragraphs by shared IDF weight, then each sentence's
 * coverage of the clause's content words (at least 55% and three words).
 */
export function bestSentences(ci: CheckIndex, words: readonly Word[], lang: LanguagePack, skip?: Uint8Array, partiesOf: (documentId: string) => PartyRules = () => partyRules(lang)): Match[] {
  const isStopKey = lang.isStopKey;
  const NEUTRAL_KEYS = lang.neutralKeys;
  const MINISTER = lang.key.minister;
  const content = [...new Set(words.map(w => w.key).filter(k => !isStopKey(k)))];
  if (content.length < 3) return [];
  // The action words a contradiction changes (`wind down` for `reestablish`, `ruled out`) and
  // references to the sources themselves (`under the Roadmap`) are rare, so heavy by IDF; they
  // say nothing about which commitment a sentence restates: they count for a match that has
  // them, never against one that does not.
  const weight = (k: string) => (NEUTRAL_KEYS.has(k) ? 0 : ci.idf(k));
  const total = content.reduce((s, k) => s + weight(k), 0);
  if (total <= 0) return [];
  const out: (Match & { neutral: number })[] = [];
  for (const c of shortlist(ci, content, 4, isStopKey, skip)) {
    if (c.score < total * 0.4) continue;
    const own = ci.sentencesOf(c.pi);
    const units = withPairs(own);
    const P = partiesOf(ci.index.paragraphs[c.pi].documentId);
    const ACTORS = P.table.actors;
    const coveredParty = P.coveredParty;
    // Coverage by non-actor words of each single sentence: a merged pair must add content,
    // not just a party named in the next sentence (`… the President and the Prime Minister …`).
    const substance = (s: SourceSentence) => {
      let v = 0;
      for (const k of content) if (s.content.has(k) && !(k in ACTORS) && k !== MINISTER) v += ci.idf(k);
      return v;
    };
    const own1 = own.map(substance);
    for (const [ui, s] of units.entries()) {
      let shared = 0;
      let n = 0;
      let sTotal = total;
      let neutral = 0;
      for (const k of content) {
        // `the President and the Prime Minister` are in `the leaders`.
        if (!s.content.has(k) && !coveredParty(k, s)) continue;
        shared += ci.idf(k);
        if (NEUTRAL_KEYS.has(k)) {
          sTotal += ci.idf(k);
          neutral += ci.idf(k);
        }
        n++;
      }
      if (s.merged) {
        const i = ui - own.length;
        if (substance(s) <= Math.max(own1[i], own1[i + 1]) + 1e-9) continue;
      }
      const coverage = (shared / sTotal) * (s.merged ? 0.97 : 1);
      if (n >= 3 && coverage >= 0.55) out.push({ sentence: s, coverage, neutral });
    }
  }
  // Equal coverage: the sentence that also has the draft's action words (`reaffirmed … combat`).
  return out.sort((a, b) => (Math.abs(b.coverage - a.coverage) > 1e-9 ? b.coverage - a.coverage : b.neutral - a.neutral)).slice(0, 2).map(({ sentence, coverage }) => ({ sentence, coverage }));
}

const pairs = new WeakMap<readonly SourceSentence[], readonly SourceSentence[]>();

/** A paragraph's sentences, then each two adjacent ones taken together (built once per paragraph). */
function withPairs(own: readonly SourceSentence[]): readonly SourceSentence[] {
  let v = pairs.get(own);
  if (!v) {
    const units = [...own];
    for (let i = 0; i + 1 < own.length; i++) units.push(mergeSentences(own[i], own[i + 1]));
    pairs.set(own, (v = units));
  }
  return v;
}

export function mergeSentences(a: SourceSentence, b: SourceSentence): SourceSentence & { merged: true } {
  const keys = [...a.keys, ...b.keys];
  return { paragraph: a.paragraph, start: a.start, end: b.end, words: [...a.words, ...b.words], keys, content: new Set([...a.content, ...b.content]), merged: true };
}

/** True if two source sentences overlap in the same paragraph. */
export function sameSource(a: SourceSentence, b: SourceSentence): boolean {
  return a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;
}
