/** Helpers for end-to-end tests: wait on events with timeouts, never on fixed sleeps. */
import * as vscode from 'vscode';
import type { VerbatimApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'verbatim.verbatim';

export async function activate(): Promise<VerbatimApi> {
  const ext = vscode.extensions.getExtension<VerbatimApi>(EXTENSION_ID);
  if (!ext) throw new Error(`Extension ${EXTENSION_ID} is not installed in this editor.`);
  return ext.activate();
}

export function workspaceFile(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The end-to-end tests need the fixture workspace open.');
  return vscode.Uri.joinPath(folder.uri, rel);
}

/** Resolves when `test()` holds, re-evaluated on every `event`; rejects after `ms`. */
export function waitFor<T>(event: vscode.Event<unknown>, test: () => T | undefined | false, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const now = test();
    if (now) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}.`));
    }, ms);
    const sub = event(() => {
      const v = test();
      if (v) {
        clearTimeout(timer);
        sub.dispose();
        resolve(v);
      }
    });
  });
}

/** Waits until Verbatim's diagnostics on `uri` satisfy `test`. */
export function diagnosticsOn(uri: vscode.Uri, test: (d: vscode.Diagnostic[]) => boolean, ms = 15000): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter(d => d.source === 'verbatim');
  return waitFor(vscode.languages.onDidChangeDiagnostics, () => (test(ours()) ? ours() : undefined), ms, `diagnostics on ${uri.path}`);
}

/** Polls a request that has no event (the server may still be indexing) until it yields. */
export async function eventually<T>(fn: () => Thenable<T | undefined>, accept: (v: T) => boolean, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await fn();
    if (last !== undefined && accept(last)) return last;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${ms} ms waiting for ${what}; last result: ${JSON.stringify(last)?.slice(0, 300)}`);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap(h => h.contents)
    .map(c => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** A diagnostic's code as a string: VS Code gives `{ value, target }` when the code links its rule page. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' ? String(c.value) : c === undefined ? undefined : String(c);
}
