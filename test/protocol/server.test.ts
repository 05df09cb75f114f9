import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import { ReloadSourcesRequest } from '../../server/src/protocol';
import { pathToUri, TestClient } from '../support/lspClient';

describe('language server over stdio', function () {
  this.timeout(20000);
  let tmp: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-protocol-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('initializes with incremental sync, loads the bundled sources, checks documents, shuts down cleanly', async () => {
    const client = new TestClient();
    try {
      const init = await client.initialize();
      assert.equal(init.serverInfo?.name, 'verbatim-language-server');
      const sync = init.capabilities.textDocumentSync;
      assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
      const status = await client.sourcesLoaded();
      assert.deepEqual(
        status.sources.map(s => s.id),
        ['roadmap-2021-02-23', 'roadmap-statement-2021-02-23'],
      );
      assert.equal(status.passages, 63);
      assert.ok(status.sources[0].uri.startsWith('verbatim-source:'));

      const uri = 'file:///drafts/readout.md';
      await client.open(uri, '# Readout\n\nThe leaders met in Washington.\n');
      const first = await client.diagnosticsFor(uri);
      assert.equal(first.version, 1);
      await client.change(uri, 2, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, text: 'Both' }]);
      const second = await client.diagnosticsFor(uri, p => p.version === 2);
      assert.ok(Array.isArray(second.diagnostics));
      await client.close(uri);
      await client.diagnosticsFor(uri, p => p.version === undefined && p.diagnostics.length === 0);
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });

  it('indexes user sources named in verbatim.sources, and reports unreadable ones without failing', async () => {
    fs.mkdirSync(path.join(tmp, 'sources'));
    fs.writeFileSync(path.join(tmp, 'sources', 'trade.md'), '---\ntitle: Trade Readout\ndate: 2022-03-01\n---\n\n## Tariffs\n\nThe ministers agreed to cut tariffs on softwood lumber.\n');
    fs.writeFileSync(path.join(tmp, 'sources', 'empty.md'), '');
    const client = new TestClient({ workspaceFolder: tmp, settings: { sources: ['sources/*.md'], includeBundledSources: false } });
    try {
      await client.initialize();
      const status = await client.sourcesLoaded();
      assert.deepEqual(
        status.sources.map(s => s.title),
        ['Trade Readout'],
      );
      assert.equal(status.passages, 1);
      assert.equal(status.problems.length, 1);
      assert.match(status.problems[0].message, /empty\.md: the file is empty/);

      // Settings change: bundled sources back on, then an explicit reload.
      client.settings = { sources: ['sources/*.md'], includeBundledSources: true };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const reloaded = await client.connection.sendRequest(ReloadSourcesRequest);
      assert.equal(reloaded.sources.length, 3);
    } finally {
      await client.shutdown();
    }
  });

  it('re-indexes a user source when it changes on disk', async () => {
    const file = path.join(tmp, 'policy.md');
    fs.writeFileSync(file, '## Energy\n\nThe ministers agreed to meet.\n');
    const client = new TestClient({ workspaceFolder: tmp, settings: { sources: ['policy.md'], includeBundledSources: false } });
    try {
      await client.initialize();
      assert.equal((await client.sourcesLoaded()).passages, 1);
      const before = client.statuses.length;
      fs.writeFileSync(file, '## Energy\n\nThe ministers agreed to meet.\n\nThey will report in June.\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(file), type: 2 }] });
      await waitFor(() => client.statuses.slice(before).some(s => !s.loading && s.passages === 2), 5000);
    } finally {
      await client.shutdown();
    }
  });

  it('works for clients that cannot be asked for settings (pushed settings)', async () => {
    const client = new TestClient({ initializationOptions: { settings: { includeBundledSources: false, sources: [] } } });
    try {
      await client.initialize();
      await waitFor(() => client.statuses.some(s => !s.loading), 5000);
      assert.equal(client.statuses.filter(s => !s.loading).pop()!.sources.length, 0);
    } finally {
      await client.shutdown();
    }
  });
});

async function waitFor(test: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 20));
  }
}

describe('language server: fixing a broken source', function () {
  this.timeout(20000);

  it('reloads a source that failed to load once the file is fixed', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-fix-'));
    const file = path.join(tmp, 'policy.md');
    fs.writeFileSync(file, '');
    const client = new TestClient({ workspaceFolder: tmp, settings: { sources: ['policy.md'], includeBundledSources: false } });
    try {
      await client.initialize();
      await waitFor(() => client.statuses.some(s => !s.loading && s.problems.length === 1), 5000);
      fs.writeFileSync(file, '## Energy\n\nThe ministers agreed to meet.\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(file), type: 2 }] });
      await waitFor(() => client.statuses.some(s => !s.loading && s.passages === 1 && s.problems.length === 0), 5000);
      assert.equal(client.initializeResult?.serverInfo?.version, JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version);
    } finally {
      await client.shutdown();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
