/**
 * Push diagnostics: debounced per document, stale versions dropped, refreshed when
 * settings or sources change. A check runs a slice at a time (requests are answered in
 * between) and a newer version of the document cancels it: no request waits on a check
 * whose result would be stale.
 */
import { CancellationTokenSource } from 'vscode-languageserver';
import { ruleHref } from '../ruleDocs';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, checkInSlices } from '../engine';
import type { ServerContext } from '../server';
import { noteActivity, pause, serverSlicing } from '../slices';
import { fileURLToPath } from 'node:url';
import { ignoreMatcher } from '../projectFile';
import type { VerbatimSettings } from '../settings';

/** True when the project file's `ignore` names this draft. */
export function isIgnored(settings: VerbatimSettings, uri: string): boolean {
  if (!settings.project?.ignore.length || !uri.startsWith('file:')) return false;
  return ignoreMatcher(settings.project)(fileURLToPath(uri));
}

export function registerDiagnostics(ctx: ServerContext): { refreshAll(): void } {
  const { connection, documents } = ctx;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, CancellationTokenSource>();
  const published = new Set<string>();

  const cancelRunning = (uri: string) => {
    running.get(uri)?.cancel();
    running.delete(uri);
  };

  const schedule = async (doc: TextDocument, immediate = false) => {
    const existing = timers.get(doc.uri);
    if (existing) clearTimeout(existing);
    cancelRunning(doc.uri);
    const settings = await ctx.settings.get(doc.uri);
    const delay = immediate ? 0 : settings.diagnosticsDelay;
    const again = timers.get(doc.uri);
    if (again) clearTimeout(again);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        void validate(doc.uri, doc.version);
      }, delay),
    );
  };

  const validate = async (uri: string, version: number) => {
    const cancellation = new CancellationTokenSource();
    cancelRunning(uri);
    running.set(uri, cancellation);
    try {
      const engine = await ctx.sources.engineFor(uri);
      const doc = documents.get(uri);
      if (!doc || doc.version !== version || cancellation.token.isCancellationRequested) return; // a newer edit will be checked instead
      if (ctx.sources.isSourceUri(uri)) {
        // A source document is not a draft: it trivially agrees with itself.
        if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      const settings = await ctx.settings.get(uri);
      // Let the messages already received go first: in a burst of edits, each edit cancels
      // the check of the one before, which then never starts instead of analysing a paragraph
      // that is already stale.
      await pause();
      if (cancellation.token.isCancellationRequested) return;
      const diagnostics = isIgnored(settings, uri)
        ? []
        : await checkInSlices(
            engine,
            { uri, text: doc.getText(), version, languageId: doc.languageId },
            { severity: settings.severity, reportUnsourcedQuotes: settings.reportUnsourcedQuotes, accepted: settings.accepted, ruleHref },
            cancellation.token,
            serverSlicing,
          );
      if (documents.get(uri)?.version !== version || cancellation.token.isCancellationRequested) return;
      published.add(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (e) {
      if (e instanceof CancelledError) return;
      connection.console.error(`Error while checking ${uri}: ${(e as Error)?.stack ?? String(e)}`);
    } finally {
      if (running.get(uri) === cancellation) running.delete(uri);
      cancellation.dispose();
    }
  };

  documents.onDidOpen(e => void schedule(e.document, true));
  documents.onDidChangeContent(e => {
    noteActivity();
    void schedule(e.document);
  });
  documents.onDidClose(e => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    cancelRunning(e.document.uri);
    if (published.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  return {
    refreshAll() {
      for (const doc of documents.all()) void schedule(doc, true);
    },
  };
}
