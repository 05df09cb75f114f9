/**
 * The Verbatim Sources view (Explorer): documents → sections → paragraphs, from the
 * server's `verbatim/sourceTree`. Hover shows the paragraph (escaped by the engine,
 * rendered untrusted without HTML); click reveals it in its source; the context action
 * inserts it as a quotation with a citation in `verbatim.citationStyle`.
 */
import * as vscode from 'vscode';
import { InsertQuotationRequest, SourceTreeRequest, type SourceTreeDocument, type SourceTreeParagraph, type SourceTreeSection } from '../../server/src/protocol';
import type { VerbatimClient } from './client';

type Node =
  | { readonly type: 'document'; readonly document: SourceTreeDocument }
  | { readonly type: 'section'; readonly document: SourceTreeDocument; readonly section: SourceTreeSection }
  | { readonly type: 'paragraph'; readonly paragraph: SourceTreeParagraph }
  /** What the server left out of a long document or section (it lists a bounded number). */
  | { readonly type: 'more'; readonly document: SourceTreeDocument; readonly count: number; readonly what: 'passages' | 'sections' };

class SourcesProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly verbatim: VerbatimClient) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const client = this.verbatim.client;
      if (!client) return [];
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      const documents = await client.sendRequest(SourceTreeRequest, { uri });
      return documents.map(document => ({ type: 'document', document }));
    }
    if (node.type === 'document') {
      const sections: Node[] = node.document.sections.map(section => ({ type: 'section', document: node.document, section }));
      const omitted = node.document.omittedSections ?? 0;
      return omitted ? [...sections, { type: 'more', document: node.document, count: omitted, what: 'sections' }] : sections;
    }
    if (node.type === 'section') {
      const paragraphs: Node[] = node.section.paragraphs.map(paragraph => ({ type: 'paragraph', paragraph }));
      const omitted = node.section.omitted ?? 0;
      return omitted ? [...paragraphs, { type: 'more', document: node.document, count: omitted, what: 'passages' }] : paragraphs;
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'document') {
      const item = new vscode.TreeItem(node.document.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = [node.document.date, node.document.bundled ? 'bundled' : undefined].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon('book');
      item.contextValue = 'document';
      item.tooltip = node.document.url ?? node.document.uri;
      return item;
    }
    if (node.type === 'more') {
      const item = new vscode.TreeItem(`… ${node.count.toLocaleString('en-US')} more ${node.what} (open the source to read them)`, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.contextValue = 'more';
      item.command = { command: 'vscode.open', title: 'Open Source', arguments: [vscode.Uri.parse(node.document.uri), { preview: true }] };
      return item;
    }
    if (node.type === 'section') {
      const item = new vscode.TreeItem(node.section.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${(node.section.paragraphs.length + (node.section.omitted ?? 0)).toLocaleString('en-US')} ¶`;
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      item.contextValue = 'section';
      return item;
    }
    const p = node.paragraph;
    const short = p.text.length > 100 ? `${p.text.slice(0, 99)}…` : p.text;
    const item = new vscode.TreeItem(`¶${p.number} ${short}`, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(p.kind === 'bullet' ? 'list-unordered' : p.kind === 'quotation' ? 'quote' : 'note');
    item.contextValue = 'paragraph';
    const tooltip = new vscode.MarkdownString(p.tooltip);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.supportThemeIcons = false;
    item.tooltip = tooltip;
    if (p.location) {
      const { start, end } = p.location.range;
      item.command = {
        command: 'vscode.open',
        title: 'Reveal in Source',
        arguments: [vscode.Uri.parse(p.location.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character), preview: true }],
      };
    }
    return item;
  }
}

async function insertQuotation(verbatim: VerbatimClient, node: Node | undefined): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!node || node.type !== 'paragraph') return;
  if (!editor || editor.document.uri.scheme === 'verbatim-source') {
    void vscode.window.showInformationMessage('Verbatim: open the draft to insert the quotation into, then try again.');
    return;
  }
  const client = verbatim.client;
  if (!client) return;
  const style = vscode.workspace.getConfiguration('verbatim', editor.document.uri).get<string>('citationStyle', 'inline');
  const edits = await client.sendRequest(InsertQuotationRequest, {
    uri: editor.document.uri.toString(),
    text: editor.document.getText(),
    position: editor.selection.active,
    paragraphId: node.paragraph.id,
    style: style === 'none' || style === 'footnote' ? style : 'inline',
  });
  if (!edits) return;
  await editor.edit(builder => {
    for (const e of edits) builder.replace(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  });
}

export function registerSourcesView(context: vscode.ExtensionContext, verbatim: VerbatimClient): void {
  const provider = new SourcesProvider(verbatim);
  context.subscriptions.push(
    vscode.window.createTreeView('verbatim.sources', { treeDataProvider: provider, showCollapseAll: true }),
    vscode.commands.registerCommand('verbatim.insertQuotation', (node?: Node) => insertQuotation(verbatim, node)),
    vscode.commands.registerCommand('verbatim.refreshSources', () => provider.refresh()),
    // Reloaded sources (settings, files on disk, Reload Sources) refresh the view.
    verbatim.onDidChangeStatus(status => {
      if (!status.loading) provider.refresh();
    }),
  );
}
