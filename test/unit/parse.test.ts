import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus, LineIndex, type Paragraph, type SourceDocument } from '../../server/src/engine';
import { parseSource } from '../../server/src/engine/sources/parse';
import { bundledIndex, bundledInputs, corpusDir, ROADMAP, source, STATEMENT } from '../support/corpus';

const SECTIONS = [
  ['combating-covid-19', 'Combating COVID-19', 11],
  ['building-back-better', 'Building Back Better', 9],
  ['accelerating-climate-ambitions', 'Accelerating Climate Ambitions', 12],
  ['advancing-diversity-and-inclusion', 'Advancing Diversity and Inclusion', 4],
  ['bolstering-security-and-defense', 'Bolstering Security and Defense', 8],
  ['building-global-alliances', 'Building Global Alliances', 7],
] as const;

/** Every non-space character of the paragraph text is the file's character at its offset. */
function assertOffsetsExact(doc: SourceDocument, p: Paragraph) {
  for (let i = 0; i < p.text.length; i++) {
    if (p.text[i] === ' ') continue;
    assert.equal(doc.text[p.sourceOffsets.at(i)], p.text[i], `${p.id}: char ${i} of ${JSON.stringify(p.text.slice(i, i + 20))}`);
  }
}

describe('parsing the bundled Roadmap', () => {
  const index = bundledIndex();
  const roadmap = index.getDocument(ROADMAP)!;

  it('reads the front matter with a YAML library (title with its escaped NBSP, date, link)', () => {
    assert.equal(roadmap.title, 'Roadmap for a Renewed U.S.-Canada Partnership');
    assert.equal(roadmap.date, '2021-02-23');
    assert.equal(roadmap.url, 'https://www.whitehouse.gov/briefing-room/statements-releases/2021/02/23/roadmap-for-a-renewed-u-s-canada-partnership/');
    assert.equal(roadmap.metadata.tags, 'statements-releases');
  });

  it('has its opening quotation plus exactly its six sections, each bullet its own paragraph', () => {
    assert.deepEqual(
      roadmap.sections.map(s => [s.id, s.title, s.paragraphIds.length]),
      SECTIONS.map(s => [...s]),
    );
    assert.ok(roadmap.opening);
    assert.deepEqual(roadmap.opening!.paragraphIds, [`${ROADMAP}#opening-1`]);
    assert.equal(roadmap.paragraphs.length, 1 + SECTIONS.reduce((n, s) => n + s[2], 0));
    const opening = index.getParagraph(`${ROADMAP}#opening-1`)!;
    assert.equal(opening.kind, 'quotation');
    assert.ok(opening.text.startsWith('It is in the shared interest'));
    assert.ok(opening.text.endsWith("invest in each other’s success."));
    assert.equal(opening.attribution, 'President Joe Biden, Prime Minister Justin Trudeau, February 23, 2021');
    const bullets = roadmap.paragraphs.filter(p => p.kind === 'bullet').length;
    assert.equal(bullets, 44);
  });

  it('gives stable citation ids and human labels', () => {
    const p = index.getParagraph(`${ROADMAP}#accelerating-climate-ambitions-4`)!;
    assert.equal(p.label, 'Roadmap for a Renewed U.S.-Canada Partnership, Accelerating Climate Ambitions, ¶4');
    assert.ok(p.text.startsWith('The President also restated his commitment to holding polluters accountable'));
    const again = loadCorpus(bundledInputs());
    assert.deepEqual(
      again.paragraphs.map(x => x.id),
      index.paragraphs.map(x => x.id),
    );
    assert.equal(new Set(index.paragraphs.map(x => x.id)).size, index.paragraphs.length, 'ids are unique');
  });

  it('joins hard-wrapped lines and strips list markers', () => {
    const p = index.getParagraph(`${ROADMAP}#combating-covid-19-2`)!;
    assert.ok(p.text.startsWith('The Prime Minister and the President committed to working closely together to defeat the virus,'));
    assert.ok(!/\n|  |^-/.test(p.text));
  });

  it('keeps exact offsets: every character and the paragraph range point at the source file', () => {
    for (const doc of index.documents) for (const p of doc.paragraphs) assertOffsetsExact(doc, p);
    const p = index.getParagraph(`${ROADMAP}#bolstering-security-and-defense-4`)!;
    const lines = new LineIndex(roadmap.text);
    const first = lines.lineText(p.range.start.line).slice(p.range.start.character);
    assert.ok(first.startsWith('They directed their Ministers of Foreign Affairs'), first);
    const lastLine = lines.lineText(p.range.end.line).slice(0, p.range.end.character);
    assert.ok(lastLine.endsWith('collective security.'), lastLine);
  });

  it('splits paragraphs into sentences without breaking at abbreviations', () => {
    const p = index.getParagraph(`${ROADMAP}#accelerating-climate-ambitions-2`)!;
    assert.equal(p.sentences.length, 1, p.sentences.map(s => s.text).join(' | '));
    const mou = index.getParagraph(`${ROADMAP}#building-back-better-7`)!;
    assert.equal(mou.sentences.length, 2);
    assert.ok(mou.sentences[1].text.includes('U.S. Department of Energy'));
    for (const s of mou.sentences) assert.equal(mou.text.slice(s.start, s.end), s.text);
  });
});

describe('parsing the companion statement', () => {
  const doc = bundledIndex().getDocument(STATEMENT)!;

  it('reads "Heading: text" lead-ins as sections', () => {
    assert.equal(doc.title, 'Statement on the unveiling of the U.S.-Canada Partnership Roadmap');
    assert.equal(doc.publisher, 'The White House');
    assert.equal(doc.url, undefined);
    assert.deepEqual(
      doc.sections.map(s => s.title),
      SECTIONS.map(s => s[1]),
    );
    assert.equal(doc.opening?.paragraphIds.length, 5);
    const covid = bundledIndex().getParagraph(`${STATEMENT}#combating-covid-19-1`)!;
    assert.ok(covid.text.startsWith('The President and the Prime Minister’s top priority'));
    assert.equal(doc.text.slice(covid.sourceOffsets.at(0), covid.sourceOffsets.at(0) + 13), 'The President');
  });
});

describe('bad and unusual sources', () => {
  const parse = (name: string, content: string | Uint8Array) => parseSource(source(name, content));

  it('without front matter: titled from the first heading, else the file name', () => {
    const withHeading = parse('notes.md', '# Joint Statement\n\nThe leaders agreed to meet again.\n');
    assert.equal(withHeading.document?.title, 'Joint Statement');
    assert.equal(withHeading.document?.paragraphs.length, 1);
    assert.deepEqual(withHeading.problems, []);
    const plain = parse('readout-2021.txt', 'The leaders agreed to meet again.\n\nThey discussed trade.');
    assert.equal(plain.document?.title, 'readout-2021');
    assert.equal(plain.document?.paragraphs.length, 2);
    // No heading at all: one section, `Statement` (see parseLayouts.test.ts), not an untitled opening.
    assert.equal(plain.document?.paragraphs[0].id, 'readout-2021#statement-1');
  });

  it('malformed front matter: a warning naming the file and the reason, and the body still loads', () => {
    const r = parse('broken.md', '---\ntitle: "unclosed\ndate: [2021\n---\n\n## Trade\n\nThe leaders agreed to cut tariffs.\n');
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].severity, 'warning');
    assert.match(r.problems[0].message, /^broken\.md: the front matter is not valid YAML/);
    assert.equal(r.document?.sections[0].title, 'Trade');
    assert.equal(r.document?.paragraphs.length, 1);
  });

  it('unclosed front matter is reported', () => {
    const r = parse('open.md', '---\ntitle: x\n\nSome text.');
    assert.match(r.problems[0].message, /never closed/);
  });

  it('an empty file is an error and yields no document', () => {
    for (const content of ['', '  \n\n ']) {
      const r = parse('empty.md', content);
      assert.equal(r.document, undefined);
      assert.match(r.problems[0].message, /^empty\.md: the file is empty/);
    }
  });

  it('a binary file is an error', () => {
    const r = parse('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    assert.equal(r.document, undefined);
    assert.match(r.problems[0].message, /binary file/);
  });

  it('invalid UTF-8 is an error with advice', () => {
    const r = parse('latin1.txt', new Uint8Array([0x43, 0x61, 0x6e, 0x61, 0x64, 0xe1, 0x20, 0x61]));
    assert.match(r.problems[0].message, /not valid UTF-8/);
  });

  it('CRLF files parse like LF files, with offsets into the CRLF text', () => {
    const lf = fs.readFileSync(path.join(corpusDir, `${ROADMAP}.md`), 'utf8');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parseSource({ uri: 'file:///a/roadmap.md', displayPath: 'roadmap.md', content: lf }).document!;
    const b = parseSource({ uri: 'file:///b/roadmap.md', displayPath: 'roadmap.md', content: crlf }).document!;
    assert.deepEqual(
      b.paragraphs.map(p => [p.id, p.text]),
      a.paragraphs.map(p => [p.id, p.text]),
    );
    assert.deepEqual(
      b.paragraphs.map(p => p.range),
      a.paragraphs.map(p => p.range),
    );
    for (const p of b.paragraphs) assertOffsetsExact(b, p);
  });

  it('a file with only headings loads with a warning and no passages', () => {
    const r = parse('outline.md', '# Title\n\n## One\n\n## Two\n');
    assert.equal(r.document?.paragraphs.length, 0);
    assert.equal(r.document?.sections.length, 2);
    assert.match(r.problems[0].message, /no paragraphs/);
  });

  it('removes inline Markdown but keeps offsets exact', () => {
    const text = '## Energy\n\nThe leaders **agreed** to [renew the MOU](https://example.org) on energy\\_security and \\*clean\\* power.\n';
    const doc = parse('inline.md', text).document!;
    const p = doc.paragraphs[0];
    // `\_` between two words is a scraped non-breaking space; other escapes keep the character.
    assert.equal(p.text, 'The leaders agreed to renew the MOU on energy security and *clean* power.');
    assertOffsetsExact(doc, p);
  });

  it('keeps going when one source in a set is bad', () => {
    const index = loadCorpus([source('empty.md', ''), ...bundledInputs(), source('bin.dat', new Uint8Array([0, 1, 2]))]);
    assert.equal(index.documents.length, 2);
    assert.equal(index.problems.length, 2);
    assert.deepEqual(
      index.problems.map(p => p.displayPath),
      ['empty.md', 'bin.dat'],
    );
  });

  it('gives documents with the same file name distinct ids', () => {
    const index = loadCorpus([source('a/statement.md', 'One.'), { ...source('b/statement.md', 'Two.'), uri: 'file:///other/statement.md' }]);
    assert.deepEqual(
      index.documents.map(d => d.id),
      ['statement', 'statement-2'],
    );
  });
});
