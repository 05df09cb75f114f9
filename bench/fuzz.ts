/**
 * The LSP fuzz: seeded random edits to a few open drafts over a real stdio connection
 * (surrogate pairs, CRLF, bidi controls, combining marks, suppression comments, long lines,
 * positions past the end of lines), with hovers, completions, ghost text, definitions,
 * links and code actions in between, and `verbatim.diagnosticsDelay` 0. Edits come at ten
 * times a fast typist's pace (one every 5 ms on average), requests after three edits in ten.
 *
 * Checked: the server never crashes nor logs an error; every published diagnostic lies
 * inside the version it was published for, and every edit range a request returns inside
 * the document; at settle points, the diagnostics of each edited draft equal those of the
 * same text opened fresh. Measured: request latency (all requests, with checks running).
 */
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  HoverRequest,
  type CompletionList,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TestClient } from '../test/support/lspClient';
import { prng } from './synthetic';

export interface FuzzOptions {
  readonly edits: number;
  readonly seed?: number;
  readonly documents?: number;
  /** Longest inserted line, in characters (the probe used 200 KB). */
  readonly longLine?: number;
  /** Check incremental against fresh diagnostics every this many edits (and at the end). */
  readonly settleEvery?: number;
  readonly log?: (line: string) => void;
}

export interface FuzzResult {
  readonly edits: number;
  readonly requests: number;
  readonly crashed: boolean;
  readonly serverErrors: readonly string[];
  /** Diagnostics or edit ranges outside their document. */
  readonly outOfRange: readonly string[];
  /** Settle points where incremental diagnostics differed from a fresh open. */
  readonly mismatches: readonly string[];
  readonly settles: number;
  readonly publications: number;
  readonly latency: { readonly p50: number; readonly p99: number; readonly max: number; readonly maxMethod: string };
  /** The five slowest requests: method, milliseconds, the document's length then. */
  readonly slowest: readonly string[];
  readonly durationMs: number;
}

const WORDS = ['the', 'leaders', 'agreed', 'to', 'launch', 'a', 'High', 'Level', 'Climate', 'Ministerial', 'Canada', 'United', 'States', 'will', 'not', '2050', 'ninety', 'per', 'cent', 'Arctic', 'NORAD', 'opioids'];
const PHRASES = [
  'The leaders agreed to launch a High Level Climate Ministerial.',
  'They "reaffirmed their determination to work together to counter terrorism and violent extremism in all its forms."',
  'Canada and the United States will not launch an expanded U.S.-Canada Arctic Dialogue.',
  'Prime Minister Trudeau reaffirmed the goal for Canada to achieve 90 percent non-emitting electricity by 2040.',
];
const ODDITIES = ['😀', '👩🏽‍⚖️', '\ud83d', '\r\n', '\n\n', '\r', '\u202e', '\u2066', 'e\u0301', '“', '”', '‘', '’', '"', '> ', '- ', '# ', '<!-- verbatim-disable -->', '<!-- verbatim-enable -->', '<!-- verbatim-disable-next-line -->\n', '\\', '\t', '\u0000', '…', '[', ']'];

interface Doc {
  uri: string;
  doc: TextDocument;
  /** Texts of recent versions, for checking the diagnostics published for them. */
  texts: Map<number, string>;
}

/** Runs the fuzz against a freshly spawned server. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const rand = prng(options.seed ?? 19);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const client = new TestClient({ settings: { diagnosticsDelay: 0 } });
  let crashed = false;
  const serverErrors: string[] = [];
  const outOfRange: string[] = [];
  const mismatches: string[] = [];
  const latencies: { ms: number; method: string; length: number; edit: number }[] = [];
  let editNumber = 0;
  let publications = 0;
  let settles = 0;
  const docs: Doc[] = [];

  let shuttingDown = false;
  void client.exited.then(() => {
    if (!shuttingDown) crashed = true;
  });
  client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    client.logs.push(p.message);
    if (p.type === 1) serverErrors.push(p.message.slice(0, 500));
  });

  await client.initialize();
  await client.sourcesLoaded(30000);

  // Every publication is checked, as it arrives, against the text of the version it names.
  const lengthsOf = new Map<string, number[]>();
  client.onPublish.push(p => {
    publications++;
    const d = docs.find(x => x.uri === p.uri);
    const text = p.version === undefined ? undefined : d?.texts.get(p.version);
    if (!d || text === undefined) return; // a fresh copy, or a version too old to be kept (it was current when published)
    const key = `${p.uri}#${p.version}`;
    let lines = lengthsOf.get(key);
    if (!lines) lengthsOf.set(key, (lines = lineLengths(text)));
    for (const diag of p.diagnostics) {
      const problem = rangeProblem(lines, diag.range);
      if (problem) outOfRange.push(`diagnostic ${diag.code} in ${d.uri} v${p.version}: ${problem}`);
    }
  });

  const inFlight = new Set<Promise<unknown>>();
  let requests = 0;
  const request = (method: string, params: unknown, check?: (result: unknown, text: string) => void) => {
    const text = docs.find(d => d.uri === (params as { textDocument: { uri: string } }).textDocument.uri)!.doc.getText();
    const t0 = performance.now();
    requests++;
    const edit = editNumber;
    const p = client.connection.sendRequest(method, params).then(
      result => {
        latencies.push({ ms: performance.now() - t0, method, length: text.length, edit });
        check?.(result, text);
      },
      e => serverErrors.push(`${method} failed: ${(e as Error).message}`),
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  for (let i = 0; i < (options.documents ?? 3); i++) {
    const text = Array.from({ length: 8 + Math.floor(rand() * 30) }, () => pick(PHRASES)).join('\n\n');
    const uri = `file:///fuzz/draft-${i}.md`;
    const d: Doc = { uri, doc: TextDocument.create(uri, 'markdown', 1, text), texts: new Map([[1, text]]) };
    docs.push(d);
    await client.open(uri, text, 'markdown', 1);
  }

  const randomPosition = (doc: TextDocument) => {
    const lineCount = doc.lineCount;
    const line = rand() < 0.05 ? lineCount + Math.floor(rand() * 3) : Math.floor(rand() * lineCount);
    const lineLength = line < lineCount ? doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length : 0;
    const character = rand() < 0.05 ? lineLength + Math.floor(rand() * 50) : Math.floor(rand() * (lineLength + 1));
    return { line, character };
  };
  const snippet = (): string => {
    const r = rand();
    if (r < 0.35) return pick(WORDS) + ' ';
    if (r < 0.5) return pick(PHRASES);
    if (r < 0.85) return pick(ODDITIES);
    if (r < 0.995) return Array.from({ length: 1 + Math.floor(rand() * 40) }, () => pick([...WORDS, ...ODDITIES])).join(rand() < 0.5 ? ' ' : '');
    // Rarely, a very long line.
    const length = Math.floor(rand() * (options.longLine ?? 200_000));
    return Array.from({ length: Math.ceil(length / 8) }, () => pick(WORDS)).join(' ').slice(0, length);
  };

  const settle = async (label: string) => {
    settles++;
    await Promise.all([...inFlight]);
    for (const d of docs) {
      const version = d.doc.version;
      const incremental = await client.diagnosticsFor(d.uri, p => p.version === version, 120_000);
      const freshUri = `${d.uri.replace('.md', '')}-fresh-${settles}.md`;
      await client.open(freshUri, d.doc.getText(), 'markdown', 1);
      const fresh = await client.diagnosticsFor(freshUri, p => p.version === 1, 120_000);
      await client.close(freshUri);
      if (JSON.stringify(normalize(incremental.diagnostics)) !== JSON.stringify(normalize(fresh.diagnostics))) {
        mismatches.push(`${label}: ${d.uri} v${version}: ${incremental.diagnostics.length} diagnostics edited, ${fresh.diagnostics.length} fresh`);
      }
    }
    lengthsOf.clear();
  };

  const settleEvery = options.settleEvery ?? 1000;
  for (let e = 1; e <= options.edits && !crashed; e++) {
    editNumber = e;
    const d = pick(docs);
    const start = randomPosition(d.doc);
    const r = rand();
    let range: Range;
    let text: string;
    if (r < 0.55) {
      range = { start, end: start };
      text = snippet();
    } else if (r < 0.85) {
      const end = rand() < 0.8 ? { line: start.line, character: start.character + 1 + Math.floor(rand() * 12) } : randomPosition(d.doc);
      range = before(start, end) ? { start, end } : { start: end, end: start };
      text = '';
    } else {
      const end = randomPosition(d.doc);
      range = before(start, end) ? { start, end } : { start: end, end: start };
      text = snippet();
    }
    const version = d.doc.version + 1;
    TextDocument.update(d.doc, [{ range, text }], version);
    d.texts.set(version, d.doc.getText());
    d.texts.delete(version - 400);
    await client.change(d.uri, version, [{ range, text }]);

    if (rand() < 0.3) {
      const position = randomPosition(d.doc);
      const textDocument = { uri: d.uri };
      const k = rand();
      if (k < 0.3) request(HoverRequest.method, { textDocument, position });
      else if (k < 0.55)
        request(CompletionRequest.method, { textDocument, position }, (result, t) => {
          const lines = lineLengths(t);
          for (const item of (result as CompletionList | null)?.items ?? []) {
            for (const edit of [item.textEdit as TextEdit | undefined, ...(item.additionalTextEdits ?? [])]) {
              const problem = edit && rangeProblem(lines, edit.range);
              if (problem) outOfRange.push(`completion edit in ${d.uri}: ${problem}`);
            }
          }
        });
      else if (k < 0.75)
        request('textDocument/inlineCompletion', { textDocument, position, context: { triggerKind: 2 } }, (result, t) => {
          const lines = lineLengths(t);
          for (const item of (result as { items?: { range?: Range }[] } | null)?.items ?? []) {
            const problem = item.range && rangeProblem(lines, item.range);
            if (problem) outOfRange.push(`ghost text in ${d.uri}: ${problem}`);
          }
        });
      else if (k < 0.85) request(DefinitionRequest.method, { textDocument, position });
      else if (k < 0.93) request(DocumentLinkRequest.method, { textDocument });
      else {
        const diagnostics = client.publishedFor(d.uri).at(-1)?.diagnostics ?? [];
        request(CodeActionRequest.method, { textDocument, range: { start: position, end: position }, context: { diagnostics } });
      }
    }
    if (inFlight.size > 8) await Promise.race([...inFlight]);
    // Ten times a fast typist on average (an edit every 0 to 10 ms; an edit may be a paste of
    // 200 KB), and now and then a pause of up to 100 ms that lets checks finish.
    await sleep(rand() < 0.02 ? rand() * 100 : rand() * 10);
    if (e % settleEvery === 0 || e === options.edits) {
      await settle(`after ${e} edits`);
      log(`fuzz: ${e} edits, ${requests} requests, max latency ${Math.max(0, ...latencies.map(l => l.ms)).toFixed(0)} ms`);
    }
  }

  shuttingDown = true;
  const exitCode = await client.shutdown();
  if (exitCode !== 0 && !crashed) crashed = true;
  const sorted = latencies.map(l => l.ms).sort((a, b) => a - b);
  const max = latencies.reduce((m, l) => (l.ms > m.ms ? l : m), { ms: 0, method: '', length: 0, edit: 0 });
  const slowest = [...latencies]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(l => `${l.method} ${l.ms.toFixed(0)} ms (edit ${l.edit}, document of ${l.length} characters)`);
  return {
    edits: options.edits,
    requests,
    crashed,
    serverErrors,
    outOfRange,
    mismatches,
    settles,
    publications,
    latency: { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: max.ms, maxMethod: max.method },
    slowest,
    durationMs: performance.now() - started,
  };
}

/** The length of each line of `text` (LSP lines: CRLF, LF and CR end a line). */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map(l => l.length);
}

/** Why `range` is not inside the text of `lines` (lengths; LSP positions, UTF-16), or undefined. */
export function rangeProblem(lines: readonly number[], range: Range): string | undefined {
  for (const p of [range.start, range.end]) {
    if (p.line < 0 || p.line >= lines.length) return `line ${p.line} of ${lines.length}`;
    if (p.character < 0 || p.character > lines[p.line]) return `character ${p.character} on line ${p.line} of length ${lines[p.line]}`;
  }
  if (!before(range.start, range.end)) return `start after end ${JSON.stringify(range)}`;
  return undefined;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** Diagnostics as compared between an edited and a fresh document (the URI-independent parts). */
function normalize(diagnostics: readonly Diagnostic[]) {
  return diagnostics.map(d => ({ range: d.range, code: d.code, severity: d.severity, message: d.message, data: d.data }));
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
