import * as assert from 'node:assert/strict';
import { draftSentences } from '../../server/src/engine/text/sentences';

describe('draft sentences', () => {
  it('a bold or italic run-in heading ends its own sentence (`**Vaccines beyond our borders.** The Roadmap …`)', () => {
    const p = '**Vaccines beyond our borders.** The Roadmap stopped short of any commitment. _Next steps._ More.';
    assert.deepEqual(draftSentences(p).map(([s, e]) => p.slice(s, e)), ['**Vaccines beyond our borders.**', 'The Roadmap stopped short of any commitment.', '_Next steps._', 'More.']);
  });

  it('emphasis inside a sentence does not end it', () => {
    const p = 'The leaders *agreed* to launch the **High Level Climate Ministerial** in 2021.';
    assert.deepEqual(draftSentences(p), [[0, p.length]]);
  });
});
