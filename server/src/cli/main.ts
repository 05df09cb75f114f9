/**
 * The `verbatim` command: lists the indexed sources and checks drafts, for people
 * and for CI. Same engine as the editor; output as text, JSON or SARIF.
 */
import { ruleHref } from '../ruleDocs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { globSync } from 'tinyglobby';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createEngine, loadCorpus, type Engine, type ReportOptions, type SeverityName, type SourceInput, type SourceProblem } from '../engine';
import { packageVersion } from '../packageInfo';
import { findProjectFile, ignoreMatcher, readProjectFileAt, readProjectSources, PROJECT_FILE_NAME, type ProjectConfig } from '../projectFile';
import { staleAcceptanceDiagnostics } from '../projectDiagnostics';
import { folderProblem, MAX_SOURCE_BYTES, readBundledSources, readFileBounded, readUserSources, realOrSelf, SOURCE_EXTENSIONS } from '../sourceFiles';
import { formatSarif, formatText, printable, type FileResult } from './format';
import { checkWordFile, CliInputError, extractCommand, isWordFile, reportLocator, reviewCommand, WORD_EXTENSIONS } from './docx';

/** Drafts larger than this are refused (as sources are). */
const MAX_DRAFT_BYTES = MAX_SOURCE_BYTES;

const VERSION: string = packageVersion();

const HELP = `verbatim ${VERSION}: check drafts against official sources.

Usage:
  verbatim check [options] FILE|FOLDER|GLOB...   check drafts (.md, .txt, .docx); exits 1 on findings
  verbatim review [options] DRAFT.docx --output COPY.docx
                                                 write a copy of a Word draft with a comment on each finding
  verbatim extract DRAFT.docx                    print the text Verbatim reads in a Word draft
  verbatim sources [options]                     list the indexed source documents
  verbatim --help | --version

Options:
  --source PATH         add a source document, or every .md/.txt file in a folder
                        (repeatable; globs allowed)
  --no-bundled          do not index the bundled Roadmap sources
  --format FMT          text (default), json, or sarif (check); text or json (sources)
  --fail-on LEVEL       error, warning (default), information, hint, or none:
                        the lowest severity that makes 'check' exit 1
  --severity CODE=LVL   override one code's severity (repeatable; LVL: error,
                        warning, information, hint, off)
  --output FILE         write the results to FILE instead of standard output
                        (review: the reviewed copy, a new .docx; never the draft)
  --report FILE         also write the consistency report (check): Markdown, or a
                        self-contained HTML page if FILE ends in .html
  --coverage            add the coverage of the sources' commitments to the report
  --config FILE         the project file to use (default: ${PROJECT_FILE_NAME} in the
                        current folder or above, up to the repository root)
  --no-config           use no project file

Exit codes: 0 no findings at or above --fail-on; 1 findings; 2 usage or input error
(a Word file that cannot be read is reported and the others are still checked).
Examples:
  verbatim check drafts/readout.md
  verbatim check --format sarif --output verbatim.sarif drafts/
  verbatim sources --source policy/ --format json`;

/** Thrown for usage and input errors: printed as one clear line, exit code 2. */
export class UsageError extends Error {}

export interface CliIO {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly cwd: string;
}

const defaultIO: CliIO = {
  stdout: s => process.stdout.write(s),
  stderr: s => process.stderr.write(s),
  cwd: process.cwd(),
};

const FAIL_LEVELS: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4, none: 0 };
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint', 'off'];

/** Runs the CLI and returns its exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof CliInputError) {
      io.stderr(`verbatim: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    io.stderr(`verbatim: unexpected error: ${err?.message ?? String(e)}\n${err?.stack ?? ''}\n`);
    return 2;
  }
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        source: { type: 'string', multiple: true, short: 's' },
        'no-bundled': { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        'fail-on': { type: 'string' },
        severity: { type: 'string', multiple: true },
        output: { type: 'string', short: 'o' },
        report: { type: 'string' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        coverage: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify.*$/s, '')}. Run 'verbatim --help' for usage.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (values.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const [command, ...rest] = positionals;
  if (!command) throw new UsageError("no command given. Use 'verbatim check FILE...' or 'verbatim sources'; 'verbatim --help' for more.");
  if (command === 'extract') return extractCommand(rest, values.output, io.cwd, io);

  const project = loadProject(values.config, !!values['no-config'], io);
  // Flags override the project file, code by code.
  const severity: Record<string, SeverityName> = { ...(project?.severity ?? {}) };
  for (const s of values.severity ?? []) {
    const m = /^([\w-]+)=(\w+)$/.exec(s);
    if (!m || !SEVERITY_NAMES.includes(m[2])) throw new UsageError(`--severity expects CODE=LEVEL with LEVEL one of ${SEVERITY_NAMES.join(', ')}; got "${s}".`);
    severity[m[1]] = m[2] as SeverityName;
  }

  const engine = loadEngine(values.source ?? [], !values['no-bundled'] && project?.includeBundledSources !== false, io, project);
  if (command === 'review') {
    const options = { severity, reportUnsourcedQuotes: project?.reportUnsourcedQuotes, accepted: project?.accepted ?? [], ruleHref };
    return reviewCommand(rest, values.output, engine, options, ignoreMatcher(project), io.cwd, io);
  }
  const out = values.output ? bufferTo(values.output, io) : { write: io.stdout, close: () => undefined };

  if (command === 'sources') {
    if (rest.length) throw new UsageError(`'sources' takes no files (got ${rest.join(' ')}).`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format for 'sources' is text or json, not "${format}".`);
    out.write(format === 'json' ? JSON.stringify(sourcesJson(engine), null, 2) + '\n' : sourcesText(engine));
    out.close();
    return 0;
  }
  if (command === 'check') {
    const format = values.format ?? 'text';
    if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format for 'check' is text, json or sarif, not "${format}".`);
    const failOn = values['fail-on'] ?? 'warning';
    if (!(failOn in FAIL_LEVELS)) throw new UsageError(`--fail-on is one of ${Object.keys(FAIL_LEVELS).join(', ')}, not "${failOn}".`);
    if (!rest.length) throw new UsageError("'check' needs at least one draft file, folder or glob.");
    const ignored = ignoreMatcher(project);
    const files = expandDrafts(rest, io.cwd).filter(f => {
      if (!ignored(path.resolve(io.cwd, f))) return true;
      if (!/[*?[\]{}]/.test(f) && rest.includes(f)) io.stderr(`verbatim: ${f}: not checked (matches "ignore" in ${PROJECT_FILE_NAME}).\n`);
      return false;
    });
    const options = { severity, reportUnsourcedQuotes: project?.reportUnsourcedQuotes, accepted: project?.accepted ?? [], ruleHref };
    const results: FileResult[] = [];
    let unreadable = 0;
    for (const f of files) {
      if (!isWordFile(f)) results.push(checkFile(engine, f, path.resolve(io.cwd, f), options));
      else {
        const word = await checkWordFile(engine, f, path.resolve(io.cwd, f), options, io.stderr);
        if (word) results.push(word);
        else unreadable++;
      }
    }
    if (values.report) writeReport(values.report, engine, results, io, { coverage: !!values.coverage, severity, accepted: options.accepted, reportUnsourcedQuotes: options.reportUnsourcedQuotes, ruleHref });
    // Stale acceptances are findings in the project file itself: reported, never dropped silently.
    if (project) {
      const stale = staleAcceptanceDiagnostics(engine.index, project);
      if (stale.length) results.push({ file: path.relative(io.cwd, project.file) || project.file, text: project.text, diagnostics: stale });
    }
    if (format === 'json') out.write(JSON.stringify(results.map(r => ({ file: r.file, diagnostics: r.diagnostics })), null, 2) + '\n');
    else if (format === 'sarif') out.write(JSON.stringify(formatSarif(results, engine.index, VERSION, io.cwd), null, 2) + '\n');
    else out.write(formatText(results, engine.index));
    out.close();
    const threshold = FAIL_LEVELS[failOn];
    const failing = results.some(r => r.diagnostics.some(d => threshold > 0 && (d.severity ?? 1) <= threshold));
    return unreadable ? 2 : failing ? 1 : 0;
  }
  throw new UsageError(`unknown command "${command}". Commands: check, review, extract, sources.`);
}

/** The project file: named with --config, else found upwards; a malformed one is an input error (the check would not be the project's). */
function loadProject(configPath: string | undefined, none: boolean, io: CliIO): ProjectConfig | undefined {
  if (none) return undefined;
  let project: ProjectConfig | undefined;
  if (configPath) {
    try {
      project = readProjectFileAt(path.resolve(io.cwd, configPath));
    } catch (e) {
      throw new UsageError(`--config ${(e as Error).message}`);
    }
  } else {
    const found = findProjectFile(io.cwd);
    if (found) project = readProjectFileAt(found);
  }
  if (!project) return undefined;
  const shown = path.relative(io.cwd, project.file) || project.file;
  const where = (m: string) => m.replace(path.basename(project!.file) + ':', `${shown}:`);
  if (project.malformed) throw new UsageError(project.problems.map(p => where(p.message)).join('\n'));
  for (const p of project.problems) io.stderr(`verbatim: warning: ${where(p.message)}\n`);
  return project;
}

function loadEngine(sourceSpecs: readonly string[], bundled: boolean, io: CliIO, project?: ProjectConfig): Engine {
  const inputs: SourceInput[] = [];
  const problems: SourceProblem[] = [];
  if (bundled) {
    const b = readBundledSources();
    inputs.push(...b.inputs);
    problems.push(...b.problems);
  }
  const user = readUserSources(sourceSpecs, io.cwd, '--source');
  // A path the user typed that does not exist is an input error, not a warning.
  const missing = user.problems.filter(p => p.message.startsWith('--source'));
  if (missing.length) throw new UsageError(missing.map(p => p.message).join('\n'));
  inputs.push(...user.inputs);
  problems.push(...user.problems);
  if (project) {
    const fromProject = readProjectSources(project);
    inputs.push(...fromProject.inputs);
    problems.push(...fromProject.problems);
  }
  const index = loadCorpus(inputs, undefined, problems);
  for (const p of index.problems) io.stderr(`verbatim: ${p.severity === 'error' ? 'skipped source' : 'warning'}: ${printable(p.message)}\n`);
  if (index.documents.length === 0) {
    throw new UsageError(bundled ? 'no source could be loaded, so there is nothing to check against.' : 'no sources: --no-bundled was given and no --source loaded. Add --source PATH.');
  }
  return createEngine(index);
}

/** The drafts named on the command line, each real file once, in the order first named. */
function expandDrafts(specs: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const real = realOrSelf(path.resolve(cwd, file));
    if (seen.has(real)) return;
    seen.add(real);
    files.push(file);
  };
  for (const spec of specs) {
    const abs = path.resolve(cwd, spec);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const unreadable = folderProblem(abs);
      if (unreadable) throw new UsageError(`${printable(spec)}: ${unreadable}`);
      const found = globSync([...SOURCE_EXTENSIONS, ...WORD_EXTENSIONS].map(e => `**/*${e}`), { cwd: abs, ignore: ['**/node_modules/**', '**/.git/**', '**/~$*'] }).sort();
      if (!found.length) throw new UsageError(`${printable(spec)}: the folder has no Markdown, text or Word drafts.`);
      for (const f of found) add(path.join(spec, f));
    } else if (stat || isLink(abs)) {
      // A file, or a pipe, device or broken link: reading it says what it is.
      add(spec);
    } else if (/[*?[\]{}]/.test(spec)) {
      const found = globSync([spec], { cwd, ignore: ['**/node_modules/**', '**/.git/**'] }).sort();
      if (!found.length) throw new UsageError(`${printable(spec)}: the pattern matched no files.`);
      for (const f of found) add(f);
    } else {
      throw new UsageError(`${printable(spec)}: no such file or folder.`);
    }
  }
  return files;
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function checkFile(engine: Engine, file: string, absolute: string, options: Parameters<Engine['check']>[1]): FileResult {
  const read = readFileBounded(absolute, MAX_DRAFT_BYTES, 'drafts');
  if ('problem' in read) throw new UsageError(`${printable(file)}: ${read.problem}`);
  const bytes = read.bytes;
  if (bytes.subarray(0, 8000).includes(0)) throw new UsageError(`${printable(file)}: looks like a binary file, not a draft. Drafts must be Markdown or plain text.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${printable(file)}: is not valid UTF-8 text. Save it as UTF-8 and try again.`);
  }
  const diagnostics: Diagnostic[] = engine.check({ uri: pathToFileURL(absolute).href, text }, options);
  return { file, text, diagnostics };
}

function writeReport(file: string, engine: Engine, results: readonly FileResult[], io: CliIO, options: ReportOptions): void {
  const target = path.resolve(io.cwd, file);
  // Links to the drafts' lines, relative to where the report is written (as GitHub and editors resolve them).
  const inputs = results.map(r => ({ uri: r.file, name: r.file, text: r.text, ...(reportLocator(r) ?? { link: path.relative(path.dirname(target), path.resolve(io.cwd, r.file)).split(path.sep).map(encodeURIComponent).join('/') }) }));
  const out = /\.html?$/i.test(file) ? engine.htmlReport(inputs, options) : engine.report(inputs, options);
  try {
    fs.writeFileSync(target, out);
  } catch (e) {
    throw new UsageError(`cannot write ${file} (${(e as Error).message}).`);
  }
}

function sourcesJson(engine: Engine) {
  return engine.index.documents.map(d => ({
    id: d.id,
    title: d.title,
    date: d.date ?? null,
    url: d.url ?? null,
    publisher: d.publisher ?? null,
    language: d.lang ?? null,
    file: d.displayPath,
    bundled: d.bundled,
    sections: [...(d.opening ? [d.opening] : []), ...d.sections].map(s => ({ id: s.id, title: s.title, paragraphs: s.paragraphIds.length })),
    paragraphs: d.paragraphs.map(p => ({
      id: p.id,
      label: p.label,
      section: p.sectionTitle,
      kind: p.kind,
      line: p.range.start.line + 1,
      text: p.text,
    })),
  }));
}

function sourcesText(engine: Engine): string {
  const lines: string[] = [];
  for (const d of engine.index.documents) {
    lines.push(printable(d.title));
    lines.push(`  id: ${printable(d.id)}   date: ${printable(d.date ?? '-')}   file: ${printable(d.displayPath)}`);
    if (d.url) lines.push(`  url: ${printable(d.url)}`);
    for (const s of [...(d.opening ? [d.opening] : []), ...d.sections]) {
      lines.push(`    ${printable(s.title).padEnd(40)} ${String(s.paragraphIds.length).padStart(3)} paragraph${s.paragraphIds.length === 1 ? '' : 's'}`);
    }
    lines.push('');
  }
  const n = engine.index.documents.length;
  lines.push(`${n} source${n === 1 ? '' : 's'}, ${engine.index.passageCount} passages.`);
  return lines.join('\n') + '\n';
}

function bufferTo(file: string, io: CliIO) {
  const chunks: string[] = [];
  return {
    write: (s: string) => void chunks.push(s),
    close: () => {
      try {
        fs.writeFileSync(path.resolve(io.cwd, file), chunks.join(''));
      } catch (e) {
        throw new UsageError(`cannot write ${file} (${(e as Error).message}).`);
      }
    },
  };
}
