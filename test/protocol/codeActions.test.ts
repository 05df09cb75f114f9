import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from '../support/lspClient';

/** Applies the edits of one document to its text (non-overlapping, any order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('code actions over the protocol: quick fixes and "Ignore here"', function () {
  this.timeout(20000);
  let server: TestServer;
  before(async () => {
    server = await startServer({});
    await server.client.sourcesLoaded();
  });
  after(() => server.shutdown());

  async function actionsFor(uri: string, text: string, code: string, languageId = 'markdown'): Promise<{ diag: Diagnostic; actions: CodeAction[] }> {
    await server.open(uri, text, languageId);
    const published = await server.client.diagnosticsFor(uri, p => p.diagnostics.some(d => d.code === code));
    const diag = published.diagnostics.find(d => d.code === code)!;
    const actions = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    return { diag, actions };
  }

  const cases: [string, string, string, RegExp][] = [
    ['changed-figure', 'The leaders will work to achieve net zero emissions no later than 2040.\n', 'Restore the source\'s figure: "2050"', /no later than 2050\./],
    ['changed-actor', 'Prime Minister Trudeau condemned the arbitrary detention of Michael Kovrig and Michael Spavor and committed to work for their release.\n', 'Restore the source\'s actor: "President Biden"', /^President Biden condemned/],
    ['altered-name', 'Canada and the United States will enhance law enforcement collaboration by reestablishing the Cross-Forum on Border Crime.\n', 'Restore the official wording: "Cross-Border Crime Forum"', /the Cross-Border Crime Forum\./],
    ['negated', 'Both leaders declined to launch a High Level Climate Ministerial.\n', 'Restore what the source affirms: "agreed to launch"', /^Both leaders agreed to launch/],
    ['opposite', 'The Prime Minister and the President agreed to reduce cooperation on continental defense and in the Arctic.\n', 'Restore the source\'s action: "expand"', /agreed to expand cooperation/],
    ['overstated', 'The leaders reaffirmed the shared commitment to eliminating oil and gas methane emissions.\n', 'Restore the source\'s strength: "reducing"', /commitment to reducing oil/],
    ['misquote', 'The leaders said "the partnership between the United States and Canada endures because we invest in one another\'s success."\n', 'Replace with the official wording', /each other['’]s success/],
  ];
  cases.forEach(([code, text, title, after], i) => {
    it(`${code}: the quick fix restores the source's words and the finding goes`, async () => {
      const uri = `file:///drafts/fix-${i}.md`;
      const { actions } = await actionsFor(uri, text, code);
      const fix = actions.find(a => a.title === title);
      assert.ok(fix, `"${title}" among ${JSON.stringify(actions.map(a => a.title))}`);
      assert.equal(fix.isPreferred, true);
      const fixed = applyEdits(text, fix.edit!.changes![uri]);
      assert.match(fixed, after);
      await server.client.change(uri, 2, [{ text: fixed }]);
      const republished = await server.client.diagnosticsFor(uri, p => p.version === 2);
      assert.deepEqual(republished.diagnostics.filter(d => d.code === code), []);
    });
  });

  it('"Ignore here" in Markdown inserts the disable comment and the finding goes', async () => {
    const uri = 'file:///drafts/ignore.md';
    const text = '# Readout\n\nThe leaders will work to achieve net zero emissions no later than 2040.\n';
    const { actions } = await actionsFor(uri, text, 'changed-figure');
    const ignore = actions.find(a => a.title === 'Ignore "changed-figure" here');
    assert.ok(ignore, JSON.stringify(actions.map(a => a.title)));
    const fixed = applyEdits(text, ignore.edit!.changes![uri]);
    assert.equal(fixed, '# Readout\n\n<!-- verbatim-disable-next-line changed-figure -->\nThe leaders will work to achieve net zero emissions no later than 2040.\n');
    await server.client.change(uri, 2, [{ text: fixed }]);
    const republished = await server.client.diagnosticsFor(uri, p => p.version === 2);
    assert.deepEqual(republished.diagnostics, []);
  });

  it('"Ignore here" in plain text inserts a directive line and the finding goes', async () => {
    const uri = 'file:///drafts/ignore.txt';
    const text = 'Readout\n\nBoth leaders declined to launch a High Level Climate Ministerial.\n';
    const { actions } = await actionsFor(uri, text, 'negated', 'plaintext');
    const ignore = actions.find(a => a.title === 'Ignore "negated" here')!;
    const fixed = applyEdits(text, ignore.edit!.changes![uri]);
    assert.equal(fixed, 'Readout\n\nverbatim-disable-next-line negated\nBoth leaders declined to launch a High Level Climate Ministerial.\n');
    await server.client.change(uri, 2, [{ text: fixed }]);
    assert.deepEqual((await server.client.diagnosticsFor(uri, p => p.version === 2)).diagnostics, []);
  });
});

describe('rule pages: every diagnostic links its explanation', function () {
  this.timeout(20000);
  it('codeDescription.href is the shipped docs/rules/<code>.md, which explains that code', async () => {
    const server = await startServer({});
    try {
      await server.client.sourcesLoaded();
      const uri = 'file:///drafts/rules.md';
      await server.open(uri, 'The leaders will work to achieve net zero emissions no later than 2040.\n\nBoth leaders declined to launch a High Level Climate Ministerial.\n');
      const p = await server.client.diagnosticsFor(uri, x => x.diagnostics.length >= 2);
      for (const d of p.diagnostics) {
        const href = d.codeDescription?.href;
        assert.ok(href, `${d.code} has a codeDescription`);
        const file = decodeURIComponent(new URL(href).pathname);
        assert.ok(file.endsWith(`/docs/rules/${d.code}.md`), file);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        assert.match(require('node:fs').readFileSync(file, 'utf8'), new RegExp(`^# \`${d.code}\``));
      }
    } finally {
      await server.shutdown();
    }
  });
});
