/**
 * The status-bar toggle that pauses suggestions while typing (lists and ghost text) without
 * touching the checks, and the `verbatim.toggleSuggestions` command behind it. The pause
 * lasts for the window's session; `verbatim.suggestions` sets what is offered for good (or the
 * project file's `suggestions`, beneath it: the server, which layers the two, says which applies).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PauseSuggestionsNotification, SuggestionsModeRequest, type SuggestionsModeResult } from '../../server/src/protocol';

export class SuggestionsToggle implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('verbatim.suggestions', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[] = [];
  private pausedNow = false;
  private current: SuggestionsModeResult = { mode: 'all', from: 'settings' };
  private renders = 0;
  private settingTimer: NodeJS.Timeout | undefined;

  constructor(private readonly getClient: () => LanguageClient | undefined, private readonly languages: () => readonly string[]) {
    this.item.name = 'Verbatim Suggestions';
    this.item.command = 'verbatim.toggleSuggestions';
    this.disposables.push(
      vscode.commands.registerCommand('verbatim.toggleSuggestions', () => this.toggle()),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (!e.affectsConfiguration('verbatim.suggestions')) return;
        // Let the server hear of the change first: it answers with the project file beneath the setting.
        if (this.settingTimer) clearTimeout(this.settingTimer);
        this.settingTimer = setTimeout(() => void this.refresh(), 150);
      }),
    );
    void this.refresh();
  }

  get paused(): boolean {
    return this.pausedNow;
  }

  /** The mode in effect for the active draft, as the status bar shows it, and which setting says so. */
  get effective(): SuggestionsModeResult {
    return this.current;
  }

  /** Tells a (re)started server whether suggestions are paused. */
  async sync(): Promise<void> {
    await this.getClient()?.sendNotification(PauseSuggestionsNotification, { paused: this.pausedNow });
  }

  /** The mode in effect for `uri`: the editor's setting where the user set it, else what the server says (the project file's, or the default). */
  private async mode(uri: vscode.Uri): Promise<SuggestionsModeResult> {
    const config = vscode.workspace.getConfiguration('verbatim', uri);
    const i = config.inspect<string>('suggestions');
    const userSet = !!i && [i.globalValue, i.workspaceValue, i.workspaceFolderValue, i.globalLanguageValue, i.workspaceLanguageValue, i.workspaceFolderLanguageValue].some(v => v !== undefined);
    const set = userSet ? config.get<string>('suggestions') : undefined;
    const client = this.getClient();
    if (!userSet && client?.isRunning()) {
      try {
        return await client.sendRequest(SuggestionsModeRequest, { uri: uri.toString() });
      } catch {
        // The server is restarting: the setting's default until it answers.
      }
    }
    return { mode: set === 'off' || set === 'names' ? set : 'all', from: 'settings' };
  }

  /** Re-reads the mode in effect (after a settings, project file or editor change) and shows it. */
  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const render = ++this.renders;
    if (editor && this.languages().includes(editor.document.languageId)) {
      const current = await this.mode(editor.document.uri);
      if (render !== this.renders) return;
      this.current = current;
    }
    this.render();
  }

  private async toggle(): Promise<void> {
    if (this.current.mode === 'off') {
      // Nothing to pause: a setting turned them off. Show where.
      if (this.current.from === 'project' && this.current.projectFile) await vscode.window.showTextDocument(vscode.Uri.parse(this.current.projectFile));
      else await vscode.commands.executeCommand('workbench.action.openSettings', 'verbatim.suggestions');
      return;
    }
    this.pausedNow = !this.pausedNow;
    this.render();
    await this.sync();
  }

  private render(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.languages().includes(editor.document.languageId)) {
      this.item.hide();
      return;
    }
    const { mode, from } = this.current;
    const where = from === 'project' ? 'the project file (.verbatim.json) sets "suggestions"' : 'verbatim.suggestions is';
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = false;
    if (mode === 'off') {
      this.item.text = '$(circle-slash) Suggestions off';
      md.appendText(`Verbatim offers no completions or ghost text while you type (${where} "off"). Checks still run. Click to open ${from === 'project' ? 'the project file' : 'the setting'}.`);
    } else if (this.pausedNow) {
      this.item.text = '$(debug-pause) Suggestions paused';
      md.appendText('Verbatim suggestions are paused for this session: no completion list or ghost text while you type; checks still run, and @@ search still works. Click to resume.');
    } else {
      this.item.text = mode === 'names' ? '$(lightbulb) Suggestions: names' : '$(lightbulb) Suggestions';
      md.appendText(
        mode === 'names'
          ? `Verbatim completes official names while you type (${where} "names"). Click to pause.`
          : 'Verbatim completes official names and wording while you type, when what you type clearly starts them. Click to pause suggestions (checks keep running).',
      );
    }
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    if (this.settingTimer) clearTimeout(this.settingTimer);
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
