/**
 * Completion benchmarks: index build time and heap, and completion latency over
 * realistic typed prefixes (with and without typos), at the bundled corpus and at the
 * synthetic 100x and 1000x corpora; plus a plain fuse.js search over every sentence at
 * 100x for comparison. Returns rows for bench/run.ts to print.
 */
import Fuse from 'fuse.js';
import { loadCorpus, normalizeText, type CorpusIndex } from '../server/src/engine';
import { completeOfficialWording } from '../server/src/engine/completion';
import { officialNames } from '../server/src/engine/names/table';
import { WordIndex } from '../server/src/engine/wordIndex';
import { prng, syntheticCorpus } from './synthetic';

export interface BenchRow {
  readonly benchmark: string;
  readonly corpus: string;
  readonly value: string;
  readonly note?: string;
}

const gc = (globalThis as { gc?: () => void }).gc;
function heapNow(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Typed prefixes: the first words of a real passage plus part of the next word; half with a typo. */
export interface BenchQuery {
  /** The typed line (with the typo, if any). */
  readonly line: string;
  /** The line as it would be without the typo. */
  readonly intended: string;
  readonly typo: boolean;
  readonly paragraphId: string;
}

export function realisticQueries(index: CorpusIndex, count: number, seed = 7): BenchQuery[] {
  const rand = prng(seed);
  const bundled = index.paragraphs.filter(p => index.getDocument(p.documentId)?.bundled);
  const out: BenchQuery[] = [];
  while (out.length < count) {
    const p = bundled[Math.floor(rand() * bundled.length)];
    const words = p.text.split(' ');
    if (words.length < 8) continue;
    const n = 3 + Math.floor(rand() * 4);
    const at = Math.floor(rand() * (words.length - n - 1));
    const typed = words.slice(at, at + n);
    const next = words[at + n].replace(/[^\p{L}\p{N}'’.-]/gu, '');
    if (next.length < 3) continue;
    typed.push(next.slice(0, 2 + Math.floor(rand() * Math.min(4, next.length - 2))));
    const typo = out.length % 2 === 1;
    const intended = typed.join(' ');
    if (typo) {
      const candidates = typed.map((w, i) => (w.length >= 5 && i < typed.length - 1 ? i : -1)).filter(i => i >= 0);
      if (!candidates.length) continue;
      const i = candidates[Math.floor(rand() * candidates.length)];
      const w = typed[i];
      const k = 1 + Math.floor(rand() * (w.length - 3));
      typed[i] = rand() < 0.5 ? w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2) : w.slice(0, k) + w.slice(k + 1);
    }
    out.push({ line: typed.join(' '), intended, typo, paragraphId: p.id });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

const ms = (v: number) => `${v.toFixed(3)} ms`;

export function completionBenchmarks(repoRoot: string, factors: readonly number[] = [1, 100, 1000]): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const factor of factors) {
    const corpus = factor === 1 ? 'bundled' : `${factor}x`;
    const inputs = syntheticCorpus(repoRoot, factor);
    const before = heapNow();
    const t0 = performance.now();
    const index = loadCorpus(inputs);
    const t1 = performance.now();
    WordIndex.of(index);
    officialNames(index);
    const t2 = performance.now();
    const heap = heapNow() - before;
    rows.push({ benchmark: 'index build (loadCorpus + word index + names)', corpus, value: ms(t2 - t0), note: `loadCorpus ${ms(t1 - t0)}, word index + names ${ms(t2 - t1)}; ${index.passageCount} passages` });
    rows.push({ benchmark: 'index heap after gc (heapUsed + arrayBuffers, inputs excluded)', corpus, value: `${(heap / 1048576).toFixed(1)} MB` });
    const queries = realisticQueries(index, 240);
    // Warm up (first use builds lazy structures: deletion map, names by paragraph).
    for (const q of queries.slice(0, 20)) completeOfficialWording(index, { text: q.line }, { line: 0, character: q.line.length });
    const times: number[] = [];
    const typoTimes: number[] = [];
    let top1 = 0;
    let top5 = 0;
    let typoTop5 = 0;
    // Queries with any suggestion: a prefix that is not distinctive (too few words, only common
    // words, a run that goes on in several ways in the sources) gets none, by design.
    let answered = 0;
    let answeredTop1 = 0;
    // Prefixes whose words occur in one passage text only: the ones with a single right answer.
    const unique = { exact: 0, exactFirst: 0, typo: 0, typoTop5: 0 };
    for (const q of queries) {
      const s = performance.now();
      const list = completeOfficialWording(index, { text: q.line }, { line: 0, character: q.line.length });
      const e = performance.now() - s;
      (q.typo ? typoTimes : times).push(e);
      if (list.items.length) answered++;
      const rank = list.items.slice(0, 5).findIndex(i => (i.data as { paragraphId: string }).paragraphId === q.paragraphId || sameText(index, (i.data as { paragraphId: string }).paragraphId, q.paragraphId));
      if (!q.typo && rank === 0) top1++;
      if (list.items.length && rank === 0) answeredTop1++;
      if (!q.typo && rank >= 0) top5++;
      if (q.typo && rank >= 0) typoTop5++;
      if (factor === 1 && isUnambiguous(index, q)) {
        if (q.typo) {
          unique.typo++;
          if (rank >= 0) unique.typoTop5++;
        } else {
          unique.exact++;
          if (rank === 0) unique.exactFirst++;
        }
      }
    }
    // Each query's best of five runs: what the code costs, without the busy machine's pauses.
    const best = queries.map(q => {
      let m = Infinity;
      for (let r = 0; r < 5; r++) {
        const s = performance.now();
        completeOfficialWording(index, { text: q.line }, { line: 0, character: q.line.length });
        m = Math.min(m, performance.now() - s);
      }
      return m;
    });
    best.sort((a, b) => a - b);
    const all = [...times, ...typoTimes].sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    typoTimes.sort((a, b) => a - b);
    rows.push({ benchmark: `completion latency, ${all.length} queries (median / p95)`, corpus, value: `${ms(percentile(all, 0.5))} / ${ms(percentile(all, 0.95))}`, note: `exact ${ms(percentile(times, 0.5))} / ${ms(percentile(times, 0.95))}; typo'd ${ms(percentile(typoTimes, 0.5))} / ${ms(percentile(typoTimes, 0.95))}` });
    rows.push({ benchmark: `completion latency, best of 5 runs per query (median / p95)`, corpus, value: `${ms(percentile(best, 0.5))} / ${ms(percentile(best, 0.95))}`, note: 'less sensitive to a busy machine than single runs' });
    rows.push({
      benchmark: 'ranking: intended passage first (exact) / in top 5 (exact, typo)',
      corpus,
      value: `${pct(top1, times.length)} / ${pct(top5, times.length)}, ${pct(typoTop5, typoTimes.length)}`,
      note: 'all queries; a prefix found in several passages has more than one right answer',
    });
    rows.push({
      benchmark: 'queries with a suggestion (distinctive) / intended passage first among them',
      corpus,
      value: `${pct(answered, queries.length)} / ${pct(answeredTop1, answered)}`,
      note: `${answered} of ${queries.length}; the others are not distinctive enough to be suggested while typing`,
    });
    if (factor === 1) {
      rows.push({
        benchmark: 'ranking, unambiguous prefixes: first (exact) / in top 5 (typo)',
        corpus,
        value: `${pct(unique.exactFirst, unique.exact)} / ${pct(unique.typoTop5, unique.typo)}`,
        note: `${unique.exact} exact and ${unique.typo} typo'd prefixes whose intended words occur in one passage text only`,
      });
    }
    if (factor === 100) {
      const ts = performance.now();
      const sentences = index.sentences.map(s => s.text);
      const split = performance.now() - ts;
      const fuse = new Fuse(sentences, { includeScore: true, ignoreLocation: true });
      const fuseTimes: number[] = [];
      for (const q of queries.slice(0, 20)) {
        const s = performance.now();
        fuse.search(q.line);
        fuseTimes.push(performance.now() - s);
      }
      fuseTimes.sort((a, b) => a - b);
      const speedup = percentile(fuseTimes, 0.5) / percentile(all, 0.5);
      rows.push({ benchmark: 'plain fuse.js over every sentence (median, 20 queries)', corpus, value: ms(percentile(fuseTimes, 0.5)), note: `${sentences.length} sentences (splitting them took ${ms(split)}); Verbatim completion is ${speedup.toFixed(0)}x faster` });
    }
  }
  return rows;
}

/** Whether the intended words of `q` (before any typo) occur in one distinct passage text only. */
function isUnambiguous(index: CorpusIndex, q: BenchQuery): boolean {
  const words = normalizeText(q.intended).text;
  const texts = new Set<string>();
  for (const p of index.paragraphs) if (p.normalized.text.includes(words)) texts.add(p.normalized.text);
  return texts.size === 1;
}

function pct(n: number, d: number): string {
  return `${((100 * n) / Math.max(1, d)).toFixed(0)}%`;
}

/** Synthetic copies repeat the originals' unchanged passages: count the same text as the intended passage. */
function sameText(index: CorpusIndex, a: string, b: string): boolean {
  return index.getParagraph(a)?.text === index.getParagraph(b)?.text;
}
