import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex, loadCorpus } from '../../server/src/engine';
import { hoverAt } from '../../server/src/engine/hover';
import { escapeMarkdown, unescapeMarkdown } from '../../server/src/engine/text/markdown';
import { findQuotations } from '../../server/src/engine/text/quotations';
import { definitionAt, quotationLinks } from '../../server/src/engine/sourceLinks';
import { bundledIndex, repoRoot, source } from '../support/corpus';

/** Splits `text` at the cursor marker `|`. */
function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'test text needs a | cursor');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function hover(marked: string, index = bundledIndex()) {
  const { text, offset } = cursor(marked);
  return hoverAt(index, text, offset);
}

/** The hover as a reader sees it: escapes removed. */
function shown(marked: string, index = bundledIndex()): string | undefined {
  const h = hover(marked, index);
  return h && unescapeMarkdown(h.markdown);
}

describe('hover', () => {
  it('shows the source paragraph, section, document, date, link and citation id for a phrase', () => {
    const h = hover('We will press ahead with protections for the Arctic Nat|ional Wildlife Refuge.');
    assert.ok(h);
    const md = unescapeMarkdown(h.markdown);
    assert.match(md, /Roadmap for a Renewed U\.S\.-Canada Partnership/);
    assert.match(md, /Accelerating Climate Ambitions/);
    assert.match(md, /2021-02-23/);
    assert.match(md, /\]\(https:\/\/www\.whitehouse\.gov\//);
    assert.match(h.markdown, /Citation: `roadmap-2021-02-23#accelerating-climate-ambitions-\d+`/);
    assert.match(h.markdown, /\*\*[^*]*Arctic National Wildlife Refuge\*\*/);
  });

  it('covers the whole matched run with its range', () => {
    const { text, offset } = cursor('Canada takes part in the Energy Resource Gov|ernance Initiative.');
    const h = hoverAt(bundledIndex(), text, offset);
    assert.ok(h);
    assert.ok(text.slice(h.start, h.end).includes('Energy Resource Governance Initiative'));
  });

  it('uses the whole quotation inside typographic quotes and shows the difference word by word', () => {
    const h = hover('Readout: “The top priority of the Pres|ident and the Prime Minister is to defeat the COVID-19 pandemic.”');
    assert.ok(h);
    assert.match(h.markdown, /Combating COVID-19/);
    assert.match(h.markdown, /~~defeat~~ \*\*end\*\*/);
  });

  it('shows no difference for an exact quotation in straight quotes', () => {
    const md = shown('They said "to end the COVID-19 pan|demic" today.');
    assert.ok(md);
    assert.doesNotMatch(md, /differs/);
  });

  it('uses single quotes that are quotations, not apostrophes', () => {
    assert.deepEqual(
      findQuotations("Canada's view: 'build back better' and the Leaders’ Summit").map(q => q.innerStart),
      [16],
    );
  });

  it('works with the cursor at the end of a line', () => {
    const { text } = cursor('Surveys of the Porcupine caribou herd|');
    const h = hoverAt(bundledIndex(), text, text.length);
    assert.ok(h);
    assert.match(h.markdown, /Accelerating Climate Ambitions/);
  });

  it('matches across the hard line breaks of the source', () => {
    const md = shown('Utilities were briefed on the Framework for Collaboration on Cyber|security in the Energy Sector.');
    assert.ok(md?.includes('Bolstering Security and Defense'));
  });

  it('returns nothing for text that matches no source', () => {
    assert.equal(hover('The quick brown fox jum|ps over the lazy dog.'), undefined);
  });

  it('returns nothing for common words alone', () => {
    assert.equal(hover('And th|e rest is history.'), undefined);
    assert.equal(hover('It is in th|e'), undefined);
  });

  it('returns nothing on an empty draft or white space', () => {
    assert.equal(hover('|'), undefined);
  });

  it('says where an official name first appears and how often the sources use it', () => {
    const md = shown('The COVAX Fac|ility received our pledges.');
    assert.ok(md);
    assert.match(md, /Official name \*\*COVAX Facility\*\*: used (once|\d+ times) in \d+ passages? of the sources; first appears in Roadmap[^,]*, Combating COVID-19, ¶\d/);
  });
});

describe('hover escaping', () => {
  const nasty = [
    '---',
    "title: 'Evil <script>alert(1)</script> Memo'",
    "date: '2024-01-01'",
    "source_url: 'javascript:alert(1)'",
    '---',
    '',
    '## Section `code` <b>bold</b>',
    '',
    // `\\*` keeps literal asterisks in the source's text (emphasis markers themselves are removed when indexing).
    'The ministers agreed to the <script>alert(1)</script> pilot and to [click here](command:workbench.action.quit) for the \\*shared\\* `secret` plan.',
  ].join('\n');
  const index = loadCorpus([source('evil.md', nasty)]);

  it('escapes Markdown so the hover shows source text literally', () => {
    const h = hover('We agreed to the <script>alert(1)</script> pil|ot and to click here for the shared plan.', index);
    assert.ok(h);
    assert.doesNotMatch(h.markdown, /<script>|<b>/);
    assert.doesNotMatch(h.markdown, /\]\((command|javascript):/);
    assert.match(h.markdown, /\\<script\\>/);
    assert.match(h.markdown, /\\`secret\\`/);
    assert.match(h.markdown, /\\\*shared/);
    // Read back without escapes, the text is exactly the source's.
    assert.ok(unescapeMarkdown(h.markdown).includes('<script>alert(1)</script> pilot'));
    assert.ok(unescapeMarkdown(h.markdown).includes('Evil <script>alert(1)</script> Memo'));
  });

  it('escapes command links and code written in the draft when showing the difference', () => {
    const h = hover('“The ministers agreed to the <script>alert(1)</script> pilot and to [x](command:evil) for the *sha|red* `secret` plan.”', index);
    assert.ok(h);
    assert.match(h.markdown, /differs/);
    assert.doesNotMatch(h.markdown, /\]\(command:/);
    assert.doesNotMatch(h.markdown, /<script>/);
    assert.match(h.markdown, /~~[^~]*command[^~]*~~/);
  });

  it('escapeMarkdown neutralises HTML, links, code, emphasis and block starts', () => {
    assert.equal(escapeMarkdown('<script>x</script>'), '\\<script\\>x\\</script\\>');
    assert.equal(escapeMarkdown('[x](command:foo)'), '\\[x\\]\\(command:foo\\)');
    assert.equal(escapeMarkdown('`a` *b* _c_'), '\\`a\\` \\*b\\* \\_c\\_');
    assert.equal(escapeMarkdown('- item'), '\\- item');
    assert.equal(escapeMarkdown('1. item'), '1\\. item');
    assert.equal(escapeMarkdown('a\nb'), 'a b');
    for (const s of ['<img src=x onerror=alert(1)>', '**bold** and [link](http://x)', '~~gone~~ | table | &amp;']) {
      assert.equal(unescapeMarkdown(escapeMarkdown(s)), s);
    }
  });

  it('escapes the draft side of a difference too', () => {
    const h = hover('The leaders: “The top priority of the Pre|sident and the Prime Minister is to <b>defeat</b> the COVID-19 pandemic.”');
    assert.ok(h);
    assert.doesNotMatch(h.markdown, /<b>/);
  });
});

describe('go to source', () => {
  it('points at the exact matched words in the source file', () => {
    const { text, offset } = cursor('Both countries are members of the Media Freedom Coa|lition.');
    const loc = definitionAt(bundledIndex(), text, offset);
    assert.ok(loc);
    assert.equal(loc.uri, 'verbatim-source:/roadmap-2021-02-23.md');
    const file = fs.readFileSync(path.join(repoRoot, 'corpus', 'roadmap-2021-02-23.md'), 'utf8');
    const lines = new LineIndex(file);
    const at = file.slice(lines.offsetAt(loc.range.start), lines.offsetAt(loc.range.end)).replace(/\s+/g, ' ');
    assert.match(at, /^(the )?Media Freedom Coalition$/i);
  });

  it('returns nothing where nothing matches', () => {
    const { text, offset } = cursor('Nothing to see he|re at all.');
    assert.equal(definitionAt(bundledIndex(), text, offset), undefined);
  });
});

describe('quotation links', () => {
  it('links quotations of four or more words to their source paragraph, and skips short or unmatched ones', () => {
    const draft = 'They pledged “to end the COVID-19 pandemic” and a “bold” plan, “nothing like this was ever said anywhere”.';
    const links = quotationLinks(bundledIndex(), draft);
    assert.equal(links.length, 1);
    assert.equal(draft.slice(links[0].start, links[0].end), 'to end the COVID-19 pandemic');
    assert.match(links[0].target, /^verbatim-source:\/roadmap-2021-02-23\.md#L\d+,\d+$/);
    assert.match(links[0].tooltip, /Combating COVID-19, ¶1/);
  });
});
