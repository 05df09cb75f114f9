// Assertions made from inside the real extension host through the vscode API.
// Not named *.test.js on purpose: it needs the vscode module, so the plain
// unit-test mocha run must never pick it up.
// VERBATIM_SELFTEST_BREAK=1 (inherited from the runner's environment) turns
// one assertion into a deliberately wrong one, to prove failures exit 1.
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'verbatim-test.verbatim-harness-selftest';
const WORKSPACE = path.join(__dirname, 'workspace');

// Resolve when `predicate()` is truthy, re-checking on each diagnostics
// change; reject after `timeoutMs`. No polling sleeps.
function waitForDiagnostics(uri, predicate, timeoutMs) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diags = vscode.languages.getDiagnostics(uri);
      if (predicate(diags)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(diags);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        check();
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no matching diagnostics for ${uri.fsPath} within ${timeoutMs} ms`));
    }, timeoutMs);
    check();
  });
}

suite('e2e harness selftest', () => {
  test('the workspace folder given to the runner is open', () => {
    const folders = vscode.workspace.workspaceFolders || [];
    assert.strictEqual(folders.length, 1, 'exactly one workspace folder');
    assert.strictEqual(folders[0].uri.fsPath, WORKSPACE);
  });

  test('the extension under development is installed and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not known to the extension host`);
    const api = await ext.activate();
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(typeof api.helloCalls, 'function');
  });

  test('its command is registered and runs', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('verbatimSelftest.hello'), 'command verbatimSelftest.hello is registered');
    const result = await vscode.commands.executeCommand('verbatimSelftest.hello', 'drafter');
    const expected = process.env.VERBATIM_SELFTEST_BREAK === '1' ? 'Deliberately wrong, to prove failures exit 1' : 'Hello, drafter!';
    assert.strictEqual(result, expected);
  });

  test('a Warning diagnostic is published for the placeholder', async () => {
    const uri = vscode.Uri.file(path.join(WORKSPACE, 'sample.md'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await waitForDiagnostics(uri, (d) => d.length > 0, 10000);
    assert.strictEqual(diags.length, 1);
    assert.strictEqual(diags[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(diags[0].code, 'selftest-placeholder');
    assert.strictEqual(diags[0].range.start.line, 2);
  });

  test('the hover provider answers on "Roadmap"', async () => {
    const uri = vscode.Uri.file(path.join(WORKSPACE, 'sample.md'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const col = doc.lineAt(2).text.indexOf('Roadmap') + 2;
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(2, col));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Selftest hover/);
  });
});
