/**
 * Quick fixes: a Verbatim diagnostic whose `data.fix` carries a replacement becomes a
 * `quickfix` code action that applies it.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { ServerContext } from '../server';
import type { DiagnosticData } from '../engine';
import { runSafe } from '../safe';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params, token) =>
    runSafe(ctx.connection.console, 'codeAction', params.textDocument.uri, [] as CodeAction[], token, async () => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      return params.context.diagnostics.filter(isFixable).map(d => toAction(params.textDocument.uri, d));
    }),
  );
}

function isFixable(d: Diagnostic): boolean {
  return d.source === 'verbatim' && !!(d.data as DiagnosticData | undefined)?.fix;
}

function toAction(uri: string, d: Diagnostic): CodeAction {
  const fix = (d.data as DiagnosticData).fix!;
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: true,
    edit: { changes: { [uri]: [{ range: fix.range, newText: fix.newText }] } },
  };
}
