/**
 * The soak: a long day of typing, in process, through the engine the server uses.
 *  - Typing: seeded keystrokes (a letter, a word, a deletion) into 50 drafts in turn, a
 *    check after every one, as the server does with `verbatim.diagnosticsDelay` 0.
 *  - A big draft: one 1 MB draft re-checked after each of 5,000 small edits.
 * Heap after a full collection is taken at the start (after the first checks), the middle
 * and the end of each run. Needs `node --expose-gc` (or the test helper that exposes it).
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import { createEngine, loadCorpus, type Engine } from '../server/src/engine';
import { bundledSourceInputs, prng } from './synthetic';

export interface SoakOptions {
  readonly repoRoot: string;
  readonly drafts?: number;
  readonly edits?: number;
  readonly bigDraftBytes?: number;
  readonly bigRechecks?: number;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export interface HeapCurve {
  /** Heap used after a full collection, in MB. */
  readonly start: number;
  readonly middle: number;
  readonly end: number;
  readonly rssEnd: number;
  readonly checks: number;
  readonly ms: number;
}

export interface SoakResult {
  readonly typing: HeapCurve;
  readonly big: HeapCurve;
}

const PARAS = [
  'The leaders agreed to strengthen the U.S.-Canada Action Plan on Opioids.',
  'Prime Minister Trudeau reaffirmed the goal for Canada to achieve 90 percent non-emitting electricity by 2030.',
  'The two leaders discussed the NHL season while snow fell in Ottawa.',
  'They "reaffirmed their determination to work together to counter terrorism and violent extremism in all its forms."',
  'Canada and the United States will not launch an expanded U.S.-Canada Arctic Dialogue.',
  'The leaders agreed to launch a High Level Climate Ministerial to align their approaches.',
];

let collect: (() => void) | undefined;
function heapMb(): number {
  if (!collect) {
    collect = (globalThis as { gc?: () => void }).gc;
    if (!collect) {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    }
  }
  collect();
  collect();
  return process.memoryUsage().heapUsed / 1048576;
}

/** A draft of about `bytes` characters, every paragraph different. */
export function soakDraft(bytes: number, seed: number): string {
  const rand = prng(seed);
  const out: string[] = [];
  for (let n = 0, i = 0; n < bytes; i++) {
    const p = `${PARAS[Math.floor(rand() * PARAS.length)]} Item ${seed}-${i}.`;
    out.push(p);
    n += p.length + 2;
  }
  return out.join('\n\n');
}

/** One keystroke's worth of change at a random place: a letter, a word, or a deletion. */
function keystroke(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  const r = rand();
  if (r < 0.5) return text.slice(0, at) + 'abcdefghijklmnopqrstuvwxyz '[Math.floor(rand() * 27)] + text.slice(at);
  if (r < 0.7) return text.slice(0, at) + ['agreed ', 'will ', 'not ', '2040 ', '"', '\n\n'][Math.floor(rand() * 6)] + text.slice(at);
  return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rand() * 3)));
}

function check(engine: Engine, uri: string, text: string): void {
  engine.check({ uri, text });
}

export function runSoak(options: SoakOptions): SoakResult {
  const log = options.log ?? (() => undefined);
  const rand = prng(options.seed ?? 30);
  const engine = createEngine(loadCorpus(bundledSourceInputs(options.repoRoot)));

  // Typing into many ordinary drafts.
  const draftCount = options.drafts ?? 50;
  const edits = options.edits ?? 30_000;
  const drafts = Array.from({ length: draftCount }, (_, i) => soakDraft(1500 + Math.floor(rand() * 6000), 100 + i));
  let t0 = performance.now();
  drafts.forEach((d, i) => check(engine, `file:///soak/${i}.md`, d));
  const typingStart = heapMb();
  let typingMiddle = typingStart;
  for (let e = 1; e <= edits; e++) {
    const i = e % draftCount;
    drafts[i] = keystroke(drafts[i], rand);
    check(engine, `file:///soak/${i}.md`, drafts[i]);
    if (e === Math.floor(edits / 2)) typingMiddle = heapMb();
    if (e % 5000 === 0) log(`soak: ${e} edits, heap ${heapMb().toFixed(1)} MB`);
  }
  const typing: HeapCurve = { start: typingStart, middle: typingMiddle, end: heapMb(), rssEnd: process.memoryUsage().rss / 1048576, checks: edits, ms: performance.now() - t0 };
  drafts.length = 0;

  // One big draft, re-checked after every small edit.
  const rechecks = options.bigRechecks ?? 5000;
  let big = soakDraft(options.bigDraftBytes ?? 1024 * 1024, 7);
  t0 = performance.now();
  check(engine, 'file:///soak/big.md', big);
  log(`soak: big draft of ${(big.length / 1048576).toFixed(2)} MB checked in ${(performance.now() - t0).toFixed(0)} ms`);
  const bigStart = heapMb();
  let bigMiddle = bigStart;
  for (let e = 1; e <= rechecks; e++) {
    big = keystroke(big, rand);
    check(engine, 'file:///soak/big.md', big);
    if (e === Math.floor(rechecks / 2)) bigMiddle = heapMb();
    if (e % 1000 === 0) log(`soak: big draft, ${e} re-checks, heap ${heapMb().toFixed(1)} MB`);
  }
  const bigCurve: HeapCurve = { start: bigStart, middle: bigMiddle, end: heapMb(), rssEnd: process.memoryUsage().rss / 1048576, checks: rechecks, ms: performance.now() - t0 };
  return { typing, big: bigCurve };
}
