import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CheckDraftsRequest } from '../../server/src/protocol';
import { pathToUri, TestClient } from '../support/lspClient';

describe('consistency check request (verbatim/checkDrafts)', function () {
  this.timeout(20000);
  let tmp: string;
  let client: TestClient;

  beforeEach(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-consistency-'));
    client = new TestClient();
    await client.initialize();
    await client.sourcesLoaded();
  });
  afterEach(async () => {
    await client.shutdown();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('checks a draft on disk and an open draft, and returns findings per file and an escaped report', async () => {
    const onDisk = path.join(tmp, 'readout.md');
    fs.writeFileSync(onDisk, '# Readout\n\nThe leaders said "the partnership between the United States and Canada endures because we invest in one another\'s success."\n');
    const diskUri = pathToUri(onDisk);
    const openUri = 'file:///drafts/open.md';
    await client.open(openUri, 'Prime Minister Trudeau reaffirmed the goal for Canada to achieve 80 percent non-emitting electricity by 2030.\n');
    const missing = pathToUri(path.join(tmp, 'missing.md'));

    const result = await client.connection.sendRequest(CheckDraftsRequest, { uris: [diskUri, openUri, missing], report: true, names: { [diskUri]: 'readout <b>.md' } });

    assert.equal(result.drafts.length, 3);
    const [disk, open, gone] = result.drafts;
    assert.equal(disk.open, false);
    const misquote = disk.diagnostics.find(d => (d.data as { category?: string })?.category === 'misquote');
    assert.ok(misquote, JSON.stringify(disk.diagnostics));
    assert.equal(misquote!.range.start.line, 2);
    assert.equal(open.open, true);
    assert.ok(open.diagnostics.some(d => d.code === 'changed-figure'), JSON.stringify(open.diagnostics));
    assert.ok(gone.error);
    assert.deepEqual(gone.diagnostics, []);

    assert.ok(result.report);
    assert.match(result.report!, /^<!-- verbatim-disable -->\n\n# Verbatim consistency report/);
    assert.match(result.report!, /readout &lt;b&gt;\\\.md/);
    assert.match(result.report!, /one another/);
  });

  it('reports the drafts just checked, with links to their lines, the coverage only when asked, and an HTML page', async () => {
    const a = path.join(tmp, 'a.md');
    const b = path.join(tmp, 'b.md');
    fs.writeFileSync(a, '# A\n\nThe leaders will work to achieve net zero emissions no later than 2040.\n');
    fs.writeFileSync(b, '# B\n\nBoth leaders declined to launch a High Level Climate Ministerial.\n');
    const first = await client.connection.sendRequest(CheckDraftsRequest, { uris: [pathToUri(a)], report: true, names: { [pathToUri(a)]: 'a.md' } });
    const second = await client.connection.sendRequest(CheckDraftsRequest, { uris: [pathToUri(b)], report: true, html: true, coverage: true, names: { [pathToUri(b)]: 'b.md' } });
    assert.match(first.report!, /## a\\\.md/);
    assert.doesNotMatch(first.report!, /b\\\.md|declined/);
    assert.ok(first.report!.includes(`[line 3](<${pathToUri(a)}#L3>)`), first.report);
    assert.doesNotMatch(first.report!, /Coverage/);
    assert.match(second.report!, /## b\\\.md/);
    assert.doesNotMatch(second.report!, /2040/);
    assert.match(second.report!, /Coverage of the sources' commitments/);
    assert.match(second.html!, /^<!DOCTYPE html>[\s\S]*<a href="#d1-L3">line 3<\/a>/);
  });

  it('returns diagnostics without a report unless asked', async () => {
    const file = path.join(tmp, 'clean.md');
    fs.writeFileSync(file, 'Snow is expected in Ottawa on Thursday.\n');
    const result = await client.connection.sendRequest(CheckDraftsRequest, { uris: [pathToUri(file)] });
    assert.equal(result.report, undefined);
    assert.deepEqual(result.drafts[0].diagnostics, []);
  });
});
