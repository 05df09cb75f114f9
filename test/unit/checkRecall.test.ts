import * as assert from 'node:assert/strict';
import type { Finding } from '../../server/src/engine';
import { bundledIndex } from '../support/corpus';
import { checkDraft } from '../../server/src/engine/check';

// Patterns the checker learnt after the first eval round, each with a near-miss paraphrase
// that must stay clean.
function warnings(text: string): Finding[] {
  return checkDraft(bundledIndex(), { uri: 'file:///draft.md', text }, {}).filter(f => f.severity === 'warning' || f.severity === 'error');
}
function expectFinding(text: string, code: string, span: string): Finding {
  const fs = warnings(text);
  const at = text.indexOf(span);
  const f = fs.find(x => x.code === code && x.start < at + span.length && at < x.end);
  assert.ok(f, `${code} on "${span}": got ${JSON.stringify(fs.map(x => [x.code, text.slice(x.start, x.end)]))}`);
  return f!;
}
function expectClean(text: string): void {
  assert.deepEqual(warnings(text).map(f => [f.code, text.slice(f.start, f.end)]), [], text);
}

describe('check: actor swaps', () => {
  it('flags one leader given the other leader’s commitment (a next-sentence party does not win the match)', () => {
    expectFinding('The Prime Minister also restated his commitment to holding polluters accountable for their actions.', 'changed-actor', 'Prime Minister');
    expectClean('The President also restated his commitment to holding polluters accountable for their actions.');
  });

  it('flags a third country swapped in for a partner, even when the source names it elsewhere in the sentence', () => {
    expectFinding('The United States and Mexico announced joint initiatives to accelerate the economic recovery of small and medium-sized enterprises.', 'changed-actor', 'Mexico');
    expectClean('The United States and Canada announced joint initiatives to accelerate the economic recovery of small and medium-sized enterprises.');
  });

  it('flags a swap just before the matched stretch (anchored by a shared verb)', () => {
    expectFinding('The Prime Minister acknowledged the United States’ new strengthened national climate plan and its globally ambitious price on pollution.', 'changed-actor', 'the United States');
    expectClean('The President acknowledged Canada’s new strengthened national climate plan and its globally ambitious price on pollution.');
  });

  it('flags "only" one leader where the source names both', () => {
    expectFinding('Only the Prime Minister committed to implement measures to support women’s full and equal participation in the workforce.', 'changed-actor', 'Only the Prime Minister');
    expectClean('The President and the Prime Minister committed to implement measures to support women’s full and equal participation in the workforce.');
  });

  it('reports a swap of both leader and country once, over both', () => {
    const text = 'The President affirmed the goal for the United States to achieve 90 percent non-emitting electricity by 2030.';
    const fs = warnings(text).filter(f => f.code === 'changed-actor');
    assert.equal(fs.length, 1);
    assert.ok(text.slice(fs[0].start, fs[0].end).includes('the United States'));
    expectClean('The Prime Minister reaffirmed the goal for Canada to achieve 90 percent non-emitting electricity by 2030.');
  });
});
