/** Go to source: Go to Definition on quoted or restated words opens the source at them. */
import type { Location } from 'vscode-languageserver';
import { runSafe } from '../safe';
import type { ServerContext } from '../server';

export function registerDefinition(ctx: ServerContext): void {
  ctx.connection.onDefinition((params, token) =>
    runSafe(ctx.connection.console, 'definition', params.textDocument.uri, null, token, async (): Promise<Location | null> => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const engine = await ctx.sources.engineFor(doc.uri);
      const location = engine.definition(doc.getText(), doc.offsetAt(params.position), token);
      return location ? { uri: location.uri, range: location.range } : null;
    }),
  );
}
