/** Quotation links: each quotation of four or more words that matches a source links to it. */
import type { DocumentLink } from 'vscode-languageserver';
import { runSafe } from '../safe';
import type { ServerContext } from '../server';

export function registerDocumentLinks(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks((params, token) =>
    runSafe(ctx.connection.console, 'document links', params.textDocument.uri, [], token, async (): Promise<DocumentLink[]> => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const engine = await ctx.sources.engineFor(doc.uri);
      if (engine.index.getDocumentByUri(doc.uri)) return []; // a source does not cite itself
      return engine.links(doc.getText(), token).map(link => ({
        range: { start: doc.positionAt(link.start), end: doc.positionAt(link.end) },
        target: link.target,
        tooltip: link.tooltip,
      }));
    }),
  );
}
