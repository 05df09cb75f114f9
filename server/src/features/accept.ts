/**
 * "Accept this wording for the project": a code action on a finding that records the draft's
 * words in the project file (`.verbatim.json`), anchored on the source text they restate, with
 * who accepted them and when (and why, when the editor asks). The edit is applied by the client;
 * the server re-reads the project file when it changes on disk, and the finding goes, in the
 * editor and in the CLI alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { cleanOfficialText, type DiagnosticData } from '../engine';
import { currentUserName, PROJECT_FILE_NAME, today, withAcceptance } from '../projectFile';
import { AcceptWordingRequest, SERVER_ACCEPT_COMMAND, type AcceptWordingParams, type AcceptWordingResult } from '../protocol';
import { runSafe } from '../safe';
import type { ServerContext } from '../server';
import type { ActionProvider } from './codeActions';

/** The code action for one diagnostic, or undefined where nothing can be accepted. */
export function acceptActionProvider(ctx: ServerContext, clientCommand: () => string | undefined): ActionProvider {
  return async (doc: TextDocument, d: Diagnostic): Promise<CodeAction | undefined> => {
    if (!ctx.sources.isTrusted || !ctx.sources.folderPathFor(doc.uri)) return undefined;
    const data = d.data as DiagnosticData | undefined;
    if (!data?.paragraphId) return undefined;
    const engine = await ctx.sources.engineFor(doc.uri);
    const paragraph = engine.index.getParagraph(data.paragraphId);
    if (!paragraph) return undefined;
    const source = cleanOfficialText(data.evidence ? paragraph.text.slice(data.evidence.start, data.evidence.end) : paragraph.text);
    const params: AcceptWordingParams = { uri: doc.uri, code: String(d.code), wording: doc.getText(d.range).replace(/\s+/g, ' ').trim(), source };
    const title = `Accept this wording for the project ("${d.code}" in ${PROJECT_FILE_NAME})`;
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: clientCommand() ?? SERVER_ACCEPT_COMMAND, arguments: [params] } };
  };
}

/** The edit adding an acceptance to the project file of the draft's folder. */
export function acceptWording(ctx: ServerContext, params: AcceptWordingParams): AcceptWordingResult {
  if (!ctx.sources.isTrusted) return { error: 'this workspace is not trusted, so its project file is not used.' };
  const folder = ctx.sources.folderPathFor(params.uri);
  if (!folder) return { error: 'the draft is not in a workspace folder, so there is no project file to record the wording in.' };
  if (!params.code || !params.wording?.trim() || !params.source?.trim()) return { error: 'nothing to accept (a code, the wording and its source text are needed).' };
  const acceptedBy = params.acceptedBy?.trim() || currentUserName(folder);
  if (!acceptedBy) return { needsName: true };
  const file = path.join(folder, PROJECT_FILE_NAME);
  const uri = pathToFileURL(file).href;
  let text: string | undefined;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  let next: string;
  try {
    next = withAcceptance(text, { code: params.code, wording: params.wording.trim(), source: params.source.trim(), acceptedBy, date: today(), ...(params.reason?.trim() ? { reason: params.reason.trim() } : {}) });
  } catch (e) {
    return { error: (e as Error).message, projectFile: uri };
  }
  const edit: WorkspaceEdit =
    text === undefined
      ? { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: next }] }] }
      : { changes: { [uri]: [minimalEdit(text, next)] } };
  return { edit, projectFile: uri };
}

/** One edit turning `a` into `b`: the changed middle only, so the rest of an open buffer is untouched. */
function minimalEdit(a: string, b: string) {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const pos = (offset: number) => {
    const before = a.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  return { range: { start: pos(start), end: pos(a.length - end) }, newText: b.slice(start, b.length - end) };
}

export function registerAccept(ctx: ServerContext): void {
  const { connection } = ctx;
  connection.onRequest(AcceptWordingRequest, (params, token) =>
    runSafe(connection.console, 'acceptWording', params?.uri, { error: 'internal error' } as AcceptWordingResult, token, async () => acceptWording(ctx, params)),
  );
  ctx.commands.register(SERVER_ACCEPT_COMMAND, async ([first]) => {
    const args = (first ?? {}) as AcceptWordingParams;
    let result = acceptWording(ctx, args);
    // No one to ask here: record that the name was not known rather than refuse.
    if (result.needsName) result = acceptWording(ctx, { ...args, acceptedBy: 'unknown' });
    if (result.error || !result.edit) {
      void connection.window.showWarningMessage(`Verbatim: the wording was not accepted: ${result.error}`);
      return null;
    }
    await connection.workspace.applyEdit({ label: 'Accept this wording for the project', edit: result.edit });
    return null;
  });
}
