/**
 * A real LSP client for protocol tests: spawns `bin/verbatim-language-server.js --stdio`
 * and talks JSON-RPC to it over the child's stdio, as any editor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  type ClientCapabilities,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';
import { repoRoot } from './corpus';

export interface TestClientOptions {
  /** Settings answered to `workspace/configuration` (section `verbatim`). Omit to not advertise the capability. */
  readonly settings?: Record<string, unknown>;
  readonly workspaceFolder?: string;
  readonly initializationOptions?: unknown;
  /** Advertise `workspace/configuration` but answer null for every section (as Neovim does for an unknown one). */
  readonly answerNullConfiguration?: boolean;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { test: () => boolean; resolve: () => void }[] = [];
  readonly statuses: StatusParams[] = [];
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  settings: Record<string, unknown> | undefined;
  initializeResult: InitializeResult | undefined;
  /** Resolves with the server's exit code when its process ends. */
  readonly exited: Promise<number | null>;
  /** Called with every diagnostics publication as it arrives. */
  readonly onPublish: ((p: PublishDiagnosticsParams) => void)[] = [];

  constructor(private readonly options: TestClientOptions = {}) {
    this.settings = options.settings;
    this.child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'verbatim-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', d => this.stderr.push(String(d)));
    this.exited = new Promise(resolve => this.child.once('exit', code => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, p => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      for (const f of this.onPublish) f(p);
      this.poke();
    });
    this.connection.onNotification(StatusNotification, s => {
      this.statuses.push(s);
      this.poke();
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onRequest(ConfigurationRequest.type, params =>
      params.items.map(item => (item.section === 'verbatim' && !options.answerNullConfiguration ? (this.settings ?? {}) : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const folder = this.options.workspaceFolder;
    const capabilities: ClientCapabilities = {
      workspace: { configuration: this.options.settings !== undefined || this.options.answerNullConfiguration === true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        synchronization: { dynamicRegistration: false },
        completion: { completionItem: { snippetSupport: true } },
        inlineCompletion: {},
      },
    };
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? pathToUri(folder) : null,
      workspaceFolders: folder ? [{ uri: pathToUri(folder), name: path.basename(folder) }] : null,
      capabilities,
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  /** Waits until the server reports loaded sources. */
  async sourcesLoaded(timeoutMs = 8000): Promise<StatusParams> {
    await this.until(() => this.statuses.some(s => !s.loading && s.sources.length > 0), timeoutMs, 'sources to load');
    return this.statuses.filter(s => !s.loading).pop()!;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes.map(c => (c.range ? { range: c.range, text: c.text } : { text: c.text })),
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Waits for a diagnostics publication for `uri` satisfying `test` (by default: any). */
  async diagnosticsFor(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 8000): Promise<PublishDiagnosticsParams> {
    let found: PublishDiagnosticsParams | undefined;
    await this.until(
      () => {
        found = (this.diagnostics.get(uri) ?? []).find(test);
        return found !== undefined;
      },
      timeoutMs,
      `diagnostics for ${uri}`,
    );
    return found!;
  }

  /** Every diagnostics publication received for `uri` so far, in order. */
  publishedFor(uri: string): readonly PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  async shutdown(): Promise<number | null> {
    const exited = this.exited;
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  private until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Server stderr: ${this.stderr.join('')}`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  private poke(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].test()) {
        const [w] = this.waiters.splice(i, 1);
        w.resolve();
      }
    }
  }
}

export function pathToUri(p: string): string {
  return 'file://' + p.split(path.sep).map(encodeURIComponent).join('/');
}

/** A started server with a minimal request API (for feature protocol tests). */
export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly initializeResult: InitializeResult;
  readonly client: TestClient;
  /** Opens a document (didOpen), Markdown by default. */
  open(uri: string, text: string, languageId?: string): Promise<void>;
  /** Sends a request; `type` is a typed RequestType or a method name. */
  request<R>(type: string | { method: string }, params?: unknown): Promise<R>;
  shutdown(): Promise<void>;
}

/** Starts and initializes the server with `settings` pushed as initializationOptions. */
export async function startServer(settings: Record<string, unknown> = {}): Promise<TestServer> {
  const client = new TestClient({ initializationOptions: { settings } });
  const initializeResult = await client.initialize();
  return {
    connection: client.connection,
    initializeResult,
    client,
    open: (uri, text, languageId = 'markdown') => client.open(uri, text, languageId),
    request: <R>(type: string | { method: string }, params?: unknown) => client.connection.sendRequest(typeof type === 'string' ? type : type.method, params) as Promise<R>,
    shutdown: async () => {
      await client.shutdown();
    },
  };
}
