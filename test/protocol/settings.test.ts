import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient } from '../support/lspClient';

const SOURCE = '---\ntitle: Trade Readout\ndate: 2022-03-01\n---\n\n## Tariffs\n\nThe ministers agreed to cut tariffs on softwood lumber.\n';

describe('settings from any editor, and workspace trust', function () {
  this.timeout(20000);
  let tmp: string;
  let outside: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-settings-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-outside-'));
    fs.mkdirSync(path.join(tmp, 'sources'));
    fs.writeFileSync(path.join(tmp, 'sources', 'trade.md'), SOURCE);
    fs.writeFileSync(path.join(outside, 'secret.md'), 'The password is swordfish and the server is in the basement.\n');
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('honours initializationOptions.settings when the client answers workspace/configuration with null', async () => {
    const client = new TestClient({
      workspaceFolder: tmp,
      answerNullConfiguration: true,
      initializationOptions: { settings: { sources: ['sources/*.md'], includeBundledSources: false } },
    });
    try {
      await client.initialize();
      const status = await client.sourcesLoaded();
      assert.deepEqual(status.sources.map(s => s.title), ['Trade Readout']);
    } finally {
      await client.shutdown();
    }
  });

  it('honours the answered settings when the client answers workspace/configuration with values', async () => {
    const client = new TestClient({
      workspaceFolder: tmp,
      settings: { sources: ['sources/*.md'], includeBundledSources: true },
      initializationOptions: { settings: { includeBundledSources: false } },
    });
    try {
      await client.initialize();
      const status = await client.sourcesLoaded();
      assert.deepEqual(status.sources.map(s => s.title).sort(), ['Roadmap for a Renewed U.S.-Canada Partnership', 'Statement on the unveiling of the U.S.-Canada Partnership Roadmap', 'Trade Readout'].sort());
    } finally {
      await client.shutdown();
    }
  });

  it('is declared to VS Code as limited in Restricted Mode (verbatim.sources restricted) and unsupported in virtual workspaces', () => {
    // Without the declaration VS Code disables the extension entirely in Restricted Mode (issue 19, item 9).
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['verbatim.sources']);
    assert.equal(pkg.capabilities?.virtualWorkspaces?.supported, false);
    assert.equal(pkg.contributes.configuration.properties['verbatim.sources'].scope, 'resource');
  });

  it('indexes only the bundled sources in an untrusted workspace, and says why', async () => {
    const client = new TestClient({ workspaceFolder: tmp, settings: { sources: ['sources/*.md'] }, initializationOptions: { workspaceTrusted: false } });
    try {
      await client.initialize();
      const status = await client.sourcesLoaded();
      assert.equal(status.trusted, false);
      assert.ok(status.sources.every(s => s.bundled), JSON.stringify(status.sources.map(s => s.displayPath)));
      assert.ok(status.problems.some(p => /not trusted/.test(p.message)), JSON.stringify(status.problems));
    } finally {
      await client.shutdown();
    }
  });

  it("refuses a workspace setting that names a file outside the workspace, but takes it from the user's own settings", async () => {
    const secret = path.join(outside, 'secret.md');
    const fromWorkspace = new TestClient({ workspaceFolder: tmp, settings: { sources: [secret, 'sources/trade.md'], sourcesOrigin: 'workspace', includeBundledSources: false } });
    try {
      await fromWorkspace.initialize();
      const status = await fromWorkspace.sourcesLoaded();
      assert.deepEqual(status.sources.map(s => s.title), ['Trade Readout']);
      assert.ok(status.problems.some(p => p.message.includes('outside the workspace folder') && p.message.includes(secret)), JSON.stringify(status.problems));
    } finally {
      await fromWorkspace.shutdown();
    }
    const fromUser = new TestClient({ workspaceFolder: tmp, settings: { sources: [secret], sourcesOrigin: 'user', includeBundledSources: false } });
    try {
      await fromUser.initialize();
      const status = await fromUser.sourcesLoaded();
      assert.equal(status.sources.length, 1);
      assert.equal(status.sources[0].displayPath, secret);
    } finally {
      await fromUser.shutdown();
    }
  });

  it('refuses a symlink inside the workspace that points outside it, when named by the workspace', async () => {
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(tmp, 'sources', 'link.md'));
    const client = new TestClient({ workspaceFolder: tmp, settings: { sources: ['sources'], sourcesOrigin: 'workspace', includeBundledSources: false } });
    try {
      await client.initialize();
      const status = await client.sourcesLoaded();
      assert.deepEqual(status.sources.map(s => s.title), ['Trade Readout']);
      assert.ok(status.problems.some(p => /outside the workspace folder/.test(p.message)));
    } finally {
      await client.shutdown();
    }
  });
});
