/**
 * Rule pages: every Verbatim diagnostic links (its code) to the explanation of that code. The
 * server links the `docs/rules/<code>.md` file it ships; VS Code shows the same page, from the
 * text bundled in the extension, as a read-only `verbatim-rule:/<code>.md` document (Markdown,
 * readable offline and in remote windows, where the server's file path means nothing to the UI).
 */
import * as vscode from 'vscode';
// The rule texts only (generated from docs/rules), not the engine: the client bundle stays small.
import { RuleDocs } from '../../server/src/engine/rules';

function explainCode(code: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(RuleDocs, code) ? RuleDocs[code] : undefined;
}

export const RULE_SCHEME = 'verbatim-rule';

export function ruleUri(code: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${code}.md` });
}

export function registerRulePages(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_SCHEME, {
      provideTextDocumentContent(uri) {
        const code = uri.path.replace(/^\//, '').replace(/\.md$/, '');
        return explainCode(code) ?? `# ${code}\n\nVerbatim has no explanation of this code.\n`;
      },
    }),
  );
}

/** The diagnostic with its code's link pointing at the rule page VS Code can show. */
export function linkRulePage(d: vscode.Diagnostic): vscode.Diagnostic {
  if (d.source !== 'verbatim') return d;
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  if (typeof code !== 'string' || !explainCode(code)) return d;
  d.code = { value: code, target: ruleUri(code) };
  return d;
}
