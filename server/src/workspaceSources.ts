/**
 * The indexed sources of each workspace folder. Each folder has its own settings
 * (`verbatim.sources`, `verbatim.includeBundledSources`) and so its own immutable
 * index; a reload builds a new engine and swaps it in, so requests already running
 * keep the engine they started with.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { CancelledError, createEngine, loadCorpusSteps, warmUp, type CancellationToken, type Engine, type SourceInput, type SourceProblem } from './engine';
import type { SourceSummary, StatusParams } from './protocol';
import type { SettingsCache, VerbatimSettings } from './settings';
import { runInSlices } from './slices';
import { BUNDLED_SCHEME, readBundledSources, readUserSources, realFileOf, type ReadResult } from './sourceFiles';
import { loadProjectFile, PROJECT_FILE_NAME, readProjectSources, type ProjectConfig } from './projectFile';

interface FolderState {
  readonly key: string;
  engine?: Engine;
  loading?: Promise<Engine>;
  /** Bumped on every reload request so that an older load finishing late is discarded. */
  generation: number;
  settings?: VerbatimSettings;
}

export class WorkspaceSources {
  private folders: { uri: string; path: string }[] = [];
  private readonly states = new Map<string, FolderState>();
  private bundled: ReadResult | undefined;
  private readonly listeners: ((folderKey: string) => void)[] = [];
  private loadingCount = 0;
  private trusted = true;

  constructor(private readonly connection: Connection, private readonly settings: SettingsCache) {}

  /**
   * Workspace trust, as the editor reports it. In an untrusted workspace (VS Code's Restricted
   * Mode) only the bundled sources are read: `verbatim.sources` could name any file.
   */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  setFolders(folders: readonly { uri: string; name?: string }[]): void {
    this.folders = folders
      .filter(f => f.uri.startsWith('file:'))
      .map(f => ({ uri: f.uri.replace(/\/$/, ''), path: fileURLToPath(f.uri) }))
      .sort((a, b) => b.uri.length - a.uri.length);
    for (const key of [...this.states.keys()]) if (key && !this.folders.some(f => f.uri === key)) this.states.delete(key);
  }

  /** Called after a folder's sources were (re)loaded. */
  onDidLoad(listener: (folderKey: string) => void): void {
    this.listeners.push(listener);
  }

  /** The folder a document belongs to ('' outside any folder: the first folder's sources are used). */
  folderKeyFor(uri: string | undefined): string {
    if (uri) {
      const folder = this.folders.find(f => uri === f.uri || uri.startsWith(f.uri + '/'));
      if (folder) return folder.uri;
    }
    return this.folders.length ? this.folders[this.folders.length - 1].uri : '';
  }

  /** The file system path of the workspace folder a document belongs to (undefined outside any folder). */
  folderPathFor(uri: string | undefined): string | undefined {
    const key = this.folderKeyFor(uri);
    return this.folders.find(f => f.uri === key)?.path;
  }

  private readonly projects = new Map<string, ProjectConfig | null>();

  /**
   * The project file (`.verbatim.json`) of the folder a document belongs to. Never read in an
   * untrusted workspace: it arrives with the repository.
   */
  projectFor(uri: string | undefined): ProjectConfig | undefined {
    const folder = this.folderPathFor(uri);
    if (!folder || !this.trusted) return undefined;
    if (!this.projects.has(folder)) this.projects.set(folder, loadProjectFile(folder) ?? null);
    return this.projects.get(folder) ?? undefined;
  }

  /** Forgets the project files read (one changed on disk). */
  forgetProjects(): void {
    this.projects.clear();
  }

  /** The engine for a document, loading its folder's sources on first use. */
  engineFor(uri: string | undefined): Promise<Engine> {
    const state = this.state(this.folderKeyFor(uri));
    if (state.engine) return Promise.resolve(state.engine);
    return state.loading ?? this.load(state);
  }

  /** The current engine if loaded, without waiting (for latency-critical requests). */
  currentEngineFor(uri: string | undefined): Engine | undefined {
    return this.state(this.folderKeyFor(uri)).engine;
  }

  /** Re-reads sources (all folders, or those given) and rebuilds their indexes. */
  async reload(folderKeys?: readonly string[]): Promise<void> {
    const keys = folderKeys ?? (this.states.size ? [...this.states.keys()] : [this.folderKeyFor(undefined)]);
    await Promise.all(keys.map(k => this.load(this.state(k))));
  }

  /** True if `uri` is one of the loaded sources. */
  isSourceUri(uri: string): boolean {
    for (const s of this.states.values()) if (s.engine?.index.getDocumentByUri(uri)) return true;
    return false;
  }

  /** True if `uri` is a loaded source or one that failed to load (so fixing it reloads it). */
  isKnownSource(uri: string): boolean {
    for (const s of this.states.values()) if (s.engine?.index.getDocumentByUri(uri) || s.engine?.index.problems.some(p => p.uri === uri)) return true;
    return false;
  }

  /** Folders whose sources `fileUri` may belong to (by being loaded or sitting inside the folder). */
  foldersAffectedBy(fileUri: string): string[] {
    const keys: string[] = [];
    for (const s of this.states.values()) {
      if (s.engine?.index.getDocumentByUri(fileUri) || s.key === '' || fileUri.startsWith(s.key + '/') || (s.settings?.sources.some(p => path.isAbsolute(p)) ?? false)) keys.push(s.key);
    }
    return keys;
  }

  /** Summaries for the status bar and the sources view. */
  status(uri?: string): StatusParams {
    const state = this.states.get(this.folderKeyFor(uri));
    const index = state?.engine?.index;
    const sources: SourceSummary[] = (index?.documents ?? []).map(d => ({
      id: d.id,
      title: d.title,
      date: d.date,
      url: d.url,
      uri: d.uri,
      displayPath: d.displayPath,
      bundled: d.bundled,
      passages: d.paragraphs.length,
      sections: [...(d.opening ? [d.opening] : []), ...d.sections].map(s => ({ id: s.id, title: s.title, passages: s.paragraphIds.length })),
    }));
    return {
      loading: this.loadingCount > 0,
      trusted: this.trusted,
      sources,
      passages: index?.passageCount ?? 0,
      problems: (index?.problems ?? []).map(p => ({ displayPath: p.displayPath, severity: p.severity, message: p.message })),
    };
  }

  private state(key: string): FolderState {
    let s = this.states.get(key);
    if (!s) this.states.set(key, (s = { key, generation: 0 }));
    return s;
  }

  /**
   * Reads, parses and indexes a folder's sources a slice at a time (requests go on being
   * answered with the engine already loaded), warms the new index's lookup structures, and
   * only then swaps it in. A newer load of the same folder cancels this one.
   */
  private load(state: FolderState): Promise<Engine> {
    const generation = ++state.generation;
    const superseded: CancellationToken = { get isCancellationRequested() { return generation !== state.generation; } };
    this.loadingCount++;
    const run = (async (): Promise<Engine> => {
      try {
        const settings = await this.settings.get(state.key || undefined);
        state.settings = settings;
        const inputs: SourceInput[] = [];
        const problems: SourceProblem[] = [];
        if (settings.includeBundledSources) {
          this.bundled ??= readBundledSources((_file, name) => `${BUNDLED_SCHEME}:/${name}`);
          inputs.push(...this.bundled.inputs);
          problems.push(...this.bundled.problems);
        }
        const folderPath = this.folders.find(f => f.uri === state.key)?.path;
        if (!this.trusted) {
          if (folderPath && existsQuietly(folderPath)) {
            problems.push({
              uri: 'verbatim:restricted-mode-project',
              displayPath: PROJECT_FILE_NAME,
              severity: 'warning',
              message: `This workspace is not trusted (Restricted Mode): its project file ${PROJECT_FILE_NAME} is not read. Trust the workspace to use it.`,
            });
          }
          if (settings.sources.length) {
            problems.push({
              uri: 'verbatim:restricted-mode',
              displayPath: 'verbatim.sources',
              severity: 'warning',
              message: 'This workspace is not trusted (Restricted Mode): only the bundled sources are indexed. Trust the workspace to index the sources named in verbatim.sources.',
            });
          }
        } else {
          // A workspace's settings arrive with the repository: they may only name files inside it.
          const confineTo = settings.sourcesOrigin === 'workspace' ? folderPath : undefined;
          const specs = settings.sourcesOrigin === 'workspace' && !folderPath ? [] : settings.sources;
          const user = readDatedSources(specs, settings.sourceDates, folderPath, confineTo);
          inputs.push(...user.inputs);
          problems.push(...user.problems);
          const project = settings.project;
          if (project) {
            const uri = pathToFileURL(project.file).href;
            for (const p of project.problems) problems.push({ uri, displayPath: PROJECT_FILE_NAME, severity: p.severity, message: p.message });
            const fromProject = readProjectSources(project);
            // One entry per real file, whether the settings or the project file named it first.
            const known = new Set(inputs.map(realFileOf));
            inputs.push(...fromProject.inputs.filter(i => !known.has(realFileOf(i))));
            problems.push(...fromProject.problems);
          }
        }
        const started = Date.now();
        const index = await runInSlices(loadCorpusSteps(inputs, superseded, problems), superseded);
        await runInSlices(warmUp(index), superseded);
        const engine = createEngine(index);
        this.connection.console.info(
          `Indexed ${index.documents.length} source(s), ${index.passageCount} passages for ${state.key || 'the workspace'} in ${Date.now() - started} ms.`,
        );
        for (const p of engine.index.problems) this.connection.console.warn(p.message);
        if (generation === state.generation) state.engine = engine;
        return state.engine ?? engine;
      } catch (e) {
        // A newer load of this folder replaced this one: answer with what it loads.
        if (e instanceof CancelledError && generation !== state.generation) {
          if (state.loading) return state.loading;
          if (state.engine) return state.engine;
        }
        throw e;
      } finally {
        this.loadingCount--;
        if (generation === state.generation) state.loading = undefined;
      }
    })();
    state.loading = run;
    return run.then(engine => {
      if (generation === state.generation) for (const l of this.listeners) l(state.key);
      return engine;
    });
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the sources named in `verbatim.sources`, in order, each with the date given with it
 * (`dates`, by spec). A file named both with a date and by a pattern without one keeps the date.
 * Each specification is read on its own, so a file is known by its real path here: named again
 * through a link (to it or to a parent folder), it is still one entry.
 */
export function readDatedSources(specs: readonly string[], dates: Readonly<Record<string, string>>, folderPath: string | undefined, confineTo: string | undefined): ReadResult {
  const inputs: SourceInput[] = [];
  const problems: SourceProblem[] = [];
  const at = new Map<string, number>();
  for (const spec of specs) {
    let date = Object.prototype.hasOwnProperty.call(dates, spec) ? dates[spec] : undefined;
    if (date !== undefined && !(ISO_DATE.test(date) && !Number.isNaN(Date.parse(date)))) {
      problems.push({ uri: `verbatim:source-date:${spec}`, displayPath: 'verbatim.sources', severity: 'warning', message: `verbatim.sources "${spec}": the date "${date}" must be YYYY-MM-DD; it is ignored.` });
      date = undefined;
    }
    const read = readUserSources([spec], folderPath, 'verbatim.sources', { confineTo });
    problems.push(...read.problems);
    for (const input of read.inputs) {
      const real = realFileOf(input);
      const i = at.get(real);
      if (i === undefined) {
        at.set(real, inputs.length);
        inputs.push(date ? { ...input, date } : input);
      } else if (date && !inputs[i].date) inputs[i] = { ...inputs[i], date };
    }
  }
  return { inputs, problems };
}

function existsQuietly(folder: string): boolean {
  try {
    return fs.statSync(path.join(folder, PROJECT_FILE_NAME)).isFile();
  } catch {
    return false;
  }
}
