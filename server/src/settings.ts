/**
 * Verbatim's settings as the server sees them: read per resource through
 * `workspace/configuration`, cached by URI, cleared when the client says they changed.
 * Clients without `workspace/configuration` (some LSP editors) get the values pushed in
 * `didChangeConfiguration` or `initializationOptions`, else the defaults.
 */
import type { Connection } from 'vscode-languageserver';
import type { SeverityName } from './engine';
import type { ProjectAcceptance, ProjectConfig, SuggestionMode } from './projectFile';

export interface VerbatimSettings {
  /** Globs (relative to the workspace folder) or absolute paths of user source documents. */
  readonly sources: readonly string[];
  /**
   * The date given with a source in `verbatim.sources` (`{ "path": …, "date": "YYYY-MM-DD" }`), by
   * its path as written; as written, checked when the sources are read. A source's own front
   * matter date wins.
   */
  readonly sourceDates: Readonly<Record<string, string>>;
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
  /** How inserted official text is cited (`verbatim.citationStyle`). */
  readonly citationStyle: 'none' | 'inline' | 'footnote';
  /**
   * Where `sources` was set: `user` (the user's own settings, an LSP client's configuration,
   * the command line) may name any path; `workspace` (a workspace or folder settings file,
   * which arrives with a repository) may only name files inside the workspace folder.
   */
  readonly sourcesOrigin: 'user' | 'workspace';
  /** What is suggested while typing (`verbatim.suggestions`): off, official names only, or all. */
  readonly suggestions: SuggestionMode;
  /** The workspace folder's project file (`.verbatim.json`), when there is one and the workspace is trusted. */
  readonly project?: ProjectConfig;
  /** Wordings the project accepted (from the project file). */
  readonly accepted: readonly ProjectAcceptance[];
}

export const defaultSettings: VerbatimSettings = Object.freeze({
  sources: [],
  sourceDates: {},
  includeBundledSources: true,
  diagnosticsDelay: 250,
  severity: {},
  reportUnsourcedQuotes: true,
  inlineSuggestions: true,
  citationStyle: 'inline',
  sourcesOrigin: 'user',
  suggestions: 'all',
  accepted: [],
});

/** Keys of the project file that a setting of the same name overrides. */
const PROJECT_SCALARS = ['includeBundledSources', 'reportUnsourcedQuotes', 'suggestions'] as const;

/**
 * The raw settings with the project file's beneath them: a key the user set (listed in
 * `explicit` by clients that know, such as VS Code; otherwise every key sent) wins; severities
 * merge code by code, the user's winning.
 */
export function withProject(raw: unknown, project: ProjectConfig | undefined): Record<string, unknown> {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (!project || project.malformed) return { ...r, project };
  const explicit = new Set(Array.isArray(r.explicit) ? (r.explicit as unknown[]).filter((k): k is string => typeof k === 'string') : Object.keys(r));
  const out: Record<string, unknown> = { ...r, project };
  for (const k of PROJECT_SCALARS) if (project[k] !== undefined && !explicit.has(k)) out[k] = project[k];
  out.severity = { ...project.severity, ...(r.severity && typeof r.severity === 'object' ? (r.severity as object) : {}) };
  return out;
}

/** Coerces whatever a client sent into valid settings; bad values fall back to defaults. */
export function sanitizeSettings(raw: unknown): VerbatimSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  // Each source is a path, or `{ "path": …, "date": … }` to give it a date.
  const sources: string[] = [];
  const sourceDates: Record<string, string> = {};
  for (const s of Array.isArray(r.sources) ? (r.sources as unknown[]) : []) {
    const o = s && typeof s === 'object' ? (s as { path?: unknown; date?: unknown }) : undefined;
    const p = typeof s === 'string' ? s : typeof o?.path === 'string' ? o.path : '';
    if (!p.trim()) continue;
    sources.push(p);
    if (typeof o?.date === 'string') sourceDates[p] = o.date;
  }
  const severity: Record<string, SeverityName> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
      if (v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off') severity[k] = v;
    }
  }
  const delay = typeof r.diagnosticsDelay === 'number' && isFinite(r.diagnosticsDelay) ? Math.max(0, Math.min(5000, r.diagnosticsDelay)) : defaultSettings.diagnosticsDelay;
  return Object.freeze({
    sources,
    sourceDates,
    includeBundledSources: typeof r.includeBundledSources === 'boolean' ? r.includeBundledSources : defaultSettings.includeBundledSources,
    diagnosticsDelay: delay,
    severity,
    reportUnsourcedQuotes: typeof r.reportUnsourcedQuotes === 'boolean' ? r.reportUnsourcedQuotes : defaultSettings.reportUnsourcedQuotes,
    inlineSuggestions: typeof r.inlineSuggestions === 'boolean' ? r.inlineSuggestions : defaultSettings.inlineSuggestions,
    citationStyle: r.citationStyle === 'inline' || r.citationStyle === 'footnote' || r.citationStyle === 'none' ? r.citationStyle : defaultSettings.citationStyle,
    sourcesOrigin: r.sourcesOrigin === 'workspace' ? 'workspace' : 'user',
    suggestions: r.suggestions === 'off' || r.suggestions === 'names' || r.suggestions === 'all' ? r.suggestions : defaultSettings.suggestions,
    ...(isProject(r.project) ? { project: r.project } : {}),
    accepted: isProject(r.project) && !r.project.malformed ? r.project.accepted : [],
  });
}

function isProject(p: unknown): p is ProjectConfig {
  return !!p && typeof p === 'object' && typeof (p as ProjectConfig).file === 'string' && Array.isArray((p as ProjectConfig).accepted);
}

/** Per-resource settings with a cache; never a module-level global. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<VerbatimSettings>>();
  private pushed: unknown;
  private pushedRaw: Record<string, unknown> = {};
  private projectFor: (resource: string | undefined) => ProjectConfig | undefined = () => undefined;

  constructor(private readonly connection: Connection, private readonly canPull: () => boolean) {}

  /** How to find the project file that applies to a resource (set once the folders are known). */
  setProjectLookup(lookup: (resource: string | undefined) => ProjectConfig | undefined): void {
    this.projectFor = lookup;
    this.cache.clear();
  }

  /** Settings pushed by a client that cannot be asked (initializationOptions or didChangeConfiguration). */
  setPushed(raw: unknown): void {
    this.pushed = raw;
    this.pushedRaw = raw && typeof raw === 'object' ? { ...(raw as Record<string, unknown>) } : {};
    this.cache.clear();
  }

  get(resource: string | undefined): Promise<VerbatimSettings> {
    const project = this.projectFor(resource);
    const fallback = () => sanitizeSettings(withProject(this.pushed ?? {}, project));
    if (!this.canPull()) return Promise.resolve(fallback());
    const key = resource ?? '';
    let entry = this.cache.get(key);
    if (!entry) {
      // A client may offer workspace/configuration yet answer null (or an empty object) for a
      // section it does not know, as Neovim's default handler does: what it pushed at start-up
      // (initializationOptions.settings) still holds, and values it does answer win.
      entry = this.connection.workspace
        .getConfiguration({ scopeUri: resource, section: 'verbatim' })
        .then(
          raw => (raw && typeof raw === 'object' ? sanitizeSettings(withProject({ ...this.pushedRaw, ...(raw as Record<string, unknown>) }, project)) : fallback()),
          () => fallback(),
        );
      this.cache.set(key, entry);
    }
    return entry;
  }

  clear(): void {
    this.cache.clear();
  }
}
