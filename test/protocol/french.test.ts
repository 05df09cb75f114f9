/**
 * French over a real connection: the language server spawned over stdio, the three French
 * official texts of test/real/french as the workspace's sources (they declare `lang: fr`), and
 * French drafts opened as a user would. What issue 16 item 2 asks of the editor: French citation
 * labels, a misquote inside « » (with the narrow no-break spaces French typography puts there)
 * with its hover and fix, and « » quotations in an English draft.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { FRENCH_SOURCES, repoRoot } from '../support/corpus';
import { TestClient } from '../support/lspClient';

const NNBSP = '\u202f';
const STATEMENT_2023 = 'Déclaration conjointe du premier ministre Trudeau et du président Biden';

describe('French sources and drafts over stdio', function () {
  this.timeout(20000);
  let tmp: string;
  let client: TestClient;

  /** The words a diagnostic covers on its line of `text`. */
  const flagged = (text: string, d: Diagnostic) => text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);
  const hoverAt = async (uri: string, line: number, character: number) =>
    (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } })) as Hover | null;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-french-'));
    fs.mkdirSync(path.join(tmp, 'sources'));
    for (const name of FRENCH_SOURCES) fs.copyFileSync(path.join(repoRoot, 'test', 'real', 'french', name), path.join(tmp, 'sources', name));
    client = new TestClient({ workspaceFolder: tmp, settings: { sources: ['sources/*.md'], citationStyle: 'inline' } });
    await client.initialize();
    const status = await client.sourcesLoaded();
    assert.equal(status.sources.length, 2 + FRENCH_SOURCES.length);
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('reports a French misquote inside « » with narrow no-break spaces, and hovers on it with the French passage', async () => {
    const uri = 'file:///drafts/brouillon.md';
    const text = ['# Note', '', `Les dirigeants ont promis de «${NNBSP}collaborer activement pour vaincre le virus${NNBSP}».`, ''].join('\n');
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri);
    assert.deepEqual(
      diagnostics.map(d => [d.code, d.severity, flagged(text, d)]),
      [['misquote', 2, 'activement']],
    );
    assert.match(String(diagnostics[0].message), /"activement" where the source says "étroitement"/);
    assert.match(diagnostics[0].relatedInformation?.[0]?.location.uri ?? '', /2021-02-23-feuille-de-route-partenariat-renouvele\.md$/);
    const line = text.split('\n')[2];
    const hover = await hoverAt(uri, 2, line.indexOf('vaincre'));
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Feuille de route pour un partenariat renouvelé/);
    assert.match(value, /Lutte contre la COVID-19/);
    assert.match(value, /~~activement~~ \*\*étroitement\*\*/);
  });

  it('cites a French source with a French label (préambule), in the diagnostic, the hover and the quick fix', async () => {
    const uri = 'file:///drafts/note-2023.md';
    const quoted = `«${NNBSP}Nous réaffirmons notre alliance historique, notre amitié durable ainsi que notre volonté de relever les immenses défis d'aujourd'hui${NNBSP}»`;
    const text = ['# Note', '', `En mars 2023, les deux dirigeants ont déclaré : ${quoted}.`, ''].join('\n');
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri);
    assert.deepEqual(
      diagnostics.map(d => [d.code, flagged(text, d)]),
      [['misquote', 'durable']],
    );
    const d = diagnostics[0];
    assert.match(String(d.message), new RegExp(`${STATEMENT_2023}, préambule, ¶1: "durable" where the source says "indéfectible"`));
    assert.equal((d.data as { paragraphId?: string }).paragraphId, '2023-03-24-declaration-conjointe-trudeau-biden#opening-1');

    const hover = await hoverAt(uri, 2, text.split('\n')[2].indexOf('alliance'));
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, new RegExp(`^\\*\\*${STATEMENT_2023}\\*\\* · Préambule · ¶1 · 2023-03-24 · \\[source\\]\\(https://www\\.lelezard\\.com/`));
    assert.match(value, /~~durable~~ \*\*indéfectible\*\*/);

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.find(a => a.isPreferred);
    assert.ok(fix, actions.map(a => a.title).join(' | '));
    // The official wording, in place of the quoted words.
    assert.deepEqual(fix.edit?.changes?.[uri]?.map((e: TextEdit) => e.newText), ["Nous réaffirmons notre alliance historique, notre amitié indéfectible ainsi que notre volonté de relever les immenses défis d'aujourd'hui"]);
  });

  it('completes French official wording with its French citation', async () => {
    const uri = 'file:///drafts/completion.md';
    const line = 'Nous réaffirmons notre alliance historique, notre amitié indéf';
    await client.open(uri, `# Note\n\n${line}\n`);
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: line.length } })) as CompletionList;
    const first = list.items[0];
    assert.ok(first, 'a completion');
    assert.equal(first.detail, `${STATEMENT_2023}, préambule, ¶1`);
    assert.match((first.textEdit as TextEdit).newText, new RegExp(`^indéfectible ainsi que notre volonté .* \\(${STATEMENT_2023}, préambule, ¶1\\)$`));
  });

  it('finds a French quotation in an English draft, and reports a spelling variant at Information with its fix', async () => {
    const uri = 'file:///drafts/readout.md';
    const text = ['In French, the leaders agreed to « renforcer leurs efforts globaux et intersectoriels afin de maitriser la pandémie ».', ''].join('\n');
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri);
    assert.deepEqual(
      diagnostics.map(d => [d.code, d.severity, flagged(text, d)]),
      [['spelling-variant', 3, 'maitriser']],
    );
    assert.match(String(diagnostics[0].message), /"maitriser" is a spelling variant of the source's "maîtriser"/);
    assert.equal((diagnostics[0].data as { fix?: { newText: string } }).fix?.newText, 'maîtriser');
  });
});
