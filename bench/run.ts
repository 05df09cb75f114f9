/**
 * `npm run bench`: runs each benchmark module and prints one table. Run with
 * `node --expose-gc` so heap figures are measured after a full collection.
 * Each suite is a sibling module returning rows; list it here.
 * `VERBATIM_BENCH=typing npm run bench` runs only the named suites (comma-separated).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { benchCheck } from './check';
import { completionBenchmarks, type BenchRow } from './completion';
import { benchHover } from './hover';
import { runReliability, summary, violations } from './reliability';
import { typingBenchmarks } from './typing';

const repoRoot = path.resolve(__dirname, '..', '..');
const factors = process.argv.slice(2).map(Number).filter(n => n > 0);

/** Rows of the simpler `{name, value}` benchmark modules, as table rows. */
const asRows = (corpus: string, rows: { name: string; value: string }[]): BenchRow[] => rows.map(r => ({ benchmark: r.name, corpus, value: r.value }));

const suites: { name: string; run: () => BenchRow[] | Promise<BenchRow[]> }[] = [
  { name: 'completion', run: () => completionBenchmarks(repoRoot, factors.length ? factors : undefined) },
  { name: 'hover', run: async () => asRows('100x', await benchHover(repoRoot, 100)) },
  { name: 'check', run: async () => asRows('bundled / 100x', await benchCheck(repoRoot)) },
  {
    // Issue 19: the LSP fuzz, the soak, the report on big drafts, hovers during large loads (a few minutes).
    name: 'reliability',
    run: async () => {
      const results = await runReliability(repoRoot, false, line => console.error(line));
      const failed = violations(results);
      if (failed.length) process.exitCode = 1;
      return [...asRows('bundled', summary(results)), ...failed.map(f => ({ benchmark: 'FAILED', corpus: '', value: f }))];
    },
  },
  // Typing through the real language server (bench/typing.ts): about two minutes.
  { name: 'typing', run: () => typingBenchmarks(repoRoot) },
];

function printTable(rows: readonly BenchRow[]): void {
  const header = ['benchmark', 'corpus', 'value', 'note'] as const;
  const cells = rows.map(r => header.map(h => r[h] ?? ''));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map(c => c[i].length)));
  const line = (c: readonly string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(line(c));
}

if (!(globalThis as { gc?: unknown }).gc) console.warn('warning: run with node --expose-gc for heap figures after gc');
async function main(): Promise<void> {
  console.log(`node ${process.version}, ${os.cpus().length} cores`);
  const only = process.env.VERBATIM_BENCH?.split(',');
  const rows: BenchRow[] = [];
  for (const s of suites) {
    if (only && !only.includes(s.name)) continue;
    console.error(`running ${s.name} benchmarks...`);
    rows.push(...(await s.run()));
  }
  printTable(rows);
}

void main();
