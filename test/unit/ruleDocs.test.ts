import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RuleDocs } from '../../server/src/engine/rules';
import { repoRoot } from '../support/corpus';

describe('rule pages', () => {
  it('the engine carries every page of docs/rules as written (run node scripts/gen-rules.js after editing one)', () => {
    const dir = path.join(repoRoot, 'docs', 'rules');
    const pages = Object.fromEntries(fs.readdirSync(dir).filter(f => f.endsWith('.md')).sort().map(f => [f.slice(0, -3), fs.readFileSync(path.join(dir, f), 'utf8')]));
    assert.deepEqual({ ...RuleDocs }, pages);
  });
});
