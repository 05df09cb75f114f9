/**
 * Sources that follow one another, in a real VS Code: the 2021 and 2022 Japan-U.S. statements as
 * user sources, the 2022 one dated by `verbatim.sources` ({ path, date }). A draft following the
 * 2022 wording draws no finding against 2021; hover shows both statements with their dates and
 * which is the latest; the consistency report says "updated since" for the 2021 wording.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, codeOf, diagnosticsOn, eventually, EXTENSION_ID, hoverText, waitFor, workspaceFile } from './helpers';

const FOLLOWS_2022 = 'Addressing North Korea’s nuclear and missile program, including the risk of proliferation, the two leaders reaffirmed U.S. commitment to the immediate resolution of the abductions issue.';
const FOLLOWS_2021 = 'President Biden reaffirmed the United States’ commitment to the immediate resolution of the abductions issue.';
/** A misquote of the bundled Roadmap: its warning tells us the draft's diagnostics have arrived. */
const MISQUOTE = 'The Roadmap "strengthens cooperation on defense and security."';

describe('Verbatim in VS Code: sources that follow one another', () => {
  let previous: unknown;
  const folder = 'series-sources';

  before(async () => {
    const api = await activate();
    const client = api.client()!;
    const real = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'test', 'real', 'japan');
    const text2021 = fs.readFileSync(path.join(real, 'source', '2021-04-16-u-s-japan-joint-leaders-statement-u-s-japan-global-partnership-for-a-new-era.md'));
    // The 2022 statement without a date of its own: the setting gives it one.
    const text2022 = fs
      .readFileSync(path.join(real, 'followups', '2022-05-23-japan-u-s-joint-leaders-statement-strengthening-the-free-and-open-international-order.md'), 'utf8')
      .replace(/^(?:date|published_time|modified_time):.*\n/gm, '');
    await vscode.workspace.fs.writeFile(workspaceFile(`${folder}/japan-2021.md`), text2021);
    await vscode.workspace.fs.writeFile(workspaceFile(`${folder}/japan-2022.md`), Buffer.from(text2022));
    const config = vscode.workspace.getConfiguration('verbatim');
    previous = config.inspect('sources')?.workspaceValue;
    const loaded = waitFor(
      (listener: (e: unknown) => unknown) => client.onDidChangeStatus(s => listener(s)),
      () => client.status && !client.status.loading && client.status.sources.some(s => s.date === '2022-05-23'),
      30000,
      'the two Japan statements to be indexed, the 2022 one dated by the setting',
    );
    await config.update('sources', [`${folder}/japan-2021.md`, { path: `${folder}/japan-2022.md`, date: '2022-05-23' }], vscode.ConfigurationTarget.Workspace);
    await loaded;
  });

  after(async () => {
    await vscode.workspace.getConfiguration('verbatim').update('sources', previous, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(workspaceFile(folder), { recursive: true });
  });

  it('dates the sources from their front matter and from the setting', async () => {
    const status = (await activate()).client()!.status!;
    const dates = Object.fromEntries(status.sources.map(s => [s.id, s.date]));
    assert.equal(dates['japan-2021'], '2021-04-16');
    assert.equal(dates['japan-2022'], '2022-05-23');
  });

  it('draws no finding for a draft following the 2022 wording where it updates 2021', async () => {
    const uri = workspaceFile('drafts/series.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`# Readout\n\n${FOLLOWS_2022}\n\n${FOLLOWS_2021}\n\n${MISQUOTE}\n`));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diags = await diagnosticsOn(uri, d => d.some(x => codeOf(x) === 'misquote'));
    assert.deepEqual(
      diags.map(d => [codeOf(d), d.range.start.line]),
      [['misquote', 6]],
    );
  });

  it('hover shows the history: both statements with their dates, and the latest wording', async () => {
    const uri = workspaceFile('drafts/series.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    const col = doc.lineAt(4).text.indexOf('abductions');
    const hovers = await eventually(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, col)),
      h => hoverText(h).includes('History of this commitment'),
      15000,
      'a hover with the history',
    );
    const text = hoverText(hovers);
    assert.match(text, /The wording your draft follows \(2021-04-16\) has been updated since: the latest is that of 2022-05-23\./);
    assert.match(text, /First stated, 2021-04-16\*\*: “President Biden reaffirmed/);
    assert.match(text, /Updated, 2022-05-23\*\*: “The two leaders reaffirmed U\.S\. commitment[^\n]*\*\*latest wording\*\*/);
  });

  it("the consistency report says 'updated since' for the 2021 wording", async () => {
    const report = await vscode.commands.executeCommand<vscode.Uri | undefined>('verbatim.checkDraft', workspaceFile('drafts/series.md'));
    assert.ok(report, 'the command returns the report it opened');
    const text = (await vscode.workspace.openTextDocument(report)).getText();
    const section = text.slice(text.indexOf('### Updated since'), text.indexOf('### Quotations and restatements'));
    const items = section.split('\n').filter(l => l.startsWith('- '));
    assert.equal(items.length, 1, section);
    assert.match(items[0], /President Biden reaffirmed[^\n]*\*\*Updated since 2022\\-05\\-23:\*\* “The two leaders reaffirmed/);
  });
});
