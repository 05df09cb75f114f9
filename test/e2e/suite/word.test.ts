/**
 * Word drafts in a real VS Code: "Verbatim: Check Word Document…" (from the Explorer's context
 * menu on a .docx, or the Command Palette) opens the report; "Check All Drafts in Workspace"
 * includes .docx files. The Word draft is built here from examples/readout-draft.md by the
 * fixture builder (out/test/support/docx.js), as no binary fixture is kept.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID, eventually, waitFor, workspaceFile } from './helpers';

/** The fixture builder, compiled with the unit tests (outside this project, so loaded at run time). */
interface DocxBuilder {
  buildDocx(spec: unknown): Promise<Buffer>;
  markdownToDocx(markdown: string): unknown;
}
const repo = path.resolve(__dirname, '..', '..', '..', '..');

describe('Word drafts in VS Code', () => {
  before(async () => {
    const builder = (await import(pathToFileURL(path.join(repo, 'out', 'test', 'support', 'docx.js')).href)) as DocxBuilder;
    const markdown = fs.readFileSync(path.join(repo, 'examples', 'readout-draft.md'), 'utf8');
    await vscode.workspace.fs.writeFile(workspaceFile('drafts/readout.docx'), await builder.buildDocx(builder.markdownToDocx(markdown)));
    const client = (await activate()).client()!;
    await waitFor(
      (listener: (e: unknown) => unknown) => client.onDidChangeStatus(s => listener(s)),
      () => client.status && !client.status.loading && client.status.sources.length > 0,
      20000,
      'the sources to be indexed',
    );
  });

  it('is offered on .docx files in the Explorer and in the Command Palette', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    assert.deepEqual(
      manifest.contributes.menus['explorer/context'].filter((m: { command: string }) => m.command === 'verbatim.checkWordDocument').map((m: { when: string }) => m.when),
      ['resourceExtname == .docx'],
    );
    const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'verbatim.checkWordDocument');
    assert.deepEqual([command.category, command.title], ['Verbatim', 'Check Word Document…']);
    assert.ok(!manifest.contributes.menus.commandPalette.some((m: { command: string }) => m.command === 'verbatim.checkWordDocument'), 'not hidden from the palette');
  });

  it('"Check Word Document…" on a .docx opens its report: findings by paragraph, the sentence quoted', async () => {
    const uri = workspaceFile('drafts/readout.docx');
    const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('verbatim.checkWordDocument', uri);
    assert.ok(report, 'the command returns the report it opened');
    assert.match(report.path, /readout\.docx\.report\.md$/);
    const text = (await vscode.workspace.openTextDocument(report)).getText();
    assert.match(text, /^## drafts\/readout\\\.docx$/m);
    // (An earlier suite may have accepted "2040" for the project: "80 percent" is flagged either way.)
    assert.match(text, /^\d\. \*\*paragraph 4\*\*, Warning \[`changed-figure`\]\(<[^>]*>\): &quot;80 percent&quot;/m);
    assert.match(text, /- \*\*In the sentence:\*\* \u201cThe Prime Minister reaffirmed the goal for Canada to achieve 80 percent non\\-emitting electricity by 2030\\.\u201d/);
  });

  it('"Check All Drafts in Workspace" checks .docx files too, naming the paragraph in the Problems panel', async () => {
    const uri = workspaceFile('drafts/readout.docx');
    await vscode.commands.executeCommand('verbatim.checkWorkspace');
    const diags = await eventually(
      () => Promise.resolve(vscode.languages.getDiagnostics(uri)),
      d => d.length >= 3,
      20000,
      'the Word draft\'s findings in the Problems panel',
    );
    const figure = diags.find(d => /"80 percent"/.test(d.message))!;
    assert.match(figure.message, /^paragraph 4: "80 percent" where the source says "90 percent" .* In: \u201cThe Prime Minister reaffirmed the goal for Canada/);
    assert.deepEqual([figure.range.start.line, figure.range.start.character], [0, 0]);
  });
});
