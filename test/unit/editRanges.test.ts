import * as assert from 'node:assert/strict';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../../server/src/engine';
import { completeOfficialWording, inlineContinuations, insertCommitmentEdits } from '../../server/src/engine/completion';
import { bundledIndex } from '../support/corpus';

const TEXT = 'Readout\nThe leaders agreed to launch a High Level Cli';

/** Fails unless `range` lies inside `text`, start before end. */
function assertInside(text: string, range: Range, what: string): void {
  const lines = new LineIndex(text);
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} of ${lines.lineCount}`);
    assert.ok(p.character >= 0 && p.character <= lines.lineText(p.line).length, `${what}: character ${p.character} on a line of ${lines.lineText(p.line).length}`);
  }
  assert.ok(range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character), `${what}: start after end ${JSON.stringify(range)}`);
}

describe('edit ranges (issue 19, item 7: positions past the end of a line)', () => {
  // Editors and fuzzers send positions past the end of the line or of the document.
  const positions = [
    { line: 1, character: 200 },
    { line: 5, character: 3 },
    { line: 5, character: 300 },
  ];

  it('completion edits stay inside the document', () => {
    for (const position of positions) {
      const list = completeOfficialWording(bundledIndex(), { text: TEXT }, position, { citationStyle: 'footnote' });
      assert.ok(list.items.length > 0, `completion at ${JSON.stringify(position)}`);
      for (const item of list.items) {
        assertInside(TEXT, (item.textEdit as TextEdit).range, `${item.label} at ${JSON.stringify(position)}`);
        for (const e of item.additionalTextEdits ?? []) assertInside(TEXT, e.range, `additional edit of ${item.label}`);
      }
    }
  });

  it('ghost-text ranges stay inside the document', () => {
    for (const position of positions) {
      const items = inlineContinuations(bundledIndex(), { text: TEXT }, position);
      assert.ok(items.length > 0, `ghost text at ${JSON.stringify(position)}`);
      for (const item of items) assertInside(TEXT, item.range, `ghost text at ${JSON.stringify(position)}`);
    }
  });

  it('Insert Commitment edits stay inside the document', () => {
    const paragraph = bundledIndex().paragraphs[5];
    for (const position of [...positions, { line: 0, character: 99 }]) {
      const edits = insertCommitmentEdits(bundledIndex(), { text: TEXT }, position, paragraph, 0, 'footnote');
      assert.ok(edits.length > 0);
      for (const e of edits) assertInside(TEXT, e.range, `insert at ${JSON.stringify(position)}`);
    }
  });

  it('LineIndex.clamp keeps positions inside, leaving those already inside as they are', () => {
    const lines = new LineIndex('ab\r\ncd\n');
    assert.deepEqual(lines.clamp({ line: 0, character: 9 }), { line: 0, character: 2 });
    assert.deepEqual(lines.clamp({ line: 1, character: 1 }), { line: 1, character: 1 });
    assert.deepEqual(lines.clamp({ line: 7, character: 0 }), { line: 2, character: 0 });
    assert.deepEqual(lines.clamp({ line: -1, character: 4 }), { line: 0, character: 0 });
  });
});
