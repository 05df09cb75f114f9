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

/** Params of {@link SourceContentRequest}. */
export interface SourceContentParams {
  /** A source document's URI as the server reports it (`verbatim-source:/roadmap-2021-02-23.md`). */
  readonly uri: string;
}

/**
 * Client → server: the full text of a source document, for opening bundled sources
 * read-only under the `verbatim-source` scheme. Null when no indexed source has that URI.
 */
export const SourceContentRequest = new RequestType<SourceContentParams, { readonly text: string } | null, void>('verbatim/sourceContent');

import type { SourceTreeDocument } from './engine/sourceTree';
export type { SourceTreeDocument, SourceTreeSection, SourceTreeParagraph } from './engine/sourceTree';

/** Client → server: every source document → section → paragraph (with text and tooltip) for the sources view. */
export const SourceTreeRequest = new RequestType<{ uri?: string }, readonly SourceTreeDocument[], void>('verbatim/sourceTree');

/** Params of {@link InsertQuotationRequest}. */
export interface InsertQuotationParams {
  /** The draft to insert into, its current text, and the cursor. */
  readonly uri: string;
  readonly text: string;
  readonly position: { readonly line: number; readonly character: number };
  /** Citation id of the source paragraph. */
  readonly paragraphId: string;
  readonly style: 'none' | 'inline' | 'footnote';
}

/**
 * Client → server: the edits that insert a source paragraph as a quotation with a
 * citation (and, for footnotes, the definition at the end of the draft). Null when the
 * paragraph is not indexed.
 */
export const InsertQuotationRequest = new RequestType<
  InsertQuotationParams,
  readonly { readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } }; readonly newText: string }[] | null,
  void
>('verbatim/insertQuotation');
