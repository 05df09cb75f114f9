/** Requests behind the sources view and read-only bundled sources. */
import { InsertQuotationRequest, SourceContentRequest, SourceTreeRequest } from '../protocol';
import { LineIndex } from '../engine';
import { runSafe } from '../safe';
import type { ServerContext } from '../server';

export function registerSourcesView(ctx: ServerContext): void {
  const { connection, sources } = ctx;
  connection.onRequest(SourceTreeRequest, (params, token) =>
    runSafe(connection.console, 'source tree', params?.uri, [], token, async () => (await sources.engineFor(params?.uri)).sourceTree()),
  );
  connection.onRequest(SourceContentRequest, (params, token) =>
    runSafe(connection.console, 'source content', params.uri, null, token, async () => {
      const index = (await sources.engineFor(params.uri)).index;
      const doc = index.getDocumentByUri(params.uri) ?? index.documents.find(d => sameUri(d.uri, params.uri));
      return doc ? { text: doc.text } : null;
    }),
  );
  connection.onRequest(InsertQuotationRequest, (params, token) =>
    runSafe(connection.console, 'quotation', params.uri, null, token, async () => {
      const engine = await sources.engineFor(params.uri);
      const lines = new LineIndex(params.text);
      const edits = engine.quotationEdits(params.paragraphId, params.text, lines.offsetAt(lines.clamp(params.position)), params.style);
      return edits ? edits.map(e => ({ range: lines.rangeAt(e.start, e.end), newText: e.newText })) : null;
    }),
  );
}

/** Clients may percent-encode URIs differently (`verbatim-source:/a%20b.md`). */
function sameUri(a: string, b: string): boolean {
  const decode = (u: string) => {
    try {
      return decodeURIComponent(u).replace(/^([a-z-]+):\/\/\//, '$1:/');
    } catch {
      return u;
    }
  };
  return decode(a) === decode(b);
}
