import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/corpus';

// The golden snapshot of every finding on every labelled draft, the bundled sources checked
// against themselves and the real documents in test/real/. It changes only in a commit that
// says why (`node scripts/eval/golden.js` shows the difference; `--update` rewrites it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const golden = require(path.join(repoRoot, 'scripts', 'eval', 'golden.js')) as { snapshotLines(): string[]; snapshotFile: string };

describe('golden snapshot: every finding on the labelled and real documents', function () {
  this.timeout(60000);
  it('is unchanged (node scripts/eval/golden.js shows the difference)', () => {
    const committed = fs.readFileSync(golden.snapshotFile, 'utf8').split('\n').filter(Boolean);
    const now = golden.snapshotLines();
    const a = new Set(committed);
    const b = new Set(now);
    const gone = committed.filter(l => !b.has(l));
    const added = now.filter(l => !a.has(l));
    assert.ok(now.length > 0, 'the snapshot run produced no findings at all');
    assert.deepEqual({ gone: gone.slice(0, 20), added: added.slice(0, 20), counts: [gone.length, added.length] }, { gone: [], added: [], counts: [0, 0] });
    assert.deepEqual(now, committed, 'same findings, in another order');
  });
});
