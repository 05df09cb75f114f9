/**
 * "Accept this wording for the project" in VS Code: the server's code action runs this command,
 * which asks for an optional reason (and a name, when neither git nor the OS gives one), gets the
 * edit to `.verbatim.json` from the server, applies it and saves the file so that the CLI sees it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AcceptWordingRequest, type AcceptWordingParams } from '../../server/src/protocol';

export const ACCEPT_COMMAND = 'verbatim.acceptWording';

export function registerAccept(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(ACCEPT_COMMAND, async (args: AcceptWordingParams): Promise<boolean> => {
    const c = client();
    if (!c?.isRunning() || !args) return false;
    // Tests and keybindings may pass the reason; people are asked (Esc cancels, Enter leaves it empty).
    const reason =
      args.reason ??
      (await vscode.window.showInputBox({
        title: `Accept "${args.wording}" for the project (${args.code})`,
        prompt: 'Why is this wording acceptable? Recorded in .verbatim.json with your name and the date. Optional.',
        placeHolder: 'Reason (optional)',
        ignoreFocusOut: true,
      }));
    if (reason === undefined) return false;
    let result = await c.sendRequest(AcceptWordingRequest, { ...args, reason });
    if (result.needsName) {
      const name = await vscode.window.showInputBox({ title: 'Who is accepting this wording?', prompt: 'Your name, recorded with the accepted wording.', ignoreFocusOut: true });
      if (!name?.trim()) return false;
      result = await c.sendRequest(AcceptWordingRequest, { ...args, reason, acceptedBy: name.trim() });
    }
    if (result.error || !result.edit || !result.projectFile) {
      void vscode.window.showWarningMessage(`Verbatim: the wording was not accepted: ${result.error ?? 'no edit'}`);
      return false;
    }
    const edit = await c.protocol2CodeConverter.asWorkspaceEdit(result.edit);
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.projectFile));
    await doc.save();
    void vscode.window.setStatusBarMessage(`Verbatim: "${args.wording}" accepted for the project in .verbatim.json`, 5000);
    return true;
  });
}
