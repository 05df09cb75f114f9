/**
 * The status-bar toggle that pauses suggestions while typing (lists and ghost text) without
 * touching the checks, and the `verbatim.toggleSuggestions` command behind it. The pause
 * lasts for the window's session; `verbatim.suggestions` sets what is offered for good.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PauseSuggestionsNotification } from '../../server/src/protocol';

type Mode = 'off' | 'names' | 'all';

export class SuggestionsToggle implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('verbatim.suggestions', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[] = [];
  private pausedNow = false;

  constructor(private readonly getClient: () => LanguageClient | undefined, private readonly languages: () => readonly string[]) {
    this.item.name = 'Verbatim Suggestions';
    this.item.command = 'verbatim.toggleSuggestions';
    this.disposables.push(
      vscode.commands.registerCommand('verbatim.toggleSuggestions', () => this.toggle()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('verbatim.suggestions')) this.render();
      }),
    );
    this.render();
  }

  get paused(): boolean {
    return this.pausedNow;
  }

  /** Tells a (re)started server whether suggestions are paused. */
  async sync(): Promise<void> {
    await this.getClient()?.sendNotification(PauseSuggestionsNotification, { paused: this.pausedNow });
  }

  private mode(): Mode {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const value = vscode.workspace.getConfiguration('verbatim', uri).get<string>('suggestions', 'all');
    return value === 'off' || value === 'names' ? value : 'all';
  }

  private async toggle(): Promise<void> {
    if (this.mode() === 'off') {
      // Nothing to pause: the setting turned them off. Show where.
      await vscode.commands.executeCommand('workbench.action.openSettings', 'verbatim.suggestions');
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
    const mode = this.mode();
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = false;
    if (mode === 'off') {
      this.item.text = '$(circle-slash) Suggestions off';
      md.appendText('Verbatim offers no completions or ghost text while you type (verbatim.suggestions is "off"). Checks still run. Click to open the setting.');
    } else if (this.pausedNow) {
      this.item.text = '$(debug-pause) Suggestions paused';
      md.appendText('Verbatim suggestions are paused for this session: no completion list or ghost text while you type; checks still run, and @@ search still works. Click to resume.');
    } else {
      this.item.text = mode === 'names' ? '$(lightbulb) Suggestions: names' : '$(lightbulb) Suggestions';
      md.appendText(
        mode === 'names'
          ? 'Verbatim completes official names while you type (verbatim.suggestions is "names"). Click to pause.'
          : 'Verbatim completes official names and wording while you type, when what you type clearly starts them. Click to pause suggestions (checks keep running).',
      );
    }
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
