/**
 * Reviewing findings in a real VS Code: a quick fix, "Ignore here", "Accept this wording for the
 * project" (and the CLI agreeing on the same workspace), rule pages, fresh reports per draft, and
 * the project file's schema.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, codeOf, diagnosticsOn, eventually, EXTENSION_ID, waitFor, workspaceFile } from './helpers';

const FIGURE = 'The leaders will work to achieve net zero emissions no later than 2040.';

async function openDraft(rel: string, text: string, code: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; diag: vscode.Diagnostic }> {
  const uri = workspaceFile(rel);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  const diags = await diagnosticsOn(uri, d => d.some(x => codeOf(x) === code));
  return { uri, doc, diag: diags.find(x => codeOf(x) === code)! };
}

/** The code actions for a diagnostic (asked again if diagnostics are republished meanwhile). */
function actionsFor(uri: vscode.Uri, diag: vscode.Diagnostic, title: string | RegExp): Promise<vscode.CodeAction> {
  return eventually(
    () =>
      vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value).then(
        a => a.find(x => (typeof title === 'string' ? x.title === title : title.test(x.title))),
        () => undefined,
      ),
    a => !!a,
    10000,
    `the code action ${title}`,
  ) as Promise<vscode.CodeAction>;
}

describe('Reviewing findings in VS Code', () => {
  before(async () => {
    const api = await activate();
    const client = api.client()!;
    await waitFor(
      (listener: (e: unknown) => unknown) => client.onDidChangeStatus(s => listener(s)),
      () => client.status && !client.status.loading && client.status.sources.length > 0,
      20000,
      'the sources to be indexed',
    );
  });

  it('applies the figure fix: the source figure replaces the draft\'s, and the finding goes', async () => {
    const { uri, doc, diag } = await openDraft('drafts/figure-fix.md', `# Readout\n\n${FIGURE}\n`, 'changed-figure');
    const fix = await actionsFor(uri, diag, 'Restore the source\'s figure: "2050"');
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /no later than 2050\./);
    await diagnosticsOn(uri, d => !d.some(x => codeOf(x) === 'changed-figure'));
  });

  it('"Ignore here" inserts the disable comment above the line, and the finding goes', async () => {
    const { uri, doc, diag } = await openDraft('drafts/ignore-here.md', `# Readout\n\n${FIGURE}\n`, 'changed-figure');
    const ignore = await actionsFor(uri, diag, 'Ignore "changed-figure" here');
    assert.ok(await vscode.workspace.applyEdit(ignore.edit!));
    assert.equal(doc.getText(), `# Readout\n\n<!-- verbatim-disable-next-line changed-figure -->\n${FIGURE}\n`);
    await diagnosticsOn(uri, d => !d.some(x => codeOf(x) === 'changed-figure'));
  });

  it('"Accept this wording for the project" records it in .verbatim.json; the finding goes, and the CLI agrees', async () => {
    const draft = 'drafts/accept.md';
    const { uri, diag } = await openDraft(draft, `# Readout\n\n${FIGURE}\n`, 'changed-figure');
    const accept = await actionsFor(uri, diag, /^Accept this wording for the project/);
    assert.equal(accept.command?.command, 'verbatim.acceptWording');
    // The reason is passed here instead of typed into the input box the command shows.
    const args = { ...(accept.command!.arguments![0] as object), reason: 'The minister announced the earlier target.' };
    assert.equal(await vscode.commands.executeCommand(accept.command!.command, args), true);
    const project = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(workspaceFile('.verbatim.json'))).toString('utf8'));
    assert.equal(project.accepted.length, 1);
    assert.equal(project.accepted[0].wording, '2040');
    assert.equal(project.accepted[0].reason, 'The minister announced the earlier target.');
    assert.ok(project.accepted[0].acceptedBy, 'who accepted it');
    await diagnosticsOn(uri, d => !d.some(x => codeOf(x) === 'changed-figure'), 20000);

    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'bin', 'verbatim.js');
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const run = spawnSync(process.execPath, [cli, 'check', draft], { cwd: folder, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    assert.equal(run.status, 0, `the CLI still reports it:\n${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /^No findings in 1 file/);
    const without = spawnSync(process.execPath, [cli, 'check', '--no-config', draft], { cwd: folder, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    assert.equal(without.status, 1, 'without the project file the CLI does report it');
  });

  it('links every diagnostic to its rule page, readable in the editor', async () => {
    // 2040 against this source is accepted for the project by now; 2035 is not.
    const { diag } = await openDraft('drafts/rule-page.md', `${FIGURE.replace('2040', '2035')}\n`, 'changed-figure');
    const code = diag.code as { value: string; target: vscode.Uri };
    assert.equal(code.target.scheme, 'verbatim-rule');
    const page = await vscode.workspace.openTextDocument(code.target);
    assert.match(page.getText(), /^# `changed-figure`: a restatement changes a figure/);
  });

  it('checking two drafts one after the other shows each one\'s own report', async () => {
    const a = workspaceFile('drafts/first.md');
    const b = workspaceFile('drafts/second.md');
    await vscode.workspace.fs.writeFile(a, Buffer.from(`# First\n\n${FIGURE.replace('2040', '2045')}\n`));
    await vscode.workspace.fs.writeFile(b, Buffer.from('# Second\n\nBoth leaders declined to launch a High Level Climate Ministerial.\n'));
    const first = await vscode.commands.executeCommand<vscode.Uri>('verbatim.checkDraft', a);
    const firstText = (await vscode.workspace.openTextDocument(first)).getText();
    assert.match(firstText, /## drafts\/first\\\.md/);
    assert.match(firstText, /2045/);
    const second = await vscode.commands.executeCommand<vscode.Uri>('verbatim.checkDraft', b);
    const secondText = (await vscode.workspace.openTextDocument(second)).getText();
    assert.match(secondText, /## drafts\/second\\\.md/);
    assert.match(secondText, /declined/);
    assert.doesNotMatch(secondText, /first\\\.md|2045/);
    // A link the Markdown preview follows (it refuses file: links): relative to the report.
    assert.match(secondText, /\[line 3\]\(<(?!file:)[^>]*drafts\/second\.md#L3>\)/);
    const active = await eventually(async () => vscode.window.tabGroups.activeTabGroup.activeTab?.label, l => /second/.test(l), 10000, 'the second report in front');
    assert.doesNotMatch(active, /first/);
    // Saved as a self-contained page to send to a colleague.
    const html = await vscode.commands.executeCommand<vscode.Uri>('verbatim.saveReportHtml', { report: second, target: workspaceFile('second-report.html') });
    const page = Buffer.from(await vscode.workspace.fs.readFile(html)).toString('utf8');
    assert.match(page, /^<!DOCTYPE html>[\s\S]*declined[\s\S]*<span id="d1-L3"/);
  });

  it('validates the project file against its schema as it is edited', async () => {
    const uri = workspaceFile('schema-check/.verbatim.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('{\n  // comments are allowed\n  "severity": { "changed-figure": "loud" },\n  "ignores": []\n}\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'jsonc');
    const diags = await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const d = vscode.languages.getDiagnostics(uri);
        return d.length >= 2 ? d : undefined;
      },
      30000,
      'the JSON language service to validate .verbatim.json',
    );
    assert.ok(diags.some(d => d.range.start.line === 2 && /loud|not accepted|Value is not/i.test(d.message)), JSON.stringify(diags.map(d => [d.range.start.line, d.message])));
    assert.ok(diags.some(d => d.range.start.line === 3 && /ignores|not allowed/i.test(d.message)), JSON.stringify(diags.map(d => [d.range.start.line, d.message])));
    assert.ok(!diags.some(d => /comment/i.test(d.message)), 'comments are allowed');
  });
});
