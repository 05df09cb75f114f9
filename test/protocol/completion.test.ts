import * as assert from 'node:assert/strict';
import type { CompletionList, InlineCompletionList, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ADD_FOOTNOTE_COMMAND, InsertCommitmentRequest, PauseSuggestionsNotification, SearchCommitmentsRequest, SERVER_ACCEPT_COMMAND, SourcesRequest, type CommitmentSummary } from '../../server/src/protocol';
import { startServer, TestClient, type TestServer } from '../support/lspClient';

const FOOTNOTE = '[^roadmap-2021-02-23-accelerating-climate-ambitions-5]';

/** The line after applying a completion item's main edit. */
function applied(line: string, item: { textEdit?: unknown }): string {
  const edit = item.textEdit as TextEdit;
  return line.slice(0, edit.range.start.character) + edit.newText;
}

describe('protocol: completion', function () {
  this.timeout(20000);
  let server: TestServer;
  const uri = 'file:///drafts/readout.md';
  const line = 'The leaders agreed to launch a High Level Cli';
  const complete = (character: number, l = 2, u = uri) => server.request<CompletionList>('textDocument/completion', { textDocument: { uri: u }, position: { line: l, character } });

  before(async () => {
    server = await startServer({ citationStyle: 'footnote' });
    await server.request(SourcesRequest, { uri }); // waits until the sources are indexed
    await server.open(uri, `# Readout\n\n${line}\n`);
  });
  after(() => server?.shutdown());

  it('declares completion, inline completion and the footnote command', () => {
    const caps = server.initializeResult.capabilities;
    assert.ok(caps.completionProvider?.triggerCharacters?.includes('@'));
    assert.equal(caps.inlineCompletionProvider, true);
    // Listed with the server's other commands (the project file's accept command): one executeCommand handler serves them all.
    assert.deepEqual(caps.executeCommandProvider?.commands?.slice().sort(), [ADD_FOOTNOTE_COMMAND, SERVER_ACCEPT_COMMAND].sort());
  });

  it('completes the word being typed into the official wording, with its citation', async () => {
    const list = await complete(line.length);
    const first = list.items[0];
    assert.equal(applied(line, first), `The leaders agreed to launch a High Level Climate Ministerial${FOOTNOTE}`);
    assert.equal((first.textEdit as TextEdit).range.start.character, line.length - 'Cli'.length, 'only the word being typed is replaced');
    assert.equal(first.filterText, 'Climate');
    assert.match(first.detail ?? '', /Accelerating Climate Ambitions, ¶5/);
    assert.match(first.additionalTextEdits?.[0].newText ?? '', /^\n\[\^roadmap-2021-02-23-accelerating-climate-ambitions-5\]: Roadmap for a Renewed U\.S\.-Canada Partnership, /);
  });

  it('answers textDocument/inlineCompletion with ghost text that keeps what was typed, and a command to define the footnote', async () => {
    const list = await server.request<InlineCompletionList>('textDocument/inlineCompletion', {
      textDocument: { uri },
      position: { line: 2, character: line.length },
      context: { triggerKind: 2 },
    });
    assert.equal(list.items[0].insertText, `Climate Ministerial${FOOTNOTE}`);
    assert.deepEqual(list.items[0].range, { start: { line: 2, character: line.length - 3 }, end: { line: 2, character: line.length } });
    assert.deepEqual(list.items[0].command?.arguments, [uri, 'roadmap-2021-02-23#accelerating-climate-ambitions-5']);
  });

  it('the footnote command adds the definition to the draft through workspace/applyEdit', async () => {
    const u = 'file:///drafts/ghost.md';
    const text = `# Readout\n\nThe leaders agreed to launch a High Level Climate Ministerial${FOOTNOTE}\n`;
    await server.open(u, text);
    const edits: WorkspaceEdit[] = [];
    server.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      edits.push(params.edit);
      return { applied: true };
    });
    await server.request('workspace/executeCommand', { command: ADD_FOOTNOTE_COMMAND, arguments: [u, 'roadmap-2021-02-23#accelerating-climate-ambitions-5'] });
    const change = edits[0]?.changes?.[u]?.[0];
    assert.ok(change, 'an edit of the draft was applied');
    assert.deepEqual(change.range.start, { line: 3, character: 0 });
    assert.match(change.newText, /^\n\[\^roadmap-2021-02-23-accelerating-climate-ambitions-5\]: Roadmap for a Renewed U\.S\.-Canada Partnership, Accelerating Climate Ambitions, ¶5, 23 February 2021\./);
  });

  it('offers nothing in ordinary prose or right after a full stop', async () => {
    const u = 'file:///drafts/prose.md';
    const prose = 'We discussed the price of groceries in both countries';
    await server.open(u, `# Readout\n\n${prose}\n${prose}.\n`);
    assert.deepEqual((await complete(prose.length, 2, u)).items, []);
    assert.deepEqual((await complete(prose.length + 1, 3, u)).items, []);
    const official = 'The leaders agreed to launch a High Level Climate Ministerial.';
    await server.open('file:///drafts/stop.md', `${official}\n`);
    assert.deepEqual((await complete(official.length, 0, 'file:///drafts/stop.md')).items, []);
  });

  it('@@ opens the commitment search by itself and narrows it as the drafter types', async () => {
    const u = 'file:///drafts/search.md';
    await server.open(u, '# Readout\n\nWe welcome @@\nWe welcome @@methane\n');
    const opened = await complete('We welcome @@'.length, 2, u);
    assert.ok(opened.isIncomplete && opened.items.length >= 10, `items right after @@: ${opened.items.length}`);
    const narrowed = await complete('We welcome @@methane'.length, 3, u);
    assert.ok(narrowed.items.length > 0 && narrowed.items.every(i => /methane/i.test(String((i.textEdit as TextEdit).newText))));
    assert.match((narrowed.items[0].textEdit as TextEdit).newText, /^“.*methane.*”\[\^roadmap-2021-02-23-/i);
  });

  it('pausing suggestions silences the list and the ghost text until resumed; @@ still answers', async () => {
    await server.connection.sendNotification(PauseSuggestionsNotification, { paused: true });
    assert.deepEqual((await complete(line.length)).items, []);
    const ghost = await server.request<InlineCompletionList | null>('textDocument/inlineCompletion', { textDocument: { uri }, position: { line: 2, character: line.length }, context: { triggerKind: 2 } });
    assert.equal(ghost, null);
    const u = 'file:///drafts/paused-search.md';
    await server.open(u, 'We welcome @@methane\n');
    assert.ok((await complete('We welcome @@methane'.length, 0, u)).items.length > 0);
    await server.connection.sendNotification(PauseSuggestionsNotification, { paused: false });
    assert.ok((await complete(line.length)).items.length > 0);
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

describe('protocol: completion settings and start-up', function () {
  this.timeout(20000);
  const line = 'The leaders agreed to launch a High Level Cli';

  it('the first request after start waits for the sources and completes the flagship example', async () => {
    const client = new TestClient({ initializationOptions: { settings: {} } });
    try {
      await client.initialize();
      const uri = 'file:///drafts/first.md';
      await client.open(uri, `${line}\n`);
      // No wait for the sources: this is the drafter's first keystroke after opening the editor.
      const list = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: line.length } })) as CompletionList;
      assert.equal(applied(line, list.items[0]), 'The leaders agreed to launch a High Level Climate Ministerial (Roadmap for a Renewed U.S.-Canada Partnership, Accelerating Climate Ambitions, ¶5)');
    } finally {
      await client.shutdown();
    }
  });

  for (const [mode, expectPhrases, expectNames] of [
    ['off', false, false],
    ['names', false, true],
    ['all', true, true],
  ] as const) {
    it(`verbatim.suggestions "${mode}": phrases ${expectPhrases ? 'on' : 'off'}, names ${expectNames ? 'on' : 'off'}, @@ search on`, async () => {
      const server = await startServer({ suggestions: mode, citationStyle: 'none' });
      try {
        const uri = 'file:///drafts/modes.md';
        await server.request(SourcesRequest, { uri });
        const phrase = 'They agreed to work together to achieve net zero emissions no later th';
        const name = 'We look forward to the Cross-Border Crime Fo';
        await server.open(uri, `${phrase}\n${name}\n@@opioids\n`);
        const at = async (l: number, c: number) => (await server.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: l, character: c } })).items;
        assert.equal((await at(0, phrase.length)).length > 0, expectPhrases, 'phrase continuation');
        const names = await at(1, name.length);
        assert.equal(names.some(i => (i.textEdit as TextEdit).newText === 'Forum'), expectNames, 'name completion');
        assert.ok((await at(2, '@@opioids'.length)).length > 0, '@@ search');
      } finally {
        await server.shutdown();
      }
    });
  }
});
