import * as assert from 'node:assert/strict';
import { footnoteId, quotationEdits } from '../../server/src/engine/citations';
import { sourceTree } from '../../server/src/engine/sourceTree';
import { bundledIndex } from '../support/corpus';

const ID = 'roadmap-2021-02-23#accelerating-climate-ambitions-4';

function apply(text: string, edits: { start: number; end: number; newText: string }[]): string {
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

describe('insert quotation', () => {
  it('inline style cites document, section and paragraph', () => {
    const out = apply('Intro: |', quotationEdits(bundledIndex(), ID, 'Intro: |', 7, 'inline')!).replace('|', '');
    assert.match(out, /^Intro: “.+” \(Roadmap for a Renewed U\.S\.-Canada Partnership, Accelerating Climate Ambitions, ¶4\)$/);
  });

  it('none style inserts the bare quotation', () => {
    const out = apply('', quotationEdits(bundledIndex(), ID, '', 0, 'none')!);
    assert.match(out, /^“[^”]+”$/);
  });

  it('footnote style adds a definition once, at the end of the draft', () => {
    assert.equal(footnoteId(bundledIndex().getParagraph(ID)!), 'roadmap-2021-02-23-accelerating-climate-ambitions-4');
    const draft = 'First point.\n\nSecond point.';
    const once = apply(draft, quotationEdits(bundledIndex(), ID, draft, 12, 'footnote')!);
    assert.match(once, /^First point\.“.+”\[\^roadmap-2021-02-23-accelerating-climate-ambitions-4\]\n\nSecond point\.\n\n\[\^roadmap-2021-02-23-accelerating-climate-ambitions-4\]: Roadmap for a Renewed U\.S\.-Canada Partnership, Accelerating Climate Ambitions, ¶4, 23 February 2021\. <https:\/\/www\.whitehouse\.gov\/.+>\n$/s);
    const twice = apply(once, quotationEdits(bundledIndex(), ID, once, 0, 'footnote')!);
    assert.equal(twice.match(/^\[\^roadmap-2021-02-23-accelerating-climate-ambitions-4\]:/gm)?.length, 1);
  });

  it('returns undefined for an unknown paragraph', () => {
    assert.equal(quotationEdits(bundledIndex(), 'nope#x-1', '', 0, 'inline'), undefined);
  });
});

describe('sources tree', () => {
  it('lists documents → sections → paragraphs with escaped tooltips and locations', () => {
    const tree = sourceTree(bundledIndex());
    assert.deepEqual(tree.map(d => d.id), ['roadmap-2021-02-23', 'roadmap-statement-2021-02-23']);
    const opening = tree[0].sections[0];
    assert.equal(opening.id, 'opening');
    const p = opening.paragraphs[0];
    assert.ok(p.text.startsWith('It is in the shared interest'));
    assert.match(p.tooltip, /^\*\*Roadmap/);
    assert.ok(p.location && p.location.uri === 'verbatim-source:/roadmap-2021-02-23.md');
  });
});
