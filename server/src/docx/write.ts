/**
 * Writing the reviewed copy: every entry of the original zip, in its order, with its date and
 * compression, unpacked and packed again as it was (yauzl checks each one's size; the total is
 * limited), except the parts the review changed or added. Written to a temporary file beside
 * the target and renamed into place, so a failed write leaves no half file; never over the
 * original.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import * as yazl from 'yazl';
import { cleanOfficialText, type CorpusIndex } from '../engine';
import { DEFAULT_LIMITS, DocxError, encodePart, type DocxLimits, type DocxPackage, type TextPart } from './package';
import type { DocxText } from './read';
import { addComments, type CommentOptions, type ReviewComment } from './review';
import { LineIndex } from '../engine';

export const REVIEW_AUTHOR = 'Verbatim';

/** The comment for a finding: the message, the official wording, the citation, the fix and the code. */
export function commentFor(d: Diagnostic, index: CorpusIndex, text: LineIndex): ReviewComment {
  const data = (d.data ?? {}) as { paragraphId?: string; evidence?: { start: number; end: number }; fix?: { title?: string } };
  const paragraphs = [String(d.message)];
  const p = data.paragraphId ? index.getParagraph(data.paragraphId) : undefined;
  if (p) {
    const doc = index.getDocument(p.documentId);
    const wording = cleanOfficialText(data.evidence ? p.text.slice(data.evidence.start, data.evidence.end) : p.text).trim();
    paragraphs.push(`Official wording: \u201c${wording}\u201d`);
    paragraphs.push(`Source: ${[p.label, doc?.date, doc?.url].filter(Boolean).join(', ')}`);
  }
  if (data.fix?.title) paragraphs.push(`Suggested fix: ${data.fix.title}`);
  const level = ['', 'error', 'warning', 'information', 'hint'][d.severity ?? 2];
  paragraphs.push(`Verbatim ${level}: ${String(d.code)}`);
  return { start: text.offsetAt(d.range.start), end: text.offsetAt(d.range.end), paragraphs };
}

export interface ReviewResult {
  /** Comments written. */
  readonly comments: number;
  /** Findings whose words could not be anchored (none in practice: they map to no run). */
  readonly unanchored: number;
}

/**
 * Writes `target`: the document of `pkg` with a comment on each diagnostic. Throws
 * {@link DocxError} when `target` is the original or cannot be written.
 */
export async function writeReviewedCopy(
  pkg: DocxPackage,
  draft: DocxText,
  diagnostics: readonly Diagnostic[],
  index: CorpusIndex,
  target: string,
  options: Partial<CommentOptions> = {},
  limits: DocxLimits = DEFAULT_LIMITS,
): Promise<ReviewResult> {
  if (sameFile(pkg.file, target)) throw new DocxError(`the reviewed copy would overwrite the original; name another file with --output.`);
  const total = pkg.entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > limits.maxTotalBytes) throw new DocxError(`would unpack to more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB; it is too large to copy.`);
  const lines = new LineIndex(draft.text);
  const comments = diagnostics.map(d => commentFor(d, index, lines));
  const edits = addComments(pkg, draft, comments, {
    author: options.author ?? REVIEW_AUTHOR,
    initials: options.initials ?? 'V',
    date: options.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  const zip = new yazl.ZipFile();
  const written = new Set<string>();
  const add = (part: TextPart, mtime: Date, compress: boolean) => {
    zip.addBuffer(encodePart(part, part.xml), part.name, { mtime, compress });
    written.add(part.name);
  };
  for (const entry of pkg.entries) {
    const mtime = entry.getLastModDate();
    const compress = entry.compressionMethod !== 0;
    const changed = edits.parts.get(entry.fileName);
    if (changed) add(changed, mtime, compress);
    else if (entry.fileName.endsWith('/')) zip.addEmptyDirectory(entry.fileName, { mtime });
    else zip.addReadStreamLazy(entry.fileName, { mtime, compress, size: entry.uncompressedSize }, cb => void pkg.openEntry(entry).then(s => cb(null, s as never), e => cb(e as Error, undefined as never)));
  }
  for (const [name, part] of edits.parts) if (!written.has(name)) add(part, new Date(), true);
  zip.end();

  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.verbatim-tmp`);
  try {
    await new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(temp, { flags: 'wx' });
      zip.outputStream.on('error', reject);
      out.on('error', reject);
      out.on('close', resolve);
      zip.outputStream.pipe(out);
    });
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new DocxError(`cannot write ${target} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  return { comments: edits.anchored, unanchored: comments.length - edits.anchored };
}

/** Whether two paths name one file: the same path, real path, or file (a hard link). */
export function sameFile(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };
  if (real(ra) === real(rb)) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
