/**
 * The project file, `.verbatim.json` at the root of a workspace (or repository): what an office
 * shares through its repository so that the editor and CI check drafts the same way. JSON with
 * comments. Read by the language server (per workspace folder, only in a trusted workspace) and
 * by the CLI (found upwards from the current folder, or `--config PATH`).
 *
 * A project file arrives with a repository, so the sources it names must resolve, as real paths,
 * inside the folder that holds it; anything else is refused with a message. Errors carry the
 * line and column; a file that does not parse is ignored as a whole, with that message, and
 * everything else goes on working.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { modify, parseTree, printParseErrorCode, findNodeAtLocation, getNodeValue, type Node, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { AllCodes, type Acceptance, type SeverityName, type SourceInput, type SourceProblem, type SuggestionsMode } from './engine';
import { readUserSources, realFileOf, type ReadResult } from './sourceFiles';

export const PROJECT_FILE_NAME = '.verbatim.json';

/** The project's `suggestions`: the same setting as `verbatim.suggestions`, which overrides it. */
export type SuggestionMode = SuggestionsMode;

export interface ProjectSource {
  /** A file, folder or glob, relative to the project folder. */
  readonly path: string;
  /** ISO date of the document, when its front matter has none. */
  readonly date?: string;
  /** Language of the document (`en`, `fr`). */
  readonly language?: string;
  readonly line: number;
}

export interface ProjectAcceptance extends Acceptance {
  /** 1-based line of the entry in the project file (for messages). */
  readonly line: number;
}

export interface ProjectProblem {
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface ProjectConfig {
  /** Absolute path of the project file. */
  readonly file: string;
  /** The folder holding it: the project's root, which its sources may not leave. */
  readonly root: string;
  readonly text: string;
  /** True when the file did not parse: nothing in it is used. */
  readonly malformed: boolean;
  readonly sources: readonly ProjectSource[];
  readonly includeBundledSources?: boolean;
  readonly severity: Readonly<Record<string, SeverityName>>;
  readonly reportUnsourcedQuotes?: boolean;
  readonly suggestions?: SuggestionMode;
  /** Globs (relative to the root) of drafts not to check. */
  readonly ignore: readonly string[];
  readonly accepted: readonly ProjectAcceptance[];
  readonly problems: readonly ProjectProblem[];
}

const KNOWN_KEYS = new Set(['$schema', 'sources', 'includeBundledSources', 'severity', 'reportUnsourcedQuotes', 'suggestions', 'ignore', 'accepted']);
const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const ERROR_WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon after the property name',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a closing brace }',
  CloseBracketExpected: 'expected a closing bracket ]',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid Unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/** Parses a project file's text. Never throws: what is wrong is in `problems`, with lines. */
export function parseProjectFile(text: string, file: string): ProjectConfig {
  const root = path.dirname(file);
  const problems: ProjectProblem[] = [];
  const base = { file, root, text, sources: [], severity: {}, ignore: [], accepted: [] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !tree) {
    const e = errors[0];
    const at = lineCol(text, e ? e.offset : 0);
    const what = e ? ERROR_WORDS[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error) : 'the file is empty';
    problems.push({ ...at, severity: 'error', message: `${path.basename(file)}:${at.line}:${at.column}: ${what}. The project file is not used until this is fixed.` });
    return { ...base, malformed: true, problems };
  }
  const warn = (node: Node | undefined, message: string) => {
    const at = lineCol(text, node?.offset ?? 0);
    problems.push({ ...at, severity: 'warning', message: `${path.basename(file)}:${at.line}:${at.column}: ${message}` });
  };
  if (tree.type !== 'object') {
    warn(tree, 'the project file must be a JSON object ({ … }); nothing in it is used.');
    return { ...base, malformed: true, problems };
  }
  const prop = (name: string) => findNodeAtLocation(tree, [name]);
  for (const p of tree.children ?? []) {
    const key = p.children?.[0]?.value as string;
    if (!KNOWN_KEYS.has(key)) warn(p.children?.[0], `unknown setting "${key}" (known: ${[...KNOWN_KEYS].filter(k => k !== '$schema').join(', ')}); it is ignored.`);
  }

  const sources: ProjectSource[] = [];
  const sNode = prop('sources');
  if (sNode) {
    if (sNode.type !== 'array') warn(sNode, '"sources" must be a list of paths or { "path": …, "date": …, "language": … } objects.');
    else
      for (const item of sNode.children ?? []) {
        const line = lineCol(text, item.offset).line;
        const v = getNodeValue(item) as unknown;
        if (typeof v === 'string' && v.trim()) sources.push({ path: v, line });
        else if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { path?: unknown }).path === 'string') {
          const o = v as { path: string; date?: unknown; language?: unknown };
          if (o.date !== undefined && (typeof o.date !== 'string' || !ISO_DATE.test(o.date))) warn(item, `the date of source "${o.path}" must be YYYY-MM-DD; it is ignored.`);
          if (o.language !== undefined && (typeof o.language !== 'string' || !/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(o.language))) warn(item, `the language of source "${o.path}" must be a language tag such as "en" or "fr"; it is ignored.`);
          sources.push({
            path: o.path,
            line,
            ...(typeof o.date === 'string' && ISO_DATE.test(o.date) ? { date: o.date } : {}),
            ...(typeof o.language === 'string' && /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/.test(o.language) ? { language: o.language } : {}),
          });
        } else warn(item, 'each source is a path, or an object with a "path".');
      }
  }

  const bool = (name: string): boolean | undefined => {
    const n = prop(name);
    if (!n) return undefined;
    if (n.type !== 'boolean') {
      warn(n, `"${name}" must be true or false; it is ignored.`);
      return undefined;
    }
    return n.value as boolean;
  };

  const severity: Record<string, SeverityName> = {};
  const sevNode = prop('severity');
  if (sevNode) {
    if (sevNode.type !== 'object') warn(sevNode, '"severity" must be an object of code → level.');
    else
      for (const p of sevNode.children ?? []) {
        const code = p.children?.[0]?.value as string;
        const level = p.children?.[1]?.value;
        if (!(AllCodes as readonly string[]).includes(code)) warn(p, `unknown code "${code}" in "severity" (codes: ${AllCodes.join(', ')}).`);
        else if (typeof level !== 'string' || !SEVERITIES.has(level)) warn(p.children?.[1], `the severity of "${code}" must be one of ${[...SEVERITIES].join(', ')}.`);
        else severity[code] = level as SeverityName;
      }
  }

  let suggestions: SuggestionMode | undefined;
  const sugNode = prop('suggestions');
  if (sugNode) {
    if (sugNode.value === 'off' || sugNode.value === 'names' || sugNode.value === 'all') suggestions = sugNode.value;
    else warn(sugNode, '"suggestions" must be "off", "names" or "all".');
  }

  const ignore: string[] = [];
  const igNode = prop('ignore');
  if (igNode) {
    if (igNode.type !== 'array') warn(igNode, '"ignore" must be a list of globs (relative to the project folder).');
    else for (const item of igNode.children ?? []) typeof item.value === 'string' && item.value.trim() ? ignore.push(item.value) : warn(item, 'each "ignore" entry is a glob string.');
  }

  const accepted: ProjectAcceptance[] = [];
  const accNode = prop('accepted');
  if (accNode) {
    if (accNode.type !== 'array') warn(accNode, '"accepted" must be a list of accepted wordings.');
    else
      for (const item of accNode.children ?? []) {
        const v = getNodeValue(item) as Record<string, unknown> | null;
        const line = lineCol(text, item.offset).line;
        if (!v || typeof v !== 'object' || typeof v.code !== 'string' || typeof v.wording !== 'string' || typeof v.source !== 'string' || !v.source.trim()) {
          warn(item, 'each accepted wording needs "code", "wording" and "source" (the source text it restates); this one is ignored.');
          continue;
        }
        accepted.push({
          code: v.code,
          wording: v.wording,
          source: v.source,
          line,
          ...(typeof v.acceptedBy === 'string' ? { acceptedBy: v.acceptedBy } : {}),
          ...(typeof v.date === 'string' ? { date: v.date } : {}),
          ...(typeof v.reason === 'string' && v.reason ? { reason: v.reason } : {}),
        });
      }
  }

  return {
    ...base,
    malformed: false,
    sources,
    includeBundledSources: bool('includeBundledSources'),
    severity,
    reportUnsourcedQuotes: bool('reportUnsourcedQuotes'),
    ...(suggestions ? { suggestions } : {}),
    ignore,
    accepted,
    problems,
  };
}

/** Reads the project file in `dir`, if there is one. */
export function loadProjectFile(dir: string): ProjectConfig | undefined {
  const file = path.join(dir, PROJECT_FILE_NAME);
  let text: string;
  try {
    if (!fs.statSync(file).isFile()) return undefined;
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return parseProjectFile(text, file);
}

/** Reads a project file named explicitly (`--config`); throws a readable Error when it cannot. */
export function readProjectFileAt(file: string): ProjectConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  return parseProjectFile(text, path.resolve(file));
}

/**
 * The project file for a command run in `cwd`: in `cwd` or a folder above it, stopping at the
 * repository's root (the first folder holding `.git`).
 */
export function findProjectFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const file = path.join(dir, PROJECT_FILE_NAME);
    if (fs.existsSync(file)) return file;
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * Reads the sources a project file names, confined to its folder (real paths: a symlink out of
 * it is refused too), each with the date and language the file gives it.
 */
export function readProjectSources(config: ProjectConfig): ReadResult {
  const result: { inputs: SourceInput[]; problems: SourceProblem[] } = { inputs: [], problems: [] };
  const seen = new Set<string>();
  for (const s of config.sources) {
    const read = readUserSources([s.path], config.root, `${PROJECT_FILE_NAME} (line ${s.line}) source`, { confineTo: config.root });
    result.problems.push(
      ...read.problems.map(p => ({
        ...p,
        message: p.message
          .replace('is outside the workspace folder and was not read', `is outside the project folder (${config.root}) and was not read`)
          .replace("A workspace's own settings may only name sources inside it", 'A project file arrives with a repository, so it may only name sources inside its own folder'),
      })),
    );
    for (const input of read.inputs) {
      // One entry per real file: each specification is read on its own.
      const real = realFileOf(input);
      if (seen.has(real)) continue;
      seen.add(real);
      result.inputs.push({ ...input, ...(s.date ? { date: s.date } : {}), ...(s.language ? { lang: s.language } : {}) });
    }
  }
  return result;
}

/** A matcher for the project's `ignore` globs, over absolute file paths. */
export function ignoreMatcher(config: ProjectConfig | undefined): (file: string) => boolean {
  if (!config?.ignore.length) return () => false;
  const match = picomatch(config.ignore as string[], { dot: true });
  return file => {
    const rel = path.relative(config.root, file).split(path.sep).join('/');
    return !rel.startsWith('..') && !path.isAbsolute(rel) && match(rel);
  };
}

/** Who is accepting a wording: git's user.name for the folder, else the OS user; undefined if neither is known. */
export function currentUserName(folder: string | undefined): string | undefined {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd: folder ?? process.cwd(), encoding: 'utf8', timeout: 3000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (name) return name;
  } catch {
    // no git, or no user.name: fall back to the OS user
  }
  try {
    const user = os.userInfo().username;
    if (user) return user;
  } catch {
    // no OS user (some containers)
  }
  return process.env.USER || process.env.USERNAME || undefined;
}

/** Today as YYYY-MM-DD (local time). */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The new text of the project file with `acceptance` added to `accepted` (the file created if
 * `text` is undefined); comments and formatting elsewhere are kept. Throws on a malformed file.
 */
export function withAcceptance(text: string | undefined, acceptance: Acceptance): string {
  const entry: Record<string, string> = { code: acceptance.code, wording: acceptance.wording, source: acceptance.source };
  if (acceptance.acceptedBy) entry.acceptedBy = acceptance.acceptedBy;
  if (acceptance.date) entry.date = acceptance.date;
  if (acceptance.reason) entry.reason = acceptance.reason;
  if (text === undefined || !text.trim()) return JSON.stringify({ accepted: [entry] }, null, 2) + '\n';
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length || tree?.type !== 'object') throw new Error(`${PROJECT_FILE_NAME} does not parse; fix it before accepting wordings.`);
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const formattingOptions = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol };
  const list = findNodeAtLocation(tree, ['accepted']);
  const edits = list?.type === 'array'
    ? modify(text, ['accepted', list.children?.length ?? 0], entry, { formattingOptions, isArrayInsertion: true })
    : modify(text, ['accepted'], [entry], { formattingOptions });
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}
