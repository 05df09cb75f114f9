/**
 * Hover latency at the 100x synthetic corpus: the one-off cost of the hover lookup
 * structures, then p50/p95/max per hover over drafts that quote, restate, name and
 * miss the sources (cursor at many places in each).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../server/src/engine';
import { hoverAt } from '../server/src/engine/hover';
import { definitionAt, quotationLinks } from '../server/src/engine/sourceLinks';
import { syntheticCorpus } from './synthetic';

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function drafts(repoRoot: string): string[] {
  const out: string[] = [];
  const evalFile = path.join(repoRoot, 'test', 'eval', 'cases.json');
  if (fs.existsSync(evalFile)) {
    const cases = JSON.parse(fs.readFileSync(evalFile, 'utf8')) as { hovers?: { line: string }[]; checks?: { text: string }[] };
    for (const h of cases.hovers ?? []) out.push(h.line);
    for (const c of (cases.checks ?? []).slice(0, 60)) out.push(c.text);
  }
  out.push(
    'The quick brown fox jumps over the lazy dog, and nothing here is in any source at all.',
    'Readout: “The top priority of the President and the Prime Minister is to defeat the COVID-19 pandemic.”',
    'They said that the United States and Canada will work together on the Arctic and on climate change in the years ahead.',
  );
  return out;
}

/** Benchmark rows: `{ name, value }` for the lead's `npm run bench` table. */
export async function benchHover(repoRoot: string, factor = 100): Promise<{ name: string; value: string }[]> {
  const t0 = performance.now();
  const index = loadCorpus(syntheticCorpus(repoRoot, factor));
  const loadMs = performance.now() - t0;
  const texts = drafts(repoRoot);
  const t1 = performance.now();
  hoverAt(index, texts[0], 10); // builds the phrase index and the name table
  const firstMs = performance.now() - t1;
  const times: number[] = [];
  let shown = 0;
  for (let round = 0; round < 3; round++) {
    for (const text of texts) {
      for (let offset = 0; offset <= text.length; offset += 7) {
        const s = performance.now();
        if (hoverAt(index, text, offset)) shown++;
        times.push(performance.now() - s);
      }
    }
  }
  times.sort((a, b) => a - b);
  const defTimes: number[] = [];
  for (const text of texts) {
    const s = performance.now();
    definitionAt(index, text, Math.floor(text.length / 2));
    defTimes.push(performance.now() - s);
  }
  defTimes.sort((a, b) => a - b);
  const linkText = texts.join('\n\n');
  const s = performance.now();
  const links = quotationLinks(index, linkText);
  const linksMs = performance.now() - s;
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  return [
    { name: `hover: corpus ${factor}x (passages)`, value: String(index.passageCount) },
    { name: `hover: corpus load ${factor}x`, value: ms(loadMs) },
    { name: 'hover: first hover (builds lookup)', value: ms(firstMs) },
    { name: `hover: p50 (${times.length} hovers, ${shown} shown)`, value: ms(percentile(times, 0.5)) },
    { name: 'hover: p95', value: ms(percentile(times, 0.95)) },
    { name: 'hover: max', value: ms(times[times.length - 1]) },
    { name: 'definition: p95', value: ms(percentile(defTimes, 0.95)) },
    { name: `document links: ${texts.length} paragraphs, ${links.length} links`, value: ms(linksMs) },
  ];
}
