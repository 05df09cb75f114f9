/**
 * Code actions on Verbatim's diagnostics: the quick fix a finding carries (`data.fix`), and
 * "Ignore here", which inserts the disable directive for that code on that line.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../server';
import { disableEdit, type DiagnosticData } from '../engine';
import { runSafe } from '../safe';

/** Extra actions another module adds per diagnostic (accepting the wording for the project). */
export type ActionProvider = (doc: TextDocument, d: Diagnostic) => Promise<CodeAction | undefined> | CodeAction | undefined;

export function registerCodeActions(ctx: ServerContext, extra: readonly ActionProvider[] = []): void {
  ctx.connection.onCodeAction((params, token) =>
    runSafe(ctx.connection.console, 'codeAction', params.textDocument.uri, [] as CodeAction[], token, async () => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return [];
      const actions: CodeAction[] = [];
      for (const d of params.context.diagnostics) {
        if (d.source !== 'verbatim' || typeof d.code !== 'string') continue;
        const fix = (d.data as DiagnosticData | undefined)?.fix;
        if (fix) actions.push(fixAction(doc.uri, d, fix));
        actions.push(ignoreAction(doc, d));
        for (const provide of extra) {
          const a = await provide(doc, d);
          if (a) actions.push(a);
        }
      }
      return actions;
    }),
  );
}

function fixAction(uri: string, d: Diagnostic, fix: NonNullable<DiagnosticData['fix']>): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: true,
    edit: { changes: { [uri]: [{ range: fix.range, newText: fix.newText }] } },
  };
}

/** The format of directive a document takes: plain text has no comments. */
export function directiveFormat(languageId: string, uri: string): 'markdown' | 'plaintext' {
  return languageId === 'plaintext' || /\.(?:txt|text)$/i.test(uri) ? 'plaintext' : 'markdown';
}

function ignoreAction(doc: TextDocument, d: Diagnostic): CodeAction {
  const text = doc.getText();
  const e = disableEdit(text, doc.offsetAt(d.range.start), String(d.code), directiveFormat(doc.languageId, doc.uri));
  return {
    title: `Ignore "${d.code}" here`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { changes: { [doc.uri]: [{ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }] } },
  };
}
