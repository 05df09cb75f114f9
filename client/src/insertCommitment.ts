/**
 * `Verbatim: Insert Commitment…`: a quick pick that searches every commitment by its
 * words (through the server's `verbatim/searchCommitments`) and inserts the chosen
 * official sentence as a quotation, cited per `verbatim.citationStyle`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { InsertCommitmentRequest, SearchCommitmentsRequest, type CommitmentSummary } from '../../server/src/protocol';

interface Item extends vscode.QuickPickItem {
  readonly hit: CommitmentSummary;
}

export function registerInsertCommitment(getClient: () => LanguageClient | undefined): vscode.Disposable {
  // An optional query pre-fills the search (for keybindings such as `{"args": "methane"}`).
  return vscode.commands.registerCommand('verbatim.insertCommitment', async (initialQuery?: unknown) => {
    const client = getClient();
    const editor = vscode.window.activeTextEditor;
    if (!client || !editor) {
      void vscode.window.showInformationMessage('Verbatim: open a draft to insert a commitment into.');
      return;
    }
    const uri = editor.document.uri.toString();
    const pick = vscode.window.createQuickPick<Item>();
    pick.title = 'Verbatim: Insert Commitment';
    pick.placeholder = 'Search the commitments by their words, e.g. methane, net zero, opioids';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    let generation = 0;
    const search = async (query: string) => {
      const mine = ++generation;
      if (query.trim().length < 2) {
        pick.items = [];
        return;
      }
      pick.busy = true;
      try {
        const hits = await client.sendRequest(SearchCommitmentsRequest, { uri, query, limit: 50 });
        if (mine !== generation) return;
        // The server ranks; keep its order even when the quick pick's own filter disagrees.
        pick.items = hits.map(hit => ({ label: hit.text, description: hit.sectionTitle, detail: hit.label, alwaysShow: true, hit }));
      } finally {
        if (mine === generation) pick.busy = false;
      }
    };
    const chosen = await new Promise<Item | undefined>(resolve => {
      pick.onDidChangeValue(v => void search(v));
      // Enter before the results arrive keeps the picker open rather than closing it empty-handed.
      pick.onDidAccept(() => {
        if (pick.selectedItems[0]) resolve(pick.selectedItems[0]);
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
      if (typeof initialQuery === 'string' && initialQuery.trim()) {
        pick.value = initialQuery;
        void search(initialQuery);
      }
    });
    pick.dispose();
    if (!chosen) return;
    const position = editor.selection.active;
    const result = await client.sendRequest(InsertCommitmentRequest, {
      uri,
      position: { line: position.line, character: position.character },
      paragraphId: chosen.hit.paragraphId,
      sentenceIndex: chosen.hit.sentenceIndex,
    });
    if (!result) return;
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) {
      edit.replace(editor.document.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
    await vscode.workspace.applyEdit(edit);
  });
}
