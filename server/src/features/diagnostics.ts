/**
 * Push diagnostics: debounced per document, stale versions dropped, refreshed when
 * settings or sources change.
 */
import { ruleHref } from '../ruleDocs';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../server';
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
  const published = new Set<string>();

  const schedule = async (doc: TextDocument, immediate = false) => {
    const existing = timers.get(doc.uri);
    if (existing) clearTimeout(existing);
    const settings = await ctx.settings.get(doc.uri);
    const delay = immediate ? 0 : settings.diagnosticsDelay;
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        void validate(doc.uri, doc.version);
      }, delay),
    );
  };

  const validate = async (uri: string, version: number) => {
    try {
      const engine = await ctx.sources.engineFor(uri);
      const doc = documents.get(uri);
      if (!doc || doc.version !== version) return; // a newer edit will be checked instead
      if (ctx.sources.isSourceUri(uri)) {
        // A source document is not a draft: it trivially agrees with itself.
        if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      const settings = await ctx.settings.get(uri);
      const diagnostics = isIgnored(settings, uri)
        ? []
        : engine.check({ uri, text: doc.getText(), version, languageId: doc.languageId }, { severity: settings.severity, reportUnsourcedQuotes: settings.reportUnsourcedQuotes, accepted: settings.accepted, ruleHref });
      if (documents.get(uri)?.version !== version) return;
      published.add(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (e) {
      connection.console.error(`Error while checking ${uri}: ${(e as Error)?.stack ?? String(e)}`);
    }
  };

  documents.onDidOpen(e => void schedule(e.document, true));
  documents.onDidChangeContent(e => void schedule(e.document));
  documents.onDidClose(e => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    if (published.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  return {
    refreshAll() {
      for (const doc of documents.all()) void schedule(doc, true);
    },
  };
}
