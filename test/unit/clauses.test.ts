import * as assert from 'node:assert/strict';
import { draftClauses, headClauses } from '../../server/src/engine/check/clauses';
import { english } from '../../server/src/engine/lang/en';

const parts = (text: string) => draftClauses(english, text, 0, text.length).map(([s, e]) => text.slice(s, e).trim());
const heads = (text: string) => headClauses(english, text, 0, text.length).map(e => text.slice(0, e));

describe('draft clauses: the parts of a sentence checked on their own', () => {
  it('opens a clause at a conjunction before a subject', () => {
    assert.deepEqual(parts('The President agreed to expand cooperation on continental defense, and the Prime Minister welcomed the new task force on trafficking.'), [
      'The President agreed to expand cooperation on continental defense',
      'the Prime Minister welcomed the new task force on trafficking.',
    ]);
  });

  it('does not open one at the last item of a list of names', () => {
    const text = 'Senior officials from Australia, India, Japan, and the United States met virtually today to review implementation of the commitments made by Quad leaders.';
    assert.deepEqual(parts(text), []);
    assert.ok(heads(text).every(h => !h.endsWith('India') && !h.endsWith('Japan')), heads(text).join(' | '));
  });
});
