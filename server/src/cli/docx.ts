/**
 * The CLI's Word drafts: `verbatim check draft.docx` (and folders holding .docx files), the
 * reviewed copy (`verbatim review draft.docx --output draft.reviewed.docx`) and the text the
 * checker reads (`verbatim extract draft.docx`). Kept apart from main.ts, which only routes here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Engine } from '../engine';
import { DocxError, isWordFile, openWordDraft, readWordDraft, reportFields, withDocxLocations, type DocxText } from '../docx';
import { sameFile, writeReviewedCopy } from '../docx/write';
import type { FileResult } from './format';

export { isWordFile, WORD_EXTENSIONS } from '../docx';

/** A checked Word draft: its extracted text and diagnostics (each with `docx`, where it is in the document). */
export interface WordFileResult extends FileResult {
  readonly word: DocxText;
}

/**
 * Checks a Word draft. A file that is not a readable Word document is reported on stderr in
 * one line and gives undefined: the rest of the run goes on.
 */
export async function checkWordFile(engine: Engine, file: string, absolute: string, options: Parameters<Engine['check']>[1], stderr: (s: string) => void): Promise<WordFileResult | undefined> {
  let word: DocxText;
  try {
    word = await readWordDraft(absolute);
  } catch (e) {
    if (!(e instanceof DocxError)) throw e;
    stderr(`verbatim: ${file}: ${e.message}\n`);
    return undefined;
  }
  for (const note of word.notes) stderr(`verbatim: ${file}: ${note}\n`);
  const diagnostics = withDocxLocations(word, engine.check({ uri: pathToFileURL(absolute).href, text: word.text, languageId: 'markdown' }, options));
  return { file, text: word.text, diagnostics, word };
}

/** For the report: a Word draft's findings are named by paragraph, with the sentence quoted. */
export function reportLocator(r: FileResult): ReturnType<typeof reportFields> | undefined {
  const word = (r as Partial<WordFileResult>).word;
  return word ? reportFields(word) : undefined;
}

/** `verbatim extract FILE.docx`: the text the checker reads, on stdout (or --output). */
export async function extractCommand(files: readonly string[], output: string | undefined, cwd: string, io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  if (files.length !== 1 || !isWordFile(files[0])) throw new CliInputError("'extract' takes one Word file (FILE.docx).");
  let word: DocxText;
  try {
    word = await readWordDraft(path.resolve(cwd, files[0]));
  } catch (e) {
    if (e instanceof DocxError) throw new CliInputError(`${files[0]}: ${e.message}`);
    throw e;
  }
  for (const note of word.notes) io.stderr(`verbatim: ${files[0]}: ${note}\n`);
  if (output) writeOrFail(path.resolve(cwd, output), word.text, output);
  else io.stdout(word.text);
  return 0;
}

/** Thrown for a usage or input error of these commands; main.ts turns it into its own. */
export class CliInputError extends Error {}

/**
 * `verbatim review FILE.docx --output COPY.docx`: writes the copy with a comment on each
 * finding. Never writes over the original. Returns the exit code (0 written, 2 input error).
 */
export async function reviewCommand(
  files: readonly string[],
  output: string | undefined,
  engine: Engine,
  options: Parameters<Engine['check']>[1],
  ignored: (absolute: string) => boolean,
  cwd: string,
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
): Promise<number> {
  if (files.length !== 1) throw new CliInputError("'review' takes one Word file: verbatim review DRAFT.docx --output DRAFT.reviewed.docx");
  const [file] = files;
  if (!isWordFile(file)) throw new CliInputError(`${file}: 'review' writes Word comments, so it takes a .docx file.`);
  if (!output) throw new CliInputError("'review' needs --output FILE.docx: the reviewed copy is a new file, the original is never changed.");
  if (!isWordFile(output)) throw new CliInputError(`--output ${output}: the reviewed copy is a Word file; name it .docx.`);
  const absolute = path.resolve(cwd, file);
  if (ignored(absolute)) throw new CliInputError(`${file}: not reviewed (matches "ignore" in the project file).`);
  if (sameFile(absolute, path.resolve(cwd, output))) throw new CliInputError(`${file}: the reviewed copy would overwrite the original; name another file with --output.`);
  let opened;
  try {
    opened = await openWordDraft(absolute);
  } catch (e) {
    if (e instanceof DocxError) throw new CliInputError(`${file}: ${e.message}`);
    throw e;
  }
  const { pkg, draft } = opened;
  try {
    for (const note of draft.notes) io.stderr(`verbatim: ${file}: ${note}\n`);
    const diagnostics = engine.check({ uri: pathToFileURL(absolute).href, text: draft.text, languageId: 'markdown' }, options);
    const result = await writeReviewedCopy(pkg, draft, diagnostics, engine.index, path.resolve(cwd, output));
    const n = result.comments;
    io.stdout(`${output}: ${n} comment${n === 1 ? '' : 's'} by Verbatim on ${file}${n ? '' : ' (no findings)'}.\n`);
    if (result.unanchored) io.stderr(`verbatim: ${file}: ${result.unanchored} finding(s) could not be anchored in the document and have no comment.\n`);
    return 0;
  } catch (e) {
    if (e instanceof DocxError) throw new CliInputError(`${file}: ${e.message}`);
    throw e;
  } finally {
    pkg.close();
  }
}

function writeOrFail(target: string, text: string, shown: string): void {
  try {
    fs.writeFileSync(target, text);
  } catch (e) {
    throw new CliInputError(`cannot write ${shown} (${(e as Error).message}).`);
  }
}
