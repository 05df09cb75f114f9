/**
 * Completion of official wording (phrase continuation, official names, the `@@keyword`
 * search), ghost text (LSP 3.18 `textDocument/inlineCompletion`), and the custom
 * requests behind the Insert Commitment command.
 *
 * What typing brings up follows `verbatim.suggestions` (or the project file's `suggestions`
 * beneath it), and nothing while the client has paused suggestions
 * ({@link PauseSuggestionsNotification}); the `@@` search answers in every mode.
 *
 * A request that arrives while the sources are still loading (the first keystrokes after
 * start) waits for them for up to {@link LOAD_WAIT_MS}; if they are not there by then the
 * answer is an empty list marked incomplete, so the editor asks again as the drafter types.
 */
import { pathToFileURL } from 'node:url';
import type { ServerCapabilities } from 'vscode-languageserver';
import { SEARCH_TRIGGER, type Engine, type SuggestionsMode } from '../engine';
import { ADD_FOOTNOTE_COMMAND, InsertCommitmentRequest, PauseSuggestionsNotification, SearchCommitmentsRequest, SuggestionsModeRequest, type CommitmentSummary, type SuggestionsModeResult } from '../protocol';
import { runSafe } from '../safe';
import type { ServerContext } from '../server';

/** How long a completion request waits for sources that are still loading. */
export const LOAD_WAIT_MS = 3000;

/** Capabilities to merge into the initialize result (the footnote command is listed with the server's commands). */
export function completionCapabilities(): Pick<ServerCapabilities, 'completionProvider' | 'inlineCompletionProvider'> {
  return {
    // `@` for the `@@keyword` search; space for the next words of an official phrase.
    completionProvider: { triggerCharacters: [SEARCH_TRIGGER[0], ' '], resolveProvider: false },
    inlineCompletionProvider: true,
  };
}

export function registerCompletion(ctx: ServerContext): void {
  const { connection, documents, sources, settings } = ctx;
  let paused = false;

  connection.onNotification(PauseSuggestionsNotification, params => {
    paused = params?.paused === true;
  });

  /** The engine, waiting a little for sources that are loading; undefined if they take longer. */
  const engineSoon = async (uri: string): Promise<Engine | undefined> => {
    const now = sources.currentEngineFor(uri);
    if (now) return now;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>(resolve => (timer = setTimeout(() => resolve(undefined), LOAD_WAIT_MS)));
    try {
      return await Promise.race([sources.engineFor(uri), late]);
    } finally {
      clearTimeout(timer);
    }
  };

  const modeFor = (setting: SuggestionsMode): SuggestionsMode => (paused ? 'off' : setting);

  // The mode in effect, for the status bar: the editor's setting, else the project file's.
  connection.onRequest(SuggestionsModeRequest, (params, token) =>
    runSafe(connection.console, 'suggestions mode', params?.uri, { mode: 'all', from: 'settings' } as SuggestionsModeResult, token, async () => {
      const { suggestions, project } = await settings.get(params.uri);
      const fromProject = project && !project.malformed && project.suggestions === suggestions;
      return fromProject ? { mode: suggestions, from: 'project', projectFile: pathToFileURL(project.file).href } : { mode: suggestions, from: 'settings' };
    }),
  );

  connection.onCompletion((params, token) =>
    runSafe(connection.console, 'completion', params.textDocument.uri, null, token, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const engine = await engineSoon(doc.uri);
      if (!engine) return { isIncomplete: true, items: [] };
      const { citationStyle, suggestions } = await settings.get(doc.uri);
      return engine.complete({ text: doc.getText() }, params.position, { citationStyle, suggestions: modeFor(suggestions) }, token);
    }),
  );

  connection.languages.inlineCompletion.on((params, token) =>
    runSafe(connection.console, 'inline completion', params.textDocument.uri, null, token, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const { citationStyle, suggestions, inlineSuggestions } = await settings.get(doc.uri);
      if (!inlineSuggestions || modeFor(suggestions) === 'off') return null;
      const engine = await engineSoon(doc.uri);
      if (!engine) return null;
      const items = engine.inlineCompletions({ text: doc.getText() }, params.position, { citationStyle, suggestions: modeFor(suggestions) }, token);
      return {
        items: items.map(i => ({
          insertText: i.insertText,
          range: i.range,
          filterText: i.insertText,
          command: i.footnoteFor ? { title: 'Define the footnote', command: ADD_FOOTNOTE_COMMAND, arguments: [doc.uri, i.footnoteFor] } : undefined,
        })),
      };
    }),
  );

  // After ghost text with a footnote reference is accepted: add the footnote's definition.
  ctx.commands.register(ADD_FOOTNOTE_COMMAND, ([uri, paragraphId], token) =>
    runSafe(connection.console, 'define footnote', typeof uri === 'string' ? uri : undefined, null, token, async () => {
      const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
      if (!doc || typeof paragraphId !== 'string') return null;
      const engine = await sources.engineFor(doc.uri);
      const edits = engine.footnoteDefinition({ text: doc.getText() }, paragraphId);
      if (edits.length) await connection.workspace.applyEdit({ label: 'Define the footnote', edit: { changes: { [doc.uri]: edits } } });
      return null;
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
