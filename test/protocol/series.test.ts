import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { CheckDraftsRequest, ReloadSourcesRequest } from '../../server/src/protocol';
import { repoRoot } from '../support/corpus';
import { TestClient } from '../support/lspClient';

const japan = path.join(repoRoot, 'test', 'real', 'japan');
const text2021 = fs.readFileSync(path.join(japan, 'source', '2021-04-16-u-s-japan-joint-leaders-statement-u-s-japan-global-partnership-for-a-new-era.md'), 'utf8');
const text2022 = fs.readFileSync(path.join(japan, 'followups', '2022-05-23-japan-u-s-joint-leaders-statement-strengthening-the-free-and-open-international-order.md'), 'utf8');

/** Line 2 follows the 2022 wording where it updates 2021 ("the two leaders reaffirmed U.S. commitment"); line 4 follows 2021's. */
const DRAFT = [
  '# Readout',
  '',
  'Addressing North Korea’s nuclear and missile program, including the risk of proliferation, the two leaders reaffirmed U.S. commitment to the immediate resolution of the abductions issue.',
  '',
  'President Biden reaffirmed the United States’ commitment to the immediate resolution of the abductions issue.',
  '',
].join('\n');

describe('series over stdio: dated sources, a date given in verbatim.sources', function () {
  this.timeout(20000);
  let tmp: string;
  let client: TestClient;
  const uri = 'file:///drafts/series.md';

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-series-'));
    fs.mkdirSync(path.join(tmp, 'sources'));
    fs.writeFileSync(path.join(tmp, 'sources', 'japan-2021.md'), text2021);
    // The 2022 statement without a date of its own: the setting gives it one.
    fs.writeFileSync(path.join(tmp, 'sources', 'japan-2022.md'), text2022.replace(/^(?:date|published_time|modified_time):.*\n/gm, ''));
    client = new TestClient({
      workspaceFolder: tmp,
      settings: { sources: ['sources/japan-2021.md', { path: 'sources/japan-2022.md', date: '2022-05-23' }], includeBundledSources: false },
    });
    await client.initialize();
    await client.sourcesLoaded();
    await client.open(uri, DRAFT);
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('dates each source, from its front matter or from the setting', async () => {
    const status = client.statuses.filter(s => !s.loading).pop()!;
    assert.deepEqual(
      status.sources.map(s => s.date),
      ['2021-04-16', '2022-05-23'],
    );
    assert.deepEqual(status.problems, []);
  });

  it('draws no finding for the draft following the 2022 wording', async () => {
    const published = await client.diagnosticsFor(uri, p => p.version === 1);
    assert.deepEqual(published.diagnostics, []);
  });

  it('shows the history with both dates on hover, and which wording is the latest', async () => {
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 80 } })) as Hover | null;
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*History of this commitment\*\* \(2 statements\)\. The wording your draft follows \(2021-04-16\) has been updated since: the latest is that of 2022-05-23\./);
    assert.match(value, /\*\*First stated, 2021-04-16\*\*: “President Biden reaffirmed[^\n]*your draft follows this$/m);
    assert.match(value, /\*\*Updated, 2022-05-23\*\*: “The two leaders reaffirmed U\.S\. commitment[^\n]*\*\*latest wording\*\*$/m);
  });

  it("says 'updated since' in the consistency report for the draft following the 2021 wording", async () => {
    const result = await client.connection.sendRequest(CheckDraftsRequest, { uris: [uri], report: true, names: { [uri]: 'series.md' } });
    assert.deepEqual(result.drafts[0].diagnostics, []);
    const report = result.report!;
    const section = report.slice(report.indexOf('### Updated since'), report.indexOf('### Quotations and restatements'));
    const items = section.split('\n').filter(l => l.startsWith('- '));
    assert.equal(items.length, 1, section);
    assert.match(items[0], /line 5[^\n]*President Biden reaffirmed[^\n]*\*\*Updated since 2022\\-05\\-23:\*\* “The two leaders reaffirmed/);
  });

  it('without the date, the 2022 statement updates nothing and the 2021 wording is the source', async () => {
    client.settings = { sources: ['sources/japan-2021.md', 'sources/japan-2022.md'], includeBundledSources: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const status = await client.connection.sendRequest(ReloadSourcesRequest);
    assert.deepEqual(
      status.sources.map(s => s.date ?? null),
      ['2021-04-16', null],
    );
    const result = await client.connection.sendRequest(CheckDraftsRequest, { uris: [uri] });
    assert.deepEqual(
      result.drafts[0].diagnostics.map(d => [d.code, d.range.start.line]),
      [['changed-actor', 2]],
    );
  });

  it('warns of a date that is not YYYY-MM-DD, and reads the source without it', async () => {
    client.settings = { sources: ['sources/japan-2021.md', { path: 'sources/japan-2022.md', date: '23 May 2022' }], includeBundledSources: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const status = await client.connection.sendRequest(ReloadSourcesRequest);
    assert.equal(status.sources.length, 2);
    assert.equal(status.sources[1].date, undefined);
    assert.equal(status.problems.length, 1);
    assert.match(status.problems[0].message, /verbatim\.sources "sources\/japan-2022\.md": the date "23 May 2022" must be YYYY-MM-DD; it is ignored\./);
  });
});
