/**
 * Opening a .docx file: the zip container (yauzl, which reads the central directory and
 * checks that every entry unpacks to exactly the size it declares), the package's
 * relationships (which part is the document, its styles, footnotes, endnotes and comments),
 * and the text parts as strings. Only the text parts are unpacked, each within a size limit
 * checked against its declared uncompressed size (which yauzl enforces), so a zip bomb is
 * refused before it is inflated and pictures, however large, are never unpacked to check.
 *
 * Everything that is not a readable Word document (an encrypted one, a .doc, a damaged or
 * truncated zip, another kind of file named .docx) is a {@link DocxError} with a one-line
 * message saying what it is.
 */
import * as fs from 'node:fs';
import * as yauzl from 'yauzl';
import { attr, parseXml, type XmlElement } from './xml';

/** Limits on what is unpacked. Sizes in bytes, uncompressed. */
export interface DocxLimits {
  /** One text part (the document, its styles, footnotes, …). */
  readonly maxPartBytes: number;
  /** All the text parts read together. */
  readonly maxTextBytes: number;
  /** Entries in the zip. */
  readonly maxEntries: number;
  /** Everything, pictures included: what a reviewed copy unpacks to copy it. */
  readonly maxTotalBytes: number;
}

export const DEFAULT_LIMITS: DocxLimits = {
  maxPartBytes: 64 * 1024 * 1024,
  maxTextBytes: 128 * 1024 * 1024,
  maxEntries: 20_000,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
};

/** A Word file that cannot be read, and why, in one line. */
export class DocxError extends Error {}

export interface TextPart {
  readonly name: string;
  readonly xml: string;
  /** How the part was encoded, to write it back the same way. */
  readonly encoding: 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';
}

export interface DocxPackage {
  readonly file: string;
  /** Every entry, in the zip's order. */
  readonly entries: readonly yauzl.Entry[];
  readonly contentTypes: TextPart;
  readonly document: TextPart;
  /** The document part's relationships part (`word/_rels/document.xml.rels`), if it has one. */
  readonly documentRels?: TextPart;
  readonly styles?: TextPart;
  readonly footnotes?: TextPart;
  readonly endnotes?: TextPart;
  /** The comments part, when the document already has comments. */
  readonly comments?: TextPart;
  /** Opens an entry's data, uncompressed (sizes checked by yauzl). */
  openEntry(entry: yauzl.Entry): Promise<NodeJS.ReadableStream>;
  close(): void;
}

const REL_TYPE = (type: string) => (t: string) => t.endsWith(`/relationships/${type}`) || t.endsWith(`/officeDocument/${type}`);
const OFFICE_DOCUMENT = REL_TYPE('officeDocument');

/** Opens `file` as a Word document and reads its text parts. Throws {@link DocxError}. */
export async function openDocx(file: string, limits: DocxLimits = DEFAULT_LIMITS): Promise<DocxPackage> {
  await sniff(file);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true });
  } catch (e) {
    throw new DocxError(zipProblem(e as Error));
  }
  try {
    const entries: yauzl.Entry[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        entries.push(entry);
        if (entries.length > limits.maxEntries) throw new DocxError(`has more than ${limits.maxEntries} files inside; it is not an ordinary Word document.`);
      }
    } catch (e) {
      if (e instanceof DocxError) throw e;
      throw new DocxError(zipProblem(e as Error));
    }
    if (entries.some(e => e.isEncrypted())) throw new DocxError('is an encrypted zip file, not a Word document. Remove the password and try again.');
    const byName = new Map(entries.map(e => [e.fileName.toLowerCase(), e]));
    let textBytes = 0;
    const read = async (name: string): Promise<TextPart | undefined> => {
      const entry = byName.get(name.toLowerCase());
      if (!entry) return undefined;
      if (entry.uncompressedSize > limits.maxPartBytes) {
        throw new DocxError(`${entry.fileName} would unpack to ${mb(entry.uncompressedSize)}, more than the ${mb(limits.maxPartBytes)} a text part may have (a zip bomb, or not a draft).`);
      }
      textBytes += entry.uncompressedSize;
      if (textBytes > limits.maxTextBytes) throw new DocxError(`its text parts would unpack to more than ${mb(limits.maxTextBytes)} (a zip bomb, or not a draft).`);
      let bytes: Buffer;
      try {
        bytes = await readAll(await zip.openReadStreamPromise(entry), limits.maxPartBytes);
      } catch (e) {
        throw new DocxError(`is damaged: ${entry.fileName} cannot be unpacked (${firstLine((e as Error).message)}).`);
      }
      return decodePart(entry.fileName, bytes);
    };
    const contentTypes = await read('[Content_Types].xml');
    const rootRels = await read('_rels/.rels');
    if (!contentTypes || !rootRels) {
      throw new DocxError(byName.size ? 'is a zip file, not a Word document (it has no Office package structure).' : 'is an empty zip file, not a Word document.');
    }
    const mainName = relationshipTargets(rootRels, '', OFFICE_DOCUMENT)[0];
    if (!mainName || !byName.has(mainName.toLowerCase())) throw new DocxError('is an Office package without a document part: not a Word document.');
    if (!/\bwordprocessingml\b|ms-word/i.test(contentTypeOf(contentTypes, mainName) ?? '')) {
      throw new DocxError(`is not a Word document (its main part, ${mainName}, is ${describeContentType(contentTypeOf(contentTypes, mainName))}).`);
    }
    const document = (await read(mainName))!;
    const relsName = relsPartOf(mainName);
    const documentRels = await read(relsName);
    const target = (type: string) => (documentRels ? relationshipTargets(documentRels, mainName, REL_TYPE(type))[0] : undefined);
    const optional = async (type: string) => {
      const name = target(type);
      return name ? read(name) : undefined;
    };
    const styles = await optional('styles');
    const footnotes = await optional('footnotes');
    const endnotes = await optional('endnotes');
    const comments = await optional('comments');
    return {
      file,
      entries,
      contentTypes,
      document,
      ...(documentRels ? { documentRels } : {}),
      ...(styles ? { styles } : {}),
      ...(footnotes ? { footnotes } : {}),
      ...(endnotes ? { endnotes } : {}),
      ...(comments ? { comments } : {}),
      openEntry: entry => zip.openReadStreamPromise(entry),
      close: () => zip.close(),
    };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/** The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`. */
export function relsPartOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** The part names that `rels` (the relationships of `source`) targets with a type `type` accepts. */
export function relationshipTargets(rels: TextPart, source: string, type: (t: string) => boolean): string[] {
  const root = parseOrFail(rels);
  const out: string[] = [];
  for (const r of root.children) {
    if (r.local !== 'Relationship' || attr(r, 'TargetMode', '') === 'External') continue;
    const t = attr(r, 'Type', '');
    const target = attr(r, 'Target', '');
    if (t && target && type(t)) out.push(resolvePartName(source, target));
  }
  return out;
}

/** A relationship's target as a part name (no leading slash, `..` resolved). */
export function resolvePartName(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg && seg !== '.') base.push(decodeURIComponentSafe(seg));
  }
  return base.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The content type of `partName` from `[Content_Types].xml` (an Override, else the Default for its extension). */
export function contentTypeOf(contentTypes: TextPart, partName: string): string | undefined {
  const root = parseOrFail(contentTypes);
  const name = '/' + partName.toLowerCase();
  const ext = partName.slice(partName.lastIndexOf('.') + 1).toLowerCase();
  let byDefault: string | undefined;
  for (const el of root.children) {
    if (el.local === 'Override' && attr(el, 'PartName', '')?.toLowerCase() === name) return attr(el, 'ContentType', '');
    if (el.local === 'Default' && attr(el, 'Extension', '')?.toLowerCase() === ext) byDefault = attr(el, 'ContentType', '');
  }
  return byDefault;
}

function describeContentType(type: string | undefined): string {
  if (!type) return 'of no declared type';
  if (/spreadsheetml/.test(type)) return 'a spreadsheet';
  if (/presentationml/.test(type)) return 'a presentation';
  return type;
}

function parseOrFail(part: TextPart): XmlElement {
  try {
    return parseXml(part.xml);
  } catch (e) {
    throw new DocxError(`is damaged: ${part.name} is not well-formed XML (${firstLine((e as Error).message)}).`);
  }
}

function decodePart(name: string, bytes: Buffer): TextPart {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { name, xml: new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2)), encoding: 'utf16le' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { name, xml: new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2)), encoding: 'utf16be' };
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { name, xml: new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes), encoding: bom ? 'utf8-bom' : 'utf8' };
  } catch {
    throw new DocxError(`is damaged: ${name} is not valid UTF-8 or UTF-16 text.`);
  }
}

/** Encodes a part's new text as the part was encoded. */
export function encodePart(part: TextPart, xml: string): Buffer {
  switch (part.encoding) {
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(xml, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
    default:
      return Buffer.from(xml, 'utf8');
  }
}

async function readAll(stream: NodeJS.ReadableStream, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    // yauzl already stops an entry at its declared size; this is the limit itself, kept in one place.
    if (size > max) throw new Error(`more than ${mb(max)}`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** What the first bytes say: an OLE compound file (encrypted .docx, .doc), text, or not a zip. */
async function sniff(file: string): Promise<void> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch (e) {
    throw new DocxError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new DocxError('is empty, not a Word document.');
    const head = Buffer.alloc(Math.min(size, 4096));
    await handle.read(head, 0, head.length, 0);
    if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
      // An encrypted .docx is an OLE compound file holding the encrypted package; so is a .doc.
      const all = size <= 256 * 1024 * 1024 ? await handle.readFile() : head;
      if (all.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
        throw new DocxError('is password-protected (encrypted). Remove the password in Word (File > Info > Protect Document) and try again.');
      }
      throw new DocxError('is a Word 97-2003 document (.doc) or another older Office file, not a .docx. Save it as a Word Document (.docx) and try again.');
    }
    if (head[0] === 0x50 && head[1] === 0x4b) return; // PK: a zip (whole, or damaged: yauzl says)
    if (!head.includes(0)) throw new DocxError('is a text file named .docx, not a Word document.');
    if (head.subarray(0, 5).toString('latin1') === '%PDF-') throw new DocxError('is a PDF file named .docx, not a Word document.');
    throw new DocxError('is not a Word document (it is not a zip package).');
  } finally {
    await handle.close();
  }
}

function zipProblem(e: Error): string {
  const m = firstLine(e.message);
  if (/end of central directory record signature not found|central directory|unexpected EOF|invalid .*offset|truncated/i.test(m)) {
    return `is damaged or truncated: its zip directory cannot be read (${m}).`;
  }
  return `is damaged: ${m}.`;
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/\.$/, '');
}

function mb(n: number): string {
  return n >= 1024 * 1024 * 1024 ? `${(n / 1024 / 1024 / 1024).toFixed(1)} GB` : `${Math.round(n / 1024 / 1024)} MB`;
}
