/**
 * The typing benchmark: replays typing, one character at a time, through the real language
 * server (`bin/verbatim-language-server.js --stdio`, default settings) the way VS Code 1.100
 * drives a completion provider and an inline completion provider, and counts what a
 * drafter would see.
 *
 * What is simulated (VS Code's suggest model, `editor.*` defaults):
 * - Markdown: `editor.quickSuggestions` is off (the Markdown extension's default), so a list
 *   is requested only on the server's trigger characters; while a list is open it is asked
 *   again on every keystroke that stays in a word (the server marks lists incomplete), and
 *   refiltered otherwise.
 * - Plain text: quick suggestions are on, so a list is also requested on every keystroke
 *   that ends a word when no list is open.
 * - The list shows the items whose `filterText` fuzzy-matches the text from the item's
 *   range start to the cursor (VS Code's rule: the first typed character at a word start of
 *   the filter text, the rest in order); it closes when none is left.
 * - Ghost text is requested on every keystroke; an item shows when the text of its range is
 *   a prefix of its insert text (what VS Code can show as an insertion).
 * - Enter, at the end of each paragraph, accepts the selected item if a list is open.
 *
 * Counted, for ordinary prose: lists opened, ghost texts shown (each distinct one once), items
 * that would change typed text (applying them does not leave the typed line as a prefix),
 * keystrokes of `.`, `!` or `?` after which a list is open, and Enters that accepted an item.
 * For official phrases (typed from their start on a line of their own): whether the phrase
 * was offered automatically (a consistent item in an open list's first five, or consistent
 * ghost text, adding at least three characters) before its last character was typed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  InlineCompletionRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type InlineCompletionItem,
  type InlineCompletionList,
  type ProtocolConnection,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import type { BenchRow } from './completion';

export type Mode = 'markdown' | 'plaintext';

/** One piece of ordinary prose: paragraphs, each typed as one line. */
export interface ProseText {
  readonly name: string;
  readonly paragraphs: readonly string[];
}

/** Counts over ordinary prose. */
export interface ProseCounts {
  words: number;
  keystrokes: number;
  listsOpened: number;
  ghostTexts: number;
  itemsChangingTypedText: number;
  listsAfterSentencePunctuation: number;
  enterAccepted: number;
  /** A few examples of each event, for reading. */
  examples: string[];
}

/** Counts over official phrases. */
export interface PhraseCounts {
  phrases: number;
  offered: number;
  offeredInList: number;
  offeredAsGhost: number;
  /** Share of the phrase's characters typed when it was first offered (median over offered phrases). */
  medianTypedShare: number;
  itemsChangingTypedText: number;
  missed: string[];
}

// ------------------------------------------------------------------ the server

class Server {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  triggerCharacters: string[] = [];
  private loaded!: Promise<void>;

  constructor(repoRoot: string) {
    this.child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'verbatim-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', () => undefined);
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    // Default settings: VS Code answers workspace/configuration with the contributed defaults;
    // an empty object makes the server use its own (the same values).
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    this.loaded = new Promise(resolve => {
      this.connection.onNotification('verbatim/status', (s: { loading: boolean; sources: unknown[] }) => {
        if (!s.loading && s.sources.length) resolve();
      });
    });
    this.connection.listen();
  }

  async start(): Promise<void> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        // What VS Code announces (the server needs workspaceFolders to load its sources).
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { completion: { completionItem: { snippetSupport: true }, contextSupport: true }, inlineCompletion: {} },
      },
    });
    this.triggerCharacters = result.capabilities.completionProvider?.triggerCharacters ?? [];
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  sourcesLoaded(): Promise<void> {
    return this.loaded;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // gone already
    }
    this.child.kill();
    this.connection.dispose();
  }
}

// ------------------------------------------------------------------ VS Code's behaviour

/** VS Code's Markdown / plain-text word pattern: letters, numbers, marks (and inner underscores). */
const WORD_CHAR = /[\p{L}\p{N}\p{Mn}_]/u;

/** The word that ends at the end of `line` ('' when the last character is not a word character). */
function leadingWord(line: string): string {
  let i = line.length;
  while (i > 0 && WORD_CHAR.test(line[i - 1])) i--;
  return line.slice(i);
}

const SEPARATOR = /[\s\-_.,:;/\\()[\]{}'"“”‘’`]/;

/**
 * VS Code's fuzzy filter, simplified: every character of `pattern` occurs in `word` in order
 * (ignoring case), and the first one at a word start of `word` (its start, after a
 * separator, or a capital after a lower-case letter).
 */
export function fuzzyMatches(pattern: string, word: string): boolean {
  if (!pattern) return true;
  const p = pattern.toLowerCase();
  const w = word.toLowerCase();
  if (p.length > w.length) return false;
  for (let start = 0; start < w.length; start++) {
    if (w[start] !== p[0]) continue;
    const atWordStart = start === 0 || SEPARATOR.test(word[start - 1]) || (/\p{Lu}/u.test(word[start]) && /\p{Ll}/u.test(word[start - 1]));
    if (!atWordStart) continue;
    let j = 1;
    for (let i = start + 1; i < w.length && j < p.length; i++) if (w[i] === p[j]) j++;
    if (j === p.length) return true;
  }
  return false;
}

interface ShownItem {
  readonly item: CompletionItem;
  /** Character where the item's range starts on the cursor's line. */
  readonly start: number;
  readonly newText: string;
}

function asShown(item: CompletionItem, line: number, cursor: number): ShownItem | undefined {
  const edit = item.textEdit as TextEdit | { insert: TextEdit['range']; replace: TextEdit['range']; newText: string } | undefined;
  if (!edit) return { item, start: cursor, newText: item.insertText ?? item.label };
  const range = 'range' in edit ? edit.range : edit.replace;
  if (range.start.line !== line) return undefined;
  return { item, start: range.start.character, newText: edit.newText };
}

/** The items VS Code shows for `linePrefix` (the range grows with the cursor as the user types). */
function visible(items: readonly ShownItem[], linePrefix: string): ShownItem[] {
  return items.filter(s => {
    if (s.start > linePrefix.length) return false;
    let word = linePrefix.slice(s.start);
    word = word.replace(/^[ \t]+/, '');
    return fuzzyMatches(word, s.item.filterText ?? s.item.label);
  });
}

const SENTENCE_PUNCTUATION = /[.!?]/;

// ------------------------------------------------------------------ one typing session

/** Types into one open document and answers what the editor shows after each keystroke. */
class Session {
  private version = 1;
  private text: string;
  private listItems: ShownItem[] = [];
  private listIncomplete = false;
  listOpen = false;
  /** Result line of the ghost text shown, if any. */
  ghost: string | undefined;

  constructor(private readonly server: Server, readonly uri: string, private readonly mode: Mode, initial: string) {
    this.text = initial;
  }

  async open(): Promise<void> {
    await this.server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: this.uri, languageId: this.mode, version: 1, text: this.text } });
  }

  async close(): Promise<void> {
    await this.server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri } });
  }

  private get position() {
    const lines = this.text.split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  }

  get linePrefix(): string {
    return this.text.slice(this.text.lastIndexOf('\n') + 1);
  }

  /** The items currently shown, best first. */
  get shown(): ShownItem[] {
    return this.listOpen ? visible(this.listItems, this.linePrefix) : [];
  }

  /** Presses Enter: true if it accepted an item (a list was open). Types the new line either way. */
  async enter(): Promise<boolean> {
    const accepted = this.listOpen && this.shown.length > 0;
    this.listOpen = false;
    this.listItems = [];
    this.ghost = undefined;
    await this.insert('\n');
    return accepted;
  }

  private async insert(ch: string): Promise<void> {
    const at = this.position;
    this.text += ch;
    await this.server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version: ++this.version },
      contentChanges: [{ range: { start: at, end: at }, text: ch }],
    });
  }

  private async requestList(triggerKind: 1 | 2 | 3, triggerCharacter?: string): Promise<void> {
    const position = this.position;
    const result = (await this.server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: this.uri },
      position,
      context: triggerCharacter ? { triggerKind, triggerCharacter } : { triggerKind },
    })) as CompletionList | CompletionItem[] | null;
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    this.listIncomplete = !Array.isArray(result) && !!result?.isIncomplete;
    this.listItems = items.map(i => asShown(i, position.line, position.character)).filter((s): s is ShownItem => !!s);
    this.listOpen = visible(this.listItems, this.linePrefix).length > 0;
  }

  private async requestGhost(): Promise<void> {
    const position = this.position;
    const result = (await this.server.connection.sendRequest(InlineCompletionRequest.type, {
      textDocument: { uri: this.uri },
      position,
      context: { triggerKind: 2 },
    })) as InlineCompletionList | InlineCompletionItem[] | null;
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    const line = this.linePrefix;
    this.ghost = undefined;
    for (const item of items) {
      const insert = typeof item.insertText === 'string' ? item.insertText : item.insertText.value;
      const range = item.range ?? { start: position, end: position };
      if (range.start.line !== position.line || range.end.line !== position.line || range.end.character !== position.character) continue;
      const typed = line.slice(range.start.character);
      if (insert.startsWith(typed) && insert.length > typed.length) {
        this.ghost = line.slice(0, range.start.character) + insert;
        break;
      }
    }
  }

  /** Types one character (not a new line) as VS Code would process it. */
  async type(ch: string): Promise<void> {
    const wordBefore = leadingWord(this.linePrefix);
    await this.insert(ch);
    const word = leadingWord(this.linePrefix);
    const trigger = this.server.triggerCharacters.includes(ch);
    if (trigger) {
      await this.requestList(2, ch);
    } else if (this.listOpen) {
      // Moved right, still in a word, and the list is incomplete: VS Code asks again.
      if (word && this.listIncomplete) await this.requestList(3);
      else this.listOpen = this.shown.length > 0;
    } else if (this.mode === 'plaintext' && word && WORD_CHAR.test(ch) && Number.isNaN(Number(word))) {
      // Quick suggestions: typing at the end of a word.
      await this.requestList(1);
    }
    void wordBefore;
    await this.requestGhost();
  }
}

// ------------------------------------------------------------------ prose

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).length;
}

/**
 * Paragraphs of a real follow-up document as a drafter would type them: front matter and
 * Markdown escapes dropped, hard-wrapped lines joined.
 */
export function proseParagraphs(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split(/\n\s*\n/)
    .map(p => p.replace(/\\([#*_\[\]()`>-])/g, '$1').replace(/\s*\n\s*/g, ' ').replace(/\u00a0/g, ' ').trim())
    .filter(p => wordCount(p) >= 3 && !/^#+\s*$/.test(p) && !/^[#*\s]+$/.test(p));
}

/** The remarks and readouts of the real follow-ups (ordinary prose, not official wording). */
export function realProse(repoRoot: string): ProseText[] {
  const out: ProseText[] = [];
  const base = path.join(repoRoot, 'test', 'real');
  for (const set of fs.readdirSync(base).sort()) {
    const dir = path.join(base, set, 'followups');
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (!/readout|remarks/.test(f)) continue;
      out.push({ name: `${set}/${f}`, paragraphs: proseParagraphs(fs.readFileSync(path.join(dir, f), 'utf8')) });
    }
  }
  return out;
}

/** Plain-text prose files (one paragraph per block) from a folder, if it exists. */
export function proseFolder(dir: string): ProseText[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter(f => /\.(txt|md)$/.test(f))
    .sort()
    .map(f => ({ name: f, paragraphs: proseParagraphs(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

function emptyProse(): ProseCounts {
  return { words: 0, keystrokes: 0, listsOpened: 0, ghostTexts: 0, itemsChangingTypedText: 0, listsAfterSentencePunctuation: 0, enterAccepted: 0, examples: [] };
}

const MAX_EXAMPLES = 12;

/** Types every paragraph of `texts` in `mode`, one document per text. */
export async function typeProse(server: Server, texts: readonly ProseText[], mode: Mode): Promise<ProseCounts> {
  const c = emptyProse();
  const example = (s: string) => {
    if (c.examples.length < MAX_EXAMPLES) c.examples.push(s);
  };
  let n = 0;
  for (const t of texts) {
    const header = mode === 'markdown' ? '# Draft\n\n' : 'Draft\n\n';
    const session = new Session(server, `file:///bench/typing/${mode}/${++n}.${mode === 'markdown' ? 'md' : 'txt'}`, mode, header);
    await session.open();
    for (const paragraph of t.paragraphs) {
      c.words += wordCount(paragraph);
      let changing = new Set<string>();
      let lastGhost: string | undefined;
      for (const ch of paragraph) {
        const wasOpen = session.listOpen;
        await session.type(ch);
        c.keystrokes++;
        const line = session.linePrefix;
        if (session.listOpen && !wasOpen) {
          c.listsOpened++;
          changing = new Set();
          example(`list at "…${line.slice(-50)}": ${session.shown.slice(0, 2).map(s => JSON.stringify(s.newText.slice(0, 60))).join(', ')}`);
        }
        if (session.listOpen) {
          for (const s of session.shown) {
            const result = line.slice(0, s.start) + s.newText;
            if (!result.startsWith(line) && !changing.has(result)) {
              changing.add(result);
              c.itemsChangingTypedText++;
              example(`item changing typed text at "…${line.slice(-40)}": ${JSON.stringify(s.newText.slice(0, 60))}`);
            }
          }
          if (SENTENCE_PUNCTUATION.test(ch)) {
            c.listsAfterSentencePunctuation++;
            example(`list after "${ch}" at "…${line.slice(-40)}"`);
          }
        }
        if (session.ghost !== undefined && session.ghost !== lastGhost) {
          c.ghostTexts++;
          example(`ghost at "…${line.slice(-40)}": ${JSON.stringify(session.ghost.slice(line.length, line.length + 60))}`);
        }
        lastGhost = session.ghost;
      }
      if (await session.enter()) {
        c.enterAccepted++;
        example(`Enter accepted an item after "…${paragraph.slice(-40)}"`);
      }
      if (mode === 'markdown') await session.enter();
    }
    await session.close();
  }
  return c;
}

// ------------------------------------------------------------------ official phrases

const CITATION = /\s*(?:\([^()]*¶\d+\)|\[\^[^\]]+\])$/;

function squash(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** Types each phrase from its start on a line of its own; notes when it was first offered. */
export async function typePhrases(server: Server, phrases: readonly string[], mode: Mode): Promise<PhraseCounts> {
  const c: PhraseCounts = { phrases: phrases.length, offered: 0, offeredInList: 0, offeredAsGhost: 0, medianTypedShare: 0, itemsChangingTypedText: 0, missed: [] };
  const shares: number[] = [];
  let n = 0;
  for (const phrase of phrases) {
    const header = mode === 'markdown' ? '# Draft\n\nWe met today.\n\n' : 'Draft\n\nWe met today.\n\n';
    const session = new Session(server, `file:///bench/phrases/${mode}/${++n}.${mode === 'markdown' ? 'md' : 'txt'}`, mode, header);
    await session.open();
    const want = squash(phrase);
    let offeredAt: number | undefined;
    let how: 'list' | 'ghost' | undefined;
    const consistent = (result: string, line: string) => {
      const core = squash(result.replace(CITATION, ''));
      return core.length >= line.length + 3 && (want.startsWith(core) || core.startsWith(want));
    };
    const chars = [...phrase];
    for (let i = 0; i < chars.length - 1; i++) {
      await session.type(chars[i]);
      const line = session.linePrefix;
      for (const s of session.shown) if (!(line.slice(0, s.start) + s.newText).startsWith(line)) c.itemsChangingTypedText++;
      if (offeredAt !== undefined) continue;
      if (session.shown.slice(0, 5).some(s => consistent(line.slice(0, s.start) + s.newText, line))) {
        offeredAt = i + 1;
        how = 'list';
      } else if (session.ghost !== undefined && consistent(session.ghost, line)) {
        offeredAt = i + 1;
        how = 'ghost';
      }
    }
    await session.close();
    if (offeredAt === undefined) {
      c.missed.push(phrase);
      continue;
    }
    c.offered++;
    if (how === 'list') c.offeredInList++;
    else c.offeredAsGhost++;
    shares.push(offeredAt / chars.length);
  }
  shares.sort((a, b) => a - b);
  c.medianTypedShare = shares.length ? shares[Math.floor(shares.length / 2)] : 0;
  return c;
}

/** The first request after the server starts, before the sources are known to be loaded. */
async function firstRequest(repoRoot: string): Promise<{ ms: number; first: string }> {
  const server = new Server(repoRoot);
  const started = Date.now();
  await server.start();
  const uri = 'file:///bench/first.md';
  const line = 'The leaders agreed to launch a High Level Cli';
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: `# Readout\n\n${line}` } });
  const result = (await server.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line: 2, character: line.length },
    context: { triggerKind: 1 },
  })) as CompletionList | null;
  const ms = Date.now() - started;
  const item = result?.items[0];
  const edit = item?.textEdit as TextEdit | undefined;
  await server.stop();
  return { ms, first: edit ? line.slice(0, edit.range.start.character) + edit.newText : '(no item)' };
}

// ------------------------------------------------------------------ the benchmark

/** The fixed list of official phrases (bench/typing-phrases.json). */
export function officialPhrases(repoRoot: string): string[] {
  return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'bench', 'typing-phrases.json'), 'utf8')) as { phrases: string[] }).phrases;
}

const per100 = (n: number, words: number) => ((100 * n) / Math.max(1, words)).toFixed(2);

export interface TypingResult {
  readonly prose: { set: string; mode: Mode; counts: ProseCounts }[];
  readonly phrases: { mode: Mode; counts: PhraseCounts }[];
  readonly first: { ms: number; first: string };
}

/** Runs every measurement; `log` receives progress lines. */
export async function runTyping(repoRoot: string, log: (s: string) => void = () => undefined): Promise<TypingResult> {
  const first = await firstRequest(repoRoot);
  const sets: { set: string; texts: ProseText[] }[] = [{ set: 'readouts and remarks (test/real)', texts: realProse(repoRoot) }];
  const local = proseFolder(path.join(repoRoot, 'bench', 'prose-local'));
  if (local.length) sets.push({ set: 'news excerpts (bench/prose-local)', texts: local });
  const phrases = officialPhrases(repoRoot);
  const result: TypingResult = { prose: [], phrases: [], first };
  // VERBATIM_TYPING_MODES=markdown (or plaintext) runs one mode only, for quicker iterations.
  const modes = (process.env.VERBATIM_TYPING_MODES?.split(',') ?? ['markdown', 'plaintext']).filter((m): m is Mode => m === 'markdown' || m === 'plaintext');
  for (const mode of modes) {
    const server = new Server(repoRoot);
    await server.start();
    await server.sourcesLoaded();
    for (const s of sets) {
      const started = Date.now();
      const counts = await typeProse(server, s.texts, mode);
      log(`typing ${s.set} in ${mode}: ${counts.words} words, ${counts.keystrokes} keystrokes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      result.prose.push({ set: s.set, mode, counts });
    }
    result.phrases.push({ mode, counts: await typePhrases(server, phrases, mode) });
    await server.stop();
  }
  return result;
}

/** The benchmark rows for bench/run.ts. */
export async function typingBenchmarks(repoRoot: string): Promise<BenchRow[]> {
  const r = await runTyping(repoRoot, s => console.error(s));
  return typingRows(r);
}

export function typingRows(r: TypingResult): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const { set, mode, counts: c } of r.prose) {
    rows.push({
      benchmark: `typing prose, per 100 words: lists / ghost texts / items changing typed text / lists after . ! ?`,
      corpus: `${mode}, ${set}`,
      value: `${per100(c.listsOpened, c.words)} / ${per100(c.ghostTexts, c.words)} / ${per100(c.itemsChangingTypedText, c.words)} / ${per100(c.listsAfterSentencePunctuation, c.words)}`,
      note: `${c.words} words; counts ${c.listsOpened} / ${c.ghostTexts} / ${c.itemsChangingTypedText} / ${c.listsAfterSentencePunctuation}; Enter accepted an item ${c.enterAccepted} times`,
    });
  }
  for (const { mode, counts: c } of r.phrases) {
    rows.push({
      benchmark: 'typing official phrases: offered automatically before finished',
      corpus: `${mode}, bundled`,
      value: `${((100 * c.offered) / c.phrases).toFixed(1)}% (${c.offered} of ${c.phrases})`,
      note: `in a list ${c.offeredInList}, as ghost text ${c.offeredAsGhost}; median ${(100 * c.medianTypedShare).toFixed(0)}% of the phrase typed; items changing typed text ${c.itemsChangingTypedText}`,
    });
  }
  rows.push({ benchmark: 'typing: first completion request after start', corpus: 'bundled', value: `${r.first.ms} ms`, note: r.first.first });
  return rows;
}
