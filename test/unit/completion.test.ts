import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { completeOfficialWording, inlineContinuations, suggest } from '../../server/src/engine/completion';
import { LineIndex, loadCorpus } from '../../server/src/engine';
import { bundledIndex, repoRoot, source } from '../support/corpus';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';

/** Completes at the `|` marker; returns the items and a function applying one to the line. */
export function completeAt(draftWithCursor: string, options: { citationStyle?: 'none' | 'inline' | 'footnote' } = {}) {
  const at = draftWithCursor.indexOf('|');
  const text = draftWithCursor.slice(0, at) + draftWithCursor.slice(at + 1);
  const lines = new LineIndex(text);
  const position = lines.positionAt(at);
  const list = completeOfficialWording(bundledIndex(), { text }, position, options);
  const apply = (item: CompletionItem): string => {
    const edits: TextEdit[] = [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])];
    let out = text;
    for (const e of edits.sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start))) {
      out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
    }
    return out;
  };
  const lineOf = (item: CompletionItem) => new LineIndex(apply(item)).lineText(position.line);
  return { items: list.items, apply, lineOf };
}

describe('completion: phrase continuation', () => {
  it('completes a programme name first, then the sentence', () => {
    const { items, lineOf } = completeAt('The leaders agreed to launch a High Level Cli|');
    assert.equal(lineOf(items[0]), 'The leaders agreed to launch a High Level Climate Ministerial');
    assert.ok(items.slice(1).some(i => lineOf(i).startsWith('The leaders agreed to launch a High Level Climate Ministerial, which will coordinate')));
    assert.equal(items[0].detail, 'Roadmap for a Renewed U.S.-Canada Partnership, Accelerating Climate Ambitions, ¶5');
  });

  it('keeps the words already typed, typos included, and completes the word being typed', () => {
    const { items, lineOf } = completeAt('by reestablishing the Cross-Bordr Crime F|');
    assert.equal(lineOf(items[0]), 'by reestablishing the Cross-Bordr Crime Forum');
  });

  it('corrects a typo in the word being typed', () => {
    const { items, lineOf } = completeAt('by reestablishing the Cross-Border Crime Frum|');
    assert.equal(lineOf(items[0]), 'by reestablishing the Cross-Border Crime Forum');
  });

  it('never changes the case of a letter typed: lower case where the official word has a capital gets no item', () => {
    assert.deepEqual(completeAt('the leaders agreed to launch a high level cli|').items.map(i => i.label), []);
    assert.deepEqual(completeAt('to support global affordable access to and delivery of COVID-19 vaccines, including through the COVAX f|').items.map(i => i.label), []);
    const { items, lineOf } = completeAt('to support global affordable access to and delivery of COVID-19 vaccines, including through the COVAX F|');
    assert.match(lineOf(items[0]), /through the COVAX Facility/);
    // A capital the drafter typed stays (the source has `the` mid-sentence).
    const start = completeAt('Canada and the United States will enhance law enforcement collaboration by reestablishing The|');
    assert.ok(start.items.length > 0);
    assert.ok(start.items.every(i => start.lineOf(i).includes('reestablishing The Cross-Border Crime Forum')), start.items.map(start.lineOf).join('\n'));
  });

  it('filterText starts with the replaced text and documentation marks the match', () => {
    const { items } = completeAt('Both leaders agreed to launch a High Level Climate Min|');
    const edit = items[0].textEdit as TextEdit;
    const replaced = 'Both leaders agreed to launch a High Level Climate Min'.slice(edit.range.start.character);
    assert.ok(items[0].filterText!.startsWith(replaced));
    const doc = items[0].documentation as { kind: string; value: string };
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /\*\*.*Climate Min/);
  });

  it('continues after a complete word and a space', () => {
    const { items, lineOf } = completeAt('reestablishing the Cross-Border Crime Forum |');
    assert.match(lineOf(items[0]), /^reestablishing the Cross-Border Crime Forum to facilitate cooperation among law enforcement bodies/);
  });
});

describe('completion: typing is never hijacked', () => {
  const none = (line: string) => assert.deepEqual(suggest(bundledIndex(), line).map(s => s.newText), [], line);

  it('offers nothing from one or two letters', () => {
    for (const line of ['a', 'w', 'c', 'We met. A', 'C', 'CO', 'Hi']) none(line);
  });

  it('offers nothing right after . ! ? (closing quotes and brackets included), nor at the start of the next sentence', () => {
    for (const line of ['The leaders agreed to launch a High Level Climate Ministerial.', 'net zero emissions no later than 2050!', 'They said “to achieve net zero emissions no later than 2050.”', 'The leaders agreed to launch a High Level Climate Ministerial. ']) none(line);
  });

  it('offers nothing for ordinary prose sharing a few words with a source', () => {
    for (const line of ['We discussed the price of groceries in both countries', 'We discussed the price of groceries in both countries to', 'The two leaders agreed to s', 'The President and the Prime Min', 'We met the United Sta']) none(line);
  });

  it('offers nothing when the best-matching passages go on in more than three ways', () => {
    const endings = ['critical minerals', 'electric vehicles', 'clean hydrogen', 'forest fires'];
    const index = loadCorpus(endings.map((e, i) => source(`s${i}.md`, `# Statement ${i}\n\nThe ministers agreed to deepen their practical cooperation on ${e}.\n`)));
    assert.deepEqual(suggest(index, 'The ministers agreed to deepen their practical coop'), []);
    const three = loadCorpus(endings.slice(0, 3).map((e, i) => source(`s${i}.md`, `# Statement ${i}\n\nThe ministers agreed to deepen their practical cooperation on ${e}.\n`)));
    assert.deepEqual(new Set(suggest(three, 'The ministers agreed to deepen their practical cooperation on ').map(s => s.newText)), new Set(['critical minerals.', 'electric vehicles.', 'clean hydrogen.']));
  });

  it('never changes a word already typed, nor the case of a letter; the word being typed is only completed or a typo in it corrected', () => {
    const lines = ['The leaders agreed to launch a High Level Cli', 'THE LEADERS AGREED TO LAUNCH A HIGH LEVEL ', 'the leaders agreed to launch a high level ', 'Both leaders agreed to launch a High Levl Climate Min', 'by reestablishing the Cross-Bordr Crime F'];
    for (const line of lines) {
      const items = suggest(bundledIndex(), line);
      assert.ok(items.length > 0, line);
      for (const s of items) {
        assert.equal(s.replaceStart, line.search(/[\p{L}\p{N}]*$/u), 'only the word being typed is replaced');
        const typed = line.slice(s.replaceStart);
        // Min → Ministerial keeps the letters; Levl (an earlier word) stays; only an unfinished typo may differ.
        if (!s.newText.startsWith(typed)) assert.ok(typed.length < s.newText.length && !s.newText.toLowerCase().startsWith(typed.toLowerCase()), `${line} → ${s.newText}`);
      }
    }
  });

  it('filters on the word being typed only, so a space or punctuation after it closes a stale list', () => {
    for (const s of suggest(bundledIndex(), 'They will work to achieve net zero emissions no later th')) {
      assert.ok(/^[\p{L}\p{N}'’]+$/u.test(s.filterText), s.filterText);
      assert.ok(s.filterText.toLowerCase().startsWith('th'));
    }
  });

  it('ghost text only when one continuation is clear, keeping what was typed and adding the citation', () => {
    const at = (text: string) => inlineContinuations(bundledIndex(), { text }, { line: 0, character: text.length }, { citationStyle: 'inline' });
    assert.deepEqual(at('We discussed the price of groceries in both countries'), []);
    assert.deepEqual(at('The two leaders agreed to s'), []);
    const [ghost] = at('The leaders agreed to launch a High Level Cli');
    assert.equal(ghost.insertText, 'Climate Ministerial (Roadmap for a Renewed U.S.-Canada Partnership, Accelerating Climate Ambitions, ¶5)');
    assert.deepEqual(ghost.range, { start: { line: 0, character: 42 }, end: { line: 0, character: 45 } });
    // Typed in lower case where the name has a capital: neither ghost text nor an item.
    assert.deepEqual(at('The leaders agreed to launch a High Level cli').map(g => g.insertText), []);
  });

  it("verbatim.suggestions: 'off' offers nothing, 'names' only names", () => {
    assert.deepEqual(suggest(bundledIndex(), 'The leaders agreed to launch a High Level Cli', undefined, 8, 'off'), []);
    assert.deepEqual(suggest(bundledIndex(), 'They will work to achieve net zero emissions no later th', undefined, 8, 'names'), []);
    assert.deepEqual(suggest(bundledIndex(), 'We look forward to the Cross-Border Crime Fo', undefined, 8, 'names').map(s => [s.kind, s.newText]), [['name', 'Forum']]);
  });
});

/**
 * The line an eval case expects: the typed words kept as typed (typos too, they are the
 * checker's to flag), the word being typed completed, then the rest of `want`.
 */
export function expectedLine(before: string, want: string): string {
  const cut = before.search(/[\p{L}\p{N}]+$/u);
  const typedWord = before.slice(cut).toLowerCase();
  // The word of `want` that the half-typed word starts (or nearly starts: a typo).
  const words = [...want.matchAll(/[\p{L}\p{N}]+/gu)];
  const near = (w: string) => w.toLowerCase().startsWith(typedWord) || [...typedWord].some((_, i) => w.toLowerCase().startsWith(typedWord.slice(0, i) + typedWord.slice(i + 1)));
  const at = words.filter(m => near(m[0])).pop() ?? words[words.length - 1];
  return before.slice(0, cut) + want.slice(at.index);
}

describe('completion: eval cases', () => {
  const files = [path.join(repoRoot, 'test/eval/cases.json'), '/work/shared/eval/dev-cases.json'].filter(f => fs.existsSync(f));
  for (const file of files) {
    const cases = (JSON.parse(fs.readFileSync(file, 'utf8')) as { completions: { before: string; want: string }[] }).completions;
    for (const c of cases) {
      it(`${path.basename(file)}: ${c.before.slice(-40)} → ${c.want}`, () => {
        const { items, lineOf } = completeAt(c.before + '|');
        const lines = items.slice(0, 5).map(lineOf);
        const want = expectedLine(c.before, c.want);
        assert.ok(lines.some(l => l.includes(want)), `want ${want}\ngot:\n${lines.join('\n')}`);
      });
    }
  }
});
