/**
 * `npm run bench`: runs each benchmark module and prints one table. Run with
 * `node --expose-gc` so heap figures are measured after a full collection.
 * Add a sibling module (hover.ts, check.ts) returning `BenchRow[]` and list it here.
 */
import * as path from 'node:path';
import { completionBenchmarks, type BenchRow } from './completion';

const repoRoot = path.resolve(__dirname, '..', '..');
const factors = process.argv.slice(2).map(Number).filter(n => n > 0);

const suites: { name: string; run: () => BenchRow[] }[] = [{ name: 'completion', run: () => completionBenchmarks(repoRoot, factors.length ? factors : undefined) }];

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
console.log(`node ${process.version}, ${require('node:os').cpus().length} cores`);
const rows: BenchRow[] = [];
for (const s of suites) rows.push(...s.run());
printTable(rows);
