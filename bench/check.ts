/**
 * Checker benchmarks: a full check of a 10,000-word draft against the bundled corpus and
 * the 100x synthetic corpus, and the re-check after a one-paragraph edit (cached paragraphs).
 */
import { createEngine, loadCorpus } from '../server/src/engine';
import { bundledSourceInputs, syntheticCorpus } from './synthetic';


const PARAS = [
  'The leaders agreed to strengthen the U.S.-Canada Action Plan on Opioids.',
  'Prime Minister Trudeau reaffirmed the goal for Canada to achieve 80 percent non-emitting electricity by 2030.',
  'The two leaders traded jokes about the NHL season while snow fell in Ottawa on Thursday.',
  'The leaders "emphasized their strong support for the multilateral institutions that are on the front lines of COVID-19 response."',
  'Canada and the United States will not launch an expanded U.S.-Canada Arctic Dialogue.',
  'The leaders discussed ways to align their approaches to China and agreed to renew the energy MOU.',
];

/** A deterministic draft of about `words` words. */
export function draftOf(words: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const p = `${PARAS[i % PARAS.length]} Item ${i}.`;
    parts.push(p);
    n += p.split(/\s+/).length;
  }
  return parts.join('\n\n');
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function benchCheck(repoRoot: string): Promise<{ name: string; value: string }[]> {
  const out: { name: string; value: string }[] = [];
  const draft = draftOf(10000);
  const edited = draft.replace('Item 7.', 'Item 7, edited.');
  for (const [label, inputs] of [
    ['bundled', bundledSourceInputs(repoRoot)],
    ['100x synthetic', syntheticCorpus(repoRoot, 100)],
  ] as const) {
    const index = loadCorpus(inputs);
    const engine = createEngine(index);
    const warm = time(() => engine.check({ uri: 'bench:warm', text: 'The leaders agreed to launch a High Level Climate Ministerial.' }));
    out.push({ name: `check: first use, builds check index (${label})`, value: `${warm.toFixed(0)} ms` });
    const full = time(() => engine.check({ uri: 'bench:draft', text: draft }));
    out.push({ name: `check: full, 10,000-word draft (${label})`, value: `${full.toFixed(0)} ms` });
    const inc = time(() => engine.check({ uri: 'bench:draft', text: edited }));
    out.push({ name: `check: after a one-paragraph edit (${label})`, value: `${inc.toFixed(1)} ms` });
  }
  return out;
}
