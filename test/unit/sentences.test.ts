import * as assert from 'node:assert/strict';
import { draftSentences } from '../../server/src/engine/text/sentences';
import { wordsOf } from '../../server/src/engine/text/words';

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

describe('draft words', () => {
  it('a prefix written with a hyphen makes one word (`co-operation` is `cooperation`, `re-establish` is `reestablish`)', () => {
    const keys = (t: string) => wordsOf(t).map(w => w.key);
    assert.deepEqual(keys('co-operation'), keys('cooperation'));
    assert.deepEqual(keys('re-establish the Forum'), keys('reestablish the Forum'));
    assert.deepEqual(wordsOf('re-establish').map(w => [w.start, w.end]), [[0, 12]]);
    // Other hyphenated words keep their parts.
    assert.equal(wordsOf('U.S.-Canada').length, 2);
  });
});
