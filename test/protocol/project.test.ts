import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CompletionList, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { main } from '../../server/src/cli/main';
import { AcceptWordingRequest, SERVER_ACCEPT_COMMAND, SuggestionsModeRequest, type AcceptWordingParams } from '../../server/src/protocol';
import { pathToUri, TestClient } from '../support/lspClient';
import { applyEdits } from './codeActions.test';

const FIGURE = 'The leaders will work to achieve net zero emissions no later than 2040.';
const NEGATED = 'Both leaders declined to launch a High Level Climate Ministerial.';

/** Writes a workspace edit's changes and created files to disk, as an editor applying and saving it would. */
function applyToDisk(edit: WorkspaceEdit): void {
  const write = (uri: string, edits: readonly TextEdit[]) => {
    const file = decodeURIComponent(new URL(uri).pathname);
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    fs.writeFileSync(file, applyEdits(text, edits));
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) write(uri, edits);
  for (const c of edit.documentChanges ?? []) if ('textDocument' in c) write(c.textDocument.uri, c.edits as TextEdit[]);
}

describe('the project file in the language server: acceptances, severities, stale and malformed files, trust', function () {
  this.timeout(30000);
  let tmp: string;
  let client: TestClient;
  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-ws-')));
    fs.mkdirSync(path.join(tmp, 'drafts'));
  });
  afterEach(async () => {
    await client?.shutdown();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const projectFile = () => path.join(tmp, '.verbatim.json');
  const projectChanged = () => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(projectFile()), type: 2 }] });

  async function openDraft(name: string, text: string, code: string): Promise<{ uri: string; diag: Diagnostic; actions: CodeAction[] }> {
    const uri = pathToUri(path.join(tmp, 'drafts', name));
    fs.writeFileSync(path.join(tmp, 'drafts', name), text);
    await client.open(uri, text);
    const diag = (await client.diagnosticsFor(uri, p => p.diagnostics.some(d => d.code === code))).diagnostics.find(d => d.code === code)!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as CodeAction[];
    return { uri, diag, actions };
  }

  it('"Accept this wording for the project" records it in .verbatim.json; the finding goes in the editor and in the CLI', async () => {
    client = new TestClient({ workspaceFolder: tmp, settings: {} });
    await client.initialize();
    await client.sourcesLoaded();
    const { uri, actions } = await openDraft('a.md', `# Readout\n\n${FIGURE}\n`, 'changed-figure');
    const accept = actions.find(a => a.title.startsWith('Accept this wording for the project'));
    assert.ok(accept?.command, JSON.stringify(actions.map(a => a.title)));
    assert.equal(accept.command.command, SERVER_ACCEPT_COMMAND);
    const args = accept.command.arguments![0] as AcceptWordingParams;
    assert.equal(args.wording, '2040');
    assert.match(args.source, /^Recalling the Agreement’s call .* no later than 2050\.$/);

    const result = await client.connection.sendRequest(AcceptWordingRequest, { ...args, acceptedBy: 'Ann Reviewer', reason: 'The national target' });
    assert.equal(result.error, undefined);
    assert.equal(result.projectFile, pathToUri(projectFile()));
    applyToDisk(result.edit!);
    const written = JSON.parse(fs.readFileSync(projectFile(), 'utf8'));
    assert.deepEqual(Object.keys(written.accepted[0]), ['code', 'wording', 'source', 'acceptedBy', 'date', 'reason']);
    assert.equal(written.accepted[0].acceptedBy, 'Ann Reviewer');
    assert.match(written.accepted[0].date, /^\d{4}-\d{2}-\d{2}$/);
    await projectChanged();
    await client.diagnosticsFor(uri, p => p.diagnostics.length === 0);

    let out = '';
    const code = await main(['check', 'drafts'], { stdout: s => void (out += s), stderr: () => undefined, cwd: tmp });
    assert.equal(code, 0, out);
    assert.match(out, /^No findings in 1 file/);
  });

  it('the server command applies the edit through workspace/applyEdit, with a name from git or the OS', async () => {
    client = new TestClient({ workspaceFolder: tmp, settings: {} });
    const applied: WorkspaceEdit[] = [];
    client.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      applied.push(p.edit);
      applyToDisk(p.edit);
      return { applied: true };
    });
    await client.initialize();
    await client.sourcesLoaded();
    fs.writeFileSync(projectFile(), '{\n  // reviewed by the office\n  "severity": { "understated": "off" }\n}\n');
    await projectChanged();
    const { uri, actions } = await openDraft('b.md', `${NEGATED}\n`, 'negated');
    const accept = actions.find(a => a.title.startsWith('Accept this wording'))!;
    await client.connection.sendRequest('workspace/executeCommand', { command: accept.command!.command, arguments: accept.command!.arguments });
    assert.equal(applied.length, 1);
    const text = fs.readFileSync(projectFile(), 'utf8');
    assert.match(text, /\/\/ reviewed by the office/);
    const entry = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')).accepted[0];
    assert.equal(entry.wording, 'declined to launch');
    assert.ok(entry.acceptedBy && entry.acceptedBy.length > 0);
    await projectChanged();
    await client.diagnosticsFor(uri, p => p.diagnostics.length === 0);
  });

  it('severities from the file apply unless the editor sets them; a stale acceptance is a diagnostic on its line', async () => {
    fs.writeFileSync(
      projectFile(),
      JSON.stringify({ severity: { 'changed-figure': 'information' }, accepted: [{ code: 'changed-figure', wording: '2040', source: 'A sentence that no source has, any more.', acceptedBy: 'Ann' }] }, null, 2),
    );
    client = new TestClient({ workspaceFolder: tmp, settings: {} });
    await client.initialize();
    await client.sourcesLoaded();
    const uri = pathToUri(path.join(tmp, 'drafts', 'c.md'));
    await client.open(uri, `${FIGURE}\n`);
    const first = await client.diagnosticsFor(uri, p => p.diagnostics.some(d => d.code === 'changed-figure'));
    assert.equal(first.diagnostics.find(d => d.code === 'changed-figure')!.severity, 3);
    const stale = await client.diagnosticsFor(pathToUri(projectFile()), p => p.diagnostics.length > 0);
    assert.equal(stale.diagnostics[0].code, 'stale-acceptance');
    assert.equal(stale.diagnostics[0].range.start.line, 5);
    assert.match(String(stale.diagnostics[0].message), /^Stale acceptance: "2040" \(changed-figure, accepted by Ann\)/);

    client.settings = { severity: { 'changed-figure': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnosticsFor(uri, p => p.diagnostics.some(d => d.code === 'changed-figure' && d.severity === 1));
  });

  it('"suggestions" in the file is verbatim.suggestions beneath the editor\'s: it applies unless the editor sets it', async () => {
    fs.writeFileSync(projectFile(), JSON.stringify({ suggestions: 'names' }));
    client = new TestClient({ workspaceFolder: tmp, settings: {} });
    await client.initialize();
    await client.sourcesLoaded();
    const uri = pathToUri(path.join(tmp, 'drafts', 'f.md'));
    const phrase = 'They agreed to work together to achieve net zero emissions no later th';
    const name = 'We look forward to the Cross-Border Crime Fo';
    await client.open(uri, `${phrase}\n${name}\n`);
    const items = async (line: number, character: number) =>
      ((await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionList).items.map(i => (i.textEdit as TextEdit).newText);
    const forum = (texts: string[]) => texts.some(t => t.startsWith('Forum'));
    assert.deepEqual(await items(0, phrase.length), [], 'the project file says names only');
    assert.ok(forum(await items(1, name.length)));
    assert.deepEqual(await client.connection.sendRequest(SuggestionsModeRequest, { uri }), { mode: 'names', from: 'project', projectFile: pathToUri(projectFile()) });

    // The editor's own setting wins, as for every setting the project file has.
    client.settings = { suggestions: 'all' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.ok((await items(0, phrase.length)).length > 0, 'the editor says all');
    assert.deepEqual(await client.connection.sendRequest(SuggestionsModeRequest, { uri }), { mode: 'all', from: 'settings' });
    client.settings = { suggestions: 'off' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.ok(!forum(await items(1, name.length)), 'the editor says off');
  });

  it('a malformed project file is reported with its line, and the drafts are still checked', async () => {
    fs.writeFileSync(projectFile(), '{\n  "severity": { "changed-figure": "off" }\n  "ignore": []\n}\n');
    client = new TestClient({ workspaceFolder: tmp, settings: {} });
    await client.initialize();
    const status = await client.sourcesLoaded();
    assert.ok(status.problems.some(p => /\.verbatim\.json:3:3: expected a comma\. The project file is not used until this is fixed\./.test(p.message)), JSON.stringify(status.problems));
    const problems = await client.diagnosticsFor(pathToUri(projectFile()), p => p.diagnostics.length > 0);
    assert.deepEqual(problems.diagnostics.map(d => [d.code, d.severity, d.range.start.line, d.range.start.character]), [['project-file', 1, 2, 2]]);
    const uri = pathToUri(path.join(tmp, 'drafts', 'd.md'));
    await client.open(uri, `${FIGURE}\n`);
    await client.diagnosticsFor(uri, p => p.diagnostics.some(d => d.code === 'changed-figure' && d.severity === 2));
  });

  it('in an untrusted workspace the project file is not read, and the status says so', async () => {
    fs.writeFileSync(projectFile(), JSON.stringify({ severity: { 'changed-figure': 'off' } }));
    client = new TestClient({ workspaceFolder: tmp, settings: {}, initializationOptions: { workspaceTrusted: false } });
    await client.initialize();
    const status = await client.sourcesLoaded();
    assert.ok(status.problems.some(p => /not trusted \(Restricted Mode\): its project file \.verbatim\.json is not read/.test(p.message)));
    const { actions } = await openDraft('e.md', `${FIGURE}\n`, 'changed-figure');
    assert.ok(!actions.some(a => a.title.startsWith('Accept this wording')), 'nothing can be accepted into a file that is not read');
  });
});
