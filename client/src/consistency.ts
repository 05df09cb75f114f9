/**
 * `Verbatim: Check Draft Consistency` and `Verbatim: Check All Drafts in Workspace`: the
 * server checks the drafts (open ones as edited, others from disk); findings go to the
 * Problems panel and the Markdown report opens in the preview.
 */
import * as vscode from 'vscode';
import { CheckDraftsRequest, type CheckDraftsResult } from '../../server/src/protocol';
import type { VerbatimClient } from './client';
import { linkRulePage } from './rulePages';

const DRAFT_GLOB = '**/*.{md,markdown,txt,docx}';
const EXCLUDE_GLOB = '**/{node_modules,.git,out,dist,.vscode-test}/**';
/** Word's lock file beside an open document (`~$draft.docx`) is not a draft. */
const WORD_LOCK_FILE = /(^|\/)~\$[^/]*$/;
const MAX_FILES = 2000;
const BATCH = 10;

/** The HTML page of each report written, by the report's URI (for Save as HTML). */
const htmlReports = new Map<string, string>();
let lastReport: vscode.Uri | undefined;

export function registerConsistency(context: vscode.ExtensionContext, owner: VerbatimClient): void {
  // Diagnostics of drafts that are not open; open drafts get the server's pushed diagnostics.
  const collection = vscode.languages.createDiagnosticCollection('verbatim-workspace');
  context.subscriptions.push(
    vscode.commands.registerCommand('verbatim.checkDraftWithCoverage', (uri?: vscode.Uri) => checkDraft(context, owner, uri, true)),
    vscode.commands.registerCommand('verbatim.saveReportHtml', (arg?: { report?: vscode.Uri; target?: vscode.Uri }) => saveHtml(arg)),
    collection,
    vscode.workspace.onDidOpenTextDocument(d => collection.delete(d.uri)),
    vscode.workspace.onDidDeleteFiles(e => e.files.forEach(f => collection.delete(f))),
    vscode.commands.registerCommand('verbatim.checkDraft', (uri?: vscode.Uri) => checkDraft(context, owner, uri)),
    vscode.commands.registerCommand('verbatim.checkWorkspace', () => checkWorkspace(context, owner, collection)),
    vscode.commands.registerCommand('verbatim.checkWordDocument', (uri?: vscode.Uri) => checkWordDocument(context, owner, uri)),
  );
}

function languageClient(owner: VerbatimClient) {
  const c = owner.client;
  if (!c?.isRunning()) void vscode.window.showWarningMessage('Verbatim: the language server is not running.');
  return c?.isRunning() ? c : undefined;
}

/** Checks one draft and opens its report; returns the report's URI (for keybindings and tests). */
async function checkDraft(context: vscode.ExtensionContext, owner: VerbatimClient, target?: vscode.Uri, coverage = false): Promise<vscode.Uri | undefined> {
  const c = languageClient(owner);
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!c) return;
  if (!uri) {
    void vscode.window.showInformationMessage('Verbatim: open a draft to check it.');
    return;
  }
  const key = c.code2ProtocolConverter.asUri(uri);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Verbatim: checking the draft' },
    (_p, token) => c.sendRequest(CheckDraftsRequest, { uris: [key], report: true, html: true, coverage, names: { [key]: vscode.workspace.asRelativePath(uri) }, reportUri: c.code2ProtocolConverter.asUri(reportFile(context, vscode.workspace.asRelativePath(uri))) }, token),
  );
  const draft = result.drafts[0];
  if (draft?.error) {
    void vscode.window.showWarningMessage(`Verbatim: ${vscode.workspace.asRelativePath(uri)} was not checked (${draft.error}).`);
    return;
  }
  return showReport(context, result, vscode.workspace.asRelativePath(uri));
}

/** `Verbatim: Check Word Document…`: the .docx chosen in the Explorer, or asked for, checked and reported. */
async function checkWordDocument(context: vscode.ExtensionContext, owner: VerbatimClient, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri =
    target ??
    (
      await vscode.window.showOpenDialog({
        title: 'Check a Word document against the sources',
        filters: { 'Word documents': ['docx'] },
        canSelectMany: false,
        ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
      })
    )?.[0];
  if (!uri) return undefined;
  return checkDraft(context, owner, uri);
}

/**
 * A Word draft's finding for the Problems panel: its range is in the extracted text, which no
 * editor shows, so it points at the file's start and the message names the paragraph and sentence.
 */
function forWordDocument(d: vscode.Diagnostic, docx: { label?: string; sentence?: string } | undefined): vscode.Diagnostic {
  if (!docx?.label) return d;
  const out = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `${docx.label}: ${d.message}${docx.sentence ? ` In: \u201c${docx.sentence}\u201d` : ''}`, d.severity);
  out.code = d.code;
  out.source = d.source;
  out.relatedInformation = d.relatedInformation;
  return out;
}

async function checkWorkspace(context: vscode.ExtensionContext, owner: VerbatimClient, collection: vscode.DiagnosticCollection): Promise<void> {
  const c = languageClient(owner);
  if (!c) return;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Verbatim: checking drafts', cancellable: true },
    async (progress, token) => {
      const files = (await vscode.workspace.findFiles(DRAFT_GLOB, EXCLUDE_GLOB, MAX_FILES, token)).filter(f => !WORD_LOCK_FILE.test(f.path));
      if (token.isCancellationRequested) return;
      if (!files.length) {
        void vscode.window.showInformationMessage('Verbatim: no Markdown, text or Word drafts in the workspace.');
        return;
      }
      const uris = files.map(f => c.code2ProtocolConverter.asUri(f));
      const names = Object.fromEntries(files.map((f, i) => [uris[i], vscode.workspace.asRelativePath(f)]));
      const open = new Set(vscode.workspace.textDocuments.map(d => d.uri.toString()));
      let warnings = 0;
      for (let i = 0; i < uris.length; i += BATCH) {
        if (token.isCancellationRequested) return;
        progress.report({ message: `${i}/${uris.length}`, increment: (BATCH / uris.length) * 90 });
        const batch = await c.sendRequest(CheckDraftsRequest, { uris: uris.slice(i, i + BATCH) }, token);
        for (const d of batch.drafts) {
          warnings += d.diagnostics.filter(x => x.severity === 1 || x.severity === 2).length;
          const file = c.protocol2CodeConverter.asUri(d.uri);
          if (d.open || open.has(file.toString())) continue;
          const converted = await c.protocol2CodeConverter.asDiagnostics([...d.diagnostics]);
          collection.set(file, converted.map((x, k) => forWordDocument(x, (d.diagnostics[k] as { docx?: { label?: string; sentence?: string } }).docx)).map(linkRulePage));
        }
      }
      if (token.isCancellationRequested) return;
      progress.report({ message: 'building the report', increment: 5 });
      // Paragraph results are cached by the server, so the report re-uses the checks above.
      const result = await c.sendRequest(CheckDraftsRequest, { uris, report: true, html: true, names, reportUri: c.code2ProtocolConverter.asUri(reportFile(context, 'workspace')) }, token);
      if (token.isCancellationRequested) return;
      await showReport(context, result, 'workspace');
      void vscode.window.setStatusBarMessage(`Verbatim: ${uris.length} drafts checked, ${warnings} warnings`, 5000);
    },
  );
}

/** Where the report of a draft (or of the workspace) is written: the extension's storage, one file per draft. */
function reportFile(context: vscode.ExtensionContext, name: string): vscode.Uri {
  const parts = name.split(/[\\/]/).filter(p => p && p !== '..' && p !== '.');
  return vscode.Uri.joinPath(context.globalStorageUri, 'reports', ...parts.slice(0, -1), `${parts[parts.length - 1] ?? 'draft'}.report.md`);
}

/**
 * Shows the report of the check just run, for what was just checked: any preview of an earlier
 * report of the same name is closed first, so that no tab can show a stale report.
 */
async function showReport(context: vscode.ExtensionContext, result: CheckDraftsResult, name: string): Promise<vscode.Uri | undefined> {
  if (result.report === undefined) return undefined;
  const file = reportFile(context, name);
  const label = `Preview ${file.path.split('/').pop()}`;
  const stale = vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t => t.input instanceof vscode.TabInputWebview && t.label === label);
  if (stale.length) await vscode.window.tabGroups.close(stale, true);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(result.report));
  if (result.html !== undefined) htmlReports.set(file.toString(), result.html);
  lastReport = file;
  await vscode.commands.executeCommand('markdown.showPreview', file);
  void vscode.window.showInformationMessage(`Verbatim: the consistency report of ${name} is open.`, 'Save as HTML…').then(choice => {
    if (choice) void saveHtml({ report: file });
  });
  return file;
}

/** Saves a report (the last one by default) as a self-contained HTML page, to send to a colleague. */
async function saveHtml(arg?: { report?: vscode.Uri; target?: vscode.Uri }): Promise<vscode.Uri | undefined> {
  const report = arg?.report ?? lastReport;
  const html = report ? htmlReports.get(report.toString()) : undefined;
  if (!html) {
    void vscode.window.showInformationMessage('Verbatim: check a draft first (Verbatim: Check Draft Consistency).');
    return undefined;
  }
  const base = (report?.path.split('/').pop() ?? 'report.md').replace(/\.report\.md$/, '').replace(/\.[^.]+$/, '');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target =
    arg?.target ??
    (await vscode.window.showSaveDialog({
      title: 'Save the Verbatim report as HTML',
      filters: { 'HTML page': ['html'] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${base}-verbatim-report.html`) } : {}),
    }));
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  return target;
}
