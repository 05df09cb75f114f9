/**
 * Finding and reading source documents on disk: the bundled corpus and user sources
 * named by globs, files or folders. Shared by the language server and the CLI; the
 * engine itself never touches the file system.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
  const read = readFileBounded(file, MAX_SOURCE_BYTES, 'sources');
  if ('problem' in read) return { problem: { uri, displayPath, severity: 'error', message: `${displayPath}: ${read.problem}` } };
  return { input: { uri, displayPath, content: new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength) } };
}

/**
 * Reads at most `maxBytes` of a regular file, or says why not. The limit holds whatever
 * `stat` says (files under /proc report 0 bytes, a file may grow while it is read), and
 * only regular files are opened: reading a device (`/dev/zero`) never ends and opening a
 * named pipe waits for a writer, so they are refused by type.
 */
export function readFileBounded(file: string, maxBytes: number, what = 'files'): { bytes: Buffer } | { problem: string } {
  const kind = kindOf(file);
  if (kind !== 'file') return { problem: kindProblem(kind) };
  let fd: number;
  try {
    // Non-blocking, in case a named pipe took the file's place after the check above.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { problem: describeFsError(e, 'the file cannot be opened') };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { problem: kindProblem(statKind(stat)) };
    const limit = `${what} over ${mb(maxBytes)} MB are not read.`;
    if (stat.size > maxBytes) return { problem: `the file is ${(stat.size / 1048576).toFixed(1)} MB; ${limit}` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) return { problem: `the file has more than ${mb(maxBytes)} MB, though its size on disk says ${stat.size.toLocaleString('en-US')} bytes; ${limit}` };
    }
    return { bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (e) {
    return { problem: describeFsError(e, 'the file cannot be read') };
  } finally {
    fs.closeSync(fd);
  }
}

function mb(bytes: number): string {
  return String(Math.round((bytes / 1048576) * 100) / 100);
}

type FileKind = 'file' | 'folder' | 'pipe' | 'device' | 'socket' | 'missing' | 'broken link' | 'link loop' | 'denied' | 'other';

/** What is at `file`, following symbolic links, without opening it. */
function kindOf(file: string): FileKind {
  try {
    return statKind(fs.statSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'link loop';
    if (code === 'EACCES' || code === 'EPERM') return 'denied';
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      try {
        if (fs.lstatSync(file).isSymbolicLink()) return 'broken link';
      } catch {
        // not there at all
      }
      return 'missing';
    }
    return 'other';
  }
}

function statKind(stat: fs.Stats): FileKind {
  if (stat.isFile()) return 'file';
  if (stat.isDirectory()) return 'folder';
  if (stat.isFIFO()) return 'pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  if (stat.isSocket()) return 'socket';
  return 'other';
}

/** The exact message for each kind of path that is not a readable file. */
function kindProblem(kind: FileKind): string {
  switch (kind) {
    case 'folder':
      return 'is a folder, not a file.';
    case 'pipe':
      return 'is a named pipe (FIFO), not a file; it is not read, since reading it could wait forever.';
    case 'device':
      return 'is a device, not a file; it is not read.';
    case 'socket':
      return 'is a socket, not a file; it is not read.';
    case 'missing':
      return 'the file does not exist.';
    case 'broken link':
      return 'is a symbolic link to a file that does not exist.';
    case 'link loop':
      return 'is a symbolic link that loops back on itself.';
    case 'denied':
      return 'permission to read the file was denied.';
    default:
      return 'is not a regular file; it is not read.';
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
      // One entry per real file: a symbolic link to a parent folder, or the same file named
      // twice, must not index a document twice.
      const real = realOrSelf(file);
      if (seen.has(real)) continue;
      seen.add(real);
      if (root !== undefined && !isInside(real, root)) {
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
  if (stat?.isDirectory()) {
    const unreadable = folderProblem(abs);
    if (unreadable) return { problem: unreadable };
    const files = globSync(SOURCE_EXTENSIONS.map(e => `**/*${e}`), { cwd: abs, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] }).sort();
    return files.length ? { files: files.map(f => path.normalize(f)) } : { problem: 'the folder has no Markdown or text files.' };
  }
  // A file, or a pipe, device or broken link named as a file: reading it says what it is.
  if (stat || isLink(abs)) return { files: [abs] };
  if (!/[*?[\]{}]/.test(spec)) return { problem: `no such file or folder (looked for ${abs}).` };
  const cwd = baseDir ?? process.cwd();
  const files = globSync([expanded], { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })
    .filter(f => SOURCE_EXTENSIONS.includes(path.extname(f).toLowerCase()))
    .map(f => path.normalize(f))
    .sort();
  return files.length ? { files } : { problem: `the pattern matched no Markdown or text files under ${cwd}.` };
}

/** Why a folder cannot be listed (so that it is not reported as empty), or undefined. */
export function folderProblem(dir: string): string | undefined {
  try {
    fs.readdirSync(dir);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission to read the folder was denied.';
    return `the folder cannot be read (${(e as Error).message}).`;
  }
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * What makes two read sources the same file: the real path behind a `file:` URI (a link to a
 * parent folder, or one file named by two specifications read apart), else the URI itself.
 * For callers that read specifications one at a time, to keep one entry per real file.
 */
export function realFileOf(input: { readonly uri: string }): string {
  return input.uri.startsWith('file:') ? realOrSelf(fileURLToPath(input.uri)) : input.uri;
}

/** The real path of `p` (symbolic links resolved), or `p` if it has none. */
export function realOrSelf(p: string): string {
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
