/**
 * On-demand consistency checks: the drafts a client names (open or only on disk) are
 * checked and their diagnostics returned per file, with the Markdown report if asked.
 */
import { ruleHref } from '../ruleDocs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken } from 'vscode-languageserver';
import { checkInSlices, type Engine, type ReportInput, type ReportOptions } from '../engine';
import { CheckDraftsRequest, type CheckDraftsParams, type CheckDraftsResult, type CheckedDraft } from '../protocol';
import { runSafe } from '../safe';
import { isIgnored } from './diagnostics';
import { readWordForCheck, reportFields, withDocxLocations, type DocxText } from '../docx';
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
  const byEngine = new Map<Engine, { inputs: ReportInput[]; options: ReportOptions }>();
  for (const uri of params.uris ?? []) {
    if (token.isCancellationRequested) break;
    if (ctx.sources.isSourceUri(uri)) {
      drafts.push({ uri, diagnostics: [], open: false, error: 'a source document, not a draft' });
      continue;
    }
    const doc = ctx.documents.get(uri);
    let text: string;
    // A Word draft (.docx) is checked as its extracted text; its findings say where they are in the document.
    let word: DocxText | undefined;
    try {
      word = doc ? undefined : await readWordForCheck(uri);
      text = word ? word.text : doc ? doc.getText() : await readDraft(uri);
    } catch (e) {
      drafts.push({ uri, diagnostics: [], open: false, error: (e as Error).message });
      continue;
    }
    const engine = await ctx.sources.engineFor(uri);
    const settings = await ctx.settings.get(uri);
    if (isIgnored(settings, uri)) {
      drafts.push({ uri, diagnostics: [], open: !!doc, error: 'ignored by the project file (.verbatim.json "ignore")' });
      continue;
    }
    // In slices: checking a workspace of drafts must not hold up the editor's requests.
    const checked = await checkInSlices(
      engine,
      { uri, text, version: doc?.version, languageId: word ? 'markdown' : doc?.languageId },
      { severity: settings.severity, reportUnsourcedQuotes: settings.reportUnsourcedQuotes, accepted: settings.accepted, ruleHref },
      token,
      serverSlicing,
    );
    const diagnostics = word ? withDocxLocations(word, checked) : checked;
    drafts.push({ uri, diagnostics, open: !!doc });
    if (params.report) {
      let group = byEngine.get(engine);
      const options: ReportOptions = { coverage: params.coverage, severity: settings.severity, accepted: settings.accepted, reportUnsourcedQuotes: settings.reportUnsourcedQuotes, ruleHref: code => linkFrom(params.reportUri, ruleHref(code)) };
      if (!group) byEngine.set(engine, (group = { inputs: [], options }));
      group.inputs.push({ uri, name: params.names?.[uri] ?? displayName(uri), text, ...(word ? reportFields(word) : { link: linkFrom(params.reportUri, uri) }) });
    }
  }
  if (!params.report) return { drafts };
  const reports: string[] = [];
  const html: string[] = [];
  for (const [engine, g] of byEngine) {
    await pause();
    reports.push(engine.report(g.inputs, g.options, token));
    if (params.html) {
      await pause();
      html.push(engine.htmlReport(g.inputs, g.options, token));
    }
  }
  return {
    drafts,
    report: reports.length ? reports.join('\n\n') : '# Verbatim consistency report\n\nNo drafts were checked.\n',
    ...(params.html ? { html: html[0] ?? '' } : {}),
  };
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

/**
 * A link to `target` (a `file:` URI) as the report written at `reportUri` should give it: a path
 * relative to the report, which Markdown previews follow (they refuse `file:` links); the URI
 * itself when the report's place is not known.
 */
function linkFrom(reportUri: string | undefined, target: string | undefined): string | undefined {
  if (!target || !reportUri?.startsWith('file:') || !target.startsWith('file:')) return target;
  try {
    const rel = path.relative(path.dirname(fileURLToPath(reportUri)), fileURLToPath(target));
    return rel.split(path.sep).map(encodeURIComponent).join('/');
  } catch {
    return target;
  }
}
