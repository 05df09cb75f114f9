/** Scores the labelled hover cases: hovering the middle of `phrase` must show `section`. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hoverAt } from '../../server/src/engine/hover';
import { unescapeMarkdown } from '../../server/src/engine/text/markdown';
import { bundledIndex, repoRoot } from '../support/corpus';

interface HoverCase {
  line: string;
  phrase: string;
  section: string;
}

function load(file: string): HoverCase[] {
  if (!fs.existsSync(file)) return [];
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { hovers?: HoverCase[] }).hovers ?? [];
}

describe('hover eval cases', () => {
  const cases = [...load(path.join(repoRoot, 'test', 'eval', 'cases.json')), ...load('/work/shared/eval/dev-cases.json')];
  const failures: string[] = [];
  for (const c of cases) {
    it(`${c.phrase} → ${c.section}`, () => {
      const offset = c.line.indexOf(c.phrase) + Math.floor(c.phrase.length / 2);
      assert.ok(offset >= 0);
      const h = hoverAt(bundledIndex(), c.line, offset);
      const ok = !!h && unescapeMarkdown(h.markdown).includes(c.section);
      if (!ok) failures.push(c.phrase);
      assert.ok(ok, `hover on "${c.phrase}" should show ${c.section}; got ${h?.markdown.slice(0, 200) ?? 'nothing'}`);
    });
  }
  after(() => console.log(`    hover eval: ${cases.length - failures.length}/${cases.length} passing`));
});
