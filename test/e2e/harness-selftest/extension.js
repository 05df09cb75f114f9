// Minimal extension for the e2e harness selftest. Plain CommonJS, no build.
// It exercises what the real-editor harness must observe: activation, a
// command, a Warning diagnostic (squiggle + Problems row) and a hover.
'use strict';
const vscode = require('vscode');

const PLACEHOLDER = 'TODO-QUOTE';
let helloCalls = 0;

function placeholderDiagnostics(document) {
  const diagnostics = [];
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    let at = text.indexOf(PLACEHOLDER);
    while (at !== -1) {
      const range = new vscode.Range(line, at, line, at + PLACEHOLDER.length);
      const d = new vscode.Diagnostic(range, 'Unverified quotation placeholder', vscode.DiagnosticSeverity.Warning);
      d.source = 'verbatim-selftest';
      d.code = 'selftest-placeholder';
      diagnostics.push(d);
      at = text.indexOf(PLACEHOLDER, at + PLACEHOLDER.length);
    }
  }
  return diagnostics;
}

function activate(context) {
  const collection = vscode.languages.createDiagnosticCollection('verbatim-selftest');
  const refresh = (document) => {
    if (document.languageId === 'markdown') {
      collection.set(document.uri, placeholderDiagnostics(document));
    }
  };
  vscode.workspace.textDocuments.forEach(refresh);
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => refresh(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    vscode.languages.registerHoverProvider('markdown', {
      provideHover(document, position) {
        const range = document.getWordRangeAtPosition(position, /[A-Za-z-]+/);
        if (!range || document.getText(range) !== 'Roadmap') {
          return undefined;
        }
        return new vscode.Hover(new vscode.MarkdownString('**Selftest hover:** the Roadmap source'), range);
      },
    }),
    vscode.commands.registerCommand('verbatimSelftest.hello', (name = 'world') => {
      helloCalls++;
      const message = `Hello, ${name}!`;
      vscode.window.showInformationMessage(`Verbatim selftest: ${message}`);
      return message;
    })
  );
  return { helloCalls: () => helloCalls };
}

function deactivate() {}

module.exports = { activate, deactivate };
