import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus } from '../../server/src/engine';
import { partyRules } from '../../server/src/engine/check/parties';
import { english } from '../../server/src/engine/lang/en';
import { partyTables } from '../../server/src/engine/parties/table';
import { bundledInputs, repoRoot, source } from '../support/corpus';

const read = (p: string) => fs.readFileSync(path.join(repoRoot, p), 'utf8');
const index = loadCorpus([
  ...bundledInputs(),
  source('japan-2021.md', read('test/real/japan/source/2021-04-16-u-s-japan-joint-leaders-statement-u-s-japan-global-partnership-for-a-new-era.md')),
  source('quad-2021.md', read('test/real/quad/source/2021-09-24-joint-statement-from-quad-leaders.md')),
  source('declared.md', '---\ntitle: Joint Statement\nparties: [United States, Republic of Korea]\n---\n\nPresident Yoon Suk Yeol of the Republic of Korea and President Biden agreed to meet again. Japan was mentioned twice. Japan.\n'),
]);
const tables = partyTables(index, english);
const parties = (doc: string, words: string) =>
  [...partyRules(english, tables.get(doc)).parties(words.split(' ').map(w => english.stem(w)))].sort();

describe("each source's parties, offices and leaders, read from the source", () => {
  it('the Roadmap: the United States and Canada; the President, the Prime Minister and their names', () => {
    assert.deepEqual(tables.get('roadmap-2021-02-23')!.homeSides, ['US', 'CA']);
    assert.deepEqual(parties('roadmap-2021-02-23', 'president'), ['US']);
    assert.deepEqual(parties('roadmap-2021-02-23', 'prime minister'), ['CA']);
    assert.deepEqual(parties('roadmap-2021-02-23', 'trudeau'), ['CA'], "the Prime Minister's name, from the signature");
    assert.deepEqual(parties('roadmap-2021-02-23', 'leaders'), ['CA', 'US']);
  });

  it('the Japan statement: the Prime Minister is Japan, the leaders are the United States and Japan', () => {
    assert.deepEqual([...tables.get('japan-2021')!.homeSides].sort(), ['JP', 'US']);
    assert.deepEqual(parties('japan-2021', 'prime minister'), ['JP']);
    assert.deepEqual(parties('japan-2021', 'suga'), ['JP']);
    assert.deepEqual(parties('japan-2021', 'leaders'), ['JP', 'US']);
    assert.deepEqual(parties('japan-2021', 'china'), ['CN'], 'a country named is that country, though not a party');
  });

  it('the Quad statement: its parties from "the leaders of Australia, India, Japan, and the United States"', () => {
    assert.deepEqual([...tables.get('quad-2021')!.homeSides].sort(), ['AU', 'IN', 'JP', 'US']);
    assert.deepEqual(parties('quad-2021', 'prime minister'), ['AU', 'IN', 'JP']);
  });

  it("a source's front matter may declare its parties", () => {
    assert.deepEqual([...tables.get('declared')!.homeSides].sort(), ['KR', 'US']);
    assert.deepEqual(parties('declared', 'yoon'), ['KR']);
    assert.deepEqual(parties('declared', 'leaders'), ['KR', 'US']);
  });
});
