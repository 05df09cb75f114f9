/**
 * Finding and reading source documents on disk: the bundled corpus and user sources
 * named by globs, files or folders. Shared by the language server and the CLI; the
 * engine itself never touches the file system.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import type { SourceInput, SourceProblem } from './engine';

/** Extensions read as sources when a folder is named. */
export const SOURCE_EXTENSIONS = ['.md', '.markdown', '.txt', '.text'];
/** Larger files are refused rather than slowing every keystroke. */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/** The URI scheme under which the server exposes bundled sources (opened read-only by the client). */
export const BUNDLED_SCHEME = 'verbatim-source';

/** The folder holding the sources that ship with Verbatim. */
export function bundledCorpusDir(): string {
  // Works from server/out (tsc), dist/ (esbuild bundle) and an installed package alike.
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'corpus');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`Verbatim's bundled corpus folder was not found above ${__dirname}; the installation is incomplete.`);
}

export interface ReadResult {
  readonly inputs: SourceInput[];
  readonly problems: SourceProblem[];
}

/**
 * Reads the bundled sources. `uriFor` decides how they are addressed: the server uses
 * its read-only scheme, the CLI plain file URIs.
 */
export function readBundledSources(uriFor: (file: string, name: string) => string = file => pathToFileURL(file).href): ReadResult {
  const dir = bundledCorpusDir();
  const names = fs.readdirSync(dir).filter(n => SOURCE_EXTENSIONS.includes(path.extname(n).toLowerCase())).sort();
  const result: ReadResult = { inputs: [], problems: [] };
  for (const name of names) {
    const file = path.join(dir, name);
    const read = readSourceFile(file, `${name} (bundled)`, uriFor(file, name));
    if ('input' in read) result.inputs.push({ ...read.input, bundled: true });
    else result.problems.push(read.problem);
  }
  return result;
}

/** Reads one file as a source, or says clearly why it cannot. */
export function readSourceFile(file: string, displayPath: string, uri = pathToFileURL(file).href): { input: SourceInput } | { problem: SourceProblem } {
  const fail = (reason: string) => ({ problem: { uri, displayPath, severity: 'error' as const, message: `${displayPath}: ${reason}` } });
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    return fail(describeFsError(e, 'the file does not exist or cannot be opened'));
  }
  if (stat.isDirectory()) return fail('is a folder, not a file.');
  if (stat.size > MAX_SOURCE_BYTES) return fail(`the file is ${(stat.size / 1048576).toFixed(1)} MB; sources over ${MAX_SOURCE_BYTES / 1048576} MB are not indexed.`);
  try {
    return { input: { uri, displayPath, content: new Uint8Array(fs.readFileSync(file)) } };
  } catch (e) {
    return fail(describeFsError(e, 'the file cannot be read'));
  }
}

/**
 * Resolves user source specifications against a base folder: a file, a folder (every
 * Markdown or text file below it), or a glob. A specification that finds nothing is
 * reported so that a typo in a setting does not silently index nothing.
 */
export function readUserSources(specs: readonly string[], baseDir: string | undefined, origin: string, options: { confineTo?: string } = {}): ReadResult {
  const result: ReadResult = { inputs: [], problems: [] };
  const seen = new Set<string>();
  const root = options.confineTo !== undefined ? realOrSelf(options.confineTo) : undefined;
  for (const spec of specs) {
    const files = resolveSpec(spec, baseDir);
    if ('problem' in files) {
      result.problems.push({ uri: spec, displayPath: spec, severity: 'error', message: `${origin} "${spec}": ${files.problem}` });
      continue;
    }
    for (const file of files.files) {
      if (seen.has(file)) continue;
      seen.add(file);
      if (root !== undefined && !isInside(realOrSelf(file), root)) {
        result.problems.push({
          uri: pathToFileURL(file).href,
          displayPath: file,
          severity: 'error',
          message: `${origin} "${spec}": ${file} is outside the workspace folder and was not read. A workspace's own settings may only name sources inside it; name other files in your user settings or on the command line.`,
        });
        continue;
      }
      const display = baseDir && file.startsWith(baseDir + path.sep) ? path.relative(baseDir, file) : file;
      const read = readSourceFile(file, display);
      if ('input' in read) result.inputs.push(read.input);
      else result.problems.push(read.problem);
    }
  }
  return result;
}

function resolveSpec(spec: string, baseDir: string | undefined): { files: string[] } | { problem: string } {
  const expanded = spec.startsWith('~/') && process.env.HOME ? path.join(process.env.HOME, spec.slice(2)) : spec;
  const abs = path.isAbsolute(expanded) ? expanded : baseDir ? path.join(baseDir, expanded) : path.resolve(expanded);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(abs);
  } catch {
    stat = undefined;
  }
  if (stat?.isFile()) return { files: [abs] };
  if (stat?.isDirectory()) {
    const files = globSync(SOURCE_EXTENSIONS.map(e => `**/*${e}`), { cwd: abs, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] }).sort();
    return files.length ? { files: files.map(f => path.normalize(f)) } : { problem: 'the folder has no Markdown or text files.' };
  }
  if (!/[*?[\]{}]/.test(spec)) return { problem: `no such file or folder (looked for ${abs}).` };
  const cwd = baseDir ?? process.cwd();
  const files = globSync([expanded], { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })
    .filter(f => SOURCE_EXTENSIONS.includes(path.extname(f).toLowerCase()))
    .map(f => path.normalize(f))
    .sort();
  return files.length ? { files } : { problem: `the pattern matched no Markdown or text files under ${cwd}.` };
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function describeFsError(e: unknown, fallback: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'the file does not exist.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission to read the file was denied.';
  if (code === 'EISDIR') return 'is a folder, not a file.';
  return `${fallback} (${(e as Error)?.message ?? String(e)}).`;
}
