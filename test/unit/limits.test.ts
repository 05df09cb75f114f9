import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, LineIndex, loadCorpus, MAX_PASSAGE_CHARS, MAX_PASSAGES, runSteps } from '../../server/src/engine';
import { parseSourceSteps } from '../../server/src/engine/sources/parse';
import { sourceTree, TREE_PARAGRAPHS, TREE_TEXT_CHARS } from '../../server/src/engine/sourceTree';
import type { SourceDocument, SourceInput } from '../../server/src/engine';
import { bundledInputs, repoRoot, source } from '../support/corpus';

/** Everything about a parsed document that features rely on, for comparing two parses. */
function shape(doc: SourceDocument | undefined) {
  if (!doc) return undefined;
  return {
    title: doc.title,
    sections: [...(doc.opening ? [doc.opening] : []), ...doc.sections].map(s => [s.id, s.title, s.range, s.paragraphIds]),
    paragraphs: doc.paragraphs.map(p => [p.id, p.kind, p.text, p.range, p.attribution, p.sourceOffsets.toArray().join(',')]),
  };
}

/** A pseudo-random paragraph of `chars` characters with a full stop every 20 words. */
function prose(chars: number, seed = 1): string {
  const words = ['the', 'leaders', 'agreed', 'to', 'strengthen', 'cooperation', 'on', 'climate', 'border', 'trade', 'energy', 'Arctic', 'security', 'health'];
  let x = seed;
  const out: string[] = [];
  for (let n = 0, i = 0; n < chars; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const w = words[x % words.length] + (i % 20 === 19 ? '.' : '');
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ');
}

describe('source limits (issue 19, item 3: one long paragraph freezes checking)', function () {
  this.timeout(20000);

  it('does not index a paragraph over the passage-length limit, and says which source, which line and why', () => {
    const long = prose(1_000_000);
    const index = loadCorpus([source('one-paragraph.md', `# Long\n\nThe ministers agreed to meet in June.\n\n${long}\n\nThey will report back.\n`)]);
    assert.ok(index.paragraphs.every(p => p.text.length <= MAX_PASSAGE_CHARS), 'no indexed passage is over the limit');
    assert.deepEqual(
      index.paragraphs.map(p => p.text),
      ['The ministers agreed to meet in June.', 'They will report back.'],
    );
    assert.equal(index.problems.length, 1);
    assert.equal(index.problems[0].severity, 'warning');
    assert.equal(
      index.problems[0].message,
      `one-paragraph.md: the paragraph at line 5 has ${long.length.toLocaleString('en-US')} characters, more than the 20,000 Verbatim indexes as one passage, so it was not indexed. Break long text into paragraphs separated by blank lines.`,
    );
    // A draft restating the long text is checked against what was indexed.
    const engine = createEngine(index);
    assert.ok(Array.isArray(engine.check({ uri: 'file:///d.md', text: long.slice(0, 4000) })));
  });

  it('a source that is nothing but an over-long paragraph says so, not that it has only headings', () => {
    const r = loadCorpus([source('blob.txt', prose(30_000))]);
    assert.equal(r.paragraphs.length, 0);
    assert.deepEqual(
      r.problems.map(p => p.message.replace(/\d[\d,]*/g, 'N')),
      ['blob.txt: the paragraph at line N has N characters, more than the N Verbatim indexes as one passage, so it was not indexed. Break long text into paragraphs separated by blank lines.'],
    );
  });
});

describe('source limits: blocks of megabytes', function () {
  this.timeout(20000);

  it('skips a block of more than 1 MB with nowhere to cut it, a megabyte at a time, and indexes what is around it', () => {
    const wrapped = prose(2_500_000).replace(/(.{70}\S*) /g, '$1\n');
    const lineCount = wrapped.split('\n').length;
    const steps = parseSourceSteps(source('wall.md', `Before it.\n\n${wrapped}\n\nAfter it.\n`));
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    assert.ok(yields >= 3, `${yields} yields`);
    assert.deepEqual(
      r.value.document?.paragraphs.map(p => p.text),
      ['Before it.', 'After it.'],
    );
    assert.deepEqual(
      r.value.problems.map(p => p.message),
      [`wall.md: lines 3 to ${(lineCount + 2).toLocaleString('en-US')} (${wrapped.length.toLocaleString('en-US')} characters) have no blank line or list item between them, more than the 1,048,576 characters Verbatim reads as one block, so they were not indexed. Separate paragraphs with blank lines.`],
    );
  });
});

describe('source limits (issue 19, item 5: passage count is unbounded)', function () {
  this.timeout(20000);

  it('cuts a million-passage source at the passage limit, naming the source and the lines left out', () => {
    const lines: string[] = [];
    for (let i = 0; i < 1_000_000; i++) lines.push(`Passage ${i}.`);
    const text = lines.join('\n\n');
    const index = loadCorpus([source('million.md', text)], undefined, [], { maxPassages: 2000 });
    assert.equal(index.passageCount, 2000);
    assert.equal(index.paragraphs[1999].text, 'Passage 1999.');
    assert.deepEqual(
      index.problems.map(p => p.message),
      ['million.md: only its first 2,000 passages were indexed: Verbatim indexes at most 2,000 passages across all sources. The text from line 4,001 to the end (line 1,999,999) was not indexed.'],
    );
  });

  it('counts the passages of all sources together: a later source is cut, one after it is not indexed', () => {
    const many = (name: string, n: number) => source(name, Array.from({ length: n }, (_, i) => `${name} passage ${i}.`).join('\n\n'));
    const index = loadCorpus([many('a.md', 3), many('b.md', 4), many('c.md', 2)], undefined, [], { maxPassages: 5 });
    assert.deepEqual(
      index.documents.map(d => [d.displayPath, d.paragraphs.length]),
      [
        ['a.md', 3],
        ['b.md', 2],
      ],
    );
    assert.deepEqual(
      index.problems.map(p => [p.severity, p.message]),
      [
        ['warning', 'b.md: only its first 2 passages were indexed: Verbatim indexes at most 5 passages across all sources and the sources before it have 3. The text from line 5 to the end (line 7) was not indexed.'],
        ['error', 'c.md: not indexed: the sources before it already have 5 passages, the most Verbatim indexes across all sources. Name fewer or smaller sources.'],
      ],
    );
  });

  it('has a default limit that the bundled sources are far below', () => {
    assert.equal(MAX_PASSAGES, 100_000);
    assert.equal(loadCorpus(bundledInputs()).problems.length, 0);
  });

  it('the sources view lists a bounded number of passages, each cut short, and says how many it left out', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `Passage ${i} ${'x'.repeat(i === 0 ? 5000 : 10)}.`).join('\n\n');
    const tree = sourceTree(loadCorpus([source('big.md', text)]));
    const sections = tree[0].sections;
    const listed = sections.reduce((n, s) => n + s.paragraphs.length, 0);
    assert.equal(listed, TREE_PARAGRAPHS);
    assert.equal(sections[0].omitted, 20_000 - TREE_PARAGRAPHS);
    assert.equal(sections[0].paragraphs[0].text.length, TREE_TEXT_CHARS);
    assert.ok(JSON.stringify(tree).length < 8 * 1024 * 1024);
  });
});

describe('nested lists and block quotes (issue 19, item 6)', () => {
  it('indexes a list nested twelve deep and the text after it', () => {
    const list = Array.from({ length: 12 }, (_, d) => `${'  '.repeat(d)}- level ${d} item`).join('\n');
    const index = loadCorpus([source('nested.md', `# Nested\n\nThe ministers agreed to meet.\n\n${list}\n\nAfter the list, the leaders agreed to talk.\n`)]);
    assert.deepEqual(index.problems, []);
    assert.equal(index.paragraphs.length, 14);
    assert.equal(index.paragraphs[13].text, 'After the list, the leaders agreed to talk.');
  });

  it('reports text nested deeper than it reads, with the line, instead of saying the file has only headings', () => {
    const index = loadCorpus([source('deep.md', `Before.\n\n${'> '.repeat(120)}deep quote\n\nAfter.\n`)]);
    assert.deepEqual(
      index.paragraphs.map(p => p.text),
      ['Before.', 'After.'],
    );
    assert.deepEqual(
      index.problems.map(p => p.message),
      ['deep.md: line 3 is nested more deeply than Verbatim reads (100 block quotes, or 50 lists, one inside another) and was not indexed. Flatten the nesting to cite that text.'],
    );
  });
});

describe('parsing in chunks', () => {
  /** Sources with every construct a chunk boundary must not split: fences and HTML blocks with blank lines, lists, quotes, setext headings. */
  const tricky = [
    '# Title\n\nIntro paragraph.\n\n```\ncode line\n\nNot a paragraph.\n```\n\nAfter the fence.\n',
    'Text.\n\n<!--\n\nHidden paragraph.\n\n-->\n\nShown paragraph.\n\n<pre>\n\nPre text.\n\n</pre>\n\nLast.\n',
    '- one\n- two\n\n  continued two\n- three\n\n1. first\n\n2. second\n\nSetext\n======\n\nPara\n---\n\n> quote\n>\n> more\n\nlazy\n\n    indented code\n\n~~~ x\n\n- in fence\n~~~\n\nEnd.\n',
    '**Bold Heading**\n\nThe President and the Prime Minister agreed.\n\nPresident Biden  \nPrime Minister Trudeau\n\nCombating COVID-19: The leaders agreed to act.\n',
    // Statement layouts (sources/layout.ts), whose reading looks at the block after: numbered headings
    // and lists of one item, a bold sentence over a list, a plain-text heading, white-space-only lines.
    '1. Catalyze Clean Energy and Create Good Jobs\n\nThe leaders agreed.\n\n2. Build Back Better\n\nThey will act.\n\n1. first item\n\n2. second item\n\n3. third item\n',
    '**The leaders agreed on the principles below, which will guide their work for years to come.**\n\n- One principle.\n- Another principle.\n\nTrade and Investment\n\nThe leaders met.\n\u00a0\nThey agreed.\n\n# # #\n\nContact: press office.\n',
  ];

  const corpora = (): SourceInput[] => {
    const inputs: SourceInput[] = [...bundledInputs(), ...tricky.map((t, i) => source(`tricky-${i}.md`, t))];
    // Every real document: sources (English and French, many layouts) and drafts.
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.(md|txt)$/.test(e.name) ? [path.join(dir, e.name)] : []));
    const real = path.join(repoRoot, 'test', 'real');
    for (const file of walk(real).sort()) inputs.push(source(path.relative(real, file), fs.readFileSync(file, 'utf8')));
    return inputs;
  };

  it('gives the same documents whether a source is parsed whole or cut at every boundary it allows', () => {
    for (const input of corpora()) {
      const whole = runSteps(parseSourceSteps(input, new Set(), {}, 0, Number.MAX_SAFE_INTEGER));
      const chunked = runSteps(parseSourceSteps(input, new Set(), {}, 0, 1));
      assert.deepEqual(shape(chunked.document), shape(whole.document), input.displayPath);
      assert.deepEqual(chunked.problems, whole.problems, input.displayPath);
    }
  });

  it('builds the line table of a long text in steps, the same as at once, CR LF across a step boundary included', () => {
    const step = 1 << 20;
    const text = `${'a'.repeat(step - 1)}\r\n${'b\r'.repeat(1000)}${'c\n'.repeat(step)}\r`;
    const stepped = runSteps(LineIndex.build(text));
    assert.deepEqual(stepped.lineStarts, new LineIndex(text).lineStarts);
    assert.equal(stepped.lineStarts[1], step + 1);
  });

  it('yields between chunks of its text and between batches of passages, so a large source is parsed a slice at a time', () => {
    // 1 MB in 5,000 passages: 32 chunks of 32 KB, and 20 batches of 250 passages.
    const text = Array.from({ length: 5000 }, (_, i) => `Passage ${i} of a long source. ${'It goes on. '.repeat(16)}`).join('\n\n');
    const steps = parseSourceSteps(source('long.md', text));
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    assert.equal(r.value.document?.paragraphs.length, 5000);
    assert.ok(yields >= 25, `${yields} yields`);
  });
});
