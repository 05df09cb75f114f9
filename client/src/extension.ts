/** Verbatim's VS Code extension: activation only; the wiring lives in client.ts. */
import type * as vscode from 'vscode';
import { VerbatimClient } from './client';

let client: VerbatimClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<VerbatimApi> {
  client = new VerbatimClient(context);
  await client.start();
  return { client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** What the extension exports, for its own end-to-end tests. */
export interface VerbatimApi {
  client(): VerbatimClient | undefined;
}
