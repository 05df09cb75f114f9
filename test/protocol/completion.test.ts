import * as assert from 'node:assert/strict';
import type { CompletionList, InlineCompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { InsertCommitmentRequest, SearchCommitmentsRequest, SourcesRequest, type CommitmentSummary } from '../../server/src/protocol';
import { startServer, type TestServer } from '../support/lspClient';

describe('protocol: completion', function () {
  this.timeout(20000);
  let server: TestServer;
  const uri = 'file:///drafts/readout.md';
  const line = 'The leaders agreed to launch a High Level Cli';

  before(async () => {
    server = await startServer({ citationStyle: 'footnote' });
    await server.request(SourcesRequest, { uri }); // waits until the sources are indexed
    await server.open(uri, `# Readout\n\n${line}\n`);
  });
  after(() => server?.shutdown());

  it('declares completion and inline completion', () => {
    const caps = server.initializeResult.capabilities;
    assert.ok(caps.completionProvider?.triggerCharacters?.includes('@'));
    assert.equal(caps.inlineCompletionProvider, true);
  });

  it('completes the official wording with an edit replacing the typed words', async () => {
    const list = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: line.length } });
    const first = list.items[0];
    const edit = first.textEdit as TextEdit;
    assert.equal(line.slice(0, edit.range.start.character) + edit.newText, 'The leaders agreed to launch a High Level Climate Ministerial');
    assert.match(first.detail ?? '', /Accelerating Climate Ambitions, ¶5/);
  });

  it('answers textDocument/inlineCompletion with ghost text', async () => {
    const list = await server.request<InlineCompletionList>('textDocument/inlineCompletion', {
      textDocument: { uri },
      position: { line: 2, character: line.length },
      context: { triggerKind: 2 },
    });
    assert.equal(list.items[0].insertText, 'Climate Ministerial');
    assert.deepEqual(list.items[0].range, { start: { line: 2, character: line.length - 3 }, end: { line: 2, character: line.length } });
  });

  it('searches commitments and inserts one with a footnote', async () => {
    const hits = await server.request<CommitmentSummary[]>(SearchCommitmentsRequest, { uri, query: 'methane' });
    assert.ok(hits.length > 0 && /methane/i.test(hits[0].text));
    const result = await server.request<{ edits: TextEdit[] }>(InsertCommitmentRequest, { uri, position: { line: 3, character: 0 }, paragraphId: hits[0].paragraphId, sentenceIndex: hits[0].sentenceIndex });
    assert.equal(result.edits.length, 2);
    assert.match(result.edits[0].newText, /^“.*methane.*”\[\^roadmap-2021-02-23-/i);
    assert.match(result.edits[1].newText, /^\n\[\^roadmap-2021-02-23-[a-z0-9-]+\]: Roadmap for a Renewed U\.S\.-Canada Partnership, /);
  });
});
