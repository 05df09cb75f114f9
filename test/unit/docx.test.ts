import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { main } from '../../server/src/cli/main';
import { DocxError, locate, readWordDraft, sentenceAround, type DocxLimits } from '../../server/src/docx';
import { createEngine, LineIndex } from '../../server/src/engine';
import { bundledIndex, repoRoot } from '../support/corpus';
import { buildDocx, docxParts, encryptedDocx, KITCHEN_SINK, lyingZipBomb, markdownToDocx, unzipAll, zipBomb, zipEntries } from '../support/docx';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: s => void (stdout += s), stderr: s => void (stderr += s), cwd });
  return { code, stdout, stderr };
}

const EXPECTED_KITCHEN_SINK = `# Readout: Follow-up on the Roadmap

# Climate

On climate, the leaders recalled that they will work in tandem, and encourage others to achieve net zero emissions no later than 2040.

The President said \u201cwe will work together\u201d and the Prime Minister\u00a0agreed.

## Security

- The leaders agreed to reestablish the Cross-Border Crime Forum.
  - They will meet again\tnext year.

Both leaders agreed to launch a High Level Climate Ministerial in the spring.

This paragraph mark was deleted, so this sentence joins it.

Commitment

Status

Net zero no later than 2050

On track

A line starting with # is not a heading.

\\# not a heading either

Well\u2011known.

[^1]: Roadmap for a Renewed U.S.\u2013Canada Partnership, 23 February 2021.
`;

describe('Word drafts (.docx)', function () {
  this.timeout(60000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verbatim-docx-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function write(name: string, bytes: Buffer | Promise<Buffer>): Promise<string> {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, await bytes);
    return file;
  }

  describe('reading', () => {
    it('reads headings, list items, table cells and footnotes as Markdown-like text; curly quotes, non-breaking spaces and hyphens as typed; tracked changes as accepted, and says so', async () => {
      const draft = await readWordDraft(await write('sink.docx', buildDocx(KITCHEN_SINK)));
      assert.equal(draft.text, EXPECTED_KITCHEN_SINK);
      assert.deepEqual(draft.notes, ['Tracked changes were read as if accepted (1 insertion, 2 deletions).']);
      assert.deepEqual(
        draft.paragraphs.map(p => [p.label, p.kind]),
        [
          ['paragraph 1', 'heading'],
          ['paragraph 2', 'heading'],
          ['paragraph 3', 'paragraph'],
          ['paragraph 4', 'paragraph'],
          ['paragraph 5', 'heading'],
          ['paragraph 6', 'list item'],
          ['paragraph 7', 'list item'],
          ['paragraph 8', 'paragraph'],
          ['paragraph 9', 'paragraph'],
          ['paragraph 10 (table 1, row 1, cell 1)', 'table cell'],
          ['paragraph 11 (table 1, row 1, cell 2)', 'table cell'],
          ['paragraph 12 (table 1, row 2, cell 1)', 'table cell'],
          ['paragraph 13 (table 1, row 2, cell 2)', 'table cell'],
          ['paragraph 14', 'paragraph'],
          ['paragraph 15', 'paragraph'],
          ['paragraph 16', 'paragraph'],
          ['footnote 1', 'footnote'],
        ],
      );
    });

    it('maps every character of the text back to the XML it came from', async () => {
      const draft = await readWordDraft(await write('sink.docx', buildDocx(KITCHEN_SINK)));
      let mapped = 0;
      for (const p of draft.paragraphs) {
        const covered = new Array<boolean>(p.end - p.start).fill(false);
        for (const piece of p.pieces) {
          const xml = draft.parts.get(piece.run.part)!.xml;
          const text = draft.text.slice(piece.start, piece.end);
          if (piece.decoded) assert.equal(piece.decoded.text.slice(piece.from, piece.from + text.length), text);
          else assert.match(xml.slice(piece.element.start, piece.element.end), /^<w:(tab|br|noBreakHyphen)\/>$/);
          for (let i = piece.start; i < piece.end; i++) covered[i - p.start] = true;
          mapped += piece.end - piece.start;
        }
        assert.ok(covered.every(Boolean), `${p.label} is mapped to the document throughout`);
      }
      assert.ok(mapped > 500);
    });

    it('finds the sentence around a finding, not stopping at abbreviations or initials', () => {
      const t = 'The U.S. and Canada met. Mr. Smith said 2040. Then they left.';
      const [a, b] = sentenceAround(t, t.indexOf('2040'), t.indexOf('2040') + 4);
      assert.equal(t.slice(a, b), 'Mr. Smith said 2040.');
      assert.equal(t.slice(...sentenceAround(t, 4, 8)), 'The U.S. and Canada met.');
    });

    it('finds on a Word draft exactly what it finds on the same text as Markdown', async () => {
      const cases = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/eval/tuning-2.json'), 'utf8')).checks as { text: string; expect: unknown[] }[];
      const flagged = cases.filter(c => c.expect.length && !c.text.includes('\n')).slice(0, 40);
      const clean = cases.filter(c => !c.expect.length && !c.text.includes('\n')).slice(0, 10);
      const drafts = [
        fs.readFileSync(path.join(repoRoot, 'examples/readout-draft.md'), 'utf8'),
        ['# Flagged drafts', '', ...flagged.map(c => c.text + '\n'), '## As a list', '', ...clean.map(c => `- ${c.text}`), '', ...flagged.slice(0, 5).map(c => `- ${c.text}`), ''].join('\n'),
      ];
      const engine = createEngine(bundledIndex());
      for (const [k, markdown] of drafts.entries()) {
        const file = await write(`draft-${k}.docx`, buildDocx(markdownToDocx(markdown)));
        const word = await readWordDraft(file);
        const findings = (text: string) => {
          const lines = new LineIndex(text);
          return engine.check({ uri: 'file:///draft.md', text }, {}).map(d => ({ code: d.code, message: d.message, severity: d.severity, words: text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end)) }));
        };
        const fromWord = findings(word.text);
        const fromMarkdown = findings(markdown);
        assert.ok(fromMarkdown.length >= (k === 0 ? 4 : 40), `draft ${k} has findings to compare (${fromMarkdown.length})`);
        assert.deepEqual(fromWord, fromMarkdown);
      }
    });
  });

  describe('bad input', () => {
    const small: DocxLimits = { maxPartBytes: 1024 * 1024, maxTextBytes: 2 * 1024 * 1024, maxEntries: 100, maxTotalBytes: 8 * 1024 * 1024 };
    async function refusal(bytes: Buffer | Promise<Buffer>, limits?: DocxLimits): Promise<string> {
      const file = await write('bad.docx', bytes);
      try {
        await readWordDraft(file, limits);
      } catch (e) {
        assert.ok(e instanceof DocxError, `a DocxError, not ${(e as Error).stack}`);
        assert.doesNotMatch(e.message, /\n/);
        return e.message;
      }
      assert.fail('the file was read');
    }

    it('says a password-protected document is encrypted, and a .doc is not a .docx', async () => {
      assert.match(await refusal(encryptedDocx()), /^is password-protected \(encrypted\)\. Remove the password/);
      const doc = encryptedDocx();
      doc.fill(0, 512, 1024);
      assert.match(await refusal(doc), /Word 97-2003 document \(\.doc\)/);
    });

    it('says a corrupt or truncated file is damaged', async () => {
      const good = await buildDocx(KITCHEN_SINK);
      assert.match(await refusal(good.subarray(0, Math.floor(good.length / 2))), /^is damaged or truncated: its zip directory cannot be read/);
      const corrupt = Buffer.from(good);
      const at = corrupt.indexOf(Buffer.from('word/document.xml')) + 40;
      corrupt.fill(0x55, at, at + 400);
      assert.match(await refusal(corrupt), /^is damaged/);
      const noise = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(3000, 7)]);
      assert.match(await refusal(noise), /^is damaged/);
    });

    it('says what other files named .docx are', async () => {
      assert.match(await refusal(Buffer.from('The leaders agreed.\n')), /^is a text file named \.docx/);
      assert.match(await refusal(Buffer.alloc(0)), /^is empty/);
      const sheet = docxParts({ blocks: [{ p: ['x'] }] }).map(([n, c]): [string, Buffer] => [n, n === '[Content_Types].xml' ? Buffer.from(c.toString().replace('wordprocessingml.document.main+xml', 'spreadsheetml.sheet.main+xml')) : c]);
      assert.match(await refusal(zipEntries(sheet)), /^is not a Word document \(its main part, word\/document\.xml, is a spreadsheet\)/);
      assert.match(await refusal(zipEntries([['notes.txt', Buffer.from('hello')]])), /^is a zip file, not a Word document/);
      const malformed = docxParts({ blocks: [{ p: ['x'] }] }).map(([n, c]): [string, Buffer] => [n, n === 'word/document.xml' ? c.subarray(0, c.length - 20) : c]);
      assert.match(await refusal(zipEntries(malformed)), /^is damaged: word\/document\.xml is not well-formed XML/);
    });

    it('refuses a zip bomb by the unpacked size of its text parts, whether declared or hidden', async () => {
      assert.match(await refusal(zipBomb(3 * 1024 * 1024), small), /^word\/document\.xml would unpack to 3 MB, more than the 1 MB a text part may have/);
      assert.match(await refusal(lyingZipBomb(3 * 1024 * 1024), small), /^is damaged: word\/document\.xml cannot be unpacked \(too many bytes in the stream/);
    });

    it('is not fooled by pictures: a large image is never unpacked to check', async () => {
      const big = Buffer.alloc(3 * 1024 * 1024, 1);
      const file = await write('picture.docx', zipEntries([...docxParts({ blocks: [{ p: ['A picture follows.'] }] }), ['word/media/huge.png', big]]));
      assert.equal((await readWordDraft(file, small)).text, 'A picture follows.\n');
    });
  });

  describe('the CLI', () => {
    async function folder(): Promise<string> {
      const dir = path.join(tmp, 'drafts');
      fs.mkdirSync(dir);
      const md = fs.readFileSync(path.join(repoRoot, 'examples/readout-draft.md'), 'utf8');
      fs.writeFileSync(path.join(dir, 'a-readout.md'), md);
      fs.writeFileSync(path.join(dir, 'b-readout.docx'), await buildDocx(markdownToDocx(md)));
      fs.writeFileSync(path.join(dir, 'c-locked.docx'), encryptedDocx());
      fs.writeFileSync(path.join(dir, 'd-sink.docx'), await buildDocx(KITCHEN_SINK));
      return dir;
    }

    it('checks the .docx files of a folder; a bad one is one line on stderr and the others are checked (exit 2)', async () => {
      await folder();
      const r = await cli(['check', 'drafts'], tmp);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'verbatim: drafts/c-locked.docx: is password-protected (encrypted). Remove the password in Word (File > Info > Protect Document) and try again.\nverbatim: drafts/d-sink.docx: Tracked changes were read as if accepted (1 insertion, 2 deletions).\n');
      assert.match(r.stdout, /^drafts\/b-readout\.docx:paragraph 4: warning changed-figure "2040" where the source says "2050" .* In: \u201cOn climate, the leaders recalled that they will work in tandem, and encourage others to achieve net zero emissions no later than 2040\.\u201d$/m);
      assert.match(r.stdout, /^drafts\/a-readout\.md:7:130: warning changed-figure "2040"/m);
      assert.match(r.stdout, /^drafts\/d-sink\.docx:paragraph 3: warning changed-figure/m);
      assert.match(r.stdout, /in 3 files/);
    });

    it('gives each finding on a .docx its paragraph, words and sentence in JSON and SARIF, and a line and column into the extracted text', async () => {
      await folder();
      const json = JSON.parse((await cli(['check', '--format', 'json', 'drafts/b-readout.docx'], tmp)).stdout);
      const d = json[0].diagnostics.find((x: { code: string; message: string }) => x.code === 'changed-figure' && x.message.includes('80 percent'));
      assert.deepEqual(d.docx, {
        part: 'body',
        paragraph: 4,
        label: 'paragraph 4',
        words: '80 percent',
        sentence: 'The Prime Minister reaffirmed the goal for Canada to achieve 80 percent non-emitting electricity by 2030.',
      });
      const extracted = (await cli(['extract', 'drafts/b-readout.docx'], tmp)).stdout;
      const lines = extracted.split('\n');
      assert.equal(lines[d.range.start.line].slice(d.range.start.character, d.range.end.character), '80 percent');

      const sarif = JSON.parse((await cli(['check', '--format', 'sarif', 'drafts/b-readout.docx'], tmp)).stdout);
      const result = sarif.runs[0].results.find((x: { message: { text: string } }) => x.message.text.includes('80 percent'));
      const loc = result.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, 'drafts/b-readout.docx');
      assert.equal(loc.region.snippet.text, '80 percent');
      assert.equal(loc.region.startLine, d.range.start.line + 1);
      assert.match(loc.contextRegion.snippet.text, /^The Prime Minister reaffirmed/);
      assert.equal(result.properties.docx.paragraph, 4);
    });

    it('the report names the paragraph and quotes the sentence', async () => {
      await folder();
      const r = await cli(['check', '--report', 'report.md', 'drafts/b-readout.docx'], tmp);
      assert.equal(r.code, 1);
      const report = fs.readFileSync(path.join(tmp, 'report.md'), 'utf8');
      assert.match(report, /^2\. \*\*paragraph 4\*\*, Warning \[`changed-figure`\]/m);
      assert.match(report, /- \*\*In the sentence:\*\* \u201cOn climate, the leaders recalled that they will work in tandem, and encourage others to achieve net zero emissions no later than 2040\\\.\u201d/);
      assert.doesNotMatch(report, /line \d/);
      await cli(['check', '--report', 'sink.md', 'drafts/d-sink.docx'], tmp);
      assert.match(fs.readFileSync(path.join(tmp, 'sink.md'), 'utf8'), /^## drafts\/d\\-sink\\\.docx\n\n_Tracked changes were read as if accepted \\\(1 insertion, 2 deletions\\\)\\\._$/m);
    });
  });

  describe('the reviewed copy', () => {
    const W_ANCHOR = /<w:commentRangeStart w:id="(\d+)"\/>|<w:commentRangeEnd w:id="(\d+)"\/>|<w:r><w:commentReference w:id="(\d+)"\/><\/w:r>/g;

    async function review(spec = KITCHEN_SINK): Promise<{ input: string; output: string; run: Run }> {
      const input = await write('draft.docx', buildDocx(spec));
      const output = path.join(tmp, 'draft.reviewed.docx');
      const run = await cli(['review', 'draft.docx', '--output', 'draft.reviewed.docx'], tmp);
      return { input, output, run };
    }

    it('differs from the original only by the comments part, its relationship and content type, and the anchors in the body', async () => {
      const { input, output, run } = await review();
      assert.equal(run.code, 0, run.stderr);
      // One finding: the changed figure (2040). The `agreed` the checker once called an understatement of `will` is no longer shown (trust issue).
      assert.equal(run.stdout, 'draft.reviewed.docx: 1 comment by Verbatim on draft.docx.\n');
      const before = await unzipAll(fs.readFileSync(input));
      const after = await unzipAll(fs.readFileSync(output));
      assert.deepEqual([...after.keys()], [...before.keys()]);
      const changed = [...after.keys()].filter(k => !after.get(k)!.equals(before.get(k)!));
      assert.deepEqual(changed.sort(), ['word/comments.xml', 'word/document.xml']);

      // The comments part: the existing comment as it was, then Verbatim's.
      const comments = after.get('word/comments.xml')!.toString();
      const old = before.get('word/comments.xml')!.toString();
      assert.ok(comments.startsWith(old.slice(0, old.lastIndexOf('</w:comments>'))));
      assert.equal((comments.match(/w:author="Verbatim"/g) ?? []).length, 1);

      // The body: removing the anchors and joining the runs they split gives the original back.
      const doc = after.get('word/document.xml')!.toString();
      const newIds = new Set([...comments.matchAll(/<w:comment w:id="(\d+)" w:author="Verbatim"/g)].map(m => m[1]));
      const stripped = doc.replace(W_ANCHOR, (m, a, b, c) => (newIds.has(a ?? b ?? c) ? '' : m));
      assert.equal(canonical(stripped), canonical(before.get('word/document.xml')!.toString()));
      assert.notEqual(stripped, doc);
      // Tracked changes and the existing comment's anchors are still there.
      for (const kept of ['<w:ins ', '<w:del ', '<w:delText', '<w:commentRangeStart w:id="0"/>', '<w:commentReference w:id="0"/>', '<w:drawing>', '<w:footnoteReference']) assert.ok(doc.includes(kept), kept);
    });

    it('anchors each comment on the flagged words, splitting runs, and says what, the official wording and where from', async () => {
      const { output, input } = await review();
      const after = await unzipAll(fs.readFileSync(output));
      const doc = after.get('word/document.xml')!.toString();
      const comments = after.get('word/comments.xml')!.toString();
      const anchored = commentedText(doc);
      const check = JSON.parse((await cli(['check', '--format', 'json', path.basename(input)], tmp)).stdout)[0].diagnostics as { code: string; message: string; docx: { words: string } }[];
      const verbatimComments = [...comments.matchAll(/<w:comment w:id="(\d+)" w:author="Verbatim" w:date="[^"]+" w:initials="V">(.*?)<\/w:comment>/g)];
      assert.equal(verbatimComments.length, check.length);
      check.forEach((d, i) => {
        const [, id, body] = verbatimComments[i];
        assert.equal(anchored.get(id), d.docx.words);
        const text = [...body.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map(m => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
        assert.equal(text[0], d.message);
        assert.match(text[1], /^Official wording: \u201c.+\u201d$/);
        assert.match(text[2], /^Source: .*¶\d+, 2021-02-23/);
        assert.equal(text[text.length - 1], `Verbatim ${d.code === 'understated' ? 'information' : 'warning'}: ${d.code}`);
      });
      // "2040" sat inside one run: it was split, each half keeping the run's properties.
      assert.match(doc, /no later than <\/w:t><\/w:r><w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">2040<\/w:t><\/w:r><w:commentRangeEnd w:id="\d+"\/><w:r><w:commentReference w:id="\d+"\/><\/w:r><w:r><w:t xml:space="preserve">\.<\/w:t><\/w:r>/);
    });

    it('adds the comments part, its relationship and content type when the document has none', async () => {
      const md = fs.readFileSync(path.join(repoRoot, 'examples/readout-draft.md'), 'utf8');
      const { input, output, run } = await review(markdownToDocx(md));
      assert.equal(run.stdout, 'draft.reviewed.docx: 4 comments by Verbatim on draft.docx.\n');
      const before = await unzipAll(fs.readFileSync(input));
      const after = await unzipAll(fs.readFileSync(output));
      assert.deepEqual([...after.keys()], [...before.keys(), 'word/comments.xml']);
      const changed = [...before.keys()].filter(k => !after.get(k)!.equals(before.get(k)!));
      assert.deepEqual(changed.sort(), ['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/document.xml']);
      const inserted = (k: string, before_: string, text: string) => assert.equal(after.get(k)!.toString(), before.get(k)!.toString().replace(before_, text + before_));
      inserted('[Content_Types].xml', '</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
      inserted('word/_rels/document.xml.rels', '</Relationships>', '<Relationship Id="rIdVerbatimComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>');
      assert.equal(commentedText(after.get('word/document.xml')!.toString()).size, 4);
    });

    it('anchors on words after an entity, across runs of different formatting, into a tracked insertion and in a footnote', async () => {
      const spec = {
        blocks: [
          { p: ['R&D <aside>, the leaders will work in tandem, and encourage others to achieve ', { text: 'net zero emissions no later', bold: true }, ' than 20', { ins: '40' }, '.', { footnote: 'The Prime Minister reaffirmed the goal for Canada to achieve 80 percent non-emitting electricity by 2030.' }] },
          { p: ['On climate, the leaders recalled that they will work in tandem, and encourage others to achieve net zero emissions no later than ', { text: '20', italic: true }, { text: '45', bold: true }, '.'] },
          { p: ['On climate & \u201cenergy\u201d, the leaders recalled that they will work in tandem, and encourage others to achieve net zero emissions no later than 2060 & beyond.'] },
        ],
      };
      const { input, output, run } = await review(spec);
      assert.equal(run.code, 0, run.stderr);
      const check = JSON.parse((await cli(['check', '--format', 'json', path.basename(input)], tmp)).stdout)[0].diagnostics as { docx: { words: string; label: string } }[];
      assert.deepEqual(
        check.map(d => [d.docx.label, d.docx.words]),
        [
          ['paragraph 1', '2040'],
          ['paragraph 2', '2045'],
          ['paragraph 3', '2060'],
          ['footnote 1', '80 percent'],
        ],
      );
      const before = await unzipAll(fs.readFileSync(input));
      const after = await unzipAll(fs.readFileSync(output));
      const comments = after.get('word/comments.xml')!.toString();
      const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map(m => m[1]);
      const anchored = new Map([...commentedText(after.get('word/document.xml')!.toString()), ...commentedText(after.get('word/footnotes.xml')!.toString())]);
      assert.deepEqual(ids.map(id => anchored.get(id)), ['2040', '2045', '2060', '80 percent']);
      for (const part of ['word/document.xml', 'word/footnotes.xml']) {
        const stripped = after.get(part)!.toString().replace(W_ANCHOR, '');
        assert.equal(canonical(stripped), canonical(before.get(part)!.toString()), part);
      }
      assert.match(after.get('word/document.xml')!.toString(), /<w:t xml:space="preserve">On climate &amp; \u201cenergy\u201d, .* no later than <\/w:t><\/w:r><w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">2060<\/w:t><\/w:r><w:commentRangeEnd/);
    });

    it('never writes over the original: the same path, another spelling of it, a symlink or a hard link is refused', async () => {
      const input = await write('draft.docx', buildDocx(KITCHEN_SINK));
      const original = fs.readFileSync(input);
      fs.symlinkSync(input, path.join(tmp, 'link.docx'));
      fs.linkSync(input, path.join(tmp, 'hard.docx'));
      for (const out of ['draft.docx', './sub/../draft.docx', 'link.docx', 'hard.docx']) {
        fs.mkdirSync(path.join(tmp, 'sub'), { recursive: true });
        const r = await cli(['review', 'draft.docx', '--output', out], tmp);
        assert.equal(r.code, 2, out);
        assert.equal(r.stderr, 'verbatim: draft.docx: the reviewed copy would overwrite the original; name another file with --output.\n');
      }
      assert.ok(fs.readFileSync(input).equals(original));
      const none = await cli(['review', 'draft.docx'], tmp);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /needs --output FILE\.docx/);
      assert.deepEqual(fs.readdirSync(tmp).sort(), ['draft.docx', 'hard.docx', 'link.docx', 'sub']);
    });

    it('a bad file is one clear line and no copy', async () => {
      await write('draft.docx', encryptedDocx());
      const r = await cli(['review', 'draft.docx', '--output', 'out.docx'], tmp);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'verbatim: draft.docx: is password-protected (encrypted). Remove the password in Word (File > Info > Protect Document) and try again.\n');
      assert.ok(!fs.existsSync(path.join(tmp, 'out.docx')));
    });
  });

  it('locates findings in footnotes by their number', async () => {
    const draft = await readWordDraft(await write('sink.docx', buildDocx(KITCHEN_SINK)));
    const at = draft.text.indexOf('23 February 2021');
    assert.deepEqual(locate(draft, at, at + 16), { part: 'footnote', paragraph: 1, note: 1, label: 'footnote 1', words: '23 February 2021', sentence: 'Roadmap for a Renewed U.S.\u2013Canada Partnership, 23 February 2021.' });
  });
});

/** The words between each comment's range start and end, by comment id. */
function commentedText(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const open = new Map<string, string>();
  const tokens = xml.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>|<w:commentRangeEnd w:id="(\d+)"\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g);
  for (const m of tokens) {
    if (m[1] !== undefined) open.set(m[1], '');
    else if (m[2] !== undefined) {
      out.set(m[2], open.get(m[2]) ?? '');
      open.delete(m[2]);
    } else for (const [id, s] of open) open.set(id, s + (m[3] ?? '\t'));
  }
  return out;
}

/**
 * A document part in a form that ignores how text is split into runs: adjacent runs with the
 * same start tag and properties are joined, as are adjacent texts of a run (xml:space aside).
 */
function canonical(xml: string): string {
  interface Node {
    name: string;
    attrs: string;
    children: (Node | string)[];
  }
  const root: Node = { name: '#root', attrs: '', children: [] };
  const stack = [root];
  const parser = new SaxesParser();
  parser.on('opentag', t => {
    const attrs = Object.entries(t.attributes)
      .filter(([k]) => !(t.name === 'w:t' && k === 'xml:space'))
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .sort()
      .join(' ');
    const n: Node = { name: t.name, attrs, children: [] };
    stack[stack.length - 1].children.push(n);
    stack.push(n);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', t => void stack[stack.length - 1].children.push(t));
  parser.write(xml).close();
  const ser = (n: Node | string): string => (typeof n === 'string' ? n : `<${n.name} ${n.attrs}>${n.children.map(ser).join('')}</${n.name}>`);
  const key = (r: Node) => r.attrs + (r.children.filter((c): c is Node => typeof c !== 'string' && c.name === 'w:rPr').map(ser).join('') || '');
  const textOnly = (r: Node) => r.children.every(c => typeof c !== 'string' && (c.name === 'w:rPr' || c.name === 'w:t'));
  const join = (n: Node) => {
    n.children.forEach(c => typeof c !== 'string' && join(c));
    const out: (Node | string)[] = [];
    for (const c of n.children) {
      const prev = out[out.length - 1];
      if (typeof c !== 'string' && typeof prev !== 'string' && prev && c.name === 'w:r' && prev.name === 'w:r' && textOnly(c) && textOnly(prev) && key(c) === key(prev)) {
        const texts = (r: Node) => r.children.filter((x): x is Node => typeof x !== 'string' && x.name === 'w:t').map(x => x.children.join('')).join('');
        const rPr = prev.children.filter(x => typeof x !== 'string' && x.name === 'w:rPr');
        out[out.length - 1] = { name: 'w:r', attrs: prev.attrs, children: [...rPr, { name: 'w:t', attrs: '', children: [texts(prev) + texts(c)] }] };
      } else out.push(c);
    }
    n.children = out;
  };
  join(root);
  return ser(root);
}
