/**
 * The Verbatim language server: capabilities, settings, sources and feature
 * registration. Transport-independent; `node.ts` connects it to stdio or IPC.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerCommands } from './commands';
import { registerCodeActions } from './features/codeActions';
import { acceptActionProvider, registerAccept } from './features/accept';
import { projectProblemDiagnostics, staleAcceptanceDiagnostics } from './projectDiagnostics';
import { PROJECT_FILE_NAME } from './projectFile';
import { pathToFileURL } from 'node:url';
import { registerConsistency } from './features/consistency';
import { registerDiagnostics } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerDefinition } from './features/definition';
import { registerDocumentLinks } from './features/documentLinks';
import { registerSourcesView } from './features/sourcesView';
import { completionCapabilities, registerCompletion } from './features/completion';
import { ReloadSourcesRequest, SourcesRequest, StatusNotification, WorkspaceTrustNotification, type VerbatimInitializationOptions } from './protocol';
import { packageVersion } from './packageInfo';
import { runSafe } from './safe';
import { SettingsCache } from './settings';
import { WorkspaceSources } from './workspaceSources';

/** What feature modules get: the connection and the shared server state. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly settings: SettingsCache;
  readonly sources: WorkspaceSources;
  /** Where features register their `workspace/executeCommand` commands. */
  readonly commands: ServerCommands;
}

export const SERVER_VERSION: string = packageVersion();

export function startServer(connection: Connection): void {
  // Route console output to the client's output channel instead of stdout (which is the LSP stream on stdio).
  console.log = connection.console.log.bind(connection.console);
  console.error = connection.console.error.bind(connection.console);

  const documents = new TextDocuments(TextDocument);
  let canPullSettings = false;
  let canWatchDynamically = false;
  let folders: { uri: string; name: string }[] = [];
  const settings = new SettingsCache(connection, () => canPullSettings);
  const sources = new WorkspaceSources(connection, settings);
  settings.setProjectLookup(uri => sources.projectFor(uri));
  const commands = new ServerCommands();
  const ctx: ServerContext = { connection, documents, settings, sources, commands };
  let acceptCommand: string | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullSettings = params.capabilities.workspace?.configuration === true;
    canWatchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const init = params.initializationOptions as VerbatimInitializationOptions | undefined;
    if (init?.settings !== undefined) settings.setPushed(init.settings);
    sources.setTrusted(init?.workspaceTrusted !== false);
    acceptCommand = typeof init?.acceptCommand === 'string' ? init.acceptCommand : undefined;
    folders = [...(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []))];
    sources.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        hoverProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: commands.names },
        ...completionCapabilities(),
      },
      serverInfo: { name: 'verbatim-language-server', version: SERVER_VERSION },
    };
  });

  const diagnostics = registerDiagnostics(ctx);
  registerHover(ctx);
  registerDefinition(ctx);
  registerDocumentLinks(ctx);
  registerSourcesView(ctx);
  registerCodeActions(ctx, [acceptActionProvider(ctx, () => acceptCommand)]);
  registerAccept(ctx);
  registerCompletion(ctx);
  registerConsistency(ctx);
  commands.listen(connection);

  const publishStatus = () => void connection.sendNotification(StatusNotification, sources.status());
  // Problems in a project file and its stale acceptances, as diagnostics on the file itself.
  const projectDiagnostics = new Set<string>();
  const publishProjectDiagnostics = async (folderKey: string) => {
    const project = sources.projectFor(folderKey || undefined);
    const engine = sources.currentEngineFor(folderKey || undefined);
    const uri = pathToFileURL(`${sources.folderPathFor(folderKey || undefined) ?? ''}/${PROJECT_FILE_NAME}`).href;
    if (!project || !engine) {
      if (projectDiagnostics.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const diags = [...projectProblemDiagnostics(project), ...(project.malformed ? [] : staleAcceptanceDiagnostics(engine.index, project))];
    projectDiagnostics.add(uri);
    void connection.sendDiagnostics({ uri: pathToFileURL(project.file).href, diagnostics: diags });
  };
  sources.onDidLoad(folderKey => {
    publishStatus();
    diagnostics.refreshAll();
    void publishProjectDiagnostics(folderKey);
  });

  connection.onInitialized(async () => {
    if (canPullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'verbatim' });
    if (canWatchDynamically) {
      // Any Markdown or text file may be a user source; the handler filters by folder.
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,markdown,txt,text}' }, { globPattern: `**/${PROJECT_FILE_NAME}` }],
      });
    }
    connection.workspace.onDidChangeWorkspaceFolders(e => {
      folders = [...folders.filter(f => !e.removed.some(r => r.uri === f.uri)), ...e.added];
      sources.setFolders(folders);
      void sources.reload();
    });
    await sources.reload();
  });

  connection.onDidChangeConfiguration(change => {
    const pushed = (change.settings as { verbatim?: unknown } | undefined)?.verbatim;
    if (!canPullSettings && pushed !== undefined) settings.setPushed(pushed);
    settings.clear();
    void sources.reload();
  });

  connection.onNotification(WorkspaceTrustNotification, params => {
    sources.setTrusted(params?.trusted !== false);
    sources.forgetProjects();
    settings.clear();
    void sources.reload();
  });

  let reloadTimer: NodeJS.Timeout | undefined;
  const pendingFolders = new Set<string>();
  connection.onDidChangeWatchedFiles(params => {
    // The project file changed: its settings, sources and acceptances apply to every folder's checks.
    if (params.changes.some(c => c.uri.endsWith(`/${PROJECT_FILE_NAME}`))) {
      sources.forgetProjects();
      settings.clear();
      void sources.reload();
      return;
    }
    for (const change of params.changes) {
      if (change.type === FileChangeType.Changed && !sources.isKnownSource(change.uri)) continue;
      for (const key of sources.foldersAffectedBy(change.uri)) pendingFolders.add(key);
    }
    if (!pendingFolders.size) return;
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      const keys = [...pendingFolders];
      pendingFolders.clear();
      void sources.reload(keys);
    }, 200);
  });

  connection.onRequest(SourcesRequest, (params, token) =>
    runSafe(connection.console, 'sources', params?.uri, sources.status(params?.uri), token, async () => {
      await sources.engineFor(params?.uri);
      return sources.status(params?.uri);
    }),
  );
  connection.onRequest(ReloadSourcesRequest, async token =>
    runSafe(connection.console, 'reload', undefined, sources.status(), token, async () => {
      await sources.reload();
      return sources.status();
    }),
  );

  documents.listen(connection);
  connection.listen();
}
