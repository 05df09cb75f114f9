/**
 * A small LSP client for protocol tests: starts the real server
 * (`node bin/verbatim-language-server.js --stdio`, after `npm run build`) and speaks
 * JSON-RPC to it. Self-contained on purpose; replaceable by a shared helper.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest, ShutdownRequest, type InitializeResult } from 'vscode-languageserver-protocol';
import { repoRoot } from './corpus';

export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly initializeResult: InitializeResult;
  /** Opens a document (didOpen) with language `markdown`. */
  open(uri: string, text: string, languageId?: string): Promise<void>;
  /** Sends a request; `type` is a typed RequestType or a method name. */
  request<R>(type: string | { method: string }, params?: unknown): Promise<R>;
  shutdown(): Promise<void>;
}

/** Starts the server; `settings` are pushed as initializationOptions (no workspace/configuration). */
export async function startServer(settings: Record<string, unknown> = {}): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'bin', 'verbatim-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } }, inlineCompletion: {} } },
    initializationOptions: { settings },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    initializeResult,
    async open(uri, text, languageId = 'markdown') {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    },
    request<R>(type: string | { method: string }, params?: unknown): Promise<R> {
      return connection.sendRequest(typeof type === 'string' ? type : type.method, params) as Promise<R>;
    },
    async shutdown() {
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } finally {
        connection.dispose();
        if (child.exitCode === null) child.kill();
      }
    },
  };
}
