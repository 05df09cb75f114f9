/**
 * Verbatim's settings as the server sees them: read per resource through
 * `workspace/configuration`, cached by URI, cleared when the client says they changed.
 * Clients without `workspace/configuration` (some LSP editors) get the values pushed in
 * `didChangeConfiguration` or `initializationOptions`, else the defaults.
 */
import type { Connection } from 'vscode-languageserver';
import type { SeverityName } from './engine';

export interface VerbatimSettings {
  /** Globs (relative to the workspace folder) or absolute paths of user source documents. */
  readonly sources: readonly string[];
  /** Index the sources that ship with Verbatim. */
  readonly includeBundledSources: boolean;
  /** Milliseconds to wait after the last keystroke before re-checking. */
  readonly diagnosticsDelay: number;
  /** Per-code severity overrides. */
  readonly severity: Readonly<Record<string, SeverityName>>;
  /** Report quotations that match no source (Information). */
  readonly reportUnsourcedQuotes: boolean;
  /** Ghost-text suggestions of the official continuation (`verbatim.inlineSuggestions`). */
  readonly inlineSuggestions: boolean;
  /** What typing brings up (`verbatim.suggestions`): nothing, official names, or names and phrases. */
  readonly suggestions: 'off' | 'names' | 'all';
  /** How inserted official text is cited (`verbatim.citationStyle`). */
  readonly citationStyle: 'none' | 'inline' | 'footnote';
  /**
   * Where `sources` was set: `user` (the user's own settings, an LSP client's configuration,
   * the command line) may name any path; `workspace` (a workspace or folder settings file,
   * which arrives with a repository) may only name files inside the workspace folder.
   */
  readonly sourcesOrigin: 'user' | 'workspace';
}

export const defaultSettings: VerbatimSettings = Object.freeze({
  sources: [],
  includeBundledSources: true,
  diagnosticsDelay: 250,
  severity: {},
  reportUnsourcedQuotes: true,
  inlineSuggestions: true,
  suggestions: 'all',
  citationStyle: 'inline',
  sourcesOrigin: 'user',
});

/** Coerces whatever a client sent into valid settings; bad values fall back to defaults. */
export function sanitizeSettings(raw: unknown): VerbatimSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const sources = Array.isArray(r.sources) ? r.sources.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : defaultSettings.sources;
  const severity: Record<string, SeverityName> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
      if (v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off') severity[k] = v;
    }
  }
  const delay = typeof r.diagnosticsDelay === 'number' && isFinite(r.diagnosticsDelay) ? Math.max(0, Math.min(5000, r.diagnosticsDelay)) : defaultSettings.diagnosticsDelay;
  return Object.freeze({
    sources,
    includeBundledSources: typeof r.includeBundledSources === 'boolean' ? r.includeBundledSources : defaultSettings.includeBundledSources,
    diagnosticsDelay: delay,
    severity,
    reportUnsourcedQuotes: typeof r.reportUnsourcedQuotes === 'boolean' ? r.reportUnsourcedQuotes : defaultSettings.reportUnsourcedQuotes,
    inlineSuggestions: typeof r.inlineSuggestions === 'boolean' ? r.inlineSuggestions : defaultSettings.inlineSuggestions,
    suggestions: r.suggestions === 'off' || r.suggestions === 'names' || r.suggestions === 'all' ? r.suggestions : defaultSettings.suggestions,
    citationStyle: r.citationStyle === 'inline' || r.citationStyle === 'footnote' || r.citationStyle === 'none' ? r.citationStyle : defaultSettings.citationStyle,
    sourcesOrigin: r.sourcesOrigin === 'workspace' ? 'workspace' : 'user',
  });
}

/** Per-resource settings with a cache; never a module-level global. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<VerbatimSettings>>();
  private pushed: VerbatimSettings | undefined;
  private pushedRaw: Record<string, unknown> = {};

  constructor(private readonly connection: Connection, private readonly canPull: () => boolean) {}

  /** Settings pushed by a client that cannot be asked (initializationOptions or didChangeConfiguration). */
  setPushed(raw: unknown): void {
    this.pushed = raw === undefined ? undefined : sanitizeSettings(raw);
    this.pushedRaw = raw && typeof raw === 'object' ? { ...(raw as Record<string, unknown>) } : {};
    this.cache.clear();
  }

  get(resource: string | undefined): Promise<VerbatimSettings> {
    if (!this.canPull()) return Promise.resolve(this.pushed ?? defaultSettings);
    const key = resource ?? '';
    let entry = this.cache.get(key);
    if (!entry) {
      // A client may offer workspace/configuration yet answer null (or an empty object) for a
      // section it does not know, as Neovim's default handler does: what it pushed at start-up
      // (initializationOptions.settings) still holds, and values it does answer win.
      entry = this.connection.workspace
        .getConfiguration({ scopeUri: resource, section: 'verbatim' })
        .then(
          raw => (raw && typeof raw === 'object' ? sanitizeSettings({ ...this.pushedRaw, ...(raw as Record<string, unknown>) }) : this.pushed ?? defaultSettings),
          () => this.pushed ?? defaultSettings,
        );
      this.cache.set(key, entry);
    }
    return entry;
  }

  clear(): void {
    this.cache.clear();
  }
}
