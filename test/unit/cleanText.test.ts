import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { createEngine, LineIndex, loadCorpus } from '../../server/src/engine';
import { completeOfficialWording } from '../../server/src/engine/completion';
import { hoverAt } from '../../server/src/engine/hover';
import { unescapeMarkdown } from '../../server/src/engine/text/markdown';
import { repoRoot } from '../support/corpus';

// A source with the artefacts of a scraped page (a link, an image, escapes, emphasis, tags, a
// hyphenation break): every face shows the official words as a reader would write them.
const FILE = path.join(repoRoot, 'test', 'fixtures', 'sources', 'web-page.md');
const index = loadCorpus([{ uri: `file://${FILE}`, displayPath: 'web-page.md', content: fs.readFileSync(FILE, 'utf8') }]);
const ARTEFACTS = /\]\(|!\[|\*\*|\\|<span|&amp;|whole-of- /;

describe('clean official text in every face (a scraped source)', () => {
  it('hover quotes the clean paragraph', () => {
    const text = 'They welcomed the goals of the Paris Agreement and an ambitious and whole-of-government approach.';
    const h = hoverAt(index, text, text.indexOf('ambitious'));
    assert.ok(h);
    // The hover's own bold marks the matched words; the source text around them is clean.
    const shown = unescapeMarkdown(h.markdown).replace(/\*\*/g, '');
    assert.match(shown, /> The President met today with the Prime Minister\. They welcomed the goals of the Paris Agreement and an ambitious and whole-of-government approach for low- and middle-income countries\.\n/);
    assert.doesNotMatch(shown, ARTEFACTS);
  });

  it('completion inserts the clean words', () => {
    const text = 'They welcomed the goals of the Paris Agreement and an ambitious and whole-of-gov';
    const lines = new LineIndex(text);
    const list = completeOfficialWording(index, { text }, lines.positionAt(text.length), { citationStyle: 'none' });
    const applied = list.items.map((i: CompletionItem) => {
      const e = i.textEdit as TextEdit;
      return text.slice(0, lines.offsetAt(e.range.start)) + e.newText + text.slice(lines.offsetAt(e.range.end));
    });
    assert.ok(
      applied.some(t => t.endsWith('and an ambitious and whole-of-government approach for low- and middle-income countries.')),
      JSON.stringify(applied),
    );
    for (const t of applied) assert.doesNotMatch(t, ARTEFACTS);
  });

  it('a misquote is reported and fixed with the clean words', () => {
    const draft = 'The leaders said: “They welcomed the goals of the Paris Accord and an ambitious and whole-of-government approach for low- and middle-income countries.”';
    const diagnostics = createEngine(index).check({ uri: 'file:///draft.md', text: draft });
    const misquote = diagnostics.find(d => d.code === 'misquote');
    assert.ok(misquote, JSON.stringify(diagnostics.map(d => d.message)));
    assert.match(String(misquote.message), /"Accord" where the source says "Agreement"/);
    const fix = (misquote.data as { fix?: { newText: string } }).fix;
    assert.ok(fix);
    assert.doesNotMatch(fix.newText, ARTEFACTS);
    assert.ok(!diagnostics.some(d => ARTEFACTS.test(String(d.message))));
  });
});
