/**
 * Builds .docx fixtures with the zip library (yazl), so the tests need no binary files:
 * headings, lists, a table, footnotes, curly quotes, tracked changes, existing comments, an
 * image; and the bad ones (corrupt, truncated, a zip bomb, an encrypted file, a spreadsheet).
 * `markdownToDocx` turns a Markdown draft into a Word document of the same text, its runs
 * split and formatted the way Word splits them, for comparing findings on both.
 *
 * Also a script: `node out/test/support/docx.js [--plain] DRAFT.md OUT.docx` writes such a document.
 */
import * as fs from 'node:fs';
import * as yazl from 'yazl';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS = `xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`;

/** A run: text, or text with formatting / a tracked change / a footnote / a picture. */
export type Run =
  | string
  | { text: string; bold?: boolean; italic?: boolean; color?: string }
  | { ins: string; author?: string }
  | { del: string; author?: string }
  | { footnote: string }
  | { comment: string; on: string; author?: string }
  | { image: true }
  | { tab: true }
  | { nbhyphen: true };

export type Block =
  | { heading: number; runs: Run[] }
  | { title: Run[] }
  | { p: Run[]; deletedMark?: boolean }
  | { li: Run[]; level?: number }
  | { table: Run[][][] };

/** A 1×1 PNG. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63908f5ff01f0003dd021e3f81a4510000000049454e44ae426082', 'hex');

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface BuildState {
  footnotes: string[];
  comments: { id: number; text: string; author: string }[];
  changeId: number;
  image: boolean;
}

function rPr(r: { bold?: boolean; italic?: boolean; color?: string }): string {
  const inner = `${r.bold ? '<w:b/>' : ''}${r.italic ? '<w:i/>' : ''}${r.color ? `<w:color w:val="${r.color}"/>` : ''}`;
  return inner ? `<w:rPr>${inner}</w:rPr>` : '';
}

function t(text: string): string {
  return `<w:t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${esc(text)}</w:t>`;
}

function runXml(run: Run, s: BuildState): string {
  if (typeof run === 'string') return `<w:r>${t(run)}</w:r>`;
  if ('text' in run) return `<w:r>${rPr(run)}${t(run.text)}</w:r>`;
  if ('ins' in run) return `<w:ins w:id="${++s.changeId}" w:author="${run.author ?? 'Jane Doe'}" w:date="2026-11-02T10:00:00Z"><w:r>${t(run.ins)}</w:r></w:ins>`;
  if ('del' in run) return `<w:del w:id="${++s.changeId}" w:author="${run.author ?? 'Jane Doe'}" w:date="2026-11-02T10:00:00Z"><w:r><w:delText xml:space="preserve">${esc(run.del)}</w:delText></w:r></w:del>`;
  if ('footnote' in run) {
    s.footnotes.push(run.footnote);
    return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${s.footnotes.length + 1}"/></w:r>`;
  }
  if ('comment' in run) {
    const id = s.comments.length;
    s.comments.push({ id, text: run.comment, author: run.author ?? 'Jane Doe' });
    return `<w:commentRangeStart w:id="${id}"/><w:r>${t(run.on)}</w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`;
  }
  if ('tab' in run) return '<w:r><w:tab/></w:r>';
  if ('nbhyphen' in run) return '<w:r><w:noBreakHyphen/></w:r>';
  s.image = true;
  return `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="Picture 1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImage1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}

function paragraphXml(pPr: string, runs: Run[], s: BuildState, deletedMark = false): string {
  const mark = deletedMark ? `<w:rPr><w:del w:id="${++s.changeId}" w:author="Jane Doe" w:date="2026-11-02T10:00:00Z"/></w:rPr>` : '';
  const props = pPr || mark ? `<w:pPr>${pPr}${mark}</w:pPr>` : '';
  return `<w:p>${props}${runs.map(r => runXml(r, s)).join('')}</w:p>`;
}

function blockXml(b: Block, s: BuildState): string {
  if ('heading' in b) return paragraphXml(`<w:pStyle w:val="Heading${b.heading}"/>`, b.runs, s);
  if ('title' in b) return paragraphXml('<w:pStyle w:val="Title"/>', b.title, s);
  if ('li' in b) return paragraphXml(`<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="${b.level ?? 0}"/><w:numId w:val="1"/></w:numPr>`, b.li, s);
  if ('p' in b) return paragraphXml('', b.p, s, b.deletedMark);
  const rows = b.table.map(row => `<w:tr>${row.map(cell => `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${paragraphXml('', cell, s)}</w:tc>`).join('')}</w:tr>`).join('');
  const grid = `<w:tblGrid>${b.table[0].map(() => '<w:gridCol w:w="4500"/>').join('')}</w:tblGrid>`;
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr>${grid}${rows}</w:tbl>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="40"/></w:rPr></w:style>${[1, 2, 3].map(n => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="${n - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${36 - n * 4}"/></w:rPr></w:style>`).join('')}<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style><w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">${[0, 1, 2].map(l => `<w:lvl w:ilvl="${l}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (l + 1)}" w:hanging="360"/></w:pPr></w:lvl>`).join('')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

export interface DocxSpec {
  readonly blocks: readonly Block[];
  /** Extra entries (name → content), added last. */
  readonly extra?: Readonly<Record<string, Buffer | string>>;
}

/** The parts of a Word document (name → content), in the order Word writes them. */
export function docxParts(spec: DocxSpec): [string, Buffer][] {
  const s: BuildState = { footnotes: [], comments: [], changeId: 100, image: false };
  const body = spec.blocks.map(b => blockXml(b, s)).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const overrides = [
    ['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
    ['/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml'],
    ['/word/numbering.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml'],
    ...(s.footnotes.length ? [['/word/footnotes.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml']] : []),
    ...(s.comments.length ? [['/word/comments.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml']] : []),
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
  ];
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>${overrides.map(([n, c]) => `<Override PartName="${n}" ContentType="${c}"/>`).join('')}</Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const rels = [
    ['rId1', 'styles', 'styles.xml'],
    ['rId2', 'numbering', 'numbering.xml'],
    ...(s.footnotes.length ? [['rId3', 'footnotes', 'footnotes.xml']] : []),
    ...(s.comments.length ? [['rId4', 'comments', 'comments.xml']] : []),
    ...(s.image ? [['rIdImage1', 'image', 'media/image1.png']] : []),
  ];
  const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`).join('')}</Relationships>`;
  const footnotes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes ${NS}><w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${s.footnotes.map((f, i) => `<w:footnote w:id="${i + 2}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r>${t(' ' + f)}</w:r></w:p></w:footnote>`).join('')}</w:footnotes>`;
  const comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments ${NS}>${s.comments.map(c => `<w:comment w:id="${c.id}" w:author="${esc(c.author)}" w:date="2026-11-01T09:00:00Z" w:initials="JD"><w:p><w:r>${t(c.text)}</w:r></w:p></w:comment>`).join('')}</w:comments>`;
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Fixture</dc:title><dc:creator>Verbatim tests</dc:creator></cp:coreProperties>`;
  const parts: [string, string | Buffer][] = [
    ['[Content_Types].xml', contentTypes],
    ['_rels/.rels', rootRels],
    ['word/document.xml', document],
    ['word/_rels/document.xml.rels', documentRels],
    ['word/styles.xml', STYLES],
    ['word/numbering.xml', NUMBERING],
    ...(s.footnotes.length ? [['word/footnotes.xml', footnotes] as [string, string]] : []),
    ...(s.comments.length ? [['word/comments.xml', comments] as [string, string]] : []),
    ...(s.image ? [['word/media/image1.png', PNG] as [string, Buffer]] : []),
    ['docProps/core.xml', core],
    ...Object.entries(spec.extra ?? {}),
  ];
  return parts.map(([n, c]) => [n, typeof c === 'string' ? Buffer.from(c, 'utf8') : c]);
}

/** Zips entries (name → content) with yazl, deflated, at a fixed date (reproducible bytes). */
export function zipEntries(entries: readonly [string, Buffer][]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name, { mtime: new Date(Date.UTC(2026, 10, 1)), compress: !name.endsWith('.png') });
  zip.end();
  return collect(zip.outputStream);
}

/** A Word document built from `spec`. */
export function buildDocx(spec: DocxSpec): Promise<Buffer> {
  return zipEntries(docxParts(spec));
}

function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Every fixture the tests use: headings, lists, a table, footnotes, curly quotes, tracked changes, comments, an image. */
export const KITCHEN_SINK: DocxSpec = {
  blocks: [
    { title: ['Readout: Follow-up on the Roadmap'] },
    { heading: 1, runs: ['Climate'] },
    {
      p: [
        'On climate, the leaders recalled that they will work in tandem, and encourage others to achieve ',
        { text: 'net zero emissions', bold: true },
        ' no later than 2040.',
        { footnote: 'Roadmap for a Renewed U.S.\u2013Canada Partnership, 23 February 2021.' },
      ],
    },
    { p: ['The President said \u201cwe will work together\u201d and the Prime Minister\u00a0agreed.'] },
    { heading: 2, runs: ['Security'] },
    { li: ['The leaders agreed to reestablish the ', { comment: 'Check the name.', on: 'Cross-Border Crime Forum' }, '.'] },
    { li: ['They will meet again', { tab: true }, 'next year.'], level: 1 },
    { p: ['Both leaders agreed to launch a High Level Climate Ministerial', { ins: ' in the spring' }, '.', { del: ' It was deleted.' }] },
    { p: ['This paragraph mark was deleted, so'], deletedMark: true },
    { p: [' this sentence joins it.'] },
    {
      table: [
        [['Commitment'], ['Status']],
        [['Net zero no later than 2050'], [{ image: true }, 'On track']],
      ],
    },
    { p: ['A line starting with # is not a heading.'] },
    { p: ['# not a heading either'] },
    { p: ['Well', { nbhyphen: true }, 'known.'] },
  ],
};

/**
 * A Word document of a Markdown draft's text: `#` headings, `-`/`*` list items and paragraphs
 * (soft line breaks joined with a space); each paragraph's words split over several runs, some
 * bold or italic, as Word's editing leaves them. `plain`: one run a paragraph, and `*emphasis*`
 * of a whole paragraph as italics (for a document that looks drafted, as in the screenshot).
 */
export function markdownToDocx(markdown: string, options: { plain?: boolean } = {}): DocxSpec {
  const splitRuns = (text: string): Run[] => {
    if (!options.plain) return mixedRuns(text);
    const em = /^\*([^*]+)\*$/.exec(text);
    return [em ? { text: em[1], italic: true } : text];
  };
  const blocks: Block[] = [];
  for (const raw of markdown.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = raw.split('\n').filter(l => l.trim());
    if (!lines.length) continue;
    const item = /^(\s*)[-*+]\s+/;
    if (lines.every(l => item.test(l))) {
      for (const l of lines) blocks.push({ li: splitRuns(l.replace(item, '')), level: Math.floor(item.exec(l)![1].length / 2) });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]);
    if (heading && lines.length === 1) {
      blocks.push({ heading: Math.min(3, heading[1].length), runs: splitRuns(heading[2]) });
      continue;
    }
    blocks.push({ p: splitRuns(lines.map(l => l.trim()).join(' ')) });
  }
  return { blocks };
}

/** Splits text into runs every few words, alternating formatting (deterministically). */
function mixedRuns(text: string): Run[] {
  const pieces = text.match(/\S+\s*/g) ?? [];
  const runs: Run[] = [];
  for (let i = 0, k = 0; i < pieces.length; k++) {
    const n = 1 + (k % 4);
    const chunk = pieces.slice(i, i + n).join('');
    runs.push(k % 3 === 1 ? { text: chunk, bold: true } : k % 3 === 2 ? { text: chunk, italic: true } : chunk);
    i += n;
  }
  return runs;
}

/** A zip whose document part unpacks to `size` bytes (honestly declared: a zip bomb refused by its size). */
export async function zipBomb(size: number): Promise<Buffer> {
  const parts = docxParts({ blocks: [{ p: ['Bomb'] }] });
  const filler = Buffer.alloc(size, 0x20);
  const doc = parts.find(([n]) => n === 'word/document.xml')!;
  doc[1] = Buffer.concat([doc[1].subarray(0, doc[1].length - '</w:document>'.length), filler, Buffer.from('</w:document>')]);
  return zipEntries(parts);
}

/**
 * A Word document whose document part says it unpacks to a few bytes but unpacks to `size`:
 * its central directory lies, so only checking the real size while unpacking catches it.
 */
export async function lyingZipBomb(size: number): Promise<Buffer> {
  const zip = await zipBomb(size);
  const name = Buffer.from('word/document.xml');
  for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
    const length = zip.readUInt16LE(at + 28);
    if (zip.subarray(at + 46, at + 46 + length).equals(name)) {
      zip.writeUInt32LE(1000, at + 24);
      return zip;
    }
  }
  throw new Error('no central directory entry for word/document.xml');
}

/**
 * What Word writes for a password-protected document: an OLE compound file (its signature, a
 * header, and a directory naming the `EncryptionInfo` and `EncryptedPackage` streams).
 */
export function encryptedDocx(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const dir = Buffer.alloc(512);
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => {
    const n = Buffer.from(name, 'utf16le');
    n.copy(dir, i * 128);
    dir.writeUInt16LE(n.length + 2, i * 128 + 64);
    dir[i * 128 + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, dir, Buffer.alloc(1024, 0xa5)]);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const plain = args[0] === '--plain';
  const [from, to] = plain ? args.slice(1) : args;
  if (!from || !to) {
    process.stderr.write('usage: node out/test/support/docx.js [--plain] DRAFT.md OUT.docx\n');
    process.exit(2);
  }
  void buildDocx(markdownToDocx(fs.readFileSync(from, 'utf8'), { plain })).then(b => fs.writeFileSync(to, b));
}

/** Every entry of a zip (name → uncompressed bytes), with yauzl. */
export async function unzipAll(zip: Buffer): Promise<Map<string, Buffer>> {
  const yauzl = await import('yauzl');
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  for await (const entry of file.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    const chunks: Buffer[] = [];
    for await (const c of await file.openReadStreamPromise(entry)) chunks.push(c as Buffer);
    out.set(entry.fileName, Buffer.concat(chunks));
  }
  return out;
}
