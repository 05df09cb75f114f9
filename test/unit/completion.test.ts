import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { completeOfficialWording } from '../../server/src/engine/completion';
import { LineIndex } from '../../server/src/engine';
import { bundledIndex, repoRoot } from '../support/corpus';
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

  it('keeps the case of the letters typed', () => {
    const { items, lineOf } = completeAt('the leaders agreed to launch a high level cli|');
    assert.equal(lineOf(items[0]), 'the leaders agreed to launch a high level climate Ministerial');
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
