/** The status bar item: how many sources and passages are indexed, and any problems. */
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('verbatim.status', vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = 'Verbatim Sources';
    this.item.command = 'verbatim.showOutput';
  }

  showLoading(): void {
    this.item.text = '$(sync~spin) Verbatim: indexing sources';
    this.item.tooltip = 'Verbatim is reading its source documents.';
    this.item.show();
  }

  showError(message: string): void {
    this.item.text = '$(error) Verbatim';
    this.item.tooltip = message;
    this.item.show();
  }

  update(status: StatusParams): void {
    const n = status.sources.length;
    const problems = status.problems.length;
    const icon = status.loading ? '$(sync~spin)' : problems ? '$(warning)' : '$(book)';
    this.item.text = `${icon} Verbatim: ${n} source${n === 1 ? '' : 's'}, ${status.passages} passages`;
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = false;
    md.supportHtml = false;
    md.appendMarkdown('**Verbatim sources**\n\n');
    if (status.trusted === false) md.appendText('Restricted Mode: this workspace is not trusted, so only the bundled sources are indexed.\n\n');
    for (const s of status.sources) {
      md.appendMarkdown('- ');
      md.appendText(`${s.title}${s.date ? ` (${s.date})` : ''}: ${s.passages} passages${s.bundled ? ', bundled' : ''}`);
      md.appendMarkdown('  \n  ');
      md.appendText(s.bundled ? `${s.displayPath} (ships with Verbatim)` : s.displayPath);
      md.appendMarkdown('\n');
    }
    if (!n) md.appendText('No sources are indexed. Check verbatim.sources and verbatim.includeBundledSources.\n');
    if (problems) {
      md.appendMarkdown('\n**Problems**\n\n');
      for (const p of status.problems) {
        md.appendMarkdown('- ');
        md.appendText(p.message);
        md.appendMarkdown('\n');
      }
    }
    md.appendMarkdown('\n_Click to show the Verbatim output._');
    this.item.tooltip = md;
    this.item.backgroundColor = problems ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
