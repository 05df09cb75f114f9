/**
 * Opens bundled sources read-only: documents under the `verbatim-source` scheme get
 * their text from the server (`verbatim/sourceContent`), so go to source and the
 * sources view can show the exact file the server indexed.
 */
import * as vscode from 'vscode';
import { SourceContentRequest } from '../../server/src/protocol';
import type { VerbatimClient } from './client';

export const SOURCE_SCHEME = 'verbatim-source';

export function registerSourceContent(context: vscode.ExtensionContext, verbatim: VerbatimClient): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri, token) {
      const client = verbatim.client;
      if (!client) return 'The Verbatim server is not running, so this source cannot be shown.';
      const result = await client.sendRequest(SourceContentRequest, { uri: uri.toString(true) }, token);
      return result?.text ?? `This source is no longer indexed: ${uri.toString(true)}`;
    },
  };
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_SCHEME, provider),
    // Sources may be reloaded (e.g. after a Verbatim update); refresh any open copy.
    verbatim.onDidChangeStatus(status => {
      if (status.loading) return;
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === SOURCE_SCHEME) changed.fire(doc.uri);
    }),
  );
}
