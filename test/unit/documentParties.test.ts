import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCorpus } from '../../server/src/engine';
import { english } from '../../server/src/engine/lang/en';
import { countriesNamed, sourceCountries, unrelatedSources } from '../../server/src/engine/parties/documents';
import { bundledInputs, repoRoot, source } from '../support/corpus';

const japan = fs.readFileSync(path.join(repoRoot, 'test/real/japan/source/2021-04-16-u-s-japan-joint-leaders-statement-u-s-japan-global-partnership-for-a-new-era.md'), 'utf8');
const index = loadCorpus([...bundledInputs(), source('japan-2021.md', japan)]);
const words = (n: number, about: string) => Array.from({ length: n }, (_, i) => (i % 10 === 0 ? about : 'word')).join(' ');

describe('which countries a document is about, and which sources a draft cannot be restating', () => {
  it('counts the countries a text names, by any of their names', () => {
    const counts = countriesNamed('The United States and Canada met in Ottawa; the U.S. and Japan met in Tokyo. Canadian officials attended.', english);
    assert.deepEqual(Object.fromEntries(counts), { US: 2, CA: 3, JP: 2 });
  });

  it("reads each source's countries from its text", () => {
    const countries = sourceCountries(index, english);
    assert.deepEqual([...countries.get('roadmap-2021-02-23')!].sort(), ['CA', 'US']);
    assert.ok(countries.get('japan-2021')!.has('JP'));
    assert.ok(!countries.get('japan-2021')!.has('CA'));
  });

  it('leaves out a source about other countries for a document about Japan, but keeps it for a document about Canada', () => {
    assert.deepEqual([...unrelatedSources(index, words(200, 'Japan'), english)].sort(), ['roadmap-2021-02-23', 'roadmap-statement-2021-02-23']);
    assert.deepEqual([...unrelatedSources(index, words(200, 'Canada'), english)], ['japan-2021']);
  });

  it('leaves out nothing for a sentence or two, or for a document naming no other country', () => {
    assert.deepEqual([...unrelatedSources(index, 'The leaders ruled out cooperating with China on climate. China was not discussed further.', english)], []);
    assert.deepEqual([...unrelatedSources(index, words(200, 'leaders'), english)], []);
  });
});
