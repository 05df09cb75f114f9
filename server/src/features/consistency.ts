/**
 * On-demand consistency checks: the drafts a client names (open or only on disk) are
 * checked and their diagnostics returned per file, with the Markdown report if asked.
 */
import { fileURLToPath } from 'node:url';
import type { CancellationToken } from 'vscode-languageserver';
import { buildReport, checkInSlices, type Engine, type ReportInput } from '../engine';
import { CheckDraftsRequest, type CheckDraftsParams, type CheckDraftsResult, type CheckedDraft } from '../protocol';
import { runSafe } from '../safe';
import type { ServerContext } from '../server';
import { pause, serverSlicing } from '../slices';
import { readFileBounded } from '../sourceFiles';

/** Larger files are not drafts (and would stall the server). */
const MAX_BYTES = 2 * 1024 * 1024;

export function registerConsistency(ctx: ServerContext): void {
  const { connection } = ctx;
  connection.onRequest(CheckDraftsRequest, (params, token) =>
    runSafe(connection.console, 'check drafts', params?.uris?.[0], { drafts: [] }, token, () => checkDrafts(ctx, params, token)),
  );
}

async function checkDrafts(ctx: ServerContext, params: CheckDraftsParams, token: CancellationToken): Promise<CheckDraftsResult> {
  const drafts: CheckedDraft[] = [];
  const byIndex = new Map<Engine['index'], ReportInput[]>();
  for (const uri of params.uris ?? []) {
    if (token.isCancellationRequested) break;
    if (ctx.sources.isSourceUri(uri)) {
      drafts.push({ uri, diagnostics: [], open: false, error: 'a source document, not a draft' });
      continue;
    }
    const doc = ctx.documents.get(uri);
    let text: string;
    try {
      text = doc ? doc.getText() : await readDraft(uri);
    } catch (e) {
      drafts.push({ uri, diagnostics: [], open: false, error: (e as Error).message });
      continue;
    }
    const engine = await ctx.sources.engineFor(uri);
    const settings = await ctx.settings.get(uri);
    // In slices: checking a workspace of drafts must not hold up the editor's requests.
    const diagnostics = await checkInSlices(
      engine,
      { uri, text, version: doc?.version, languageId: doc?.languageId },
      { severity: settings.severity, reportUnsourcedQuotes: settings.reportUnsourcedQuotes },
      token,
      serverSlicing,
    );
    drafts.push({ uri, diagnostics, open: !!doc });
    if (params.report) {
      let list = byIndex.get(engine.index);
      if (!list) byIndex.set(engine.index, (list = []));
      list.push({ uri, name: params.names?.[uri] ?? displayName(uri), text });
    }
  }
  if (!params.report) return { drafts };
  const reports: string[] = [];
  for (const [index, inputs] of byIndex) {
    await pause();
    reports.push(buildReport(index, inputs, token));
  }
  return { drafts, report: reports.length ? reports.join('\n\n') : '# Verbatim consistency report\n\nNo drafts were checked.\n' };
}

async function readDraft(uri: string): Promise<string> {
  if (!uri.startsWith('file:')) throw new Error('not open and not a file');
  const read = readFileBounded(fileURLToPath(uri), MAX_BYTES, 'drafts');
  if ('problem' in read) throw new Error(read.problem);
  return read.bytes.toString('utf8');
}

function displayName(uri: string): string {
  try {
    return decodeURIComponent(uri.replace(/^[a-z]+:\/*/, '/')).split('/').filter(Boolean).slice(-2).join('/');
  } catch {
    return uri;
  }
}
