/**
 * Verbatim in a real VS Code: activation, diagnostics, hover, completion, quick fix,
 * go to source, the sources view and user sources, all through the VS Code API.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, diagnosticsOn, eventually, hoverText, waitFor, workspaceFile } from './helpers';

describe('Verbatim in VS Code', () => {
  before(async () => {
    const api = await activate();
    const client = api.client();
    assert.ok(client, 'the extension exposes its client');
    await waitFor(
      (listener: (e: unknown) => unknown) => client.onDidChangeStatus(s => listener(s)),
      () => client.status && !client.status.loading && client.status.sources.length > 0,
      20000,
      'the bundled sources to be indexed',
    );
  });

  it('activates and indexes the bundled sources', async () => {
    const api = await activate();
    const status = api.client()!.status!;
    assert.deepEqual(
      status.sources.map(s => s.id),
      ['roadmap-2021-02-23', 'roadmap-statement-2021-02-23'],
    );
    assert.equal(status.passages, 63);
  });

  it('warns about a misquote with the right code and range, and the quick fix removes it', async () => {
    const uri = workspaceFile('drafts/misquote.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsOn(uri, d => d.some(x => codeOf(x) === 'misquote'));
    const misquote = diags.find(d => codeOf(d) === 'misquote')!;
    assert.equal(misquote.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(doc.getText(misquote.range), /strengthens/);
    assert.ok(misquote.relatedInformation?.[0].message.includes('Roadmap for a Renewed U.S.-Canada Partnership'));

    // The request is cancelled if diagnostics are republished meanwhile; ask again until answered.
    const actions = await eventually(
      () =>
        vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, misquote.range, vscode.CodeActionKind.QuickFix.value, 5).then(
          a => a,
          () => undefined,
        ),
      a => a.length > 0,
      10000,
      'code actions',
    );
    const fix = actions.find(a => a.kind?.value === 'quickfix' && a.edit);
    assert.ok(fix, `a quick fix with an edit is offered (got: ${JSON.stringify(actions.map(a => ({ title: a.title, kind: a.kind?.value, edit: !!a.edit, diags: a.diagnostics?.map(d => d.code) })))})`);
    assert.equal(fix.title, 'Replace with the official wording');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(doc.getText(), /bolsters cooperation on defense and security/);
    await diagnosticsOn(uri, d => !d.some(x => codeOf(x) === 'misquote'));
  });

  it('hover names the source section', async () => {
    const uri = workspaceFile('drafts/hover.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = 2;
    const col = doc.lineAt(line).text.indexOf('Eyes');
    const hovers = await eventually(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, col)),
      h => hoverText(h).includes('Building Global Alliances'),
      10000,
      'a hover naming the section',
    );
    assert.match(hoverText(hovers), /Roadmap for a Renewed U\.S\.-Canada Partnership/);
  });

  it('completion offers the official wording', async () => {
    const uri = workspaceFile('drafts/misquote.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = doc.lineCount - 2;
    const text = doc.lineAt(line).text;
    assert.ok(text.endsWith('High Level Cli'), text);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, text.length));
    const applied = list.items.slice(0, 5).map(item => {
      const range = item.range instanceof vscode.Range ? item.range : (item.range as { replacing: vscode.Range } | undefined)?.replacing;
      const insert = typeof item.insertText === 'string' ? item.insertText : (item.insertText?.value ?? String(item.label));
      return range ? text.slice(0, range.start.character) + insert : text + insert;
    });
    assert.ok(
      applied.some(a => a.includes('High Level Climate Ministerial')),
      applied.join('\n'),
    );
  });

  it('Verbatim: Pause or Resume Suggestions silences completion until resumed; the checks keep running', async () => {
    const api = await activate();
    const uri = workspaceFile('drafts/pause.md');
    const line = 'The leaders agreed to launch a High Level Cli';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`# Readout\n\nThe Roadmap "strengthens cooperation on defense and security."\n\n${line}\n`));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // VS Code adds its own word-based items; Verbatim's carry the citation as their detail.
    const ours = async () =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(4, line.length))).items.filter(i =>
        String(i.detail ?? '').includes('Roadmap for a Renewed'),
      );
    assert.ok((await ours()).length > 0, 'suggestions before pausing');
    await vscode.commands.executeCommand('verbatim.toggleSuggestions');
    try {
      assert.equal(api.client()!.suggestionsPaused, true);
      assert.deepEqual((await ours()).map(i => i.label), []);
      await diagnosticsOn(uri, d => d.some(x => codeOf(x) === 'misquote'));
    } finally {
      await vscode.commands.executeCommand('verbatim.toggleSuggestions');
    }
    assert.equal(api.client()!.suggestionsPaused, false);
    assert.ok((await ours()).length > 0, 'suggestions after resuming');
  });

  it('the project file\'s "suggestions" applies unless verbatim.suggestions is set, and the status bar shows which', async () => {
    const api = await activate();
    const uri = workspaceFile('drafts/project-suggestions.md');
    const project = workspaceFile('.verbatim.json');
    const line = 'The leaders agreed to launch a High Level Cli';
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`${line}\n`));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ours = async () =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, line.length))).items.filter(i =>
        String(i.detail ?? '').includes('Roadmap for a Renewed'),
      );
    const config = vscode.workspace.getConfiguration('verbatim', uri);
    await vscode.workspace.fs.writeFile(project, Buffer.from('{ "suggestions": "off" }\n'));
    try {
      await eventually(ours, items => items.length === 0, 15000, 'no suggestions: the project file says off');
      await eventually(async () => api.client()!.suggestionsMode, m => m.mode === 'off' && m.from === 'project', 15000, 'the status bar to show the project file\'s "off"');
      await config.update('suggestions', 'all', vscode.ConfigurationTarget.Workspace);
      await eventually(ours, items => items.length > 0, 15000, 'suggestions: the editor\'s setting overrides the project file');
      await eventually(async () => api.client()!.suggestionsMode, m => m.mode === 'all' && m.from === 'settings', 15000, 'the status bar to show the setting\'s "all"');
    } finally {
      await config.update('suggestions', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(project);
    }
    await eventually(ours, items => items.length > 0, 15000, 'suggestions once the project file is gone');
  });

  it('go to definition opens the bundled source at the paragraph', async () => {
    const uri = workspaceFile('drafts/hover.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = 4;
    const col = doc.lineAt(line).text.indexOf('Minerals');
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, new vscode.Position(line, col));
    assert.ok(locations.length > 0, 'a definition is found');
    const loc = locations[0];
    const target = 'targetUri' in loc ? loc.targetUri : loc.uri;
    const range = 'targetUri' in loc ? (loc.targetSelectionRange ?? loc.targetRange) : loc.range;
    assert.equal(target.scheme, 'verbatim-source');
    const source = await vscode.workspace.openTextDocument(target);
    assert.match(source.getText(range), /Critical Minerals\s+Action Plan/);
    const editor = await vscode.window.showTextDocument(source);
    assert.equal(editor.document.uri.toString(), target.toString());
  });

  it('the sources view inserts a paragraph as a quotation', async () => {
    const uri = workspaceFile('drafts/hover.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const before = doc.getText();
    await vscode.commands.executeCommand('verbatim.insertQuotation', {
      type: 'paragraph',
      paragraph: { id: 'roadmap-2021-02-23#bolstering-security-and-defense-4', text: '' },
    });
    await waitFor(vscode.workspace.onDidChangeTextDocument, () => doc.getText() !== before, 10000, 'the quotation to be inserted');
    assert.match(doc.getText(), /2\+2\s+Ministerial format/);
  });

  it('Insert Commitment searches by keyword and inserts the official sentence', async () => {
    const uri = workspaceFile('drafts/insert.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('# Readout\n\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const done = vscode.commands.executeCommand('verbatim.insertCommitment', 'methane');
    // The quick pick fills in from the server; accept its first row once it is there.
    await eventually(
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return doc.getText();
      },
      t => t.includes('methane'),
      15000,
      'the commitment to be inserted',
    );
    await done;
    assert.match(doc.getText(), /“The leaders reaffirmed the shared commitment to reducing oil and gas methane emissions/);
  });

  it('the consistency check produces a report with the findings, and a coverage table when asked', async () => {
    const uri = workspaceFile('drafts/report.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('# Readout\n\nThe leaders will work to achieve net zero emissions no later than 2040.\n'));
    const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('verbatim.checkDraftWithCoverage', uri);
    assert.ok(report, 'the command returns the report it opened');
    const text = (await vscode.workspace.openTextDocument(report)).getText();
    assert.match(text, /2040/);
    assert.match(text, /### Findings/);
    assert.match(text, /Coverage/i);
  });

  it('indexes a user source added to verbatim.sources', async () => {
    const api = await activate();
    const client = api.client()!;
    const file = workspaceFile('sources/trade.md');
    await vscode.workspace.fs.writeFile(file, Buffer.from('---\ntitle: Trade Readout\n---\n\n## Tariffs\n\nThe ministers agreed to cut tariffs on softwood lumber.\n'));
    const loaded = waitFor(
      (listener: (e: unknown) => unknown) => client.onDidChangeStatus(s => listener(s)),
      () => client.status && !client.status.loading && client.status.sources.some(s => s.title === 'Trade Readout'),
      20000,
      'the user source to be indexed',
    );
    await vscode.workspace.getConfiguration('verbatim').update('sources', ['sources/*.md'], vscode.ConfigurationTarget.Workspace);
    await loaded;
    assert.equal(client.status!.sources.length, 3);
  });
});
