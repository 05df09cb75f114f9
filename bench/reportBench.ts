/**
 * The consistency report on big drafts, through the CLI as a user runs it: `verbatim check`
 * on a 2 MB draft with and without `--report`, and the check alone at 0.5, 1 and 2 MB to
 * show that it grows in proportion to the draft.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { soakDraft } from './soak';

export interface ReportBenchResult {
  /** Seconds for `verbatim check` without and with `--report`, by draft size in MB. */
  readonly rows: readonly { readonly mb: number; readonly check: number; readonly withReport?: number; readonly reportRows?: number }[];
}

function timeCli(repoRoot: string, cwd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'verbatim.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`verbatim ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

/** Runs the CLI on drafts of `sizesMb`; with `--report` too on the largest. */
export function runReportBench(repoRoot: string, sizesMb: readonly number[] = [0.5, 1, 2]): ReportBenchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-report-bench-'));
  try {
    const rows = sizesMb.map((mb, i) => {
      const file = `draft-${mb}.md`;
      fs.writeFileSync(path.join(dir, file), soakDraft(mb * 1024 * 1024, 200 + i));
      const check = timeCli(repoRoot, dir, ['check', '--fail-on', 'none', '--output', 'out.txt', file]);
      if (i !== sizesMb.length - 1) return { mb, check };
      const withReport = timeCli(repoRoot, dir, ['check', '--fail-on', 'none', '--output', 'out.txt', '--report', 'report.md', file]);
      const reportRows = (fs.readFileSync(path.join(dir, 'report.md'), 'utf8').match(/^\| (?:line \d+|\[line \d+\]\(<[^>]*>\)) \| (?:quotation|restatement) \|/gm) ?? []).length;
      return { mb, check, withReport, reportRows };
    });
    return { rows };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
