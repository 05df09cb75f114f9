/**
 * Large loads: the language server (over stdio, as an editor runs it) indexes a large
 * source while the drafter goes on hovering over official wording in a draft.
 *  - the million-passage source: a million one-line paragraphs (cut at the passage limit);
 *  - the single-paragraph source: one 20 MB paragraph (refused by the passage-length limit).
 * Measured: the time from the settings change to the new index being in use, and the
 * latency of hovers sent every 25 ms meanwhile (each must carry its citation); then the
 * first hover and completion on the new index. Also: `verbatim sources` on each file.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CompletionRequest, HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from '../test/support/lspClient';

export interface LoadScenario {
  readonly name: string;
  readonly file: string;
  readonly content: () => string;
}

export interface LoadResult {
  readonly name: string;
  readonly bytes: number;
  /** Seconds from the settings change until the server used the new index. */
  readonly loadSeconds: number;
  readonly passages: number;
  readonly problems: readonly string[];
  readonly hovers: number;
  readonly hoversWithCitation: number;
  readonly hoverP50: number;
  readonly hoverMax: number;
  readonly firstHoverAfter: number;
  readonly firstCompletionAfter: number;
  /** Seconds for `verbatim sources --source FILE` (the CLI, no slices). */
  readonly cliSeconds: number;
}

/** A million one-line paragraphs (about 13 MB). */
export function millionPassages(count = 1_000_000): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`Item ${i}.`);
  return lines.join('\n\n');
}

/** One paragraph of `bytes` characters, wrapped at 80 columns, a sentence every 20 words. */
export function singleParagraph(bytes = 20_000_000): string {
  const words = ['the', 'ministers', 'agreed', 'to', 'cooperate', 'on', 'energy', 'trade', 'and', 'security'];
  const out: string[] = [];
  let line = '';
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const w = words[i % words.length] + (i % 20 === 19 ? '.' : '');
    if (line.length + w.length + 1 > 80) {
      out.push(line);
      n += line.length + 1;
      line = '';
    }
    line += (line ? ' ' : '') + w;
  }
  return out.join('\n');
}

const DRAFT = 'Readout of the call.\n\nThe leaders agreed to launch a High Level Climate Ministerial.\n';
const HOVER_AT = { line: 2, character: 40 };

export async function runLoadHover(repoRoot: string, scenarios: readonly LoadScenario[], log: (line: string) => void = () => undefined): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const scenario of scenarios) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-load-'));
    try {
      const content = scenario.content();
      fs.mkdirSync(path.join(dir, 'big'));
      fs.writeFileSync(path.join(dir, 'big', scenario.file), content);
      const client = new TestClient({ workspaceFolder: dir, settings: { sources: [] } });
      try {
        await client.initialize();
        await client.sourcesLoaded(30000);
        const uri = `file://${dir}/draft.md`;
        await client.open(uri, DRAFT);
        const hover = async () => {
          const t0 = performance.now();
          const h = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: HOVER_AT })) as Hover | null;
          return { ms: performance.now() - t0, cited: !!h && /Citation: `roadmap-2021-02-23#/.test((h.contents as MarkupContent).value) };
        };
        await hover();

        const before = client.statuses.length;
        const started = performance.now();
        client.settings = { sources: ['big'] };
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        const done = () => client.statuses.slice(before).find(s => !s.loading && (s.passages > 63 || s.problems.length > 0));
        const latencies: number[] = [];
        let cited = 0;
        while (!done()) {
          const h = await hover();
          latencies.push(h.ms);
          if (h.cited) cited++;
          if (performance.now() - started > 120_000) throw new Error(`${scenario.name}: not loaded after 120 s`);
          await new Promise(r => setTimeout(r, 25));
        }
        const status = done()!;
        const loadSeconds = (performance.now() - started) / 1000;
        const after = await hover();
        const t0 = performance.now();
        await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 28 } });
        const firstCompletionAfter = performance.now() - t0;
        latencies.sort((a, b) => a - b);
        const cli = performance.now();
        spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'verbatim.js'), 'sources', '--no-bundled', '--source', path.join('big', scenario.file)], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
        const cliSeconds = (performance.now() - cli) / 1000;
        const result: LoadResult = {
          name: scenario.name,
          bytes: content.length,
          loadSeconds,
          passages: status.passages,
          problems: status.problems.map(p => p.message),
          hovers: latencies.length,
          hoversWithCitation: cited,
          hoverP50: latencies[Math.floor(latencies.length / 2)] ?? 0,
          hoverMax: latencies[latencies.length - 1] ?? 0,
          firstHoverAfter: after.ms,
          firstCompletionAfter,
          cliSeconds,
        };
        log(`load: ${scenario.name}: ${loadSeconds.toFixed(2)} s, ${latencies.length} hovers meanwhile, max ${result.hoverMax.toFixed(0)} ms`);
        results.push(result);
      } finally {
        await client.shutdown();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

export const LARGE_LOADS: readonly LoadScenario[] = [
  { name: 'million-passage source (13 MB)', file: 'million.md', content: () => millionPassages() },
  { name: 'single-paragraph source (20 MB)', file: 'single.md', content: () => singleParagraph() },
];
