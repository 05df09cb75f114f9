/**
 * `Verbatim: Check Draft Consistency` and `Verbatim: Check All Drafts in Workspace`: the
 * server checks the drafts (open ones as edited, others from disk); findings go to the
 * Problems panel and the Markdown report opens in the preview.
 */
import * as vscode from 'vscode';
import { CheckDraftsRequest, type CheckDraftsResult } from '../../server/src/protocol';
import type { VerbatimClient } from './client';
import { linkRulePage } from './rulePages';

const DRAFT_GLOB = '**/*.{md,markdown,txt}';
const EXCLUDE_GLOB = '**/{node_modules,.git,out,dist,.vscode-test}/**';
const MAX_FILES = 2000;
const BATCH = 10;

export const REPORT_SCHEME = 'verbatim-report';

/**
 * The reports, as read-only virtual documents: one per draft (or per workspace check), replaced
 * and refreshed on every check, so that the preview always shows the report of the check just
 * run, for the draft just checked.
 */
class Reports implements vscode.TextDocumentContentProvider {
  private readonly markdown = new Map<string, string>();
  private readonly html = new Map<string, string>();
  private last: vscode.Uri | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.markdown.get(uri.toString()) ?? '# Verbatim consistency report\n\nThis report is no longer available: run the check again.\n';
  }

  set(uri: vscode.Uri, markdown: string, html: string | undefined): void {
    this.markdown.set(uri.toString(), markdown);
    if (html !== undefined) this.html.set(uri.toString(), html);
    this.last = uri;
    this.changed.fire(uri);
  }

  htmlOf(uri: vscode.Uri | undefined): string | undefined {
    const key = (uri ?? this.last)?.toString();
    return key ? this.html.get(key) : undefined;
  }

  get lastReport(): vscode.Uri | undefined {
    return this.last;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const reports = new Reports();

export function registerConsistency(context: vscode.ExtensionContext, owner: VerbatimClient): void {
  // Diagnostics of drafts that are not open; open drafts get the server's pushed diagnostics.
  const collection = vscode.languages.createDiagnosticCollection('verbatim-workspace');
  context.subscriptions.push(
    reports,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand('verbatim.checkDraftWithCoverage', (uri?: vscode.Uri) => checkDraft(context, owner, uri, true)),
    vscode.commands.registerCommand('verbatim.saveReportHtml', (arg?: { report?: vscode.Uri; target?: vscode.Uri }) => saveHtml(arg)),
    collection,
    vscode.workspace.onDidOpenTextDocument(d => collection.delete(d.uri)),
    vscode.workspace.onDidDeleteFiles(e => e.files.forEach(f => collection.delete(f))),
    vscode.commands.registerCommand('verbatim.checkDraft', (uri?: vscode.Uri) => checkDraft(context, owner, uri)),
    vscode.commands.registerCommand('verbatim.checkWorkspace', () => checkWorkspace(context, owner, collection)),
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
    (_p, token) => c.sendRequest(CheckDraftsRequest, { uris: [key], report: true, html: true, coverage, names: { [key]: vscode.workspace.asRelativePath(uri) } }, token),
  );
  const draft = result.drafts[0];
  if (draft?.error) {
    void vscode.window.showWarningMessage(`Verbatim: ${vscode.workspace.asRelativePath(uri)} was not checked (${draft.error}).`);
    return;
  }
  return showReport(result, vscode.workspace.asRelativePath(uri));
}

async function checkWorkspace(context: vscode.ExtensionContext, owner: VerbatimClient, collection: vscode.DiagnosticCollection): Promise<void> {
  const c = languageClient(owner);
  if (!c) return;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Verbatim: checking drafts', cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles(DRAFT_GLOB, EXCLUDE_GLOB, MAX_FILES, token);
      if (token.isCancellationRequested) return;
      if (!files.length) {
        void vscode.window.showInformationMessage('Verbatim: no Markdown or text drafts in the workspace.');
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
          collection.set(file, (await c.protocol2CodeConverter.asDiagnostics([...d.diagnostics])).map(linkRulePage));
        }
      }
      if (token.isCancellationRequested) return;
      progress.report({ message: 'building the report', increment: 5 });
      // Paragraph results are cached by the server, so the report re-uses the checks above.
      const result = await c.sendRequest(CheckDraftsRequest, { uris, report: true, html: true, names }, token);
      if (token.isCancellationRequested) return;
      await showReport(result, 'workspace');
      void vscode.window.setStatusBarMessage(`Verbatim: ${uris.length} drafts checked, ${warnings} warnings`, 5000);
    },
  );
}

/** Shows the report of the check just run, for what was just checked, in the Markdown preview. */
async function showReport(result: CheckDraftsResult, name: string): Promise<vscode.Uri | undefined> {
  if (result.report === undefined) return undefined;
  const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.report.md` });
  reports.set(uri, result.report, result.html);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  void vscode.window.showInformationMessage(`Verbatim: the consistency report of ${name} is open.`, 'Save as HTML…').then(choice => {
    if (choice) void saveHtml({ report: uri });
  });
  return uri;
}

/** Saves a report (the last one by default) as a self-contained HTML page, to send to a colleague. */
async function saveHtml(arg?: { report?: vscode.Uri; target?: vscode.Uri }): Promise<vscode.Uri | undefined> {
  const html = reports.htmlOf(arg?.report);
  if (!html) {
    void vscode.window.showInformationMessage('Verbatim: check a draft first (Verbatim: Check Draft Consistency).');
    return undefined;
  }
  const report = arg?.report ?? reports.lastReport;
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
