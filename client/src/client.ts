/**
 * Starts the Verbatim language server and connects VS Code to it: the language
 * client, the output channel, the status bar and the commands.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ReloadSourcesRequest, StatusNotification, WorkspaceTrustNotification, type StatusParams, type SuggestionsModeResult, type VerbatimInitializationOptions } from '../../server/src/protocol';
import { StatusBar } from './statusBar';
import { registerSourceContent } from './sourceContent';
import { registerSourcesView } from './sourcesView';
import { registerInsertCommitment } from './insertCommitment';
import { registerConsistency } from './consistency';
import { ACCEPT_COMMAND, registerAccept } from './accept';
import { linkRulePage, registerRulePages } from './rulePages';
import { SuggestionsToggle } from './suggestionsToggle';

const DEFAULT_LANGUAGES = ['markdown', 'plaintext'];

export class VerbatimClient {
  readonly output: vscode.LogOutputChannel;
  private languageClient: LanguageClient | undefined;
  private readonly statusBar: StatusBar;
  private readonly suggestions: SuggestionsToggle;
  private lastStatus: StatusParams | undefined;
  private readonly statusListeners = new Set<(s: StatusParams) => void>();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Verbatim', { log: true });
    this.statusBar = new StatusBar();
    this.suggestions = new SuggestionsToggle(
      () => this.languageClient,
      () => vscode.workspace.getConfiguration('verbatim').get<string[]>('languages', DEFAULT_LANGUAGES),
    );
    context.subscriptions.push(this.output, this.statusBar, this.suggestions);
    registerSourceContent(context, this);
    registerSourcesView(context, this);
    registerConsistency(context, this);
    registerRulePages(context);
    context.subscriptions.push(
      vscode.commands.registerCommand('verbatim.showOutput', () => this.output.show(true)),
      vscode.commands.registerCommand('verbatim.restartServer', () => this.restart()),
      vscode.commands.registerCommand('verbatim.reloadSources', () => this.reloadSources()),
      registerInsertCommitment(() => this.languageClient),
      registerAccept(() => this.languageClient),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        void this.languageClient?.sendNotification(WorkspaceTrustNotification, { trusted: true });
      }),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('verbatim.languages')) {
          void vscode.window
            .showInformationMessage('Verbatim: the document languages changed. Restart the Verbatim server to apply them.', 'Restart')
            .then(choice => (choice === 'Restart' ? this.restart() : undefined));
        }
      }),
    );
  }

  /** The running language client (undefined before start or after stop). */
  get client(): LanguageClient | undefined {
    return this.languageClient;
  }

  /** True while suggestions are paused from the status bar. */
  get suggestionsPaused(): boolean {
    return this.suggestions.paused;
  }

  /** The suggestions mode in effect for the active draft (the setting's, else the project file's), as the status bar shows it. */
  get suggestionsMode(): SuggestionsModeResult {
    return this.suggestions.effective;
  }

  /** The last sources status the server reported. */
  get status(): StatusParams | undefined {
    return this.lastStatus;
  }

  /** Calls `listener` on every status report (for tests and views). */
  onDidChangeStatus(listener: (s: StatusParams) => void): vscode.Disposable {
    this.statusListeners.add(listener);
    return new vscode.Disposable(() => this.statusListeners.delete(listener));
  }

  async start(): Promise<void> {
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const languages = vscode.workspace.getConfiguration('verbatim').get<string[]>('languages', DEFAULT_LANGUAGES);
    const clientOptions: LanguageClientOptions = {
      documentSelector: languages.flatMap(language => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted, acceptCommand: ACCEPT_COMMAND } satisfies VerbatimInitializationOptions,
      middleware: {
        handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(linkRulePage)),
        workspace: {
          // Tell the server where verbatim.sources was set: a workspace's own settings arrive
          // with a repository and may only name files inside it (the server enforces that).
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            return result.map((value, i) => {
              const item = params.items[i];
              if (item?.section !== 'verbatim' || !value || typeof value !== 'object') return value;
              const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
              const config = vscode.workspace.getConfiguration('verbatim', scope);
              const inspected = config.inspect<string[]>('sources');
              const fromWorkspace = inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined;
              // The settings the user set anywhere (not their defaults): these override the project file.
              const explicit = Object.keys(value as object).filter(key => {
                const i = config.inspect(key);
                return i !== undefined && [i.globalValue, i.workspaceValue, i.workspaceFolderValue, i.globalLanguageValue, i.workspaceLanguageValue, i.workspaceFolderLanguageValue].some(v => v !== undefined);
              });
              return { ...(value as object), sourcesOrigin: fromWorkspace ? 'workspace' : 'user', explicit };
            });
          },
        },
      },
      outputChannel: this.output,
      // Errors are in the output channel; do not pop it open on every hiccup.
      revealOutputChannelOn: 4 /* RevealOutputChannelOn.Never */,
    };
    this.languageClient = new LanguageClient('verbatim', 'Verbatim', serverOptions, clientOptions);
    this.statusBar.showLoading();
    this.context.subscriptions.push(
      this.languageClient.onNotification(StatusNotification, status => {
        this.lastStatus = status;
        this.statusBar.update(status);
        // Sources reload when settings or the project file change: the suggestions mode may have too.
        void this.suggestions.refresh();
        for (const l of this.statusListeners) l(status);
      }),
    );
    try {
      await this.languageClient.start();
      await this.suggestions.sync();
      void this.suggestions.refresh();
    } catch (e) {
      this.statusBar.showError(`The Verbatim server failed to start: ${(e as Error).message}`);
      this.output.error(`The Verbatim server failed to start: ${(e as Error)?.stack ?? String(e)}`);
      void vscode.window.showErrorMessage('Verbatim: the language server failed to start. See the Verbatim output for details.', 'Show Output').then(c => {
        if (c) this.output.show();
      });
    }
  }

  async stop(): Promise<void> {
    const c = this.languageClient;
    this.languageClient = undefined;
    if (c?.isRunning()) await c.stop();
  }

  private async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  private async reloadSources(): Promise<void> {
    const c = this.languageClient;
    if (!c) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Verbatim: reloading sources' }, async () => {
      const status = await c.sendRequest(ReloadSourcesRequest);
      this.lastStatus = status;
      this.statusBar.update(status);
    });
  }
}
