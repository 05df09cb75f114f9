/** Hover citations: the source paragraph behind the words under the cursor. */
import type { Hover } from 'vscode-languageserver';
import { runSafe } from '../safe';
import type { ServerContext } from '../server';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover((params, token) =>
    runSafe(ctx.connection.console, 'hover', params.textDocument.uri, null, token, async (): Promise<Hover | null> => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const engine = await ctx.sources.engineFor(doc.uri);
      const hover = engine.hover(doc.getText(), doc.offsetAt(params.position), token);
      if (!hover) return null;
      return { contents: { kind: 'markdown', value: hover.markdown }, range: { start: doc.positionAt(hover.start), end: doc.positionAt(hover.end) } };
    }),
  );
}
