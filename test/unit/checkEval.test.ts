import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { repoRoot } from '../support/corpus';

// The labelled sentence sets as a regression guard (whole-document sets are guarded by the
// golden snapshot and scored by `npm run eval`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { evaluate } = require(path.join(repoRoot, 'scripts', 'eval', 'score.js')) as {
  evaluate(names: string[]): Record<string, { precision: number; recall: number; cleanAlarms: number; skipped?: boolean; failures: unknown[] }>;
};

// Sixth session: the restatement gate and the strength rules (trust issue) cost one expected
// finding each in holdout-4, -5 and -6 and two in holdout-11 (each a restatement whose words next
// to the difference are mostly the drafter's own); their floors were lowered to the new level,
// within the issue's bound of 0.03. The official-name rules (names/compare.ts) then cost one
// expected finding each in tuning-2, holdout-1, -2 and -9: the party order of a name is free
// (`Renewed Canada-U.S. Partnership`), and a changed preposition is not an alteration
// (`Summit of Democracies`). Earlier:
// Floors at the level measured when the guard was last raised (fifth session): precision
// 1.000 on every set; recall cases 1.000, tuning-2 1.000, holdout-1 1.000, holdout-2 0.952, holdout-7 0.980,
// holdout-11 0.920, holdout-12 0.868, holdout-3 to holdout-6 and holdout-8 to holdout-10 1.000;
// no clean draft flagged anywhere.
const FLOORS: Record<string, { precision: number; recall: number }> = {
  cases: { precision: 1, recall: 1 },
  'tuning-2': { precision: 1, recall: 0.98 },
  'holdout-1': { precision: 1, recall: 0.97 },
  'holdout-2': { precision: 1, recall: 0.93 },
  'holdout-3': { precision: 1, recall: 1 },
  'holdout-4': { precision: 1, recall: 0.98 },
  'holdout-5': { precision: 1, recall: 0.98 },
  'holdout-6': { precision: 1, recall: 0.97 },
  'holdout-7': { precision: 1, recall: 0.98 },
  'holdout-8': { precision: 1, recall: 1 },
  'holdout-9': { precision: 1, recall: 0.98 },
  'holdout-10': { precision: 1, recall: 1 },
  'holdout-11': { precision: 1, recall: 0.9 },
  'holdout-12': { precision: 1, recall: 0.86 },
  'holdout-13': { precision: 0.97, recall: 0.9 },
  'dev-cases': { precision: 1, recall: 1 },
};
/** Clean drafts allowed to draw an alarm, per set: none. */
const ALLOWED_ALARMS: Record<string, number> = {};

for (const [name, floor] of Object.entries(FLOORS)) {
  describe(`check: labelled tuning set test/eval/${name}.json`, () => {
    const r = evaluate([name])[name];
    it(`keeps precision >= ${floor.precision} and recall >= ${floor.recall}`, () => {
      assert.ok(!r.skipped, `test/eval/${name}.json is missing`);
      assert.ok(r.precision >= floor.precision, `precision ${r.precision}: ${JSON.stringify(r.failures)}`);
      assert.ok(r.recall >= floor.recall, `recall ${r.recall}: ${JSON.stringify(r.failures)}`);
    });
    it(`raises no false alarm on a clean draft${ALLOWED_ALARMS[name] ? ` beyond the ${ALLOWED_ALARMS[name]} known` : ''}`, () => {
      assert.ok(r.cleanAlarms <= (ALLOWED_ALARMS[name] ?? 0), JSON.stringify(r.failures));
    });
  });
}
