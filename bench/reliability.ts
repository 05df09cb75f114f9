/**
 * The reliability scripts of issue 19, seeded and bounded:
 *   node --expose-gc out/bench/reliability.js           the full runs (part of `npm run bench`)
 *   node --expose-gc out/bench/reliability.js --short   a few seconds' worth, for CI: exits 1
 *                                                       if a property fails (never on a time)
 * Prints one line per measure, and with --json the results as JSON.
 */
import * as path from 'node:path';
import { runFuzz, type FuzzResult } from './fuzz';
import { LARGE_LOADS, millionPassages, runLoadHover, type LoadResult } from './loadHover';
import { runReportBench, type ReportBenchResult } from './reportBench';
import { runSoak, type SoakResult } from './soak';

export interface ReliabilityResults {
  readonly fuzz: FuzzResult;
  readonly soak: SoakResult;
  readonly report: ReportBenchResult;
  readonly loads: readonly LoadResult[];
}

const FULL = {
  fuzz: { edits: 10_000, settleEvery: 1000 },
  soak: { drafts: 50, edits: 30_000, bigDraftBytes: 1024 * 1024, bigRechecks: 5000 },
  reportMb: [0.5, 1, 2],
  loads: LARGE_LOADS,
};

const SHORT = {
  fuzz: { edits: 300, settleEvery: 150, longLine: 20_000 },
  soak: { drafts: 10, edits: 600, bigDraftBytes: 100 * 1024, bigRechecks: 40 },
  reportMb: [0.1],
  loads: [{ name: 'a 20,000-passage source', file: 'many.md', content: () => millionPassages(20_000) }],
};

export async function runReliability(repoRoot: string, short: boolean, log: (line: string) => void = () => undefined): Promise<ReliabilityResults> {
  const plan = short ? SHORT : FULL;
  log('reliability: fuzz...');
  const fuzz = await runFuzz({ ...plan.fuzz, seed: 19, log });
  log('reliability: soak...');
  const soak = runSoak({ repoRoot, ...plan.soak, seed: 30, log });
  log('reliability: report...');
  const report = runReportBench(repoRoot, plan.reportMb);
  log('reliability: large loads...');
  const loads = await runLoadHover(repoRoot, plan.loads, log);
  return { fuzz, soak, report, loads };
}

/** The properties every run must have, whatever the machine's speed. */
export function violations(r: ReliabilityResults): string[] {
  const out: string[] = [];
  if (r.fuzz.crashed) out.push('fuzz: the server crashed');
  for (const e of r.fuzz.serverErrors.slice(0, 5)) out.push(`fuzz: server error: ${e}`);
  for (const e of r.fuzz.outOfRange.slice(0, 5)) out.push(`fuzz: out of range: ${e}`);
  for (const e of r.fuzz.mismatches.slice(0, 5)) out.push(`fuzz: incremental differs from fresh: ${e}`);
  if (r.fuzz.publications === 0) out.push('fuzz: no diagnostics were published');
  for (const [name, c] of [['typing', r.soak.typing], ['big draft', r.soak.big]] as const) {
    // A little slack for small runs, where a few MB of noise are a large share.
    if (c.end > c.middle * 1.5 + 4) out.push(`soak (${name}): heap after GC grew from ${c.middle.toFixed(1)} MB (middle) to ${c.end.toFixed(1)} MB (end)`);
    if (c.end > 150) out.push(`soak (${name}): heap after GC ended at ${c.end.toFixed(1)} MB, over 150 MB`);
  }
  const last = r.report.rows[r.report.rows.length - 1];
  if (!last?.reportRows) out.push('report: the report has no rows');
  for (const l of r.loads) {
    if (l.hoversWithCitation !== l.hovers) out.push(`load (${l.name}): ${l.hovers - l.hoversWithCitation} of ${l.hovers} hovers had no citation`);
  }
  return out;
}

/** One line per measure, for people. */
export function summary(r: ReliabilityResults): { name: string; value: string }[] {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const mb = (v: number) => `${v.toFixed(1)} MB`;
  const rows: { name: string; value: string }[] = [
    { name: `fuzz: ${r.fuzz.edits} edits, ${r.fuzz.requests} requests, ${r.fuzz.settles} comparisons with a fresh open`, value: `${r.fuzz.crashed ? 'CRASHED' : 'no crash'}, ${r.fuzz.serverErrors.length} errors, ${r.fuzz.outOfRange.length} out of range, ${r.fuzz.mismatches.length} mismatches` },
    { name: 'fuzz: request latency p50 / p99 / max', value: `${ms(r.fuzz.latency.p50)} / ${ms(r.fuzz.latency.p99)} / ${ms(r.fuzz.latency.max)} (${r.fuzz.latency.maxMethod})` },
    { name: `soak: typing, ${r.soak.typing.checks} checks, heap after GC start / middle / end`, value: `${mb(r.soak.typing.start)} / ${mb(r.soak.typing.middle)} / ${mb(r.soak.typing.end)} (RSS ${mb(r.soak.typing.rssEnd)}, ${(r.soak.typing.ms / 1000).toFixed(0)} s)` },
    { name: `soak: big draft, ${r.soak.big.checks} re-checks, heap after GC start / middle / end`, value: `${mb(r.soak.big.start)} / ${mb(r.soak.big.middle)} / ${mb(r.soak.big.end)} (RSS ${mb(r.soak.big.rssEnd)}, ${(r.soak.big.ms / 1000).toFixed(0)} s)` },
  ];
  for (const row of r.report.rows) {
    rows.push({ name: `report: verbatim check, ${row.mb} MB draft`, value: `${row.check.toFixed(1)} s${row.withReport !== undefined ? `; with --report ${row.withReport.toFixed(1)} s (${(row.withReport / row.check).toFixed(2)}x, ${row.reportRows} rows)` : ''}` });
  }
  for (const l of r.loads) {
    rows.push({ name: `load: ${l.name}, in use after`, value: `${l.loadSeconds.toFixed(2)} s (${l.passages} passages; CLI ${l.cliSeconds.toFixed(2)} s)` });
    rows.push({ name: `load: ${l.name}, ${l.hovers} hovers meanwhile, p50 / max`, value: `${ms(l.hoverP50)} / ${ms(l.hoverMax)}, ${l.hoversWithCitation} with citation; then hover ${ms(l.firstHoverAfter)}, completion ${ms(l.firstCompletionAfter)}` });
  }
  return rows;
}

if (require.main === module) {
  const short = process.argv.includes('--short');
  const repoRoot = path.resolve(__dirname, '..', '..');
  const started = Date.now();
  runReliability(repoRoot, short, line => console.error(line)).then(
    r => {
      for (const row of summary(r)) console.log(`${row.name}: ${row.value}`);
      for (const l of r.loads) for (const p of l.problems) console.log(`  ${p}`);
      if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
      const bad = violations(r);
      for (const v of bad) console.error(`FAILED: ${v}`);
      console.log(`reliability${short ? ' (short)' : ''}: ${bad.length ? `${bad.length} properties failed` : 'all properties hold'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      process.exitCode = bad.length ? 1 : 0;
    },
    e => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
