/**
 * Verbatim's custom LSP messages, declared once and shared by the server, the VS Code
 * client and the tests.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** One indexed source document, as shown in the status bar and the sources view. */
export interface SourceSummary {
  readonly id: string;
  readonly title: string;
  readonly date?: string;
  readonly url?: string;
  readonly uri: string;
  readonly displayPath: string;
  readonly bundled: boolean;
  readonly passages: number;
  readonly sections: readonly { readonly id: string; readonly title: string; readonly passages: number }[];
}

export interface SourceProblemSummary {
  readonly displayPath: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface StatusParams {
  /** True while sources are being (re)loaded. */
  readonly loading: boolean;
  readonly sources: readonly SourceSummary[];
  readonly passages: number;
  readonly problems: readonly SourceProblemSummary[];
}

/** Server → client: the indexed sources changed (or started loading). Drives the status bar. */
export const StatusNotification = new NotificationType<StatusParams>('verbatim/status');

/** Client → server: the sources now indexed for a resource (or for the first workspace folder). */
export const SourcesRequest = new RequestType<{ uri?: string }, StatusParams, void>('verbatim/sources');

/** Client → server: re-read every source from disk now. */
export const ReloadSourcesRequest = new RequestType0<StatusParams, void>('verbatim/reloadSources');
