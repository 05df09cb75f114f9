import * as assert from 'node:assert/strict';
import { DefinitionRequest, DocumentLinkRequest, HoverRequest, type Hover, type Location, type MarkupContent } from 'vscode-languageserver-protocol';
import { InsertQuotationRequest, SourceContentRequest, SourceTreeRequest } from '../../server/src/protocol';
import { TestClient } from '../support/lspClient';

describe('hover, go to source and the sources view over stdio', function () {
  this.timeout(20000);
  let client: TestClient;
  const uri = 'file:///drafts/hover.md';
  const draft = ['# Readout', '', 'We will press ahead with protections for the Arctic National Wildlife Refuge.', '', 'Nothing here matches anything at all.', '', 'They said “to end the COVID-19 pandemic” together.', ''].join('\n');

  before(async () => {
    client = new TestClient();
    const init = await client.initialize();
    assert.equal(init.capabilities.hoverProvider, true);
    assert.equal(init.capabilities.definitionProvider, true);
    assert.ok(init.capabilities.documentLinkProvider);
    await client.sourcesLoaded();
    await client.open(uri, draft);
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  it('answers hover with the source paragraph and section', async () => {
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 55 } })) as Hover | null;
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /Accelerating Climate Ambitions/);
    assert.match(value, /Citation: `roadmap-2021-02-23#accelerating-climate-ambitions-\d+`/);
    assert.equal(hover.range?.start.line, 2);
  });

  it('answers null where nothing matches', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 10 } });
    assert.equal(hover, null);
  });

  it('goes to the source words and serves the bundled source text', async () => {
    const loc = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 2, character: 55 } })) as Location | null;
    assert.ok(loc && !Array.isArray(loc));
    assert.equal(loc.uri, 'verbatim-source:/roadmap-2021-02-23.md');
    const content = await client.connection.sendRequest(SourceContentRequest, { uri: loc.uri });
    assert.ok(content);
    const lines = content.text.split(/\r?\n/);
    assert.match(lines[loc.range.start.line].slice(loc.range.start.character) + ' ' + (lines[loc.range.start.line + 1] ?? ''), /Arctic\s+National/);
  });

  it('links quotations to their source paragraph', async () => {
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    assert.ok(links);
    assert.equal(links.length, 1);
    assert.equal(links[0].range.start.line, 6);
    assert.match(links[0].target ?? '', /^verbatim-source:\/roadmap-2021-02-23\.md#L\d+,\d+$/);
  });

  it('returns the sources tree and quotation edits', async () => {
    const tree = await client.connection.sendRequest(SourceTreeRequest, {});
    assert.equal(tree.length, 2);
    const paragraph = tree[0].sections.find(s => s.title === 'Accelerating Climate Ambitions')!.paragraphs[3];
    assert.equal(paragraph.id, 'roadmap-2021-02-23#accelerating-climate-ambitions-4');
    assert.ok(paragraph.location);
    const edits = await client.connection.sendRequest(InsertQuotationRequest, { uri, text: 'Intro: ', position: { line: 0, character: 7 }, paragraphId: paragraph.id, style: 'inline' });
    assert.ok(edits && edits.length === 1);
    assert.ok(edits[0].newText.endsWith('” (Roadmap for a Renewed U.S.-Canada Partnership, Accelerating Climate Ambitions, ¶4)'));
  });
});
