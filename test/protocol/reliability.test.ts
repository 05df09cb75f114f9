import * as assert from 'node:assert/strict';
import { HoverRequest, type Hover } from 'vscode-languageserver-protocol';
import { TestClient } from '../support/lspClient';

const PARAS = [
  'The leaders agreed to strengthen the U.S.-Canada Action Plan on Opioids.',
  'Prime Minister Trudeau reaffirmed the goal for Canada to achieve 80 percent non-emitting electricity by 2040.',
  'The two leaders traded jokes about the NHL season while snow fell in Ottawa.',
  'Canada and the United States will not launch an expanded U.S.-Canada Arctic Dialogue.',
];

describe('language server: long checks (issue 19, item 8)', function () {
  this.timeout(30000);

  it('answers a hover while a long check runs, and a newer version cancels that check: nothing is published for the old version', async () => {
    const client = new TestClient({ settings: { diagnosticsDelay: 0 } });
    try {
      await client.initialize();
      await client.sourcesLoaded();
      const uri = 'file:///drafts/long.md';
      // About 600 paragraphs, none cached yet: a check of some seconds.
      const text = Array.from({ length: 600 }, (_, i) => `${PARAS[i % PARAS.length]} Item ${i}.`).join('\n\n');
      await client.open(uri, text, 'markdown', 1);
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 30 } });
      const publishedBeforeHover = client.publishedFor(uri).length;
      assert.match(((hover as Hover).contents as { value: string }).value, /Action Plan on Opioids/);
      // The first check is still running: the edit must cancel it.
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: 'Both' }]);
      await client.diagnosticsFor(uri, p => p.version === 2, 25000);
      assert.equal(publishedBeforeHover, 0, 'the hover waited for the check');
      assert.deepEqual(
        client.publishedFor(uri).map(p => p.version),
        [2],
        'only the current version is published',
      );
    } finally {
      await client.shutdown();
    }
  });
});
