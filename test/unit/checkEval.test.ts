import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { repoRoot } from '../support/corpus';

// The labelled tuning set as a regression guard. The held-out set is scored by `npm run eval`
// and reported, never asserted on (it is not tuned on).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { evaluate } = require(path.join(repoRoot, 'scripts', 'eval', 'score.js')) as {
  evaluate(names: string[]): Record<string, { precision: number; recall: number; cleanAlarms: number; skipped?: boolean; failures: unknown[] }>;
};

describe('check: labelled tuning set (test/eval/cases.json)', () => {
  const r = evaluate(['cases']).cases;
  // Measured on the checker2 branch: precision 1.000, recall 1.000 (168 cases).
  it('keeps precision and recall at the measured level', () => {
    assert.ok(r.precision >= 1, `precision ${r.precision}: ${JSON.stringify(r.failures)}`);
    assert.ok(r.recall >= 1, `recall ${r.recall}: ${JSON.stringify(r.failures)}`);
  });
  it('raises no false alarm on any clean draft', () => {
    assert.equal(r.cleanAlarms, 0, JSON.stringify(r.failures));
  });
});
