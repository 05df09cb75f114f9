/**
 * The restatement gate: is a draft clause really restating a source clause, or does it only
 * share vocabulary with it? A finding compares a draft with a source; that comparison means
 * something only when the draft restates the source's clause — most of that clause's
 * distinctive content is in the draft, in the same order — and the difference sits between
 * words the two share. A new fact that merely reuses the source's words ("the leaders affirmed
 * support for Ukraine" against "they also reviewed the situations in Venezuela …") is not a
 * restatement and gets no finding at all.
 *
 * Pure and language-neutral: it sees word keys, inverse document frequencies and a few
 * predicates from the language pack.
 */

/** What the gate needs to know about words. */
export interface RestatementLexicon {
  /** Inverse document frequency of a key in the sources (rare words weigh more). */
  idf(key: string): number;
  /** Function words: never evidence of a restatement. */
  isStop(key: string): boolean;
  /**
   * Words a restatement may legitimately change or a finding is about (verbs of commitment,
   * parties, negation, opposites): they neither count for nor against the source's content.
   */
  isNeutral(key: string): boolean;
  /** Surface words of offices after which a capitalised word is a person (`President Harris`). */
  readonly officeHolders?: ReadonlySet<string>;
}

/** A word of a source sentence: its key and its offsets in the paragraph text. */
export interface SourceWord {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

export interface Restatement {
  /** Share (0–1, by IDF weight) of the source clause's distinctive content found in the draft, in order. */
  readonly coverage: number;
  /** How many distinctive source words were found in order. */
  readonly matched: number;
  /** The source clause compared: word indexes into the source sentence, inclusive. */
  readonly clause: readonly [number, number];
  /** Matched pairs (draft word index, source word index), in order. */
  readonly pairs: readonly (readonly [number, number])[];
}

/**
 * Clause boundaries of a source sentence, as word indexes: a new clause starts after a
 * semicolon, colon or dash, and after a comma followed by a coordinating word
 * (`, and`, `, but`, `, while`, `, including`, `, as well as`). `text` is the paragraph text
 * the words' offsets point into. Clauses with fewer than `min` distinctive words are joined to
 * the one before (or after) them.
 */
export function sourceClauses(text: string, words: readonly SourceWord[], lex: RestatementLexicon, min = 3): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 1; i < words.length; i++) {
    const gap = text.slice(words[i - 1].end, words[i].start);
    const next = words[i].key;
    const breaks = /[;:]|\s[-–—]\s|[–—]/.test(gap) || (/,/.test(gap) && CLAUSE_OPENERS.has(next));
    if (breaks) {
      out.push([from, i - 1]);
      from = i;
    }
  }
  if (words.length) out.push([from, words.length - 1]);
  const distinct = ([a, b]: [number, number]) => {
    let n = 0;
    for (let i = a; i <= b; i++) if (!lex.isStop(words[i].key) && !lex.isNeutral(words[i].key)) n++;
    return n;
  };
  // Join clauses too small to restate on their own to their neighbour.
  const joined: [number, number][] = [];
  for (const c of out) {
    const last = joined[joined.length - 1];
    if (last && (distinct(c) < min || distinct(last) < min)) last[1] = c[1];
    else joined.push([c[0], c[1]]);
  }
  return joined;
}

const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'whereas', 'includ', 'including', 'as', 'which', 'where']);

/**
 * How well the draft words `draft` restate the source clause that contains source word `focus`
 * (or, without a focus, the best-restated clause of the sentence).
 */
export function restatementOf(
  draft: readonly { readonly key: string }[],
  source: readonly SourceWord[],
  sourceText: string,
  lex: RestatementLexicon,
  focus?: number,
): Restatement {
  const clauses = sourceClauses(sourceText, source, lex);
  const candidates = focus !== undefined ? clauses.filter(([a, b]) => focus >= a && focus <= b) : clauses;
  let best: Restatement = { coverage: 0, matched: 0, clause: clauses[0] ?? [0, -1], pairs: [] };
  for (const clause of candidates.length ? candidates : clauses) {
    const r = restateClause(draft, source, clause, lex);
    if (r.coverage * Math.min(1, r.matched / 3) > best.coverage * Math.min(1, best.matched / 3)) best = r;
  }
  return best;
}

function restateClause(draft: readonly { readonly key: string }[], source: readonly SourceWord[], clause: readonly [number, number], lex: RestatementLexicon): Restatement {
  const distinctive = (k: string) => !lex.isStop(k) && !lex.isNeutral(k);
  const si: number[] = [];
  for (let j = clause[0]; j <= clause[1]; j++) if (distinctive(source[j].key)) si.push(j);
  const di: number[] = [];
  for (let i = 0; i < draft.length; i++) if (distinctive(draft[i].key)) di.push(i);
  let total = 0;
  for (const j of si) total += lex.idf(source[j].key);
  if (!si.length || !di.length || total <= 0) return { coverage: 0, matched: 0, clause, pairs: [] };
  // Weighted longest common subsequence of the distinctive words, in order.
  const n = di.length;
  const m = si.length;
  const H = new Float64Array((n + 1) * (m + 1));
  const W = m + 1;
  for (let a = 1; a <= n; a++) {
    for (let b = 1; b <= m; b++) {
      const same = draft[di[a - 1]].key === source[si[b - 1]].key;
      const diag = same ? H[(a - 1) * W + b - 1] + lex.idf(source[si[b - 1]].key) : -1;
      H[a * W + b] = Math.max(H[(a - 1) * W + b], H[a * W + b - 1], diag);
    }
  }
  const pairs: [number, number][] = [];
  for (let a = n, b = m; a > 0 && b > 0; ) {
    const same = draft[di[a - 1]].key === source[si[b - 1]].key;
    if (same && H[a * W + b] === H[(a - 1) * W + b - 1] + lex.idf(source[si[b - 1]].key)) {
      pairs.push([di[a - 1], si[b - 1]]);
      a--;
      b--;
    } else if (H[(a - 1) * W + b] >= H[a * W + b - 1]) a--;
    else b--;
  }
  pairs.reverse();
  return { coverage: H[n * W + m] / total, matched: pairs.length, clause, pairs };
}

/**
 * The share (by IDF) of the `k` distinctive draft words on one side of draft words [from, to]
 * that the source sentence has, in order: `side` -1 before the difference, +1 after it.
 * NaN when that side has fewer than two distinctive words.
 */
export function sideRestatement(
  draft: readonly { readonly key: string }[],
  source: readonly { readonly key: string }[],
  from: number,
  to: number,
  side: -1 | 1,
  lex: RestatementLexicon,
  k: number,
  /** Draft word indexes to leave aside as well (a person named after an office). */
  aside: ReadonlySet<number> = new Set(),
): number {
  const distinctive = (i: number) => !lex.isStop(draft[i].key) && !lex.isNeutral(draft[i].key) && !aside.has(i);
  const idx: number[] = [];
  if (side < 0) {
    for (let i = from - 1; i >= 0 && idx.length < k; i--) if (distinctive(i)) idx.unshift(i);
  } else {
    for (let i = to + 1; i < draft.length && idx.length < k; i++) if (distinctive(i)) idx.push(i);
  }
  if (idx.length < 2) return NaN;
  const have = new Set(source.map(w => w.key));
  let total = 0;
  let shared = 0;
  for (const i of idx) {
    const w = lex.idf(draft[i].key);
    total += w;
    if (have.has(draft[i].key)) shared += w;
  }
  return total ? shared / total : 0;
}
