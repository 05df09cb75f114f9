'use strict';
// Token tests for syntaxes/verbatim.injection.tmLanguage.json.
//
//   npm run test:grammar                       compare with the committed snapshots
//   UPDATE_SNAPSHOTS=1 npm run test:grammar    rewrite them (then review the diff by eye)
//   VERBATIM_MARKDOWN_GRAMMAR=/path/to/markdown.tmLanguage.json npm run test:grammar
//                                              also run the explicit Markdown assertions
//                                              against VS Code's real Markdown grammar
//
// The snapshots pin every token; the explicit assertions below pin the behaviour that
// matters, so a wrong snapshot cannot be committed without a test failing.

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { createTokenizer, formatSnapshot, readFragment, visible, ROOT, FIXTURES } = require('./harness');

const SNAPSHOTS = path.join(__dirname, 'snapshots');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const MD = 'text.html.markdown';
const TXT = 'text.plain';
const NBSP = '\u00a0';

const hostFor = (file) => (file.endsWith('.txt') ? TXT : MD);
const fixtureFiles = fs
  .readdirSync(FIXTURES)
  .filter((f) => /\.(md|txt)$/.test(f))
  .sort();

// ---- helpers ---------------------------------------------------------------

/**
 * The token covering a character of a line: the `at`-th character of the `nth`
 * occurrence of `needle` on line `lineNo` (1-based).
 */
function tokenAt(result, lineNo, needle, { nth = 0, at = 0 } = {}) {
  const entry = result[lineNo - 1];
  assert.ok(entry, `no line ${lineNo}`);
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = entry.line.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" (#${nth}) not found on line ${lineNo}: ${visible(entry.line)}`);
  }
  const offset = index + at;
  let start = 0;
  for (const token of entry.tokens) {
    if (offset < start + token.text.length) return token;
    start += token.text.length;
  }
  throw new Error(`offset ${offset} past the end of line ${lineNo}`);
}

const scopesAt = (...args) => tokenAt(...args).scopes;
const ours = (scopes) => scopes.filter((s) => s.endsWith('.verbatim'));
const has = (scopes, scope) => scopes.some((s) => s === scope || s.startsWith(scope + '.'));

function assertScope(scopes, scope, what) {
  assert.ok(has(scopes, scope), `${what}: expected ${scope} in [${scopes.join(', ')}]`);
}
function assertNoScope(scopes, scope, what) {
  assert.ok(!has(scopes, scope), `${what}: expected no ${scope} in [${scopes.join(', ')}]`);
}
function assertNoVerbatim(scopes, what) {
  assert.deepStrictEqual(ours(scopes), [], `${what}: expected no Verbatim scope`);
}
function assertLineHasNoVerbatim(result, lineNo) {
  for (const t of result[lineNo - 1].tokens) assertNoVerbatim(t.scopes, `line ${lineNo} token "${t.text}"`);
}

const DQ = 'string.quoted.double.verbatim';
const SQ = 'string.quoted.single.verbatim';
const BEGIN = 'punctuation.definition.string.begin.verbatim';
const END = 'punctuation.definition.string.end.verbatim';

// ---- snapshots -------------------------------------------------------------

describe('Verbatim injection grammar', function () {
  this.timeout(20000);
  let tk;
  before(async () => {
    tk = await createTokenizer();
  });

  describe('token snapshots', () => {
    for (const file of fixtureFiles) {
      it(`matches snapshots/${file}.snap`, async () => {
        const host = hostFor(file);
        const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
        const actual = formatSnapshot(file, host, await tk.tokenize(text, host));
        const snap = path.join(SNAPSHOTS, `${file}.snap`);
        if (UPDATE) {
          fs.mkdirSync(SNAPSHOTS, { recursive: true });
          fs.writeFileSync(snap, actual);
          return;
        }
        assert.ok(fs.existsSync(snap), `missing snapshot ${path.relative(ROOT, snap)}: run with UPDATE_SNAPSHOTS=1 and review it`);
        assert.strictEqual(actual, fs.readFileSync(snap, 'utf8'), `tokens differ from ${path.relative(ROOT, snap)}`);
      });
    }

    it('has no snapshot without a fixture', () => {
      const orphans = fs
        .readdirSync(SNAPSHOTS)
        .filter((f) => f.endsWith('.snap') && !fixtureFiles.includes(f.slice(0, -'.snap'.length)));
      assert.deepStrictEqual(orphans, []);
    });
  });

  // ---- explicit assertions ---------------------------------------------------

  markdownAssertions('Markdown (fixture host grammar)', () => tk);

  describe('plain text', () => {
    it('continues a quotation across lines and ends an unterminated one at a blank line', async () => {
      const r = await tk.tokenize(
        [
          'He said “we will work', // 1
          'together” today.', // 2
          'An unterminated "quotation', // 3
          'runs on', // 4
          '', // 5
          'but not past a blank line.', // 6
        ].join('\n'),
        TXT,
      );
      assertScope(scopesAt(r, 2, 'together'), DQ, 'continuation line');
      assertScope(scopesAt(r, 2, '”'), END, 'closing mark on the next line');
      assertNoVerbatim(scopesAt(r, 2, 'today'), 'after the closing mark');
      assertScope(scopesAt(r, 4, 'runs on'), DQ, 'unterminated quotation, next line');
      assertLineHasNoVerbatim(r, 6);
    });

    it('does not take apostrophes for quotation marks', async () => {
      const r = await tk.tokenize('Canada’s and the peoples’ rights, don\'t and the students\' work.\n', TXT);
      assertLineHasNoVerbatim(r, 1);
    });

    it('marks citations, including one at the start of a line', async () => {
      const r = await tk.tokenize(
        'as agreed\n(roadmap-2021-02-23#accelerating-climate-ambitions-4) and [^roadmap-1].\n',
        TXT,
      );
      assertScope(scopesAt(r, 2, '4)'), 'constant.other.reference.citation.verbatim', 'short citation at line start');
      assertScope(scopesAt(r, 2, 'roadmap-1'), 'constant.other.reference.citation.verbatim', 'footnote reference');
    });
  });

  describe('editor token types (what quick suggestions, auto-closing and bracket matching see)', () => {
    it('plain text: quotations stay "other", as the text was before the grammar existed', async () => {
      const types = await tk.tokenTypesOfLine('He said "we will" and ‘we may’ <!-- verbatim-enable -->', TXT);
      assert.deepStrictEqual(types, [
        { text: 'He said "we will" and ‘we may’ ', type: 'other' },
        { text: '<!-- verbatim-enable -->', type: 'comment' },
      ]);
    });

    it('Markdown: quotations are "string" tokens (the Markdown grammar is not ours to configure)', async () => {
      const types = await tk.tokenTypesOfLine('He said “we will” today.', MD);
      assert.deepStrictEqual(
        types.map((t) => t.type),
        ['other', 'string', 'other'],
      );
    });
  });

  describe('line endings', () => {
    for (const file of fixtureFiles.filter((f) => f.includes('crlf'))) {
      it(`${file} really has CRLF endings and tokenises like its LF version`, async () => {
        const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
        assert.ok(text.includes('\r\n'), `${file} lost its CRLF line endings (check .gitattributes)`);
        const host = hostFor(file);
        assert.deepStrictEqual(await tk.tokenize(text, host), await tk.tokenize(text.replace(/\r\n/g, '\n'), host));
      });
    }

    it('still ends an unterminated quotation at a blank line if a host leaves "\\r" on the lines', async () => {
      for (const host of [MD, TXT]) {
        const r = await tk.tokenizeRawLines(['"An unterminated quotation\r', 'runs on\r', '\r', 'not quoted\r'], host);
        assertScope(scopesAt(r, 2, 'runs'), DQ, `${host}: line 2`);
        assertLineHasNoVerbatim(r, 4);
      }
    });
  });

  describe('the bundled Roadmap corpus', () => {
    it('marks the leaders’ 12-line opening quotation, and no apostrophe anywhere', async () => {
      const file = path.join(ROOT, 'corpus', 'roadmap-2021-02-23.md');
      const started = Date.now();
      const r = await tk.tokenize(fs.readFileSync(file, 'utf8'), MD);
      const elapsed = Date.now() - started;

      const open = r.findIndex((l) => l.line.startsWith('“It is in the shared interest'));
      const close = r.findIndex((l) => l.line.startsWith('other’s success.”'));
      assert.ok(open > 0 && close > open, 'opening quotation not found in the corpus');
      assertScope(scopesAt(r, open + 1, '“'), BEGIN, 'opening mark');
      for (let n = open + 2; n <= close; n++) assertScope(r[n - 1].tokens[0].scopes, DQ, `corpus line ${n}`);
      assertNoScope(scopesAt(r, close + 1, '’'), SQ, 'apostrophe in other’s');
      assertScope(scopesAt(r, close + 1, '”'), END, 'closing mark');

      const singles = r.flatMap((l, i) => l.tokens.filter((t) => has(t.scopes, SQ)).map((t) => `${i + 1}: ${t.text}`));
      assert.deepStrictEqual(singles, [], 'the corpus has apostrophes but no single-quoted passage');
      // The front matter's quoted title is YAML, not a quotation.
      assertNoVerbatim(scopesAt(r, 7, '"Roadmap'), 'front matter');
      assert.ok(elapsed < 2000, `tokenising the corpus took ${elapsed} ms`);
    });
  });

  describe('grammar source', () => {
    it('verbatim.injection.tmLanguage.json is what syntaxes/build-injection-grammar.js generates', () => {
      const { render, OUT } = require('../../syntaxes/build-injection-grammar.js');
      assert.strictEqual(
        fs.readFileSync(OUT, 'utf8'),
        render(),
        'the grammar JSON was edited by hand or not regenerated: edit syntaxes/build-injection-grammar.js and run it',
      );
    });
  });

  describe('manifest fragment (syntaxes/contributes.grammars.json)', () => {
    const fragment = readFragment();

    it('points at grammar files whose scope names match', () => {
      for (const entry of fragment) {
        const file = path.resolve(ROOT, entry.path);
        assert.ok(fs.existsSync(file), `${entry.path} does not exist`);
        assert.strictEqual(JSON.parse(fs.readFileSync(file, 'utf8')).scopeName, entry.scopeName, entry.path);
      }
    });

    it('injects into Markdown and plain text, keeping code out', () => {
      const injection = fragment.find((g) => g.scopeName === 'verbatim.injection');
      assert.deepStrictEqual(injection.injectTo.slice().sort(), [MD, TXT]);
      const selector = JSON.parse(fs.readFileSync(path.resolve(ROOT, injection.path), 'utf8')).injectionSelector;
      for (const excluded of ['-markup.fenced_code', '-markup.inline.raw', '-markup.raw', '-meta.embedded']) {
        assert.ok(selector.includes(excluded), `injectionSelector lacks ${excluded}`);
      }
    });

    it('is what package.json contributes, once merged', function () {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      const contributed = (pkg.contributes && pkg.contributes.grammars) || [];
      if (contributed.length === 0) this.skip(); // not merged into the manifest yet
      for (const entry of fragment) {
        assert.deepStrictEqual(contributed.find((g) => g.scopeName === entry.scopeName), entry);
      }
    });
  });

  // Optional: the same Markdown assertions against VS Code's own Markdown grammar.
  const realMarkdown = process.env.VERBATIM_MARKDOWN_GRAMMAR;
  if (realMarkdown) {
    let realTk;
    before(async () => {
      realTk = await createTokenizer({ markdownGrammar: path.resolve(realMarkdown) });
    });
    markdownAssertions(`Markdown (${path.basename(realMarkdown)})`, () => realTk);
  }
});

function markdownAssertions(title, getTokenizer) {
  describe(title, () => {
    const md = (lines) => getTokenizer().tokenize(lines.join('\n') + '\n', MD);

    it('marks straight and typographic quotations with separate punctuation scopes', async () => {
      const r = await md(['He said "we will" and “we shall” and ‘we may’ and \'we might\'.']);
      for (const [mark, nth, scope, punct] of [
        ['"', 0, DQ, BEGIN],
        ['"', 1, DQ, END],
        ['“', 0, DQ, BEGIN],
        ['”', 0, DQ, END],
        ['‘', 0, SQ, BEGIN],
        ['’', 0, SQ, END],
        ["'", 0, SQ, BEGIN],
        ["'", 1, SQ, END],
      ]) {
        const scopes = scopesAt(r, 1, mark, { nth });
        assertScope(scopes, scope, `${mark} #${nth}`);
        assertScope(scopes, punct, `${mark} #${nth}`);
      }
      const inner = scopesAt(r, 1, 'we shall');
      assertScope(inner, DQ, 'quoted text');
      assertNoScope(inner, 'punctuation', 'quoted text');
    });

    it('marks guillemets, with no-break spaces inside or none, and guillemets nested in them', async () => {
      const r = await md(['Il a dit «\u202fnous agirons\u202f» et «\u00a0le «\u00a0partenariat\u00a0» dure\u00a0» and «we shall».']);
      for (const [mark, nth, punct] of [
        ['«', 0, BEGIN],
        ['»', 0, END],
        ['«', 1, BEGIN],
        ['«', 2, BEGIN],
        ['»', 1, END],
        ['»', 2, END],
        ['«', 3, BEGIN],
        ['»', 3, END],
      ]) {
        const scopes = scopesAt(r, 1, mark, { nth });
        assertScope(scopes, DQ, `${mark} #${nth}`);
        assertScope(scopes, punct, `${mark} #${nth}`);
      }
      assertScope(scopesAt(r, 1, 'nous agirons'), DQ, 'quoted text');
      assertScope(scopesAt(r, 1, 'dure'), DQ, 'after the nested quotation, still quoted');
      assertNoScope(scopesAt(r, 1, 'et'), DQ, 'between quotations');
      assertScope(scopesAt(r, 1, 'we shall'), DQ, 'English in guillemets');
    });

    it('does not take apostrophes for quotation marks', async () => {
      const r = await md(['Canada’s plan, the peoples’ rights, don\'t, the students\' work, Gwich’in, 5\'10", the \'90s.']);
      assertLineHasNoVerbatim(r, 1);
    });

    it('keeps an apostrophe inside a quotation out of the single-quote scopes', async () => {
      const r = await md(['“Canada’s partner” and ‘Canada’s partner’ and \'Canada\'s partner\'.']);
      const inDouble = scopesAt(r, 1, 'Canada’s', { at: 6 });
      assertScope(inDouble, DQ, 'apostrophe inside “…”');
      assertNoScope(inDouble, SQ, 'apostrophe inside “…”');
      assertNoScope(inDouble, 'punctuation.definition.string', 'apostrophe inside “…”');
      const inSingle = scopesAt(r, 1, 'Canada’s', { nth: 1, at: 6 });
      assertScope(inSingle, SQ, 'apostrophe inside ‘…’');
      assertNoScope(inSingle, 'punctuation.definition.string', 'apostrophe inside ‘…’ does not close it');
      assertScope(scopesAt(r, 1, 'partner’', { at: 7 }), END, 'the real closing ’');
      assertNoScope(scopesAt(r, 1, "Canada's", { at: 6 }), 'punctuation.definition.string', "apostrophe inside '…'");
    });

    it('nests single quotations in double ones, and the other way round', async () => {
      const r = await md(['“the ‘Roadmap’ plan” and ‘He said “go” today’ and “the ‘best plan” ends.']);
      const roadmap = scopesAt(r, 1, 'Roadmap');
      assertScope(roadmap, DQ, 'outer');
      assertScope(roadmap, SQ, 'inner');
      assert.ok(roadmap.indexOf(DQ) < roadmap.indexOf(SQ), 'double outside single');
      const go = scopesAt(r, 1, 'go');
      assert.ok(go.indexOf(SQ) >= 0 && go.indexOf(SQ) < go.indexOf(DQ), 'single outside double');
      // An unclosed inner quotation ends before the outer closing mark.
      assertScope(scopesAt(r, 1, '” ends'), END, 'outer closing mark after an unclosed inner quote');
      assertNoVerbatim(scopesAt(r, 1, 'ends'), 'after the outer quotation');
    });

    it('keeps no-break spaces inside a quotation', async () => {
      const r = await md([`said${NBSP}"quoted${NBSP}text" and “quoted${NBSP}text”.`]);
      assertScope(scopesAt(r, 1, `quoted${NBSP}text`, { at: 6 }), DQ, 'NBSP in "…"');
      assertScope(scopesAt(r, 1, `quoted${NBSP}text`, { nth: 1, at: 6 }), DQ, 'NBSP in “…”');
    });

    it('leaves code spans, fenced and indented code, front matter and HTML comments alone', async () => {
      const r = await md([
        '---', // 1
        'title: "Roadmap"', // 2
        '---', // 3
        '', // 4
        'Code `"not a quotation"` and ``x `‘y’` z`` then "a quotation".', // 5
        '', // 6
        '```', // 7
        '"in a fence" ‘and this’ [^ref-1] (doc#slug-1) <!-- verbatim-disable -->', // 8
        '```', // 9
        '', // 10
        '    "indented code"', // 11
        '', // 12
        '<!-- a "comment" -->', // 13
      ]);
      assertNoVerbatim(scopesAt(r, 2, '"Roadmap'), 'front matter');
      const code = scopesAt(r, 5, 'not a quotation');
      assertScope(code, 'markup.inline.raw', 'code span');
      assertNoVerbatim(code, 'code span');
      assertNoVerbatim(scopesAt(r, 5, '"not', { at: 0 }), 'quote mark in a code span');
      assertNoVerbatim(scopesAt(r, 5, '‘y’'), 'double-backtick code span');
      assertScope(scopesAt(r, 5, '"a quotation', { at: 1 }), DQ, 'quotation after code spans');
      assertLineHasNoVerbatim(r, 8);
      assertLineHasNoVerbatim(r, 11);
      assertLineHasNoVerbatim(r, 13);
    });

    it('lets a quotation that starts a paragraph span lines, up to a blank line or a new block', async () => {
      const r = await md([
        '“A quotation that starts a paragraph', // 1
        'continues here.” After it.', // 2
        '', // 3
        '"An unterminated quotation', // 4
        'runs to the end of the paragraph', // 5
        '', // 6
        'but not past the blank line.', // 7
        '', // 8
        '‘An unterminated quotation before a fence', // 9
        '```', // 10
        '"code"', // 11
        '```', // 12
        'After the fence.', // 13
      ]);
      assertScope(scopesAt(r, 2, 'continues'), DQ, 'second line');
      assertScope(scopesAt(r, 2, '”'), END, 'closing mark on the second line');
      assertNoVerbatim(scopesAt(r, 2, 'After'), 'after the closing mark');
      assertScope(scopesAt(r, 5, 'runs'), DQ, 'unterminated, second line');
      assertLineHasNoVerbatim(r, 7);
      assertScope(scopesAt(r, 10, '```'), 'markup.fenced_code', 'the fence still opens');
      assertLineHasNoVerbatim(r, 10);
      assertLineHasNoVerbatim(r, 11);
      assertNoScope(scopesAt(r, 13, 'After'), 'markup.fenced_code', 'the fence still closes');
    });

    it('cannot continue a quotation opened mid-line onto the next line (Markdown paragraphs are per line)', async () => {
      const r = await md(['He said “we will', 'work together” today.']);
      assertScope(scopesAt(r, 1, 'we will'), DQ, 'first line');
      assertLineHasNoVerbatim(r, 2);
    });

    it('marks footnote references and definitions', async () => {
      const r = await md([
        'The Roadmap[^roadmap-1] and see [^roadmap-2]: mid-line.', // 1
        '', // 2
        '[^roadmap-1]: Roadmap for a Renewed U.S.-Canada Partnership.', // 3
      ]);
      const ref = scopesAt(r, 1, 'roadmap-1');
      assertScope(ref, 'constant.other.reference.citation.verbatim', 'reference label');
      assertScope(scopesAt(r, 1, '[^'), 'punctuation.definition.citation.begin.verbatim', 'reference [^');
      assertNoScope(scopesAt(r, 1, 'roadmap-2'), 'entity.name.tag.reference.verbatim', 'mid-line [^x]: is a reference');
      const def = scopesAt(r, 3, 'roadmap-1');
      assertScope(def, 'entity.name.tag.reference.verbatim', 'definition label');
      assertScope(def, 'meta.citation.footnote.definition.verbatim', 'definition');
      assertScope(scopesAt(r, 3, ':'), 'punctuation.separator.key-value.verbatim', 'definition colon');
      assertScope(scopesAt(r, 3, 'Roadmap for'), 'meta.paragraph.markdown', 'definition text stays in the paragraph');
    });

    it('marks inline citations, long and short, and nothing that merely looks like one', async () => {
      const r = await md([
        'Text (Roadmap for a Renewed U.S.-Canada Partnership, Accelerating Climate Ambitions, ¶4) and (roadmap-2021-02-23#accelerating-climate-ambitions-4).',
        'Not: (see page 4), (¶ four), (Roadmap, ¶4, p. 2), (roadmap-2021-02-23#accelerating-climate-ambitions).',
      ]);
      assertScope(scopesAt(r, 1, 'Roadmap for'), 'markup.underline.link.citation.verbatim', 'source and section');
      assertScope(scopesAt(r, 1, '¶'), 'punctuation.definition.reference.verbatim', 'pilcrow');
      assertScope(scopesAt(r, 1, '¶4', { at: 1 }), 'constant.other.reference.citation.verbatim', 'paragraph number');
      assertScope(scopesAt(r, 1, '(Roadmap'), 'punctuation.definition.citation.begin.verbatim', 'opening parenthesis');
      assertScope(scopesAt(r, 1, 'roadmap-2021-02-23'), 'markup.underline.link.citation.verbatim', 'document id');
      assertScope(scopesAt(r, 1, '#'), 'punctuation.separator.fragment.verbatim', '#');
      assertScope(scopesAt(r, 1, '-4)', { at: 1 }), 'constant.other.reference.citation.verbatim', 'short-form number');
      assertLineHasNoVerbatim(r, 2);
    });

    it('marks suppression comments, with and without codes, and only well-formed ones', async () => {
      const r = await md([
        '<!-- verbatim-disable-next-line -->', // 1
        '<!-- verbatim-disable VB101 VB102 -->', // 2
        '<!--verbatim-enable VB101-->', // 3
        'Not: <!-- verbatim-disabled --> <!-- verbatim-disable VB1 oops! --> <!-- Verbatim-Enable -->', // 4
        'After.', // 5
      ]);
      for (const [line, keyword] of [
        [1, 'verbatim-disable-next-line'],
        [2, 'verbatim-disable'],
        [3, 'verbatim-enable'],
      ]) {
        assertScope(scopesAt(r, line, keyword), 'keyword.control.suppression.verbatim', keyword);
        assertScope(scopesAt(r, line, '<!--'), 'comment.block.suppression.verbatim', `line ${line}`);
        assertScope(scopesAt(r, line, '-->'), 'punctuation.definition.comment.end.verbatim', `line ${line}`);
      }
      for (const [line, code] of [
        [2, 'VB101'],
        [2, 'VB102'],
        [3, 'VB101'],
      ]) {
        const scopes = scopesAt(r, line, code);
        assertScope(scopes, 'constant.other.diagnostic-code.verbatim', code);
        assertScope(scopes, 'comment.block.suppression.verbatim', `${code} stays in the comment`);
      }
      assertLineHasNoVerbatim(r, 4);
      assertLineHasNoVerbatim(r, 5);
    });
  });
}
