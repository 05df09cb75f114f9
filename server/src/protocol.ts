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
  /** False in an untrusted workspace (only the bundled sources are read). */
  readonly trusted?: boolean;
  readonly sources: readonly SourceSummary[];
  readonly passages: number;
  readonly problems: readonly SourceProblemSummary[];
}

/** Server → client: the indexed sources changed (or started loading). Drives the status bar. */
export const StatusNotification = new NotificationType<StatusParams>('verbatim/status');

/** Client → server: the workspace's trust changed (VS Code's Restricted Mode); the server re-reads its sources. */
export const WorkspaceTrustNotification = new NotificationType<{ trusted: boolean }>('verbatim/workspaceTrust');

/**
 * Client → server: pause (or resume) suggestions while typing, e.g. from a status-bar toggle.
 * While paused the server answers completion and ghost-text requests as with
 * `verbatim.suggestions: "off"` (the `@@` search still works); checks are unaffected.
 */
export const PauseSuggestionsNotification = new NotificationType<{ paused: boolean }>('verbatim/pauseSuggestions');

/** What typing brings up for a draft, and which setting says so. */
export interface SuggestionsModeResult {
  readonly mode: 'off' | 'names' | 'all';
  /** `settings`: `verbatim.suggestions` (or its default); `project`: the project file's `suggestions`, which the editor's setting overrides. */
  readonly from: 'settings' | 'project';
  /** The project file (a `file:` URI) when `from` is `project`. */
  readonly projectFile?: string;
}

/** Client → server: the suggestions mode in effect for a draft (the status-bar toggle shows it). */
export const SuggestionsModeRequest = new RequestType<{ uri: string }, SuggestionsModeResult, void>('verbatim/suggestionsMode');

/** The command the server runs after ghost text with a footnote citation is accepted: defines the footnote. */
export const ADD_FOOTNOTE_COMMAND = 'verbatim.addFootnoteDefinition';

/** What a client may pass in `initializationOptions`. */
export interface VerbatimInitializationOptions {
  /** Settings for clients that cannot answer `workspace/configuration` (or answer null). */
  readonly settings?: unknown;
  /** False when the workspace is not trusted: only bundled sources are read. Default true. */
  readonly workspaceTrusted?: boolean;
  /**
   * A client-side command to run for "Accept this wording for the project" (it asks for a reason
   * and sends {@link AcceptWordingRequest}); without it the action runs {@link SERVER_ACCEPT_COMMAND}.
   */
  readonly acceptCommand?: string;
}

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

import type { SourceTreeDocument } from './engine';
export type { SourceTreeDocument, SourceTreeSection, SourceTreeParagraph } from './engine';

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
/** One commitment (a source sentence) found by keyword search. */
export interface CommitmentSummary {
  /** Citation id of the paragraph (`roadmap-2021-02-23#accelerating-climate-ambitions-4`). */
  readonly paragraphId: string;
  /** Index of the sentence within the paragraph. */
  readonly sentenceIndex: number;
  /** The official sentence. */
  readonly text: string;
  /** Human citation (`Roadmap…, Accelerating Climate Ambitions, ¶4`). */
  readonly label: string;
  readonly documentTitle: string;
  readonly sectionTitle: string;
}

export interface SearchCommitmentsParams {
  /** The draft, to pick its workspace folder's sources. */
  readonly uri?: string;
  /** Words to look for (`methane`, `net zero`); the last may be half typed, typos tolerated. */
  readonly query: string;
  readonly limit?: number;
}

/** Client → server: fuzzy keyword search over every commitment, best first (Insert Commitment quick pick). */
export const SearchCommitmentsRequest = new RequestType<SearchCommitmentsParams, CommitmentSummary[], void>('verbatim/searchCommitments');

export interface InsertCommitmentParams {
  readonly uri: string;
  /** Where the quotation goes (the cursor). */
  readonly position: { readonly line: number; readonly character: number };
  readonly paragraphId: string;
  readonly sentenceIndex: number;
}

/**
 * Client → server: the edits inserting a commitment as a quotation at `position`, with the
 * citation of `verbatim.citationStyle` (a footnote definition is appended once per paragraph).
 * Null if the document or the passage is unknown.
 */
export const InsertCommitmentRequest = new RequestType<
  InsertCommitmentParams,
  { edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] } | null,
  void
>('verbatim/insertCommitment');

/** Params of {@link CheckDraftsRequest}. */
export interface CheckDraftsParams {
  /**
   * The drafts to check, as `file:` (or `untitled:`) URIs. An open document is checked as
   * the editor has it; any other file is read from disk by the server.
   */
  readonly uris: readonly string[];
  /** Also build the Markdown consistency report over these drafts. */
  readonly report?: boolean;
  /** Names for the report's headings (a workspace-relative path, say), by URI. */
  readonly names?: Readonly<Record<string, string>>;
  /** Add the coverage table of the sources' commitments to the report. */
  readonly coverage?: boolean;
  /** Also build the report as a self-contained HTML page. */
  readonly html?: boolean;
  /** Where the client will write the Markdown report (a `file:` URI): its links to drafts are then relative to it. */
  readonly reportUri?: string;
}

/** The findings for one draft of {@link CheckDraftsRequest}. */
export interface CheckedDraft {
  readonly uri: string;
  /** LSP diagnostics with the severities of the draft's settings (empty when it could not be read). */
  readonly diagnostics: readonly import('vscode-languageserver-protocol').Diagnostic[];
  /** True when the server has the document open (its diagnostics are also pushed). */
  readonly open: boolean;
  /** Why the draft could not be checked (unreadable, too large, a source document). */
  readonly error?: string;
}

export interface CheckDraftsResult {
  readonly drafts: readonly CheckedDraft[];
  /** The Markdown report (text escaped), when asked for; its links point at the drafts' lines (`file:…#L12`). */
  readonly report?: string;
  /** The same report as a self-contained HTML page, when asked for. */
  readonly html?: string;
}

/**
 * Client → server: check drafts on demand (the `Check Draft Consistency` and `Check All
 * Drafts in Workspace` commands) and optionally build the consistency report. Cancellable.
 */
export const CheckDraftsRequest = new RequestType<CheckDraftsParams, CheckDraftsResult, void>('verbatim/checkDrafts');

/** What "Accept this wording for the project" records: a draft's words and the source text they restate. */
export interface AcceptWordingParams {
  /** The draft (its workspace folder holds the project file). */
  readonly uri: string;
  readonly code: string;
  /** The draft's words, as flagged. */
  readonly wording: string;
  /** The source text they restate (the matched sentence or quoted passage, in the index's clean text). */
  readonly source: string;
  /** Who accepts it; the server asks git (user.name), then the OS, when omitted. */
  readonly acceptedBy?: string;
  readonly reason?: string;
}

export interface AcceptWordingResult {
  /** The edit adding the acceptance to the project file (creating the file if need be). */
  readonly edit?: import('vscode-languageserver-protocol').WorkspaceEdit;
  /** The project file's URI. */
  readonly projectFile?: string;
  /** True when no name could be found for `acceptedBy`: ask the user and send it. */
  readonly needsName?: boolean;
  /** Why the wording cannot be accepted (no workspace folder, an untrusted workspace, a malformed project file). */
  readonly error?: string;
}

/**
 * Client → server: the edit recording an accepted wording in the project file. The client
 * applies it (and saves the file); the server re-reads the file when it changes on disk.
 */
export const AcceptWordingRequest = new RequestType<AcceptWordingParams, AcceptWordingResult, void>('verbatim/acceptWording');

/**
 * The server command behind "Accept this wording for the project" for editors without a
 * command of their own (VS Code's client declares `acceptCommand`): it applies the edit
 * through `workspace/applyEdit`. Arguments: one {@link AcceptWordingParams}.
 */
export const SERVER_ACCEPT_COMMAND = 'verbatim.server.acceptWording';
