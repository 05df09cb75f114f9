/**
 * On-demand consistency checks: the drafts a client names (open or only on disk) are
 * checked and their diagnostics returned per file, with the Markdown report if asked.
 */
import { ruleHref } from '../ruleDocs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken } from 'vscode-languageserver';
import type { Engine, ReportInput, ReportOptions } from '../engine';
import { CheckDraftsRequest, type CheckDraftsParams, type CheckDraftsResult, type CheckedDraft } from '../protocol';
import { runSafe } from '../safe';
import { isIgnored } from './diagnostics';
import { readWordForCheck, reportFields, withDocxLocations, type DocxText } from '../docx';
import type { ServerContext } from '../server';

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
    const checked = engine.check(
      { uri, text, version: doc?.version, languageId: word ? 'markdown' : doc?.languageId },
      { severity: settings.severity, reportUnsourcedQuotes: settings.reportUnsourcedQuotes, accepted: settings.accepted, ruleHref },
      token,
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
  const reports = [...byEngine].map(([engine, g]) => engine.report(g.inputs, g.options, token));
  const html = params.html ? [...byEngine].map(([engine, g]) => engine.htmlReport(g.inputs, g.options, token)) : [];
  return {
    drafts,
    report: reports.length ? reports.join('\n\n') : '# Verbatim consistency report\n\nNo drafts were checked.\n',
    ...(params.html ? { html: html[0] ?? '' } : {}),
  };
}

async function readDraft(uri: string): Promise<string> {
  if (!uri.startsWith('file:')) throw new Error('not open and not a file');
  const file = fileURLToPath(uri);
  const stat = await fs.stat(file);
  if (stat.size > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
  return fs.readFile(file, 'utf8');
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
