/**
 * Completion of official wording (phrase continuation, official names, the `@@keyword`
 * search), ghost text (LSP 3.18 `textDocument/inlineCompletion`), and the custom
 * requests behind the Insert Commitment command. Never waits for sources to load:
 * without a loaded engine the answer is empty.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import { SEARCH_TRIGGER } from '../engine';
import { InsertCommitmentRequest, SearchCommitmentsRequest, type CommitmentSummary } from '../protocol';
import { runSafe } from '../safe';
import type { ServerContext } from '../server';

/** Capabilities to merge into the initialize result. */
export function completionCapabilities(): Pick<ServerCapabilities, 'completionProvider' | 'inlineCompletionProvider'> {
  return {
    // `@` for the `@@keyword` search; letters are completion triggers already.
    completionProvider: { triggerCharacters: [SEARCH_TRIGGER[0], ' '], resolveProvider: false },
    inlineCompletionProvider: true,
  };
}

export function registerCompletion(ctx: ServerContext): void {
  const { connection, documents, sources, settings } = ctx;

  connection.onCompletion((params, token) =>
    runSafe(connection.console, 'completion', params.textDocument.uri, null, token, async () => {
      const doc = documents.get(params.textDocument.uri);
      const engine = sources.currentEngineFor(params.textDocument.uri);
      if (!doc || !engine) return null;
      const { citationStyle } = await settings.get(doc.uri);
      return engine.complete({ text: doc.getText() }, params.position, { citationStyle }, token);
    }),
  );

  connection.languages.inlineCompletion.on((params, token) =>
    runSafe(connection.console, 'inline completion', params.textDocument.uri, null, token, async () => {
      const doc = documents.get(params.textDocument.uri);
      const engine = sources.currentEngineFor(params.textDocument.uri);
      if (!doc || !engine) return null;
      if (!(await settings.get(doc.uri)).inlineSuggestions) return null;
      const items = engine.inlineCompletions({ text: doc.getText() }, params.position, token);
      return { items: items.map(i => ({ insertText: i.insertText, range: i.range, filterText: i.insertText })) };
    }),
  );

  connection.onRequest(SearchCommitmentsRequest, (params, token) =>
    runSafe(connection.console, 'commitment search', params.uri, [] as CommitmentSummary[], token, async () => {
      const engine = await sources.engineFor(params.uri);
      return engine.searchCommitments(params.query, params.limit ?? 50, token).map(h => ({
        paragraphId: h.paragraph.id,
        sentenceIndex: h.sentenceIndex,
        text: h.text,
        label: h.paragraph.label,
        documentTitle: engine.index.getDocument(h.paragraph.documentId)?.title ?? h.paragraph.documentId,
        sectionTitle: h.paragraph.sectionTitle,
      }));
    }),
  );

  connection.onRequest(InsertCommitmentRequest, (params, token) =>
    runSafe(connection.console, 'insert commitment', params.uri, null, token, async () => {
      const doc = documents.get(params.uri);
      const engine = await sources.engineFor(params.uri);
      const paragraph = engine.index.getParagraph(params.paragraphId);
      if (!doc || !paragraph) return null;
      const { citationStyle } = await settings.get(doc.uri);
      return { edits: engine.insertCommitment({ text: doc.getText() }, params.position, paragraph, params.sentenceIndex, citationStyle) };
    }),
  );
}
