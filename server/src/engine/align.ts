/**
 * Word alignment of a draft passage against a source passage: the source may be entered
 * and left anywhere (a quotation may start and stop mid-sentence); `skipAt` marks draft
 * positions where the source may skip words for free (an ellipsis, an editorial
 * insertion in brackets). With `local`, draft words outside the best-matching stretch
 * are context and cost nothing (a restatement inside a longer sentence). With `firstOf`, the
 * draft's first word also matches a source word whose `firstOf` it is (a quotation that opens
 * after an elided article: « une » quotes the end of « d'une »).
 */
export type OpType = 'eq' | 'sub' | 'ins' | 'del';
/** `a`: draft word index (-1 for a source word the draft lacks); `b`: source word index (-1 for an extra draft word). */
export interface Op {
  readonly t: OpType;
  readonly a: number;
  readonly b: number;
}

export interface Alignment {
  readonly ops: readonly Op[];
  readonly score: number;
  readonly matches: number;
  /** First and last draft words covered (local alignment), inclusive. */
  readonly aFrom: number;
  readonly aTo: number;
  /** First and last source words covered, inclusive. */
  readonly bFrom: number;
  readonly bTo: number;
}

const MATCH = 2;
const MISMATCH = -1;
const GAP = -1;

/**
 * The most cells (draft words × source words) aligned: quotations and sentences run to a few
 * hundred words, and a 'quotation' of 30,000 words (two quote marks far apart in a long line)
 * would take seconds and gigabytes to align. Beyond it the passages do not align, as if empty.
 */
export const MAX_ALIGN_CELLS = 4_000_000;

export function align(a: readonly string[], b: readonly string[], opts: { local?: boolean; global?: boolean; skipAt?: ReadonlySet<number>; firstOf?: (b: string) => string } = {}): Alignment {
  const m = a.length;
  const n = b.length;
  if ((m + 1) * (n + 1) > MAX_ALIGN_CELLS) return { ops: [], score: 0, matches: 0, aFrom: 0, aTo: -1, bFrom: 0, bTo: -1 };
  const W = n + 1;
  const H = new Float64Array((m + 1) * W);
  const D = new Uint8Array((m + 1) * W); // 0 stop, 1 diag, 2 up (ins), 3 left (del)
  const local = !!opts.local;
  const firstOf = opts.firstOf;
  const same = (i: number, j: number) => a[i] === b[j] || (i === 0 && firstOf !== undefined && firstOf(b[j]) === a[0]);
  for (let i = 1; i <= m; i++) {
    H[i * W] = local ? 0 : H[(i - 1) * W] + GAP;
    D[i * W] = local ? 0 : 2;
  }
  if (opts.global) for (let j = 1; j <= n; j++) { H[j] = -j; D[j] = 3; }
  let bestI = m;
  let bestJ = 0;
  let best = -Infinity;
  for (let i = 1; i <= m; i++) {
    const free = opts.skipAt?.has(i - 1) ?? false;
    for (let j = 1; j <= n; j++) {
      const diag = H[(i - 1) * W + j - 1] + (same(i - 1, j - 1) ? MATCH : MISMATCH);
      const up = H[(i - 1) * W + j] + GAP;
      const left = H[i * W + j - 1] + (free && i < m ? 0 : GAP);
      let v = diag;
      let d = 1;
      if (up > v) { v = up; d = 2; }
      if (left > v) { v = left; d = 3; }
      if (local && v <= 0) { v = 0; d = 0; }
      H[i * W + j] = v;
      D[i * W + j] = d;
      if (local ? v > best : i === m && v >= best && (!opts.global || j === n)) { best = v; bestI = i; bestJ = j; }
    }
  }
  if (n === 0 || m === 0) return { ops: [], score: 0, matches: 0, aFrom: 0, aTo: -1, bFrom: 0, bTo: -1 };
  const ops: Op[] = [];
  let i = bestI;
  let j = bestJ;
  let matches = 0;
  while (i > 0 || (opts.global && j > 0)) {
    const d = i === 0 ? 3 : j === 0 ? (local ? 0 : 2) : D[i * W + j];
    if (d === 0) break;
    if (d === 1) {
      const eq = same(i - 1, j - 1);
      if (eq) matches++;
      ops.push({ t: eq ? 'eq' : 'sub', a: i - 1, b: j - 1 });
      i--;
      j--;
    } else if (d === 2) {
      ops.push({ t: 'ins', a: i - 1, b: -1 });
      i--;
    } else {
      ops.push({ t: 'del', a: -1, b: j - 1 });
      j--;
    }
  }
  ops.reverse();
  // Trim leading/trailing non-matches of a local alignment: they are context, not changes.
  while (local && ops.length && ops[0].t !== 'eq') ops.shift();
  while (local && ops.length && ops[ops.length - 1].t !== 'eq') ops.pop();
  const as = ops.filter(o => o.a >= 0).map(o => o.a);
  const bs = ops.filter(o => o.b >= 0).map(o => o.b);
  return {
    ops,
    score: best,
    matches,
    aFrom: as.length ? Math.min(...as) : 0,
    aTo: as.length ? Math.max(...as) : -1,
    bFrom: bs.length ? Math.min(...bs) : 0,
    bTo: bs.length ? Math.max(...bs) : -1,
  };
}

/** A run of consecutive non-matching operations. */
export interface Block {
  /** Draft word indexes (possibly empty: the draft omits source words). */
  readonly a: number[];
  /** Source word indexes (possibly empty: the draft adds words). */
  readonly b: number[];
  /** The draft word before and after the block (for placing an omission). */
  readonly aBefore: number;
  readonly aAfter: number;
}

/** Groups an alignment's changes into blocks. Source words skipped at `skipAt` positions are not changes. */
export function blocksOf(al: Alignment, skipAt?: ReadonlySet<number>): Block[] {
  const blocks: Block[] = [];
  let cur: { a: number[]; b: number[]; aBefore: number } | undefined;
  let lastA = -1;
  for (const op of al.ops) {
    if (op.t === 'eq') {
      if (cur) blocks.push({ ...cur, aAfter: op.a });
      cur = undefined;
      lastA = op.a;
      continue;
    }
    if (op.t === 'del' && skipAt?.has(lastA) && !cur) continue;
    cur ??= { a: [], b: [], aBefore: lastA };
    if (op.a >= 0) { cur.a.push(op.a); lastA = op.a; }
    if (op.b >= 0) cur.b.push(op.b);
  }
  if (cur) blocks.push({ ...cur, aAfter: -1 });
  return blocks;
}
