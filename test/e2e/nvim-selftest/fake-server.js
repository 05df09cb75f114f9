#!/usr/bin/env node
// A deliberately small stdio language server, only to prove that
// scripts/nvim/check.lua drives a real LSP client correctly before the real
// Verbatim server exists. It uses the same vscode-languageserver package.
//   - publishes one Warning diagnostic (code "unverified-quote") per
//     "TODO-QUOTE" in a document;
//   - answers hover on the word "Roadmap";
//   - offers two completion items.
// FAKE_SERVER_CRASH=1 makes it exit at once (to test start-up failures).
'use strict';
if (process.env.FAKE_SERVER_CRASH === '1') {
  process.stderr.write('fake-server: crashing on purpose (FAKE_SERVER_CRASH=1)\n');
  process.exit(3);
}

const {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DiagnosticSeverity,
  CompletionItemKind,
  MarkupKind,
} = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection(ProposedFeatures.all); // --stdio from argv
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['"'] },
  },
  serverInfo: { name: 'verbatim-fake-server', version: '0.0.1' },
}));

function validate(doc) {
  const text = doc.getText();
  const diagnostics = [];
  const re = /TODO-QUOTE/g;
  let m;
  while ((m = re.exec(text))) {
    diagnostics.push({
      severity: DiagnosticSeverity.Warning,
      range: { start: doc.positionAt(m.index), end: doc.positionAt(m.index + m[0].length) },
      message: 'Unverified quotation placeholder',
      source: 'verbatim-fake',
      code: 'unverified-quote',
    });
  }
  connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
}
documents.onDidOpen((e) => validate(e.document));
documents.onDidChangeContent((e) => validate(e.document));

connection.onHover(({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  if (!doc) return null;
  const line = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  const re = /[A-Za-z-]+/g;
  let m;
  while ((m = re.exec(line))) {
    if (position.character >= m.index && position.character <= m.index + m[0].length && m[0] === 'Roadmap') {
      return {
        contents: { kind: MarkupKind.Markdown, value: '**Roadmap** (fake source): "We will publish the Roadmap."' },
        range: { start: { line: position.line, character: m.index }, end: { line: position.line, character: m.index + m[0].length } },
      };
    }
  }
  return null;
});

connection.onCompletion(() => [
  { label: 'Roadmap to Net Zero', kind: CompletionItemKind.Text, detail: 'fake commitment 1' },
  { label: 'Clean Air Strategy', kind: CompletionItemKind.Text, detail: 'fake commitment 2' },
]);

documents.listen(connection);
connection.listen();
